import type { DemoComment, DemoPost } from './comments.mjs';

export declare const DEMO_NOW: number;
export declare const HOSTILE_CSS: string;
export declare function escapeHtml(value: string): string;
export declare function renderXThread(options: {
  post: DemoPost;
  comments: DemoComment[];
  more?: DemoComment[][];
  statusId: string;
  title?: string;
  extraHead?: string;
}): string;
export declare function renderFacebookPost(options: {
  post: DemoPost;
  comments: DemoComment[];
  more?: DemoComment[][];
  postPath: string;
  title?: string;
  extraHead?: string;
}): string;

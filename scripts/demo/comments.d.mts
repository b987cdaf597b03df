import type { CriterionId } from '../../lib/policy/schema';

export interface DemoComment {
  id: string;
  name: string;
  handle: string;
  /** Facebook profile path when it is not derived from the name (e.g. profile.php?id=…). */
  fb?: string;
  text: string;
  /** Criteria the comment must be flagged with (it may have others too). */
  expect: CriterionId[];
  /** Must not be flagged at all. */
  clean?: boolean;
  minutesAgo: number;
  replies?: DemoComment[];
}
export interface DemoPost {
  name: string;
  handle: string;
  fbPage: string;
  time: string;
  text: string;
}
export declare const POST: DemoPost;
export declare const COMMENTS: DemoComment[];
export declare const MORE_COMMENTS: DemoComment[][];
export declare function allComments(list?: DemoComment[]): DemoComment[];

import type { Platform } from '../policy/schema';

export interface Author {
  /** X: handle without "@". Facebook: vanity name or profile id when it can be read. */
  handle?: string;
  displayName?: string;
  profileUrl?: string;
}

/** One text node's place in the extracted text, so offsets can be turned back into DOM ranges. */
export interface TextSegment {
  node: Text;
  /** Offset in `ExtractedComment.text` where `node.data` starts. */
  start: number;
}

export type CommentKind = 'post' | 'focused' | 'reply' | 'comment';

export interface ExtractedComment {
  site: Platform;
  /** The comment's container (the element the overlay outlines and badges). */
  element: HTMLElement;
  /** The element that holds the comment text, or null when there is none (media only). */
  textElement: HTMLElement | null;
  /** The comment's own text (emoji from img[alt]); never includes a quoted post's text. */
  text: string;
  /** Where each text node sits in `text`; characters from img[alt] have no segment. */
  segments: TextSegment[];
  /** Stable key: the permalink, status id or comment_id; falls back to author + text. */
  key: string;
  author: Author;
  permalink?: string;
  /** ISO 8601 time from the page, when it shows one. */
  time?: string;
  kind: CommentKind;
  /** 0 for posts and top-level comments, 1 for a reply to a comment, and so on. */
  depth: number;
  quoted?: { text: string; author?: Author; permalink?: string };
  /**
   * The page shows only the start of the text (Facebook's "See more"): findings may be missing.
   * The page's expansion changes the comment, so it is read again then.
   */
  partial?: boolean;
}

export interface SiteAdapter {
  site: Platform;
  /** Does this adapter handle the page at this URL? */
  matches(url: URL): boolean;
  /** Is this a page that should have comments (a status thread, a post)? */
  isThreadPage(url: URL, doc: Document): boolean;
  /** The narrowest element that contains the feed or comment list, to observe. */
  findRoot(doc: Document): Element | null;
  /** Every comment container under `root` (including root itself if it is one). */
  findComments(root: ParentNode): HTMLElement[];
  /** Read one comment container; null when it is not a readable comment. */
  extract(el: HTMLElement): ExtractedComment | null;
}

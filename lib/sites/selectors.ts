/**
 * Every CSS selector the site adapters use, one object per site, so a site change is fixed in one
 * place and checked against the saved pages in test/fixtures/sites.
 *
 * Class names are never used: both sites generate them (`css-175oi2r`, `x1lliihq`) and change
 * them with every build. Only `data-testid`, ARIA roles and attributes, tag names and link shapes
 * are relied on.
 */

/** x.com / twitter.com (web app as of late 2025). */
export const XSelectors = {
  /** One post (tweet). A quoted tweet inside it is a `div[role="link"]`, not an article. */
  tweet: 'article[data-testid="tweet"]',
  /** Fallback when `data-testid` is missing: an article with a status link holding a time. */
  anyArticle: 'article',
  tweetText: '[data-testid="tweetText"]',
  /** An X Article (long-form post): its reading view holds the title and the body's blocks. */
  articleView: '[data-testid="twitterArticleReadView"]',
  articleTitle: '[data-testid="twitter-article-title"]',
  /** The body's paragraphs, headings and list items (editor blocks) and its code blocks. */
  articleBlock:
    '[data-testid="twitterArticleRichTextView"] [data-block="true"], [data-testid="twitterArticleRichTextView"] [data-testid="markdown-code-block"]',
  userName: '[data-testid="User-Name"]',
  statusLink: 'a[href*="/status/"]',
  time: 'time[datetime]',
  /** The virtualised list row around each tweet. */
  cell: '[data-testid="cellInnerDiv"]',
  primaryColumn: '[data-testid="primaryColumn"]',
  /** "Timeline: Conversation", "Timeline: Search timeline"… (English UI only; a fallback). */
  timeline: '[aria-label*="Timeline"]',
  main: 'main',
} as const;

/** www.facebook.com (the React "Comet" web app as of 2025). */
export const FacebookSelectors = {
  /** Posts and comments are both `role="article"`; comments are told apart in facebook.ts. */
  article: '[role="article"]',
  /** The English UI labels comment articles "Comment by …" and replies "Reply by …". */
  commentLabelPrefix: /^(?:Comment|Reply) by /,
  /** A reply's own label (English UI only; `replyLink` says the same in any language). */
  replyLabelPrefix: /^Reply by /,
  /** A comment's permalink (also on its author link) carries the comment id. */
  commentLink: 'a[href*="comment_id="]',
  /** A reply's permalink carries its own id beside its thread's comment id. */
  replyLink: 'a[href*="reply_comment_id="]',
  /** Every link: filtered in code into profile links and permalinks. */
  link: 'a[href]',
  /** Comment text paragraphs. The author's name is also `dir="auto"` but sits inside a link. */
  textBlock: 'div[dir="auto"]',
  /** "See more", "Like", "Reply": controls, never comment text. */
  button: '[role="button"]',
  time: 'time[datetime], abbr[data-utime]',
  listItem: 'li',
  main: '[role="main"]',
  dialog: '[role="dialog"]',
} as const;

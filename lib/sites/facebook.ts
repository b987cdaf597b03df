import { FacebookSelectors as S } from './selectors';
import {
  baseUrl,
  hashKey,
  isElement,
  parseUrl,
  queryAllIncludingRoot,
  readText,
  tidy,
} from './text';
import type { Author, ExtractedComment, SiteAdapter } from './types';

const FB_ORIGIN = 'https://www.facebook.com';
/** Where a profile or post link may point: every Facebook host, the mobile ones included. */
const HOSTS = /^(?:www\.|m\.|web\.|mbasic\.|touch\.)?facebook\.com$/i;
/**
 * The pages this adapter reads: the desktop site only. The mobile sites (m., mbasic., touch.) draw
 * comments in other markup (`div[data-sigil="comment"]`, no `role="article"`), and no current
 * capture of it has been found to build and test a reader on, so they are not claimed.
 */
const PAGE_HOSTS = /^(?:www\.|web\.)?facebook\.com$/i;
const THREAD_PATH =
  /\/posts\/|\/permalink\.php|\/story\.php|\/photo|\/videos\/|\/watch\/?|\/reel\//;
/** First path segments that are never a person's or page's vanity name. */
const RESERVED = new Set([
  'ads',
  'bookmarks',
  'business',
  'comment',
  'events',
  'friends',
  'gaming',
  'groups',
  'hashtag',
  'help',
  'home.php',
  'l.php',
  'live',
  'login',
  'marketplace',
  'media',
  'messages',
  'notifications',
  'pages',
  'people',
  'permalink.php',
  'photo',
  'photo.php',
  'photos',
  'policies',
  'posts',
  'privacy',
  'reel',
  'reels',
  'saved',
  'search',
  'settings',
  'share',
  'sharer',
  'sharer.php',
  'stories',
  'story.php',
  'ufi',
  'videos',
  'watch',
]);
/** Query parameters that identify a post or comment; the rest (`__cft__`, `__tn__`) is tracking. */
const PERMALINK_PARAMS = ['story_fbid', 'id', 'fbid', 'v', 'set', 'comment_id', 'reply_comment_id'];

function isFacebookHost(url: URL): boolean {
  return HOSTS.test(url.hostname);
}

/** The author a link points to, or undefined when it is not a profile link. */
function profileFromHref(href: string | null): Author | undefined {
  const url = parseUrl(href, FB_ORIGIN);
  if (!url || !isFacebookHost(url)) return undefined;
  const path = url.pathname;
  if (/^\/profile\.php\/?$/.test(path)) {
    const id = url.searchParams.get('id');
    return id ? { handle: id, profileUrl: `${FB_ORIGIN}/profile.php?id=${id}` } : undefined;
  }
  const groupUser = /^\/groups\/[^/]+\/user\/(\d+)\/?$/.exec(path)?.[1];
  if (groupUser)
    return { handle: groupUser, profileUrl: `${FB_ORIGIN}/profile.php?id=${groupUser}` };
  const person = /^\/people\/([^/]+)\/(\d+|pfbid[0-9A-Za-z]+)\/?$/.exec(path);
  if (person?.[2]?.startsWith('pfbid')) {
    // An opaque profile id Facebook gives some profiles instead of a number; only this link form
    // opens the profile, so it is kept as it is.
    return { handle: person[2], profileUrl: `${FB_ORIGIN}/people/${person[1]}/${person[2]}/` };
  }
  if (person?.[2]) {
    return { handle: person[2], profileUrl: `${FB_ORIGIN}/profile.php?id=${person[2]}` };
  }
  const vanity = /^\/([A-Za-z0-9.-]{1,80})\/?$/.exec(path)?.[1];
  if (vanity && !RESERVED.has(vanity.toLowerCase())) {
    return { handle: vanity, profileUrl: `${FB_ORIGIN}/${vanity}` };
  }
  return undefined;
}

interface CommentIds {
  commentId?: string;
  replyCommentId?: string;
}

function idsFromUrl(url: URL | undefined): CommentIds {
  return {
    commentId: url?.searchParams.get('comment_id') ?? undefined,
    replyCommentId: url?.searchParams.get('reply_comment_id') ?? undefined,
  };
}

/** A clean permalink: the post path and the id parameters, without tracking parameters. */
function cleanPermalink(url: URL): string {
  const out = new URL(url.pathname, FB_ORIGIN);
  for (const name of PERMALINK_PARAMS) {
    const value = url.searchParams.get(name);
    if (value !== null) out.searchParams.set(name, value);
  }
  return out.toString();
}

/** Is `node` owned by the article `el`, rather than by a reply article nested inside it? */
function ownedBy(node: Element, el: Element): boolean {
  return node.closest(S.article) === el;
}

/** Comment-id links that belong to `el` itself. */
function ownCommentLinks(el: Element): Element[] {
  return Array.from(el.querySelectorAll(S.commentLink)).filter((a) => ownedBy(a, el));
}

/**
 * Verdicts of `isCommentArticle`, kept until the current task's microtasks run. Reading a thread
 * asks about the same post article once per comment (for depth), and each answer scans the whole
 * post; page scripts cannot change the DOM in the middle of our synchronous pass, so within one
 * task the answer cannot go stale.
 */
let verdicts: WeakMap<Element, boolean> | undefined;

function isCommentArticle(el: Element): boolean {
  if (!verdicts) {
    verdicts = new WeakMap();
    queueMicrotask(() => {
      verdicts = undefined;
    });
  }
  let verdict = verdicts.get(el);
  if (verdict === undefined) {
    verdict = judgeArticle(el);
    verdicts.set(el, verdict);
  }
  return verdict;
}

function judgeArticle(el: Element): boolean {
  if (!el.matches(S.article)) return false;
  if (S.commentLabelPrefix.test(el.getAttribute('aria-label') ?? '')) return true;
  // Language-independent: the comment's timestamp (and author) links carry comment_id.
  if (ownCommentLinks(el).length > 0) return true;
  // A comment still being posted has no permalink yet, but it already sits in a comment list
  // item inside the post (or the post's dialog).
  const item = el.parentElement?.closest(S.listItem);
  return Boolean(item?.parentElement?.closest(`${S.article}, ${S.dialog}`));
}

/**
 * How many comments this one is nested under. Facebook has nested reply articles inside the
 * comment article, has put a reply list beside the comment article in the same `li`, and now
 * draws a thread as a box whose first child is the comment and whose next holds its replies (see
 * `headsThread`); all are counted, so the answer does not depend on which layout is served.
 */
function depthOf(el: Element): number {
  const reply = saysReply(el);
  let depth = 0;
  let child = el;
  for (let node = el.parentElement; node; child = node, node = node.parentElement) {
    if (node.matches(S.article)) {
      // Above the post (or its dialog) there are no more threads to count.
      if (!isCommentArticle(node)) break;
      depth += 1;
    } else if (node.matches(S.dialog)) {
      break;
    } else if (node.matches(S.listItem)) {
      const head = Array.from(node.querySelectorAll(S.article)).find(
        (a) => a.parentElement?.closest(S.listItem) === node && isCommentArticle(a),
      );
      if (head && head !== el && !head.contains(el)) depth += 1;
    } else if (reply && headsThread(node, child)) {
      depth += 1;
    }
  }
  return depth;
}

/** Does the comment say it is a reply: a "Reply by" label, or its own link with its reply id? */
function saysReply(el: Element): boolean {
  if (S.replyLabelPrefix.test(el.getAttribute('aria-label') ?? '')) return true;
  return Array.from(el.querySelectorAll(S.replyLink)).some((a) => ownedBy(a, el));
}

/**
 * Is `node` a thread box seen from its child `child`: its first child is a comment alone (itself,
 * or in wrappers of one child each) and `child`, a later child, holds the replies? Seen on
 * facebook.com in 2025–26, with the replies box there (empty) even when there are none. A list of
 * comments looks the same from its second item unless that item is a comment alone too, so this
 * is only asked for comments that say they are replies, and not when `child` is a comment alone.
 */
function headsThread(node: Element, child: Element): boolean {
  const first = node.firstElementChild;
  return first !== null && first !== child && soleComment(first) && !soleComment(child);
}

/** Is `el` a comment article, or wrappers of one child each around one? */
function soleComment(el: Element): boolean {
  for (let node: Element | null = el; node;) {
    if (node.matches(S.article)) return isCommentArticle(node);
    node = node.children.length === 1 ? node.firstElementChild : null;
  }
  return false;
}

/** Does the comment's own text hold a control ("See more"): the page shows only part of it? */
function cutShort(el: Element, blocks: readonly Element[]): boolean {
  return blocks.some((b) =>
    Array.from(b.querySelectorAll(S.button)).some((button) => ownedBy(button, el)),
  );
}

/** The outermost own `div[dir="auto"]` paragraphs that are comment text (not names, not controls). */
function textBlocks(el: Element): Element[] {
  const candidates = Array.from(el.querySelectorAll(S.textBlock)).filter(
    (block) =>
      ownedBy(block, el) &&
      !block.closest('a') &&
      !block.closest(S.button) &&
      !block.closest('[contenteditable="true"], [role="textbox"]'),
  );
  return candidates.filter(
    (block) => !candidates.some((other) => other !== block && other.contains(block)),
  );
}

function commonAncestor(nodes: readonly Element[], limit: Element): Element | undefined {
  const first = nodes[0];
  if (!first) return undefined;
  let common: Element | null = first;
  while (common && !nodes.every((n) => common?.contains(n))) {
    if (common === limit) return limit;
    common = common.parentElement;
  }
  return common ?? undefined;
}

function readTime(el: Element): string | undefined {
  const found = Array.from(el.querySelectorAll(S.time)).find((t) => ownedBy(t, el));
  if (!found) return undefined;
  const datetime = found.getAttribute('datetime');
  if (datetime) return datetime;
  const seconds = Number(found.getAttribute('data-utime'));
  if (!Number.isFinite(seconds) || seconds <= 0) return undefined;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function readAuthor(links: readonly Element[]): Author {
  let author: Author | undefined;
  for (const a of links) {
    const found = profileFromHref(a.getAttribute('href'));
    if (!found) continue;
    author ??= found;
    if (found.handle !== author.handle) continue;
    // The avatar link comes first and has no text; the name link after it does.
    const name = tidy(readText([a]).text) || tidy(a.getAttribute('aria-label') ?? '');
    if (name) {
      author.displayName = name;
      break;
    }
  }
  return author ?? {};
}

/**
 * The comment's permalink and ids: from a comment-id link that is not a profile link (the
 * timestamp), else, when only the author link carries the ids, from the page's own post URL.
 */
function readPermalink(
  el: Element,
  links: readonly Element[],
): { permalink?: string; ids: CommentIds } {
  const parsed = links
    .map((a) => parseUrl(a.getAttribute('href'), FB_ORIGIN))
    .filter(
      (u): u is URL => u !== undefined && isFacebookHost(u) && u.searchParams.has('comment_id'),
    );
  const posts = parsed.filter((u) => !profileFromHref(u.toString()));
  const best =
    posts.find((u) => u.searchParams.has('reply_comment_id')) ??
    posts[0] ??
    parsed.find((u) => u.searchParams.has('reply_comment_id')) ??
    parsed[0];
  const ids = idsFromUrl(best);
  if (best && posts.includes(best)) return { permalink: cleanPermalink(best), ids };
  const page = parseUrl(baseUrl(el.ownerDocument, ''), FB_ORIGIN);
  if (
    best &&
    page &&
    isFacebookHost(page) &&
    facebookAdapter.isThreadPage(page, el.ownerDocument)
  ) {
    const out = new URL(cleanPermalink(page));
    if (ids.commentId) out.searchParams.set('comment_id', ids.commentId);
    if (ids.replyCommentId) out.searchParams.set('reply_comment_id', ids.replyCommentId);
    return { permalink: out.toString(), ids };
  }
  return { ids };
}

/**
 * Reads comments and replies on www.facebook.com posts, post dialogs and feeds.
 *
 * A comment is a `[role="article"]` labelled "Comment by …"/"Reply by …" or, in any language,
 * one that owns a `comment_id=` link or sits in a comment list item. Text comes only from the
 * comment's own `div[dir="auto"]` paragraphs: never from replies nested inside it, its author's
 * name or its "See more" button. Missing parts are left undefined; nothing here throws on odd DOM.
 *
 * @example
 * const root = facebookAdapter.findRoot(document);
 * const comments = root ? facebookAdapter.findComments(root).map((el) => facebookAdapter.extract(el)) : [];
 */
export const facebookAdapter: SiteAdapter = {
  site: 'facebook',

  matches(url: URL): boolean {
    return PAGE_HOSTS.test(url.hostname);
  },

  isThreadPage(url: URL, doc: Document): boolean {
    if (THREAD_PATH.test(url.pathname) || url.searchParams.has('story_fbid')) return true;
    return Array.from(doc.querySelectorAll(S.dialog)).some(
      (d) => facebookAdapter.findComments(d).length > 0,
    );
  },

  findRoot(doc: Document): Element | null {
    const dialogs = Array.from(doc.querySelectorAll(S.dialog));
    // The last dialog is the one on top: a post opened over the feed.
    const withComments = dialogs.reverse().find((d) => facebookAdapter.findComments(d).length > 0);
    return withComments ?? doc.querySelector(S.main) ?? dialogs[0] ?? doc.body ?? null;
  },

  findComments(root: ParentNode): HTMLElement[] {
    return queryAllIncludingRoot(root, S.article).filter(isCommentArticle) as HTMLElement[];
  },

  extract(el: HTMLElement): ExtractedComment | null {
    if (!isElement(el) || !isCommentArticle(el)) return null;
    const blocks = textBlocks(el);
    const ownLinks = Array.from(el.querySelectorAll(S.link)).filter(
      (a) => ownedBy(a, el) && !blocks.some((b) => b.contains(a)),
    );
    const author = readAuthor(ownLinks);
    const { permalink, ids } = readPermalink(el, ownLinks);
    const { text, segments } = readText(
      blocks,
      (node) =>
        node.matches(S.article) ||
        node.matches(S.button) ||
        node.getAttribute('contenteditable') === 'true',
    );
    const textElement = (commonAncestor(blocks, el) as HTMLElement | undefined) ?? null;
    if (!textElement && !author.handle && !ids.commentId) return null;

    const depth = depthOf(el);
    const comment: ExtractedComment = {
      site: 'facebook',
      element: el,
      textElement,
      text,
      segments,
      key:
        ids.replyCommentId ??
        ids.commentId ??
        `h:${hashKey(`${author.handle ?? author.displayName ?? ''}\n${text}`)}`,
      author,
      kind: depth > 0 ? 'reply' : 'comment',
      depth,
    };
    if (permalink) comment.permalink = permalink;
    const time = readTime(el);
    if (time) comment.time = time;
    if (cutShort(el, blocks)) comment.partial = true;
    return comment;
  },
};

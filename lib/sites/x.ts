import { XSelectors as S } from './selectors';
import { hashKey, isElement, parseUrl, queryAllIncludingRoot, readText, tidy } from './text';
import type { Author, CommentKind, ExtractedComment, SiteAdapter } from './types';

const X_ORIGIN = 'https://x.com';
const HOSTS = /^(?:www\.|mobile\.)?(?:x|twitter)\.com$/i;
/** `/handle/status/123`, `/i/status/123`, `/i/web/status/123`, with or without `/photo/1` after. */
const STATUS_PATH = /^\/(?:i\/web|i|[A-Za-z0-9_]{1,50})\/status(?:es)?\/(\d+)(?:\/|$)/;
const HANDLE_TEXT = /^@([A-Za-z0-9_]{1,50})$/;
const PROFILE_PATH = /^\/([A-Za-z0-9_]{1,50})\/?$/;

interface StatusRef {
  handle?: string;
  id: string;
}

function statusFromHref(href: string | null | undefined): StatusRef | undefined {
  const url = parseUrl(href, X_ORIGIN);
  if (!url) return undefined;
  const match = STATUS_PATH.exec(url.pathname);
  const id = match?.[1];
  if (!match || !id) return undefined;
  const first = url.pathname.split('/')[1];
  return { id, handle: first && first !== 'i' ? first : undefined };
}

/** The canonical x.com permalink: the same on twitter.com and mobile, so records compare. */
function canonicalPermalink(ref: StatusRef): string {
  return `${X_ORIGIN}/${ref.handle ?? 'i/web'}/status/${ref.id}`;
}

function isTweetArticle(el: Element): boolean {
  if (el.matches(S.tweet)) return true;
  if (el.tagName.toUpperCase() !== 'ARTICLE') return false;
  // Without data-testid, an article is a tweet when it holds a status link with a time in it.
  return Array.from(el.querySelectorAll(S.statusLink)).some((a) => a.querySelector(S.time));
}

/** Is `node` inside `container` (or `container` itself)? `container` may be absent. */
function within(node: Node, container: Element | undefined): boolean {
  return container !== undefined && container.contains(node);
}

/**
 * The subtree of a quoted tweet: the highest ancestor of the quote's own User-Name (or, failing
 * that, its text) that holds no part of the quoting tweet. This uses only the order of the parts,
 * not X's `div[role="link"]` wrapper, so it survives wrapper changes.
 *
 * The quoting tweet's parts are its User-Name, any tweetText before the quote's User-Name (X draws
 * the quote below the text that quotes it) and any time in a status link outside the quote's
 * User-Name (the card draws its time without a link). The User-Name alone is not enough: a status
 * page draws the focused tweet's header in one row and its text, the quote card and its time in
 * the next, and that whole row would be taken for the quote.
 */
function findQuoteRoot(article: Element): Element | undefined {
  const names = Array.from(article.querySelectorAll(S.userName));
  const texts = Array.from(article.querySelectorAll(S.tweetText));
  const [ownName, quotedName] = names;
  let start: Element;
  let own: Element[];
  if (ownName && quotedName) {
    start = quotedName;
    const timed = Array.from(article.querySelectorAll(S.statusLink)).filter(
      (a) => a.querySelector(S.time) && !quotedName.contains(a),
    );
    own = [ownName, ...texts.filter((t) => comesAfter(t, quotedName)), ...timed];
  } else {
    const [ownText, quotedText] = texts;
    if (!ownText || !quotedText) return undefined;
    start = quotedText;
    own = [ownText];
  }
  let top = start;
  while (
    top.parentElement &&
    top.parentElement !== article &&
    !own.some((part) => top.parentElement?.contains(part))
  ) {
    top = top.parentElement;
  }
  return top;
}

/**
 * The author from the User-Name block: the handle from its profile link's `href` only, never from
 * the text, since a display name is free text and can read `@someone_else` (abuse would then be
 * filed against the person it names). The display name is the first text that is not the handle
 * as X prints it, kept apart, whatever it looks like. Without a profile link the caller falls back
 * to the status permalink's handle. `handleFromText` is for a quoted tweet only, whose card X draws
 * without links and whose author is shown, never recorded: there the handle is the last text
 * shaped like one (X prints it after the display name, so a name reading `@someone` is not it).
 */
function readAuthor(userName: Element | undefined, handleFromText = false): Author {
  if (!userName) return {};
  let handle: string | undefined;
  for (const a of Array.from(userName.querySelectorAll('a[href]'))) {
    const path = parseUrl(a.getAttribute('href'), X_ORIGIN)?.pathname ?? '';
    const m = PROFILE_PATH.exec(path);
    if (m?.[1]) {
      handle = m[1];
      break;
    }
  }
  // The leaf texts of the block, in order: the display name, then the handle as X prints it.
  const texts = Array.from(userName.querySelectorAll('[dir]'))
    .filter((part) => !part.querySelector('[dir]'))
    .map((part) => tidy(readText([part]).text))
    .filter((value) => value && value !== '·');
  if (!handle && handleFromText) {
    handle = texts.findLast((value) => HANDLE_TEXT.test(value))?.slice(1);
  }
  const printedHandle = handle ? `@${handle}`.toLowerCase() : undefined;
  const displayName = texts.find(
    (value) =>
      value.toLowerCase() !== printedHandle &&
      // Without a link to say which text is the handle, text shaped like one is not taken as a name.
      (handle !== undefined || !HANDLE_TEXT.test(value)),
  );
  const author: Author = {};
  if (handle) {
    author.handle = handle;
    author.profileUrl = `${X_ORIGIN}/${handle}`;
  }
  if (displayName) author.displayName = displayName;
  return author;
}

/**
 * An X Article's reading view and the blocks to read from it, title first, each block on its own
 * line (the body is editor blocks with no line breaks between them, so reading the view whole
 * would run the last word of one paragraph into the first of the next). Blocks inside another
 * block are read with it, not twice. Null when the tweet is not an Article.
 */
function readArticle(
  tweet: Element,
  quote: Element | undefined,
): { view: HTMLElement; blocks: Element[] } | null {
  const view = Array.from(tweet.querySelectorAll(S.articleView)).find((v) => !within(v, quote));
  if (!view) return null;
  const found = Array.from(view.querySelectorAll(S.articleBlock));
  const blocks = found.filter((b) => !found.some((other) => other !== b && other.contains(b)));
  const title = view.querySelector(S.articleTitle);
  const parts = blocks.length > 0 ? blocks : [view];
  return {
    view: view as HTMLElement,
    blocks: title && parts[0] !== view ? [title, ...parts] : parts,
  };
}

/** The tweet's own status link: the one wrapping its time, else any outside the quote. */
function findOwnStatus(
  article: Element,
  quote: Element | undefined,
): { ref?: StatusRef; time?: string } {
  const links = Array.from(article.querySelectorAll(S.statusLink)).filter((a) => !within(a, quote));
  const timed = links.find((a) => a.querySelector(S.time));
  const ownTime = Array.from(article.querySelectorAll(S.time)).find((t) => !within(t, quote));
  const chosen = timed ?? links[0];
  return {
    ref: statusFromHref(chosen?.getAttribute('href')),
    time: (timed?.querySelector(S.time) ?? ownTime)?.getAttribute('datetime') ?? undefined,
  };
}

function pageStatusId(doc: Document | null): string | undefined {
  const href = doc?.location?.href;
  if (!href || !/^https?:/i.test(href)) return undefined;
  return statusFromHref(href)?.id;
}

/**
 * The focused tweet of each document, remembered so reading a long thread does not query the whole
 * page once per tweet. Checked again before each use because X swaps articles as it scrolls.
 */
const focusedCache = new WeakMap<Document, Element>();

function focusedTweet(doc: Document): Element | undefined {
  const cached = focusedCache.get(doc);
  if (cached?.isConnected && cached.getAttribute('tabindex') === '-1') return cached;
  const found = doc.querySelector(`${S.tweet}[tabindex="-1"]`) ?? undefined;
  if (found) focusedCache.set(doc, found);
  else focusedCache.delete(doc);
  return found;
}

/**
 * Focused, reply or post. X marks the focused tweet of a status page with `tabindex="-1"` (others
 * are 0); tweets after it are replies and tweets above it are the thread it answers.
 */
function kindOf(article: Element, id: string | undefined): CommentKind {
  const doc = article.ownerDocument;
  const focusedId = pageStatusId(doc);
  if (article.getAttribute('tabindex') === '-1' || (id !== undefined && id === focusedId)) {
    return 'focused';
  }
  // Only a status page has a focused tweet; elsewhere there is no need to look for one.
  if (focusedId === undefined) return 'post';
  const focused = focusedTweet(doc);
  if (!focused) return 'reply';
  return comesAfter(focused, article) ? 'reply' : 'post';
}

/** Does `el` come after `ref` in document order? (4 is DOCUMENT_POSITION_FOLLOWING.) */
function comesAfter(ref: Element, el: Element): boolean {
  return (ref.compareDocumentPosition(el) & 4) !== 0;
}

/**
 * Reads tweets on x.com and twitter.com: timelines, search and status threads.
 *
 * `depth` is always 0: X draws reply chains flat, with connecting lines that carry no structure.
 * Permalinks and profile URLs are canonical `https://x.com/...` whichever host the page is on.
 *
 * @example
 * const root = xAdapter.findRoot(document);
 * const comments = root ? xAdapter.findComments(root).map((el) => xAdapter.extract(el)) : [];
 */
export const xAdapter: SiteAdapter = {
  site: 'x',

  matches(url: URL): boolean {
    return HOSTS.test(url.hostname);
  },

  isThreadPage(url: URL): boolean {
    return STATUS_PATH.test(url.pathname);
  },

  findRoot(doc: Document): Element | null {
    return (
      doc.querySelector(S.primaryColumn) ??
      doc.querySelector(S.main) ??
      doc.querySelector(S.timeline) ??
      null
    );
  },

  findComments(root: ParentNode): HTMLElement[] {
    return queryAllIncludingRoot(root, S.anyArticle)
      .filter(isTweetArticle)
      .filter((a) => {
        // A tweet article inside another is a quote rendered as an article: part of its parent.
        const outer = a.parentElement?.closest(S.anyArticle);
        return !outer || !isTweetArticle(outer);
      }) as HTMLElement[];
  },

  extract(el: HTMLElement): ExtractedComment | null {
    if (!isElement(el) || !isTweetArticle(el)) return null;
    const quote = findQuoteRoot(el);
    const tweetText =
      (Array.from(el.querySelectorAll(S.tweetText)).find((t) => !within(t, quote)) as
        HTMLElement | undefined) ?? null;
    const article = tweetText ? null : readArticle(el, quote);
    const textElement = tweetText ?? article?.view ?? null;
    const userName = Array.from(el.querySelectorAll(S.userName)).find((u) => !within(u, quote));
    const { ref, time } = findOwnStatus(el, quote);
    const author = readAuthor(userName);
    if (!author.handle && ref?.handle) {
      author.handle = ref.handle;
      author.profileUrl = `${X_ORIGIN}/${ref.handle}`;
    }
    // A tombstone ("This post is unavailable") has neither: nothing to read.
    if (!textElement && !author.handle && !ref) return null;

    const { text, segments } = tweetText
      ? readText([tweetText])
      : article
        ? readText(article.blocks)
        : { text: '', segments: [] };
    const comment: ExtractedComment = {
      site: 'x',
      element: el,
      textElement,
      text,
      segments,
      key: ref?.id ?? `h:${hashKey(`${author.handle ?? ''}\n${text}`)}`,
      author,
      kind: kindOf(el, ref?.id),
      depth: 0,
    };
    if (ref) comment.permalink = canonicalPermalink(ref);
    if (time) comment.time = time;

    if (quote) {
      const quotedTextEl = quote.querySelector(S.tweetText);
      const quotedAuthor = readAuthor(quote.querySelector(S.userName) ?? undefined, true);
      const quotedRef = Array.from(quote.querySelectorAll(S.statusLink))
        .map((a) => statusFromHref(a.getAttribute('href')))
        .find((r) => r !== undefined && r.id !== ref?.id);
      // The quote's permalink names its author more surely than the card's text.
      if (quotedRef?.handle) {
        quotedAuthor.handle = quotedRef.handle;
        quotedAuthor.profileUrl = `${X_ORIGIN}/${quotedRef.handle}`;
      }
      comment.quoted = { text: quotedTextEl ? readText([quotedTextEl]).text : '' };
      if (quotedAuthor.handle || quotedAuthor.displayName) comment.quoted.author = quotedAuthor;
      if (quotedRef) {
        comment.quoted.permalink = canonicalPermalink({
          id: quotedRef.id,
          handle: quotedRef.handle ?? quotedAuthor.handle,
        });
      }
    }
    return comment;
  },
};

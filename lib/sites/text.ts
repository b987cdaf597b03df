import type { TextSegment } from './types';

/** Text read from one or more elements, with each text node's place in it. */
export interface ReadText {
  text: string;
  segments: TextSegment[];
}

// nodeType numbers rather than `instanceof Text`: a document from another window (happy-dom's
// `new Window()`, an iframe) has its own classes, and the adapters must still read it.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements whose content is never visible text. */
const NEVER_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'svg', 'SVG']);

/** Is this node an element? (Safe across windows.) */
export function isElement(node: Node | null | undefined): node is Element {
  return node != null && node.nodeType === ELEMENT_NODE;
}

/** Is this node a text node? (Safe across windows.) */
export function isTextNode(node: Node | null | undefined): node is Text {
  return node != null && node.nodeType === TEXT_NODE;
}

/**
 * Reads the visible text of `blocks` in document order. Text nodes become segments (so the overlay
 * can map offsets back to DOM ranges); `img[alt]` contributes its alt text (how both sites render
 * emoji) without a segment; `<br>` and the gap between two blocks become "\n".
 *
 * `skip` prunes whole subtrees: a quoted tweet, a nested reply, a "See more" button.
 *
 * Invariant: for every segment `s`, `text.slice(s.start, s.start + s.node.data.length) === s.node.data`.
 *
 * @example
 * const { text, segments } = readText([tweetTextElement]);
 */
export function readText(
  blocks: readonly Element[],
  skip: (el: Element) => boolean = () => false,
): ReadText {
  let text = '';
  const segments: TextSegment[] = [];

  // Iterative walk: a hostile page can nest deeply enough to overflow a recursive one.
  const visit = (start: Element): void => {
    const stack: Node[] = [start];
    while (stack.length > 0) {
      const node = stack.pop();
      if (isTextNode(node)) {
        if (node.data.length > 0) {
          segments.push({ node, start: text.length });
          text += node.data;
        }
        continue;
      }
      if (!isElement(node)) continue;
      if (node !== start && skip(node)) continue;
      const tag = node.tagName.toUpperCase();
      if (NEVER_TEXT.has(node.tagName) || NEVER_TEXT.has(tag)) continue;
      if (tag === 'IMG') {
        text += node.getAttribute('alt') ?? '';
        continue;
      }
      if (tag === 'BR') {
        text += '\n';
        continue;
      }
      const children = node.childNodes;
      for (let i = children.length - 1; i >= 0; i -= 1) {
        const child = children[i];
        if (child) stack.push(child);
      }
    }
  };

  blocks.forEach((block, i) => {
    if (i > 0 && text.length > 0 && !text.endsWith('\n')) text += '\n';
    visit(block);
  });
  return { text, segments };
}

/** Collapses runs of white space and trims: for names and labels, never for comment text. */
export function tidy(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/**
 * A short, stable, non-cryptographic hash (cyrb53, 53 bits as hex) for keys of comments that
 * carry no id of their own. Collisions only merge two records' scan caches, never evidence.
 *
 * @example
 * hashKey('alice\nsome text'); // up to 14 hex digits, the same on every run
 */
export function hashKey(value: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < value.length; i += 1) {
    const ch = value.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

/** Every element matching `selector` under `root`, plus `root` itself when it matches. */
export function queryAllIncludingRoot(root: ParentNode, selector: string): Element[] {
  const found = Array.from(root.querySelectorAll(selector));
  if (isElement(root as Node) && (root as Element).matches(selector))
    found.unshift(root as Element);
  return found;
}

/** The page's own URL as a base for relative links, or `fallback` when it is not http(s). */
export function baseUrl(doc: Document | null | undefined, fallback: string): string {
  const href = doc?.location?.href;
  return href && /^https?:/i.test(href) ? href : fallback;
}

/** `new URL(href, base)` without throwing. */
export function parseUrl(href: string | null | undefined, base: string): URL | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, base);
  } catch {
    return undefined;
  }
}

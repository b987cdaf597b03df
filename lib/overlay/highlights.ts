import type { Finding } from '../detect/types';
import type { TextSegment } from '../sites/types';
import type { Severity } from './findings';

/**
 * The DOM ranges covering `start`..`end` of a comment's extracted text: one range per text node
 * the span touches. Characters that came from img[alt] (emoji) have no text node and are skipped.
 * Segments whose node has changed length since it was read are clamped rather than trusted.
 *
 * @example
 * rangesFor(doc, comment.segments, finding.start, finding.end);
 */
export function rangesFor(
  doc: Document,
  segments: readonly TextSegment[],
  start: number,
  end: number,
): Range[] {
  const ranges: Range[] = [];
  for (const seg of segments) {
    const segEnd = seg.start + seg.node.data.length;
    if (segEnd <= start || seg.start >= end) continue;
    if (!seg.node.isConnected) continue;
    const from = Math.max(start, seg.start) - seg.start;
    const to = Math.min(end, segEnd) - seg.start;
    if (to <= from) continue;
    const range = doc.createRange();
    range.setStart(seg.node, from);
    range.setEnd(seg.node, to);
    ranges.push(range);
  }
  return ranges;
}

/** Where the overlay's highlights go: the CSS Custom Highlight API, or nowhere. */
export interface HighlightSink {
  add(kind: Severity, ranges: readonly Range[]): void;
  remove(kind: Severity, ranges: readonly Range[]): void;
  clear(): void;
}

interface HighlightLike {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): boolean;
}
interface HighlightRegistryLike {
  set(name: string, highlight: HighlightLike): unknown;
  delete(name: string): boolean;
}
type HighlightCtor = new (...ranges: AbstractRange[]) => HighlightLike;
/** The IntersectionObserver the overlay uses (nearby.ts too), as far as it uses it. */
export interface ObserverLike {
  observe(target: Element): void;
  unobserve(target: Element): void;
  disconnect(): void;
}
export type ObserverCtor = new (
  callback: (entries: { target: Element; isIntersecting: boolean }[]) => void,
  options?: { rootMargin?: string },
) => ObserverLike;

const NAMES: Record<Severity, string> = { remove: 'ma-remove', crime: 'ma-crime' };
const KINDS: readonly Severity[] = ['remove', 'crime'];

/**
 * How far beyond the viewport (above and below) matched words are kept in the highlight registry:
 * two screens, so words are painted before they scroll into view.
 */
export const HIGHLIGHT_MARGIN = '200% 0px';

/**
 * Uses `CSS.highlights` of the document's window. Where the API is missing (older Firefox) it
 * does nothing: wrapping the site's text nodes in our own elements would break the site's
 * rendering and its own event handlers.
 *
 * Only the ranges of text near the viewport are registered (an IntersectionObserver watches the
 * elements holding the others). Chromium rebuilds its highlight markers for every registered range
 * whenever anything in the document changes, so a long feed with every flagged word registered
 * made each of the site's own frames (and each of ours) slower in proportion to the whole page;
 * with only the words around the viewport registered the cost stays that of a screenful.
 */
export function cssHighlightSink(win: Window | null): HighlightSink {
  const scope = win as unknown as {
    CSS?: { highlights?: HighlightRegistryLike };
    Highlight?: HighlightCtor;
    IntersectionObserver?: ObserverCtor;
  } | null;
  const registry = scope?.CSS?.highlights;
  const Ctor = scope?.Highlight;
  if (!registry || !Ctor) return { add() {}, remove() {}, clear() {} };
  let live: Partial<Record<Severity, HighlightLike>> = {};
  const get = (kind: Severity): HighlightLike => {
    let h = live[kind];
    if (!h) {
      h = new Ctor();
      registry.set(NAMES[kind], h);
      live[kind] = h;
    }
    return h;
  };
  const IO = scope.IntersectionObserver;
  if (!IO) {
    return {
      add(kind, ranges) {
        if (ranges.length === 0) return;
        const h = get(kind);
        for (const r of ranges) h.add(r);
      },
      remove(kind, ranges) {
        const h = live[kind];
        if (!h) return;
        for (const r of ranges) h.delete(r);
      },
      clear() {
        registry.delete(NAMES.remove);
        registry.delete(NAMES.crime);
        live = {};
      },
    };
  }

  /** Every range the overlay wants highlighted, by the element holding its text. */
  const wanted = new Map<Element, Record<Severity, Set<AbstractRange>>>();
  /** Elements last seen near the viewport: their ranges are registered. */
  const near = new Set<Element>();
  const emptied = new Set<Element>();
  let sweeping = false;
  const holder = (r: AbstractRange): Element | null => {
    const node = r.startContainer;
    return node.nodeType === 1 ? (node as Element) : node.parentElement;
  };
  const observer = new IO(
    (entries) => {
      for (const { target, isIntersecting } of entries) {
        const ranges = wanted.get(target);
        if (!ranges) continue;
        if (isIntersecting === near.has(target)) continue;
        if (isIntersecting) near.add(target);
        else near.delete(target);
        for (const kind of KINDS) {
          if (ranges[kind].size === 0) continue;
          const h = get(kind);
          for (const r of ranges[kind]) {
            if (isIntersecting) h.add(r);
            else h.delete(r);
          }
        }
      }
    },
    { rootMargin: HIGHLIGHT_MARGIN },
  );
  return {
    add(kind, ranges) {
      for (const r of ranges) {
        const el = holder(r);
        if (!el) continue;
        let entry = wanted.get(el);
        if (!entry) {
          wanted.set(el, (entry = { remove: new Set(), crime: new Set() }));
          // Shown at once, in the frame that draws the comment's badge: the observer's first
          // report comes only after that frame, and takes the words out again if the comment is
          // far from the viewport.
          near.add(el);
          observer.observe(el);
        }
        entry[kind].add(r);
        if (near.has(el)) get(kind).add(r);
      }
    },
    remove(kind, ranges) {
      for (const r of ranges) {
        live[kind]?.delete(r);
        const el = holder(r);
        const entry = el ? wanted.get(el) : undefined;
        if (!el || !entry) continue;
        entry[kind].delete(r);
        if (entry.remove.size === 0 && entry.crime.size === 0) emptied.add(el);
      }
      // Stop watching emptied elements a little later: a rescan removes a comment's ranges and
      // adds its new ones straight after, and those must show at once if the text is on screen.
      if (emptied.size > 0 && !sweeping) {
        sweeping = true;
        queueMicrotask(() => {
          sweeping = false;
          for (const el of emptied) {
            const entry = wanted.get(el);
            if (entry && (entry.remove.size > 0 || entry.crime.size > 0)) continue;
            wanted.delete(el);
            near.delete(el);
            observer.unobserve(el);
          }
          emptied.clear();
        });
      }
    },
    clear() {
      observer.disconnect();
      emptied.clear();
      wanted.clear();
      near.clear();
      registry.delete(NAMES.remove);
      registry.delete(NAMES.crime);
      live = {};
    },
  };
}

/** Ranges for each finding, split by how serious the finding is. */
export function rangesByKind(
  doc: Document,
  segments: readonly TextSegment[],
  findings: readonly Finding[],
  isCrime: (f: Finding) => boolean,
): Record<Severity, Range[]> {
  const out: Record<Severity, Range[]> = { remove: [], crime: [] };
  for (const f of findings) {
    out[isCrime(f) ? 'crime' : 'remove'].push(...rangesFor(doc, segments, f.start, f.end));
  }
  return out;
}

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

const NAMES: Record<Severity, string> = { remove: 'ma-remove', crime: 'ma-crime' };

/**
 * Uses `CSS.highlights` of the document's window. Where the API is missing (older Firefox) it
 * does nothing: wrapping the site's text nodes in our own elements would break the site's
 * rendering and its own event handlers.
 */
export function cssHighlightSink(win: Window | null): HighlightSink {
  const scope = win as unknown as {
    CSS?: { highlights?: HighlightRegistryLike };
    Highlight?: HighlightCtor;
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

/**
 * What the overlay shows on each comment it has read: the flag attributes, and for a flagged one
 * near the viewport its outline, badge and highlighted words (CONTRACT.md). One `undraw` takes
 * all of it off a comment, whether the comment turned clean, can no longer be read, or was taken
 * out of the page by the site.
 */
import type { Finding } from '../detect/types';
import type { ExtractedComment } from '../sites/types';
import { BADGE_TAG, createBadge, placeBadge, updateBadge, type Badge } from './badge';
import { criteriaOf, isCrime, severityOf, type Severity } from './findings';
import { rangesByKind, type HighlightSink } from './highlights';
import type { NearbyWatcher } from './nearby';
import type { Panel } from './panel';

export interface CommentView {
  comment: ExtractedComment;
  findings: Finding[];
  badge: Badge | null;
  ranges: Record<Severity, Range[]>;
  /** Badge, outline and highlighted words are on the page (it has been near the viewport). */
  drawn: boolean;
}

export interface CommentViewsDeps {
  doc: Document;
  sink: HighlightSink;
  nearby: NearbyWatcher | null;
  /** Closed when it shows a comment that is undrawn. */
  panel: Panel;
  /** The moderator pressed the badge of `el`. */
  onOpen(el: HTMLElement): void;
}

const NO_RANGES = (): Record<Severity, Range[]> => ({ remove: [], crime: [] });

/** The views of the comments on one page, and which of them are flagged. */
export class CommentViews {
  private views = new WeakMap<HTMLElement, CommentView>();
  private readonly flagged = new Set<HTMLElement>();

  constructor(private readonly deps: CommentViewsDeps) {}

  get(el: HTMLElement): CommentView | undefined {
    return this.views.get(el);
  }

  /** The flagged comments still on the page, in page order. */
  flaggedInOrder(): HTMLElement[] {
    return [...this.flagged].filter((el) => el.isConnected).sort(documentOrder);
  }

  /**
   * The flagged comment after `current` in page order (before it, for -1), going round at the
   * end; the first (or last) when there is no current one on the page.
   */
  after(current: HTMLElement | null, direction: 1 | -1): HTMLElement | undefined {
    const list = this.flaggedInOrder();
    if (list.length === 0) return undefined;
    if (!current || !current.isConnected) return direction === 1 ? list[0] : list.at(-1);
    if (direction === 1) return list.find((el) => documentOrder(current, el) < 0) ?? list[0];
    return [...list].reverse().find((el) => documentOrder(el, current) < 0) ?? list.at(-1);
  }

  /** Scrolls a flagged comment into view and focuses its badge. */
  show(el: HTMLElement): void {
    // A comment far from where the moderator was is drawn only now, just before it is shown.
    this.drawIfUndrawn(el);
    if (typeof el.scrollIntoView === 'function') {
      el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    }
    this.views.get(el)?.badge?.button.focus({ preventScroll: true });
  }

  /**
   * Records a comment's scan result. An unflagged comment loses whatever was drawn on it; a flagged
   * one already drawn is redrawn in place. Returns true for a flagged comment still to be drawn.
   */
  settle(el: HTMLElement, comment: ExtractedComment, findings: Finding[]): boolean {
    const previous = this.views.get(el);
    this.deps.panel.update(el, comment, findings);
    if (findings.length === 0) {
      this.undraw(el);
      this.views.set(el, { comment, findings, badge: null, ranges: NO_RANGES(), drawn: false });
      return false;
    }
    if (previous?.drawn) this.removeHighlights(previous);
    el.setAttribute('data-ma-flagged', criteriaOf(findings).join(' '));
    this.flagged.add(el);
    const drawn = previous?.drawn ?? false;
    this.views.set(el, {
      comment,
      findings,
      badge: previous?.badge ?? null,
      ranges: NO_RANGES(),
      drawn: false,
    });
    if (drawn) this.draw(el);
    return !drawn;
  }

  /** Puts a flagged comment's outline, badge and highlighted words on the page. */
  draw(el: HTMLElement): void {
    const view = this.views.get(el);
    if (!view || view.findings.length === 0) return;
    const { doc, sink } = this.deps;
    const { comment, findings } = view;
    el.setAttribute('data-ma-severity', severityOf(findings));
    const badge = view.badge ?? createBadge(doc, () => this.deps.onOpen(el));
    updateBadge(badge, findings);
    placeBadge(badge, comment);
    const ranges = rangesByKind(doc, comment.segments, findings, isCrime);
    sink.add('remove', ranges.remove);
    sink.add('crime', ranges.crime);
    this.views.set(el, { comment, findings, badge, ranges, drawn: true });
  }

  /** Draws a flagged comment not drawn yet (it needs no more watching either way). */
  drawIfUndrawn(el: HTMLElement): void {
    this.deps.nearby?.unwatch(el);
    const view = this.views.get(el);
    if (view && !view.drawn && el.isConnected) this.draw(el);
  }

  /** Puts back a drawn comment's badge that the site re-rendered away. */
  restoreBadge(el: HTMLElement): void {
    const view = this.views.get(el);
    if (view?.drawn && view.badge && !view.badge.host.isConnected) {
      placeBadge(view.badge, view.comment);
    }
  }

  /** Takes the overlay off a comment that can no longer be read, and forgets it. */
  forget(el: HTMLElement): void {
    this.undraw(el);
    this.views.delete(el);
    el.removeAttribute('data-ma-scanned');
  }

  /** Lets go of flagged comments the site has taken out of the page (virtualised feeds do this). */
  prune(): void {
    for (const el of this.flagged) if (!el.isConnected) this.undraw(el);
  }

  /** Takes every view, flag attribute, badge and highlight off the page. */
  clear(): void {
    const { doc, panel, sink, nearby } = this.deps;
    panel.close(false);
    sink.clear();
    nearby?.clear();
    for (const el of Array.from(doc.querySelectorAll('[data-ma-scanned]'))) {
      el.removeAttribute('data-ma-scanned');
      el.removeAttribute('data-ma-flagged');
      el.removeAttribute('data-ma-severity');
    }
    for (const badge of Array.from(doc.querySelectorAll(BADGE_TAG))) badge.remove();
    this.views = new WeakMap();
    this.flagged.clear();
  }

  /**
   * Takes what is drawn on a comment off the page: its highlighted words, badge and flag
   * attributes; it is no longer flagged, watched or shown in the panel. A comment the site has
   * taken out is not written to: nothing of it shows, and if the site puts the same element back
   * its badge and outline are still on it.
   */
  private undraw(el: HTMLElement): void {
    const view = this.views.get(el);
    if (view) this.removeHighlights(view);
    this.flagged.delete(el);
    this.deps.nearby?.unwatch(el);
    if (this.deps.panel.openFor === el) this.deps.panel.close(false);
    if (!el.isConnected) return;
    view?.badge?.host.remove();
    el.removeAttribute('data-ma-flagged');
    el.removeAttribute('data-ma-severity');
  }

  private removeHighlights(view: CommentView): void {
    this.deps.sink.remove('remove', view.ranges.remove);
    this.deps.sink.remove('crime', view.ranges.crime);
  }
}

/** Negative when `a` comes before `b` in the document. */
function documentOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  // 4 is Node.DOCUMENT_POSITION_FOLLOWING: b follows a.
  return a.compareDocumentPosition(b) & 4 ? -1 : 1;
}

import type { SiteAdapter } from '../sites/types';
import { pageStructure, STRUCTURE_LIMITS, type StructureLimits } from './structure';

/** What the overlay could read on the page, for telling the moderator when the reading fails. */
export interface PageReading {
  /** A page that should have comments (a thread or post page). */
  threadPage: boolean;
  /** Whether the page has had time to draw its comments (see `unreadableAfterMs`). */
  settled: boolean;
  /** Comments read. */
  comments: number;
  /** Comments read whose author could not be read from a link. */
  withoutAuthor: number;
}

export const NO_COMMENTS =
  "Can't find the comments on this page: the site's layout may have changed.";
export const NO_AUTHORS =
  "Can't read who wrote these comments: repeat-caller counts are off on this page.";

/**
 * What to tell the moderator about reading this page, or null when it reads as it should.
 * A comment without an author is never counted for repeat callers, so a page where some come
 * back without one undercounts them as surely as one where none do.
 *
 * @example
 * healthNote({ threadPage: true, settled: true, comments: 0, withoutAuthor: 0 }); // NO_COMMENTS
 */
export function healthNote(reading: PageReading): string | null {
  if (reading.comments === 0) return reading.threadPage && reading.settled ? NO_COMMENTS : null;
  if (reading.withoutAuthor === 0) return null;
  if (reading.withoutAuthor >= reading.comments) return NO_AUTHORS;
  return `Can't read who wrote ${reading.withoutAuthor} of these ${reading.comments} comments: repeat-caller counts are off for them.`;
}

/**
 * The text "Copy page diagnostics" copies: what was read, then the page's structure below the
 * adapter's root (the body when it finds none) from `pageStructure`, so no text, link or name
 * from the page is in it. The page's address is left out too: it can name a person or a post.
 */
export function diagnosticsReport(
  doc: Document,
  adapter: SiteAdapter,
  reading: PageReading,
  skip: (el: Element) => boolean,
  limits: StructureLimits = STRUCTURE_LIMITS,
): string {
  const root = adapter.findRoot(doc);
  const start = root ?? doc.body ?? doc.documentElement;
  const structure = pageStructure(start, limits, skip);
  const header = [
    'Moderator Assist page diagnostics',
    'Structure only: tag names, roles, data-testid, aria-level and depth. No text, links, names, classes or ids from the page; test ids and roles we do not know are shown as ?.',
    `Site: ${adapter.site}`,
    `Thread page: ${reading.threadPage ? 'yes' : 'no'}`,
    `Comments read: ${reading.comments}, without an author: ${reading.withoutAuthor}`,
    `Listed from: ${root ? "the adapter's root" : 'the page body (no root found)'}`,
    `Limits: ${limits.maxNodes} elements, ${limits.maxDepth} levels deep${
      structure.leftOut > 0
        ? `; ${structure.leftOut} elements not listed (${[
            structure.hitNodes && 'element limit reached',
            structure.hitDepth && 'depth limit reached',
          ]
            .filter(Boolean)
            .join(', ')})`
        : '; all listed'
    }`,
    '',
    'depth tag [role] [testid] [level]',
  ];
  return [...header, ...structure.lines].join('\n');
}

export interface PageHealthDeps {
  doc: Document;
  adapter: SiteAdapter;
  tally: { readonly total: number; readonly withoutAuthor: number };
  setTimer: (cb: () => void, ms: number) => () => void;
  /** How long a page may show no readable comment before it is said to be unreadable. */
  settleMs: number;
  /** That time has passed (the summary may now say so). */
  settled(): void;
}

/** What the overlay has read on this page, and whether the page has had time to show it. */
export class PageHealth {
  private settled = false;
  private cancel: (() => void) | null = null;

  constructor(private readonly deps: PageHealthDeps) {}

  /** Starts the wait after which a page with nothing readable on it is called unreadable. */
  wait(): void {
    this.cancel?.();
    this.settled = false;
    this.cancel = this.deps.setTimer(() => {
      this.cancel = null;
      this.settled = true;
      this.deps.settled();
    }, this.deps.settleMs);
  }

  /** Cancels the wait; the page is not settled until the next wait has passed. */
  stop(): void {
    this.cancel?.();
    this.cancel = null;
    this.settled = false;
  }

  /**
   * What was read on this page, for the summary's health note and (`full`) the diagnostics. Whether
   * it is a thread page is asked only when it matters, since on Facebook that looks through dialogs.
   */
  reading(full = false): PageReading {
    const { adapter, doc, tally } = this.deps;
    let threadPage = false;
    if (full || (tally.total === 0 && this.settled)) {
      try {
        threadPage = adapter.isThreadPage(new URL(doc.location?.href ?? ''), doc);
      } catch {
        threadPage = false;
      }
    }
    return {
      threadPage,
      settled: this.settled,
      comments: tally.total,
      withoutAuthor: tally.withoutAuthor,
    };
  }
}

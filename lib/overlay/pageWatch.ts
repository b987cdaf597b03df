/**
 * Which comments on the page are new or changed: one MutationObserver on the adapter's root,
 * whose records are collected and handed over together at the end of the task that made them.
 */
import type { SiteAdapter } from '../sites/types';
import { BADGE_TAG } from './badge';
import { PANEL_TAG } from './panel';
import { REPEAT_TAG } from './repeat';
import { SUMMARY_TAG } from './summary';

const OUR_TAGS = new Set(
  [BADGE_TAG, PANEL_TAG, SUMMARY_TAG, REPEAT_TAG].map((t) => t.toUpperCase()),
);
const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** One of the overlay's own hosts (badge, panel, summary, repeat chip), not the site's. */
export function isOurs(el: Element): boolean {
  return OUR_TAGS.has(el.tagName);
}

export interface PageWatchDeps {
  doc: Document;
  adapter: SiteAdapter;
  /** The root was found or replaced: every comment in it is to be read (see `comments`). */
  rootChanged(): void;
  /**
   * Comments the site added, and scanned ones whose content changed, in page order of the
   * mutations; `removals`: the site took something out (a comment may have gone).
   */
  changed(comments: HTMLElement[], removals: boolean): void;
}

export class PageWatch {
  private readonly observer: MutationObserver;
  private watching = false;
  private observed: Node | null = null;
  private rootFound = false;
  private pending = new Set<Node>();
  private readonly edited = new Set<HTMLElement>();
  private sawRemovals = false;
  private flushRequested = false;

  constructor(private readonly deps: PageWatchDeps) {
    const win = deps.doc.defaultView as (Window & typeof globalThis) | null;
    const MO = win?.MutationObserver ?? MutationObserver;
    this.observer = new MO((records) => this.onMutations(records));
  }

  /** Whether mutations are waiting to be handed over. */
  get busy(): boolean {
    return this.flushRequested || this.pending.size > 0 || this.edited.size > 0;
  }

  start(): void {
    this.watching = true;
    this.observeRoot();
  }

  /** Stops watching and forgets what was waiting. */
  stop(): void {
    this.watching = false;
    this.observer.disconnect();
    this.observer.takeRecords();
    this.observed = null;
    this.pending.clear();
    this.edited.clear();
  }

  /** Every comment in what is watched (none while stopped). */
  comments(): HTMLElement[] | null {
    const target = this.observed;
    if (!target || target.nodeType !== ELEMENT_NODE) return null;
    return this.deps.adapter.findComments(target as Element);
  }

  private observeRoot(): void {
    const { doc, adapter } = this.deps;
    const root = adapter.findRoot(doc);
    // Until the site has rendered its feed there is no root; watch the body meanwhile and look
    // for the root again on each flush.
    const target: Node | null = root ?? doc.body ?? doc.documentElement;
    this.rootFound = root !== null;
    if (target === this.observed) return;
    this.observer.disconnect();
    this.observed = target;
    if (target) this.observer.observe(target, OBSERVE);
  }

  private onMutations(records: MutationRecord[]): void {
    if (!this.watching) return;
    for (const record of records) {
      if (record.type === 'characterData') {
        this.noteEditIn(record.target.parentElement);
        continue;
      }
      if (record.removedNodes.length > 0) {
        this.sawRemovals = true;
        // Text taken out of a comment changes it as much as text put in.
        this.noteEditIn(record.target as Element);
      }
      for (const node of Array.from(record.addedNodes)) {
        if (node.nodeType === ELEMENT_NODE && isOurs(node as Element)) continue;
        if (node.nodeType === ELEMENT_NODE || node.nodeType === TEXT_NODE) this.pending.add(node);
      }
    }
    if (this.pending.size > 0 || this.edited.size > 0 || this.sawRemovals) this.requestFlush();
  }

  /** Marks the scanned comment around `el`, if any, for a fresh look. */
  private noteEditIn(el: Element | null): void {
    if (!el || el.nodeType !== ELEMENT_NODE) return;
    const owner = el.closest('[data-ma-scanned]');
    if (owner) this.edited.add(owner as HTMLElement);
  }

  /**
   * Handles the mutations at once, in the task that made them (the observer's callback runs at its
   * end): not in an animation frame callback, where reading and checking would be added to the
   * task that renders the page (on a long feed that rendering alone is close to a long task), nor
   * in a later task, which the browser runs only after rendering the site's change and which then
   * needs a second rendering for the overlay. The badges and outlines of new comments are then
   * laid out in the same rendering as the comments themselves.
   */
  private requestFlush(): void {
    if (this.flushRequested) return;
    this.flushRequested = true;
    queueMicrotask(() => {
      this.flushRequested = false;
      this.flush();
    });
  }

  private flush(): void {
    if (!this.watching) return;
    const { adapter, doc } = this.deps;
    if (!this.rootFound || (this.observed && !this.observed.isConnected)) {
      const before = this.observed;
      this.observeRoot();
      if (this.observed !== before) {
        this.pending.clear();
        this.deps.rootChanged();
        return;
      }
    }
    const nodes = this.pending;
    this.pending = new Set();
    const found: HTMLElement[] = [];
    for (const node of nodes) {
      if (!node.isConnected || hasAncestorIn(node, nodes)) continue;
      if (node.nodeType === ELEMENT_NODE) found.push(...adapter.findComments(node as Element));
      // Something new inside a comment already scanned (a reply rendered late, a "See more"
      // expansion): scan that comment again.
      this.noteEditIn(node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement);
    }
    for (const owner of this.edited) {
      if (owner.isConnected && owner.ownerDocument === doc) found.push(owner);
    }
    this.edited.clear();
    const removals = this.sawRemovals;
    this.sawRemovals = false;
    this.deps.changed(found, removals);
  }
}

function hasAncestorIn(node: Node, set: Set<Node>): boolean {
  for (let p = node.parentNode; p; p = p.parentNode) if (set.has(p)) return true;
  return false;
}

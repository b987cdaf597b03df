import type { Finding } from '../detect/types';
import type { ExtractedComment } from '../sites/types';
import type { Settings } from '../storage/settings';
import { CommentViews } from './commentView';
import { RecentByAuthor, contextFromSettings, settingsKey, visibleFindings } from './findings';
import { PageHealth, diagnosticsReport, healthNote } from './health';
import { isNear, type NearbyWatcher } from './nearby';
import { withDefaults, type OverlayOptions, type ResolvedOptions } from './options';
import { PageWatch, isOurs } from './pageWatch';
import { Panel } from './panel';
import { RemovalsReminder } from './removals';
import { SliceQueue } from './slices';
import { PageTally } from './tally';
import { addPageStyle, removePageStyle } from './styles';
import { Summary } from './summary';

export type { DetectFn, OverlayOptions } from './options';

/**
 * A commit with at most this many newly flagged comments draws them all at once; with more, it
 * first asks where they are and draws only those near the viewport (nearby.ts).
 */
const DRAW_AT_ONCE = 6;

/**
 * Time budget of the first slice after the site adds comments: a batch of new comments from
 * scrolling is then read, and those near the viewport drawn, in the frame the site added it.
 */
const FIRST_SLICE_MS = 30;
/**
 * Finds comments on the page, asks the engine about each and draws the overlay: badge, outline,
 * highlights, panel and page summary (see CONTRACT.md). The adapter and the engine are
 * parameters, so tests drive it with a small DOM and a deterministic `detect`.
 *
 * New and changed comments come from one MutationObserver (pageWatch.ts) at the end of the task
 * that added them; they are read in short time slices (slices.ts) so a feed of thousands of
 * comments never blocks the page, and drawn only near the viewport (commentView.ts, nearby.ts).
 * A comment is read again only when its text or the settings change. Everything it puts on the
 * page or registers goes when its signal aborts (teardown).
 */
export class OverlayController {
  private settings: Settings;
  private key: string;
  /**
   * Reading and drawing: false while paused or switched off for this site (and after teardown,
   * which takes the overlay off the page the same way).
   */
  private active = false;
  private generation = 0;

  private readonly watch: PageWatch;
  private readonly slices: SliceQueue<HTMLElement>;
  /** Scanned comments whose results are not on the page yet (see commit). */
  private toDraw = new Map<HTMLElement, { comment: ExtractedComment; findings: Finding[] }>();

  private scanKeys = new WeakMap<Element, string>();
  private readonly views: CommentViews;
  private readonly tally: PageTally;
  private readonly recent = new RecentByAuthor();
  private lastNavigated: HTMLElement | null = null;

  /** Aborted by the caller's signal or by destroy(); the one teardown listens to it. */
  private readonly lifetime = new AbortController();
  private readonly signal = this.lifetime.signal;
  private readonly reminder: RemovalsReminder;
  private summaryRequested = false;

  private readonly health: PageHealth;
  private warnedDetect = false;

  private readonly panel: Panel;
  private readonly summary: Summary;
  private readonly nearby: NearbyWatcher | null;
  private readonly options: ResolvedOptions;

  constructor(given: OverlayOptions) {
    const options = withDefaults(given);
    this.options = options;
    const { doc } = options;
    this.settings = options.settings;
    this.key = settingsKey(this.settings, options.policyVersion);
    this.tally = new PageTally(options.clock);
    this.health = new PageHealth({
      doc,
      adapter: options.adapter,
      tally: this.tally,
      setTimer: options.setTimer,
      settleMs: options.unreadableAfterMs,
      settled: () => this.renderSummary(),
    });
    this.slices = new SliceQueue({
      read: (el) => {
        if (el.isConnected) this.scan(el);
      },
      commit: (justAdded) => this.commit(justAdded),
      proceed: () => this.active,
      finished: () => {
        if (!this.signal.aborted) options.breather.kick();
      },
      yieldToMain: options.yieldToMain,
      now: options.now,
      sliceMs: options.sliceMs,
    });
    this.nearby = options.nearby((elements) => this.drawNear(elements));
    this.watch = new PageWatch({
      doc,
      adapter: options.adapter,
      rootChanged: () => this.enqueueAll(),
      changed: (comments, removals) => {
        for (const el of comments) this.slices.add(el);
        if (removals) this.views.prune();
        this.drain(FIRST_SLICE_MS);
      },
    });
    this.panel = new Panel({
      doc,
      sendMessage: options.sendMessage,
      writeClipboard: options.writeClipboard,
      pageUrl: () => doc.location?.href ?? '',
      ...(options.authors?.panelSection
        ? { extraSection: (c: ExtractedComment) => options.authors!.panelSection!(c) }
        : {}),
      onRemovalReply: (reply) => this.reminder.heard(reply),
    });
    this.reminder = new RemovalsReminder({
      sendMessage: options.sendMessage,
      pageUrl: () => doc.location?.href ?? '',
      signal: this.signal,
      render: () => this.renderSummary(),
      requestRender: () => this.requestSummary(),
    });
    this.views = new CommentViews({
      doc,
      sink: options.highlights,
      nearby: this.nearby,
      panel: this.panel,
      onOpen: (el) => this.openPanel(el),
    });
    this.summary = new Summary(
      doc,
      {
        previous: () => this.step(-1),
        next: () => this.step(1),
        togglePause: () => this.togglePause(),
        turnOffSite: () => this.turnOffSite(),
        dismissReminder: () => void this.reminder.dismiss(),
        copyDiagnostics: () =>
          options.writeClipboard(
            diagnosticsReport(doc, options.adapter, this.health.reading(true), (el) => isOurs(el)),
          ),
      },
      options.adapter.site === 'x' ? 'X' : 'Facebook',
    );
    const follow = () => this.lifetime.abort();
    options.signal.addEventListener('abort', follow, { once: true });
    this.signal.addEventListener(
      'abort',
      () => {
        options.signal.removeEventListener('abort', follow);
        this.teardown();
      },
      { once: true },
    );
    if (options.signal.aborted) follow();
  }

  /** Starts (or, when switched off in settings, shows only what it should). */
  start(): void {
    this.apply();
    this.refreshRemovals();
  }

  /**
   * Asks the background how many removals are marked on this page's post (on start, after
   * navigation, and when the removals in storage change, e.g. from another tab).
   */
  refreshRemovals(): void {
    this.reminder.refresh();
  }

  /** New settings from storage: switches the overlay on/off or rescans as needed. */
  setSettings(settings: Settings): void {
    if (this.signal.aborted) return;
    const key = settingsKey(settings, this.options.policyVersion);
    const changed = key !== this.key;
    this.settings = settings;
    this.key = key;
    if (changed && this.active && this.isOn()) {
      // What is flagged may differ now: every comment is scanned again (the cache key changed),
      // and counts start afresh so switched-off criteria stop counting.
      this.resetPageState();
      this.enqueueAll();
      this.renderSummary();
      return;
    }
    this.apply();
  }

  /** The site changed page without a reload (history navigation). */
  navigated(): void {
    if (this.signal.aborted) return;
    this.clearOverlay();
    this.active = false;
    this.reminder.reset();
    this.apply();
    this.refreshRemovals();
  }

  /** Removes everything the overlay added and stops watching the page, as the signal's abort does. */
  destroy(): void {
    this.lifetime.abort();
  }

  private teardown(): void {
    this.options.breather.stop();
    this.clearOverlay();
    this.active = false;
    this.summary.unmount();
    removePageStyle(this.options.doc);
  }

  /** Resolves once every pending mutation and queued comment has been handled (for tests and tools). */
  async idle(): Promise<void> {
    for (let i = 0; i < 10_000; i += 1) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      if (!this.watch.busy && !this.slices.busy && this.toDraw.size === 0) {
        return;
      }
    }
    throw new Error('the overlay did not settle');
  }

  private isOn(): boolean {
    return (
      !this.settings.paused && !this.settings.disabledSites.includes(this.options.adapter.site)
    );
  }

  private apply(): void {
    if (this.signal.aborted) return;
    const on = this.isOn();
    if (!on) {
      this.clearOverlay();
      this.active = false;
      removePageStyle(this.options.doc);
      // Paused keeps the summary so the moderator can resume from the page; a site switched off
      // shows nothing at all.
      if (this.settings.disabledSites.includes(this.options.adapter.site)) this.summary.unmount();
      else {
        this.summary.mount();
        this.renderSummary();
      }
      return;
    }
    if (this.active) return;
    this.active = true;
    addPageStyle(this.options.doc);
    this.summary.mount();
    this.watch.start();
    this.enqueueAll();
    this.health.wait();
    this.renderSummary();
  }

  /** Reads every comment on the page (those read already are skipped unless they changed). */
  private enqueueAll(): void {
    const comments = this.watch.comments();
    if (!comments) return;
    for (const el of comments) this.slices.add(el);
    this.drain();
  }

  /** Reads the queue in slices, or (nothing to read) brings the summary up to date. */
  private drain(firstSliceMs?: number): void {
    if (!this.slices.drain(firstSliceMs)) this.renderSummary();
  }

  /**
   * Applies the scan results waiting in `toDraw`: every comment is marked scanned and counted; a
   * flagged one is drawn now if it was drawn already (it is redrawn in place) or is near the
   * viewport, else when it comes near.
   * `justAdded`: the whole batch the site has just added, about to be rendered in this frame;
   * where its comments are is then worth asking (see below). A long feed read in slices is not
   * asked about: the watcher reports its comments near the viewport after the next frame.
   */
  private commit(justAdded: boolean): void {
    if (!this.active) {
      this.toDraw.clear();
      return;
    }
    const batch = this.toDraw;
    this.toDraw = new Map();
    const waiting: HTMLElement[] = [];
    for (const [el, { comment, findings }] of batch) {
      if (!el.isConnected) continue;
      el.setAttribute('data-ma-scanned', '');
      this.tally.note(comment, findings.length > 0);
      if (this.views.settle(el, comment, findings)) waiting.push(el);
      this.options.authors?.note(el, comment);
    }
    if (waiting.length > 0) {
      if (!this.nearby || (justAdded && waiting.length <= DRAW_AT_ONCE)) {
        for (const el of waiting) this.views.draw(el);
      } else {
        // Asking where the new comments are lays the page out now, in the site's own task,
        // rather than in the frame that paints it; all are asked before any is drawn, so the page
        // is laid out once.
        const height = this.options.doc.defaultView?.innerHeight ?? 0;
        const near = justAdded && height > 0 ? waiting.filter((el) => isNear(el, height)) : [];
        for (const el of near) this.views.draw(el);
        for (const el of waiting) if (!this.views.get(el)?.drawn) this.nearby.watch(el);
      }
    }
    this.renderSummary();
  }

  /** Draws the flagged comments the watcher says have come near the viewport. */
  private drawNear(elements: Element[]): void {
    if (!this.active) return;
    for (const el of elements) this.views.drawIfUndrawn(el as HTMLElement);
  }

  private scan(el: HTMLElement): void {
    const { adapter, detect } = this.options;
    let comment: ExtractedComment | null;
    try {
      comment = adapter.extract(el);
    } catch (error) {
      this.warnOnce('could not read a comment', error);
      comment = null;
    }
    if (!comment) {
      this.scanKeys.delete(el);
      this.toDraw.delete(el);
      this.views.forget(el);
      return;
    }
    // Partial is in the key: the page may take "See more" away without changing the text read.
    const key = `${this.generation}\u0000${this.key}\u0000${comment.partial ? 1 : 0}${comment.text}`;
    if (this.scanKeys.get(el) === key && this.views.get(el)) {
      // Same text, same settings: nothing to do, except put back a badge the site re-rendered away.
      this.views.restoreBadge(el);
      return;
    }
    this.scanKeys.set(el, key);

    let raw: Finding[] = [];
    if (comment.text.trim() !== '') {
      const context = contextFromSettings(
        this.settings,
        this.recent.before(comment.author, comment.key),
      );
      try {
        raw = detect(comment.text, context);
      } catch (error) {
        this.warnOnce('the engine failed on a comment', error);
      }
      this.recent.remember(comment.author, comment.key, comment.text);
    }
    this.toDraw.set(el, { comment, findings: visibleFindings(raw, this.settings) });
  }

  private openPanel(el: HTMLElement): void {
    const state = this.views.get(el);
    if (!state?.badge || state.findings.length === 0) return;
    this.lastNavigated = el;
    this.panel.open({
      comment: state.comment,
      findings: state.findings,
      badge: state.badge,
      seenAt: this.tally.seenAt(state.comment.key),
    });
  }

  /** Takes every overlay element, attribute and highlight off the page. */
  private clearOverlay(): void {
    this.watch.stop();
    this.health.stop();
    this.views.clear();
    this.options.authors?.clear();
    this.slices.clear();
    this.toDraw.clear();
    this.scanKeys = new WeakMap();
    this.resetPageState();
  }

  private resetPageState(): void {
    this.generation += 1;
    this.tally.clear();
    this.recent.clear();
    this.lastNavigated = null;
  }

  /** Redraws the summary in the next frame, together with any other writes. */
  private requestSummary(): void {
    if (this.summaryRequested) return;
    this.summaryRequested = true;
    this.options.requestFrame(() => {
      this.summaryRequested = false;
      this.renderSummary();
    });
  }

  private renderSummary(): void {
    if (this.signal.aborted) return;
    this.summary.render({
      flagged: this.active ? this.tally.flagged : 0,
      total: this.active ? this.tally.total : 0,
      paused: this.settings.paused,
      health: this.active ? healthNote(this.health.reading()) : null,
      reminder: this.reminder.shown,
    });
  }

  /** Moves to the next (or previous) flagged comment in page order and focuses its badge. */
  private step(direction: 1 | -1): void {
    const target = this.views.after(this.lastNavigated, direction);
    if (!target) return;
    this.lastNavigated = target;
    this.views.show(target);
  }

  private turnOffSite(): void {
    const site = this.options.adapter.site;
    if (this.settings.disabledSites.includes(site)) return;
    const disabledSites = [...this.settings.disabledSites, site];
    this.changeSettings({ ...this.settings, disabledSites }, 'the site setting');
  }

  private togglePause(): void {
    this.changeSettings({ ...this.settings, paused: !this.settings.paused }, 'the pause setting');
  }

  /** A change the moderator made from the page: it applies here at once, and is saved. */
  private changeSettings(next: Settings, what: string): void {
    this.setSettings(next);
    this.options.saveSettings?.(next).catch((error: unknown) => {
      this.warnOnce(`could not save ${what}`, error);
    });
  }

  private warnOnce(what: string, error: unknown): void {
    if (this.warnedDetect) return;
    this.warnedDetect = true;
    console.warn(`Moderator Assist: ${what}.`, error);
  }
}

/**
 * What the overlay controller is given, and what it uses for what it is not given: the page
 * window's timers, frames, clipboard, highlight API and observers. Tests pass their own.
 */
import type { DetectContext, Finding } from '../detect/types';
import { POLICY } from '../policy';
import type { ExtractedComment, SiteAdapter } from '../sites/types';
import type { Settings } from '../storage/settings';
import { windowBreather, type Breather } from './breather';
import { cssHighlightSink, type HighlightSink } from './highlights';
import type { OverlayMessage } from './messages';
import { viewportWatcher, type NearbyFactory } from './nearby';
import { mainThreadYield } from './slices';

export type DetectFn = (text: string, context: DetectContext) => Finding[];

export interface OverlayOptions {
  doc: Document;
  adapter: SiteAdapter;
  detect: DetectFn;
  settings: Settings;
  /**
   * The overlay's lifetime: when it aborts (WXT's `ctx.signal`, when the extension is reloaded or
   * removed under the page), everything the overlay put on the page or registered goes.
   */
  signal: AbortSignal;
  /** `browser.runtime.sendMessage` in the extension; the background answers. */
  sendMessage: (message: OverlayMessage) => Promise<unknown>;
  /** Stores changed settings (the Pause button). The change also applies here at once. */
  saveSettings?: (settings: Settings) => Promise<void>;
  writeClipboard?: (text: string) => Promise<void>;
  /** Schedules a summary redraw for the next frame. Default: the window's requestAnimationFrame. */
  requestFrame?: (cb: () => void) => void;
  /** Gives the main thread back between time slices. Default: `mainThreadYield()`. */
  yieldToMain?: () => Promise<void>;
  /** Longest stretch of scanning before yielding, in ms. */
  sliceMs?: number;
  now?: () => number;
  clock?: () => Date;
  /** One-shot timer; returns its cancel function. Default: the window's setTimeout. */
  setTimer?: (cb: () => void, ms: number) => () => void;
  /** How long a thread page may show no readable comment before the summary says so. */
  unreadableAfterMs?: number;
  highlights?: HighlightSink;
  /**
   * Says when flagged comments come near the viewport (nearby.ts), so only those are drawn.
   * Default: an IntersectionObserver of the document's window; without one, everything is drawn.
   */
  nearby?: NearbyFactory;
  /**
   * Idle callbacks after each scan, so the engine's garbage collection pauses while the page is
   * idle rather than in the next frame (breather.ts). Default: the window's requestIdleCallback.
   */
  breather?: Breather;
  policyVersion?: string;
  /**
   * Repeat-caller chips (repeat.ts): told about each comment as it is drawn, cleared with the
   * overlay; `panelSection` adds the author's standing to the panel.
   */
  authors?: {
    note(el: HTMLElement, comment: ExtractedComment): void;
    clear(): void;
    panelSection?(comment: ExtractedComment): HTMLElement | null;
  };
}

type Defaulted =
  | 'writeClipboard'
  | 'requestFrame'
  | 'yieldToMain'
  | 'sliceMs'
  | 'now'
  | 'clock'
  | 'setTimer'
  | 'unreadableAfterMs'
  | 'highlights'
  | 'nearby'
  | 'breather'
  | 'policyVersion';

export type ResolvedOptions = OverlayOptions & Required<Pick<OverlayOptions, Defaulted>>;

/** `options` with the page window's defaults for what they leave out. */
export function withDefaults(options: OverlayOptions): ResolvedOptions {
  const win = options.doc.defaultView;
  return {
    ...options,
    writeClipboard:
      options.writeClipboard ??
      ((text) => {
        const clipboard = win?.navigator.clipboard;
        if (!clipboard) return Promise.reject(new Error('the clipboard is not available here'));
        return clipboard.writeText(text);
      }),
    requestFrame:
      options.requestFrame ??
      ((cb) => {
        if (win?.requestAnimationFrame) win.requestAnimationFrame(() => cb());
        else setTimeout(cb, 16);
      }),
    yieldToMain: options.yieldToMain ?? mainThreadYield(),
    sliceMs: options.sliceMs ?? 8,
    now: options.now ?? (() => (win?.performance ?? performance).now()),
    clock: options.clock ?? (() => new Date()),
    setTimer:
      options.setTimer ??
      ((cb, ms) => {
        const id = setTimeout(cb, ms);
        return () => clearTimeout(id);
      }),
    unreadableAfterMs: options.unreadableAfterMs ?? 5000,
    highlights: options.highlights ?? cssHighlightSink(win),
    nearby: options.nearby ?? viewportWatcher(win),
    breather: options.breather ?? windowBreather(win),
    policyVersion: options.policyVersion ?? POLICY.version,
  };
}

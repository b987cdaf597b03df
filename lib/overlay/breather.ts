/**
 * Idle moments for the page's JavaScript engine after the overlay has read comments.
 *
 * Reading a long feed allocates (texts, findings, compiled patterns). V8 then marks the heap on
 * other threads and finishes the collection with a short pause on the main thread, which it takes
 * the next time JavaScript runs there. On a page where nothing runs meanwhile (an idle tab, the
 * benchmark) that next time can be inside the frame that renders the moderator's next scroll: on
 * the 2,000-comment X thread of `npm run bench:page`, that frame measured 52–71 ms in about half
 * the runs, against ~35 ms when the pause had already been taken. A few empty idle callbacks over
 * the two seconds after a scan let the engine take it while the page is idle instead.
 *
 * This is not polling: nothing is read or checked; the chain ends by itself and is started again
 * only by another scan.
 */

/** How many idle callbacks follow a scan, and the gap before each. */
export const BREATHS = 20;
export const BREATH_GAP_MS = 100;
/** An idle callback runs within this long even if the page never goes idle. */
const IDLE_TIMEOUT_MS = 200;

export interface Breather {
  /** A scan has just finished: (re)start the idle callbacks. */
  kick(): void;
  /** Cancels what is scheduled (the overlay is being removed). */
  stop(): void;
}

export interface BreatherScheduler {
  /** One-shot timer; returns its cancel function. */
  timer(cb: () => void, ms: number): () => void;
  /** Runs `cb` when the page is idle, or after `timeoutMs`; returns its cancel function. */
  idle(cb: () => void, timeoutMs: number): () => void;
}

export const NO_BREATHER: Breather = { kick() {}, stop() {} };

export function breather(schedule: BreatherScheduler): Breather {
  let left = 0;
  let cancel: (() => void) | null = null;
  const next = () => {
    cancel = schedule.timer(() => {
      cancel = schedule.idle(() => {
        cancel = null;
        left -= 1;
        if (left > 0) next();
      }, IDLE_TIMEOUT_MS);
    }, BREATH_GAP_MS);
  };
  return {
    kick() {
      left = BREATHS;
      if (!cancel) next();
    },
    stop() {
      cancel?.();
      cancel = null;
      left = 0;
    },
  };
}

/** A breather on `win`'s timers; none where the window has no requestIdleCallback. */
export function windowBreather(win: Window | null): Breather {
  if (!win || typeof win.requestIdleCallback !== 'function') return NO_BREATHER;
  return breather({
    timer: (cb, ms) => {
      const id = win.setTimeout(cb, ms);
      return () => win.clearTimeout(id);
    },
    idle: (cb, timeoutMs) => {
      const id = win.requestIdleCallback(() => cb(), { timeout: timeoutMs });
      return () => win.cancelIdleCallback(id);
    },
  });
}

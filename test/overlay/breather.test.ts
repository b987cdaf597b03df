// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BREATHS,
  BREATH_GAP_MS,
  NO_BREATHER,
  breather,
  windowBreather,
  type BreatherScheduler,
} from '../../lib/overlay/breather';
import { comment, makeOverlay, page, settle } from './helpers';

/** A scheduler the test runs by hand: what is pending, and `step()` runs the next one. */
function manual() {
  const pending: { kind: 'timer' | 'idle'; run: () => void; ms: number }[] = [];
  const log: string[] = [];
  const add = (kind: 'timer' | 'idle', cb: () => void, ms: number) => {
    const entry = { kind, run: cb, ms };
    pending.push(entry);
    return () => {
      const at = pending.indexOf(entry);
      if (at !== -1) pending.splice(at, 1);
      log.push(`cancel ${kind}`);
    };
  };
  const scheduler: BreatherScheduler = {
    timer: (cb, ms) => add('timer', cb, ms),
    idle: (cb, ms) => add('idle', cb, ms),
  };
  const step = () => {
    const next = pending.shift();
    if (!next) return false;
    log.push(next.kind);
    next.run();
    return true;
  };
  /** Runs everything scheduled (and what that schedules); returns how many idle callbacks ran. */
  const runAll = () => {
    let idles = 0;
    for (let i = 0; i < 10_000 && pending.length > 0; i += 1) {
      if (pending[0]!.kind === 'idle') idles += 1;
      step();
    }
    return idles;
  };
  return { scheduler, pending, log, step, runAll };
}

describe('breather', () => {
  it('runs BREATHS idle callbacks after a kick, each after a gap, then stops by itself', () => {
    const m = manual();
    const b = breather(m.scheduler);
    expect(m.pending).toHaveLength(0);
    b.kick();
    expect(m.pending).toEqual([expect.objectContaining({ kind: 'timer', ms: BREATH_GAP_MS })]);
    m.step();
    expect(m.pending).toEqual([expect.objectContaining({ kind: 'idle' })]);
    expect(m.runAll()).toBe(BREATHS);
    expect(m.log.filter((k) => k === 'timer')).toHaveLength(BREATHS);
    expect(m.pending).toHaveLength(0);
  });

  it('a kick during the chain starts the count again without a second chain', () => {
    const m = manual();
    const b = breather(m.scheduler);
    b.kick();
    // Half the chain runs (a gap and an idle callback each), then another scan finishes.
    for (let i = 0; i < BREATHS; i += 1) m.step();
    expect(m.log.filter((k) => k === 'idle')).toHaveLength(BREATHS / 2);
    b.kick();
    b.kick();
    expect(m.pending).toHaveLength(1);
    expect(m.runAll()).toBe(BREATHS);
  });

  it('stop cancels what is pending, and a later kick starts afresh', () => {
    const m = manual();
    const b = breather(m.scheduler);
    b.kick();
    m.step(); // the gap has passed: an idle callback is pending
    b.stop();
    expect(m.pending).toHaveLength(0);
    expect(m.log).toContain('cancel idle');
    b.kick();
    expect(m.runAll()).toBe(BREATHS);
  });
});

describe('windowBreather', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is a no-op where the window has no requestIdleCallback', () => {
    expect(windowBreather(null)).toBe(NO_BREATHER);
    const win = { setTimeout, clearTimeout } as unknown as Window;
    expect(windowBreather(win)).toBe(NO_BREATHER);
  });

  it("uses the window's timers and idle callbacks", () => {
    vi.useFakeTimers();
    const requestIdleCallback = vi.fn(
      (cb: () => void, _options?: IdleRequestOptions) => setTimeout(cb, 1) as unknown as number,
    );
    const cancelIdleCallback = vi.fn();
    const win = {
      setTimeout: (cb: () => void, ms: number) => setTimeout(cb, ms),
      clearTimeout: (id: number) => clearTimeout(id),
      requestIdleCallback,
      cancelIdleCallback,
    } as unknown as Window;
    const b = windowBreather(win);
    b.kick();
    vi.advanceTimersByTime(BREATH_GAP_MS - 1);
    expect(requestIdleCallback).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(requestIdleCallback).toHaveBeenCalledTimes(1);
    expect(requestIdleCallback.mock.calls[0]![1]).toEqual({ timeout: expect.any(Number) });
    b.stop();
    expect(cancelIdleCallback).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10 * BREATH_GAP_MS);
    expect(requestIdleCallback).toHaveBeenCalledTimes(1);
  });
});

describe('the overlay and its breather', () => {
  it('kicks after each scan and stops when removed', async () => {
    const kick = vi.fn();
    const stop = vi.fn();
    page(comment('1', 'amy', 'a badword here'), comment('2', 'bob', 'fine'));
    const { overlay } = makeOverlay({ breather: { kick, stop } });
    overlay.start();
    await settle(overlay);
    expect(kick).toHaveBeenCalled();
    const after = kick.mock.calls.length;
    document.getElementById('feed')!.append(comment('3', 'cat', 'another badword'));
    await settle(overlay);
    expect(kick.mock.calls.length).toBeGreaterThan(after);
    expect(stop).not.toHaveBeenCalled();
    overlay.destroy();
    expect(stop).toHaveBeenCalledTimes(1);
  });
});

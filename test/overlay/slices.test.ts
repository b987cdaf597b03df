import { describe, expect, it } from 'vitest';
import { COMMIT_EVERY_MS, SliceQueue, runInSlices } from '../../lib/overlay/slices';

/**
 * A queue on a clock the test moves: each read costs `readMs`. It records what was read, each
 * yield (as the number read before it) and each commit (with `justAdded`).
 */
function queue(readMs: number, sliceMs = 8) {
  let clock = 0;
  let go = true;
  const read: string[] = [];
  const yields: number[] = [];
  const commits: { after: number; justAdded: boolean }[] = [];
  let finished = 0;
  const q = new SliceQueue<string>({
    read: (item) => {
      read.push(item);
      clock += readMs;
    },
    commit: (justAdded) => commits.push({ after: read.length, justAdded }),
    proceed: () => go,
    finished: () => (finished += 1),
    yieldToMain: async () => {
      yields.push(read.length);
    },
    now: () => clock,
    sliceMs,
  });
  /** Resolves once the drain under way has finished. */
  const drained = async () => {
    while (q.busy) await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return {
    q,
    read,
    yields,
    commits,
    drained,
    finishedCount: () => finished,
    stop: () => (go = false),
  };
}

describe('SliceQueue', () => {
  it('should read an item once however often it is added before it is read, and again after', async () => {
    const t = queue(1);
    t.q.add('a');
    t.q.add('b');
    t.q.add('a');
    expect(t.q.drain()).toBe(true);
    await t.drained();
    expect(t.read).toEqual(['a', 'b']);
    t.q.add('a');
    t.q.drain();
    await t.drained();
    expect(t.read).toEqual(['a', 'b', 'a']);
    expect(t.finishedCount()).toBe(2);
  });

  it('should commit a batch read in one slice as just added, without yielding', async () => {
    const t = queue(1);
    for (const item of ['a', 'b', 'c']) t.q.add(item);
    t.q.drain();
    // The first slice runs in the caller's task: a batch the site has just added is read there.
    expect(t.read).toEqual(['a', 'b', 'c']);
    await t.drained();
    expect(t.yields).toEqual([]);
    expect(t.commits).toEqual([{ after: 3, justAdded: true }]);
  });

  it('should yield when a slice is used up, give the first slice its own budget, and commit when done', async () => {
    const t = queue(5);
    for (let i = 0; i < 10; i += 1) t.q.add(String(i));
    // 20 ms for the first slice: four 5 ms reads; then two in each 8 ms slice.
    t.q.drain(20);
    await t.drained();
    expect(t.read).toHaveLength(10);
    expect(t.yields).toEqual([4, 6, 8]);
    expect(t.commits).toEqual([{ after: 10, justAdded: false }]);
  });

  it('should commit every COMMIT_EVERY_MS while a long queue is read', async () => {
    const t = queue(5);
    const n = 200;
    for (let i = 0; i < n; i += 1) t.q.add(String(i));
    t.q.drain();
    await t.drained();
    const meanwhile = t.commits.slice(0, -1);
    expect(meanwhile.length).toBe(Math.floor((n * 5) / COMMIT_EVERY_MS) - 1);
    for (let i = 1; i < meanwhile.length; i += 1) {
      expect((meanwhile[i]!.after - meanwhile[i - 1]!.after) * 5).toBeGreaterThanOrEqual(
        COMMIT_EVERY_MS,
      );
    }
    expect(t.commits.at(-1)).toEqual({ after: n, justAdded: false });
  });

  it('should stop before the next slice when told to, and say it has finished', async () => {
    const t = queue(5);
    for (let i = 0; i < 10; i += 1) t.q.add(String(i));
    t.q.drain();
    expect(t.read).toEqual(['0', '1']);
    t.stop();
    while (t.finishedCount() === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    expect(t.read).toEqual(['0', '1']);
    // What is left stays queued, for a drain started once reading may go on.
    expect(t.q.busy).toBe(true);
  });

  it('should not start a second drain, nor one with nothing to read', async () => {
    const t = queue(5);
    expect(t.q.drain()).toBe(false);
    for (let i = 0; i < 6; i += 1) t.q.add(String(i));
    expect(t.q.drain()).toBe(true);
    expect(t.q.drain()).toBe(false);
    await t.drained();
    expect(t.read).toHaveLength(6);
    expect(t.finishedCount()).toBe(1);
  });

  it('should end a drain under way when cleared', async () => {
    const t = queue(5);
    for (let i = 0; i < 10; i += 1) t.q.add(String(i));
    t.q.drain();
    t.q.clear();
    await t.drained();
    expect(t.read).toEqual(['0', '1']);
    expect(t.commits).toEqual([]);
  });
});

describe('runInSlices', () => {
  it('should run every step in order, in later tasks, yielding when a slice is used up', async () => {
    let clock = 0;
    const order: number[] = [];
    const yields: number[] = [];
    const steps = [1, 2, 3, 4, 5].map((n) => () => {
      order.push(n);
      clock += 5;
    });
    const done = runInSlices(
      steps,
      async () => {
        yields.push(order.length);
      },
      8,
      () => clock,
    );
    // Nothing runs in the caller's task.
    expect(order).toEqual([]);
    await done;
    expect(order).toEqual([1, 2, 3, 4, 5]);
    // A first yield, then one after every two 5 ms steps (8 ms slices).
    expect(yields).toEqual([0, 2, 4]);
  });
});

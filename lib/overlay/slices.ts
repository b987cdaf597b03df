/**
 * Reading in time slices: the overlay's queue of comments to read (SliceQueue), and the yield
 * that gives the main thread back between slices, so a feed of thousands of comments never
 * blocks the page.
 */

/**
 * While a long feed is read, how often what has been read so far goes on the page. Each time makes
 * the browser render a frame of the whole page, which on a 2,000-comment post costs more than
 * reading a slice: so not after every slice.
 */
export const COMMIT_EVERY_MS = 250;

export interface SliceQueueOptions<T> {
  /** Reads one item. */
  read(item: T): void;
  /**
   * Puts what has been read so far on the page. `justAdded`: the whole queue was read in one
   * slice, so it is the batch the site has just added and is about to render.
   */
  commit(justAdded: boolean): void;
  /** Whether reading goes on; asked before each slice (false once the overlay is off). */
  proceed(): boolean;
  /** A drain has ended, because the queue is read or reading stopped. */
  finished(): void;
  yieldToMain: () => Promise<void>;
  now: () => number;
  /** Longest stretch of reading before yielding, in ms. */
  sliceMs: number;
}

/**
 * Items waiting to be read, each once however often it is added before it is read, and the loop
 * that reads them in slices. Results go on the page (commit) when the queue is done and every
 * COMMIT_EVERY_MS meanwhile.
 */
export class SliceQueue<T> {
  private items: T[] = [];
  private head = 0;
  private readonly queued = new Set<T>();
  private draining = false;
  private lastCommit = 0;

  constructor(private readonly options: SliceQueueOptions<T>) {}

  /** Whether anything is waiting or being read. */
  get busy(): boolean {
    return this.draining || this.head < this.items.length;
  }

  add(item: T): void {
    if (this.queued.has(item)) return;
    this.queued.add(item);
    this.items.push(item);
  }

  /** Forgets everything waiting; a drain under way ends at its next slice. */
  clear(): void {
    this.items = [];
    this.head = 0;
    this.queued.clear();
  }

  /**
   * Starts reading the queue in slices, unless it is empty or being read already (then returns
   * false). `firstSliceMs`: the budget of the first slice, longer for a batch the site has just
   * added than for a whole feed read at start.
   */
  drain(firstSliceMs = this.options.sliceMs): boolean {
    if (this.draining || this.head >= this.items.length) return false;
    this.draining = true;
    void this.slices(firstSliceMs).finally(() => {
      this.draining = false;
      this.options.finished();
    });
    return true;
  }

  private async slices(firstSliceMs: number): Promise<void> {
    const { read, commit, proceed, yieldToMain, now, sliceMs } = this.options;
    let yielded = false;
    while (this.head < this.items.length) {
      if (!proceed()) return;
      const sliceStart = now();
      const budget = yielded ? sliceMs : Math.max(sliceMs, firstSliceMs);
      while (this.head < this.items.length && now() - sliceStart < budget) {
        const item = this.items[this.head] as T;
        this.head += 1;
        this.queued.delete(item);
        read(item);
      }
      const done = this.head >= this.items.length;
      if (done) {
        this.items = [];
        this.head = 0;
      }
      // What was read goes on the page when the queue is done, and every COMMIT_EVERY_MS while a
      // long feed is read. A batch read in one go is the one the site has just added: committed
      // now, it is drawn in the same frame as the site's own insertion, so the browser lays the
      // page out once.
      if (done || now() - this.lastCommit >= COMMIT_EVERY_MS) {
        this.lastCommit = now();
        commit(done && !yielded);
      }
      if (!done) {
        yielded = true;
        await yieldToMain();
      }
    }
  }
}

/**
 * A yield that lets input and rendering run before the next slice. `scheduler.yield()` (Chromium)
 * resumes ahead of the page's other tasks, so a long feed is read in ~0.2 s of slices rather than
 * ~0.4 s spent waiting behind the site's own work; elsewhere, a MessageChannel round trip
 * (setTimeout(0) is clamped to 4 ms after a few nested calls; a message is not).
 */
export function mainThreadYield(): () => Promise<void> {
  const scheduler = (globalThis as unknown as { scheduler?: { yield?: () => Promise<void> } })
    .scheduler;
  if (typeof scheduler?.yield === 'function') return () => scheduler.yield!();
  if (typeof MessageChannel === 'undefined') {
    return () => new Promise((resolve) => setTimeout(resolve, 0));
  }
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
}

/**
 * Runs `steps` in order in later tasks, giving the main thread back whenever `sliceMs` has passed,
 * so no task of ours is much longer than its longest step.
 */
export async function runInSlices(
  steps: Iterable<() => void>,
  yieldToMain: () => Promise<void>,
  sliceMs = 8,
  now: () => number = () => performance.now(),
): Promise<void> {
  // Not in the caller's task: that may be long already (a content script's own evaluation).
  await yieldToMain();
  let sliceStart = now();
  for (const step of steps) {
    if (now() - sliceStart >= sliceMs) {
      await yieldToMain();
      sliceStart = now();
    }
    step();
  }
}

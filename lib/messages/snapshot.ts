import { repeatOverviewItem, type RepeatOverview } from '../storage/overview';

/**
 * Keeps the stored repeat-caller list (`local:repeatOverview`, see lib/storage/overview.ts) in
 * step with the records: after a write that can change the list, the background works the list
 * out again once it has been quiet for `delayMs` (its index is warm by then, so this takes tens of
 * milliseconds at 100,000 contacts), so a burst of recordings from a page costs one refresh, and
 * no recording waits for one. The refresh itself runs through the handler's one queue.
 *
 * @example
 * const keeper = new OverviewSnapshotKeeper();
 * keeper.schedule(() => refreshOverviewSnapshot(deps));
 * await keeper.flush(); // tests: run it now
 */
export class OverviewSnapshotKeeper {
  /** What this background last stored: the list without its time, and that time. */
  private last: { content: string; at: number } | null = null;
  private watching = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pending: (() => Promise<void>) | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(readonly delayMs = 2000) {}

  /** Asks for `job` to run once nothing else has been scheduled for `delayMs`. */
  schedule(job: () => Promise<void>): void {
    this.pending = job;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Drops a refresh that has not started (the list was just worked out and stored anyway). */
  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }

  /**
   * Whether `overview` is worth storing. At 100,000 contacts the list can be half a megabyte, and
   * every write of it is sent to every extension page and content script listening to storage, so
   * an unchanged list is stored again only once the stored time is `restoreAfterMs` old.
   */
  needsStoring(overview: RepeatOverview, restoreAfterMs = 60_000): boolean {
    if (this.last === null) return true;
    if (Date.parse(overview.computedAt) - this.last.at >= restoreAfterMs) return true;
    return contentOf(overview) !== this.last.content;
  }

  /** Notes what was just stored (or, with null, that the stored list was removed). */
  stored(overview: RepeatOverview | null): void {
    if (!this.watching) {
      this.watching = true;
      // Anything else that changes the stored list (or breaks it) means it must be written again.
      repeatOverviewItem.item.watch((next) => {
        if (this.last === null) return;
        // The stored value is not trusted to have its type here: it may be anything.
        const value: unknown = next;
        if (value === null || typeof value !== 'object') {
          this.last = null;
          return;
        }
        const { schemaVersion, ...rest } = value as {
          schemaVersion?: unknown;
          computedAt?: unknown;
        };
        const ours =
          schemaVersion === 1 &&
          Date.parse(String(rest.computedAt)) === this.last.at &&
          contentOf(rest as RepeatOverview) === this.last.content;
        if (!ours) this.last = null;
      });
    }
    this.last =
      overview === null
        ? null
        : { content: contentOf(overview), at: Date.parse(overview.computedAt) };
  }

  /** Whether a refresh is waiting to run. */
  get scheduled(): boolean {
    return this.pending !== null;
  }

  /** Runs a waiting refresh now, and resolves when every refresh started so far has finished. */
  flush(): Promise<void> {
    const job = this.pending;
    this.cancel();
    if (job) {
      const run = async () => {
        try {
          await job();
        } catch (err) {
          // Derived data: the popup asks for the current list anyway, so this only costs speed.
          console.warn('Moderator Assist: could not store the repeat-caller list', err);
        }
      };
      this.running = this.running.then(run);
    }
    return this.running;
  }
}

function contentOf(overview: RepeatOverview): string {
  const { computedAt: _at, ...rest } = overview;
  return JSON.stringify(rest);
}

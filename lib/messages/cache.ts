import {
  buildRepeatData,
  BlockViews,
  type BlockLog,
  type ContactIndex,
  type ForceAccountsStore,
  type RepeatCallerEventsStore,
  type RepeatData,
} from '../records';
import type { CheckedItem } from '../storage/records';

/**
 * The background's parsed copy of what storage holds, so a request does not read and zod-check
 * the whole store again (100,000 contacts take around a second to parse; a lookup or a recording
 * should take milliseconds).
 *
 * A value is cached only after a read that passed its schema, or after the background wrote it.
 * Every cached item is watched: a change the background did not make itself (the options page
 * clearing data, an import, another copy of the background after a restart) drops the copy, and
 * the next request reads and checks storage again.
 *
 * @example
 * const deps: HandlerDeps = { ...defaultDeps, cache: new RecordsCache() };
 */
export class RecordsCache {
  private readonly values = new Map<string, unknown>();
  /** Writes the background made whose change event has not come back yet, by item name. */
  private readonly ownWrites = new Map<string, number>();
  private readonly unwatch = new Map<string, () => void>();
  /** The block log's views and list, kept from one log to the next. */
  readonly blockViews = new BlockViews();
  private data: {
    index: ContactIndex;
    accounts: ForceAccountsStore;
    events: RepeatCallerEventsStore;
    log: BlockLog;
    data: RepeatData;
  } | null = null;

  /** The cached value of `item`, or undefined when it must be read from storage. */
  get<T>(item: CheckedItem<T>): T | undefined {
    return this.values.get(item.name) as T | undefined;
  }

  /** Keeps a value just read (and checked) from storage, and starts watching the item. */
  remember<T>(item: CheckedItem<T>, value: T): void {
    this.watch(item);
    this.values.set(item.name, value);
  }

  /**
   * Keeps a value the background is about to write; the change event it causes is recognised
   * and does not drop the copy.
   */
  wrote<T>(item: CheckedItem<T>, value: T): void {
    this.watch(item);
    this.values.set(item.name, value);
    this.ownWrites.set(item.name, (this.ownWrites.get(item.name) ?? 0) + 1);
  }

  /** Drops the cached copy of one item (after a failed write, or a change from elsewhere). */
  forget(name: string): void {
    this.values.delete(name);
    this.ownWrites.delete(name);
  }

  /** Drops every cached item except those named (after a request that may have written them). */
  forgetAllBut(keep: readonly string[]): void {
    for (const name of [...this.values.keys()]) if (!keep.includes(name)) this.forget(name);
  }

  /** Drops everything and stops watching. */
  clear(): void {
    for (const stop of this.unwatch.values()) stop();
    this.unwatch.clear();
    this.values.clear();
    this.ownWrites.clear();
    this.data = null;
  }

  /**
   * Everything `userStatus` needs, rebuilt only when one of its inputs changed (the contact index
   * is kept up to date in place by the contact store, so the same index is never stale).
   */
  repeatData(
    index: ContactIndex,
    accounts: ForceAccountsStore,
    events: RepeatCallerEventsStore,
    log: BlockLog,
  ): RepeatData {
    const d = this.data;
    if (d && d.index === index && d.accounts === accounts && d.events === events && d.log === log) {
      return d.data;
    }
    const data = buildRepeatData({
      contacts: index,
      accounts: accounts.accounts,
      events: events.events,
      blocks: this.blockViews.of(log),
    });
    this.data = { index, accounts, events, log, data };
    return data;
  }

  private watch<T>(item: CheckedItem<T>): void {
    if (this.unwatch.has(item.name)) return;
    this.unwatch.set(
      item.name,
      item.item.watch((next) => this.changed(item.name, next)),
    );
  }

  private changed(name: string, next: unknown): void {
    const pending = this.ownWrites.get(name) ?? 0;
    if (pending > 0) {
      this.ownWrites.set(name, pending - 1);
      // Our own write coming back: keep the copy if it still looks like what we wrote (the
      // check is cheap, since the point is not to compare 100,000 records on every write).
      if (fingerprint(next) === fingerprint(this.values.get(name))) return;
    }
    this.forget(name);
  }
}

/** Array lengths and last ids of a stored value's top-level fields. */
function fingerprint(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  const parts: string[] = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (Array.isArray(v)) {
      const last: unknown = v[v.length - 1];
      const id =
        last && typeof last === 'object'
          ? ((last as { id?: unknown; hash?: unknown }).id ?? (last as { hash?: unknown }).hash)
          : last;
      parts.push(`${k}:${v.length}:${String(id)}`);
    } else {
      parts.push(`${k}:${JSON.stringify(v)}`);
    }
  }
  return parts.join('|');
}

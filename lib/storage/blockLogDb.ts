import { storage } from 'wxt/utils/storage';
import { canonicalJson, type BlockLog, type ChainedRecord, type Tombstone } from '../records';
import {
  UNREADABLE,
  docsOf,
  linkDocId,
  linkTag,
  loadChain,
  recordProblem,
  seqOfDocId,
  stoneTag,
  writeDocs,
  type BlockDoc,
  type Loaded,
  type Tag,
} from './blockLogDocs';
import { installationId } from './installation';
import {
  legacyBlockLogItem,
  loadPopupSnapshot,
  readChecked,
  type CheckedRead,
  type DataProblem,
  type RecordsSnapshot,
} from './records';
import { bumpRecordsGeneration, recordsDb, recordsGeneration, type RecordsDb } from './recordsDb';
import { WriteListeners } from './writeListeners';

// The block log's documents (ids, what each holds, reading a chain) are in blockLogDocs.ts; here
// are the background's store of the log, the move from the old storage value, and pages' reads.

export { linkDocId };

/** What `migrateLegacyBlockLog` did: nothing to move, moved (and read back), or failed. */
type BlockLogMigration =
  | { kind: 'none' }
  | { kind: 'migrated'; loaded: Loaded }
  | { kind: 'failed'; problem: DataProblem; legacy: CheckedRead<BlockLog> };

/**
 * Moves the block log kept by earlier versions as one storage value (`local:blockLog`) into the
 * records database: every link is written as it was (never re-hashed), read back, and compared
 * link by link with the old value, and only then is the old value removed. Anything short of
 * that keeps the old value, reports the problem, and the log is used from the old value until the
 * move is tried again (the next time the background starts).
 */
async function migrateLegacyBlockLog(
  db: RecordsDb,
  installation: string,
  now: Date,
): Promise<BlockLogMigration> {
  const raw: unknown = await storage.getItem(legacyBlockLogItem.key);
  if (raw === null || raw === undefined) return { kind: 'none' };
  const legacy = await readChecked(legacyBlockLogItem, { quarantine: true, now });
  const fail = (why: string): BlockLogMigration => {
    const problem: DataProblem = {
      key: legacyBlockLogItem.key,
      at: now.toISOString(),
      message: `The block log could not be moved into the records database (${why}). The old copy is kept and in use; the move will be tried again when the browser next starts the extension.`,
    };
    return { kind: 'failed', problem, legacy };
  };
  try {
    const before = await loadChain(db, installation, now);
    const want = docsOf(legacy.value, installation);
    const docs: BlockDoc[] = [];
    for (const [id, { doc }] of want) {
      const had = before.stored.get(id);
      docs.push(had ? { ...doc, _rev: had.rev } : doc);
    }
    const tags = new Map([...want].map(([id, w]) => [id, w.tag]));
    await writeDocs(db, docs, before.stored, tags);
    const after = await loadChain(db, installation, now);
    const same =
      after.log.records.length === legacy.value.records.length &&
      (after.log.erased?.length ?? 0) === (legacy.value.erased?.length ?? 0) &&
      canonicalJson(after.log) === canonicalJson(legacy.value);
    if (!same) return fail('what was read back differs from the old copy');
    await storage.removeItem(legacyBlockLogItem.key);
    return { kind: 'migrated', loaded: after };
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err));
  }
}

/**
 * The background's block log: read once from the records database and kept, written one changed
 * document at a time. The background is the only writer; pages read with `loadBlockLog`.
 *
 * @example
 * const { value: log } = await blockLogStore.read(new Date());
 * await blockLogStore.write(await appendEntry(log, entry));
 */
export class BlockLogStore {
  private copy: (Loaded & { generation: number; installation: string }) | null = null;
  /**
   * Set (to the generation it happened in) when the move from the old storage value failed: the
   * log is used from that value until the database is replaced or the store forgets.
   */
  private legacy: number | null = null;
  /** A read in progress, and the generation it began in (a read of a replaced database is not shared). */
  private loading: { generation: number; read: Promise<CheckedRead<BlockLog>> } | null = null;
  private readonly listeners = new WriteListeners();

  /**
   * Calls `listener` after every write this store makes (the background tells open pages and
   * tabs that the log changed); returns the function that stops it.
   */
  onWrite(listener: () => void): () => void {
    return this.listeners.add(listener);
  }

  /**
   * The checked log. The first read moves an older version's log into the database (once), and
   * records any problem (set-aside records, a failed move) in the data problems.
   */
  async read(now: Date): Promise<CheckedRead<BlockLog>> {
    if (this.legacy !== null && this.legacy !== recordsGeneration()) this.legacy = null;
    if (this.legacy !== null) return readChecked(legacyBlockLogItem, { quarantine: true, now });
    if (this.copy && this.copy.generation === recordsGeneration()) return { value: this.copy.log };
    const generation = recordsGeneration();
    if (this.loading?.generation !== generation) {
      const read = this.load(now).finally(() => {
        if (this.loading?.read === read) this.loading = null;
      });
      this.loading = { generation, read };
    }
    return this.loading.read;
  }

  private async load(now: Date): Promise<CheckedRead<BlockLog>> {
    const generation = recordsGeneration();
    const installation = await installationId();
    const db = recordsDb();
    const moved = await migrateLegacyBlockLog(db, installation, now);
    if (moved.kind === 'failed') {
      this.legacy = generation;
      await recordProblem(moved.problem);
      console.error(`Moderator Assist: ${moved.problem.message}`);
      return { value: moved.legacy.value, problem: moved.problem };
    }
    const loaded =
      moved.kind === 'migrated' ? moved.loaded : await loadChain(db, installation, now);
    if (loaded.problem) {
      await recordProblem(loaded.problem);
      console.warn(`Moderator Assist: ${loaded.problem.message}`);
    }
    this.copy = { ...loaded, generation, installation };
    return { value: loaded.log, ...(loaded.problem ? { problem: loaded.problem } : {}) };
  }

  /**
   * Stores `next`, a log made from the one `read` gave (`appendEntry`, `eraseRecords`, a merge):
   * only the documents that differ (by kind and hash) are written, or with `every` all of them.
   * Throws, saying what was and was not saved, when the database refuses any of them; the copy is
   * then dropped and read again next time.
   */
  async write(next: BlockLog, options: { every?: boolean } = {}): Promise<void> {
    if (this.legacy !== null && this.legacy === recordsGeneration()) {
      await legacyBlockLogItem.item.setValue(next);
      this.listeners.notify();
      return;
    }
    if (!this.copy || this.copy.generation !== recordsGeneration()) await this.read(new Date());
    const copy = this.copy;
    // A copy of a database replaced meanwhile would write under another installation's ids.
    if (!copy || copy.generation !== recordsGeneration()) {
      throw new Error(
        'the block log changed while it was being read; nothing was saved, try again',
      );
    }
    // Links are immutable and a log made from another keeps its link objects, so a link object
    // already known to be stored is skipped without working out its id: logging one block at
    // 10,000 entries looks at one link, not 13,000.
    const docs: (BlockDoc | { _id: string; _rev: string; _deleted: true })[] = [];
    const tags = new Map<string, Tag>();
    const written: object[] = [];
    let alreadyStored = 0;
    let added = 0;
    const consider = (item: ChainedRecord | Tombstone, doc: () => BlockDoc, tag: Tag) => {
      if (!options.every && copy.known.has(item)) {
        alreadyStored++;
        return;
      }
      const d = doc();
      const had = copy.stored.get(d._id);
      if (had?.tag === tag && !options.every) {
        alreadyStored++;
        copy.known.add(item);
        return;
      }
      if (had?.tag === UNREADABLE) {
        throw new Error(
          `link ${seqOfDocId(d._id)} of the stored block log is unreadable and is kept as it is; nothing was saved`,
        );
      }
      if (had) alreadyStored++;
      else added++;
      tags.set(d._id, tag);
      written.push(item);
      docs.push(had ? { ...d, _rev: had.rev } : d);
    };
    const inst = copy.installation;
    for (const link of next.records) {
      const _id = linkDocId(inst, link.seq);
      consider(link, () => ({ _id, type: 'block-link', link }), linkTag(link));
    }
    for (const tombstone of next.erased ?? []) {
      const _id = linkDocId(inst, tombstone.seq);
      consider(tombstone, () => ({ _id, type: 'block-erased', tombstone }), stoneTag(tombstone));
    }
    // A stored link the next log no longer has (a restore that replaced the log) is deleted; the
    // count tells whether there is one without listing every id. Unreadable documents are kept.
    let deleted = 0;
    if (alreadyStored < copy.readable) {
      const want = docsOf(next, inst);
      for (const [id, had] of copy.stored) {
        if (!want.has(id) && had.tag !== UNREADABLE) {
          docs.push({ _id: id, _rev: had.rev, _deleted: true });
          deleted++;
        }
      }
    }
    try {
      await writeDocs(recordsDb(), docs, copy.stored, tags);
    } catch (err) {
      this.copy = null;
      // Some documents may have been written: whoever listens reads the log again.
      this.listeners.notify();
      throw err;
    }
    for (const item of written) copy.known.add(item);
    copy.readable += added - deleted;
    copy.log = next;
    if (docs.length > 0) this.listeners.notify();
  }

  /** Drops the copy: the next read reads the database again. */
  forget(): void {
    this.copy = null;
    this.legacy = null;
  }
}

/** The background's one block log store (every writer goes through it). */
export const blockLogStore = new BlockLogStore();

/**
 * Reads and checks the block log (read-only, for the popup's fallback list and the printable
 * report): from the records database, or from an older version's storage value if the background
 * has not moved it yet.
 *
 * @example
 * const { value: log, problem } = await loadBlockLog(new Date());
 */
export async function loadBlockLog(now: Date): Promise<CheckedRead<BlockLog>> {
  const raw: unknown = await storage.getItem(legacyBlockLogItem.key);
  if (raw !== null && raw !== undefined) {
    return readChecked(legacyBlockLogItem, { quarantine: false, now });
  }
  const loaded = await loadChain(recordsDb(), await installationId(), now);
  return { value: loaded.log, ...(loaded.problem ? { problem: loaded.problem } : {}) };
}

/**
 * Reads every records item except the contacts (read-only), for the printable report and the
 * tests; the popup reads the same in two parts (`loadPopupSnapshot`, then the block log's list).
 *
 * @example
 * const snap = await loadSnapshot(new Date());
 * snap.problems.length; // 0 when everything stored is valid
 */
export async function loadSnapshot(now: Date): Promise<RecordsSnapshot> {
  const [small, blockLog] = await Promise.all([loadPopupSnapshot(now), loadBlockLog(now)]);
  const problems = [...small.problems];
  // The background records the log's problem when it reads the log; it is listed once.
  const p = blockLog.problem;
  if (p && !problems.some((q) => q.key === p.key && q.message === p.message)) problems.push(p);
  return { ...small, blockLog: blockLog.value, problems };
}

/**
 * Replaces the stored block log with `log` from outside the background's store (tests seeding
 * data, tools): every other store's copy is dropped.
 *
 * @example
 * await replaceBlockLog(log);
 */
export async function replaceBlockLog(log: BlockLog): Promise<void> {
  const store = new BlockLogStore();
  await store.read(new Date());
  // Every document: a test's tampered record keeps its hash, so comparing hashes would skip it.
  await store.write(log, { every: true });
  bumpRecordsGeneration();
}

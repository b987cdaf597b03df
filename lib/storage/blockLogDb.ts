import { storage } from 'wxt/utils/storage';
import {
  BlockLogSchema,
  canonicalJson,
  emptyBlockLog,
  type BlockLog,
  type ChainedRecord,
  type Tombstone,
} from '../records';
import { describeSetAside, salvageBlockLog } from '../records/salvage';
import { installationId } from './installation';
import {
  DataProblemsSchema,
  describeIssues,
  legacyBlockLogItem,
  loadPopupSnapshot,
  problemsItem,
  readChecked,
  type CheckedRead,
  type DataProblem,
  type RecordsSnapshot,
} from './records';
import { bumpRecordsGeneration, recordsDb, recordsGeneration, type RecordsDb } from './recordsDb';

/**
 * The block log, one document per link of this installation's hash chain, in the records
 * database (lib/storage/recordsDb.ts). A link is `chain:<installation id>:<seq, 10 digits>`
 * holding the `ChainedRecord` exactly as it was hashed (`{ type: 'block-link', link }`); an
 * erased link's document is replaced by its tombstone (`{ type: 'block-erased', tombstone }`) in
 * the same place. Ids follow the chain, so the documents sort in chain order and several
 * installations' chains can later sit side by side in one team database without conflicts.
 *
 * Logging a block writes one document, not the whole log (the log was one 15 MB storage value at
 * 10,000 entries, rewritten on every change).
 */
type BlockDoc =
  | { _id: string; _rev?: string; type: 'block-link'; link: ChainedRecord }
  | { _id: string; _rev?: string; type: 'block-erased'; tombstone: Tombstone };

/** What a document holds, to tell whether it must be written: its kind and hash. */
type Tag = string;

/** A stored document that could not be read as a link at all: never written over or removed. */
const UNREADABLE = 'unreadable';

function chainPrefix(installation: string): string {
  return `chain:${installation}:`;
}

/**
 * The document id of link `seq` of an installation's chain.
 *
 * @example
 * linkDocId('5c0c1c52-8d55-4d5e-b1c3-8a9f0d1e2f30', 7); // 'chain:5c0c1c52-…:0000000007'
 */
export function linkDocId(installation: string, seq: number): string {
  return `${chainPrefix(installation)}${String(seq).padStart(10, '0')}`;
}

function linkTag(link: ChainedRecord): Tag {
  return `link:${link.hash}`;
}

function stoneTag(t: Tombstone): Tag {
  return `erased:${t.reason}:${t.hash}`;
}

/** Every document `log` is made of, by id, with what each holds. */
function docsOf(log: BlockLog, installation: string): Map<string, { tag: Tag; doc: BlockDoc }> {
  const out = new Map<string, { tag: Tag; doc: BlockDoc }>();
  for (const link of log.records) {
    const _id = linkDocId(installation, link.seq);
    out.set(_id, { tag: linkTag(link), doc: { _id, type: 'block-link', link } });
  }
  for (const tombstone of log.erased ?? []) {
    const _id = linkDocId(installation, tombstone.seq);
    out.set(_id, { tag: stoneTag(tombstone), doc: { _id, type: 'block-erased', tombstone } });
  }
  return out;
}

interface Loaded {
  log: BlockLog;
  /** Each stored document's revision and what it holds as read (`UNREADABLE` if nothing). */
  stored: Map<string, { rev: string; tag: Tag }>;
  /** How many stored documents are readable links or tombstones. */
  readable: number;
  /** The link and tombstone objects known to be stored exactly as they are. */
  known: WeakSet<object>;
  /** Set when some documents failed their schema and were set aside. */
  problem?: DataProblem;
}

/**
 * Reads one installation's chain from the database. Documents that fail their schema are set
 * aside one by one (`salvageBlockLog`): the rest of the chain stays in use, and the documents
 * themselves stay stored as they are, for the Digital Media Team to look at.
 */
async function loadChain(db: RecordsDb, installation: string, now: Date): Promise<Loaded> {
  const prefix = chainPrefix(installation);
  const rows = (
    await db.allDocs({ include_docs: true, startkey: prefix, endkey: `${prefix}\ufff0` })
  ).rows;
  const records: unknown[] = [];
  const erased: unknown[] = [];
  const revs = new Map<string, string>();
  for (const row of rows) {
    if (!('doc' in row) || !row.doc) continue;
    revs.set(row.id, row.value.rev);
    const doc = row.doc as Partial<{ type: string; link: unknown; tombstone: unknown }>;
    if (doc.type === 'block-erased') erased.push(doc.tombstone);
    // Anything else is read as a link, so one of an unknown shape is set aside, not lost.
    else records.push(doc.type === 'block-link' ? doc.link : doc);
  }
  const raw = { schemaVersion: 1, records, erased };
  const parsed = BlockLogSchema.safeParse(raw);
  let log: BlockLog;
  let problem: DataProblem | undefined;
  if (parsed.success) {
    log = parsed.data;
  } else {
    const salvaged = salvageBlockLog(raw, now);
    log = salvaged?.value ?? emptyBlockLog();
    problem = {
      key: `${prefix}*`,
      at: now.toISOString(),
      message: salvaged
        ? `Stored block log: ${describeSetAside(salvaged.setAside)} The records set aside are kept in the records database as they were stored.`
        : `Stored block log is not valid (${describeIssues(parsed.error)}); its records are kept in the records database as they were stored.`,
    };
  }
  if (log.erased?.length === 0) delete log.erased;
  const tags = docsOf(log, installation);
  const stored = new Map<string, { rev: string; tag: Tag }>();
  let readable = 0;
  for (const [id, rev] of revs) {
    const tag = tags.get(id)?.tag ?? UNREADABLE;
    if (tag !== UNREADABLE) readable++;
    stored.set(id, { rev, tag });
  }
  const known = new WeakSet<object>([...log.records, ...(log.erased ?? [])]);
  return { log, stored, readable, known, ...(problem ? { problem } : {}) };
}

/**
 * Block-log documents in the database under other installations' ids, counted by installation.
 * Until several chains are read side by side they are not shown, and this installation's id
 * being reset (storage cleared, the database kept) would otherwise hide the whole log silently.
 * Two one-row reads either side of this installation's range when there are none.
 */
async function otherChains(db: RecordsDb, installation: string): Promise<Map<string, number>> {
  const prefix = chainPrefix(installation);
  const before = await db.allDocs({ startkey: 'chain:', endkey: prefix, limit: 1 });
  const after = await db.allDocs({ startkey: `${prefix}\ufff0`, endkey: 'chain:\ufff0', limit: 1 });
  const counts = new Map<string, number>();
  if (before.rows.length === 0 && after.rows.length === 0) return counts;
  for (const row of (await db.allDocs({ startkey: 'chain:', endkey: 'chain:\ufff0' })).rows) {
    const id = row.id.split(':')[1] ?? '';
    if (id !== installation) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** Adds `problem` to the recorded data problems unless the same one is already there. */
async function recordProblem(problem: DataProblem): Promise<void> {
  const previous = DataProblemsSchema.safeParse(await problemsItem.getValue());
  const list = previous.success ? previous.data : [];
  if (list.some((p) => p.key === problem.key && p.message === problem.message)) return;
  await problemsItem.setValue([...list, problem]);
}

/** Writes `docs` in one call; throws, saying what was and was not saved, if any was refused. */
async function writeDocs(
  db: RecordsDb,
  docs: (BlockDoc | { _id: string; _rev: string; _deleted: true })[],
  stored: Map<string, { rev: string; tag: Tag }>,
  tags: Map<string, Tag>,
): Promise<void> {
  if (docs.length === 0) return;
  const results = await db.bulkDocs(docs);
  const refused: string[] = [];
  results.forEach((r, i) => {
    const id = docs[i]!._id;
    if ('error' in r && r.error) {
      refused.push(
        `${id.slice(id.lastIndexOf(':') + 1).replace(/^0+(?=\d)/, '')}: ${r.message ?? r.name ?? 'refused'}`,
      );
      return;
    }
    const tag = tags.get(id);
    if (tag === undefined) stored.delete(id);
    else stored.set(id, { rev: (r as { rev: string }).rev, tag });
  });
  if (refused.length > 0) {
    const saved = docs.length - refused.length;
    throw new Error(
      `${saved} of ${docs.length} block log records saved; not saved: link ${refused.join('; link ')}`,
    );
  }
}

/** What `migrateLegacyBlockLog` did. */
export type BlockLogMigration =
  { kind: 'none' } | { kind: 'migrated'; links: number } | { kind: 'failed'; problem: DataProblem };

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
): Promise<BlockLogMigration | { kind: 'migrated-from'; loaded: Loaded }> {
  const raw: unknown = await storage.getItem(legacyBlockLogItem.key);
  if (raw === null || raw === undefined) return { kind: 'none' };
  const legacy = await readChecked(legacyBlockLogItem, { quarantine: true, now });
  const fail = (why: string): BlockLogMigration => {
    const problem: DataProblem = {
      key: legacyBlockLogItem.key,
      at: now.toISOString(),
      message: `The block log could not be moved into the records database (${why}). The old copy is kept and in use; the move will be tried again when the browser next starts the extension.`,
    };
    return { kind: 'failed', problem };
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
    return { kind: 'migrated-from', loaded: after };
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
  private loading: Promise<CheckedRead<BlockLog>> | null = null;
  private readonly listeners = new Set<() => void>();

  /**
   * Calls `listener` after every write this store makes (the background tells open pages and
   * tabs that the log changed); returns the function that stops it.
   */
  onWrite(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The checked log. The first read moves an older version's log into the database (once), and
   * records any problem (set-aside records, a failed move) in the data problems.
   */
  async read(now: Date): Promise<CheckedRead<BlockLog>> {
    if (this.legacy !== null && this.legacy !== recordsGeneration()) this.legacy = null;
    if (this.legacy !== null) return readChecked(legacyBlockLogItem, { quarantine: true, now });
    if (this.copy && this.copy.generation === recordsGeneration()) return { value: this.copy.log };
    this.loading ??= this.load(now).finally(() => (this.loading = null));
    return this.loading;
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
      const old = await readChecked(legacyBlockLogItem, { quarantine: true, now });
      return { value: old.value, problem: moved.problem };
    }
    const loaded =
      moved.kind === 'migrated-from' ? moved.loaded : await loadChain(db, installation, now);
    if (loaded.problem) {
      await recordProblem(loaded.problem);
      console.warn(`Moderator Assist: ${loaded.problem.message}`);
    }
    const others = await otherChains(db, installation);
    if (others.size > 0) {
      const n = [...others.values()].reduce((a, b) => a + b, 0);
      const problem: DataProblem = {
        key: 'chain:*',
        at: now.toISOString(),
        message: `The records database also holds ${n} block-log record${n === 1 ? '' : 's'} kept under another installation id (${[...others.keys()].join(', ')}). They are kept, but not listed, counted or verified here; this installation's id (${installation}) may have been reset. Tell the Digital Media Team.`,
      };
      await recordProblem(problem);
      console.warn(`Moderator Assist: ${problem.message}`);
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
      this.wrote();
      return;
    }
    if (!this.copy || this.copy.generation !== recordsGeneration()) await this.read(new Date());
    const copy = this.copy;
    if (!copy) throw new Error('the block log could not be read');
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
          `link ${d._id.slice(d._id.lastIndexOf(':') + 1)} of the stored block log is unreadable and is kept as it is; nothing was saved`,
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
      this.wrote();
      throw err;
    }
    for (const item of written) copy.known.add(item);
    copy.readable += added - deleted;
    copy.log = next;
    if (docs.length > 0) this.wrote();
  }

  private wrote(): void {
    for (const listener of this.listeners) listener();
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

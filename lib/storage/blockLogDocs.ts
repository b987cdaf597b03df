import {
  BlockLogSchema,
  emptyBlockLog,
  type BlockLog,
  type ChainedRecord,
  type Tombstone,
} from '../records';
import { describeSetAside, salvageBlockLog } from '../records/salvage';
import { DataProblemsSchema, describeIssues, problemsItem, type DataProblem } from './records';
import type { RecordsDb } from './recordsDb';

/**
 * The block log, one document per link of this installation's hash chain, in the records
 * database (lib/storage/recordsDb.ts). A link is `chain:<installation id>:<seq, 10 digits>`
 * holding the `ChainedRecord` exactly as it was hashed (`{ type: 'block-link', link }`); an
 * erased link's document is replaced by its tombstone (`{ type: 'block-erased', tombstone }`) in
 * the same place. Ids follow the chain, so the documents sort in chain order and several
 * installations' chains sit side by side without conflicts (other installations' chains, restored
 * from their backups, are read by lib/storage/otherChains.ts; a team database will hold many).
 *
 * Logging a block writes one document, not the whole log (the log was one 15 MB storage value at
 * 10,000 entries, rewritten on every change).
 */
export type BlockDoc =
  | { _id: string; _rev?: string; type: 'block-link'; link: ChainedRecord }
  | { _id: string; _rev?: string; type: 'block-erased'; tombstone: Tombstone };

/** What a document holds, to tell whether it must be written: its kind and hash. */
export type Tag = string;

/** A stored document that could not be read as a link at all: never written over or removed. */
export const UNREADABLE = 'unreadable';

export function chainPrefix(installation: string): string {
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

/**
 * The seq a link document's id names, as the moderator reads it.
 *
 * @example
 * seqOfDocId(linkDocId(installation, 7)); // '7'
 */
export function seqOfDocId(id: string): string {
  return id.slice(id.lastIndexOf(':') + 1).replace(/^0+(?=\d)/, '');
}

export function linkTag(link: ChainedRecord): Tag {
  return `link:${link.hash}`;
}

export function stoneTag(t: Tombstone): Tag {
  return `erased:${t.reason}:${t.hash}`;
}

/** Every document `log` is made of, by id, with what each holds. */
export function docsOf(
  log: BlockLog,
  installation: string,
): Map<string, { tag: Tag; doc: BlockDoc }> {
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

export interface Loaded {
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
export async function loadChain(
  db: RecordsDb,
  installation: string,
  now: Date,
  /** What the chain is called in a problem's message. */
  name = 'Stored block log',
): Promise<Loaded> {
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
        ? `${name}: ${describeSetAside(salvaged.setAside)} The records set aside are kept in the records database as they were stored.`
        : `${name} is not valid (${describeIssues(parsed.error)}); its records are kept in the records database as they were stored.`,
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

/** Adds `problem` to the recorded data problems unless the same one is already there. */
export async function recordProblem(problem: DataProblem): Promise<void> {
  const previous = DataProblemsSchema.safeParse(await problemsItem.getValue());
  const list = previous.success ? previous.data : [];
  if (list.some((p) => p.key === problem.key && p.message === problem.message)) return;
  await problemsItem.setValue([...list, problem]);
}

/** Writes `docs` in one call; throws, saying what was and was not saved, if any was refused. */
export async function writeDocs(
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
      refused.push(`${seqOfDocId(id)}: ${r.message ?? r.name ?? 'refused'}`);
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

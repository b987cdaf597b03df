import {
  ContactSchema,
  canonicalJson,
  joinContacts,
  migrateContactsToBuckets,
  type Contact,
} from '../records';
import { describeSetAside, type SetAside } from '../records/salvage';
import {
  contactBucketItems,
  describeIssues,
  legacyContactsItem,
  readChecked,
  readCheckedMany,
  type DataProblem,
} from './records';
import type { RecordsDb } from './recordsDb';
import { storage } from 'wxt/utils/storage';

/**
 * The contacts, one document per contact in the records database (lib/storage/recordsDb.ts):
 * `contact:<contact id>` holding `{ type: 'contact', contact }`. The id names nothing about the
 * person, so a deleted document (retention, erasure) leaves no personal data in its id. Recording
 * a contact writes one small document; the contacts were 64 storage values of ~1,600 contacts
 * each at 100,000 contacts, one of which was rewritten on every recording.
 */
export interface ContactDoc {
  _id: string;
  _rev?: string;
  type: 'contact';
  contact: Contact;
}

export const CONTACT_PREFIX = 'contact:';

/**
 * The document id of a contact.
 *
 * @example
 * contactDocId('0b6f4a64-1c2d-4e5f-8a9b-0c1d2e3f4a5b'); // 'contact:0b6f4a64-…'
 */
export function contactDocId(id: string): string {
  return `${CONTACT_PREFIX}${id}`;
}

/** The contacts as read from the database, and what is needed to write over them. */
export interface LoadedContacts {
  /** Every readable contact, oldest first (ties by id), so lists and exports read in time order. */
  contacts: Contact[];
  /** Each readable contact's document revision, by contact id. */
  revs: Map<string, string>;
  /** Ids of documents that failed their schema: kept as stored, never written over. */
  unreadable: Set<string>;
  problem?: DataProblem;
}

/** Oldest first, ties by id: the order every reader sees the contacts in. */
export function byTime(a: Contact, b: Contact): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Reads every contact document. One that fails its schema is set aside on its own (named in the
 * problem, left in the database as it was stored); the rest are in use.
 */
export async function loadContactDocs(db: RecordsDb, now: Date): Promise<LoadedContacts> {
  const rows = (
    await db.allDocs({
      include_docs: true,
      startkey: CONTACT_PREFIX,
      endkey: `${CONTACT_PREFIX}\ufff0`,
    })
  ).rows;
  const contacts: Contact[] = [];
  const revs = new Map<string, string>();
  const unreadable = new Set<string>();
  const setAside: SetAside[] = [];
  rows.forEach((row, index) => {
    if (!('doc' in row) || !row.doc) return;
    const doc = row.doc as Partial<ContactDoc>;
    const parsed = ContactSchema.safeParse(doc.contact);
    if (parsed.success && contactDocId(parsed.data.id) === row.id) {
      contacts.push(parsed.data);
      revs.set(parsed.data.id, row.value.rev);
      return;
    }
    unreadable.add(row.id);
    setAside.push({
      index,
      id: row.id.slice(CONTACT_PREFIX.length),
      problem: parsed.success ? 'stored under another id' : describeIssues(parsed.error),
    });
  });
  contacts.sort(byTime);
  const problem: DataProblem | undefined =
    setAside.length > 0
      ? {
          key: `${CONTACT_PREFIX}*`,
          at: now.toISOString(),
          message: `Stored contacts: ${describeSetAside(setAside)} The contacts set aside are kept in the records database as they were stored.`,
        }
      : undefined;
  return { contacts, revs, unreadable, ...(problem ? { problem } : {}) };
}

/** Documents written per call when many are written at once (a move, a restore). */
const BATCH = 2000;

/**
 * Writes `docs` (new contacts, or deletions) in batches; throws, saying how many were and were
 * not saved, if the database refused any. `revs` is kept in step with what was written.
 */
export async function writeContactDocs(
  db: RecordsDb,
  docs: (ContactDoc | { _id: string; _rev: string; _deleted: true })[],
  revs: Map<string, string>,
): Promise<void> {
  let saved = 0;
  const refused: string[] = [];
  for (let i = 0; i < docs.length; i += BATCH) {
    const batch = docs.slice(i, i + BATCH);
    const results = await db.bulkDocs(batch);
    results.forEach((r, j) => {
      const doc = batch[j]!;
      const id = doc._id.slice(CONTACT_PREFIX.length);
      if ('error' in r && r.error) {
        refused.push(`${id}: ${r.message ?? r.name ?? 'refused'}`);
        return;
      }
      saved++;
      if ('_deleted' in doc) revs.delete(id);
      else revs.set(id, (r as { rev: string }).rev);
    });
  }
  if (refused.length > 0) {
    const more = refused.length > 1 ? ` and ${refused.length - 1} more` : '';
    throw new Error(
      `${saved} of ${docs.length} contact changes saved; not saved: contact ${refused[0]}${more}`,
    );
  }
}

/** The storage keys earlier versions kept contacts under: 64 buckets, and before them one key. */
const LEGACY_KEYS = [...contactBucketItems.map((i) => i.key), legacyContactsItem.key];

/** Whether any contacts are still kept where an earlier version kept them. */
export async function hasLegacyContacts(): Promise<boolean> {
  const raws = await storage.getItems(LEGACY_KEYS);
  return raws.some((r) => r.value !== null && r.value !== undefined);
}

/**
 * Every contact an earlier version kept in storage (the 64 buckets, and the single key before
 * them), each bucket checked on its own. With `quarantine` (the background) bad records are set
 * aside and copied as any stored item's are.
 */
export async function readLegacyContacts(options: {
  quarantine: boolean;
  now: Date;
}): Promise<{ contacts: Contact[]; problems: DataProblem[] }> {
  const reads = await readCheckedMany(contactBucketItems, options);
  const problems = reads.flatMap((r) => (r.problem ? [r.problem] : []));
  let buckets = reads.map((r) => r.value);
  const legacy = await readChecked(legacyContactsItem, options);
  if (legacy.problem) problems.push(legacy.problem);
  if (legacy.value.contacts.length > 0) buckets = migrateContactsToBuckets(legacy.value, buckets);
  return { contacts: joinContacts(buckets), problems };
}

/** What `migrateLegacyContacts` did. */
export type ContactsMigration =
  | { kind: 'none' }
  | { kind: 'migrated'; contacts: number; loaded: LoadedContacts; problems: DataProblem[] }
  | { kind: 'failed'; problem: DataProblem };

/**
 * Moves the contacts an earlier version kept in storage into the records database: each is
 * written as it was, every one is read back and compared with the old copy, and only then are the
 * old keys removed. Anything short of that keeps the old keys (and says so); running it again is
 * safe, since a contact already in the database is not written twice.
 */
export async function migrateLegacyContacts(db: RecordsDb, now: Date): Promise<ContactsMigration> {
  if (!(await hasLegacyContacts())) return { kind: 'none' };
  const fail = (why: string): ContactsMigration => ({
    kind: 'failed',
    problem: {
      key: `${CONTACT_PREFIX}*`,
      at: now.toISOString(),
      message: `The contacts could not be moved into the records database (${why}). The old copy is kept and still counted; the move will be tried again when the browser next starts the extension.`,
    },
  });
  try {
    const old = await readLegacyContacts({ quarantine: true, now });
    const before = await loadContactDocs(db, now);
    const docs = new Map<string, ContactDoc>();
    for (const contact of old.contacts) {
      const _id = contactDocId(contact.id);
      if (before.revs.has(contact.id) || before.unreadable.has(_id)) continue;
      docs.set(_id, { _id, type: 'contact', contact });
    }
    await writeContactDocs(db, [...docs.values()], before.revs);
    const after = await loadContactDocs(db, now);
    const stored = new Map(after.contacts.map((c) => [c.id, c]));
    const missing = old.contacts.filter((c) => {
      const s = stored.get(c.id);
      return !s || canonicalJson(s) !== canonicalJson(c);
    });
    if (missing.length > 0) {
      return fail(
        `${missing.length} of ${old.contacts.length} contacts did not read back as they were, e.g. ${missing[0]!.id}`,
      );
    }
    await storage.removeItems(LEGACY_KEYS);
    return {
      kind: 'migrated',
      contacts: old.contacts.length,
      loaded: after,
      problems: old.problems,
    };
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err));
  }
}

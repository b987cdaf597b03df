import {
  ContactSchema,
  canonicalJson,
  contactBucket,
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
 * `contact:<group>:<contact id>` holding `{ type: 'contact', contact }`, where the group is three
 * hex digits of a hash of the user key (`contactGroup`). One person's contacts are then one short
 * key range, so a background that has just started can answer a page's status questions from
 * those ranges before it has read every contact. The id names no one: a group holds some 4,000th
 * of all users, and a deleted document (retention, erasure) leaves only the group and a random
 * id behind. Recording a contact writes one small document; the contacts were 64 storage values
 * of ~1,600 contacts each at 100,000 contacts, one of which was rewritten on every recording.
 */
export interface ContactDoc {
  _id: string;
  _rev?: string;
  type: 'contact';
  contact: Contact;
}

export const CONTACT_PREFIX = 'contact:';

/** How many groups the contacts' ids are spread over (see `ContactDoc`). */
const GROUPS = 4096;

/**
 * The group of a user's contacts: FNV-1a of the user key (as the old storage buckets used), three
 * hex digits.
 *
 * @example
 * contactGroup('x:jbloggs'); // e.g. '3a1', the same on every run
 */
export function contactGroup(userKey: string): string {
  return contactBucket(userKey, GROUPS).toString(16).padStart(3, '0');
}

/**
 * The document id of a contact.
 *
 * @example
 * contactDocId(contact); // 'contact:3a1:0b6f4a64-…'
 */
export function contactDocId(contact: Pick<Contact, 'id' | 'userKey'>): string {
  return `${CONTACT_PREFIX}${contactGroup(contact.userKey)}:${contact.id}`;
}

/** The contact id a document id ends with. */
function idOfDocId(docId: string): string {
  return docId.slice(docId.lastIndexOf(':') + 1);
}

/** The contacts as read from the database, and what is needed to write over them. */
export interface LoadedContacts {
  /** Every readable contact, oldest first (ties by id), so lists and exports read in time order. */
  contacts: Contact[];
  /** Each readable contact's document id and revision, by contact id. */
  revs: Map<string, { docId: string; rev: string }>;
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
export async function loadContactDocs(
  db: RecordsDb,
  now: Date,
  prefix = CONTACT_PREFIX,
): Promise<LoadedContacts> {
  const rows = (
    await db.allDocs({ include_docs: true, startkey: prefix, endkey: `${prefix}\ufff0` })
  ).rows;
  const contacts: Contact[] = [];
  const revs = new Map<string, { docId: string; rev: string }>();
  const unreadable = new Set<string>();
  const setAside: SetAside[] = [];
  rows.forEach((row, index) => {
    if (!('doc' in row) || !row.doc) return;
    const doc = row.doc as Partial<ContactDoc>;
    const parsed = ContactSchema.safeParse(doc.contact);
    if (parsed.success && contactDocId(parsed.data) === row.id) {
      contacts.push(parsed.data);
      revs.set(parsed.data.id, { docId: row.id, rev: row.value.rev });
      return;
    }
    unreadable.add(row.id);
    setAside.push({
      index,
      id: idOfDocId(row.id),
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
  revs: Map<string, { docId: string; rev: string }>,
): Promise<void> {
  let saved = 0;
  const refused: string[] = [];
  for (let i = 0; i < docs.length; i += BATCH) {
    const batch = docs.slice(i, i + BATCH);
    const results = await db.bulkDocs(batch);
    results.forEach((r, j) => {
      const doc = batch[j]!;
      const id = idOfDocId(doc._id);
      if ('error' in r && r.error) {
        refused.push(`${id}: ${r.message ?? r.name ?? 'refused'}`);
        return;
      }
      saved++;
      if ('_deleted' in doc) revs.delete(id);
      else revs.set(id, { docId: doc._id, rev: (r as { rev: string }).rev });
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
      const _id = contactDocId(contact);
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

import type { Contact, ContactsStore } from './schemas';

// How earlier versions laid the contacts out in storage.local, before each contact became its own
// document in the records database (lib/storage/contactsDocs.ts): read to move them there, and
// written only by tests and benchmarks seeding an older version's data.

/**
 * How many storage keys earlier versions spread the contacts over (so recording one rewrote
 * about 1,600 contacts at 100,000, rather than all of them).
 *
 * @example
 * CONTACT_BUCKETS; // 64
 */
export const CONTACT_BUCKETS = 64;

/**
 * The bucket a user's contacts lived in: FNV-1a of the user key, so one user's whole history is in
 * one bucket (erasing or exporting a person touches few keys) and the choice never depends on
 * anything that can change, such as links between identities or the clock.
 *
 * @example
 * contactBucket('x:jbloggs'); // the same number on every run, 0 ≤ n < 64
 */
export function contactBucket(userKey: string, buckets: number = CONTACT_BUCKETS): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < userKey.length; i++) {
    h ^= userKey.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % buckets;
}

/**
 * Spreads contacts over the buckets, keeping their order within each bucket.
 *
 * @example
 * splitContacts(contacts)[contactBucket('x:jbloggs')].contacts; // jbloggs's contacts, among others
 */
export function splitContacts(
  contacts: readonly Contact[],
  buckets: number = CONTACT_BUCKETS,
): ContactsStore[] {
  const out: ContactsStore[] = Array.from({ length: buckets }, () => ({
    schemaVersion: 1,
    contacts: [],
  }));
  for (const c of contacts) out[contactBucket(c.userKey, buckets)]!.contacts.push(c);
  return out;
}

/**
 * Every contact in the buckets, bucket by bucket.
 *
 * @example
 * joinContacts(splitContacts(contacts)).length === contacts.length;
 */
export function joinContacts(buckets: readonly ContactsStore[]): Contact[] {
  const out: Contact[] = [];
  for (const b of buckets) for (const c of b.contacts) out.push(c);
  return out;
}

/**
 * The oldest single `contacts` key (every contact in one array) merged into buckets, given the
 * old array and whatever the buckets already hold: how a reader takes both older layouts as one.
 * Idempotent: a contact already in a bucket (by id) is not added twice.
 *
 * @example
 * joinContacts(migrateContactsToBuckets(legacy, current)); // every contact, once
 */
export function migrateContactsToBuckets(
  legacy: ContactsStore,
  existing: readonly ContactsStore[],
  buckets: number = CONTACT_BUCKETS,
): ContactsStore[] {
  if (existing.length !== buckets) {
    throw new RangeError(`expected ${buckets} buckets, got ${existing.length}`);
  }
  const out: ContactsStore[] = existing.map((b) => ({
    schemaVersion: 1,
    contacts: [...b.contacts],
  }));
  const seen = new Set<string>();
  for (const b of existing) for (const c of b.contacts) seen.add(c.id);
  for (const c of legacy.contacts) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    out[contactBucket(c.userKey, buckets)]!.contacts.push(c);
  }
  return out;
}

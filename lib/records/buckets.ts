import type { Contact, ContactsStore } from './schemas';

/**
 * How many storage keys the contacts are spread over. Recording a contact rewrites one bucket,
 * so at 100,000 contacts a write is about 1,600 contacts rather than all of them; 64 keys is still
 * few enough to read in one storage call.
 *
 * @example
 * CONTACT_BUCKETS; // 64
 */
export const CONTACT_BUCKETS = 64;

/**
 * The bucket a user's contacts live in: FNV-1a of the user key, so one user's whole history is in
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
 * Migration from the single `contacts` key (every contact in one array) to buckets: the buckets
 * to write, given the old array and whatever the buckets already hold. Idempotent: running it
 * again, or after a migration that wrote the buckets but stopped before removing the old key,
 * gives the same buckets, since a contact already in a bucket (by id) is not added twice.
 *
 * @example
 * const buckets = migrateContactsToBuckets(legacy, current);
 * verifyContactsMigration(legacy, buckets); // true
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

/**
 * Whether every contact of the old array is, unchanged, in the bucket its user key names: the
 * check that must pass before the old key may be removed.
 *
 * @example
 * verifyContactsMigration(legacy, await readBackBuckets()); // true, so remove the old key
 */
export function verifyContactsMigration(
  legacy: ContactsStore,
  written: readonly ContactsStore[],
  buckets: number = CONTACT_BUCKETS,
): boolean {
  if (written.length !== buckets) return false;
  const byId = new Map<string, { contact: Contact; bucket: number }>();
  written.forEach((b, bucket) => {
    for (const contact of b.contacts) byId.set(contact.id, { contact, bucket });
  });
  return legacy.contacts.every((c) => {
    const found = byId.get(c.id);
    return (
      found !== undefined &&
      found.bucket === contactBucket(c.userKey, buckets) &&
      JSON.stringify(found.contact) === JSON.stringify(c)
    );
  });
}

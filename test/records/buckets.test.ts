import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONTACT_BUCKETS,
  contactBucket,
  joinContacts,
  migrateContactsToBuckets,
  splitContacts,
  type Contact,
  type ContactsStore,
} from '../../lib/records';

const moderator = { name: 'A. Moderator', staffNumber: '12345' };

function contact(n: number, handle: string): Contact {
  return {
    id: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
    userKey: `x:${handle}`,
    user: { platform: 'x', handle },
    platform: 'x',
    accountId: 'main-x',
    at: new Date(Date.UTC(2026, 10, 1) + n * 60_000).toISOString(),
    reason: 'inappropriate',
    recordedBy: moderator,
  };
}

const contacts = Array.from({ length: 300 }, (_, i) => contact(i + 1, `user${i % 41}`));
const empty = (): ContactsStore[] => splitContacts([]);

describe('contactBucket', () => {
  it('should give the same bucket for a user key every time, within range', () => {
    // Fixed values: a change to the hash would strand every stored contact in the wrong key.
    expect(contactBucket('x:jbloggs')).toBe(1);
    expect(contactBucket('facebook:jane.doe.5')).toBe(42);
    expect(contactBucket('x:angryperson')).toBe(45);
    fc.assert(
      fc.property(fc.string(), (key) => {
        const b = contactBucket(key);
        return Number.isInteger(b) && b >= 0 && b < CONTACT_BUCKETS;
      }),
    );
  });

  it('should spread 20,000 users over every bucket, none with more than twice its share', () => {
    const counts = new Array<number>(CONTACT_BUCKETS).fill(0);
    for (let u = 0; u < 20_000; u++) counts[contactBucket(`x:user${u}`)]!++;
    const share = 20_000 / CONTACT_BUCKETS;
    expect(Math.min(...counts)).toBeGreaterThan(share / 2);
    expect(Math.max(...counts)).toBeLessThan(share * 2);
  });
});

describe('splitContacts / joinContacts', () => {
  it('should keep a user’s whole history in one bucket, in order, and lose nothing', () => {
    const buckets = splitContacts(contacts);
    expect(buckets).toHaveLength(CONTACT_BUCKETS);
    for (const [i, b] of buckets.entries()) {
      for (const c of b.contacts) expect(contactBucket(c.userKey)).toBe(i);
    }
    const jb = buckets[contactBucket('x:user7')]!.contacts.filter((c) => c.userKey === 'x:user7');
    expect(jb.map((c) => c.id)).toEqual(
      contacts.filter((c) => c.userKey === 'x:user7').map((c) => c.id),
    );
    expect(
      joinContacts(buckets)
        .map((c) => c.id)
        .sort(),
    ).toEqual(contacts.map((c) => c.id).sort());
  });
});

describe('migrateContactsToBuckets', () => {
  it('should move every old contact into its user’s bucket', () => {
    const legacy = { schemaVersion: 1 as const, contacts };
    const buckets = migrateContactsToBuckets(legacy, empty());
    expect(joinContacts(buckets)).toHaveLength(300);
    for (const [i, b] of buckets.entries()) {
      for (const c of b.contacts) expect(contactBucket(c.userKey)).toBe(i);
    }
  });

  it('should be idempotent: again, or after a run that stopped before removing the old key', () => {
    const legacy = { schemaVersion: 1 as const, contacts };
    const once = migrateContactsToBuckets(legacy, empty());
    expect(migrateContactsToBuckets(legacy, once)).toEqual(once);
    // Contacts recorded into the buckets since then are kept alongside.
    const later = contact(999, 'newcomer');
    const withNew = migrateContactsToBuckets({ schemaVersion: 1, contacts: [later] }, once);
    const again = migrateContactsToBuckets(legacy, withNew);
    expect(joinContacts(again)).toHaveLength(301);
    expect(again[contactBucket('x:newcomer')]!.contacts).toContainEqual(later);
  });
});

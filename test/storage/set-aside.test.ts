// Damage stays local: a stored record that fails its schema is set aside on its own, and every
// other record in the same storage item stays in use.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { handleMessage } from '../../lib/messages/handler';
import { contactBucket, splitContacts } from '../../lib/records';
import { salvageList } from '../../lib/records/salvage';
import { ContactSchema } from '../../lib/records/schemas';
import { contactBucketItems, problemsItem, repeatEventsItem } from '../../lib/storage/records';
import { loadContacts } from '../../lib/storage/contactsDb';
import { legacyContactWrites } from '../../scripts/lib/legacy-contacts';
import { seedBasics, testDeps } from '../background/helpers';
import { contact, daily, uuid } from '../records/fixtures';

const NOW = new Date('2026-11-20T12:00:00.000Z');

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  await seedBasics();
});

/**
 * Five contacts of one user stored in their bucket as an earlier version kept them, the third
 * with a mistyped time.
 */
async function storeWithOneBad() {
  const good = daily('2026-11-15T10:00:00.000Z', 5);
  const bucket = contactBucket(good[0]!.userKey);
  const stored = splitContacts(good);
  const raw = structuredClone(stored[bucket]!) as { contacts: Record<string, unknown>[] };
  raw.contacts[2]!.at = 'yesterday';
  await storage.setItems(legacyContactWrites(good));
  await storage.setItem(contactBucketItems[bucket]!.key, raw);
  return { good, bucket, raw, badId: good[2]!.id };
}

describe('salvageList', () => {
  it('should keep the records that pass and name the ones that do not', () => {
    const a = contact('2026-11-15T10:00:00.000Z');
    const r = salvageList(
      { contacts: [a, { ...a, id: uuid(), at: 'soon' }, 7] },
      'contacts',
      ContactSchema,
    );
    expect(r?.kept).toEqual([a]);
    expect(r?.setAside.map((s) => s.index)).toEqual([1, 2]);
    expect(r?.setAside[0]!.problem).toMatch(/^at: /);
  });

  it('should give up on a value that is not a list of records at all', () => {
    expect(salvageList('garbage', 'contacts', ContactSchema)).toBeNull();
    expect(salvageList({ contacts: 'x' }, 'contacts', ContactSchema)).toBeNull();
  });
});

describe('one bad stored record', () => {
  it('should leave the other contacts of its bucket readable by a read-only reader', async () => {
    const { badId } = await storeWithOneBad();
    const read = await loadContacts(NOW);
    expect(read.contacts).toHaveLength(4);
    expect(read.contacts.some((c) => c.id === badId)).toBe(false);
    expect(read.problems[0]!.message).toMatch(
      new RegExp(`record 2, id ${badId}: at: .*the others are in use`),
    );
  });

  it('should be set aside by the background with a copy of the stored value, and the rest still count', async () => {
    const { good, raw } = await storeWithOneBad();
    const { deps } = testDeps();
    const lookup = await handleMessage(
      { type: 'status:lookup', query: '@jbloggs', platform: 'x' },
      deps,
    );
    expect(lookup).toMatchObject({ ok: true, status: { countInWindow: 4 } });
    expect(lookup.warnings?.[0]).toMatch(/set aside/);
    const [problem] = await problemsItem.getValue();
    expect(problem!.quarantinedAs).toMatch(/^local:quarantine:contacts:\d\d:/);
    expect(await storage.getItem(problem!.quarantinedAs as `local:${string}`)).toEqual(raw);
    // The four good contacts moved into the records database, so the next read has nothing to set
    // aside.
    const again = await loadContacts(NOW);
    expect(again.problems).toEqual([]);
    expect(again.contacts.map((c) => c.id).sort()).toEqual(
      good
        .filter((_, i) => i !== 2)
        .map((c) => c.id)
        .sort(),
    );
  });

  it('should keep the other repeat-caller events when one is not valid', async () => {
    const event = {
      id: uuid(),
      at: '2026-11-16T10:00:00.000Z',
      by: { name: 'A. Moderator', staffNumber: '12345' },
      kind: 'advised',
      userKey: 'x:jbloggs',
      how: 'public-reply',
      advice: 'Please call 101.',
    };
    await storage.setItem(repeatEventsItem.key, {
      schemaVersion: 1,
      events: [event, { ...event, id: 'not-an-id' }],
    });
    const { deps } = testDeps();
    const reply = await handleMessage(
      { type: 'status:lookup', query: '@jbloggs', platform: 'x' },
      deps,
    );
    expect(reply.ok).toBe(true);
    expect((await repeatEventsItem.item.getValue()).events).toEqual([event]);
  });
});

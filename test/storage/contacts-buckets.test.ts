import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { RecordsCache } from '../../lib/messages/cache';
import { handleMessage, seedOnInstall } from '../../lib/messages/handler';
import { ContactsStoreSchema, contactBucket, type ContactsStore } from '../../lib/records';
import {
  contactBucketItems,
  legacyContactsItem,
  migrateLegacyContacts,
  problemsItem,
  readContacts,
} from '../../lib/storage/records';
import { capture, seedBasics, storedContacts, testDeps } from '../background/helpers';

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/storage/contacts-v1.json', import.meta.url), 'utf8'),
) as { meta: { v: number }; value: ContactsStore };
const NOW = new Date('2026-11-20T12:00:00.000Z');

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  await seedBasics();
});

async function bucketValues(): Promise<unknown[]> {
  return (await storage.getItems(contactBucketItems.map((i) => i.key))).map((r) => r.value);
}

describe('migrateLegacyContacts (the old single `contacts` key to 64 buckets)', () => {
  it('should read the saved fixture as valid contacts of the old shape', () => {
    expect(ContactsStoreSchema.safeParse(fixture.value).success).toBe(true);
    expect(fixture.value.contacts).toHaveLength(7);
  });

  it('should move every contact to its user’s bucket, then remove the old key', async () => {
    await storage.setItem(legacyContactsItem.key, fixture.value);
    expect(await migrateLegacyContacts(NOW)).toEqual({ kind: 'migrated', contacts: 7 });
    expect(await storage.getItem(legacyContactsItem.key)).toBeNull();
    const stored = await bucketValues();
    const jb = stored[contactBucket('x:jbloggs')] as ContactsStore;
    expect(jb.contacts.map((c) => c.id)).toEqual(
      fixture.value.contacts.filter((c) => c.userKey === 'x:jbloggs').map((c) => c.id),
    );
    expect((await storedContacts()).map((c) => c.id).sort()).toEqual(
      fixture.value.contacts.map((c) => c.id).sort(),
    );
    // Running it again finds nothing to do and changes nothing.
    expect(await migrateLegacyContacts(NOW)).toEqual({ kind: 'none' });
    expect(await bucketValues()).toEqual(stored);
  });

  it('should finish a migration that stopped after writing the buckets, without doubling', async () => {
    await storage.setItem(legacyContactsItem.key, fixture.value);
    await migrateLegacyContacts(NOW);
    const written = await bucketValues();
    await storage.setItem(legacyContactsItem.key, fixture.value); // as if the removal never ran
    expect(await migrateLegacyContacts(NOW)).toMatchObject({ kind: 'migrated' });
    expect(await bucketValues()).toEqual(written);
    expect(await storedContacts()).toHaveLength(7);
  });

  it('should keep the old key when the bucket write is refused', async () => {
    await storage.setItem(legacyContactsItem.key, fixture.value);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES'));
    await expect(migrateLegacyContacts(NOW)).rejects.toThrow('QUOTA_BYTES');
    expect(await storage.getItem(legacyContactsItem.key)).toEqual(fixture.value);
    // Read before the migration has run, every contact is still there.
    expect(await storedContacts()).toHaveLength(7);
  });

  it('should keep the old key when the buckets read back do not match', async () => {
    await storage.setItem(legacyContactsItem.key, fixture.value);
    const realSet = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    // Storage that silently drops the first contact of whatever it is given.
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      const bad = Object.fromEntries(
        Object.entries(items).map(([k, v]) => [
          k,
          k.startsWith('contacts:') ? { ...(v as ContactsStore), contacts: [] } : v,
        ]),
      );
      await realSet(bad);
    });
    expect(await migrateLegacyContacts(NOW)).toMatchObject({ kind: 'not-verified' });
    expect(await storage.getItem(legacyContactsItem.key)).toEqual(fixture.value);
  });

  it('should quarantine an old array that is not valid, and report it', async () => {
    const corrupt = { schemaVersion: 1, contacts: [{ id: 'not-a-uuid' }] };
    await storage.setItem(legacyContactsItem.key, corrupt);
    const m = await migrateLegacyContacts(NOW);
    expect(m).toMatchObject({ kind: 'quarantined' });
    expect(await storage.getItem(`local:quarantine:contacts:${NOW.toISOString()}`)).toEqual(
      corrupt,
    );
    expect(await storage.getItem(legacyContactsItem.key)).toBeNull();
    expect(await problemsItem.getValue()).toEqual([
      expect.objectContaining({ key: 'local:contacts' }),
    ]);
  });

  it('should run on install or update, and before the background first reads contacts', async () => {
    await storage.setItem(legacyContactsItem.key, fixture.value);
    await seedOnInstall(testDeps().deps);
    expect(await storage.getItem(legacyContactsItem.key)).toBeNull();

    await storage.setItem(legacyContactsItem.key, fixture.value);
    await storage.setItems(contactBucketItems.map((i) => ({ key: i.key, value: null })));
    const reply = await handleMessage(
      { type: 'repeat:person', userKey: 'x:jbloggs' },
      testDeps().deps,
    );
    expect(reply.ok && reply.person!.contacts).toHaveLength(3);
    expect(await storage.getItem(legacyContactsItem.key)).toBeNull();
  });
});

describe('contact buckets in the background', () => {
  it('should rewrite only the recorded user’s bucket', async () => {
    const deps = { ...testDeps().deps, cache: new RecordsCache() };
    await handleMessage({ type: 'contact:record', comment: capture({ key: 'a' }) }, deps);
    await handleMessage(
      { type: 'contact:record', comment: capture({ key: 'b', author: { handle: 'angryperson' } }) },
      deps,
    );
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await handleMessage({ type: 'contact:record', comment: capture({ key: 'c' }) }, deps);
    const written = set.mock.calls.flatMap(([items]) => Object.keys(items));
    expect(written).toEqual([`contacts:${String(contactBucket('x:jbloggs')).padStart(2, '0')}`]);
    const values = (await bucketValues()) as (ContactsStore | null)[];
    expect(values[contactBucket('x:jbloggs')]?.contacts).toHaveLength(2);
    expect(values[contactBucket('x:angryperson')]?.contacts).toHaveLength(1);
  });

  it('should set a corrupt contact aside on its own, report it, and keep the others working', async () => {
    const deps = testDeps().deps;
    await handleMessage(
      { type: 'contact:record', comment: capture({ key: 'a', author: { handle: 'angryperson' } }) },
      deps,
    );
    const bad = contactBucketItems[contactBucket('x:jbloggs')]!;
    const corrupt = { schemaVersion: 1, contacts: [{ id: 'not-a-uuid', userKey: 'x:jbloggs' }] };
    await storage.setItem(bad.key, corrupt);

    const reply = await handleMessage({ type: 'repeat:overview' }, deps);
    expect(reply).toMatchObject({ ok: true, overview: { counts: { contacts: 1, users: 1 } } });
    expect(reply.warnings).toEqual([
      expect.stringMatching(/contacts:01: 1 record is not valid .*record 0, id not-a-uuid/),
    ]);
    const qKey = `local:quarantine:${bad.name}:2026-11-20T12:00:00.000Z` as const;
    expect(await storage.getItem(qKey)).toEqual(corrupt);
    expect(await problemsItem.getValue()).toEqual([
      expect.objectContaining({ key: bad.key, quarantinedAs: qKey }),
    ]);
    // The other user's contacts are untouched, and recording into the mended bucket works.
    const again = await handleMessage({ type: 'contact:record', comment: capture() }, deps);
    expect(again).toMatchObject({ ok: true, message: 'Recorded. 1 in 30 days' });
    expect((await storedContacts()).map((c) => c.userKey).sort()).toEqual([
      'x:angryperson',
      'x:jbloggs',
    ]);
  });

  it('should say, read-only, which bucket is not valid when the popup reads contacts', async () => {
    const bad = contactBucketItems[5]!;
    await storage.setItem(bad.key, { schemaVersion: 2 });
    const r = await readContacts({ quarantine: false, now: NOW });
    expect(r.contacts).toEqual([]);
    expect(r.problems).toEqual([expect.objectContaining({ key: bad.key })]);
    expect(await storage.getItem(bad.key)).toEqual({ schemaVersion: 2 });
  });
});

describe('repeat:overview and repeat:person', () => {
  it('should answer the list, those one short, counts, and one person’s detail', async () => {
    const deps = { ...testDeps().deps, cache: new RecordsCache() };
    const rec = async (handle: string, n: number) => {
      for (let i = 1; i <= n; i++) {
        const r = await handleMessage(
          {
            type: 'contact:record',
            comment: capture({
              key: `${handle}-${i}`,
              author: { handle },
              seenAt: `2026-11-1${i}T10:00:00.000Z`,
            }),
          },
          deps,
        );
        expect(r.ok).toBe(true);
      }
    };
    await rec('jbloggs', 5);
    await rec('angryperson', 4);
    await rec('quiet', 1);
    const reply = await handleMessage({ type: 'repeat:overview' }, deps);
    expect(reply).toMatchObject({
      ok: true,
      overview: {
        list: [{ userKey: 'x:jbloggs', state: 'repeat-caller', countInWindow: 5, windowDays: 30 }],
        near: [{ userKey: 'x:angryperson', state: 'recorded', countInWindow: 4 }],
        counts: { contacts: 10, users: 3 },
        windowDays: 30,
        threshold: 5,
      },
    });
    const person = await handleMessage({ type: 'repeat:person', userKey: 'x:jbloggs' }, deps);
    expect(person.ok && person.person!.status.state).toBe('repeat-caller');
    expect(person.ok && person.person!.contacts.map((c) => c.commentKey)).toEqual([
      'jbloggs-1',
      'jbloggs-2',
      'jbloggs-3',
      'jbloggs-4',
      'jbloggs-5',
    ]);
    expect(person.ok && person.person!.advice).toEqual([]);
  });
});

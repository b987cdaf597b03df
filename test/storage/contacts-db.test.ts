// The contacts in the records database: one document per contact, one write per recording, and
// the move there from where earlier versions kept them (64 storage buckets, and before them one
// key), checked before anything old is removed.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { RecordsCache } from '../../lib/messages/cache';
import { handleMessage, seedOnInstall } from '../../lib/messages/handler';
import { ContactsStoreSchema, canonicalJson, type ContactsStore } from '../../lib/records';
import {
  ContactStore,
  contactDocId,
  contactStore,
  loadContacts,
} from '../../lib/storage/contactsDb';
import { contactBucketItems, legacyContactsItem, problemsItem } from '../../lib/storage/records';
import { recordsDb } from '../../lib/storage/recordsDb';
import { contactGroup } from '../../lib/storage/contactsDocs';
import { legacyContactWrites } from '../../scripts/lib/legacy-contacts';
import { makeContacts } from '../../scripts/lib/records-data';
import { capture, seedBasics, storedContacts, testDeps } from '../background/helpers';
import { daily } from '../records/fixtures';

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/storage/contacts-v1.json', import.meta.url), 'utf8'),
) as { meta: { v: number }; value: ContactsStore };
const NOW = new Date('2026-11-20T12:00:00.000Z');
const LEGACY_KEYS = [...contactBucketItems.map((i) => i.key), legacyContactsItem.key];

beforeEach(async () => {
  fakeBrowser.reset();
  contactStore.forget();
  vi.restoreAllMocks();
  await seedBasics();
});

async function legacyLeft(): Promise<number> {
  const raws = await storage.getItems(LEGACY_KEYS);
  return raws.filter((r) => r.value !== null && r.value !== undefined).length;
}

async function contactDocIds(): Promise<string[]> {
  const rows = (await recordsDb().allDocs({ startkey: 'contact:', endkey: 'contact:\ufff0' })).rows;
  return rows.map((r) => r.id);
}

describe('moving contacts into the records database', () => {
  it('should read the saved fixture of the oldest format as valid contacts', () => {
    expect(ContactsStoreSchema.safeParse(fixture.value).success).toBe(true);
    expect(fixture.value.contacts).toHaveLength(7);
  });

  it('should move the oldest single key, one document per contact, then remove it', async () => {
    await storage.setItem(legacyContactsItem.key, fixture.value);
    const read = await contactStore.read(NOW);
    expect(read.problems).toEqual([]);
    expect(read.contacts.map((c) => c.id).sort()).toEqual(
      fixture.value.contacts.map((c) => c.id).sort(),
    );
    expect(await legacyLeft()).toBe(0);
    expect((await contactDocIds()).sort()).toEqual(
      fixture.value.contacts.map((c) => contactDocId(c)).sort(),
    );
    // Each document holds the contact exactly as it was stored.
    const doc = await recordsDb().get<{ contact: unknown }>(
      contactDocId(fixture.value.contacts[0]!),
    );
    expect(doc.contact).toEqual(fixture.value.contacts[0]);
    // The id names a group of users, not the person.
    expect(doc._id).toMatch(/^contact:[0-9a-f]{3}:[0-9a-f-]{36}$/);
    expect(doc._id).not.toMatch(/jbloggs/);
  });

  it('should move 100,000 contacts from the 64 buckets, every one read back, then remove them', async () => {
    const contacts = makeContacts(100_000, 20_000, NOW);
    await storage.setItems(legacyContactWrites(contacts));
    const read = await contactStore.read(NOW);
    expect(read.problems).toEqual([]);
    expect(read.contacts).toHaveLength(100_000);
    expect(await legacyLeft()).toBe(0);
    expect(await contactDocIds()).toHaveLength(100_000);
    const byId = new Map(read.contacts.map((c) => [c.id, c]));
    expect(contacts.every((c) => canonicalJson(byId.get(c.id)) === canonicalJson(c))).toBe(true);
  }, 120_000);

  it('should finish a move that stopped after writing the documents, without doubling', async () => {
    await storage.setItems(legacyContactWrites(fixture.value.contacts));
    await contactStore.read(NOW);
    // As if the removal of the old keys never ran.
    await storage.setItems(legacyContactWrites(fixture.value.contacts));
    contactStore.forget();
    expect((await contactStore.read(NOW)).contacts).toHaveLength(7);
    expect(await contactDocIds()).toHaveLength(7);
    expect(await legacyLeft()).toBe(0);
  });

  it('should keep the old keys, say so, and still count every contact when the write is refused', async () => {
    await storage.setItems(legacyContactWrites(fixture.value.contacts));
    vi.spyOn(recordsDb(), 'bulkDocs').mockRejectedValueOnce(new Error('QuotaExceededError'));
    const read = await contactStore.read(NOW);
    expect(read.contacts).toHaveLength(7);
    expect(read.problems[0]!.message).toMatch(
      /could not be moved into the records database \(QuotaExceededError\)\. The old copy is kept/,
    );
    expect(await legacyLeft()).toBeGreaterThan(0);
    expect(await problemsItem.getValue()).toEqual([
      expect.objectContaining({ message: read.problems[0]!.message }),
    ]);
    // Recording goes on meanwhile, and the next start moves the rest.
    const r = await handleMessage(
      { type: 'contact:record', comment: capture({ key: 'during' }) },
      testDeps().deps,
    );
    expect(r).toMatchObject({ ok: true });
    contactStore.forget();
    expect((await contactStore.read(NOW)).contacts).toHaveLength(8);
    expect(await legacyLeft()).toBe(0);
  });

  it('should keep the old keys when what is read back differs from the old copy', async () => {
    await storage.setItems(legacyContactWrites(fixture.value.contacts));
    const db = recordsDb();
    const realBulk = db.bulkDocs.bind(db);
    // A database that silently stores a changed note in one contact.
    vi.spyOn(db, 'bulkDocs').mockImplementationOnce(((docs: { contact: object }[]) =>
      realBulk(
        docs.map((d, i) => (i === 0 ? { ...d, contact: { ...d.contact, note: 'changed' } } : d)),
      )) as unknown as typeof db.bulkDocs);
    const read = await contactStore.read(NOW);
    expect(read.problems[0]!.message).toMatch(/1 of 7 contacts did not read back as they were/);
    expect(await legacyLeft()).toBeGreaterThan(0);
  });

  it('should quarantine an old array that is not valid, and report it', async () => {
    const corrupt = { schemaVersion: 1, contacts: [{ id: 'not-a-uuid' }] };
    await storage.setItem(legacyContactsItem.key, corrupt);
    await contactStore.read(NOW);
    expect(await storage.getItem(`local:quarantine:contacts:${NOW.toISOString()}`)).toEqual(
      corrupt,
    );
    expect(await legacyLeft()).toBe(0);
    expect(await problemsItem.getValue()).toEqual([
      expect.objectContaining({ key: 'local:contacts' }),
    ]);
  });

  it('should run on install or update, and before the background first reads contacts', async () => {
    await storage.setItem(legacyContactsItem.key, fixture.value);
    await seedOnInstall(testDeps().deps);
    expect(await legacyLeft()).toBe(0);

    await replaceContactsFromBuckets();
    const reply = await handleMessage(
      { type: 'repeat:person', userKey: 'x:jbloggs' },
      testDeps().deps,
    );
    expect(reply.ok && reply.person!.contacts).toHaveLength(3);
    expect(await legacyLeft()).toBe(0);
  });

  it('should show a reader that is not the background contacts not moved yet', async () => {
    await storage.setItems(legacyContactWrites(fixture.value.contacts));
    expect(await storedContacts()).toHaveLength(7);
    expect(await legacyLeft()).toBeGreaterThan(0);
  });
});

/** Clears the database and puts the fixture back in buckets, as an older build would find it. */
async function replaceContactsFromBuckets() {
  await new ContactStore().replace([], NOW);
  contactStore.forget();
  await storage.setItems(legacyContactWrites(fixture.value.contacts));
}

describe('contacts in the background', () => {
  it('should write one document per recording and no storage value', async () => {
    const deps = { ...testDeps().deps, cache: new RecordsCache() };
    await handleMessage({ type: 'contact:record', comment: capture({ key: 'a' }) }, deps);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const put = vi.spyOn(recordsDb(), 'put');
    await handleMessage({ type: 'contact:record', comment: capture({ key: 'b' }) }, deps);
    expect(put).toHaveBeenCalledTimes(1);
    expect(set.mock.calls.flatMap(([items]) => Object.keys(items))).toEqual([]);
    expect(await contactDocIds()).toHaveLength(2);
    // The same comment again is answered, not written.
    const again = await handleMessage(
      { type: 'contact:record', comment: capture({ key: 'b' }) },
      deps,
    );
    expect(again).toMatchObject({ ok: true, message: expect.stringMatching(/^Already recorded/) });
    expect(put).toHaveBeenCalledTimes(1);
  });

  it('should say what was not saved when the database refuses a recording, and count nothing', async () => {
    const deps = testDeps().deps;
    vi.spyOn(recordsDb(), 'put').mockRejectedValueOnce(new Error('QuotaExceededError'));
    const r = await handleMessage({ type: 'contact:record', comment: capture() }, deps);
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/contact was not saved/) });
    const lookup = await handleMessage(
      { type: 'status:lookup', query: '@jbloggs', platform: 'x' },
      deps,
    );
    expect(lookup).toMatchObject({ ok: true, status: { countInWindow: 0 } });
  });

  it('should set a corrupt document aside on its own, report it once, and never write over it', async () => {
    const good = daily('2026-11-15T10:00:00.000Z', 3);
    await new ContactStore().replace(good, NOW);
    const badId = contactDocId({ id: 'not-a-uuid', userKey: good[0]!.userKey });
    await recordsDb().put({ _id: badId, type: 'contact', contact: { id: 'not-a-uuid' } });
    contactStore.forget();
    const deps = testDeps().deps;
    const first = await handleMessage({ type: 'repeat:overview' }, deps);
    expect(first).toMatchObject({ ok: true, overview: { counts: { contacts: 3 } } });
    expect(first.warnings).toEqual([
      expect.stringMatching(/Stored contacts: 1 record is not valid .*id not-a-uuid/),
    ]);
    const next = await handleMessage(
      { type: 'status:lookup', query: `@${good[0]!.user.handle!}`, platform: 'x' },
      deps,
    );
    expect(next).toMatchObject({ ok: true, status: { countInWindow: 3 } });
    expect(next.warnings).toBeUndefined();
    expect(await problemsItem.getValue()).toHaveLength(1);
    // Erasing everyone else keeps the unreadable document as it was stored.
    await contactStore.replace([], NOW);
    expect(await contactDocIds()).toEqual([badId]);
    const read = await loadContacts(NOW);
    expect(read.contacts).toEqual([]);
    expect(read.problems[0]!.message).toMatch(/kept in the records database as they were stored/);
  });
});

describe('recording on a background that has just started', () => {
  /** Three earlier contacts by jbloggs stored, and a store that has read nothing yet. */
  async function coldWithThree() {
    const deps = testDeps().deps;
    for (const key of ['a', 'b', 'c']) {
      expect(
        await handleMessage({ type: 'contact:record', comment: capture({ key }) }, deps),
      ).toMatchObject({ ok: true });
    }
    contactStore.forget();
    return deps;
  }

  it('should record from the author’s own key range, count it once, and keep it after the full read', async () => {
    const deps = await coldWithThree();
    const db = recordsDb();
    const allDocs = db.allDocs.bind(db);
    const ranges: string[] = [];
    vi.spyOn(db, 'allDocs').mockImplementation(((opts: { startkey?: string }) => {
      if (opts?.startkey?.startsWith('contact:')) ranges.push(opts.startkey);
      return allDocs(opts as never);
    }) as typeof db.allDocs);
    const r = await handleMessage({ type: 'contact:record', comment: capture({ key: 'd' }) }, deps);
    expect(r).toMatchObject({ ok: true, message: 'Recorded. 4 in 30 days' });
    expect(ranges[0]).toBe(`contact:${contactGroup('x:jbloggs')}:`);
    // The same comment again, still cold or not, is not counted twice.
    const again = await handleMessage(
      { type: 'contact:record', comment: capture({ key: 'd' }) },
      deps,
    );
    expect(again).toMatchObject({ ok: true, message: expect.stringMatching(/^Already recorded/) });
    await contactStore.index(NOW);
    const overview = await handleMessage({ type: 'repeat:overview' }, deps);
    expect(overview).toMatchObject({ ok: true, overview: { counts: { contacts: 4 } } });
    expect(await contactDocIds()).toHaveLength(4);
  });

  it('should keep a contact recorded while the full read is under way, when the read saw the database before it', async () => {
    const deps = await coldWithThree();
    const db = recordsDb();
    const allDocs = db.allDocs.bind(db);
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    // The full read takes its snapshot now and hands it over only after the recording.
    vi.spyOn(db, 'allDocs').mockImplementation((async (opts: { startkey?: string }) => {
      const result = await allDocs(opts as never);
      if (opts?.startkey === 'contact:') await gate;
      return result;
    }) as unknown as typeof db.allDocs);
    const reading = contactStore.index(NOW);
    const r = await handleMessage({ type: 'contact:record', comment: capture({ key: 'd' }) }, deps);
    expect(r).toMatchObject({ ok: true, message: 'Recorded. 4 in 30 days' });
    open();
    expect((await reading).byUser.get('x:jbloggs')).toHaveLength(4);
  });

  it('should keep a contact recorded while the full read is under way, when the read finished first', async () => {
    const deps = await coldWithThree();
    const db = recordsDb();
    const put = db.put.bind(db);
    let reading: Promise<unknown> = Promise.resolve();
    // The recording's write lands only once the full read, begun meanwhile, is done without it.
    vi.spyOn(db, 'put').mockImplementation((async (doc: never) => {
      reading = contactStore.index(NOW);
      await reading;
      return put(doc);
    }) as unknown as typeof db.put);
    const r = await handleMessage({ type: 'contact:record', comment: capture({ key: 'd' }) }, deps);
    expect(r).toMatchObject({ ok: true, message: 'Recorded. 4 in 30 days' });
    await reading;
    expect((await contactStore.index(NOW)).byUser.get('x:jbloggs')).toHaveLength(4);
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

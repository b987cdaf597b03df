import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recordsDb } from '../../lib/storage/recordsDb';
import { handleMessage } from '../../lib/messages/handler';
import { currentBackup, readAuditLog } from '../../lib/messages/data';
import { backupJson } from '../../lib/records/backup';
import { appendEntry, emptyBlockLog, verifyChain } from '../../lib/records';
import { draftsItem, repeatEventsItem } from '../../lib/storage/records';
import { readSettings } from '../../lib/storage/settings';
import {
  capture,
  clearContacts,
  seedBasics,
  storedContacts,
  testDeps,
  emptyBrowser,
} from './helpers';
import { storeBlockLog, storedBlockLog } from '../blocklog-helpers';
import { entry, uuid } from '../records/fixtures';
import { loadSnapshot } from '../../lib/storage/blockLogDb';

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  await seedBasics();
});

async function record(
  deps: ReturnType<typeof testDeps>['deps'],
  n: number,
  handle = 'jbloggs',
  seenAt = '2026-11-20T11:00:00.000Z',
) {
  const reply = await handleMessage(
    {
      type: 'contact:record',
      comment: capture({
        key: `x:status:${n}`,
        seenAt,
        author: { handle, profileUrl: `https://x.com/${handle}` },
      }),
    },
    deps,
  );
  expect(reply.ok).toBe(true);
}

describe('data:import', () => {
  it('should restore a backup into an empty browser and log the restore', async () => {
    const { deps } = testDeps();
    await record(deps, 1);
    await record(deps, 2, 'other');
    const text = backupJson(await currentBackup(new Date('2026-11-21T00:00:00Z')));
    await emptyBrowser();
    await seedBasics();
    const reply = await handleMessage({ type: 'data:import', text }, deps);
    expect(reply).toMatchObject({ ok: true, message: expect.stringMatching(/^Restored 2 new/) });
    expect(await storedContacts()).toHaveLength(2);
    expect(await readAuditLog()).toEqual([
      expect.objectContaining({
        action: 'import',
        counts: expect.objectContaining({ contacts: 2 }),
      }),
    ]);
    const again = await handleMessage({ type: 'data:import', text }, deps);
    expect(again).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^Nothing to restore/),
    });
  });

  it('should change nothing when the write is refused, and say so', async () => {
    const { deps } = testDeps();
    await record(deps, 1);
    await storeBlockLog(await appendEntry(emptyBlockLog(), entry({ id: uuid(501) })));
    const text = backupJson(await currentBackup(new Date()));
    await clearContacts();
    await storeBlockLog(emptyBlockLog());
    const before = await fakeBrowser.storage.local.get(null);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(
      new Error('QUOTA_BYTES quota exceeded'),
    );
    const reply = await handleMessage({ type: 'data:import', text }, deps);
    expect(reply).toMatchObject({
      ok: false,
      error: expect.stringMatching(/nothing was saved \(QUOTA_BYTES/),
    });
    vi.restoreAllMocks();
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
    // The block log and the contacts, written first, were put back.
    expect((await storedBlockLog()).records).toEqual([]);
    expect(await storedContacts()).toEqual([]);
  });

  it('should put the contacts back when the records database refuses part of a restore', async () => {
    const { deps } = testDeps();
    await record(deps, 1);
    await record(deps, 2, 'other');
    const text = backupJson(await currentBackup(new Date()));
    await clearContacts();
    await record(deps, 3);
    const kept = (await storedContacts()).map((c) => c.id);
    const db = recordsDb();
    const bulk = db.bulkDocs.bind(db);
    // The database takes the first document of the restore's write and refuses the second.
    vi.spyOn(db, 'bulkDocs').mockImplementationOnce((async (docs: { _id: string }[]) => {
      const [first] = await bulk(docs.slice(0, 1));
      return [first, { error: true, name: 'quota', message: 'QuotaExceededError' }];
    }) as unknown as typeof db.bulkDocs);
    const reply = await handleMessage({ type: 'data:import', text }, deps);
    expect(reply).toMatchObject({
      ok: false,
      error: expect.stringMatching(
        /nothing was saved \(1 of 2 contact changes saved; not saved: contact .*QuotaExceededError/,
      ),
    });
    vi.restoreAllMocks();
    expect((await storedContacts()).map((c) => c.id)).toEqual(kept);
  });

  it('should refuse a hostile file with a message and change nothing', async () => {
    const { deps } = testDeps();
    const before = await fakeBrowser.storage.local.get(null);
    const reply = await handleMessage(
      { type: 'data:import', text: '{"format":"moderator-assist-backup","__proto__":{"x":1}}' },
      deps,
    );
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/__proto__/) });
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });
});

describe('data:erase-person and data:retention-delete', () => {
  it('should erase one person, keep everyone else, and log it without their details', async () => {
    const { deps } = testDeps();
    await record(deps, 1);
    await record(deps, 2);
    await record(deps, 3, 'other');
    const reply = await handleMessage({ type: 'data:erase-person', userKey: 'x:jbloggs' }, deps);
    expect(reply).toMatchObject({ ok: true, message: expect.stringMatching(/^Erased 2 contacts/) });
    expect((await storedContacts()).map((c) => c.userKey)).toEqual(['x:other']);
    const log = await readAuditLog();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ action: 'erasure', counts: { contacts: 2 } });
    expect(JSON.stringify(log)).not.toMatch(/jbloggs/i);
  });

  it('should delete only what is past retention when asked, and log it', async () => {
    const { deps, clock } = testDeps('2026-11-20T12:00:00.000Z');
    await record(deps, 1);
    const [old] = await storedContacts();
    clock.t = Date.parse('2028-01-01T00:00:00.000Z');
    await record(deps, 2, 'jbloggs', '2027-12-31T11:00:00.000Z');
    const ids = (await storedContacts()).map((c) => c.id);
    const reply = await handleMessage(
      { type: 'data:retention-delete', blockEntries: [], contacts: ids, events: [] },
      deps,
    );
    expect(reply).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^Deleted 1 contact /),
    });
    expect((await storedContacts()).map((c) => c.id)).not.toContain(old?.id);
    expect(await readAuditLog()).toEqual([
      expect.objectContaining({ action: 'retention-delete', recordIds: [old?.id] }),
    ]);
    expect((await readSettings()).retentionDays.contacts).toBe(365);
  });
});

describe('storage that does not lose data', () => {
  it('should keep the draft and report the error when saving it fails', async () => {
    const { deps } = testDeps();
    const started = await handleMessage({ type: 'block:start-draft', comment: capture() }, deps);
    expect(started.ok).toBe(true);
    const [draft] = (await draftsItem.item.getValue()).drafts;
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('IO error'));
    const reply = await handleMessage(
      { type: 'block:save-draft', draft: { ...draft!, justification: 'typed' } },
      deps,
    );
    vi.restoreAllMocks();
    expect(reply).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Could not save: IO error/),
    });
    expect((await draftsItem.item.getValue()).drafts).toEqual([draft]);
  });

  it('should quarantine a corrupt item, report it, and keep the rest working', async () => {
    const { deps } = testDeps();
    await record(deps, 1);
    await fakeBrowser.storage.local.set({ repeatEvents: { schemaVersion: 1, events: 'broken' } });
    const reply = await handleMessage({ type: 'data:erase-person', userKey: 'x:nobody' }, deps);
    expect(reply).toMatchObject({ ok: true, warnings: [expect.stringMatching(/quarantine/)] });
    const snap = await loadSnapshot(new Date());
    expect(await storedContacts()).toHaveLength(1);
    expect(snap.problems).toHaveLength(1);
    expect((await repeatEventsItem.item.getValue()).events).toEqual([]);
    expect(await verifyChain(await storedBlockLog())).toMatchObject({ ok: true });
  });
});

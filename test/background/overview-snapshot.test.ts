import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recordsDb } from '../../lib/storage/recordsDb';
import { RecordsCache } from '../../lib/messages/cache';
import { currentBackup } from '../../lib/messages/data';
import { handleMessage, type HandlerDeps } from '../../lib/messages/handler';
import { OverviewSnapshotKeeper } from '../../lib/messages/snapshot';
import { backupJson } from '../../lib/records/backup';
import {
  readOverviewSnapshot,
  repeatOverviewItem,
  type RepeatOverview,
} from '../../lib/storage/overview';
import { settingsItem, DEFAULT_SETTINGS } from '../../lib/storage/settings';
import { capture, seedBasics, storedContacts, testDeps, emptyBrowser } from './helpers';

// The stored repeat-caller list (local:repeatOverview) is derived data the popup shows while a
// background that has just started reads the contacts: it must follow every write that changes
// the list, never outlive an erased person, and never be trusted when it is not valid.

let deps: HandlerDeps & { snapshot: OverviewSnapshotKeeper };
let clock: { t: number };

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  await seedBasics();
  const made = testDeps();
  clock = made.clock;
  // A long delay, so each test says when the refresh runs (flush) and can see it has not yet.
  deps = { ...made.deps, cache: new RecordsCache(), snapshot: new OverviewSnapshotKeeper(60_000) };
});

async function record(n: number, handle: string, seenAt = '2026-11-20T11:00:00.000Z') {
  const reply = await handleMessage(
    {
      type: 'contact:record',
      comment: capture({
        key: `x:status:${handle}-${n}`,
        seenAt,
        author: { handle, profileUrl: `https://x.com/${handle}` },
      }),
    },
    deps,
  );
  expect(reply.ok).toBe(true);
}

async function stored() {
  return repeatOverviewItem.item.getValue();
}

async function fresh(): Promise<RepeatOverview> {
  const reply = await handleMessage({ type: 'repeat:overview' }, deps);
  if (!reply.ok || !reply.overview) throw new Error('no overview');
  return reply.overview;
}

function keys(o: { list: { userKey: string }[]; near: { userKey: string }[] } | null) {
  return { list: o?.list.map((r) => r.userKey), near: o?.near.map((r) => r.userKey) };
}

describe('the stored repeat-caller list', () => {
  it('should be worked out again after each write that changes the list, once things are quiet', async () => {
    for (let i = 1; i <= 4; i++) await record(i, 'jbloggs');
    // The refresh waits for a quiet moment: nothing is stored during the burst.
    expect(deps.snapshot.scheduled).toBe(true);
    expect(await stored()).toBeNull();
    await deps.snapshot.flush();
    expect(keys(await stored())).toEqual({ list: [], near: ['x:jbloggs'] });

    await record(5, 'jbloggs');
    await deps.snapshot.flush();
    const afterFifth = await stored();
    expect(afterFifth?.list).toEqual([
      expect.objectContaining({ userKey: 'x:jbloggs', state: 'repeat-caller', countInWindow: 5 }),
    ]);
    expect(afterFifth?.computedAt).toBe(new Date(clock.t).toISOString());

    clock.t += 60_000;
    const advised = await handleMessage(
      {
        type: 'repeat:advise',
        requestId: crypto.randomUUID(),
        userKey: 'x:jbloggs',
        how: 'public-reply',
        advice: 'Please use 101; repeated abuse will lead to a block.',
      },
      deps,
    );
    expect(advised.ok).toBe(true);
    await deps.snapshot.flush();
    const afterAdvice = await stored();
    expect(afterAdvice?.list[0]).toMatchObject({ userKey: 'x:jbloggs', state: 'advised' });
    expect(afterAdvice?.computedAt).toBe(new Date(clock.t).toISOString());

    // What is stored is exactly what the background answers now.
    const { schemaVersion, ...snap } = afterAdvice!;
    expect(schemaVersion).toBe(1);
    expect(await fresh()).toEqual(snap);
  });

  it('should not refresh after requests that cannot change the list', async () => {
    await record(1, 'jbloggs');
    await deps.snapshot.flush();
    const before = await stored();
    clock.t += 60_000;
    await handleMessage({ type: 'status:lookup', query: '@jbloggs', platform: 'x' }, deps);
    await handleMessage({ type: 'block:start-draft', comment: capture() }, deps);
    expect(deps.snapshot.scheduled).toBe(false);
    expect(await stored()).toEqual(before);
  });

  it('should be stored whenever the popup asks for the current list, and drop a waiting refresh', async () => {
    await record(1, 'jbloggs');
    expect(deps.snapshot.scheduled).toBe(true);
    const overview = await fresh();
    expect(deps.snapshot.scheduled).toBe(false);
    expect(await stored()).toEqual({ schemaVersion: 1, ...overview });
  });

  it('should not be written again for the same list within a minute, since it can be large', async () => {
    for (let i = 1; i <= 5; i++) await record(i, 'jbloggs');
    const first = await fresh();
    clock.t += 30_000;
    await fresh();
    expect((await stored())?.computedAt).toBe(first.computedAt);
    await record(6, 'jbloggs');
    const changed = await fresh();
    expect((await stored())?.computedAt).toBe(changed.computedAt);
    clock.t += 60_000;
    const later = await fresh();
    expect(later.list).toEqual(changed.list);
    expect((await stored())?.computedAt).toBe(later.computedAt);
  });

  it('should not be offered for a different window than the settings name', async () => {
    for (let i = 1; i <= 5; i++) await record(i, 'jbloggs');
    await fresh();
    const now = new Date(clock.t);
    expect(keys(await readOverviewSnapshot(now, 5)).list).toEqual(['x:jbloggs']);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, repeatWindowDays: 14 });
    expect(await readOverviewSnapshot(now, 5)).toBeNull();
    expect(await readOverviewSnapshot(now, 6)).toBeNull();
  });

  it('should be ignored, not trusted, when it fails its schema, and replaced by the next list', async () => {
    for (let i = 1; i <= 5; i++) await record(i, 'jbloggs');
    const now = new Date(clock.t);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const corrupt = [
      // Broken in a way that keeps the stored time: still not trusted, still replaced.
      { ...(await fresh()), schemaVersion: 1, near: [{ userKey: 'x:evil' }] },
      { schemaVersion: 1, list: 'x:jbloggs', near: [], computedAt: now.toISOString() },
      { ...(await fresh()), schemaVersion: 2 },
      { ...(await fresh()), schemaVersion: 1, list: [{ userKey: 'x:evil', state: 'hacked' }] },
      'not an object',
    ];
    for (const value of corrupt) {
      await fakeBrowser.storage.local.set({ repeatOverview: value });
      expect(await readOverviewSnapshot(now, 5)).toBeNull();
    }
    expect(warn).toHaveBeenCalled();
    // Derived data is not quarantined: the background simply works the list out and replaces it.
    const overview = await fresh();
    expect(overview.list.map((r) => r.userKey)).toEqual(['x:jbloggs']);
    expect(await stored()).toEqual({ schemaVersion: 1, ...overview });
    expect(await readOverviewSnapshot(now, 5)).toEqual(overview);
    const all = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(all).filter((k) => k.startsWith('quarantine:'))).toEqual([]);
  });
});

describe('the stored list and data management', () => {
  async function twoOnTheList() {
    for (let i = 1; i <= 5; i++) await record(i, 'jbloggs');
    for (let i = 1; i <= 5; i++) await record(i, 'asmith', '2026-11-20T10:00:00.000Z');
    await deps.snapshot.flush();
    expect(keys(await stored()).list).toEqual(['x:jbloggs', 'x:asmith']);
  }

  it('should never hold an erased person: removed before the erasure is written, then worked out again', async () => {
    await twoOnTheList();
    const seenBySet: unknown[] = [];
    const db = recordsDb();
    const bulk = db.bulkDocs.bind(db);
    vi.spyOn(db, 'bulkDocs').mockImplementation((async (docs: { _id: string }[]) => {
      // The write that erases the contacts: whatever happens to it, the old list is already gone.
      if (docs.some((d) => d._id.startsWith('contact:'))) {
        seenBySet.push((await fakeBrowser.storage.local.get('repeatOverview')).repeatOverview);
      }
      return bulk(docs);
    }) as unknown as typeof db.bulkDocs);
    const reply = await handleMessage({ type: 'data:erase-person', userKey: 'x:jbloggs' }, deps);
    expect(reply.ok).toBe(true);
    expect(seenBySet).toEqual([undefined]);
    expect((await storedContacts()).map((c) => c.userKey)).not.toContain('x:jbloggs');
    expect(await stored()).toBeNull();
    await deps.snapshot.flush();
    const after = await stored();
    expect(keys(after).list).toEqual(['x:asmith']);
    expect(JSON.stringify(after)).not.toMatch(/jbloggs/);
  });

  it('should leave no stored list naming the person when the erasure fails', async () => {
    await twoOnTheList();
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('IO error'));
    const reply = await handleMessage({ type: 'data:erase-person', userKey: 'x:jbloggs' }, deps);
    expect(reply.ok).toBe(false);
    expect(await stored()).toBeNull();
    vi.restoreAllMocks();
    // Nothing was erased, so the list worked out again still has them: it is the record's truth.
    await deps.snapshot.flush();
    expect(keys(await stored()).list).toEqual(['x:jbloggs', 'x:asmith']);
  });

  it('should be dropped and worked out again after a retention deletion', async () => {
    await twoOnTheList();
    const ids = (await storedContacts()).filter((c) => c.userKey === 'x:asmith').map((c) => c.id);
    // Past the 365-day contact retention: asmith's contacts may go.
    clock.t = Date.parse('2028-01-01T00:00:00.000Z');
    const reply = await handleMessage(
      { type: 'data:retention-delete', blockEntries: [], contacts: ids, events: [] },
      deps,
    );
    expect(reply).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^Deleted 5 contacts/),
    });
    expect(await stored()).toBeNull();
    await deps.snapshot.flush();
    const after = await stored();
    expect(JSON.stringify(after)).not.toMatch(/asmith/);
    expect(after?.counts.contacts).toBe(5);
  });

  it('should be dropped and worked out again after a restore', async () => {
    await twoOnTheList();
    const text = backupJson(await currentBackup(new Date(clock.t)));
    // Restored into an emptied browser, whose stored list says nobody is on it.
    await emptyBrowser();
    await seedBasics();
    deps = { ...deps, cache: new RecordsCache(), snapshot: new OverviewSnapshotKeeper(60_000) };
    expect(keys(await fresh()).list).toEqual([]);
    const reply = await handleMessage({ type: 'data:import', text }, deps);
    expect(reply).toMatchObject({ ok: true, message: expect.stringMatching(/^Restored/) });
    expect(await stored()).toBeNull();
    await deps.snapshot.flush();
    expect(keys(await stored()).list).toEqual(['x:jbloggs', 'x:asmith']);
  });
});

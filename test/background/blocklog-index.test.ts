import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RecordsCache } from '../../lib/messages/cache';
import { handleMessage, type HandlerDeps } from '../../lib/messages/handler';
import {
  appendEntry,
  blockIndexOf,
  emptyBlockLog,
  verifyChain,
  type BlockIndex,
  type BlockLog,
} from '../../lib/records';
import { blockLogStore } from '../../lib/storage/blockLogDb';
import { recordsDb } from '../../lib/storage/recordsDb';
import { blockedOnX, entry, evidence, uuid } from '../records/fixtures';
import { seedBasics, testDeps } from './helpers';
import { useMemoryRecordsDb } from '../../scripts/lib/memory-db';
import { storeBlockLog, storedBlockLog } from '../blocklog-helpers';

// The block log's list and the popup's questions about the log (an entry, Verify, exports) are
// answered from the background's copy of the log; nothing about the list is stored.

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  await seedBasics();
});

async function twoEntries(): Promise<BlockLog> {
  let log = emptyBlockLog();
  log = await appendEntry(
    log,
    entry({ id: uuid(301), evidence: [await evidence('You are useless')] }),
  );
  log = await appendEntry(
    log,
    entry({ id: uuid(302), user: { platform: 'x', handle: 'someoneelse' } }),
  );
  return log;
}

async function listed(deps: HandlerDeps): Promise<BlockIndex> {
  const reply = await handleMessage({ type: 'block:list' }, deps);
  if (!reply.ok || !reply.index) throw new Error(`block:list: ${JSON.stringify(reply)}`);
  return reply.index;
}

describe('the block log list in the background', () => {
  it('should list the log, and after an amendment list it again with only one document written', async () => {
    const deps = { ...testDeps().deps, cache: new RecordsCache() };
    await storeBlockLog(await twoEntries());
    expect((await listed(deps)).rows.map((r) => [r.id, r.status])).toEqual([
      [uuid(301), 'pending'],
      [uuid(302), 'pending'],
    ]);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const bulk = vi.spyOn(recordsDb(), 'bulkDocs');
    const reply = await handleMessage(blockedOnX(uuid(301)), deps);
    expect(reply.ok).toBe(true);
    expect(bulk).toHaveBeenCalledTimes(1);
    expect((bulk.mock.calls[0]![0] as { _id: string }[]).map((d) => d._id.slice(-3))).toEqual([
      '002',
    ]);
    // No storage write at all: the list is the background's, made from the log it holds.
    expect(set.mock.calls.flatMap(([items]) => Object.keys(items))).toEqual([]);
    const index = await listed(deps);
    expect(index).toEqual(blockIndexOf(await storedBlockLog()));
    expect(index.rows.map((r) => [r.id, r.status])).toEqual([
      [uuid(301), 'blocked'],
      [uuid(302), 'pending'],
    ]);
  });

  it('should list an older version’s log, moved into the database, and an empty one after a corrupt one is quarantined', async () => {
    const { deps } = testDeps();
    const log = await twoEntries();
    await fakeBrowser.storage.local.set({ blockLog: log });
    expect(await listed(deps)).toEqual(blockIndexOf(log));
    expect(await fakeBrowser.storage.local.get('blockLog')).toEqual({});

    blockLogStore.forget();
    await useMemoryRecordsDb('blocklog-index-corrupt');
    await fakeBrowser.storage.local.set({ blockLog: { schemaVersion: 1, records: 'broken' } });
    expect((await listed(deps)).rows).toEqual([]);
    expect(await fakeBrowser.storage.local.get('blockLog')).toEqual({});
  });

  it('should drop an erased person’s entries from the list with the log', async () => {
    const deps = { ...testDeps().deps, cache: new RecordsCache() };
    await storeBlockLog(await twoEntries());
    expect((await listed(deps)).rows).toHaveLength(2);
    const reply = await handleMessage({ type: 'data:erase-person', userKey: 'x:jbloggs' }, deps);
    expect(reply.ok).toBe(true);
    const index = await listed(deps);
    expect(index.rows.map((r) => r.user.handle)).toEqual(['someoneelse']);
    expect(index).toEqual(blockIndexOf(await storedBlockLog()));
  });
});

describe('the popup’s questions about the block log', () => {
  it('should answer with one entry’s details and its links in the chain', async () => {
    const { deps } = testDeps();
    await storeBlockLog(await twoEntries());
    const reply = await handleMessage({ type: 'block:entry', entryId: uuid(301) }, deps);
    expect(reply).toMatchObject({
      ok: true,
      entry: {
        view: { original: { id: uuid(301) }, status: 'pending' },
        links: [{ seq: 0, kind: 'entry' }],
      },
    });
    const gone = await handleMessage({ type: 'block:entry', entryId: uuid(399) }, deps);
    expect(gone).toEqual({
      ok: false,
      error: 'That entry is no longer in the block log (it may have been erased).',
    });
  });

  it('should verify the chain, and name the first record that does not verify', async () => {
    const { deps } = testDeps();
    const log = await twoEntries();
    await storeBlockLog(log);
    expect(await handleMessage({ type: 'block:verify' }, deps)).toEqual({
      ok: true,
      verification: {
        ok: true,
        text: `Chain verified: all 2 records are intact. The chain ends at record 1, head hash ${log.records[1]!.hash}.`,
      },
    });
    const tampered: BlockLog = structuredClone(log);
    const rec = tampered.records[1]!.record as { justification: string };
    rec.justification = 'Changed afterwards.';
    await storeBlockLog(tampered);
    const reply = await handleMessage({ type: 'block:verify' }, deps);
    expect(reply).toMatchObject({
      ok: true,
      verification: { ok: false, text: expect.stringMatching(/^Verification failed at record 1 /) },
    });
  });

  it('should make export files from the background’s copy, filtered as asked', async () => {
    const { deps } = testDeps();
    await storeBlockLog(await twoEntries());
    const csv = await handleMessage(
      { type: 'block:export', format: 'csv', filter: { user: 'x:someoneelse' } },
      deps,
    );
    expect(csv.ok).toBe(true);
    const text = csv.ok ? csv.exported! : '';
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain(uuid(302));
    expect(text).not.toContain(uuid(301));

    const json = await handleMessage({ type: 'block:export', format: 'json', filter: {} }, deps);
    const file = JSON.parse(json.ok ? json.exported! : '{}') as {
      format: string;
      exportedAt: string;
      blockLog: BlockLog;
    };
    expect(file).toMatchObject({
      format: 'moderator-assist-export',
      exportedAt: '2026-11-20T12:00:00.000Z',
    });
  });

  it('should keep the background’s copy after its own write, so the next question does not read the log', async () => {
    const deps = { ...testDeps().deps, cache: new RecordsCache() };
    await storeBlockLog(await twoEntries());
    await handleMessage({ type: 'block:list' }, deps);
    await handleMessage(
      {
        type: 'block:amend',
        requestId: uuid(),
        entryId: uuid(302),
        amendment: { kind: 'note', why: 'Told DMT.' },
      },
      deps,
    );
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const reply = await handleMessage({ type: 'block:entry', entryId: uuid(302) }, deps);
    expect(reply).toMatchObject({ ok: true, entry: { view: { notes: [{ text: 'Told DMT.' }] } } });
    const keys = get.mock.calls.flatMap(([k]) => [k ?? '(everything)'].flat());
    expect(keys).not.toContain('blockLog');
    expect(await verifyChain(await storedBlockLog())).toEqual({ ok: true, count: 3 });
  });
});

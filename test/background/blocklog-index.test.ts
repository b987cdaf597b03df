import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RecordsCache } from '../../lib/messages/cache';
import { handleMessage, refreshBlockIndex } from '../../lib/messages/handler';
import {
  appendEntry,
  blockIndexOf,
  emptyBlockLog,
  indexFits,
  verifyChain,
  type BlockIndex,
  type BlockLog,
} from '../../lib/records';
import { blockIndexItem } from '../../lib/storage/records';
import { recordsDb } from '../../lib/storage/recordsDb';
import { blockedOnX, entry, evidence, uuid } from '../records/fixtures';
import { seedBasics, testDeps } from './helpers';
import { storeBlockLog, storeBlockLogAndList, storedBlockLog } from '../blocklog-helpers';

// The block log's list (local:blockLogIndex) is kept by the background: written after every change
// of the log, rebuilt when it does not fit, and the popup's questions about the log (an entry,
// Verify, exports) are answered from the background's copy.

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

const storedIndex = async () => (await blockIndexItem.item.getValue()) as BlockIndex | null;

describe('the block log list in the background', () => {
  it('should write one document and then the list when an entry is amended', async () => {
    const { deps } = testDeps();
    await storeBlockLogAndList(await twoEntries());
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const bulk = vi.spyOn(recordsDb(), 'bulkDocs');
    const reply = await handleMessage(blockedOnX(uuid(301)), deps);
    expect(reply.ok).toBe(true);
    expect(bulk).toHaveBeenCalledTimes(1);
    expect((bulk.mock.calls[0]![0] as { _id: string }[]).map((d) => d._id.slice(-3))).toEqual([
      '002',
    ]);
    const calls = set.mock.calls.filter(([items]) => 'blockLogIndex' in items);
    expect(calls).toHaveLength(1);
    expect(Object.keys(calls[0]![0])).toEqual(['blockLogIndex']);
    const log = await storedBlockLog();
    const index = await storedIndex();
    expect(indexFits(index, log)).toBe(true);
    expect(index!.rows.map((r) => [r.id, r.status])).toEqual([
      [uuid(301), 'blocked'],
      [uuid(302), 'pending'],
    ]);
  });

  it('should build the list for a log stored without one, and rebuild one that does not fit', async () => {
    const { deps } = testDeps();
    const log = await twoEntries();
    await storeBlockLog(log);
    expect(await storedIndex()).toBeNull();
    expect(await handleMessage({ type: 'block:prepare' }, deps)).toEqual({ ok: true });
    expect(await storedIndex()).toEqual(blockIndexOf(log));

    // A list of another log (say, from before a restore that did not write it) is replaced.
    await blockIndexItem.item.setValue(blockIndexOf(emptyBlockLog()));
    await refreshBlockIndex(deps);
    expect(await storedIndex()).toEqual(blockIndexOf(log));

    // A list that fits is left alone.
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await refreshBlockIndex(deps);
    expect(set).not.toHaveBeenCalled();
  });

  it('should list an empty log after an older version’s corrupt one is quarantined', async () => {
    const { deps } = testDeps();
    await blockIndexItem.item.setValue(blockIndexOf(await twoEntries()));
    await fakeBrowser.storage.local.set({ blockLog: { schemaVersion: 1, records: 'broken' } });
    await refreshBlockIndex(deps);
    expect((await storedIndex())!.rows).toEqual([]);
    expect(indexFits(await storedIndex(), await storedBlockLog())).toBe(true);
    expect(await fakeBrowser.storage.local.get('blockLog')).toEqual({});
  });

  it('should drop an erased person’s entries from the list with the log', async () => {
    const { deps } = testDeps();
    await storeBlockLogAndList(await twoEntries());
    const reply = await handleMessage({ type: 'data:erase-person', userKey: 'x:jbloggs' }, deps);
    expect(reply.ok).toBe(true);
    const index = await storedIndex();
    expect(index!.rows.map((r) => r.user.handle)).toEqual(['someoneelse']);
    expect(indexFits(index, await storedBlockLog())).toBe(true);
  });
});

describe('the popup’s questions about the block log', () => {
  it('should answer with one entry’s details and its links in the chain', async () => {
    const { deps } = testDeps();
    await storeBlockLogAndList(await twoEntries());
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
    await storeBlockLogAndList(log);
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
    await storeBlockLogAndList(await twoEntries());
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
    await storeBlockLogAndList(await twoEntries());
    await handleMessage({ type: 'block:prepare' }, deps);
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

// The block log in the records database: one document per link, written one changed document at
// a time, and moved there from the single storage value earlier versions kept, without re-hashing
// any of it.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  appendAmendment,
  appendEntry,
  canonicalJson,
  emptyBlockLog,
  eraseRecords,
  verifyChain,
  type BlockLog,
} from '../../lib/records';
import {
  BlockLogStore,
  blockLogStore,
  linkDocId,
  loadBlockLog,
} from '../../lib/storage/blockLogDb';
import { installationId } from '../../lib/storage/installation';
import { legacyBlockLogItem, problemsItem } from '../../lib/storage/records';
import { recordsDb } from '../../lib/storage/recordsDb';
import { OtherChainsStore } from '../../lib/storage/otherChains';
import { makeBlockLog } from '../../scripts/lib/records-data';
import { entry, moderator, uuid } from '../records/fixtures';
import { storedBlockLog } from '../blocklog-helpers';
import { useMemoryRecordsDb } from '../../scripts/lib/memory-db';

const NOW = new Date('2026-11-20T12:00:00.000Z');

beforeEach(() => {
  fakeBrowser.reset();
  blockLogStore.forget();
  vi.restoreAllMocks();
});

/** Three entries, an amendment to the first, and the second erased: every kind of link. */
async function mixedLog(): Promise<BlockLog> {
  let log = emptyBlockLog();
  for (const n of [601, 602, 603]) log = await appendEntry(log, entry({ id: uuid(n) }));
  log = await appendAmendment(log, {
    id: uuid(611),
    entryId: uuid(601),
    at: '2026-11-20T11:00:00.000Z',
    moderator,
    kind: 'note',
    why: 'Told the DMT.',
  });
  return eraseRecords(log, new Set([uuid(602)]), 'erasure-request', NOW).log;
}

async function docIds(): Promise<string[]> {
  return (await recordsDb().allDocs()).rows.map((r) => r.id);
}

describe('the block log store', () => {
  it('should keep one document per link, in chain order, and write only what changed', async () => {
    const inst = await installationId();
    const log = await mixedLog();
    const bulk = vi.spyOn(recordsDb(), 'bulkDocs');
    await blockLogStore.write(log);
    expect(await docIds()).toEqual([0, 1, 2, 3].map((seq) => linkDocId(inst, seq)));
    const stone = (await recordsDb().get(linkDocId(inst, 1))) as unknown as Record<string, unknown>;
    expect(stone).toMatchObject({ type: 'block-erased', tombstone: { seq: 1, id: uuid(602) } });
    expect(stone).not.toHaveProperty('link');

    // One more entry: one document written.
    bulk.mockClear();
    const next = await appendEntry(log, entry({ id: uuid(604) }));
    await blockLogStore.write(next);
    expect(bulk).toHaveBeenCalledTimes(1);
    expect((bulk.mock.calls[0]![0] as { _id: string }[]).map((d) => d._id)).toEqual([
      linkDocId(inst, 4),
    ]);

    // Erasing an entry replaces its link's document by the tombstone, in the same place.
    bulk.mockClear();
    const erased = eraseRecords(next, new Set([uuid(603)]), 'retention', NOW).log;
    await blockLogStore.write(erased);
    expect((bulk.mock.calls[0]![0] as { _id: string }[]).map((d) => d._id)).toEqual([
      linkDocId(inst, 2),
    ]);

    // A stopped and restarted background reads exactly what was written, and it still verifies.
    const restarted = new BlockLogStore();
    const { value } = await restarted.read(NOW);
    expect(canonicalJson(value)).toBe(canonicalJson(erased));
    expect(await verifyChain(value)).toEqual({ ok: true, count: 5 });
  });

  it('should read a chain kept under another installation id beside this one, not hide it', async () => {
    const log = await mixedLog();
    await blockLogStore.write(log);
    // This installation's id reset (storage cleared, the database kept): a new id, an empty chain.
    const old = await installationId();
    await fakeBrowser.storage.local.remove('installationId');
    blockLogStore.forget();
    const { value } = await blockLogStore.read(NOW);
    expect(value.records).toEqual([]);
    const others = new OtherChainsStore();
    const { chains, problems } = await others.read(NOW);
    expect(problems).toEqual([]);
    expect(chains).toHaveLength(1);
    expect(chains[0]!.installationId).toBe(old);
    expect(chains[0]!.imports).toEqual([]);
    // Read exactly as stored: the same links, hashes unchanged, and it still verifies.
    expect(canonicalJson(chains[0]!.log)).toBe(canonicalJson(log));
    expect((await verifyChain(chains[0]!.log)).ok).toBe(true);
    expect(await docIds()).toHaveLength(4);
  });

  it('should not write through a read of a database that was replaced meanwhile', async () => {
    await blockLogStore.write(await mixedLog());
    blockLogStore.forget();
    const first = blockLogStore.read(NOW);
    // Replaced while that read is under way (a test's fresh database, a restore from outside).
    await useMemoryRecordsDb('replaced-meanwhile');
    fakeBrowser.reset();
    const log = await appendEntry(emptyBlockLog(), entry({ id: uuid(650) }));
    await blockLogStore.write(log);
    await first;
    expect((await storedBlockLog()).records.map((l) => l.record.id)).toEqual([uuid(650)]);
  });

  it('should write nothing when nothing changed', async () => {
    const log = await mixedLog();
    await blockLogStore.write(log);
    const bulk = vi.spyOn(recordsDb(), 'bulkDocs');
    await blockLogStore.write(log);
    expect(bulk).not.toHaveBeenCalled();
  });
});

describe('moving an older version’s block log into the records database', () => {
  it('should move every link as it was, keep every hash, and only then remove the old value', async () => {
    const log = await mixedLog();
    await legacyBlockLogItem.item.setValue(log);
    const { value, problem } = await blockLogStore.read(NOW);
    expect(problem).toBeUndefined();
    // Byte for byte the same evidence: nothing was re-hashed or re-chained.
    expect(canonicalJson(value)).toBe(canonicalJson(log));
    expect(await verifyChain(value)).toEqual({ ok: true, count: 4 });
    expect(await docIds()).toHaveLength(4);
    expect(await fakeBrowser.storage.local.get('blockLog')).toEqual({});
    expect(canonicalJson(await storedBlockLog())).toBe(canonicalJson(log));
  });

  it('should keep the old value and keep working from it when the move fails, then move it next time', async () => {
    const log = await mixedLog();
    await legacyBlockLogItem.item.setValue(log);
    vi.spyOn(recordsDb(), 'bulkDocs').mockRejectedValueOnce(new Error('the disk is full'));
    const first = await blockLogStore.read(NOW);
    expect(first.problem?.message).toMatch(
      /could not be moved into the records database \(the disk is full\)\. The old copy is kept and in use/,
    );
    expect(canonicalJson(first.value)).toBe(canonicalJson(log));
    expect(await problemsItem.getValue()).toEqual([
      expect.objectContaining({ key: 'local:blockLog' }),
    ]);
    // Still usable: a block logged now goes to the old value.
    const next = await appendEntry(first.value, entry({ id: uuid(604) }));
    await blockLogStore.write(next);
    expect((await legacyBlockLogItem.item.getValue()).records).toHaveLength(4);
    expect(await loadBlockLog(NOW)).toMatchObject({ value: { records: next.records } });

    // The next start moves it, the new entry too.
    blockLogStore.forget();
    const second = await blockLogStore.read(NOW);
    expect(second.problem).toBeUndefined();
    expect(canonicalJson(second.value)).toBe(canonicalJson(next));
    expect(await fakeBrowser.storage.local.get('blockLog')).toEqual({});
    expect(await docIds()).toHaveLength(5);
  });

  it('should keep the old value when what is read back differs from it', async () => {
    const log = await mixedLog();
    await legacyBlockLogItem.item.setValue(log);
    const db = recordsDb();
    const allDocs = db.allDocs.bind(db);
    vi.spyOn(db, 'allDocs').mockImplementation((async (...args: Parameters<typeof allDocs>) => {
      const r = await allDocs(...args);
      // The read back (the first read that finds documents) loses the last one.
      return r.rows.length > 0 ? { ...r, rows: r.rows.slice(0, -1) } : r;
    }) as typeof allDocs);
    const { problem } = await blockLogStore.read(NOW);
    expect(problem?.message).toMatch(/what was read back differs from the old copy/);
    expect((await legacyBlockLogItem.item.getValue()).records).toHaveLength(log.records.length);
  });

  it('should move 10,000 entries and verify them all', async () => {
    const log = await makeBlockLog(10_000);
    await legacyBlockLogItem.item.setValue(log);
    const t0 = performance.now();
    const { value, problem } = await blockLogStore.read(NOW);
    console.info(
      `moved 10,000 entries in ${(performance.now() - t0).toFixed(0)} ms (memory adapter)`,
    );
    expect(problem).toBeUndefined();
    expect(value.records).toHaveLength(log.records.length);
    expect(await verifyChain(value)).toEqual({ ok: true, count: log.records.length });
    expect(await fakeBrowser.storage.local.get('blockLog')).toEqual({});
  }, 120_000);
});

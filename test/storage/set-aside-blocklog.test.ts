// Damage stays local in the block log: a stored link whose record fails its schema is set aside
// on its own, keeping its place in the chain, so the rest stays readable, the chain is never
// restarted, and Verify names what was set aside.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '../../lib/messages/handler';
import {
  appendEntry,
  auditChain,
  describeVerification,
  emptyBlockLog,
  verifyChain,
  type BlockLog,
} from '../../lib/records';
import { salvageBlockLog } from '../../lib/records/salvage';
import { problemsItem } from '../../lib/storage/records';
import { blockLogStore, linkDocId, loadBlockLog } from '../../lib/storage/blockLogDb';
import { installationId } from '../../lib/storage/installation';
import { bumpRecordsGeneration, recordsDb } from '../../lib/storage/recordsDb';
import { seedBasics, testDeps } from '../background/helpers';
import { entry, uuid } from '../records/fixtures';
import { storeBlockLog, storedBlockLog } from '../blocklog-helpers';

const NOW = new Date('2026-11-20T12:00:00.000Z');

beforeEach(async () => {
  fakeBrowser.reset();
  await seedBasics();
});

async function threeEntries(): Promise<BlockLog> {
  let log = emptyBlockLog();
  for (const n of [401, 402, 403]) log = await appendEntry(log, entry({ id: uuid(n) }));
  return log;
}

/** The id of link `seq` of this installation's chain in the records database. */
async function docId(seq: number): Promise<string> {
  return linkDocId(await installationId(), seq);
}

/** The three-entry log as stored, with link `seq`'s stored document damaged by `damage`. */
async function storeDamaged(damage: (link: Record<string, unknown>) => void, seq = 1) {
  const log = await threeEntries();
  await storeBlockLog(log);
  const doc = (await recordsDb().get(await docId(seq))) as unknown as {
    link: Record<string, unknown>;
  };
  damage(doc.link);
  await recordsDb().put(doc as never);
  bumpRecordsGeneration();
  return { log };
}

/** Link `seq` as the records database holds it. */
async function storedLink(seq: number): Promise<Record<string, unknown>> {
  return ((await recordsDb().get(await docId(seq))) as unknown as { link: Record<string, unknown> })
    .link;
}

const badDate = (link: Record<string, unknown>) => {
  (link.record as Record<string, unknown>).createdAt = 'last Tuesday';
};

describe('salvageBlockLog', () => {
  it('should keep the good links and hold a bad one’s place as a set-aside link', async () => {
    const log = await threeEntries();
    const raw = structuredClone(log) as unknown as { records: Record<string, unknown>[] };
    badDate(raw.records[1]!);
    const r = salvageBlockLog(raw, NOW)!;
    expect(r.value.records.map((l) => l.seq)).toEqual([0, 2]);
    expect(r.value.erased).toEqual([
      expect.objectContaining({
        seq: 1,
        id: uuid(402),
        entryId: uuid(402),
        hash: log.records[1]!.hash,
        reason: 'set-aside',
        problem: expect.stringMatching(/^record\.createdAt: /),
      }),
    ]);
    expect(r.setAside).toEqual([expect.objectContaining({ index: 1, id: uuid(402) })]);
    // The chain still links across the set-aside record, and says it is not complete.
    const audit = await auditChain(r.value);
    expect(audit).toMatchObject({
      ok: true,
      count: 3,
      complete: false,
      counts: { verified: 2, setAside: 1, erased: 0 },
    });
    expect(describeVerification(r.value, audit)).toMatch(
      new RegExp(
        `1 record was set aside because the stored copy is not valid: record 1 \\(entry, id ${uuid(402)}: record\\.createdAt: `,
      ),
    );
  });

  it('should give up only on a value that is not a block log at all', () => {
    expect(salvageBlockLog('garbage', NOW)).toBeNull();
    expect(salvageBlockLog({ schemaVersion: 1, records: 'x' }, NOW)).toBeNull();
    expect(salvageBlockLog({ schemaVersion: 2, records: [] }, NOW)).toBeNull();
  });
});

describe('a stored block log with one bad record', () => {
  it('should be read by a read-only reader with the others in place and the problem named', async () => {
    await storeDamaged(badDate);
    const read = await loadBlockLog(NOW);
    expect(read.value.records).toHaveLength(2);
    expect(read.problem?.message).toMatch(/1 record is not valid and was set aside \(record 1/);
    // Nothing was written by a reader.
    expect(await storedLink(1)).toMatchObject({ record: { createdAt: 'last Tuesday' } });
    expect(await problemsItem.getValue()).toEqual([]);
  });

  it('should be set aside by the background, named by Verify, kept as stored, and the chain go on', async () => {
    await storeDamaged(badDate);
    const { deps } = testDeps();
    const verify = await handleMessage({ type: 'block:verify' }, deps);
    expect(verify).toMatchObject({
      ok: true,
      verification: {
        ok: true,
        text: expect.stringMatching(
          new RegExp(`all 3 records are intact\\..*record 1 \\(entry, id ${uuid(402)}`),
        ),
      },
    });
    const problems = await problemsItem.getValue();
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/kept in the records database as they were stored/);
    // Read again (a restarted worker): the problem is not listed twice.
    blockLogStore.forget();
    await handleMessage({ type: 'block:verify' }, deps);
    expect(await problemsItem.getValue()).toHaveLength(1);
    // The next entry follows the last link: seq 3, linked to entry 403's hash, not a new chain;
    // writing it leaves the bad record's document as it was stored.
    const { value: stored } = await blockLogStore.read(NOW);
    const next = await appendEntry(stored, entry({ id: uuid(404) }));
    expect(next.records.at(-1)).toMatchObject({ seq: 3, prevHash: stored.records.at(-1)!.hash });
    await blockLogStore.write(next);
    expect(await storedLink(1)).toMatchObject({ record: { createdAt: 'last Tuesday' } });
    expect(await verifyChain(await storedBlockLog())).toEqual({ ok: true, count: 4 });
  });

  it('should leave a gap Verify names when even the link’s place cannot be read', async () => {
    await storeDamaged((link) => {
      delete link.hash;
    });
    const read = await blockLogStore.read(NOW);
    expect(read.value.records.map((l) => l.seq)).toEqual([0, 2]);
    expect(await verifyChain(read.value)).toMatchObject({ ok: false, firstBadSeq: 1 });
    // A new entry takes the next seq after the highest, never one already used.
    const next = await appendEntry(read.value, entry({ id: uuid(404) }));
    expect(next.records.at(-1)!.seq).toBe(3);
    await blockLogStore.write(next);
    expect(await storedLink(1)).not.toHaveProperty('hash');
  });

  it('should refuse to write over an unreadable last link, saving nothing', async () => {
    await storeDamaged((link) => {
      delete link.hash;
    }, 2);
    const { value } = await blockLogStore.read(NOW);
    const next = await appendEntry(value, entry({ id: uuid(404) }));
    expect(next.records.at(-1)!.seq).toBe(2);
    await expect(blockLogStore.write(next)).rejects.toThrow(/unreadable.*nothing was saved/);
    expect(await storedLink(2)).not.toHaveProperty('hash');
  });
});

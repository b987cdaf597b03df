// Several installations' chains side by side: each verified on its own (naming its own first bad
// record), each exported with its own head, and each checked on its own by npm run verify-export.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  appendAmendment,
  appendEntry,
  auditChains,
  blockLogCsv,
  chainEnd,
  describeChains,
  emptyBlockLog,
  exportBlockLog,
  exportJson,
  parseExport,
  verifyExport,
  type BlockLog,
  type BlockLogExport,
  type ImportProvenance,
  type OtherChain,
} from '../../lib/records';
import { amendment, entry, INSTALLATION, moderator, uuid } from './fixtures';

const NOW = new Date('2026-11-25T14:05:09.000Z');
const OTHER = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const THIRD = '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';

async function chainOf(base: number, n = 3): Promise<BlockLog> {
  let log = emptyBlockLog();
  for (let i = 0; i < n; i++) {
    log = await appendEntry(
      log,
      entry({ id: uuid(base + i), createdAt: `2026-11-0${i + 1}T10:00:00.000Z` }),
    );
  }
  return appendAmendment(log, amendment(uuid(base), { id: uuid(base + 50), kind: 'note' }));
}

const provenance = (log: BlockLog): ImportProvenance => ({
  installationId: OTHER,
  file: 'moderator-assist-backup_2026-11-20T0900Z.json',
  by: moderator,
  at: '2026-11-21T09:00:00.000Z',
  firstSeq: 0,
  lastSeq: log.records.at(-1)!.seq,
  headHash: log.records.at(-1)!.hash,
  recordIds: log.records.map((r) => r.record.id),
});

/** `log` with the record at `seq` altered but its hash kept, as a tamperer would. */
function tampered(log: BlockLog, seq: number): BlockLog {
  const records = log.records.map((r) =>
    r.seq === seq && r.kind === 'entry'
      ? { ...r, record: { ...r.record, justification: 'changed afterwards' } }
      : r,
  );
  return { ...log, records };
}

describe('several chains side by side', () => {
  it('should verify each chain on its own and name the first bad record of each', async () => {
    const own = await chainOf(100);
    const other = await chainOf(200);
    const third = await chainOf(300);
    const others: OtherChain[] = [
      { installationId: OTHER, log: tampered(other, 1), imports: [provenance(other)] },
      { installationId: THIRD, log: tampered(tampered(third, 2), 1), imports: [] },
    ];
    const checks = await auditChains({ installationId: INSTALLATION, log: own }, others);
    expect(checks.map((c) => [c.installationId, c.own, c.audit.ok])).toEqual([
      [INSTALLATION, true, true],
      [OTHER, false, false],
      [THIRD, false, false],
    ]);
    expect(checks[1]!.audit).toMatchObject({ firstBadSeq: 1, id: uuid(201) });
    expect(checks[2]!.audit).toMatchObject({ firstBadSeq: 1, id: uuid(301) });

    const text = describeChains(own, others, checks, (iso) => iso);
    expect(text).toContain('This installation’s chain: Chain verified: all 4 records are intact.');
    expect(text).toMatch(
      new RegExp(
        `Installation ${OTHER}’s chain \\(4 links, imported from backup moderator-assist-backup_2026-11-20T0900Z.json, by A. Moderator \\(\\d+\\), 2026-11-21T09:00:00.000Z\\)\\: Verification failed at record 1 \\(entry[^)]*id ${uuid(201)}\\)`,
      ),
    );
    expect(text).toContain(
      `Installation ${THIRD}’s chain (4 links, kept under another installation id (not brought in by a restore)): Verification failed at record 1`,
    );
  });

  it('should fail a chain from another installation that was tampered with, even when this one verifies', async () => {
    const own = await chainOf(100);
    const other = await chainOf(200);
    const [mine, theirs] = await auditChains({ installationId: INSTALLATION, log: own }, [
      { installationId: OTHER, log: tampered(other, 0), imports: [] },
    ]);
    expect(mine!.audit.ok).toBe(true);
    expect(theirs!.audit).toMatchObject({
      ok: false,
      firstBadSeq: 0,
      reason: 'content does not match its hash (altered)',
    });
  });
});

describe('exports with two chains', () => {
  async function twoChains(): Promise<{ file: BlockLogExport; own: BlockLog; other: BlockLog }> {
    const own = await chainOf(100);
    const other = await chainOf(200);
    const file = exportBlockLog(own, {}, moderator, NOW, INSTALLATION, undefined, [
      { installationId: OTHER, log: other, imports: [provenance(other)] },
    ]);
    return { file, own, other };
  }

  /** The file with the other chain cut to its first `n` links, heads as they were or rewritten. */
  function cutOther(file: BlockLogExport, n: number, rehead: boolean): BlockLogExport {
    const o = file.otherChains![0]!;
    const chain = o.chain.slice(0, n);
    return {
      ...file,
      otherChains: [{ ...o, chain }],
      heads: rehead
        ? [file.heads![0]!, { installationId: OTHER, ...chainEnd(chain) }]
        : file.heads!,
    };
  }

  it('should carry each chain with its own head and provenance, and verify each', async () => {
    const { file, own, other } = await twoChains();
    expect(file.heads).toEqual([
      { installationId: INSTALLATION, lastSeq: 3, headHash: own.records[3]!.hash, count: 4 },
      { installationId: OTHER, lastSeq: 3, headHash: other.records[3]!.hash, count: 4 },
    ]);
    expect(file.otherChains![0]!.chain).toEqual(other.records);
    expect(file.otherChains![0]!.imports).toEqual([provenance(other)]);
    expect(file.complete).toBe(true);
    const back = parseExport(exportJson(file));
    expect(back.ok && back.file).toEqual(file);
    const r = await verifyExport(file);
    expect(r.ok).toBe(true);
    expect(r.chains?.map((c) => [c.installationId, c.audit.ok, c.audit.head.count])).toEqual([
      [INSTALLATION, true, 4],
      [OTHER, true, 4],
    ]);
  });

  it('should catch the other chain cut short by its own head, and with its head rewritten only by --head', async () => {
    const { file, other } = await twoChains();
    const cut = await verifyExport(cutOther(file, 2, false));
    expect(cut).toMatchObject({ ok: false, failure: 'file-head', installationId: OTHER });
    expect(!cut.ok && cut.reason).toMatch(/^seq 2 is missing: the file's head says/);
    expect(cut.chains?.[0]?.audit.ok).toBe(true);

    const forged = cutOther(file, 2, true);
    expect((await verifyExport(forged)).ok).toBe(true);
    const held = other.records[3]!.hash;
    const caught = await verifyExport(forged, { head: held });
    expect(caught).toMatchObject({ ok: false, failure: 'given-head' });
    expect(!caught.ok && caught.reason).toContain('is not in any chain of the file');
    // A head of the other chain still in the file is found there, not in the file's own chain.
    const earlier = await verifyExport(forged, { head: other.records[1]!.hash });
    expect(earlier.ok).toBe(true);
    expect(earlier.chains?.[1]?.audit.givenHeadSeq).toBe(1);
    expect(earlier.chains?.[0]?.audit.givenHeadSeq).toBeUndefined();
  });

  it('should list the other chain’s entries in the CSV, each saying whose and from which restore', async () => {
    const own = await chainOf(100);
    const other = await chainOf(200);
    const csv = blockLogCsv(own, {}, undefined, [
      { installationId: OTHER, log: other, imports: [provenance(other)] },
    ]);
    const rows = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data;
    const col = rows[0]!.indexOf('Imported from');
    expect(rows.slice(1).map((r) => [r[0], r[col]])).toEqual([
      [uuid(100), ''],
      [uuid(101), ''],
      [uuid(102), ''],
      ...[200, 201, 202].map((n) => [
        uuid(n),
        `installation ${OTHER}, imported from backup moderator-assist-backup_2026-11-20T0900Z.json, by A. Moderator (${moderator.staffNumber}), 21 Nov 2026, 09:00`,
      ]),
    ]);
  });

  it('should fail a file whose other chain has no head of its own', async () => {
    const { file } = await twoChains();
    const r = await verifyExport({ ...file, heads: [file.heads![0]!] });
    expect(r).toMatchObject({ ok: false, failure: 'file-head', installationId: OTHER });
    expect(!r.ok && r.reason).toBe(
      `the file lists no chain heads for installation ${OTHER}’s chain`,
    );
  });

  it('should have npm run verify-export check each chain separately', async () => {
    const { file, other } = await twoChains();
    const dir = await mkdtemp(join(tmpdir(), 'verify-chains-'));
    const save = async (name: string, f: BlockLogExport) => {
      const path = join(dir, name);
      await writeFile(path, exportJson(f));
      return path;
    };
    const cli = (args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile('npx', ['tsx', 'scripts/verify-export.ts', ...args], (err, stdout, stderr) => {
          resolve({ code: err ? Number(err.code) : 0, stdout, stderr });
        });
      });

    const ok = await cli([await save('ok.json', file)]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(
      /^OK: 8 chained records verified in .* \(2 chains, each verified on its own\)/,
    );
    expect(ok.stdout).toContain(
      `chain of installation ${INSTALLATION} (the exporting installation’s own): verifies`,
    );
    expect(ok.stdout).toContain(
      `chain of installation ${OTHER} (imported from backup moderator-assist-backup_2026-11-20T0900Z.json by A. Moderator`,
    );
    expect(ok.stdout).toContain(
      `head: installation ${OTHER}, last seq 3, head hash ${other.records[3]!.hash}`,
    );

    const cut = await cli([await save('cut.json', cutOther(file, 2, false))]);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(
      new RegExp(`^FAILED: installation ${OTHER}’s chain: seq 2 is missing`),
    );
    expect(cut.stderr).toContain(
      `chain of installation ${INSTALLATION} (the exporting installation’s own): verifies`,
    );

    const forged = await save('forged.json', cutOther(file, 2, true));
    expect((await cli([forged])).code).toBe(0);
    const caught = await cli([forged, '--head', other.records[3]!.hash]);
    expect(caught.code).toBe(1);
    expect(caught.stderr).toContain('is not in any chain of the file');
  }, 90_000);
});

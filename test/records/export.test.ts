import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { describe, expect, it, test } from 'vitest';
import {
  appendAmendment,
  appendEntry,
  auditChain,
  blockLogCsv,
  blockLogFromExport,
  BOM,
  buildLinkTable,
  chainEnd,
  contactsCsv,
  emptyBlockLog,
  eraseRecords,
  exportBlockLog,
  exportContacts,
  exportFileName,
  exportJson,
  GENESIS_HASH,
  isHeadHash,
  neutraliseCell,
  parseExport,
  toCsv,
  verifyExport,
  type BlockLog,
  type BlockLogExport,
} from '../../lib/records';
import {
  amendment,
  contact,
  entry,
  evidence,
  INSTALLATION,
  linked,
  moderator,
  uuid,
} from './fixtures';

const NOW = new Date('2026-11-25T14:05:09.000Z');

async function twoUserLog(): Promise<BlockLog> {
  const a = entry({
    evidence: [await evidence('=HYPERLINK("http://evil")')],
    justification: '=SUM(A1:A9)',
  });
  const b = entry({
    createdAt: '2026-06-01T10:00:00.000Z',
    user: { platform: 'x', handle: 'someone_else' },
  });
  let log = await appendEntry(emptyBlockLog(), a);
  log = await appendEntry(log, b);
  log = await appendAmendment(
    log,
    amendment(a.id, { kind: 'note', why: '+44 7700 900123 rang in' }),
  );
  log = await appendAmendment(
    log,
    amendment(b.id, { kind: 'outcome', data: { kind: 'blocked', at: '2026-06-02T10:00:00.000Z' } }),
  );
  return log;
}

describe('CSV injection', () => {
  test.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tcalc', "'\tcalc"],
    ['\r=1', "'\r=1"],
    ['plain', 'plain'],
    ['a=1', 'a=1'],
    ['', ''],
    ["'already", "'already"],
  ])('should make %j safe as %j', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it('should start with a BOM, use CRLF, and round-trip through a CSV parser as text', () => {
    const csv = toCsv(
      ['Name', 'Said'],
      [
        ['Jo, "the" bloggs', "=cmd|' /C calc'!A0"],
        ['Ann', 'line 1\nline 2'],
      ],
    );
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')[0]).toBe('Name,Said');
    const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' });
    expect(parsed.data).toEqual([
      ['Name', 'Said'],
      ['Jo, "the" bloggs', "'=cmd|' /C calc'!A0"],
      ['Ann', 'line 1\nline 2'],
    ]);
  });

  it('should leave no cell in the block-log CSV that a spreadsheet would run', async () => {
    const csv = blockLogCsv(await twoUserLog(), {});
    const rows = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data;
    expect(rows).toHaveLength(3);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows.flat()).toContain("'=SUM(A1:A9)");
    expect(rows[1]![rows[0]!.indexOf('Notes')]).toMatch(/\+44 7700/);
  });

  it('should filter the block-log CSV by user and London dates', async () => {
    const log = await twoUserLog();
    const rowsFor = (csv: string) =>
      Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data.length - 1;
    expect(rowsFor(blockLogCsv(log, { user: 'x:jbloggs' }))).toBe(1);
    expect(rowsFor(blockLogCsv(log, { from: '2026-11-03' }))).toBe(1);
    expect(rowsFor(blockLogCsv(log, { to: '2026-11-02' }))).toBe(1);
    expect(rowsFor(blockLogCsv(log, { from: '2026-06-02', to: '2026-11-02' }))).toBe(0);
  });

  it('should export contacts oldest first for a person and their linked identities', () => {
    const fb = { platform: 'facebook' as const, handle: 'jane.doe.5' };
    const cs = [
      contact('2026-11-02T10:00:00.000Z', { note: '@everyone look' }),
      contact('2026-11-01T10:00:00.000Z', {
        user: fb,
        userKey: 'facebook:jane.doe.5',
        platform: 'facebook',
      }),
      contact('2026-11-01T11:00:00.000Z', {
        user: { platform: 'x', handle: 'other' },
        userKey: 'x:other',
      }),
    ];
    const links = buildLinkTable([linked('x:jbloggs', 'facebook:jane.doe.5')]);
    const rows = Papa.parse<string[]>(contactsCsv(cs, { user: 'x:jbloggs' }, links).slice(1), {
      newline: '\r\n',
    }).data;
    expect(rows.slice(1).map((r) => r[3])).toEqual(['facebook:jane.doe.5', 'x:jbloggs']);
    expect(rows[2]![10]).toBe("'@everyone look");
  });
});

describe('exportFileName', () => {
  test.each([
    [
      { user: 'x:jbloggs', from: '2026-01-01', to: '2026-11-25' },
      'csv',
      'block-log_x-jbloggs_2026-01-01_to_2026-11-25_exported-2026-11-25T1405Z.csv',
    ],
    [{}, 'json', 'block-log_all-users_start_to_2026-11-25_exported-2026-11-25T1405Z.json'],
    [
      { user: 'facebook:id:1000123' },
      'csv',
      'block-log_facebook-id-1000123_start_to_2026-11-25_exported-2026-11-25T1405Z.csv',
    ],
    [
      { user: 'facebook:jane.doe.5', from: '2026-03-01' },
      'csv',
      'block-log_facebook-jane.doe.5_2026-03-01_to_2026-11-25_exported-2026-11-25T1405Z.csv',
    ],
  ] as const)('should name %j', (filter, ext, expected) => {
    expect(exportFileName('block-log', filter, NOW, ext)).toBe(expected);
  });

  it('should use the London date for an open-ended range', () => {
    expect(exportFileName('contacts', {}, new Date('2026-07-01T23:30:00.000Z'))).toBe(
      'contacts_all-users_start_to_2026-07-02_exported-2026-07-01T2330Z.csv',
    );
  });
});

describe('JSON export and import', () => {
  it('should re-import a complete export as the same log', async () => {
    const log = await twoUserLog();
    const file = exportBlockLog(log, {}, moderator, NOW, INSTALLATION);
    expect(file.complete).toBe(true);
    const back = parseExport(exportJson(file));
    if (!back.ok) throw new Error(back.message);
    expect(back.file).toEqual(file);
    if (back.file.kind !== 'block-log') throw new Error('kind');
    expect(blockLogFromExport(back.file)).toEqual(log);
    expect(await verifyExport(back.file)).toMatchObject({
      ok: true,
      count: 4,
      counts: { verified: 4, erased: 0, redacted: 0, setAside: 0 },
      complete: true,
    });
  });

  it('should keep other users out of a filtered export but still verify the whole chain', async () => {
    const log = await twoUserLog();
    const file = exportBlockLog(log, { user: 'x:jbloggs' }, moderator, NOW, INSTALLATION);
    const text = exportJson(file);
    expect(text).not.toContain('someone_else');
    expect(file.complete).toBe(false);
    expect(file.chain.map((l) => 'record' in l)).toEqual([true, false, true, false]);
    const back = parseExport(text);
    if (!back.ok) throw new Error(back.message);
    expect(await verifyExport(back.file)).toMatchObject({
      ok: true,
      count: 4,
      counts: { verified: 2, erased: 0, redacted: 2, setAside: 0 },
      complete: false,
    });
    expect(blockLogFromExport(back.file as never)).toBeNull();
  });

  it('should not let a filtered export pass as complete', async () => {
    const file = {
      ...exportBlockLog(await twoUserLog(), { user: 'x:jbloggs' }, moderator, NOW, INSTALLATION),
      complete: true,
    };
    expect(await verifyExport(file)).toMatchObject({ ok: false, firstBadSeq: 1 });
  });

  it('should export contacts and events for the user in range', () => {
    const cs = [contact('2026-11-02T10:00:00.000Z'), contact('2026-01-02T10:00:00.000Z')];
    const file = exportContacts(
      cs,
      [linked('x:jbloggs', 'x:other', '2026-11-03T00:00:00.000Z')],
      { user: 'x:jbloggs', from: '2026-11-01' },
      moderator,
      NOW,
    );
    expect(file.contacts.map((c) => c.at)).toEqual(['2026-11-02T10:00:00.000Z']);
    expect(file.events).toHaveLength(1);
    const back = parseExport(exportJson(file));
    expect(back.ok && back.file).toEqual(file);
  });

  test.each([
    ['', 'json', /not valid JSON/],
    ['{"format":', 'json', /not valid JSON/],
    ['[]', 'schema', /^\(top level\)/],
    ['{"format":"something-else"}', 'schema', /kind|format/],
  ])('should explain why %j is not an export', (text, kind, message) => {
    const r = parseExport(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.kind).toBe(kind);
    expect(r.message).toMatch(message);
  });

  it('should name the path of the first bad field inside the chain', async () => {
    const file = exportBlockLog(await twoUserLog(), {}, moderator, NOW, INSTALLATION);
    const raw = JSON.parse(exportJson(file));
    raw.chain[2].record.at = 'yesterday';
    const r = parseExport(JSON.stringify(raw));
    expect(r).toMatchObject({ ok: false, kind: 'schema', path: ['chain', 2, 'record', 'at'] });
    if (!r.ok) expect(r.message).toMatch(/^chain\[2\]\.record\.at: /);
  });

  it('should accept a BOM before the JSON', async () => {
    const file = exportBlockLog(await twoUserLog(), {}, moderator, NOW, INSTALLATION);
    expect(parseExport(BOM + exportJson(file)).ok).toBe(true);
  });
});

describe('scripts/verify-export.ts', () => {
  const run = promisify(execFile);
  async function verify(text: string): Promise<{ code: number; out: string }> {
    const dir = await mkdtemp(join(tmpdir(), 'verify-export-'));
    const file = join(dir, 'export.json');
    await writeFile(file, text);
    try {
      const { stdout } = await run(process.execPath, [
        '--import',
        'tsx',
        'scripts/verify-export.ts',
        file,
      ]);
      return { code: 0, out: stdout };
    } catch (err) {
      const e = err as { code: number; stderr: string };
      return { code: e.code, out: e.stderr };
    }
  }

  it('should print OK, name a tampered record, and reject bad JSON with exit 2', async () => {
    const log = await twoUserLog();
    const text = exportJson(exportBlockLog(log, {}, moderator, NOW, INSTALLATION));
    const ok = await verify(text);
    expect(ok).toEqual({ code: 0, out: expect.stringMatching(/^OK: 4 chained records verified/) });

    const tampered = text.replace('"+44 7700 900123 rang in"', '"+44 7700 900124 rang in"');
    expect(tampered).not.toBe(text);
    const bad = await verify(tampered);
    const id = log.records[2]!.record.id;
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(
      new RegExp(`seq 2 \\(id ${id}\\) does not verify: content does not match its hash`),
    );

    const invalid = await verify(
      text.replace('"createdAt": "2026-11-03T14:05:00.000Z"', '"createdAt": "3 Nov"'),
    );
    expect(invalid.code).toBe(1);
    expect(invalid.out).toMatch(
      /seq 0 \(id [0-9a-f-]+\) is not a valid record: chain\[0\]\.record\.createdAt/,
    );

    const broken = await verify(text.slice(0, 100));
    expect(broken.code).toBe(2);
    expect(broken.out).toMatch(/not a Moderator Assist export: not valid JSON/);
  });
});

/** Five links, one a day from 1 November: entry, entry, amendment, entry, amendment. */
async function fiveLinks(lastWhy = 'Told DMT.'): Promise<BlockLog> {
  const a = entry({ id: uuid(501), createdAt: '2026-11-01T10:00:00.000Z' });
  const b = entry({
    id: uuid(502),
    createdAt: '2026-11-02T10:00:00.000Z',
    user: { platform: 'x', handle: 'someone_else' },
  });
  const c = entry({ id: uuid(503), createdAt: '2026-11-04T10:00:00.000Z' });
  let log = await appendEntry(emptyBlockLog(), a);
  log = await appendEntry(log, b);
  log = await appendAmendment(
    log,
    amendment(a.id, { id: uuid(504), kind: 'note', at: '2026-11-03T10:00:00.000Z' }),
  );
  log = await appendEntry(log, c);
  return appendAmendment(
    log,
    amendment(c.id, { id: uuid(505), kind: 'note', at: '2026-11-05T10:00:00.000Z', why: lastWhy }),
  );
}

const exported = (log: BlockLog, filter = {}): BlockLogExport =>
  exportBlockLog(log, filter, moderator, NOW, INSTALLATION);

/** The file with only its first `n` links, its heads left as they were. */
const cut = (file: BlockLogExport, n: number): BlockLogExport => ({
  ...file,
  chain: file.chain.slice(0, n),
});

/** …and with its head rewritten to match, as someone who knew to would. */
const cutAndRehead = (file: BlockLogExport, n: number): BlockLogExport => {
  const short = cut(file, n);
  return { ...short, heads: [{ installationId: INSTALLATION, ...chainEnd(short.chain) }] };
};

/** The file as versions before chain heads wrote it: no `heads`, erased links counted complete. */
function asOldExport(file: BlockLogExport): BlockLogExport {
  const { heads: _heads, ...rest } = file;
  return { ...rest, complete: file.chain.every((l) => 'record' in l || 'erased' in l) };
}

describe('chain heads in block-log exports', () => {
  it('should write one head: the installation, the last link’s seq and hash, the count', async () => {
    const log = await fiveLinks();
    const file = exported(log);
    expect(file.heads).toEqual([
      { installationId: INSTALLATION, lastSeq: 4, headHash: log.records[4]!.hash, count: 5 },
    ]);
    const back = parseExport(exportJson(file));
    expect(back.ok && back.file).toEqual(file);
    expect(await verifyExport(file)).toMatchObject({
      ok: true,
      head: { lastSeq: 4, headHash: log.records[4]!.hash, count: 5 },
      warnings: [],
    });
  });

  it('should give an empty chain the head seq -1 and the genesis hash, and verify it', async () => {
    const file = exported(emptyBlockLog());
    expect(file.heads).toEqual([
      { installationId: INSTALLATION, lastSeq: -1, headHash: GENESIS_HASH, count: 0 },
    ]);
    expect(await verifyExport(file)).toMatchObject({ ok: true, count: 0 });
    // An empty chain's head is in every chain that grows from it.
    expect(await verifyExport(exported(await fiveLinks()), { head: GENESIS_HASH })).toMatchObject({
      ok: true,
      givenHeadSeq: -1,
    });
  });

  it('should count erased links in the head, and not call the file complete', async () => {
    const log = await fiveLinks();
    // Erasing the last entry erases the last link: the head is its tombstone's hash.
    const after = eraseRecords(log, new Set([uuid(503)]), 'retention', NOW).log;
    const file = exported(after);
    expect(file.complete).toBe(false);
    expect(file.heads![0]).toMatchObject({ lastSeq: 4, headHash: log.records[4]!.hash, count: 5 });
    expect(await verifyExport(file)).toMatchObject({
      ok: true,
      count: 5,
      counts: { verified: 3, erased: 2, redacted: 0, setAside: 0 },
      complete: false,
    });
  });

  it('should fail a file cut short whose own head was left as exported', async () => {
    const file = exported(await fiveLinks());
    expect(await verifyExport(file)).toMatchObject({ ok: true });
    const r = await verifyExport(cut(file, 3));
    expect(r).toMatchObject({ ok: false, failure: 'file-head', firstBadSeq: 3 });
    if (!r.ok) {
      expect(r.reason).toBe(
        `seq 3 is missing: the file's head says the chain ends at seq 4 (head hash ${file.chain[4]!.hash}), but it ends at seq 2: records after it have been removed`,
      );
    }
    expect(await verifyExport(cut(file, 0))).toMatchObject({ ok: false, failure: 'file-head' });
  });

  it('should pass a cut file whose head was rewritten, unless given the head held from before', async () => {
    const file = exported(await fiveLinks());
    const forged = cutAndRehead(file, 3);
    // Nothing in the file can tell it from an honest export made when the log had 3 links…
    expect(await verifyExport(forged)).toMatchObject({ ok: true, count: 3 });
    // …but the head hash written down from the full log is not in it.
    const held = file.heads![0]!.headHash;
    const r = await verifyExport(forged, { head: held });
    expect(r).toMatchObject({ ok: false, failure: 'given-head' });
    if (!r.ok) {
      expect(r.reason).toMatch(
        new RegExp(
          `^the head hash you gave, ${held}, is not in this chain: records after it may have been removed`,
        ),
      );
    }
    // A head from before the cut is still in it: that investigator cannot tell.
    expect(await verifyExport(forged, { head: file.chain[1]!.hash })).toMatchObject({
      ok: true,
      givenHeadSeq: 1,
    });
  });

  it('should pass the whole chain given an earlier head, and say where it is', async () => {
    const log = await fiveLinks();
    const earlier = exported({ ...log, records: log.records.slice(0, 2) });
    const now = exported(log);
    const held = earlier.heads![0]!.headHash;
    expect(await verifyExport(now, { head: held })).toMatchObject({ ok: true, givenHeadSeq: 1 });
    expect(await verifyExport(now, { head: held.toUpperCase() })).toMatchObject({
      ok: true,
      givenHeadSeq: 1,
    });
    // A head of another chain is not in this one.
    const other = exported(await twoUserLog());
    expect(await verifyExport(now, { head: other.heads![0]!.headHash })).toMatchObject({
      ok: false,
      failure: 'given-head',
    });
    await expect(verifyExport(now, { head: 'abc' })).rejects.toThrow(/64 hex digits/);
    expect(isHeadHash('A'.repeat(64))).toBe(true);
    expect(isHeadHash('g'.repeat(64))).toBe(false);
    expect(isHeadHash('a'.repeat(63))).toBe(false);
  });

  it('should fail a chain that goes on past its head, or ends in a replaced record', async () => {
    const log = await fiveLinks();
    const file = exported(log);
    const longer = exported(
      await appendAmendment(log, amendment(uuid(501), { id: uuid(506), kind: 'note' })),
    );
    const added = await verifyExport({ ...longer, heads: file.heads });
    expect(added).toMatchObject({ ok: false, failure: 'file-head', firstBadSeq: 5 });
    if (!added.ok) expect(added.reason).toMatch(/^seq 5 comes after the file's head \(seq 4/);

    // The last record rewritten and rehashed: the chain verifies but does not end at the head.
    const replaced = exported(await fiveLinks('Told nobody.'));
    expect(replaced.chain[4]!.hash).not.toBe(file.chain[4]!.hash);
    const r = await verifyExport({ ...replaced, heads: file.heads });
    expect(r).toMatchObject({ ok: false, failure: 'file-head', firstBadSeq: 4 });
    if (!r.ok) expect(r.reason).toMatch(/not the file's head hash/);

    expect(await verifyExport({ ...file, heads: [] })).toMatchObject({
      ok: false,
      failure: 'file-head',
    });
  });

  it('should fail a new file that says it is complete while holding erased links', async () => {
    const after = eraseRecords(await fiveLinks(), new Set([uuid(502)]), 'retention', NOW).log;
    const r = await verifyExport({ ...exported(after), complete: true });
    expect(r).toMatchObject({ ok: false, failure: 'complete', firstBadSeq: 1 });
    if (!r.ok) expect(r.reason).toMatch(/complete but this record was erased/);
  });

  it('should still verify exports made before heads, warning what they cannot show', async () => {
    const plain = asOldExport(exported(await fiveLinks()));
    expect(plain).not.toHaveProperty('heads');
    const back = parseExport(exportJson(plain));
    if (!back.ok) throw new Error(back.message);
    const r = await verifyExport(back.file);
    expect(r).toMatchObject({ ok: true, count: 5, complete: true });
    expect(r.warnings?.map((w) => w.kind)).toEqual(['no-head']);
    // Cut short, it still verifies on its own (it has no head to contradict)…
    expect(await verifyExport(cut(plain, 3))).toMatchObject({ ok: true, count: 3 });
    // …but not against a head held from before.
    expect(await verifyExport(cut(plain, 3), { head: plain.chain[4]!.hash })).toMatchObject({
      ok: false,
      failure: 'given-head',
    });

    // Older versions wrote complete: true beside erased links: a warning, not a failure.
    const after = eraseRecords(await fiveLinks(), new Set([uuid(502)]), 'retention', NOW).log;
    const erased = asOldExport(exported(after));
    expect(erased.complete).toBe(true);
    const e = await verifyExport(erased);
    expect(e).toMatchObject({ ok: true, complete: false, counts: { erased: 1 } });
    expect(e.warnings?.map((w) => w.kind)).toEqual(['no-head', 'complete-with-erased']);
  });
});

describe('times going backwards along the chain', () => {
  it('should warn, naming the seq and both times, for an entry or amendment dated too early', async () => {
    const clean = await auditChain(await fiveLinks());
    expect(clean.warnings).toEqual([]);

    // twoUserLog's second entry was logged with a June date after a November one.
    const log = await twoUserLog();
    const r = await verifyExport(exported(log));
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([
      {
        kind: 'time-backwards',
        seq: 1,
        id: log.records[1]!.record.id,
        at: '2026-06-01T10:00:00.000Z',
        previousSeq: 0,
        previousAt: '2026-11-03T14:05:00.000Z',
        message: `seq 1 (id ${log.records[1]!.record.id}) is dated 2026-06-01T10:00:00.000Z, earlier than seq 0 (2026-11-03T14:05:00.000Z) before it`,
      },
    ]);

    const early = await appendAmendment(
      await fiveLinks(),
      amendment(uuid(501), { id: uuid(507), kind: 'note', at: '2026-11-04T09:59:59.000Z' }),
    );
    expect((await auditChain(early)).warnings).toMatchObject([
      {
        seq: 5,
        previousSeq: 4,
        at: '2026-11-04T09:59:59.000Z',
        previousAt: '2026-11-05T10:00:00.000Z',
      },
    ]);
  });

  it('should compare across hash-only links with the nearest record that has a time', async () => {
    // Only jbloggs's records are in the file; seq 1 (someone_else's, June) is a hash.
    const r = await verifyExport(exported(await twoUserLog(), { user: 'x:jbloggs' }));
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([]);
    const log = await fiveLinks();
    const back = await appendEntry(
      log,
      entry({ id: uuid(508), createdAt: '2026-11-04T12:00:00.000Z' }),
    );
    const filtered = await verifyExport(exported(back, { user: 'x:jbloggs' }));
    expect(filtered.warnings).toMatchObject([{ seq: 5, previousSeq: 4 }]);
  });
});

describe('npm run verify-export with chain heads', () => {
  interface Run {
    code: number;
    stdout: string;
    stderr: string;
  }
  function cli(args: string[]): Promise<Run> {
    return new Promise((resolve, reject) => {
      execFile('npx', ['tsx', 'scripts/verify-export.ts', ...args], (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        if (err && code === -1) reject(err);
        else resolve({ code, stdout, stderr });
      });
    });
  }
  async function save(file: unknown): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'verify-heads-'));
    const path = join(dir, 'export.json');
    await writeFile(path, typeof file === 'string' ? file : exportJson(file as BlockLogExport));
    return path;
  }

  it('should print counts and the head, check --head, and name what is missing', async () => {
    const log = await fiveLinks();
    const file = exported(eraseRecords(log, new Set([uuid(502)]), 'retention', NOW).log);
    const head = file.heads![0]!.headHash;
    const path = await save(file);

    const ok = await cli([path]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^OK: 5 chained records verified in /);
    expect(ok.stdout).toContain('verified: 4 records; erased: 1 link; redacted: 0 links');
    expect(ok.stdout).toContain('complete: no');
    expect(ok.stdout).toContain(
      `head: installation ${INSTALLATION}, last seq 4, head hash ${head}`,
    );
    expect(ok.stderr).toBe('');

    const earlier = await cli([path, '--head', log.records[2]!.hash]);
    expect(earlier.code).toBe(0);
    expect(earlier.stdout).toContain(
      'the head hash you gave is the hash of seq 2: 2 links come after it',
    );

    // The newest two dropped, the head rewritten to match: only --head catches it.
    const forged = await save(cutAndRehead(file, 3));
    expect((await cli([forged])).code).toBe(0);
    const caught = await cli([forged, `--head=${head}`]);
    expect(caught.code).toBe(1);
    expect(caught.stderr).toMatch(
      new RegExp(
        `^FAILED: the head hash you gave, ${head}, is not in this chain: records after it may have been removed`,
      ),
    );
    // Dropped without rewriting the head: the file's own head catches it.
    const truncated = await cli([await save(cut(file, 3))]);
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toMatch(
      /^FAILED: seq 3 is missing: the file's head says the chain ends at seq 4/,
    );
  }, 60_000);

  it('should warn about times going backwards and files without heads, and still pass them', async () => {
    const r = await cli([await save(asOldExport(exported(await twoUserLog())))]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('heads: none in the file');
    expect(r.stderr).toMatch(
      /^WARNING: seq 1 \(id [0-9a-f-]+\) is dated 2026-06-01T10:00:00.000Z, earlier than seq 0 \(2026-11-03T14:05:00.000Z\)/m,
    );
    expect(r.stderr).toMatch(/^WARNING: the file records no chain head/m);
  }, 60_000);

  it('should refuse a malformed --head or other bad usage with exit 2', async () => {
    const path = await save(exported(await fiveLinks()));
    for (const args of [
      [path, '--head', 'abc123'],
      [path, '--head', 'z'.repeat(64)],
      [path, '--head'],
      [path, '--tail', 'x'],
      [],
    ]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('usage: npm run verify-export -- FILE.json [--head HASH]');
    }
    const bad = await cli([path, '--head', 'abc123']);
    expect(bad.stderr).toMatch(/^--head "abc123" is not a head hash: expected 64 hex digits/);
    expect(bad.stdout).toBe('');
  }, 60_000);
});

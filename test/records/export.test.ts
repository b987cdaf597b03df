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
  blockLogCsv,
  blockLogFromExport,
  BOM,
  buildLinkTable,
  contactsCsv,
  emptyBlockLog,
  exportBlockLog,
  exportContacts,
  exportFileName,
  exportJson,
  neutraliseCell,
  parseExport,
  toCsv,
  verifyExport,
  type BlockLog,
} from '../../lib/records';
import { amendment, contact, entry, evidence, linked, moderator } from './fixtures';

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
    const file = exportBlockLog(log, {}, moderator, NOW);
    expect(file.complete).toBe(true);
    const back = parseExport(exportJson(file));
    if (!back.ok) throw new Error(back.message);
    expect(back.file).toEqual(file);
    if (back.file.kind !== 'block-log') throw new Error('kind');
    expect(blockLogFromExport(back.file)).toEqual(log);
    expect(await verifyExport(back.file)).toEqual({ ok: true, count: 4 });
  });

  it('should keep other users out of a filtered export but still verify the whole chain', async () => {
    const log = await twoUserLog();
    const file = exportBlockLog(log, { user: 'x:jbloggs' }, moderator, NOW);
    const text = exportJson(file);
    expect(text).not.toContain('someone_else');
    expect(file.complete).toBe(false);
    expect(file.chain.map((l) => 'record' in l)).toEqual([true, false, true, false]);
    const back = parseExport(text);
    if (!back.ok) throw new Error(back.message);
    expect(await verifyExport(back.file)).toEqual({ ok: true, count: 4 });
    expect(blockLogFromExport(back.file as never)).toBeNull();
  });

  it('should not let a filtered export pass as complete', async () => {
    const file = {
      ...exportBlockLog(await twoUserLog(), { user: 'x:jbloggs' }, moderator, NOW),
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
    const file = exportBlockLog(await twoUserLog(), {}, moderator, NOW);
    const raw = JSON.parse(exportJson(file));
    raw.chain[2].record.at = 'yesterday';
    const r = parseExport(JSON.stringify(raw));
    expect(r).toMatchObject({ ok: false, kind: 'schema', path: ['chain', 2, 'record', 'at'] });
    if (!r.ok) expect(r.message).toMatch(/^chain\[2\]\.record\.at: /);
  });

  it('should accept a BOM before the JSON', async () => {
    const file = exportBlockLog(await twoUserLog(), {}, moderator, NOW);
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
    const text = exportJson(exportBlockLog(log, {}, moderator, NOW));
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

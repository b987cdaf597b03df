import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  appendAmendment,
  appendEntry,
  emptyBlockLog,
  eraseRecords,
  exportBlockLog,
  exportJson,
  verifyChain,
  type Contact,
  type RepeatCallerEvent,
} from '../../lib/records';
import {
  DEFAULT_RETENTION_DAYS,
  applyRetention,
  erasePerson,
  expiredRecords,
  subjectAccess,
} from '../../lib/records/retention';
import { entry, INSTALLATION, moderator, uuid } from './fixtures';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = mkdtempSync(path.join(tmpdir(), 'ma-retention-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function verifyExportCli(file: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', 'scripts/verify-export.ts', file],
      { cwd: root },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code) : 0, out: stdout + stderr }),
    );
  });
}

const NOW = new Date('2033-01-01T00:00:00.000Z');

async function threeEntries() {
  let log = emptyBlockLog();
  const a = entry({ id: uuid(1), createdAt: '2026-01-01T10:00:00.000Z' });
  const b = entry({
    id: uuid(2),
    createdAt: '2026-02-01T10:00:00.000Z',
    user: { platform: 'x', handle: 'other' },
  });
  const c = entry({ id: uuid(3), createdAt: '2032-06-01T10:00:00.000Z' });
  log = await appendEntry(log, a);
  log = await appendAmendment(log, {
    id: uuid(4),
    entryId: a.id,
    at: '2026-01-02T10:00:00.000Z',
    moderator,
    kind: 'note',
    why: 'Called DMT.',
  });
  log = await appendEntry(log, b);
  log = await appendEntry(log, c);
  return log;
}

describe('erasing block-log records leaves tombstones the chain verifies across', () => {
  it('should verify after erasing an entry and its amendments, and after appending more', async () => {
    const log = await threeEntries();
    const { log: after, erased } = eraseRecords(log, new Set([uuid(1)]), 'retention', NOW);
    expect(erased.map((t) => [t.seq, t.kind, t.id])).toEqual([
      [0, 'entry', uuid(1)],
      [1, 'amendment', uuid(4)],
    ]);
    expect(after.records.map((r) => r.record.id)).toEqual([uuid(2), uuid(3)]);
    expect(JSON.stringify(after.erased)).not.toMatch(/Continued abuse|Called DMT|jbloggs/i);
    expect(after.records.map((r) => r.seq)).toEqual([2, 3]);
    expect(await verifyChain(after)).toEqual({ ok: true, count: 4 });
    const more = await appendEntry(after, entry({ id: uuid(5) }));
    expect(more.records.at(-1)?.seq).toBe(4);
    expect(await verifyChain(more)).toEqual({ ok: true, count: 5 });
    // Erasing the last link too: the next append links to its tombstone.
    const tail = eraseRecords(more, new Set([uuid(5)]), 'erasure-request', NOW).log;
    expect(await verifyChain(await appendEntry(tail, entry({ id: uuid(6) })))).toMatchObject({
      ok: true,
      count: 6,
    });
    await expect(appendEntry(tail, entry({ id: uuid(5) }))).rejects.toThrow(/already holds/);
  });

  it('should still catch a link removed without a tombstone', async () => {
    const log = await threeEntries();
    const { log: after } = eraseRecords(log, new Set([uuid(1)]), 'retention', NOW);
    const cut = { ...after, erased: after.erased?.slice(1) };
    expect(await verifyChain(cut)).toMatchObject({ ok: false, firstBadSeq: 0 });
  });

  it('should export a log with erased links that npm run verify-export accepts', async () => {
    const log = eraseRecords(await threeEntries(), new Set([uuid(2)]), 'retention', NOW).log;
    const full = exportBlockLog(log, {}, moderator, NOW, INSTALLATION);
    // An erased link is only a hash: the file cannot call itself complete.
    expect(full.complete).toBe(false);
    const file = path.join(tmp, 'erased.json');
    writeFileSync(file, exportJson(full));
    const ok = await verifyExportCli(file);
    expect(ok.code).toBe(0);
    // …and a tampered one still fails.
    writeFileSync(file, exportJson(full).replace('Called DMT.', 'Called nobody.'));
    expect((await verifyExportCli(file)).code).toBe(1);
  }, 60_000);
});

function contact(n: number, at: string, handle = 'jbloggs'): Contact {
  return {
    id: uuid(100 + n),
    userKey: `x:${handle}`,
    user: { platform: 'x', handle },
    platform: 'x',
    accountId: 'main-x',
    at,
    reason: 'inappropriate',
    note: `note ${n}`,
    recordedBy: moderator,
  };
}

const link: RepeatCallerEvent = {
  id: uuid(200),
  at: '2032-12-01T00:00:00.000Z',
  by: moderator,
  kind: 'linked',
  userKey: 'x:jbloggs',
  otherUserKey: 'facebook:id:1000123',
  why: 'Same person.',
};

describe('retention', () => {
  it('should list records past their period and delete only those still due', async () => {
    const data = {
      blockLog: await threeEntries(),
      contacts: [contact(1, '2031-01-01T00:00:00.000Z'), contact(2, '2032-12-30T00:00:00.000Z')],
      events: [link],
      drafts: [],
    };
    const due = expiredRecords(data, DEFAULT_RETENTION_DAYS, NOW);
    expect(due.blockEntries.map((r) => r.id)).toEqual([uuid(1), uuid(2)]);
    expect(due.contacts.map((r) => r.id)).toEqual([uuid(101)]);
    expect(due.events).toEqual([]);
    const { data: after, removed } = applyRetention(
      data,
      { ...due, contacts: [...due.contacts, { id: uuid(102), at: '', who: '' }] },
      DEFAULT_RETENTION_DAYS,
      NOW,
    );
    expect(removed).toMatchObject({ blockLog: 2, contacts: 1, repeatEvents: 0 });
    expect(after.contacts.map((c) => c.id)).toEqual([uuid(102)]);
    expect(await verifyChain(after.blockLog)).toMatchObject({ ok: true, count: 4 });
  });
});

describe('erasure and subject access', () => {
  const data = async () => ({
    blockLog: await threeEntries(),
    contacts: [
      contact(1, '2032-11-01T00:00:00.000Z'),
      contact(2, '2032-11-02T00:00:00.000Z', 'other'),
      {
        ...contact(3, '2032-11-03T00:00:00.000Z'),
        userKey: 'facebook:id:1000123',
        user: {
          platform: 'facebook' as const,
          profileUrl: 'https://www.facebook.com/profile.php?id=1000123',
        },
        platform: 'facebook' as const,
        accountId: 'main-fb',
      },
    ],
    events: [link],
    drafts: [
      {
        id: uuid(300),
        platform: 'x' as const,
        handle: '@JBloggs',
        profileUrl: '',
        updatedAt: '2032-12-01T00:00:00.000Z',
      },
    ],
  });

  it('should erase a person and their linked identity, and nobody else', async () => {
    const d = await data();
    const { data: after, removed, keys } = erasePerson(d, 'x:jbloggs', NOW);
    expect(keys).toEqual(['facebook:id:1000123', 'x:jbloggs']);
    expect(removed).toMatchObject({ blockLog: 2, contacts: 2, repeatEvents: 1, drafts: 1 });
    expect(after.contacts.map((c) => c.userKey)).toEqual(['x:other']);
    expect(after.blockLog.records.map((r) => r.record.id)).toEqual([uuid(2)]);
    expect(
      JSON.stringify([after.contacts, after.events, after.drafts, after.blockLog.erased]),
    ).not.toMatch(/jbloggs|1000123/i);
    expect(await verifyChain(after.blockLog)).toMatchObject({ ok: true, count: 4 });
  });

  it('should gather everything about one person for a subject access request', async () => {
    const { file, text } = subjectAccess(await data(), 'facebook:id:1000123', moderator, NOW);
    expect(file.subject.linkedKeys).toEqual(['facebook:id:1000123', 'x:jbloggs']);
    expect(file.blockLog.map((b) => b.id)).toEqual([uuid(1), uuid(3)]);
    expect(file.contacts.map((c) => c.id)).toEqual([uuid(101), uuid(103)]);
    expect(file.drafts).toHaveLength(1);
    expect(text).toContain('Block decisions (2)');
    expect(text).toContain('Recorded contacts (2)');
    expect(text).not.toContain('x:other');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appendAmendment,
  appendEntry,
  emptyBlockLog,
  eraseRecords,
  verifyChain,
  type BlockLog,
  type Contact,
  type RepeatCallerEvent,
} from '../../lib/records';
import {
  BACKUP_MAX_BYTES,
  backupJson,
  makeBackup,
  parseBackup,
  planImport,
  type BackupData,
} from '../../lib/records/backup';
import { DraftSchema, type Draft } from '../../lib/storage/records';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../lib/storage/settings';
import { emptyDraft } from '../../lib/messages/draft';
import { entry, evidence, INSTALLATION, mainFacebook, mainX, moderator, uuid } from './fixtures';

const PARTS = { settings: SettingsSchema, draft: DraftSchema };
type Data = BackupData<Settings, Draft>;
const NOW = new Date('2026-11-25T12:00:00.000Z');

function empty(): Data {
  return {
    settings: structuredClone(DEFAULT_SETTINGS) as Settings,
    moderator: null,
    accounts: [],
    blockLog: emptyBlockLog(),
    contacts: [],
    events: [],
    drafts: [],
  };
}

function contact(n: number, over: Partial<Contact> = {}): Contact {
  return {
    id: uuid(0x10000 + n),
    userKey: 'x:jbloggs',
    user: { platform: 'x', handle: 'jbloggs' },
    platform: 'x',
    accountId: 'main-x',
    at: new Date(Date.parse('2026-11-01T00:00:00Z') + n * 60_000).toISOString(),
    reason: 'inappropriate',
    commentKey: `x:status:${n}`,
    recordedBy: moderator,
    ...over,
  };
}

function event(n: number): RepeatCallerEvent {
  return {
    id: uuid(0x20000 + n),
    at: new Date(Date.parse('2026-11-02T00:00:00Z') + n * 60_000).toISOString(),
    by: moderator,
    kind: 'advised',
    userKey: 'x:jbloggs',
    how: 'private-message',
    advice: `Advice ${n}`,
  };
}

function draft(n: number, updatedAt = '2026-11-20T10:00:00.000Z'): Draft {
  return {
    ...emptyDraft(uuid(0x30000 + n), new Date('2026-11-20T09:00:00Z'), 'x', 'main-x'),
    handle: `user${n}`,
    updatedAt,
  };
}

async function logOf(entryNumbers: number[], amendEvery = 0): Promise<BlockLog> {
  let log = emptyBlockLog();
  for (const n of entryNumbers) {
    const e = entry({ id: uuid(0x40000 + n), evidence: [await evidence(`abuse ${n}`)] });
    log = await appendEntry(log, e);
    if (amendEvery > 0 && n % amendEvery === 0) {
      log = await appendAmendment(log, {
        id: uuid(0x50000 + n),
        entryId: e.id,
        at: '2026-11-04T09:00:00.000Z',
        moderator,
        kind: 'note',
        why: `Note ${n}`,
      });
    }
  }
  return log;
}

async function roundTrip(data: Data) {
  const text = backupJson(makeBackup(data, { appVersion: '0.1.0', now: NOW, by: data.moderator }));
  const parsed = await parseBackup(text, PARTS);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.file;
}

const plan = (local: Data, file: Awaited<ReturnType<typeof roundTrip>>, erased: string[] = []) =>
  planImport(local, file, {
    erasedIds: new Set(erased),
    defaults: DEFAULT_SETTINGS as Settings,
    installationId: INSTALLATION,
  });

describe('parseBackup: a file that is not a good backup changes nothing', () => {
  const good = async () =>
    backupJson(makeBackup(empty(), { appVersion: '0.1.0', now: NOW, by: null }));

  it.each([
    ['empty', '', /empty/],
    ['truncated', '{"format":"moderator-assist-backup","schemaVersion":1,"data":{', /truncated/],
    ['not JSON', 'hello', /not complete, valid JSON/],
    [
      'an export, not a backup',
      '{"format":"moderator-assist-export"}',
      /not a Moderator Assist backup/,
    ],
    ['a JSON array', '[1,2,3]', /not a Moderator Assist backup/],
    ['deeply nested', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, /levels deep/],
  ])('should refuse %s with a clear message', async (_name, text, message) => {
    const r = await parseBackup(text, PARTS);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('should refuse a file over the size limit before parsing it', async () => {
    const r = await parseBackup(' '.repeat(BACKUP_MAX_BYTES + 1), PARTS);
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/larger than 50 MB/) });
  });

  it('should refuse prototype-pollution keys and not pollute Object.prototype', async () => {
    const text = (await good()).replace('"data":{', '"data":{"__proto__":{"polluted":true},');
    const r = await parseBackup(text, PARTS);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/"__proto__"/);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    const r2 = await parseBackup(
      (await good()).replace('"data":{', '"data":{"constructor":{"prototype":{}},'),
      PARTS,
    );
    expect(r2.ok).toBe(false);
  });

  it('should refuse a huge string', async () => {
    const text = (await good()).replace(
      '"appVersion":"0.1.0"',
      `"appVersion":"${'a'.repeat(1_000_001)}"`,
    );
    const r = await parseBackup(text, PARTS);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/1,000,001 characters/);
  });

  it('should name the field when a value has the wrong type', async () => {
    const data = empty();
    data.contacts = [contact(1)];
    const text = backupJson(makeBackup(data, { appVersion: '0.1.0', now: NOW, by: null })).replace(
      '"reason":"inappropriate"',
      '"reason":42',
    );
    const r = await parseBackup(text, PARTS);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/data\.contacts\[0\]\.reason/);
  });

  it('should refuse a backup whose block log does not verify', async () => {
    const data = empty();
    data.blockLog = await logOf([1, 2]);
    const text = backupJson(makeBackup(data, { appVersion: '0.1.0', now: NOW, by: null })).replace(
      'Continued abuse after advice.',
      'Edited after the fact.',
    );
    const r = await parseBackup(text, PARTS);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/does not verify at record 0/);
  });

  it('should never throw on arbitrary text or bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.json(),
          fc.uint8Array({ maxLength: 200 }).map((b) => new TextDecoder().decode(b)),
          fc.jsonValue().map((v) => JSON.stringify({ format: 'moderator-assist-backup', data: v })),
        ),
        async (text) => {
          const r = await parseBackup(text, PARTS);
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
    expect((await parseBackup(undefined, PARTS)).ok).toBe(false);
  });
});

describe('planImport: preview and merge', () => {
  it('should count new, duplicate and conflicting records per type and keep the copy here', async () => {
    const local = empty();
    local.contacts = [contact(1), contact(2)];
    local.events = [event(1)];
    local.accounts = [mainX];
    const incoming = empty();
    incoming.contacts = [contact(1), contact(2, { note: 'changed' }), contact(3)];
    incoming.events = [event(1), event(2)];
    incoming.accounts = [mainX, mainFacebook];
    const p = await plan(local, await roundTrip(incoming));
    expect(p.counts.contacts).toEqual({ new: 1, duplicate: 1, conflict: 1, erased: 0 });
    expect(p.counts.repeatEvents).toEqual({ new: 1, duplicate: 1, conflict: 0, erased: 0 });
    expect(p.counts.accounts).toEqual({ new: 1, duplicate: 1, conflict: 0, erased: 0 });
    expect(p.conflicts).toEqual([
      expect.objectContaining({ type: 'contacts', id: contact(2).id, kept: 'this browser' }),
    ]);
    expect(p.merged.contacts.find((c) => c.id === contact(2).id)?.note).toBeUndefined();
    expect(p.merged.contacts).toHaveLength(3);
    // Planning changed nothing it was given.
    expect(local.contacts).toHaveLength(2);
  });

  it('should keep the newer draft and say so', async () => {
    const local = empty();
    local.drafts = [draft(1, '2026-11-20T10:00:00.000Z'), draft(2, '2026-11-22T10:00:00.000Z')];
    const incoming = empty();
    incoming.drafts = [
      { ...draft(1, '2026-11-21T10:00:00.000Z'), justification: 'newer in file' },
      { ...draft(2, '2026-11-21T10:00:00.000Z'), justification: 'older in file' },
    ];
    const p = await plan(local, await roundTrip(incoming));
    expect(p.merged.drafts.map((d) => d.justification)).toEqual(['newer in file', '']);
    expect(p.conflicts.map((c) => c.kept)).toEqual(['the file', 'this browser']);
  });

  it('should take the file’s settings on a fresh install but keep changed settings here', async () => {
    const incoming = empty();
    incoming.settings = { ...incoming.settings, paused: true, activeCases: ['24/1'] };
    const file = await roundTrip(incoming);
    expect((await plan(empty(), file)).merged.settings.paused).toBe(true);
    const local = empty();
    local.settings = { ...local.settings, minConfidence: 'high', activeCases: ['24/2'] };
    const p = await plan(local, file);
    expect(p.merged.settings.paused).toBe(false);
    expect(p.merged.settings.activeCases).toEqual(['24/2', '24/1']);
    expect(p.conflicts).toContainEqual(expect.objectContaining({ type: 'settings', id: 'paused' }));
  });

  it('should adopt a file chain that extends the local one', async () => {
    const local = empty();
    local.blockLog = await logOf([1, 2]);
    const incoming = empty();
    incoming.blockLog = await appendEntry(
      local.blockLog,
      entry({ id: uuid(0x40003), evidence: [] }),
    );
    const p = await plan(local, await roundTrip(incoming));
    expect(p.blockLog).toBe('adopted');
    expect(p.counts.blockLog).toMatchObject({ new: 1, duplicate: 2 });
    expect(p.merged.blockLog).toEqual(incoming.blockLog);
  });

  it('should chain on the records of a diverged file, keeping their content, and still verify', async () => {
    const local = empty();
    local.blockLog = await logOf([1, 2]);
    const incoming = empty();
    incoming.blockLog = await logOf([1, 3, 4], 3);
    const p = await plan(local, await roundTrip(incoming));
    expect(p.blockLog).toBe('appended');
    expect(p.counts.blockLog).toEqual({ new: 3, duplicate: 1, conflict: 0, erased: 0 });
    expect(await verifyChain(p.merged.blockLog)).toEqual({ ok: true, count: 5 });
    const ids = p.merged.blockLog.records.map((r) => r.record.id);
    expect(ids).toEqual([
      uuid(0x40001),
      uuid(0x40002),
      uuid(0x40003),
      uuid(0x50003),
      uuid(0x40004),
    ]);
    // Content is preserved, only the position and hash are new.
    expect(p.merged.blockLog.records[2]?.record).toEqual(incoming.blockLog.records[1]?.record);
    // The local links are untouched.
    expect(p.merged.blockLog.records.slice(0, 2)).toEqual(local.blockLog.records);
  });

  it('should merge a backup naming this installation as before, and plan another installation’s as an import of its own chain', async () => {
    const mine = '5c0c1c52-8d55-4d5e-b1c3-8a9f0d1e2f30';
    const theirs = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const local = empty();
    local.blockLog = await logOf([1, 2]);
    const incoming = empty();
    incoming.blockLog = await logOf([1, 3, 4], 3);
    const fileOf = async (installationId: string) => {
      const text = backupJson(
        makeBackup(incoming, { appVersion: '0.1.0', now: NOW, by: null, installationId }),
      );
      const parsed = await parseBackup(text, PARTS);
      if (!parsed.ok) throw new Error(parsed.message);
      return parsed.file;
    };
    const options = {
      erasedIds: new Set<string>(),
      defaults: DEFAULT_SETTINGS as Settings,
      installationId: mine,
    };
    const same = await planImport(local, await fileOf(mine), options);
    expect(same.blockLog).toBe('appended');
    expect(same.imports).toEqual([]);

    const other = await planImport(local, await fileOf(theirs), options);
    // This installation's chain is left exactly as it is: nothing is chained on to it.
    expect(other.blockLog).toBe('unchanged');
    expect(other.merged.blockLog).toEqual(local.blockLog);
    expect(other.counts.blockLog).toMatchObject({ new: 4, duplicate: 0, conflict: 0 });
    expect(other.imports).toEqual([
      {
        installationId: theirs,
        add: incoming.blockLog,
        firstSeq: 0,
        lastSeq: 3,
        headHash: incoming.blockLog.records[3]!.hash,
        recordIds: incoming.blockLog.records.map((r) => r.record.id),
        carried: [],
      },
    ]);
    // Once held here, the same file plans nothing.
    const held = {
      ...local,
      otherChains: [{ installationId: theirs, log: incoming.blockLog, imports: [] }],
    };
    const again = await planImport(held, await fileOf(theirs), options);
    expect(again.imports).toEqual([]);
    expect(again.changes).toBe(0);
  });

  it('should not bring back records erased here', async () => {
    const full = await logOf([1, 2, 3]);
    const local = empty();
    local.blockLog = eraseRecords(full, new Set([uuid(0x40002)]), 'erasure-request', NOW).log;
    local.contacts = [];
    const incoming = empty();
    incoming.blockLog = full;
    incoming.contacts = [contact(7)];
    const p = await plan(local, await roundTrip(incoming), [contact(7).id]);
    expect(p.counts.blockLog.erased).toBe(1);
    expect(p.counts.contacts).toMatchObject({ new: 0, erased: 1 });
    expect(p.merged.blockLog.records.map((r) => r.record.id)).not.toContain(uuid(0x40002));
    expect(await verifyChain(p.merged.blockLog)).toMatchObject({ ok: true });
  });
});

// Arbitrary valid data: unique ids, unique comment keys, unique protected-name keys and list items.
const dataArb = fc
  .record({
    contacts: fc.uniqueArray(fc.integer({ min: 1, max: 5000 }), { maxLength: 12 }),
    events: fc.uniqueArray(fc.integer({ min: 1, max: 5000 }), { maxLength: 6 }),
    drafts: fc.uniqueArray(fc.integer({ min: 1, max: 5000 }), { maxLength: 4 }),
    entries: fc.uniqueArray(fc.integer({ min: 1, max: 5000 }), { maxLength: 5 }),
    amendEvery: fc.integer({ min: 0, max: 3 }),
    cases: fc.uniqueArray(fc.stringMatching(/^[0-9]{2}\/[0-9]{1,4}$/), { maxLength: 4 }),
    names: fc.uniqueArray(fc.stringMatching(/^[A-Z][a-z]{2,8} [A-Z][a-z]{2,8}$/), {
      maxLength: 3,
      selector: (s) => s.toLowerCase(),
    }),
    paused: fc.boolean(),
    minConfidence: fc.constantFrom('low', 'medium', 'high' as const),
    withModerator: fc.boolean(),
    twoAccounts: fc.boolean(),
  })
  .map(async (g): Promise<Data> => {
    const d = empty();
    d.settings = SettingsSchema.parse({
      paused: g.paused,
      minConfidence: g.minConfidence,
      activeCases: g.cases,
      protectedNames: g.names.map((name) => ({ name, role: 'witness' })),
      customRules: g.cases.map((c, i) => ({ id: `rule-${i}`, criterion: 'spam', words: [c] })),
    });
    d.moderator = g.withModerator ? moderator : null;
    d.accounts = g.twoAccounts ? [mainX, mainFacebook] : [mainX];
    d.contacts = g.contacts.map((n) => contact(n));
    d.events = g.events.map((n) => event(n));
    d.drafts = g.drafts.map((n) => draft(n));
    d.blockLog = await logOf(g.entries, g.amendEvery);
    return d;
  });

describe('backup properties', () => {
  it('should restore exactly what was backed up: import(export(x)) == x', async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, async (made) => {
        const x = await made;
        const p = await plan(empty(), await roundTrip(x));
        expect(p.merged).toEqual(x);
        expect(p.conflicts).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('should change nothing when the same backup is restored again', async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, async (made) => {
        const x = await made;
        const p = await plan(x, await roundTrip(x));
        expect(p.merged).toEqual(x);
        expect(p.changes).toBe(0);
        expect(p.conflicts).toEqual([]);
        expect(p.blockLog).toBe('unchanged');
      }),
      { numRuns: 40 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addContact,
  appendAmendment,
  appendEntry,
  blockLogFromExport,
  buildContactIndex,
  buildRepeatData,
  canonicalJson,
  captureEvidence,
  emptyBlockLog,
  exportBlockLog,
  exportJson,
  parseExport,
  userStatus,
  verifyChain,
  type Amendment,
  type BlockEntry,
  type BlockLog,
  type Contact,
  type ForceAccount,
  type UserIdentity,
} from '../../lib/records';
import { CRITERION_IDS } from '../../lib/policy';
import { accounts, INSTALLATION, mainX, moderator } from './fixtures';

const HOUR = 3_600_000;
const W = 30 * 24 * HOUR;
// Clock changes in 2026: 29 March and 25 October, both at 01:00 UTC.
const CHANGES = [Date.parse('2026-03-29T01:00:00.000Z'), Date.parse('2026-10-25T01:00:00.000Z')];

let idCounter = 0;
function makeContact(t: number, commentKey?: string): Contact {
  idCounter++;
  return {
    id: `22222222-0000-4000-8000-${idCounter.toString(16).padStart(12, '0')}`,
    userKey: 'x:jbloggs',
    user: { platform: 'x', handle: 'jbloggs' },
    platform: 'x',
    accountId: mainX.id,
    at: new Date(t).toISOString(),
    reason: 'inappropriate',
    ...(commentKey !== undefined ? { commentKey } : {}),
    recordedBy: moderator,
  };
}

/** A moment within ±35 days of a clock change, to the minute. */
const nearChange = fc
  .tuple(fc.constantFrom(...CHANGES), fc.integer({ min: -35 * 24 * 60, max: 35 * 24 * 60 }))
  .map(([change, minutes]) => change + minutes * 60_000);

function count(contacts: Contact[], now: number): number {
  return userStatus(
    'x:jbloggs',
    buildRepeatData({ contacts, accounts, events: [] }),
    new Date(now),
    {
      threshold: 5,
      windowDays: 30,
      contactsAfterAdvice: 1,
    },
  ).countInWindow;
}

describe('rolling window across the clock changes', () => {
  it('should count a contact 720 hours minus a millisecond ago, and not one 720 hours ago', () => {
    fc.assert(
      fc.property(nearChange, (now) => {
        expect(count([makeContact(now - W + 1)], now)).toBe(1);
        expect(count([makeContact(now - W)], now)).toBe(0);
        expect(count([makeContact(now)], now)).toBe(1);
        expect(count([makeContact(now + 1)], now)).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('should change only by the contacts entering and leaving as the window slides an hour', () => {
    fc.assert(
      fc.property(
        nearChange,
        fc.array(fc.integer({ min: -32 * 24 * 60, max: 2 * 60 }), { maxLength: 40 }),
        (now, offsets) => {
          const times = offsets.map((m) => now + m * 60_000);
          const contacts = times.map((t) => makeContact(t));
          const entering = times.filter((t) => t > now && t <= now + HOUR).length;
          const leaving = times.filter((t) => t > now - W && t <= now - W + HOUR).length;
          expect(count(contacts, now + HOUR) - count(contacts, now)).toBe(entering - leaving);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('should count each comment once however many times it was recorded', () => {
    fc.assert(
      fc.property(
        nearChange,
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: -40 * 24 * 60, max: 0 })),
          {
            maxLength: 30,
          },
        ),
        (now, recordings) => {
          const contacts = recordings.map(([comment, m]) =>
            makeContact(now + m * 60_000, `c${comment}`),
          );
          const earliest = new Map<string, number>();
          for (const c of contacts) {
            const t = Date.parse(c.at);
            earliest.set(c.commentKey!, Math.min(earliest.get(c.commentKey!) ?? Infinity, t));
          }
          const expected = [...earliest.values()].filter((t) => t > now - W && t <= now).length;
          expect(count(contacts, now)).toBe(expected);
          expect(count(contacts, now)).toBeLessThanOrEqual(earliest.size);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('should build the same index whatever order contacts arrive in', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 1000 })), {
          maxLength: 25,
        }),
        fc.array(fc.nat(), { minLength: 25, maxLength: 25 }),
        (recordings, shuffleKeys) => {
          const contacts = recordings.map(([comment, m]) =>
            makeContact(CHANGES[0]! + m * 60_000, `c${comment}`),
          );
          const shuffled = contacts
            .map((c, i) => ({ c, k: shuffleKeys[i]! }))
            .sort((a, b) => a.k - b.k)
            .map(({ c }) => c);
          const ids = (cs: Contact[]) =>
            buildContactIndex(cs)
              .byUser.get('x:jbloggs')
              ?.map((i) => i.contact.id) ?? [];
          // addContact is the background writer's path: one contact at a time, in any order.
          const incremental = buildContactIndex([]);
          for (const c of shuffled) addContact(incremental, c);
          expect(incremental.byUser.get('x:jbloggs')?.map((i) => i.contact.id) ?? []).toEqual(
            ids(contacts),
          );
          expect(ids(shuffled)).toEqual(ids(contacts));
        },
      ),
      { numRuns: 100 },
    );
  });
});

const iso = fc
  .date({
    min: new Date('2020-01-01T00:00:00.000Z'),
    max: new Date('2030-12-31T23:59:59.999Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString());
// 'binary' reaches lone surrogates, emoji and control characters, which JSON and hashing must survive.
const words = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 });
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const handle = fc.stringMatching(/^[a-z0-9_]{1,15}$/);
const mod = fc.record(
  { name: words, staffNumber: words, team: opt(words) },
  { requiredKeys: ['name', 'staffNumber'] },
);
const criteria = fc.uniqueArray(fc.constantFrom(...CRITERION_IDS), { maxLength: 4 });
const engagement = fc.record(
  {
    at: iso,
    method: fc.constantFrom('public-reply', 'private-message', 'other') as fc.Arbitrary<
      'public-reply' | 'private-message' | 'other'
    >,
    said: words,
    link: opt(words),
  },
  { requiredKeys: ['at', 'method', 'said'] },
);

const xAccount: ForceAccount = mainX;
const fbAccount: ForceAccount = accounts[1]!;

function userFor(platform: 'x' | 'facebook'): fc.Arbitrary<UserIdentity> {
  const h =
    platform === 'x'
      ? handle
      : fc.oneof(
          handle.map((s) => s.replace(/_/g, '.')),
          fc.stringMatching(/^\d{5,12}$/),
        );
  return fc.record(
    { platform: fc.constant(platform), handle: h, displayName: opt(words) },
    { requiredKeys: ['platform', 'handle'] },
  );
}

interface EntrySeed {
  entry: Omit<BlockEntry, 'evidence'>;
  evidenceTexts: string[];
}

const entrySeed: fc.Arbitrary<EntrySeed> = fc
  .constantFrom<'x' | 'facebook'>('x', 'facebook')
  .chain((platform) =>
    fc.record({
      entry: fc.record(
        {
          id: fc.uuid({ version: 4 }),
          createdAt: iso,
          moderator: mod,
          platform: fc.constant(platform),
          account: fc.constant(platform === 'x' ? xAccount : fbAccount),
          user: userFor(platform),
          content: opt(
            fc.record(
              { url: opt(words), excerpt: opt(fc.string({ unit: 'binary' })) },
              { requiredKeys: [] },
            ),
          ),
          engagements: fc.array(engagement, { maxLength: 3 }),
          advice: opt(fc.record({ from: words, at: iso, advice: words })),
          exception: opt(
            fc.record({
              kind: fc.constantFrom(
                'credible-threat-or-crime-reported',
                'automated-spam-account',
              ) as fc.Arbitrary<'credible-threat-or-crime-reported' | 'automated-spam-account'>,
              why: words,
            }),
          ),
          criteria,
          justification: words,
          outcome: fc.oneof(
            fc.constant({ kind: 'pending' as const }),
            fc.record({ kind: fc.constant('blocked' as const), at: iso }),
            fc.record({
              kind: fc.constant('resolved-without-block' as const),
              at: iso,
              note: words,
            }),
          ),
        },
        {
          requiredKeys: [
            'id',
            'createdAt',
            'moderator',
            'platform',
            'account',
            'user',
            'engagements',
            'criteria',
            'justification',
            'outcome',
          ],
        },
      ),
      evidenceTexts: fc.array(fc.string({ unit: 'binary' }), { maxLength: 2 }),
    }),
  );

type AmendmentSeed = { target: number; amendment: Omit<Amendment, 'entryId'> };
const amendmentSeed: fc.Arbitrary<AmendmentSeed> = fc.record({
  target: fc.nat(),
  amendment: fc.oneof(
    fc.record({
      id: fc.uuid({ version: 4 }),
      at: iso,
      moderator: mod,
      why: words,
      kind: fc.constant('note' as const),
    }),
    fc.record({
      id: fc.uuid({ version: 4 }),
      at: iso,
      moderator: mod,
      why: words,
      kind: fc.constant('unblock' as const),
    }),
    fc.record({
      id: fc.uuid({ version: 4 }),
      at: iso,
      moderator: mod,
      why: words,
      kind: fc.constant('outcome' as const),
      data: fc.oneof(
        fc.record({ kind: fc.constant('blocked' as const), at: iso }),
        fc.record({ kind: fc.constant('resolved-without-block' as const), at: iso, note: words }),
      ),
    }),
    fc.record({
      id: fc.uuid({ version: 4 }),
      at: iso,
      moderator: mod,
      why: words,
      kind: fc.constant('correction' as const),
      data: fc.record({ justification: words, criteria }, { requiredKeys: ['justification'] }),
    }),
  ) as fc.Arbitrary<Omit<Amendment, 'entryId'>>,
});

async function buildLog(entries: EntrySeed[], amendments: AmendmentSeed[]): Promise<BlockLog> {
  let log = emptyBlockLog();
  const seen = new Set<string>();
  const entryIds: string[] = [];
  for (const seed of entries) {
    if (seen.has(seed.entry.id)) continue;
    seen.add(seed.entry.id);
    const evidence = await Promise.all(
      seed.evidenceTexts.map((text) =>
        captureEvidence(
          { text, author: { handle: 'someone' }, url: 'https://x.com/a/status/1' },
          new Date(seed.entry.createdAt),
        ),
      ),
    );
    log = await appendEntry(log, { ...seed.entry, evidence } as BlockEntry);
    entryIds.push(seed.entry.id);
  }
  for (const seed of amendments) {
    if (entryIds.length === 0 || seen.has(seed.amendment.id)) continue;
    seen.add(seed.amendment.id);
    const entryId = entryIds[seed.target % entryIds.length]!;
    log = await appendAmendment(log, { ...seed.amendment, entryId } as Amendment);
  }
  return log;
}

describe('export round trip', () => {
  it('should import(export(log)) to the same log, still verifying, for arbitrary valid logs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(entrySeed, { minLength: 1, maxLength: 4 }),
        fc.array(amendmentSeed, { maxLength: 4 }),
        async (entries, amendments) => {
          const log = await buildLog(entries, amendments);
          const back = parseExport(
            exportJson(
              exportBlockLog(
                log,
                {},
                moderator,
                new Date('2026-11-25T14:05:00.000Z'),
                INSTALLATION,
              ),
            ),
          );
          if (!back.ok) throw new Error(back.message);
          expect(back.file.kind).toBe('block-log');
          if (back.file.kind !== 'block-log') return;
          const restored = blockLogFromExport(back.file);
          expect(restored).toEqual(log);
          expect(await verifyChain(restored!)).toEqual({ ok: true, count: log.records.length });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('should hash a value the same after a JSON round trip and whatever its key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const again: unknown = JSON.parse(JSON.stringify(value));
        expect(canonicalJson(again)).toBe(canonicalJson(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(again);
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseExport on arbitrary input', () => {
  it('should never throw on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const r = parseExport(text);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('should never throw on arbitrary JSON, including near-miss exports', () => {
    const nearMiss = fc.record(
      {
        format: fc.oneof(fc.constant('moderator-assist-export'), fc.string()),
        schemaVersion: fc.oneof(fc.constant(1), fc.jsonValue()),
        kind: fc.constantFrom('block-log', 'contacts', 'other'),
        exportedAt: fc.oneof(iso, fc.string()),
        exportedBy: fc.jsonValue(),
        filter: fc.oneof(fc.constant({}), fc.jsonValue()),
        complete: fc.jsonValue(),
        chain: fc.array(fc.jsonValue(), { maxLength: 3 }),
        contacts: fc.array(fc.jsonValue(), { maxLength: 3 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), nearMiss), (value) => {
        const r = parseExport(JSON.stringify(value) ?? 'null');
        if (!r.ok) expect(r.message).toMatch(/\S/);
      }),
      { numRuns: 300 },
    );
  });
});

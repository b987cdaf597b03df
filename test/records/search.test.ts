import { describe, expect, it } from 'vitest';
import { emptyDraft, entryFromDraft, validateDraft } from '../../lib/messages/draft';
import {
  appendAmendment,
  appendEntry,
  blockGaps,
  currentView,
  describeVerification,
  emptyBlockLog,
  filterBlockViews,
  linksOfEntry,
  matchesBlockQuery,
  normaliseSearch,
  verifyChain,
  type BlockLog,
} from '../../lib/records';
import { accounts, amendment, entry, evidence, mainFacebook, moderator, uuid } from './fixtures';

async function sample(): Promise<BlockLog> {
  let log = emptyBlockLog();
  log = await appendEntry(
    log,
    entry({
      id: uuid(101),
      user: { platform: 'x', handle: 'JBloggs', displayName: 'Joe Bloggs' },
      createdAt: '2026-03-29T00:30:00.000Z', // 00:30 GMT on the day the clocks change
      criteria: ['spam'],
    }),
  );
  log = await appendEntry(
    log,
    entry({
      id: uuid(102),
      platform: 'facebook',
      account: mainFacebook,
      user: { platform: 'facebook', profileUrl: 'https://www.facebook.com/jane.doe.5' },
      createdAt: '2026-07-01T23:30:00.000Z', // 00:30 BST on 2 July in London
      evidence: [await evidence('abuse')],
    }),
  );
  log = await appendAmendment(
    log,
    amendment(uuid(102), {
      id: uuid(103),
      kind: 'outcome',
      data: { kind: 'blocked', at: '2026-07-02T10:00:00.000Z' },
    }),
  );
  return log;
}

describe('filterBlockViews (the block log tab’s filter)', () => {
  it('should match handle, display name and profile URL, ignoring case and a leading @', async () => {
    const views = currentView(await sample());
    const ids = (q: Parameters<typeof filterBlockViews>[1]) =>
      filterBlockViews(views, q).map((v) => v.original.id);
    expect(normaliseSearch('  @JBloggs ')).toBe('jbloggs');
    expect(ids({ search: '@jblog' })).toEqual([uuid(101)]);
    expect(ids({ search: 'JOE b' })).toEqual([uuid(101)]);
    expect(ids({ search: 'jane.doe' })).toEqual([uuid(102)]);
    expect(ids({ search: '' })).toEqual([uuid(101), uuid(102)]);
    expect(ids({ search: 'nobody' })).toEqual([]);
  });

  it('should filter by platform, account, criterion and status as amended', async () => {
    const views = currentView(await sample());
    const ids = (q: Parameters<typeof filterBlockViews>[1]) =>
      filterBlockViews(views, q).map((v) => v.original.id);
    expect(ids({ platform: 'facebook' })).toEqual([uuid(102)]);
    expect(ids({ accountId: 'main-x' })).toEqual([uuid(101)]);
    expect(ids({ criterion: 'spam' })).toEqual([uuid(101)]);
    expect(ids({ status: 'blocked' })).toEqual([uuid(102)]);
    expect(ids({ status: 'pending' })).toEqual([uuid(101)]);
    expect(ids({ platform: '', status: '' })).toHaveLength(2);
  });

  it('should compare London calendar days, inclusive, across the clock change', async () => {
    const views = currentView(await sample());
    const [first, second] = views;
    expect(matchesBlockQuery(first!, { from: '2026-03-29', to: '2026-03-29' })).toBe(true);
    expect(matchesBlockQuery(first!, { to: '2026-03-28' })).toBe(false);
    // 23:30 UTC on 1 July is 2 July in London.
    expect(matchesBlockQuery(second!, { from: '2026-07-02' })).toBe(true);
    expect(matchesBlockQuery(second!, { to: '2026-07-01' })).toBe(false);
  });

  it('should give each entry’s own links in chain order', async () => {
    const log = await sample();
    expect(linksOfEntry(log, uuid(102)).map((l) => l.seq)).toEqual([1, 2]);
    expect(linksOfEntry(log, uuid(101)).map((l) => l.seq)).toEqual([0]);
  });
});

describe('describeVerification', () => {
  it('should say how many records verified, or name the first failing one', async () => {
    const log = await sample();
    expect(describeVerification(log, await verifyChain(log))).toBe(
      'Chain verified: all 3 records are intact.',
    );
    const tampered = structuredClone(log);
    const link = tampered.records[1]!;
    if (link.kind === 'entry') link.record.justification = 'Rewritten later.';
    expect(describeVerification(tampered, await verifyChain(tampered))).toBe(
      `Verification failed at record 1 (entry for https://www.facebook.com/jane.doe.5, id ${uuid(102)}): content does not match its hash (altered).`,
    );
  });
});

describe('the block workflow and blockGaps agree on exceptions', () => {
  it('should let an exception with a written reason stand in for engagement and advice', async () => {
    const draft = {
      ...emptyDraft(uuid(200), new Date('2026-11-20T12:00:00Z'), 'x', 'main-x'),
      handle: 'spambot99',
      exceptionKind: 'automated-spam-account' as const,
      exceptionWhy: 'Posts the same link every minute.',
      criteria: ['spam' as const],
      justification: 'Automated spam.',
      evidence: [await evidence('Cheap pills at example.com')],
    };
    // The workflow lets it through with no engagement and no advice…
    expect(validateDraft(draft, accounts)).toEqual({});
    const made = entryFromDraft(draft, accounts, moderator, new Date(), uuid(201));
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.entry.advice).toBeUndefined();
    expect(made.entry.engagements).toEqual([]);
    // …and blockGaps finds nothing missing in the entry it makes.
    expect(blockGaps(made.entry)).toEqual([]);

    // Without the exception the workflow asks for engagement and advice, and so does blockGaps.
    const plain = { ...draft, exceptionKind: 'none' as const, exceptionWhy: '' };
    expect(Object.keys(validateDraft(plain, accounts)).sort()).toEqual(['advice', 'engage']);
    const { exception: _dropped, ...withoutException } = made.entry;
    expect(blockGaps(withoutException)).toEqual(['no-engagement', 'no-dmt-advice']);
  });
});

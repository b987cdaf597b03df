import { describe, expect, it, test } from 'vitest';
import {
  appendAmendment,
  appendEntry,
  blockGaps,
  canonicalJson,
  ContactSchema,
  currentView,
  emptyBlockLog,
  GENESIS_HASH,
  IsoUtcSchema,
  linkHash,
  sha256Hex,
  verifyChain,
  type BlockLog,
} from '../../lib/records';
import { amendment, contact, entry, evidence, moderator } from './fixtures';

async function sampleLog(): Promise<BlockLog> {
  const e1 = entry({ evidence: [await evidence('you lot are useless')] });
  const e2 = entry({
    createdAt: '2026-11-05T10:00:00.000Z',
    user: { platform: 'x', handle: 'other' },
  });
  let log = await appendEntry(emptyBlockLog(), e1);
  log = await appendEntry(log, e2);
  log = await appendAmendment(
    log,
    amendment(e1.id, {
      kind: 'outcome',
      data: { kind: 'blocked', at: '2026-11-04T09:00:00.000Z' },
    }),
  );
  return log;
}

describe('canonicalJson', () => {
  test.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ a: [3, { d: null, c: 'x' }] }, '{"a":[3,{"c":"x","d":null}]}'],
    [{ a: undefined, b: true }, '{"b":true}'],
    [-0, '0'],
    [1e21, '1e+21'],
    [0.1, '0.1'],
    ['é"\n', '"é\\"\\n"'],
    [{ Z: 1, a: 1, _: 1 }, '{"Z":1,"_":1,"a":1}'],
  ])('should write %j as %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  test.each([[NaN], [Infinity], [[undefined]], [new Date(0)], [() => 1], [10n]])(
    'should refuse %s rather than hash something else',
    (value) => {
      expect(() => canonicalJson(value)).toThrow(TypeError);
    },
  );

  it('should not depend on key insertion order', () => {
    expect(canonicalJson({ x: { q: 1, p: 2 }, y: [1] })).toBe(
      canonicalJson({ y: [1], x: { p: 2, q: 1 } }),
    );
  });
});

describe('sha256Hex', () => {
  it('should match the standard test vectors', async () => {
    expect(await sha256Hex('')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('hash chain', () => {
  it('should link each record to the one before and verify', async () => {
    const log = await sampleLog();
    expect(log.records.map((r) => r.seq)).toEqual([0, 1, 2]);
    expect(log.records[0]!.prevHash).toBe(GENESIS_HASH);
    expect(log.records[1]!.prevHash).toBe(log.records[0]!.hash);
    expect(await verifyChain(log)).toEqual({ ok: true, count: 3 });
  });

  it('should leave the earlier log untouched when appending', async () => {
    const log = await sampleLog();
    const before = structuredClone(log);
    await appendAmendment(log, amendment(log.records[0]!.record.id, { kind: 'note' }));
    expect(log).toEqual(before);
  });

  it('should verify after an amendment is appended to a verified log', async () => {
    const log = await sampleLog();
    const more = await appendAmendment(
      log,
      amendment(log.records[1]!.record.id, { kind: 'note', why: 'DMT called.' }),
    );
    expect(await verifyChain(more)).toEqual({ ok: true, count: 4 });
  });

  it('should catch one changed byte in an exported file and name the record', async () => {
    const log = await sampleLog();
    const text = JSON.stringify(log);
    const tampered = text.replace('Continued abuse after advice.', 'Continued abuse after advicE.');
    expect(tampered).not.toBe(text);
    const result = await verifyChain(JSON.parse(tampered) as BlockLog);
    expect(result).toMatchObject({
      ok: false,
      firstBadSeq: 0,
      id: log.records[0]!.record.id,
      reason: expect.stringMatching(/does not match its hash/),
    });
  });

  it('should catch a rewritten record even when its own hash is recomputed', async () => {
    const log = await sampleLog();
    const copy = structuredClone(log);
    const first = copy.records[0]!;
    if (first.kind !== 'entry') throw new Error('fixture');
    first.record.justification = 'Something else.';
    first.hash = await linkHash(first);
    expect(await verifyChain(copy)).toMatchObject({
      ok: false,
      firstBadSeq: 1,
      reason: expect.stringMatching(/prevHash/),
    });
  });

  it('should catch reordering', async () => {
    const log = await sampleLog();
    const swapped = { ...log, records: [log.records[1]!, log.records[0]!, log.records[2]!] };
    expect(await verifyChain(swapped)).toMatchObject({ ok: false, firstBadSeq: 0 });
    const renumbered = structuredClone(swapped);
    renumbered.records.forEach((r, i) => (r.seq = i));
    expect(await verifyChain(renumbered)).toMatchObject({ ok: false, firstBadSeq: 0 });
  });

  it('should catch a deleted record', async () => {
    const log = await sampleLog();
    const gap = { ...log, records: [log.records[0]!, log.records[2]!] };
    expect(await verifyChain(gap)).toMatchObject({ ok: false, firstBadSeq: 1 });
  });

  it('should catch evidence whose text no longer matches its digest', async () => {
    const log = await sampleLog();
    const copy = structuredClone(log);
    const first = copy.records[0]!;
    if (first.kind !== 'entry') throw new Error('fixture');
    first.record.evidence[0]!.text = 'something milder';
    first.hash = await linkHash(first);
    copy.records = [first];
    expect(await verifyChain(copy)).toMatchObject({
      ok: false,
      firstBadSeq: 0,
      reason: expect.stringMatching(/evidence\[0\]/),
    });
  });

  it('should refuse to append what would spoil the chain', async () => {
    const log = await sampleLog();
    const e = log.records[0]!.record;
    await expect(appendEntry(log, entry({ id: e.id }))).rejects.toThrow(/already holds/);
    await expect(
      appendAmendment(log, amendment('00000000-0000-4000-8000-ffffffffffff', { kind: 'note' })),
    ).rejects.toThrow(/not in the log/);
    const bad = entry({ evidence: [{ ...(await evidence('a')), text: 'b' }] });
    await expect(appendEntry(log, bad)).rejects.toThrow(/sha256/);
    await expect(appendEntry(log, entry({ createdAt: '3 Nov 2026' }))).rejects.toThrow();
    await expect(appendEntry(log, entry({ platform: 'facebook' }))).rejects.toThrow(
      /another platform/,
    );
  });
});

describe('currentView', () => {
  it('should fold outcome, notes, corrections and unblocks without changing the originals', async () => {
    let log = await sampleLog();
    const id = log.records[0]!.record.id;
    log = await appendAmendment(
      log,
      amendment(id, { kind: 'note', why: 'Spoke to DMT.', at: '2026-11-06T00:00:00.000Z' }),
    );
    log = await appendAmendment(
      log,
      amendment(id, {
        kind: 'correction',
        why: 'Wrong criterion.',
        data: { criteria: ['offensive-language'] },
      }),
    );
    const before = structuredClone(log);
    const [view, other] = currentView(log);
    expect(log).toEqual(before);
    expect(view!.status).toBe('blocked');
    expect(view!.notes).toEqual([
      { at: '2026-11-06T00:00:00.000Z', by: moderator, text: 'Spoke to DMT.' },
    ]);
    expect(view!.entry.criteria).toEqual(['offensive-language']);
    expect(view!.original.criteria).toEqual(['threat-abuse-hate']);
    expect(view!.corrections[0]!.fields).toEqual(['criteria']);
    expect(view!.lastChangedAt).toBe('2026-11-06T00:00:00.000Z');
    expect(other!.status).toBe('pending');

    log = await appendAmendment(
      log,
      amendment(id, { kind: 'unblock', why: 'Apologised.', at: '2026-11-20T00:00:00.000Z' }),
    );
    const [unblocked] = currentView(log);
    expect(unblocked!.status).toBe('unblocked');
    expect(unblocked!.unblocked?.at).toBe('2026-11-20T00:00:00.000Z');
    expect(unblocked!.outcome).toEqual({ kind: 'blocked', at: '2026-11-04T09:00:00.000Z' });

    log = await appendAmendment(
      log,
      amendment(id, { kind: 'outcome', data: { kind: 'blocked', at: '2026-11-25T00:00:00.000Z' } }),
    );
    const [reblocked] = currentView(log);
    expect(reblocked!.status).toBe('blocked');
    expect(reblocked!.unblocked).toBeUndefined();
  });

  it('should refuse a correction that tries to change the record itself', async () => {
    const log = await sampleLog();
    const id = log.records[0]!.record.id;
    const sneaky = {
      ...amendment(id, { kind: 'correction', data: { justification: 'x' } }),
      data: { createdAt: '2020-01-01T00:00:00.000Z' },
    };
    await expect(appendAmendment(log, sneaky as never)).rejects.toThrow();
    await expect(
      appendAmendment(log, amendment(id, { kind: 'correction', data: {} })),
    ).rejects.toThrow(/change something/);
  });
});

describe('blockGaps', () => {
  it('should list what the policy still needs before blocking', () => {
    expect(blockGaps(entry())).toEqual(['no-evidence']);
    expect(blockGaps(entry({ engagements: [], advice: undefined, criteria: [] }))).toEqual([
      'no-engagement',
      'no-dmt-advice',
      'no-criteria',
      'no-evidence',
    ]);
  });

  it('should accept an exception in place of engaging first', () => {
    const e = entry({
      engagements: [],
      exception: { kind: 'automated-spam-account', why: 'Bot.' },
    });
    expect(blockGaps(e)).not.toContain('no-engagement');
  });

  it('should not ask for advice beforehand when an exception with a written reason applies', () => {
    const spam = entry({
      engagements: [],
      advice: undefined,
      exception: { kind: 'automated-spam-account', why: 'Posts the same link every minute.' },
    });
    expect(blockGaps(spam)).toEqual(['no-evidence']);
    const threat = entry({
      engagements: [],
      advice: undefined,
      exception: { kind: 'credible-threat-or-crime-reported', why: 'Threat to life, 999 called.' },
    });
    expect(blockGaps(threat)).not.toContain('no-dmt-advice');
    // Without an exception, advice is still needed even when the user was engaged.
    expect(blockGaps(entry({ advice: undefined }))).toContain('no-dmt-advice');
    // A blank reason is not a reason (the schema refuses it; blockGaps does not rely on that).
    const blank = entry({
      engagements: [],
      advice: undefined,
      exception: { kind: 'automated-spam-account', why: '  ' },
    });
    expect(blockGaps(blank)).toEqual(['no-engagement', 'no-dmt-advice', 'no-evidence']);
  });
});

describe('schemas', () => {
  it('should refuse a contact filed under a key that is not its user’s', () => {
    expect(ContactSchema.safeParse(contact('2026-11-01T00:00:00.000Z')).success).toBe(true);
    const wrong = ContactSchema.safeParse({
      ...contact('2026-11-01T00:00:00.000Z'),
      userKey: 'x:someoneelse',
    });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.message).toBe('user key should be x:jbloggs');
  });

  it('should refuse times with an offset, so stored times always sort as text', () => {
    expect(IsoUtcSchema.safeParse('2026-11-01T00:00:00.000Z').success).toBe(true);
    expect(IsoUtcSchema.safeParse('2026-11-01T00:00:00+01:00').success).toBe(false);
  });
});

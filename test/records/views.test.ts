// The background's block views, kept from one log to the next, must always read exactly as
// folding the whole log does, whatever was appended, and never change a view already handed out.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appendAmendment,
  appendEntry,
  blockIndexOf,
  currentView,
  emptyBlockLog,
  eraseRecords,
  BlockViews,
  type Amendment,
  type BlockLog,
} from '../../lib/records';
import { amendment, entry, uuid } from './fixtures';

type Step = { kind: 'entry' } | { kind: Amendment['kind']; of: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant({ kind: 'entry' as const }),
  fc.record({
    kind: fc.constantFrom('note', 'outcome', 'unblock', 'correction') as fc.Arbitrary<
      Amendment['kind']
    >,
    of: fc.nat(),
  }),
);

function amendmentOf(kind: Amendment['kind'], entryId: string, i: number): Amendment {
  const at = new Date(Date.parse('2026-11-04T09:00:00.000Z') + i * 60_000).toISOString();
  switch (kind) {
    case 'outcome':
      return amendment(entryId, { kind, at, data: { kind: 'blocked', at } } as never);
    case 'correction':
      return amendment(entryId, { kind, at, data: { justification: `Corrected ${i}.` } } as never);
    default:
      return amendment(entryId, { kind, at, why: `Step ${i}.` } as never);
  }
}

describe('BlockViews', () => {
  it('should read as currentView after any appends, and leave views already handed out alone', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const views = new BlockViews();
        let log: BlockLog = emptyBlockLog();
        const ids: string[] = [];
        const handedOut: { views: ReturnType<BlockViews['of']>; json: string }[] = [];
        for (const [i, s] of steps.entries()) {
          if (s.kind === 'entry') {
            const id = uuid();
            ids.push(id);
            log = await appendEntry(log, entry({ id }));
          } else if (ids.length > 0) {
            log = await appendAmendment(log, amendmentOf(s.kind, ids[s.of % ids.length]!, i));
          }
          const now = views.of(log);
          expect(now).toEqual(currentView(log));
          handedOut.push({ views: now, json: JSON.stringify(now) });
        }
        for (const h of handedOut) expect(JSON.stringify(h.views)).toBe(h.json);
        expect(views.indexOf(log)).toEqual(blockIndexOf(log));
      }),
      { numRuns: 60 },
    );
  });

  it('should fold the whole log again after an erasure', async () => {
    const views = new BlockViews();
    let log = emptyBlockLog();
    for (const n of [701, 702]) log = await appendEntry(log, entry({ id: uuid(n) }));
    expect(views.of(log)).toHaveLength(2);
    const erased = eraseRecords(log, new Set([uuid(701)]), 'retention', new Date()).log;
    expect(views.of(erased).map((v) => v.original.id)).toEqual([uuid(702)]);
    expect(views.indexOf(erased)).toEqual(blockIndexOf(erased));
    // Appending after the erasure folds only the new entry, still matching a full fold.
    const next = await appendEntry(erased, entry({ id: uuid(703) }));
    expect(views.of(next)).toEqual(currentView(next));
  });
});

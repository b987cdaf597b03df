import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detect } from '../../lib/detect';
import { CRITERION_IDS } from '../../lib/policy/schema';

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 10_000 }),
  // Words the rules know, mixed with noise, so matching code paths actually run.
  fc
    .array(
      fc.constantFrom(
        'fuck',
        'f*ck',
        'c u n t',
        'I\u2019ll',
        'kill',
        'you',
        'PC 1234',
        'LE2 3AB',
        '14 Elm Road',
        'www.x.biz',
        'he',
        'did',
        'it',
        '"',
        "'",
        '.',
        '?',
        '\u200b',
        'ｆｕｃｋ',
        '🙂',
        'é',
        '\n',
        'grass',
        'raid',
        'tomorrow',
        '07700 900123',
      ),
      { maxLength: 200 },
    )
    .map((ws) => ws.join(' ')),
);

describe('detect properties', () => {
  it('should never throw, and offsets should always be in range and point at the excerpt', () => {
    fc.assert(
      fc.property(text, (t) => {
        const findings = detect(t, {
          protectedNames: [{ name: 'Jane Doe', role: 'witness' }],
          recentByAuthor: [t.slice(0, 50)],
          operations: ['Operation Falcon'],
          activeCases: ['R v Smith'],
        });
        for (const f of findings) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(t.length);
          expect(f.end).toBeGreaterThan(f.start);
          expect(t.slice(f.start, f.end)).toBe(f.excerpt);
          expect(CRITERION_IDS).toContain(f.criterion);
          expect(f.explanation.length).toBeGreaterThan(5);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('should map folded offsets back to the original text', () => {
    const t = 'well F\u200bu\u200bc\u200bk that';
    const [f] = detect(t).filter((x) => x.criterion === 'offensive-language');
    expect(f?.excerpt).toBe('F\u200bu\u200bc\u200bk');
  });

  it('should honour enabledCriteria and the allow-list', () => {
    expect(detect('what the fuck', { enabledCriteria: ['spam'] })).toEqual([]);
    expect(detect('what the fuck', { allowList: ['fuck'] })).toEqual([]);
  });
});

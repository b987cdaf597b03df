import { describe, expect, it } from 'vitest';
import { RULES, fold } from '../../lib/detect';
import { COMPACT_CODE_CHARS, LARGE_PATTERN_CHARS, compactCode } from '../../lib/detect/rule';
import { threatRules } from '../../lib/detect/rules/threats';
import { COMMENTS } from '../../scripts/demo/comments.mjs';
import { allCases } from './cases';

/** Every match of `re` in `text`: where, what, and the named groups. */
function matches(re: RegExp, text: string) {
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  const out: [number, string, Record<string, string | undefined> | undefined][] = [];
  for (let m = global.exec(text); m !== null && out.length < 100; m = global.exec(text)) {
    out.push([m.index, m[0], m.groups ? { ...m.groups } : undefined]);
    if (m[0].length === 0) global.lastIndex += 1;
  }
  return out;
}

describe('compactCode', () => {
  it('should leave short patterns, and ones already past the limit, as they are', () => {
    const short = /(?<![a-z])kill (?:him|her)(?![a-z])/g;
    expect(compactCode(short)).toBe(short);
    const long = new RegExp(`(?:${'a|'.repeat(COMPACT_CODE_CHARS / 2)}b)`, 'g');
    expect(compactCode(long)).toBe(long);
  });

  it('should pad a large pattern just past the limit, keeping its flags and its matches', () => {
    const words = Array.from({ length: 900 }, (_, i) => `word${i}`).join('|');
    const large = new RegExp(`(?<![a-z0-9])(?<hit>${words})(?![a-z0-9])`, 'gu');
    expect(large.source.length).toBeGreaterThanOrEqual(LARGE_PATTERN_CHARS);
    const compact = compactCode(large);
    expect(compact).not.toBe(large);
    expect(compact.flags).toBe(large.flags);
    expect(compact.source.length).toBeGreaterThanOrEqual(COMPACT_CODE_CHARS);
    expect(compact.source.length).toBeLessThan(COMPACT_CODE_CHARS + 4);
    for (const text of ['word12 and word899, not word9000', 'xword5', '']) {
      expect(matches(compact, text)).toEqual(matches(large, text));
    }
  });

  it('should give the built-in rules the same matches as their patterns as written', () => {
    const written = new Map(
      threatRules.flatMap((r) => (r.kind === 'pattern' ? [[r.id, r.pattern] as const] : [])),
    );
    const compacted = RULES.filter(
      (r) => r.kind === 'pattern' && written.has(r.id) && written.get(r.id) !== r.pattern,
    );
    // The four threat patterns built on THREAT_CORE are the large ones today.
    expect(compacted.length).toBeGreaterThanOrEqual(4);
    const texts = [
      ...allCases.flatMap((c) => [...c.flag, ...c.noFlag].map((k) => k.text)),
      ...RULES.flatMap((r) =>
        [...r.examples.flag, ...r.examples.noFlag].map((e) => (typeof e === 'string' ? e : e.text)),
      ),
      ...COMMENTS.map((c) => c.text),
    ];
    expect(texts.length).toBeGreaterThan(800);
    for (const r of compacted) {
      if (r.kind !== 'pattern') continue;
      const original = written.get(r.id)!;
      for (const text of texts) {
        // Folded as the engine runs them, and with a character outside Latin-1 (V8 compiles
        // a second version of each pattern for such text).
        for (const hay of [fold(text).text, `${fold(text).text} \u2019🙂`]) {
          expect(matches(r.pattern, hay), `${r.id} on ${JSON.stringify(hay)}`).toEqual(
            matches(original, hay),
          );
        }
      }
    }
  });
});

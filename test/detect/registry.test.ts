import { describe, expect, it } from 'vitest';
import { RULES, buildEngine, detect, RuleError } from '../../lib/detect';
import { CRITERION_IDS } from '../../lib/policy/schema';
import { rule } from '../../lib/detect/rule';

const asCase = (e: string | { text: string; context?: object }) =>
  typeof e === 'string' ? { text: e, context: {} } : { text: e.text, context: e.context ?? {} };

describe('rule registry', () => {
  it('should have unique rule ids', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('should cover every criterion with at least one rule', () => {
    const covered = new Set(RULES.flatMap((r) => [r.criterion, ...(r.also ?? [])]));
    for (const id of CRITERION_IDS) expect(covered.has(id), id).toBe(true);
  });

  it.each(RULES.map((r) => [r.id, r] as const))(
    'should flag and not flag its own examples: %s',
    (_id, r) => {
      expect(r.examples.flag.length).toBeGreaterThan(0);
      expect(r.examples.noFlag.length).toBeGreaterThan(0);
      for (const ex of r.examples.flag.map(asCase)) {
        const hit = detect(ex.text, ex.context).some(
          (f) => f.ruleId === r.id || (f.criterion === r.criterion && f.start >= 0),
        );
        expect(hit, `${r.id} should flag: ${ex.text}`).toBe(true);
      }
      for (const ex of r.examples.noFlag.map(asCase)) {
        const own = detect(ex.text, ex.context).filter((f) => f.ruleId === r.id);
        expect(
          own.map((f) => f.excerpt),
          `${r.id} should not flag: ${ex.text}`,
        ).toEqual([]);
      }
    },
  );
});

describe('buildEngine', () => {
  const ok = {
    id: 'test.ok',
    kind: 'lexicon' as const,
    criterion: 'offensive-language' as const,
    confidence: 'high' as const,
    explain: 'Uses {excerpt}',
    terms: ['blargh'],
    examples: { flag: ['blargh'], noFlag: ['fine'] },
  };

  it('should build from valid rules and use them', () => {
    const e = buildEngine([rule(ok)]);
    expect(e.detect('oh blargh').map((f) => f.excerpt)).toEqual(['blargh']);
  });

  it('should reject a rule without must-not-flag examples, naming it', () => {
    expect(() =>
      buildEngine([{ ...ok, id: 'test.bad', examples: { flag: ['x'], noFlag: [] } }]),
    ).toThrow(/Rule "test\.bad": examples\.noFlag/);
  });

  it('should reject duplicate ids', () => {
    expect(() => buildEngine([ok, ok])).toThrow(RuleError);
  });

  it('should reject a pattern without the g flag or matching the empty string', () => {
    const p = { ...ok, kind: 'pattern' as const, on: 'folded' as const, id: 'test.pattern' };
    expect(() => buildEngine([{ ...p, pattern: /abc/ }])).toThrow(
      /Rule "test\.pattern": pattern must have the g flag/,
    );
    expect(() => buildEngine([{ ...p, pattern: /a*/g }])).toThrow(/matches the empty string/);
  });

  it('should reject upper-case lexicon terms and unknown criteria', () => {
    expect(() => buildEngine([{ ...ok, terms: ['Blargh'] }])).toThrow(
      /Rule "test\.ok": term "Blargh"/,
    );
    expect(() => buildEngine([{ ...ok, criterion: 'nope' as never }])).toThrow(
      /Rule "test\.ok": criterion/,
    );
  });
});

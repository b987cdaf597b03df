import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detect } from '../../lib/detect';
import { checkPattern, MAX_PATTERN_LENGTH } from '../../lib/rules-safety';

describe('checkPattern', () => {
  it.each([
    ['cheap\\s+pills'],
    ['\\bbuy (?:followers|likes)\\b'],
    ['[a-z0-9.]+@example\\.com'],
    ['(?<name>op)eration\\s+\\w+'],
    ['\\p{L}+ville'],
  ])('should accept the safe pattern %s', (src) => {
    expect(checkPattern(src)).toEqual({ ok: true });
  });

  it.each([
    ['(', 'is never closed'],
    ['a)', 'with no "("'],
    ['*abc', 'nothing before it to repeat'],
    ['[abc', '"[" is never closed'],
    ['a{3,1}', 'first number is larger'],
    ['\\-', 'cannot be escaped here'],
  ])('should refuse the invalid pattern %s, saying why', (src, says) => {
    const r = checkPattern(src);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/^This is not a valid regular expression/);
    expect(r.message).toContain(says);
    // The raw engine prefix, with its slashes and flags, is not shown to the moderator.
    expect(r.message).not.toContain('/giu');
  });

  it.each([['(a+)+$'], ['(x+x+)+y'], ['^(\\w+\\s?)+$'], ['(.*a){12}'], ['([a-z]*)*@']])(
    'should refuse %s, which can backtrack catastrophically',
    (src) => {
      const r = checkPattern(src);
      expect(r).toEqual({ ok: false, message: expect.stringContaining('freeze') });
    },
  );

  it('should refuse look-behind, which the safety check cannot read, with its own message', () => {
    const r = checkPattern('(?<!not )guilty');
    expect(r).toEqual({ ok: false, message: expect.stringContaining('Look-behind') });
  });

  it.each([['a*'], ['(?:)'], ['x?'], ['^']])(
    'should refuse %s, which matches empty text and so every comment',
    (src) => {
      expect(checkPattern(src)).toEqual({ ok: false, message: expect.stringContaining('empty') });
    },
  );

  it('should refuse an empty pattern and one over the length cap', () => {
    expect(checkPattern('   ')).toEqual({ ok: false, message: 'Enter a regular expression.' });
    expect(checkPattern('a'.repeat(MAX_PATTERN_LENGTH)).ok).toBe(true);
    const long = checkPattern('a'.repeat(MAX_PATTERN_LENGTH + 1));
    expect(long).toEqual({
      ok: false,
      message: expect.stringContaining(`limit is ${MAX_PATTERN_LENGTH}`),
    });
  });

  it('should only accept patterns the engine compiles and uses', () => {
    // Whatever is accepted must compile with the engine's flags and work as a custom rule.
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z()|+*?\\.[\]{}0-9,^$-]{1,12}$/), (src) => {
        const r = checkPattern(src);
        if (!r.ok) {
          expect(r.message.length).toBeGreaterThan(10);
          return;
        }
        expect(() => new RegExp(src, 'giu')).not.toThrow();
        expect(() =>
          detect('some text to scan', {
            customRules: [{ id: 'p', criterion: 'spam', pattern: src }],
          }),
        ).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

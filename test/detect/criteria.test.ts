import { describe, expect, it } from 'vitest';
import { detect } from '../../lib/detect';
import { allCases } from './cases';

/** The functional tables: per criterion, texts that must flag and texts that must not. */
describe.each(allCases)('$criterion', ({ criterion, flag, noFlag }) => {
  it.each(flag.map((c) => [c.text, c] as const))('should flag: %s', (_t, c) => {
    const found = detect(c.text, c.context ?? {}).filter((f) => f.criterion === criterion);
    expect(found.length, `no ${criterion} finding`).toBeGreaterThan(0);
    if (c.expect) {
      const lo = c.text.toLowerCase();
      const at = lo.indexOf(c.expect.toLowerCase());
      const overlaps = found.some((f) => f.start < at + c.expect!.length && at < f.end);
      expect(
        overlaps,
        `no finding overlaps "${c.expect}": ${JSON.stringify(found.map((f) => f.excerpt))}`,
      ).toBe(true);
    }
  });
  it.each(noFlag.map((c) => [c.text, c] as const))('should not flag: %s', (_t, c) => {
    const found = detect(c.text, c.context ?? {}).filter((f) => f.criterion === criterion);
    expect(found.map((f) => `${f.ruleId}: ${f.excerpt}`)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { RULES, buildEngine } from '../../lib/detect';
import { TOKEN_MEMO_LIMIT } from '../../lib/detect/engine';
import { allCases } from './cases';

const cases = allCases.flatMap((c) => [...c.flag, ...c.noFlag]);

describe("the engine's word memo", () => {
  it('should give the same findings whatever the engine has read before, and after it is emptied', () => {
    const forwards = buildEngine(RULES);
    const backwards = buildEngine(RULES);
    const first = cases.map((k) => forwards.detect(k.text, k.context));
    const reversed = [...cases].reverse().map((k) => backwards.detect(k.text, k.context));
    expect(reversed.reverse()).toEqual(first);
    // Read again from the memo: the same.
    expect(cases.map((k) => forwards.detect(k.text, k.context))).toEqual(first);
    // More distinct words than the memo keeps: it starts afresh, and nothing changes.
    const unique = Array.from({ length: TOKEN_MEMO_LIMIT + 10 }, (_, i) => `zq${i.toString(36)}`);
    expect(forwards.detect(unique.join(' '))).toEqual([]);
    expect(cases.map((k) => forwards.detect(k.text, k.context))).toEqual(first);
  });
});

import { describe, expect, it } from 'vitest';
import { RULES, buildEngine, detect, warmUpSteps } from '../../lib/detect';

describe('warmUpSteps', () => {
  it('should compile each pattern in a step of its own, and leave detect() answering as before', () => {
    const steps = warmUpSteps();
    const patterns = RULES.filter((r) => r.kind === 'pattern').length;
    // One step per pattern, one to build the engine, one per rule for its examples.
    expect(steps).toHaveLength(patterns + 1 + RULES.length);
    for (const step of steps) step();

    const fresh = buildEngine(RULES);
    const texts = [
      "I'm going to stab him when I see him",
      'PC 4471 is bent and takes bribes 🙂',
      'Thanks for the update, officers',
    ];
    for (const text of texts) expect(detect(text)).toEqual(fresh.detect(text));
    // Compiling a pattern must not leave it part-way through a string.
    for (const r of RULES) if (r.kind === 'pattern') expect(r.pattern.lastIndex).toBe(0);
  });
});

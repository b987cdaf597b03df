import { buildEngine, type Engine } from './engine';
import { RULES } from './rules';
import type { DetectContext, Finding } from './types';

export type * from './types';
export { buildEngine, RuleError, type Engine } from './engine';
export { fold } from './normalise';

let engine: Engine | null = null;
/** The engine, built on first use (see `warmUpSteps`). */
const built = (): Engine => (engine ??= buildEngine(RULES));

/**
 * Check one comment against the Annex 1 criteria. Pure: no DOM, no browser API, never throws
 * on any string. Offsets are UTF-16 indices into `text`; `text.slice(f.start, f.end) === f.excerpt`.
 *
 * @example
 * detect('PC 4471 is bent and takes bribes');
 * // [{ criterion: 'identifies-officer', action: 'remove', ruleId: 'officer.unsafe-identification',
 * //    start: 0, end: 7, excerpt: 'PC 4471', confidence: 'high', explanation: '…' }]
 */
export function detect(text: string, context: DetectContext = {}): Finding[] {
  return built().detect(text, context);
}

/**
 * The engine's start-up work as short steps, for a page that must not be blocked: run them in
 * separate tasks before the first `detect` (which otherwise does all of it at once).
 *
 * A regular expression is compiled the first time it runs, and the largest threat patterns
 * (~10,000 characters each) took ~15–60 ms apiece to compile (~5–15 ms since they are compiled
 * compactly, `compactCode` in rule.ts). Building the engine runs every pattern once (to refuse
 * one that matches the empty string), so at load it used to be one task of ~80 ms in Chromium. Here each pattern is compiled in a step of its own, then the engine is
 * built, then each rule's own examples are checked once, with and without a character outside
 * Latin-1 (V8 compiles a pattern again for such text, and again when a pattern is used often),
 * which compiles everything else the rule uses.
 *
 * @example
 * for (const step of warmUpSteps()) { step(); await nextTask(); }
 */
export function warmUpSteps(): Array<() => void> {
  const steps: Array<() => void> = [];
  for (const rule of RULES) {
    if (rule.kind !== 'pattern') continue;
    const { pattern } = rule;
    steps.push(() => {
      pattern.test('');
      pattern.lastIndex = 0;
    });
  }
  steps.push(() => void built());
  for (const rule of RULES) {
    steps.push(() => {
      for (const example of rule.examples.flag) {
        const { text, context } = typeof example === 'string' ? { text: example } : example;
        built().detect(text, context);
        built().detect(text, context);
        built().detect(`${text} \u2019🙂`, context);
      }
    });
  }
  return steps;
}

export const RULE_COUNT = RULES.length;
export { RULES };

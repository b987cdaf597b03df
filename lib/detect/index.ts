import { buildEngine } from './engine';
import { RULES } from './rules';
import type { DetectContext, Finding } from './types';

export type * from './types';
export { buildEngine, RuleError, type Engine } from './engine';
export { fold } from './normalise';

const engine = buildEngine(RULES);

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
  return engine.detect(text, context);
}

export const RULE_COUNT = RULES.length;
export { RULES };

import { compactCode, type Rule } from '../rule';
import { courtRules } from './court';
import { crimeRules } from './crime';
import { hateRules } from './hate';
import { identifyRules } from './identify';
import { offensiveRules } from './offensive';
import { officerRules } from './officer';
import { sensitiveRules } from './sensitive';
import { spamRules } from './spam';
import { threatRules } from './threats';

/** Every built-in rule, registered in one list; large patterns compile compactly (compactCode). */
export const RULES: readonly Rule[] = [
  ...identifyRules,
  ...officerRules,
  ...offensiveRules,
  ...hateRules,
  ...threatRules,
  ...courtRules,
  ...spamRules,
  ...sensitiveRules,
  ...crimeRules,
].map((r) => {
  if (r.kind !== 'pattern') return r;
  const pattern = compactCode(r.pattern);
  return pattern === r.pattern ? r : { ...r, pattern };
});

import type { CriterionId } from '../../../lib/policy/schema';
import type { DetectContext } from '../../../lib/detect/types';

/** One functional test text: what a member of the public might post, and the context it was read in. */
export interface Case {
  text: string;
  context?: DetectContext;
  /** why, for contrast cases */
  why?: string;
  /** for flag cases: a word or phrase the finding's excerpt must overlap */
  expect?: string;
}

/**
 * The flag / no-flag table for one Annex 1 criterion. A flag case means `detect(text, context)`
 * returns at least one finding with this criterion; a noFlag case means none with this criterion
 * (other criteria may still fire).
 */
export interface CriterionCases {
  criterion: CriterionId;
  flag: Case[];
  noFlag: Case[];
}

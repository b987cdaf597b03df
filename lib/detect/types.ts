import type { Action, CriterionId } from '../policy/schema';

export type Confidence = 'high' | 'medium' | 'low';

/** What one rule found in one text. Offsets are UTF-16 code-unit indices into the ORIGINAL text. */
export interface Finding {
  criterion: CriterionId;
  action: Action;
  ruleId: string;
  /** Start offset (inclusive) into the original text. */
  start: number;
  /** End offset (exclusive) into the original text; `text.slice(start, end) === excerpt`. */
  end: number;
  excerpt: string;
  confidence: Confidence;
  /** One line a moderator can read: why this was flagged. */
  explanation: string;
}

export type ProtectedRole = 'victim' | 'witness' | 'suspect' | 'officer' | 'protected-by-order';

export interface ProtectedName {
  name: string;
  variants?: string[];
  role: ProtectedRole;
  caseRef?: string;
}

export interface CustomRuleSpec {
  id: string;
  criterion: CriterionId;
  /** Plain words/phrases (matched on word boundaries after normalisation) … */
  words?: string[];
  /** … or one regular expression source (already checked for safety by the settings page). */
  pattern?: string;
}

/** What the moderator's settings know, passed to every `detect` call. */
export interface DetectContext {
  protectedNames?: ProtectedName[];
  /** Active case names/references (e.g. "R v Smith", "24/1234"). */
  activeCases?: string[];
  /** Operation names ("Operation Falcon", or just "Falcon"). */
  operations?: string[];
  /** Terms the moderator has allowed; a finding whose excerpt is allow-listed is dropped. */
  allowList?: string[];
  /** Recent messages by the same author, newest first, for repeat detection. */
  recentByAuthor?: string[];
  /** Criteria switched on; all when absent. */
  enabledCriteria?: CriterionId[];
  customRules?: CustomRuleSpec[];
}

import type { Confidence, DetectContext, Finding } from '../detect/types';
import { POLICY, criterion, type CriterionId } from '../policy';
import type { Author } from '../sites/types';
import type { Settings } from '../storage/settings';

const CONFIDENCE_RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

/** Findings the moderator asked to see: criterion switched on, confidence at or above the minimum. */
export function visibleFindings(findings: readonly Finding[], settings: Settings): Finding[] {
  const enabled = new Set<CriterionId>(settings.enabledCriteria);
  const min = CONFIDENCE_RANK[settings.minConfidence];
  return findings.filter((f) => enabled.has(f.criterion) && CONFIDENCE_RANK[f.confidence] >= min);
}

/** The engine context for one comment: the settings plus that author's earlier comments. */
export function contextFromSettings(
  settings: Settings,
  recentByAuthor: string[] = [],
): DetectContext {
  return {
    protectedNames: settings.protectedNames,
    activeCases: settings.activeCases,
    operations: settings.operations,
    allowList: settings.allowList,
    customRules: settings.customRules,
    enabledCriteria: settings.enabledCriteria,
    recentByAuthor,
  };
}

/**
 * A key that changes whenever anything that affects what is flagged changes, so the scan cache
 * can tell a settings change from a no-op write. `paused`/`disabledSites` are left out: they
 * switch the overlay off without changing what a comment would show.
 */
export function settingsKey(settings: Settings, policyVersion: string): string {
  const { paused: _paused, disabledSites: _sites, ...rest } = settings;
  return `${policyVersion}|${JSON.stringify(rest)}`;
}

export type Severity = 'crime' | 'remove';

export function isCrime(f: Finding): boolean {
  return f.action === 'report-crime' || criterion(f.criterion).action === 'report-crime';
}

export function severityOf(findings: readonly Finding[]): Severity {
  return findings.some(isCrime) ? 'crime' : 'remove';
}

/** Criterion ids in policy order, each once. */
export function criteriaOf(findings: readonly Finding[]): CriterionId[] {
  const ids = new Set(findings.map((f) => f.criterion));
  return [...ids].sort((a, b) => order(a) - order(b));
}

const POLICY_INDEX = new Map<CriterionId, number>(POLICY.criteria.map((c, i) => [c.id, i]));

function order(id: CriterionId): number {
  // Crime criteria first: they are the ones that need action beyond the platform.
  const crime = criterion(id).action === 'report-crime';
  return (crime ? 0 : 100) + (POLICY_INDEX.get(id) ?? 99);
}

/**
 * Remembers the last few comments by each author on this page, newest first, for the engine's
 * repeated-message check. Both the number of authors and the comments per author are capped so
 * an endless feed cannot grow it without bound.
 */
export class RecentByAuthor {
  private readonly byAuthor = new Map<string, { key: string; text: string }[]>();

  constructor(
    private readonly perAuthor = 10,
    private readonly maxAuthors = 1000,
  ) {}

  /** Earlier comments by this author, newest first, not counting the comment `key` itself. */
  before(author: Author, key: string): string[] {
    const id = authorId(author);
    if (!id) return [];
    return (this.byAuthor.get(id) ?? []).filter((c) => c.key !== key).map((c) => c.text);
  }

  remember(author: Author, key: string, text: string): void {
    const id = authorId(author);
    if (!id || text.trim() === '') return;
    const list = (this.byAuthor.get(id) ?? []).filter((c) => c.key !== key);
    list.unshift({ key, text });
    if (list.length > this.perAuthor) list.length = this.perAuthor;
    // Re-inserting moves the author to the end, so the oldest-seen author is evicted first.
    this.byAuthor.delete(id);
    this.byAuthor.set(id, list);
    if (this.byAuthor.size > this.maxAuthors) {
      const oldest = this.byAuthor.keys().next().value;
      if (oldest !== undefined) this.byAuthor.delete(oldest);
    }
  }

  clear(): void {
    this.byAuthor.clear();
  }
}

function authorId(author: Author): string | undefined {
  return author.handle?.toLowerCase() ?? author.profileUrl ?? author.displayName;
}

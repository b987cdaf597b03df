import type { CriterionId, Platform } from '../policy/schema';
import type { BlockLog, ChainedRecord, ExportLink, Tombstone } from './schemas';
import { allLinks, type BlockStatus, type BlockView, type VerifyResult } from './chain';
import { londonDate } from './time';
import { blockRowOf, type BlockRow } from './blockIndex';

/**
 * What the block log's search form asks for. Empty strings mean "any". `from` and `to` are London
 * calendar days (YYYY-MM-DD), inclusive, compared with the day the entry was first logged.
 *
 * @example
 * const q: BlockLogQuery = { search: '@jbl', platform: 'x', from: '2026-11-01' };
 */
export interface BlockLogQuery {
  search?: string;
  platform?: Platform | '';
  accountId?: string;
  criterion?: CriterionId | '';
  status?: BlockStatus | '';
  from?: string;
  to?: string;
}

/**
 * Search text as it is matched: trimmed, lower case, without a leading `@`.
 *
 * @example
 * normaliseSearch('  @JBloggs '); // 'jbloggs'
 */
export function normaliseSearch(search: string): string {
  return search.trim().toLowerCase().replace(/^@/, '');
}

/**
 * Whether one entry's row (see blockIndex.ts) matches the query. The search text matches any part
 * of the handle, display name or profile URL, ignoring case and a leading `@`.
 *
 * @example
 * matchesBlockRow(row, { search: 'blog', status: 'blocked' }); // true for @jbloggs, blocked
 */
export function matchesBlockRow(row: BlockRow, query: BlockLogQuery): boolean {
  const q = normaliseSearch(query.search ?? '');
  if (q) {
    const u = row.user;
    const hit = [u.handle, u.displayName, u.profileUrl].some((s) =>
      s?.toLowerCase().replace(/^@/, '').includes(q),
    );
    if (!hit) return false;
  }
  if (query.platform && row.platform !== query.platform) return false;
  if (query.accountId && row.account.id !== query.accountId) return false;
  if (query.criterion && !row.criteria.includes(query.criterion)) return false;
  if (query.status && row.status !== query.status) return false;
  if (query.from || query.to) {
    const day = londonDate(row.createdAt);
    if (query.from && day < query.from) return false;
    if (query.to && day > query.to) return false;
  }
  return true;
}

/**
 * Whether one entry (as it currently reads) matches the query: `matchesBlockRow` on its row.
 *
 * @example
 * matchesBlockQuery(view, { search: 'blog', status: 'blocked' }); // true for @jbloggs, blocked
 */
export function matchesBlockQuery(view: BlockView, query: BlockLogQuery): boolean {
  return matchesBlockRow(blockRowOf(view), query);
}

/**
 * Every row the query matches, in the order given. The block log tab filters the whole index with
 * this (the list only draws the matching rows in view), so a search always covers every entry.
 *
 * @example
 * filterBlockRows(blockIndexOf(log).rows.toReversed(), { search: 'jbloggs' });
 */
export function filterBlockRows(rows: readonly BlockRow[], query: BlockLogQuery): BlockRow[] {
  return rows.filter((r) => matchesBlockRow(r, query));
}

/**
 * Every view the query matches, in the order given.
 *
 * @example
 * filterBlockViews(currentView(log).reverse(), { search: 'jbloggs' });
 * currentView(log).filter((v) => v.status === 'blocked');
 */
export function filterBlockViews(views: readonly BlockView[], query: BlockLogQuery): BlockView[] {
  return views.filter((v) => matchesBlockQuery(v, query));
}

/**
 * The links of the chain that belong to one entry: the entry and its amendments, in chain order.
 *
 * @example
 * linksOfEntry(log, view.original.id).map((l) => l.seq); // [3, 7, 9]
 */
export function linksOfEntry(log: BlockLog, entryId: string): ChainedRecord[] {
  return log.records.filter(
    (r) => (r.kind === 'entry' ? r.record.id : r.record.entryId) === entryId,
  );
}

/** The set-aside links of a log, named for Verify and the report: position, id and why. */
function setAsideText(erased: readonly SetAsideLink[]): string {
  const links = erased.filter((t) => t.reason === 'set-aside');
  if (links.length === 0) return '';
  const named = links
    .slice(0, 3)
    .map((t) => `record ${t.seq} (${t.kind}, id ${t.id}${t.problem ? `: ${t.problem}` : ''})`)
    .join('; ');
  const more = links.length > 3 ? `; and ${links.length - 3} more` : '';
  return `${links.length === 1 ? '1 record was' : `${links.length} records were`} set aside because the stored copy is not valid: ${named}${more}. The stored copy is kept under quarantine (see data problems); only the hash is in the chain.`;
}

type SetAsideLink = Pick<Tombstone, 'seq' | 'kind' | 'id' | 'reason' | 'problem'>;

function detailsText(erased: readonly SetAsideLink[], result: VerifyResult): string {
  const parts: string[] = [];
  const { counts, head, warnings } = result;
  const setAside = setAsideText(erased);
  if (setAside) parts.push(setAside);
  if (counts && counts.erased > 0) {
    parts.push(
      `${counts.erased} of them ${counts.erased === 1 ? 'was' : 'were'} erased: only ${counts.erased === 1 ? 'its hash remains' : 'their hashes remain'}.`,
    );
  }
  if (counts && counts.redacted > 0) {
    parts.push(
      `${counts.redacted} ${counts.redacted === 1 ? 'is another user’s record' : 'are other users’ records'}, present as hashes only.`,
    );
  }
  if (head) {
    parts.push(
      head.count === 0
        ? `The chain is empty: head hash ${head.headHash}.`
        : `The chain ends at record ${head.lastSeq}, head hash ${head.headHash}.`,
    );
  }
  for (const w of warnings ?? []) {
    parts.push(
      w.kind === 'time-backwards'
        ? `Warning: record ${w.seq} is dated ${w.at}, earlier than record ${w.previousSeq} before it (${w.previousAt}); a clock may have been wrong.`
        : `Warning: ${w.message}.`,
    );
  }
  return parts.map((p) => ` ${p}`).join('');
}

/**
 * A verification result in words, naming the first record that fails (its position, whether it
 * is an entry or an amendment, whose entry, its id and why), for the popup and the printed report.
 * Records set aside as unreadable (`salvageBlockLog`) are named. A result from `auditChain` also
 * says how many records were erased, where the chain ends (its
 * head hash, for the investigator to write down) and which records are dated earlier than the one
 * before them.
 *
 * @example
 * describeVerification(log, await verifyChain(log));
 * // 'Chain verified: all 12 records are intact.'
 * describeVerification(log, await auditChain(log));
 * // 'Chain verified: all 12 records are intact. The chain ends at record 11, head hash 3f…'
 */
export function describeVerification(
  log: { records: readonly ExportLink[]; erased?: readonly Tombstone[] },
  result: VerifyResult,
): string {
  if (result.ok) {
    return `Chain verified: all ${result.count} records are intact.${detailsText(log.erased ?? [], result)}`;
  }
  // `firstBadSeq` is a position in the whole chain, erased and set-aside links included.
  const link = allLinks(log)[result.firstBadSeq];
  const hashOnly = link && !('record' in link);
  const what =
    (hashOnly ? ('setAside' in link && link.setAside ? 'set-aside ' : 'erased ') : '') +
    (link?.kind === 'amendment' ? 'amendment' : 'entry');
  let who = '';
  // The record failed verification, so its fields are read with care, not as its type says.
  if (
    link?.kind === 'entry' &&
    'record' in link &&
    typeof link.record === 'object' &&
    link.record !== null
  ) {
    const user = (link.record as { user?: { handle?: unknown; profileUrl?: unknown } }).user;
    const name = user?.handle ?? user?.profileUrl;
    if (typeof name === 'string') who = ` for ${name}`;
  }
  const id = result.id ? `, id ${result.id}` : '';
  const setAside = setAsideText(log.erased ?? []);
  return `Verification failed at record ${result.firstBadSeq} (${what}${who}${id}): ${result.reason}.${setAside ? ` ${setAside}` : ''}`;
}

import { formatLondon, type RepeatStatus } from '../records';
import { STATE_TEXT } from './draft';
import type { StatusSummary } from './protocol';

/**
 * A London calendar day as "3 Nov": short enough for the in-page chip; the popup shows the full
 * time.
 *
 * @example
 * shortLondonDate('2026-11-03T23:30:00.000Z'); // '3 Nov'
 */
export function shortLondonDate(iso: string): string {
  return formatLondon(iso).split(' ').slice(0, 2).join(' ');
}

/**
 * The state in a few words for the page: "repeat caller", "advised 3 Nov", "blocked".
 *
 * @example
 * pageStateText(status); // 'advised 3 Nov'
 */
export function pageStateText(s: RepeatStatus): string {
  if (s.state === 'advised' && s.advisedAt) return `advised ${shortLondonDate(s.advisedAt)}`;
  if (s.state === 'continued-after-advice' && s.advisedAt)
    return `continued after advice (${shortLondonDate(s.advisedAt)})`;
  return STATE_TEXT[s.state];
}

/**
 * One user's status as the background hands it to the page and the popup. The count always
 * names its window ("4 in 30 days"), so a number is never shown without what it counts.
 *
 * @example
 * summaryOf(userStatus('x:jbloggs', data, now)).text; // '5 in 30 days: repeat caller'
 */
export function summaryOf(s: RepeatStatus): StatusSummary {
  const count = `${s.countInWindow} in ${s.windowDays} days`;
  return {
    userKey: s.userKey,
    state: s.state,
    stateText: pageStateText(s),
    countInWindow: s.countInWindow,
    windowDays: s.windowDays,
    threshold: s.threshold,
    text: s.state === 'recorded' || s.state === 'none' ? count : `${count}: ${STATE_TEXT[s.state]}`,
    ...(s.advisedAt ? { advisedAt: s.advisedAt } : {}),
    ...(s.blockedAt ? { blockedAt: s.blockedAt } : {}),
    ...(s.notCounted > 0 ? { notCounted: s.notCounted } : {}),
  };
}

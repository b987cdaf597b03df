/**
 * Times are stored as UTC instants; only display and calendar-day filters use London time.
 *
 * @example
 * new Intl.DateTimeFormat('en-GB', { timeZone: LONDON });
 */
export const LONDON = 'Europe/London';

/**
 * One day as absolute time; the rolling window is a multiple of this, never of calendar days.
 *
 * @example
 * const windowMs = 30 * DAY_MS;
 */
export const DAY_MS = 24 * 60 * 60 * 1000;

// Fixed names: ICU's en-GB short month for September changed from "Sep" to "Sept", and exported
// or printed records should not depend on which ICU a browser ships.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

interface LondonParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function londonParts(ms: number): LondonParts {
  const out: Record<string, number> = {};
  for (const p of partsFormat.formatToParts(new Date(ms))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year ?? NaN,
    month: out.month ?? NaN,
    day: out.day ?? NaN,
    hour: out.hour ?? NaN,
    minute: out.minute ?? NaN,
    second: out.second ?? NaN,
  };
}

function toMs(instant: string | Date | number): number {
  const ms =
    instant instanceof Date
      ? instant.getTime()
      : typeof instant === 'number'
        ? instant
        : Date.parse(instant);
  if (!Number.isFinite(ms)) throw new RangeError(`not a time: ${String(instant)}`);
  return ms;
}

/**
 * A stored UTC time as a London wall-clock time for display (GMT or BST as it was then).
 *
 * @example
 * formatLondon('2026-11-03T14:05:00.000Z'); // '3 Nov 2026, 14:05'
 * formatLondon('2026-07-03T14:05:00.000Z'); // '3 Jul 2026, 15:05'
 */
export function formatLondon(instant: string | Date | number): string {
  const p = londonParts(toMs(instant));
  const hh = String(p.hour).padStart(2, '0');
  const mm = String(p.minute).padStart(2, '0');
  return `${p.day} ${MONTHS[p.month - 1]} ${p.year}, ${hh}:${mm}`;
}

/**
 * London's offset from UTC at an instant, in minutes (0 in winter, 60 in summer).
 *
 * @example
 * londonOffsetMinutes('2026-07-01T12:00:00Z'); // 60
 */
export function londonOffsetMinutes(instant: string | Date | number): number {
  const ms = toMs(instant);
  const p = londonParts(ms);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * The London calendar date of an instant, as YYYY-MM-DD.
 *
 * @example
 * londonDate('2026-07-01T23:30:00Z'); // '2026-07-02' (00:30 BST)
 */
export function londonDate(instant: string | Date | number): string {
  const p = londonParts(toMs(instant));
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/**
 * The UTC instant (ms) at which a London calendar day starts. Clock changes happen at 01:00 UTC,
 * never at midnight, so midnight always exists exactly once.
 *
 * @example
 * new Date(londonDayStart('2026-07-01')).toISOString(); // '2026-06-30T23:00:00.000Z'
 */
export function londonDayStart(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a calendar date: ${date}`);
  const wallMidnight = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // The offset at midnight UTC is the offset at London midnight: neither is within an hour of a change.
  return wallMidnight - londonOffsetMinutes(wallMidnight) * 60_000;
}

/**
 * The UTC instant (ms) at which the London day after `date` starts, i.e. the exclusive end.
 *
 * @example
 * new Date(londonDayEnd('2026-03-29')).toISOString(); // '2026-03-29T23:00:00.000Z' (a 23-hour day)
 */
export function londonDayEnd(date: string): number {
  const start = londonDayStart(date);
  // 36 hours after midnight is around noon the next day, whatever the clocks did.
  return londonDayStart(londonDate(start + DAY_MS + DAY_MS / 2));
}

import type { z } from 'zod';

/**
 * One stored record that failed its schema and was set aside on its own: where it was in its
 * list, its id if it had a readable one, and why it failed.
 *
 * @example
 * const bad: SetAside = { index: 3, id: '0b6f4a64-…', problem: 'at: Invalid ISO datetime' };
 */
export interface SetAside {
  index: number;
  id?: string;
  problem: string;
}

/** The records of a list that pass their schema, and those set aside. */
export interface SalvagedList<T> {
  kept: T[];
  setAside: SetAside[];
}

function firstIssue(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'invalid record';
  const path = first.path.map(String).join('.');
  return path ? `${path}: ${first.message}` : first.message;
}

function idOf(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as { id?: unknown; record?: { id?: unknown } };
  const id = r.record?.id ?? r.id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Checks each record of a stored list on its own, so one bad record is set aside while the rest
 * stay in use (a contact with a mistyped date must not take every other contact with it). Null
 * when `raw` is not a store of `field` at all (not an object, or `field` not an array): then there
 * is nothing record by record to keep and the whole value is set aside.
 *
 * @example
 * const r = salvageList(raw, 'contacts', ContactSchema);
 * r?.kept.length; // the contacts that passed
 */
export function salvageList<T>(
  raw: unknown,
  field: string,
  schema: z.ZodType<T>,
): SalvagedList<T> | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const list = (raw as Record<string, unknown>)[field];
  if (!Array.isArray(list)) return null;
  const kept: T[] = [];
  const setAside: SetAside[] = [];
  list.forEach((item: unknown, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) {
      kept.push(parsed.data);
      return;
    }
    const id = idOf(item);
    setAside.push({
      index,
      ...(id !== undefined ? { id } : {}),
      problem: firstIssue(parsed.error),
    });
  });
  return { kept, setAside };
}

/**
 * A one-line account of what was set aside, for the problems list.
 *
 * @example
 * describeSetAside([{ index: 3, problem: 'at: Invalid ISO datetime' }]);
 * // '1 record is not valid and was set aside (record 3: at: Invalid ISO datetime); the others are in use.'
 */
export function describeSetAside(setAside: readonly SetAside[]): string {
  const first = setAside[0];
  if (!first) return '';
  const n = setAside.length;
  const which = `record ${first.index}${first.id ? `, id ${first.id}` : ''}: ${first.problem}`;
  const more = n > 1 ? `; and ${n - 1} more` : '';
  return `${n} ${n === 1 ? 'record is' : 'records are'} not valid and ${n === 1 ? 'was' : 'were'} set aside (${which}${more}); the others are in use.`;
}

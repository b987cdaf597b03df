import { z } from 'zod';
import {
  ChainedRecordSchema,
  Sha256HexSchema,
  TombstoneSchema,
  type BlockLog,
  type Tombstone,
} from './schemas';
import { firstIssueText } from './chain';

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
      problem: firstIssueText(parsed.error.issues),
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

const LinkFrameSchema = z.object({
  seq: z.int().min(0),
  kind: z.enum(['entry', 'amendment']),
  prevHash: Sha256HexSchema,
  hash: Sha256HexSchema,
  record: z.object({ id: z.uuid(), entryId: z.uuid().optional() }).loose(),
});

/**
 * Checks a stored block log link by link, so one record that fails its schema does not take the
 * log with it, and the chain is never restarted. A bad link whose place in the chain can still be
 * read (seq, kind, hashes, ids) becomes a `set-aside` tombstone: the chain goes on past it, Verify
 * names it, and the next entry still follows the last link. One whose place cannot be read is left
 * out, and Verify then names the gap it leaves. Null when `raw` is not a block log at all.
 *
 * @example
 * const r = salvageBlockLog(raw, new Date());
 * r?.value.erased?.filter((t) => t.reason === 'set-aside'); // the links set aside
 */
export function salvageBlockLog(
  raw: unknown,
  now: Date,
): { value: BlockLog; setAside: SetAside[] } | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { schemaVersion, records, erased = [] } = raw as Record<string, unknown>;
  if (schemaVersion !== 1 || !Array.isArray(records) || !Array.isArray(erased)) return null;
  const kept = salvageList({ records }, 'records', ChainedRecordSchema)!;
  const stones = salvageList({ erased }, 'erased', TombstoneSchema)!;
  const setAside: SetAside[] = [...kept.setAside];
  const tombstones: Tombstone[] = [...stones.kept];
  for (const bad of kept.setAside) {
    const frame = LinkFrameSchema.safeParse(records[bad.index]);
    if (!frame.success) continue;
    const { seq, kind, prevHash, hash, record } = frame.data;
    const entryId = kind === 'entry' ? record.id : record.entryId;
    if (entryId === undefined) continue;
    tombstones.push({
      seq,
      kind,
      prevHash,
      hash,
      id: record.id,
      entryId,
      erasedAt: now.toISOString(),
      reason: 'set-aside',
      problem: bad.problem,
    });
  }
  for (const bad of stones.setAside) {
    setAside.push({ ...bad, problem: `erased link ${bad.index}: ${bad.problem}` });
  }
  tombstones.sort((a, b) => a.seq - b.seq);
  return {
    value: {
      schemaVersion: 1,
      records: kept.kept,
      ...(tombstones.length > 0 ? { erased: tombstones } : {}),
    },
    setAside,
  };
}

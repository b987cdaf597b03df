import { z } from 'zod';
import { CriterionIdSchema, PlatformSchema } from '../policy/schema';
import { currentView, type BlockStatus, type BlockView } from './chain';
import { IsoUtcSchema, type BlockLog } from './schemas';

const BLOCK_STATUSES = [
  'pending',
  'blocked',
  'resolved-without-block',
  'unblocked',
] as const satisfies readonly BlockStatus[];
// Both ways: a status added to the chain's views must be added here too.
type MissingStatus = Exclude<BlockStatus, (typeof BLOCK_STATUSES)[number]>;
const everyStatus: [MissingStatus] extends [never] ? true : never = true;
void everyStatus;

/**
 * One block log entry as the list shows it and the search and filters match it: the entry as it
 * currently reads (corrections applied), first logged at `createdAt`. Everything else (engagement,
 * advice, evidence, the chronology) is read from the log itself when the entry is opened.
 */
export const BlockRowSchema = z.object({
  id: z.uuid(),
  createdAt: IsoUtcSchema,
  platform: PlatformSchema,
  account: z.object({ id: z.string().min(1), label: z.string().min(1) }),
  user: z.object({
    handle: z.string().min(1).optional(),
    displayName: z.string().optional(),
    profileUrl: z.string().min(1).optional(),
  }),
  criteria: z.array(CriterionIdSchema),
  status: z.enum(BLOCK_STATUSES),
});
export type BlockRow = z.infer<typeof BlockRowSchema>;

/**
 * The block log's list (`local:blockLogIndex`): one small row per entry, in log order, and the
 * stamp of the log they were made from. At 10,000 entries the log itself is tens of megabytes and
 * takes Chromium a second or more to read; this is a few megabytes, so the Block log tab can list
 * and search at once. It is derived data, never the record: the background writes it in the same
 * storage call as every change of the log, rebuilds it when the two disagree, and anything that
 * needs more than a row (details, Verify, exports) reads the log.
 */
export const BlockIndexSchema = z.object({
  schemaVersion: z.literal(1),
  stamp: z.string().min(1),
  rows: z.array(BlockRowSchema),
});
export type BlockIndex = z.infer<typeof BlockIndexSchema>;

/**
 * The row of one entry.
 *
 * @example
 * blockRowOf(currentView(log)[0]!).status; // 'pending'
 */
export function blockRowOf(view: BlockView): BlockRow {
  const e = view.entry;
  const user: BlockRow['user'] = {};
  if (e.user.handle !== undefined) user.handle = e.user.handle;
  if (e.user.displayName !== undefined) user.displayName = e.user.displayName;
  if (e.user.profileUrl !== undefined) user.profileUrl = e.user.profileUrl;
  return {
    id: view.original.id,
    createdAt: view.original.createdAt,
    platform: e.platform,
    account: { id: e.account.id, label: e.account.label },
    user,
    criteria: [...e.criteria],
    status: view.status,
  };
}

/**
 * A short fingerprint of the whole chain (every link's hash, in order, and the tombstones), so an
 * index can be checked against the log it claims to list without comparing rows. FNV-1a over the
 * hashes: a few milliseconds at 10,000 entries; not a security measure (Verify is).
 *
 * @example
 * blockLogStamp(emptyBlockLog()); // '0:0:811c9dc5'
 */
export function blockLogStamp(log: BlockLog): string {
  let h = 0x811c9dc5;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 0x2c; // a separator, so ['ab','c'] and ['a','bc'] differ
    h = Math.imul(h, 0x01000193) >>> 0;
  };
  for (const link of log.records) mix(link.hash);
  const erased = log.erased ?? [];
  for (const t of erased) mix(`${t.seq}:${t.hash}`);
  return `${log.records.length}:${erased.length}:${h.toString(16).padStart(8, '0')}`;
}

/**
 * The index of `log` (rows in log order, oldest first).
 *
 * @example
 * const index = blockIndexOf(log);
 * index.rows.length; // one per entry
 */
export function blockIndexOf(log: BlockLog): BlockIndex {
  return {
    schemaVersion: 1,
    stamp: blockLogStamp(log),
    rows: currentView(log).map(blockRowOf),
  };
}

/**
 * Whether `index` lists exactly `log`.
 *
 * @example
 * if (!indexFits(index, log)) index = blockIndexOf(log);
 */
export function indexFits(index: BlockIndex | null, log: BlockLog): boolean {
  return index !== null && index.stamp === blockLogStamp(log);
}

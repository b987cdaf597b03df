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
  /**
   * Set on an entry of another installation's chain: where it came from, in words ("imported
   * from backup <file>, by <moderator>, <time>").
   */
  imported: z.string().max(600).optional(),
});
export type BlockRow = z.infer<typeof BlockRowSchema>;

/**
 * The block log's list: one small row per entry, in log order. At 10,000 entries the log itself
 * is tens of megabytes; this is a few, so the Block log tab can list and search at once. It is
 * derived data, never the record: the background makes it from the log it holds (`BlockViews`
 * keeps it from one log to the next) and sends it when the tab opens; anything that needs more
 * than a row (details, Verify, exports) is answered from the log.
 */
export const BlockIndexSchema = z.object({
  schemaVersion: z.literal(1),
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
 * The index of `log` (rows in log order, oldest first).
 *
 * @example
 * const index = blockIndexOf(log);
 * index.rows.length; // one per entry
 */
export function blockIndexOf(log: BlockLog): BlockIndex {
  return { schemaVersion: 1, rows: currentView(log).map(blockRowOf) };
}

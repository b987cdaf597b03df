import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { IsoUtcSchema, UserKeySchema, type RepeatState } from '../records';
import { checked, readChecked } from './records';
import { readSettings } from './settings';

const REPEAT_STATES = [
  'none',
  'recorded',
  'repeat-caller',
  'advised',
  'continued-after-advice',
  'block-recommended',
  'blocked',
] as const satisfies readonly RepeatState[];
// Both ways: a state added to the rule must be added here too.
type MissingState = Exclude<RepeatState, (typeof REPEAT_STATES)[number]>;
const everyState: [MissingState] extends [never] ? true : never = true;
void everyState;

/** One row of the repeat-caller list (or of those one contact short). */
export const OverviewRowSchema = z.object({
  personId: z.string().min(1),
  userKey: UserKeySchema,
  state: z.enum(REPEAT_STATES),
  countInWindow: z.int().min(0),
  windowDays: z.int().min(1),
  lastContactAt: IsoUtcSchema.optional(),
});
export type OverviewRow = z.infer<typeof OverviewRowSchema>;

/** What `repeat:overview` answers, and what the stored snapshot holds. */
export const RepeatOverviewSchema = z.object({
  /** On the list at `computedAt`, most recent contact first. */
  list: z.array(OverviewRowSchema),
  /** One counted contact short of the list at `computedAt`, most recent first. */
  near: z.array(OverviewRowSchema),
  /** Contacts held (duplicates of a comment counted once) and the user keys they are under. */
  counts: z.object({ contacts: z.int().min(0), users: z.int().min(0) }),
  windowDays: z.int().min(1),
  threshold: z.int().min(1),
  /** The moment the list was worked out for: the rolling window ends here. */
  computedAt: IsoUtcSchema,
});
export type RepeatOverview = z.infer<typeof RepeatOverviewSchema>;

export const RepeatOverviewSnapshotSchema = RepeatOverviewSchema.extend({
  schemaVersion: z.literal(1),
});
export type RepeatOverviewSnapshot = z.infer<typeof RepeatOverviewSnapshotSchema>;

/**
 * `local:repeatOverview`: the last repeat-caller list the background worked out, kept so the
 * popup can show a list at once while a background that has just started parses and indexes the
 * contacts (about half a second at 100,000). It is derived data, never the record: nothing is
 * looked up or written from it, the background writes it after working the list out, removes it
 * before an erasure, retention deletion or restore, and a value that fails its schema is ignored
 * (and replaced by the next list), not quarantined. It is deliberately not in `RECORD_ITEMS`, so
 * writing it does not make the popup reload.
 */
export const repeatOverviewItem = checked<RepeatOverviewSnapshot | null>(
  'repeatOverview',
  RepeatOverviewSnapshotSchema.nullable(),
  () => null,
);

/**
 * Stores `overview` as the snapshot (the background only).
 *
 * @example
 * await writeOverviewSnapshot(overview);
 */
export async function writeOverviewSnapshot(overview: RepeatOverview): Promise<void> {
  await repeatOverviewItem.item.setValue({ schemaVersion: 1, ...overview });
}

/**
 * Removes the snapshot (before records it may name are erased or replaced).
 *
 * @example
 * await removeOverviewSnapshot();
 */
export async function removeOverviewSnapshot(): Promise<void> {
  await storage.removeItem(repeatOverviewItem.key);
}

/**
 * The stored snapshot, if there is one that passes its schema and was worked out with the
 * window the settings now name (a list counted over 30 days is not shown as a 14-day list).
 * Read-only: a bad value is reported on the console and left for the background to replace.
 *
 * @example
 * const snap = await readOverviewSnapshot(new Date()); // null: wait for the background
 */
export async function readOverviewSnapshot(
  now: Date,
  threshold: number,
): Promise<RepeatOverview | null> {
  const [read, settings] = await Promise.all([
    readChecked(repeatOverviewItem, { quarantine: false, now }),
    readSettings(),
  ]);
  const snap = read.value;
  if (snap === null) return null;
  if (snap.windowDays !== settings.repeatWindowDays || snap.threshold !== threshold) return null;
  // A snapshot from the future (a clock put back) cannot say what the list was "as of".
  if (Date.parse(snap.computedAt) > now.getTime() + 60_000) return null;
  const { schemaVersion: _version, ...overview } = snap;
  return overview;
}

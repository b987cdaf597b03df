import { z } from 'zod';
import { storage, type StorageItemKey, type WxtStorageItem } from 'wxt/utils/storage';
import { CriterionIdSchema, PlatformSchema } from '../policy/schema';
import {
  BlockLogSchema,
  ContactSchema,
  ContactsStoreSchema,
  EvidenceSnapshotSchema,
  ForceAccountSchema,
  RepeatCallerEventSchema,
  ForceAccountsStoreSchema,
  IsoUtcSchema,
  ModeratorSchema,
  RepeatCallerEventsStoreSchema,
  CONTACT_BUCKETS,
  emptyBlockLog,
  type BlockLog,
  type ContactsStore,
  type ForceAccount,
  type ForceAccountsStore,
  type Moderator,
  type RepeatCallerEventsStore,
} from '../records';
import type { AuditEntry } from '../records/retention';
import { describeSetAside, salvageBlockLog, salvageList, type SetAside } from '../records/salvage';
import { bareKey } from './keys';

/**
 * A block-workflow draft: the form as the moderator left it. Fields are kept as typed (strings,
 * possibly empty) because a draft is by definition unfinished; only `block:confirm` turns it into
 * a validated `BlockEntry`.
 */
export const DraftEngagementSchema = z.object({
  /** `datetime-local` text in London time as typed, e.g. `2026-11-03T14:05`. */
  at: z.string(),
  method: z.enum(['public-reply', 'private-message', 'other']),
  said: z.string(),
  link: z.string(),
});
export type DraftEngagement = z.infer<typeof DraftEngagementSchema>;

export const DRAFT_STEPS = ['who', 'engage', 'advice', 'reason', 'review'] as const;
export type DraftStep = (typeof DRAFT_STEPS)[number];

export const DraftSchema = z.object({
  id: z.uuid(),
  createdAt: IsoUtcSchema,
  updatedAt: IsoUtcSchema,
  source: z.enum(['page', 'manual', 'repeat-caller']),
  step: z.enum(DRAFT_STEPS),
  platform: PlatformSchema,
  accountId: z.string(),
  handle: z.string(),
  profileUrl: z.string(),
  displayName: z.string(),
  contentUrl: z.string(),
  contentExcerpt: z.string(),
  commentKey: z.string().optional(),
  engagements: z.array(DraftEngagementSchema),
  exceptionKind: z.enum(['none', 'credible-threat-or-crime-reported', 'automated-spam-account']),
  exceptionWhy: z.string(),
  adviceFrom: z.string(),
  adviceAt: z.string(),
  adviceText: z.string(),
  criteria: z.array(CriterionIdSchema),
  justification: z.string(),
  evidence: z.array(EvidenceSnapshotSchema),
});
export type Draft = z.infer<typeof DraftSchema>;

export const DraftsStoreSchema = z.object({
  schemaVersion: z.literal(1),
  drafts: z.array(DraftSchema),
});
export type DraftsStore = z.infer<typeof DraftsStoreSchema>;

/** A stored value that failed its schema: where it was, where the raw copy went, and why. */
export const DataProblemSchema = z.object({
  key: z.string(),
  quarantinedAs: z.string().optional(),
  at: IsoUtcSchema,
  message: z.string(),
});
export type DataProblem = z.infer<typeof DataProblemSchema>;
export const DataProblemsSchema = z.array(DataProblemSchema);

/**
 * The force's main accounts, which Annex 1 puts in the repeat-caller scheme. Seeded on install
 * when no accounts are stored; the options page can add local accounts later.
 */
export const DEFAULT_ACCOUNTS: readonly ForceAccount[] = Object.freeze([
  {
    id: 'main-facebook',
    platform: 'facebook',
    pageUrl: 'https://www.facebook.com/leicspolice',
    label: 'Leicestershire Police',
    enrolledInRepeatCallerScheme: true,
  },
  {
    id: 'main-x',
    platform: 'x',
    handle: 'leicspolice',
    label: '@leicspolice',
    enrolledInRepeatCallerScheme: true,
  },
]);

/**
 * One versioned, schema-checked storage item. `version` is WXT's item version: when a shape
 * changes, bump it and add the pure migration to `migrations`, keeping the old schema beside the
 * new one (lib/storage/settings.ts, version 2, is the worked example; its test is in test/storage).
 */
export interface CheckedItem<T> {
  /** The short name, used in quarantine keys and messages. */
  name: string;
  key: StorageItemKey;
  item: Pick<WxtStorageItem<T, Record<string, never>>, 'setValue' | 'watch' | 'getValue'>;
  schema: z.ZodType<T>;
  fallback: () => T;
  /**
   * For an item that holds a list of records: the value with only the records that pass their
   * schema, and those set aside (see `salvageList`), so one bad record does not empty the item.
   * Null (or no `salvage`) when the value cannot be read record by record.
   */
  salvage?: (raw: unknown, now: Date) => { value: T; setAside: SetAside[] } | null;
}

/**
 * Defines `local:<name>` as a checked item (see `CheckedItem`).
 *
 * @example
 * const item = checked('repeatOverview', SnapshotSchema.nullable(), () => null);
 */
export function checked<T>(
  name: string,
  schema: z.ZodType<T>,
  fallback: () => T,
  salvage?: CheckedItem<T>['salvage'],
): CheckedItem<T> {
  const key = `local:${name}` as StorageItemKey;
  let defined: CheckedItem<T>['item'] | undefined;
  return {
    name,
    ...(salvage ? { salvage } : {}),
    key,
    // Defined on first use, not here: WXT reads an item's whole stored value the moment the item
    // is defined (to initialise it), in every page that defines it. For the block log at 10,000
    // entries that is 22 MB, which held the popup's first paint back by most of a second, though
    // the popup never uses it. Reads go through `readChecked` by key and the popup hears of
    // changes from the background, so a page that only reads never defines the items.
    // Reads hand out a fresh fallback each time, so no caller can mutate a shared default.
    // Version 1 has no migrations yet; later ones are added here. A value stored without a
    // version is read as version 1.
    get item() {
      defined ??= storage.defineItem<T>(key, { fallback: fallback(), version: 1 });
      return defined;
    },
    schema,
    fallback,
  };
}

/**
 * Where earlier versions kept the whole block log, as one storage value. The log now lives in the
 * records database, one document per link (lib/storage/blockLogDb.ts); this item is read only to
 * move an older version's log there, and to keep using it if that move fails.
 */
export const legacyBlockLogItem = checked<BlockLog>(
  'blockLog',
  BlockLogSchema,
  emptyBlockLog,
  salvageBlockLog,
);

/**
 * The name under which a change of the block log is announced to open pages and tabs, as if it
 * were a storage key (the background's `ChangeRelay` sends storage keys): the log lives in the
 * records database, whose writes `storage.onChanged` does not see.
 */
export const BLOCK_LOG_CHANGE = bareKey(legacyBlockLogItem.key);

function emptyContacts(): ContactsStore {
  return { schemaVersion: 1, contacts: [] };
}

/** A `salvage` for a `{ schemaVersion: 1, <field>: [...] }` store of records. */
function salvageStore<F extends string, R>(field: F, record: z.ZodType<R>) {
  return (raw: unknown) => {
    const r = salvageList(raw, field, record);
    if (!r) return null;
    return {
      value: { schemaVersion: 1 as const, [field]: r.kept } as { schemaVersion: 1 } & Record<
        F,
        R[]
      >,
      setAside: r.setAside,
    };
  };
}

/**
 * Where earlier versions kept the contacts: `CONTACT_BUCKETS` keys `local:contacts:00`
 * … `local:contacts:63`, by a hash of the user key (`contactBucket`). The contacts now live in the
 * records database, one document each (lib/storage/contactsDocs.ts); these are read only to move
 * an older version's contacts there, and to keep counting them if that move fails.
 */
export const contactBucketItems: readonly CheckedItem<ContactsStore>[] = Array.from(
  { length: CONTACT_BUCKETS },
  (_, i) =>
    checked<ContactsStore>(
      `contacts:${String(i).padStart(2, '0')}`,
      ContactsStoreSchema,
      emptyContacts,
      salvageStore('contacts', ContactSchema),
    ),
);

/**
 * Where every contact was kept before the buckets: one array under
 * `local:contacts`, read only to move it (see `contactBucketItems`).
 */
export const legacyContactsItem = checked<ContactsStore>(
  'contacts',
  ContactsStoreSchema,
  emptyContacts,
  salvageStore('contacts', ContactSchema),
);
export const repeatEventsItem = checked<RepeatCallerEventsStore>(
  'repeatEvents',
  RepeatCallerEventsStoreSchema,
  () => ({ schemaVersion: 1, events: [] }),
  salvageStore('events', RepeatCallerEventSchema),
);
export const accountsItem = checked<ForceAccountsStore>(
  'accounts',
  ForceAccountsStoreSchema,
  () => ({ schemaVersion: 1, accounts: [] }),
  salvageStore('accounts', ForceAccountSchema),
);
export const draftsItem = checked<DraftsStore>('drafts', DraftsStoreSchema, () => ({
  schemaVersion: 1,
  drafts: [],
}));
export const moderatorItem = checked<Moderator | null>(
  'moderator',
  ModeratorSchema.nullable(),
  () => null,
);

export const problemsItem = storage.defineItem<DataProblem[]>('local:dataProblems', {
  fallback: [],
});
export const installedAtItem = storage.defineItem<string | null>('local:installedAt', {
  fallback: null,
});

/**
 * The data-management audit log: retention deletions, erasures and restores (see
 * `AuditEntrySchema` in lib/records/retention.ts). Written only by the background, read through
 * `AuditLogSchema`.
 */
export const auditLogItem = storage.defineItem<AuditEntry[]>('local:auditLog', { fallback: [] });

/**
 * The name under which a change of the contacts is announced to open pages and tabs (see
 * `BLOCK_LOG_CHANGE`): they live in the records database.
 */
export const CONTACTS_CHANGE = bareKey(legacyContactsItem.key);

/**
 * Every records item kept in storage.local (the block log and the contacts are in the records
 * database).
 */
export const RECORD_ITEMS = [repeatEventsItem, accountsItem, draftsItem, moderatorItem] as const;

/** The storage key a quarantined copy is written under. */
export function quarantineKey(name: string, at: Date): StorageItemKey {
  return `local:quarantine:${name}:${at.toISOString()}` as StorageItemKey;
}

/** A one-line reason from a zod error, naming the first bad path. */
export function describeIssues(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'invalid value';
  const path = first.path.map(String).join('.');
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problems)` : '';
  return `${path ? `${path}: ` : ''}${first.message}${more}`;
}

export interface CheckedRead<T> {
  value: T;
  problem?: DataProblem;
}

/**
 * Reads an item through its schema. A stored value of the wrong shape is never used and never
 * silently dropped: with `quarantine` (the background, the only writer) the raw value is copied
 * to `local:quarantine:<name>:<time>`, the item is reset to its fallback and the problem is
 * appended to `local:dataProblems`; without it (the popup) the problem is only returned.
 *
 * @example
 * const { value, problem } = await readChecked(blockLogItem, { quarantine: true, now: new Date() });
 */
export async function readChecked<T>(
  checkedItem: CheckedItem<T>,
  options: { quarantine: boolean; now: Date },
): Promise<CheckedRead<T>> {
  return checkRaw(checkedItem, await storage.getItem(checkedItem.key), options);
}

/**
 * `readChecked` for many items in one storage call (the 64 contact buckets), each checked and
 * quarantined on its own.
 *
 * @example
 * const reads = await readCheckedMany(contactBucketItems, { quarantine: false, now: new Date() });
 */
export async function readCheckedMany<T>(
  items: readonly CheckedItem<T>[],
  options: { quarantine: boolean; now: Date },
): Promise<CheckedRead<T>[]> {
  if (items.length === 0) return [];
  const raws = await storage.getItems(items.map((i) => i.key));
  const out: CheckedRead<T>[] = [];
  // One at a time, so quarantined problems are appended to `dataProblems` without racing.
  for (let i = 0; i < items.length; i++) {
    out.push(await checkRaw(items[i]!, raws[i]?.value, options));
  }
  return out;
}

async function checkRaw<T>(
  checkedItem: CheckedItem<T>,
  raw: unknown,
  options: { quarantine: boolean; now: Date },
): Promise<CheckedRead<T>> {
  if (raw === null || raw === undefined) return { value: checkedItem.fallback() };
  const parsed = checkedItem.schema.safeParse(raw);
  if (parsed.success) return { value: parsed.data };
  const salvaged = checkedItem.salvage?.(raw, options.now);
  if (salvaged) return setAsideRecords(checkedItem, raw, salvaged, options);
  const problem: DataProblem = {
    key: checkedItem.key,
    at: options.now.toISOString(),
    message: `Stored ${checkedItem.name} is not valid (${describeIssues(parsed.error)}).`,
  };
  if (options.quarantine) {
    const qKey = quarantineKey(checkedItem.name, options.now);
    await storage.setItem(qKey, raw);
    problem.quarantinedAs = qKey;
    problem.message += ` The stored value was copied to ${qKey} and an empty ${checkedItem.name} is in use.`;
    await checkedItem.item.setValue(checkedItem.fallback());
    const previous = DataProblemsSchema.safeParse(await problemsItem.getValue());
    await problemsItem.setValue([...(previous.success ? previous.data : []), problem]);
  }
  console.warn(`Moderator Assist: ${problem.message}`);
  return { value: checkedItem.fallback(), problem };
}

/**
 * A stored list some of whose records failed their schema: the good records stay in use and the
 * bad ones are set aside on their own. The background (with `quarantine`) keeps a copy of the whole
 * stored value, bad records included, under the quarantine key, stores the list without them and
 * records the problem; a read-only reader gets the same list and the problem.
 */
async function setAsideRecords<T>(
  checkedItem: CheckedItem<T>,
  raw: unknown,
  salvaged: { value: T; setAside: SetAside[] },
  options: { quarantine: boolean; now: Date },
): Promise<CheckedRead<T>> {
  const problem: DataProblem = {
    key: checkedItem.key,
    at: options.now.toISOString(),
    message: `Stored ${checkedItem.name}: ${describeSetAside(salvaged.setAside)}`,
  };
  if (options.quarantine) {
    const qKey = quarantineKey(checkedItem.name, options.now);
    await storage.setItem(qKey, raw);
    problem.quarantinedAs = qKey;
    problem.message += ` The stored value, with the records set aside, was copied to ${qKey}.`;
    await checkedItem.item.setValue(salvaged.value);
    const previous = DataProblemsSchema.safeParse(await problemsItem.getValue());
    await problemsItem.setValue([...(previous.success ? previous.data : []), problem]);
  }
  console.warn(`Moderator Assist: ${problem.message}`);
  return { value: salvaged.value, problem };
}

/** Everything the popup shows, each part schema-checked. */
export interface RecordsSnapshot {
  blockLog: BlockLog;
  repeatEvents: RepeatCallerEventsStore;
  accounts: ForceAccountsStore;
  drafts: DraftsStore;
  moderator: Moderator | null;
  problems: DataProblem[];
}

/**
 * The small records the popup draws first: everything in `RecordsSnapshot` but the block log,
 * which at scale is tens of megabytes and is read on its own (`loadBlockLog`).
 */
export type PopupSnapshot = Omit<RecordsSnapshot, 'blockLog'>;

/**
 * Reads the small records items (read-only: quarantining is the background's job). Problems from
 * this read and those already recorded by the background are both returned. The block log is
 * left out so the popup can be used before it is read (`loadBlockLog`), and the contacts because
 * the popup asks the background for what it shows of them (`repeat:overview`, `repeat:person`)
 * and reads them itself (`readContacts`) only to export them.
 *
 * @example
 * const snap = await loadPopupSnapshot(new Date());
 * snap.problems.length; // 0 when everything stored is valid
 */
export async function loadPopupSnapshot(now: Date): Promise<PopupSnapshot> {
  const opts = { quarantine: false, now };
  const [repeatEvents, accounts, drafts, moderator, stored] = await Promise.all([
    readChecked(repeatEventsItem, opts),
    readChecked(accountsItem, opts),
    readChecked(draftsItem, opts),
    readChecked(moderatorItem, opts),
    problemsItem.getValue(),
  ]);
  const recorded = DataProblemsSchema.safeParse(stored);
  const fresh = [repeatEvents, accounts, drafts, moderator]
    .map((r) => r.problem)
    .filter((p): p is DataProblem => p !== undefined);
  return {
    repeatEvents: repeatEvents.value,
    accounts: accounts.value,
    drafts: drafts.value,
    moderator: moderator.value,
    problems: [...(recorded.success ? recorded.data : []), ...fresh],
  };
}

/**
 * The `storage.local` keys (as `storage.onChanged` names them) whose change means the popup
 * reads its small records again: every records item but the block log, and the recorded problems.
 */
export const POPUP_RECORD_KEYS: readonly string[] = [
  ...RECORD_ITEMS.map((i) => bareKey(i.key)),
  CONTACTS_CHANGE,
  bareKey(problemsItem.key),
];

/** The keys whose change means the block log's list must be read again. */
export const BLOCK_LOG_KEYS: readonly string[] = [BLOCK_LOG_CHANGE];

import { z } from 'zod';
import {
  allLinks,
  appendAmendment,
  appendEntry,
  canonicalJson,
  sha256Hex,
  verifyChain,
} from './chain';
import { planChainImport, type PlannedChainImport } from './chainImport';
import { OtherChainSchema, type OtherChain } from './chains';
import { formatPath } from './export';
import {
  BlockLogSchema,
  ContactSchema,
  ForceAccountSchema,
  IsoUtcSchema,
  ModeratorSchema,
  RepeatCallerEventSchema,
  type BlockLog,
  type Contact,
  type ForceAccount,
  type Moderator,
  type RepeatCallerEvent,
} from './schemas';

/** Files larger than this are refused before they are read or parsed. */
export const BACKUP_MAX_BYTES = 50 * 1024 * 1024;
/** Deeper JSON nesting than this is refused before parsing (a real backup nests about 8 deep). */
export const BACKUP_MAX_DEPTH = 64;
/** No single string in a backup may be longer than this (a comment's text is far shorter). */
export const BACKUP_MAX_STRING = 1_000_000;

/**
 * The settings fields a backup merges item by item; everything else in the settings is a single
 * value that either matches or conflicts.
 */
export interface MergeableSettings {
  protectedNames: readonly { name: string; role: string; caseRef?: string | undefined }[];
  customRules: readonly { id: string }[];
  activeCases: readonly string[];
  operations: readonly string[];
  allowList: readonly string[];
}

/** A saved draft, as far as a backup needs to know it. */
export interface DraftLike {
  id: string;
  updatedAt: string;
}

/**
 * Everything a backup holds. Identity links are the `linked` / `unlinked` repeat-caller events;
 * protected names and custom rules are part of the settings.
 */
export interface BackupData<S, D> {
  settings: S;
  moderator: Moderator | null;
  accounts: ForceAccount[];
  blockLog: BlockLog;
  contacts: Contact[];
  events: RepeatCallerEvent[];
  drafts: D[];
  /**
   * Other installations' chains held here (restored from their backups), each as held. Absent in
   * backups made before chains were kept side by side.
   */
  otherChains?: OtherChain[];
}

export interface BackupFile<S, D> {
  format: 'moderator-assist-backup';
  schemaVersion: 1;
  appVersion: string;
  exportedAt: string;
  exportedBy: Moderator | null;
  /**
   * The installation whose chain `data.blockLog` is. Absent in backups made before it was
   * written: their block log is taken as this installation's, as it always was.
   */
  installationId?: string;
  data: BackupData<S, D>;
}

/** The schemas of the parts a backup carries that live outside lib/records. */
export interface BackupParts<S, D> {
  settings: z.ZodType<S>;
  draft: z.ZodType<D>;
}

/**
 * The zod schema of a whole backup file, given the settings and draft schemas.
 *
 * @example
 * const schema = backupSchema({ settings: SettingsSchema, draft: DraftSchema });
 */
export function backupSchema<S, D>(parts: BackupParts<S, D>) {
  return z.object({
    format: z.literal('moderator-assist-backup'),
    schemaVersion: z.literal(1),
    appVersion: z.string().min(1).max(40),
    exportedAt: IsoUtcSchema,
    exportedBy: ModeratorSchema.nullable(),
    installationId: z.uuid().optional(),
    data: z.object({
      settings: parts.settings,
      moderator: ModeratorSchema.nullable(),
      accounts: z.array(ForceAccountSchema),
      blockLog: BlockLogSchema,
      contacts: z.array(ContactSchema),
      events: z.array(RepeatCallerEventSchema),
      drafts: z.array(parts.draft),
      otherChains: z.array(OtherChainSchema).optional(),
    }),
  });
}

/**
 * A backup file of `data`, stamped with the app version, time and who made it.
 *
 * @example
 * const file = makeBackup(data, { appVersion: '0.1.0', now: new Date(), by: moderator });
 */
export function makeBackup<S, D>(
  data: BackupData<S, D>,
  meta: { appVersion: string; now: Date; by: Moderator | null; installationId?: string },
): BackupFile<S, D> {
  return {
    format: 'moderator-assist-backup',
    schemaVersion: 1,
    appVersion: meta.appVersion,
    exportedAt: meta.now.toISOString(),
    exportedBy: meta.by,
    ...(meta.installationId === undefined ? {} : { installationId: meta.installationId }),
    data,
  };
}

/**
 * A backup as JSON text.
 *
 * @example
 * download(backupJson(file), backupFileName(new Date()));
 */
export function backupJson(file: BackupFile<unknown, unknown>): string {
  return `${JSON.stringify(file)}\n`;
}

/**
 * The file name of a backup: what it is and the UTC minute it was made.
 *
 * @example
 * backupFileName(new Date('2026-11-25T14:05:09Z')); // 'moderator-assist-backup_2026-11-25T1405Z.json'
 */
export function backupFileName(now: Date): string {
  const iso = now.toISOString();
  return `moderator-assist-backup_${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z.json`;
}

export type ParseBackupResult<S, D> =
  { ok: true; file: BackupFile<S, D> } | { ok: false; message: string };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

class HostileInput extends Error {}

/** The deepest nesting of arrays and objects in JSON text, outside strings; stops early. */
function exceedsDepth(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) {
      inString = true;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > max) return true;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      depth--;
    }
  }
  return false;
}

/**
 * Reads a backup file, checking everything before anything can act on it: the size (before
 * parsing), the nesting depth, keys that could pollute prototypes, string lengths, every record
 * against its schema, the block log's hash chain and every evidence digest. Never throws.
 *
 * @example
 * const r = parseBackup(text, { settings: SettingsSchema, draft: DraftSchema });
 * if (!r.ok) show(r.message);
 */
export async function parseBackup<S, D>(
  text: unknown,
  parts: BackupParts<S, D>,
): Promise<ParseBackupResult<S, D>> {
  if (typeof text !== 'string')
    return { ok: false, message: 'The file could not be read as text.' };
  if (text.length > BACKUP_MAX_BYTES) {
    return {
      ok: false,
      message: `The file is larger than ${BACKUP_MAX_BYTES / 1024 / 1024} MB, so it was not read. A backup of this extension is far smaller; check it is the right file.`,
    };
  }
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, message: 'The file is empty.' };
  if (exceedsDepth(body, BACKUP_MAX_DEPTH)) {
    return {
      ok: false,
      message: `The file nests data more than ${BACKUP_MAX_DEPTH} levels deep, which no backup does, so it was not read.`,
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(body, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) {
        throw new HostileInput(`The file contains the key "${key}", which no backup has.`);
      }
      if (typeof value === 'string' && value.length > BACKUP_MAX_STRING) {
        throw new HostileInput(
          `The file contains a text of ${value.length.toLocaleString('en-GB')} characters, longer than any backup holds.`,
        );
      }
      return value;
    });
  } catch (err) {
    if (err instanceof HostileInput)
      return { ok: false, message: `${err.message} Nothing was changed.` };
    const detail = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      message: `The file is not complete, valid JSON (${detail}); it may be truncated. Nothing was changed.`,
    };
  }
  if (
    typeof raw !== 'object' ||
    raw === null ||
    (raw as { format?: unknown }).format !== 'moderator-assist-backup'
  ) {
    return {
      ok: false,
      message:
        'This is not a Moderator Assist backup (a block-log or contacts export cannot be restored). Nothing was changed.',
    };
  }
  const parsed = backupSchema(parts).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = (issue?.path ?? []).map((p) => (typeof p === 'number' ? p : String(p)));
    const more =
      parsed.error.issues.length > 1
        ? ` (and ${parsed.error.issues.length - 1} more problems)`
        : '';
    return {
      ok: false,
      message: `The backup is not valid at ${formatPath(path)}: ${issue?.message ?? 'invalid'}${more}. Nothing was changed.`,
    };
  }
  const file = parsed.data as BackupFile<S, D>;
  const chain = await verifyChain(file.data.blockLog);
  if (!chain.ok) {
    const whose = file.installationId ? ` (installation ${file.installationId}’s chain)` : '';
    return {
      ok: false,
      message: `The block log in the backup${whose} does not verify at record ${chain.firstBadSeq}: ${chain.reason}. Nothing was restored: not the block log, not any other record in the file.`,
    };
  }
  for (const other of file.data.otherChains ?? []) {
    const r = await verifyChain(other.log);
    if (!r.ok) {
      return {
        ok: false,
        message: `Installation ${other.installationId}’s chain in the backup (held there from another backup) does not verify at record ${r.firstBadSeq}${r.id ? ` (id ${r.id})` : ''}: ${r.reason}. Nothing was restored: not that chain, not any other record in the file.`,
      };
    }
  }
  for (const [i, c] of file.data.contacts.entries()) {
    if (c.evidence && (await sha256Hex(c.evidence.text)) !== c.evidence.sha256) {
      return {
        ok: false,
        message: `Contact ${i} (${c.id}) in the backup has evidence whose text does not match its digest. Nothing was changed.`,
      };
    }
  }
  return { ok: true, file };
}

export const IMPORT_TYPES = [
  'settings',
  'moderator',
  'accounts',
  'protectedNames',
  'customRules',
  'lists',
  'blockLog',
  'contacts',
  'repeatEvents',
  'drafts',
] as const;
export type ImportType = (typeof IMPORT_TYPES)[number];

/** What an import does to one type of record. `erased` were erased here and are not brought back. */
export interface ImportCounts {
  new: number;
  duplicate: number;
  conflict: number;
  erased: number;
}

/** One record present here and in the file with different content, and what the import kept. */
export interface ImportConflict {
  type: ImportType;
  id: string;
  kept: 'this browser' | 'the file';
  why: string;
}

/**
 * What an import will do, and the state it will write. `blockLog` says how the chains were
 * combined: `adopted` (the file's chain extends this one), `appended` (the file's new records were
 * chained on after this browser's), or `unchanged`.
 */
export interface ImportPlan<S, D> {
  counts: Record<ImportType, ImportCounts>;
  conflicts: ImportConflict[];
  blockLog: 'adopted' | 'appended' | 'unchanged';
  merged: BackupData<S, D>;
  /**
   * Other installations' records to add, each on its own chain exactly as in the file (never
   * merged into this installation's chain); `merged.otherChains` is left as it was.
   */
  imports: PlannedChainImport[];
  /** Other installations' chains in the file that were not restored, and why. */
  refused: { installationId: string; why: string }[];
  changes: number;
}

const zero = (): ImportCounts => ({ new: 0, duplicate: 0, conflict: 0, erased: 0 });
const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

/** Merge by id: local records stay as they are, new ones are appended in file order. */
function mergeById<T extends { id: string }>(
  type: ImportType,
  local: readonly T[],
  incoming: readonly T[],
  counts: ImportCounts,
  conflicts: ImportConflict[],
  erasedIds: ReadonlySet<string>,
  isDuplicate: (item: T) => boolean = () => false,
): T[] {
  const byId = new Map(local.map((x) => [x.id, x]));
  const out = [...local];
  for (const item of incoming) {
    const mine = byId.get(item.id);
    if (mine) {
      if (same(mine, item)) counts.duplicate++;
      else {
        counts.conflict++;
        conflicts.push({
          type,
          id: item.id,
          kept: 'this browser',
          why: 'The same record differs in the file; records are never edited, so the copy here was kept.',
        });
      }
    } else if (erasedIds.has(item.id)) {
      counts.erased++;
    } else if (isDuplicate(item)) {
      counts.duplicate++;
    } else {
      byId.set(item.id, item);
      out.push(item);
      counts.new++;
    }
  }
  return out;
}

function mergeList(
  local: readonly string[],
  incoming: readonly string[],
  counts: ImportCounts,
): string[] {
  const seen = new Set(local.map((s) => s.toLowerCase()));
  const out = [...local];
  for (const s of incoming) {
    if (seen.has(s.toLowerCase())) counts.duplicate++;
    else {
      seen.add(s.toLowerCase());
      out.push(s);
      counts.new++;
    }
  }
  return out;
}

async function mergeBlockLogs(
  local: BlockLog,
  incoming: BlockLog,
  counts: ImportCounts,
  conflicts: ImportConflict[],
  erasedIds: ReadonlySet<string>,
): Promise<{ log: BlockLog; mode: ImportPlan<unknown, unknown>['blockLog'] }> {
  const mine = allLinks(local);
  const theirs = allLinks(incoming);
  const localErased = new Map((local.erased ?? []).map((t) => [t.seq, t]));
  const prefix =
    theirs.length >= mine.length &&
    mine.every((l, i) => theirs[i]?.hash === l.hash) &&
    // A record erased here cannot be adopted back, and skipping it would leave a hole.
    !incoming.records.some((r) => r.seq >= mine.length && erasedIds.has(r.record.id));
  if (prefix) {
    if (theirs.length === mine.length && (incoming.erased ?? []).length === localErased.size) {
      counts.duplicate += local.records.length;
      return { log: local, mode: 'unchanged' };
    }
    // The file's chain is this one with more links after it: take it whole, except that a record
    // erased here stays erased, and a record erased only in the file is kept here (and listed).
    const records = [];
    for (const link of incoming.records) {
      if (localErased.has(link.seq)) {
        counts.erased++;
        continue;
      }
      if (link.seq >= mine.length) counts.new++;
      else counts.duplicate++;
      records.push(link);
    }
    const erased = [...localErased.values()];
    for (const t of incoming.erased ?? []) {
      if (localErased.has(t.seq)) continue;
      const kept = local.records.find((r) => r.seq === t.seq);
      if (kept) {
        records.push(kept);
        counts.conflict++;
        conflicts.push({
          type: 'blockLog',
          id: t.id,
          kept: 'this browser',
          why: 'The file erased this record but it is still held here; erase it here if it should go.',
        });
      } else erased.push(t);
    }
    records.sort((a, b) => a.seq - b.seq);
    erased.sort((a, b) => a.seq - b.seq);
    return {
      log: { schemaVersion: 1, records, ...(erased.length > 0 ? { erased } : {}) },
      mode: 'adopted',
    };
  }
  // The chains diverge: keep this one as it is and chain each record it lacks on after it, with its
  // content (ids, times, moderators, evidence) unchanged and a new seq and hash.
  const localIds = new Map<string, unknown>(local.records.map((r) => [r.record.id, r.record]));
  for (const t of local.erased ?? []) localIds.set(t.id, null);
  let log = local;
  for (const link of incoming.records) {
    const id = link.record.id;
    if (localIds.has(id)) {
      const held = localIds.get(id);
      if (held === null) counts.erased++;
      else if (same(held, link.record)) counts.duplicate++;
      else {
        counts.conflict++;
        conflicts.push({
          type: 'blockLog',
          id,
          kept: 'this browser',
          why: 'The same block-log record differs in the file; the chained copy here was kept.',
        });
      }
      continue;
    }
    if (erasedIds.has(id)) {
      counts.erased++;
      continue;
    }
    if (link.kind === 'entry') {
      log = await appendEntry(log, link.record);
    } else if (log.records.some((r) => r.kind === 'entry' && r.record.id === link.record.entryId)) {
      log = await appendAmendment(log, link.record);
    } else {
      // Its entry was erased here (or never reached here), so the amendment has nothing to amend.
      counts.erased++;
      continue;
    }
    localIds.set(id, link.record);
    counts.new++;
  }
  return { log, mode: counts.new > 0 ? 'appended' : 'unchanged' };
}

/**
 * Works out an import without changing anything: the merged state and, per type, how many records
 * are new, already here, or conflicting. Records are matched by their stable ids. Nothing held
 * here is replaced: a conflicting record keeps this browser's copy (records are never edited in
 * place, so a difference means one copy was altered) and is listed; drafts, which do change, keep
 * whichever was saved later. Records erased here (`erasedIds`, and the block log's tombstones)
 * are not brought back. The merged block log is verified before the plan is returned. The file's
 * block log merges into this installation's chain only when the file names this installation
 * (`options.installationId`) or no installation at all (backups made before they did); another
 * installation's chain, and every chain the file holds in `otherChains`, is planned as an import
 * of its own (`imports`: only the links not held here yet, exactly as in the file), or refused
 * (`refused`) when it differs from the copy held here.
 *
 * @example
 * const plan = await planImport(local, file, { erasedIds: new Set(), defaults: DEFAULT_SETTINGS, installationId });
 * plan.counts.contacts; // { new: 3, duplicate: 10, conflict: 0, erased: 0 }
 */
export async function planImport<S extends MergeableSettings, D extends DraftLike>(
  local: BackupData<S, D>,
  file: BackupFile<S, D>,
  options: { erasedIds: ReadonlySet<string>; defaults: S; installationId: string },
): Promise<ImportPlan<S, D>> {
  const counts = Object.fromEntries(IMPORT_TYPES.map((t) => [t, zero()])) as Record<
    ImportType,
    ImportCounts
  >;
  const conflicts: ImportConflict[] = [];
  const incoming = file.data;
  const erasedIds = new Set(options.erasedIds);
  for (const t of local.blockLog.erased ?? []) erasedIds.add(t.id);

  // Settings: single values from the file are used only where this browser still has the
  // defaults (a fresh install being restored); otherwise this browser's are kept and listed.
  const localIsDefault = same(local.settings, options.defaults);
  const settings: Record<string, unknown> = {
    ...(local.settings as unknown as Record<string, unknown>),
  };
  const itemised = new Set([
    'protectedNames',
    'customRules',
    'activeCases',
    'operations',
    'allowList',
  ]);
  for (const [key, value] of Object.entries(incoming.settings as Record<string, unknown>)) {
    if (itemised.has(key)) continue;
    const mineValue = (local.settings as Record<string, unknown>)[key];
    if (same(mineValue, value)) counts.settings.duplicate++;
    else if (localIsDefault || mineValue === undefined) {
      settings[key] = value;
      counts.settings.new++;
    } else {
      counts.settings.conflict++;
      conflicts.push({
        type: 'settings',
        id: key,
        kept: 'this browser',
        why: 'This setting differs in the file; the setting here was kept. Change it on this page if the file’s is right.',
      });
    }
  }
  const nameKey = (n: MergeableSettings['protectedNames'][number]) =>
    `${n.name.toLowerCase()}|${n.role}|${n.caseRef ?? ''}`;
  settings.protectedNames = mergeById(
    'protectedNames',
    local.settings.protectedNames.map((n) => ({ ...n, id: nameKey(n) })),
    incoming.settings.protectedNames.map((n) => ({ ...n, id: nameKey(n) })),
    counts.protectedNames,
    conflicts,
    new Set(),
  ).map(({ id: _id, ...n }) => n);
  settings.customRules = mergeById(
    'customRules',
    local.settings.customRules,
    incoming.settings.customRules,
    counts.customRules,
    conflicts,
    new Set(),
  );
  for (const list of ['activeCases', 'operations', 'allowList'] as const) {
    settings[list] = mergeList(local.settings[list], incoming.settings[list], counts.lists);
  }

  let moderator = local.moderator;
  if (incoming.moderator) {
    if (!local.moderator) {
      moderator = incoming.moderator;
      counts.moderator.new++;
    } else if (same(local.moderator, incoming.moderator)) counts.moderator.duplicate++;
    else {
      counts.moderator.conflict++;
      conflicts.push({
        type: 'moderator',
        id: incoming.moderator.staffNumber,
        kept: 'this browser',
        why: 'The moderator in the file is not the one set here; the details here were kept.',
      });
    }
  }

  const accounts = mergeById(
    'accounts',
    local.accounts,
    incoming.accounts,
    counts.accounts,
    conflicts,
    new Set(),
  );
  const commentKeys = new Set(local.contacts.flatMap((c) => (c.commentKey ? [c.commentKey] : [])));
  const contacts = mergeById(
    'contacts',
    local.contacts,
    incoming.contacts,
    counts.contacts,
    conflicts,
    erasedIds,
    // The same comment recorded in both places under different ids counts once.
    (c) => c.commentKey !== undefined && commentKeys.has(c.commentKey),
  );
  const events = mergeById(
    'repeatEvents',
    local.events,
    incoming.events,
    counts.repeatEvents,
    conflicts,
    erasedIds,
  );

  // Drafts are work in progress: the one saved later wins, and the choice is listed.
  const drafts = [...local.drafts];
  for (const d of incoming.drafts) {
    const i = drafts.findIndex((x) => x.id === d.id);
    const mine = drafts[i];
    if (!mine) {
      if (erasedIds.has(d.id)) counts.drafts.erased++;
      else {
        drafts.push(d);
        counts.drafts.new++;
      }
    } else if (same(mine, d)) counts.drafts.duplicate++;
    else {
      counts.drafts.conflict++;
      const fileNewer = d.updatedAt > mine.updatedAt;
      if (fileNewer) drafts[i] = d;
      conflicts.push({
        type: 'drafts',
        id: d.id,
        kept: fileNewer ? 'the file' : 'this browser',
        why: `Both hold this draft; the one saved later (${fileNewer ? d.updatedAt : mine.updatedAt}) was kept.`,
      });
    }
  }

  // This installation's chain merges as it always did; other installations' chains keep their own
  // chain and id. A backup without an installation id is taken as this installation's.
  const mine = options.installationId;
  const fileChains: OtherChain[] = [...(incoming.otherChains ?? [])];
  let ownIncoming = incoming.blockLog;
  if (file.installationId !== undefined && file.installationId !== mine) {
    fileChains.unshift({
      installationId: file.installationId,
      log: incoming.blockLog,
      imports: [],
    });
    ownIncoming = fileChains.find((c) => c.installationId === mine)?.log ?? {
      schemaVersion: 1,
      records: [],
    };
  }
  const merged = await mergeBlockLogs(
    local.blockLog,
    ownIncoming,
    counts.blockLog,
    conflicts,
    erasedIds,
  );
  const imports: PlannedChainImport[] = [];
  const refused: ImportPlan<S, D>['refused'] = [];
  for (const chain of fileChains) {
    if (chain.installationId === mine || allLinks(chain.log).length === 0) continue;
    const held = (local.otherChains ?? []).find((c) => c.installationId === chain.installationId);
    const r = planChainImport(held, chain);
    if (r.kind === 'refused') {
      counts.blockLog.conflict++;
      conflicts.push({
        type: 'blockLog',
        id: chain.installationId,
        kept: 'this browser',
        why: r.why,
      });
      refused.push({ installationId: chain.installationId, why: r.why });
      continue;
    }
    counts.blockLog.duplicate += r.duplicate;
    if (r.kind === 'add') {
      counts.blockLog.new += r.plan.recordIds.length;
      imports.push(r.plan);
    }
  }
  const check = await verifyChain(merged.log);
  if (!check.ok) {
    throw new Error(
      `the merged block log does not verify at record ${check.firstBadSeq}: ${check.reason}`,
    );
  }
  const changes =
    IMPORT_TYPES.reduce((n, t) => n + counts[t].new, 0) +
    conflicts.filter((c) => c.kept === 'the file').length;
  return {
    counts,
    conflicts,
    blockLog: merged.mode,
    imports,
    refused,
    changes,
    merged: {
      settings: settings as unknown as S,
      moderator,
      accounts,
      blockLog: merged.log,
      contacts,
      events,
      drafts,
      ...(local.otherChains ? { otherChains: local.otherChains } : {}),
    },
  };
}

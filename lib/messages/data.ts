import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import {
  BACKUP_MAX_BYTES,
  makeBackup,
  parseBackup,
  planImport,
  type BackupData,
  type BackupFile,
  type ImportPlan,
} from '../records/backup';
import {
  AuditLogSchema,
  applyRetention,
  erasePerson,
  type AuditEntry,
  type HeldData,
  type Removal,
} from '../records/retention';
import type { BlockLog, Contact, Moderator } from '../records';
import {
  DraftSchema,
  accountsItem,
  auditLogItem,
  draftsItem,
  moderatorItem,
  readChecked,
  repeatEventsItem,
  type CheckedItem,
  type Draft,
} from '../storage/records';
import { blockLogStore, loadBlockLog } from '../storage/blockLogDb';
import { contactStore, loadContacts } from '../storage/contactsDb';
import { installationId } from '../storage/installation';
import { loadOtherChains, otherChainsStore, type ChainImport } from '../storage/otherChains';
import { recordsDb } from '../storage/recordsDb';
import { DEFAULT_SETTINGS, SettingsSchema, readSettings, type Settings } from '../storage/settings';

/** The schemas of the parts of a backup that live in lib/storage. */
export const BACKUP_PARTS = { settings: SettingsSchema, draft: DraftSchema };

export type LocalBackupData = BackupData<Settings, Draft>;
export type LocalBackupFile = BackupFile<Settings, Draft>;
export type LocalImportPlan = ImportPlan<Settings, Draft>;

/** The running extension's version, or 'unknown' outside an extension (tests, CLI). */
export function appVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return 'unknown';
  }
}

/** Reads everything a backup holds. `quarantine` only in the background (the one writer). */
export async function readAll(
  now: Date,
  quarantine: boolean,
  warnings: string[] = [],
): Promise<LocalBackupData> {
  const get = async <T>(item: CheckedItem<T>): Promise<T> => {
    const r = await readChecked(item, { quarantine, now });
    if (r.problem) warnings.push(r.problem.message);
    return r.value;
  };
  const readContactsChecked = async () => {
    const r = quarantine ? await contactStore.read(now) : await loadContacts(now);
    for (const p of r.problems) warnings.push(p.message);
    return r.contacts;
  };
  const readLog = async () => {
    // The background (quarantine) reads through its store, which keeps the copy it writes from.
    const r = quarantine ? await blockLogStore.read(now) : await loadBlockLog(now);
    if (r.problem) warnings.push(r.problem.message);
    return r.value;
  };
  const readOtherChains = async () => {
    const r = quarantine
      ? await otherChainsStore.read(now)
      : await loadOtherChains(recordsDb(), await installationId(), now);
    for (const p of r.problems) warnings.push(p.message);
    return r.chains;
  };
  const otherChains = await readOtherChains();
  return {
    ...(otherChains.length > 0 ? { otherChains } : {}),
    settings: await readSettings(),
    moderator: await get(moderatorItem),
    accounts: (await get(accountsItem)).accounts,
    blockLog: await readLog(),
    contacts: await readContactsChecked(),
    events: (await get(repeatEventsItem)).events,
    drafts: (await get(draftsItem)).drafts,
  };
}

/** The audit log as stored (an unreadable log reads as empty, with the reason on the console). */
export async function readAuditLog(): Promise<AuditEntry[]> {
  const parsed = AuditLogSchema.safeParse(await auditLogItem.getValue());
  if (parsed.success) return parsed.data;
  console.warn('Moderator Assist: the audit log is not valid and was read as empty.');
  return [];
}

/** Ids of every record erased or deleted here, which a restore must not bring back. */
export function erasedIdsOf(log: readonly AuditEntry[]): Set<string> {
  const ids = new Set<string>();
  for (const e of log) if (e.action !== 'import') for (const id of e.recordIds) ids.add(id);
  return ids;
}

/**
 * A backup of everything stored now.
 *
 * @example
 * const file = await currentBackup(new Date());
 */
export async function currentBackup(now: Date): Promise<LocalBackupFile> {
  const data = await readAll(now, false);
  return makeBackup(data, {
    appVersion: appVersion(),
    now,
    by: data.moderator,
    installationId: await installationId(),
  });
}

/**
 * Reads and plans an import against what is stored now, changing nothing: the preview the options
 * page shows, and the plan the background applies.
 *
 * @example
 * const r = await previewImport(text, new Date());
 * if (r.ok) r.plan.counts.contacts.new;
 */
export async function previewImport(
  text: unknown,
  now: Date,
  quarantine = false,
  warnings: string[] = [],
): Promise<
  { ok: true; plan: LocalImportPlan; file: LocalBackupFile } | { ok: false; message: string }
> {
  const parsed = await parseBackup(text, BACKUP_PARTS);
  if (!parsed.ok) return parsed;
  const local = await readAll(now, quarantine, warnings);
  try {
    const plan = await planImport(local, parsed.file, {
      erasedIds: erasedIdsOf(await readAuditLog()),
      defaults: DEFAULT_SETTINGS,
      installationId: await installationId(),
    });
    return { ok: true, plan, file: parsed.file };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      message: `The backup could not be merged (${detail}). Nothing was changed.`,
    };
  }
}

function audit(
  action: AuditEntry['action'],
  by: Moderator,
  now: Date,
  id: string,
  removed: Removal,
): AuditEntry {
  return {
    id,
    at: now.toISOString(),
    by,
    action,
    counts: {
      blockLog: removed.blockLog,
      contacts: removed.contacts,
      repeatEvents: removed.repeatEvents,
      drafts: removed.drafts,
    },
    recordIds: removed.recordIds,
  };
}

/**
 * Writes the new state: the block log and the contacts first (the records database), then
 * everything else in ONE storage call (`storage.local.set` with every key). When that call is
 * refused (quota, a browser error) the log and contacts are put back as they were, so a refused
 * write changes nothing; if even that fails, the error says which changed and nothing else did.
 */
async function writeAll(
  data: Partial<LocalBackupData>,
  auditEntry: AuditEntry | null,
): Promise<void> {
  const items: { key: `local:${string}`; value: unknown }[] = [];
  if (data.settings) items.push({ key: 'local:settings', value: data.settings });
  if (data.moderator !== undefined)
    items.push({ key: moderatorItem.key as `local:${string}`, value: data.moderator });
  if (data.accounts)
    items.push({
      key: accountsItem.key as `local:${string}`,
      value: { schemaVersion: 1, accounts: data.accounts },
    });
  const now = new Date();
  let logBefore: BlockLog | null = null;
  let contactsBefore: Contact[] | null = null;
  if (data.blockLog) {
    logBefore = (await blockLogStore.read(now)).value;
    await blockLogStore.write(data.blockLog);
  }
  if (data.contacts) {
    contactsBefore = (await contactStore.read(now)).contacts;
    try {
      await contactStore.replace(data.contacts, now);
    } catch (err) {
      await putBack(logBefore, contactsBefore, err, 'every contact');
    }
  }
  if (data.events)
    items.push({
      key: repeatEventsItem.key as `local:${string}`,
      value: { schemaVersion: 1, events: data.events },
    });
  if (data.drafts)
    items.push({
      key: draftsItem.key as `local:${string}`,
      value: { schemaVersion: 1, drafts: data.drafts },
    });
  if (auditEntry)
    items.push({ key: 'local:auditLog', value: [...(await readAuditLog()), auditEntry] });
  try {
    await storage.setItems(items);
  } catch (err) {
    await putBack(logBefore, contactsBefore, err, 'the rest');
  }
}

/**
 * After `failed` refused part of a write (`what`): puts the block log and contacts written before
 * it back as they were, then throws saying what was and was not saved.
 */
async function putBack(
  log: BlockLog | null,
  contacts: Contact[] | null,
  failed: unknown,
  what: string,
): Promise<never> {
  const detail = failed instanceof Error ? failed.message : String(failed);
  if (!log && !contacts) throw failed;
  const left: string[] = [];
  if (contacts) {
    try {
      await contactStore.replace(contacts, new Date());
    } catch {
      left.push('the contacts');
    }
  }
  if (log) {
    try {
      await blockLogStore.write(log);
    } catch {
      left.push('the block log');
    }
  }
  if (left.length > 0) {
    throw new Error(
      `${left.join(' and ')} changed, but ${what} could not be saved (${detail}); the audit log does not record the change`,
    );
  }
  throw new Error(`nothing was saved (${detail})`);
}

export interface DataCtx {
  now: Date;
  newId: () => string;
  warnings: string[];
  moderator: Moderator;
}

/**
 * Validates, plans and applies a restore. Other installations' records go first, each on its own
 * chain exactly as in the file (new documents only: nothing held is written over), with a
 * provenance document naming `fileName`, the moderator and the time; then everything else, with
 * the audit event listing the imported records' ids. A failure says what was and was not saved.
 */
export async function importBackup(
  ctx: DataCtx,
  text: string,
  fileName = '',
): Promise<{ ok: boolean; message: string }> {
  if (text.length > BACKUP_MAX_BYTES) {
    return {
      ok: false,
      message: 'The file is larger than 50 MB, so it was not read. Nothing was changed.',
    };
  }
  const r = await previewImport(text, ctx.now, true, ctx.warnings);
  if (!r.ok) return r;
  const { plan } = r;
  const notRestored = plan.refused.map((c) => ` ${c.why}`).join('');
  if (plan.changes === 0) {
    return {
      ok: true,
      message: `Nothing to restore: everything in the file is already here.${notRestored}`,
    };
  }
  const at = ctx.now.toISOString();
  const imports: ChainImport[] = plan.imports.map((p) => ({
    installationId: p.installationId,
    add: p.add,
    carried: p.carried,
    provenance: {
      installationId: p.installationId,
      file: fileName.slice(0, 255),
      by: ctx.moderator,
      at,
      firstSeq: p.firstSeq,
      lastSeq: p.lastSeq,
      headHash: p.headHash,
      recordIds: p.recordIds,
    },
  }));
  const importedIds = plan.imports.flatMap((p) => p.recordIds);
  if (imports.length > 0) {
    try {
      await otherChainsStore.add(imports);
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      return {
        ok: false,
        message: `Other installations’ records could not all be saved (${detail}); nothing else in the file was restored.`,
      };
    }
  }
  try {
    await writeAll(plan.merged, {
      id: ctx.newId(),
      at,
      by: ctx.moderator,
      action: 'import',
      counts: {
        blockLog: plan.counts.blockLog.new,
        contacts: plan.counts.contacts.new,
        repeatEvents: plan.counts.repeatEvents.new,
        drafts: plan.counts.drafts.new,
      },
      recordIds: importedIds,
    });
  } catch (err) {
    if (imports.length === 0) throw err;
    const detail = err instanceof Error ? err.message : String(err);
    throw new Error(
      `${importedIds.length} records of other installations were restored on their own chains, with where they came from; nothing else was saved, and the audit log does not record the restore (${detail})`,
    );
  }
  const conflicts = plan.conflicts.length;
  const chains = imports.length;
  const imported =
    chains > 0
      ? `; ${importedIds.length} block-log record${importedIds.length === 1 ? '' : 's'} of ${chains === 1 ? 'another installation' : `${chains} other installations`} kept on ${chains === 1 ? 'its own chain' : 'their own chains'}, marked as imported from this backup`
      : '';
  return {
    ok: true,
    message: `Restored ${plan.changes} new item${plan.changes === 1 ? '' : 's'} from the backup${imported}${conflicts > 0 ? `; ${conflicts} conflict${conflicts === 1 ? '' : 's'} listed, the copy here kept except where a draft in the file was newer` : ''}.${notRestored}`,
  };
}

function held(all: LocalBackupData): HeldData<Draft> {
  return { blockLog: all.blockLog, contacts: all.contacts, events: all.events, drafts: all.drafts };
}

function describeRemoval(r: Removal): string {
  const parts = [
    [r.blockLog, 'block-log entr', 'y', 'ies'],
    [r.contacts, 'contact', '', 's'],
    [r.repeatEvents, 'repeat-caller event', '', 's'],
    [r.drafts, 'draft', '', 's'],
  ] as const;
  const said = parts
    .filter(([n]) => n > 0)
    .map(([n, w, one, many]) => `${n} ${w}${n === 1 ? one : many}`);
  return said.length > 0 ? said.join(', ') : 'nothing';
}

/** Deletes the listed records that are past retention now, and logs the deletion. */
export async function deleteExpired(
  ctx: DataCtx,
  listed: { blockEntries: string[]; contacts: string[]; events: string[] },
): Promise<{ ok: boolean; message: string }> {
  const all = await readAll(ctx.now, true, ctx.warnings);
  const toListed = (ids: string[]) => ids.map((id) => ({ id, at: '', who: '' }));
  const result = applyRetention(
    held(all),
    {
      blockEntries: toListed(listed.blockEntries),
      contacts: toListed(listed.contacts),
      events: toListed(listed.events),
    },
    all.settings.retentionDays,
    ctx.now,
  );
  if (result.removed.recordIds.length === 0) {
    return {
      ok: true,
      message: 'Nothing listed is past its retention period now, so nothing was deleted.',
    };
  }
  await writeAll(
    result.data,
    audit('retention-delete', ctx.moderator, ctx.now, ctx.newId(), result.removed),
  );
  return {
    ok: true,
    message: `Deleted ${describeRemoval(result.removed)} past retention. The deletion is in the audit log.`,
  };
}

/** Erases everything about one person (all linked identities) and logs it without naming them. */
export async function eraseOne(
  ctx: DataCtx,
  userKey: string,
): Promise<{ ok: boolean; message: string }> {
  const all = await readAll(ctx.now, true, ctx.warnings);
  const result = erasePerson(held(all), userKey, ctx.now);
  if (result.removed.recordIds.length === 0) {
    return { ok: true, message: `Nothing is held about ${userKey}, so nothing was erased.` };
  }
  await writeAll(
    result.data,
    audit('erasure', ctx.moderator, ctx.now, ctx.newId(), result.removed),
  );
  return {
    ok: true,
    message: `Erased ${describeRemoval(result.removed)} (identities: ${result.keys.join(', ')}). The erasure is in the audit log, without their details.`,
  };
}

import { z } from 'zod';
import { currentView, eraseRecords, type ErasureReason } from './chain';
import { buildLinkTable, personKeys, tryUserKey } from './identity';
import type {
  BlockLog,
  Contact,
  Moderator,
  RepeatCallerEvent,
  Tombstone,
  UserIdentity,
} from './schemas';
import { IsoUtcSchema, ModeratorSchema } from './schemas';
import { formatLondon } from './time';
import type { Platform } from '../policy/schema';
import type { RetentionDays } from './retentionDays';

export { DEFAULT_RETENTION_DAYS, type RetentionDays } from './retentionDays';

/** A saved draft, as far as retention and erasure need to know it. */
export interface DraftRef {
  id: string;
  platform: Platform;
  handle: string;
  profileUrl: string;
  updatedAt: string;
}

/** The records held, as retention and erasure see them. */
export interface HeldData<D extends DraftRef = DraftRef> {
  blockLog: BlockLog;
  contacts: Contact[];
  events: RepeatCallerEvent[];
  drafts: D[];
}

/** One record listed for deletion: enough to recognise it, no content. */
export interface ListedRecord {
  id: string;
  at: string;
  who: string;
}

/** What is past retention now, per kind, with the cut-off used. */
export interface RetentionReport {
  cutoff: Record<keyof RetentionDays, string>;
  blockEntries: ListedRecord[];
  contacts: ListedRecord[];
  events: ListedRecord[];
}

const DAY_MS = 86_400_000;

function keyOf(user: UserIdentity): string {
  return tryUserKey(user) ?? `${user.platform}:(unknown)`;
}

/**
 * The records past their retention period: a block entry when its latest amendment (or the entry,
 * if none) is older than the period, a contact or event when it is.
 *
 * @example
 * const due = expiredRecords(data, DEFAULT_RETENTION_DAYS, new Date());
 * due.contacts.length; // contacts older than a year
 */
export function expiredRecords(data: HeldData, days: RetentionDays, now: Date): RetentionReport {
  const cut = (d: number) => new Date(now.getTime() - d * DAY_MS).toISOString();
  const cutoff = {
    blockLog: cut(days.blockLog),
    contacts: cut(days.contacts),
    repeatEvents: cut(days.repeatEvents),
  };
  return {
    cutoff,
    blockEntries: currentView(data.blockLog)
      .filter((v) => v.lastChangedAt < cutoff.blockLog)
      .map((v) => ({ id: v.original.id, at: v.lastChangedAt, who: keyOf(v.entry.user) })),
    contacts: data.contacts
      .filter((c) => c.at < cutoff.contacts)
      .map((c) => ({ id: c.id, at: c.at, who: c.userKey })),
    events: data.events
      .filter((e) => e.at < cutoff.repeatEvents)
      .map((e) => ({ id: e.id, at: e.at, who: e.userKey })),
  };
}

/** How many records of each kind went, and their ids (ids are not content; see the audit log). */
export interface Removal {
  blockLog: number;
  contacts: number;
  repeatEvents: number;
  drafts: number;
  recordIds: string[];
}

/** The data after a removal, and what went. */
export interface RemovalResult<D extends DraftRef> {
  data: HeldData<D>;
  removed: Removal;
  tombstones: Tombstone[];
}

function remove<D extends DraftRef>(
  data: HeldData<D>,
  ids: {
    entries: ReadonlySet<string>;
    contacts: ReadonlySet<string>;
    events: ReadonlySet<string>;
    drafts: ReadonlySet<string>;
  },
  reason: ErasureReason,
  now: Date,
): RemovalResult<D> {
  const { log, erased } = eraseRecords(data.blockLog, ids.entries, reason, now);
  const contacts = data.contacts.filter((c) => !ids.contacts.has(c.id));
  const events = data.events.filter((e) => !ids.events.has(e.id));
  const drafts = data.drafts.filter((d) => !ids.drafts.has(d.id));
  return {
    data: { blockLog: log, contacts, events, drafts },
    tombstones: erased,
    removed: {
      blockLog: ids.entries.size,
      contacts: data.contacts.length - contacts.length,
      repeatEvents: data.events.length - events.length,
      drafts: data.drafts.length - drafts.length,
      recordIds: [
        ...erased.map((t) => t.id),
        ...data.contacts.filter((c) => ids.contacts.has(c.id)).map((c) => c.id),
        ...data.events.filter((e) => ids.events.has(e.id)).map((e) => e.id),
        ...data.drafts.filter((d) => ids.drafts.has(d.id)).map((d) => d.id),
      ],
    },
  };
}

/**
 * Deletes the listed records that are (still) past retention; anything listed that is no longer
 * due, because it changed since the list was drawn, is kept. Block entries leave tombstones.
 *
 * @example
 * const { data: after, removed } = applyRetention(data, report, DEFAULT_RETENTION_DAYS, new Date());
 */
export function applyRetention<D extends DraftRef>(
  data: HeldData<D>,
  listed: Pick<RetentionReport, 'blockEntries' | 'contacts' | 'events'>,
  days: RetentionDays,
  now: Date,
): RemovalResult<D> {
  const due = expiredRecords(data, days, now);
  const pick = (now: ListedRecord[], asked: ListedRecord[]) => {
    const wanted = new Set(asked.map((r) => r.id));
    return new Set(now.filter((r) => wanted.has(r.id)).map((r) => r.id));
  };
  return remove(
    data,
    {
      entries: pick(due.blockEntries, listed.blockEntries),
      contacts: pick(due.contacts, listed.contacts),
      events: pick(due.events, listed.events),
      drafts: new Set(),
    },
    'retention',
    now,
  );
}

/** Everything held about one person (all their linked identities). */
export interface PersonRecords<D extends DraftRef> {
  userKey: string;
  keys: readonly string[];
  entryIds: Set<string>;
  contacts: Contact[];
  events: RepeatCallerEvent[];
  drafts: D[];
}

function draftKey(d: DraftRef): string | null {
  return tryUserKey({
    platform: d.platform,
    ...(d.handle.trim() ? { handle: d.handle.trim() } : {}),
    ...(d.profileUrl.trim() ? { profileUrl: d.profileUrl.trim() } : {}),
  });
}

/**
 * The records about one person: their user key and every key linked to it, block entries whose
 * user (as logged or as corrected) is one of them, contacts, repeat-caller events naming them
 * (including the links themselves) and saved drafts.
 *
 * @example
 * personRecords(data, 'x:jbloggs').contacts.length;
 */
export function personRecords<D extends DraftRef>(
  data: HeldData<D>,
  userKey: string,
): PersonRecords<D> {
  const keys = personKeys(buildLinkTable(data.events), userKey);
  const has = (k: string | null) => k !== null && keys.includes(k);
  const entryIds = new Set(
    currentView(data.blockLog)
      .filter((v) => has(tryUserKey(v.original.user)) || has(tryUserKey(v.entry.user)))
      .map((v) => v.original.id),
  );
  return {
    userKey,
    keys,
    entryIds,
    contacts: data.contacts.filter((c) => has(c.userKey)),
    events: data.events.filter(
      (e) =>
        has(e.userKey) || ((e.kind === 'linked' || e.kind === 'unlinked') && has(e.otherUserKey)),
    ),
    drafts: data.drafts.filter((d) => has(draftKey(d))),
  };
}

/**
 * Erases one person: every record `personRecords` finds. Block entries leave tombstones.
 *
 * @example
 * const { data: after, removed } = erasePerson(data, 'x:jbloggs', new Date());
 */
export function erasePerson<D extends DraftRef>(
  data: HeldData<D>,
  userKey: string,
  now: Date,
): RemovalResult<D> & { keys: readonly string[] } {
  const p = personRecords(data, userKey);
  return {
    keys: p.keys,
    ...remove(
      data,
      {
        entries: p.entryIds,
        contacts: new Set(p.contacts.map((c) => c.id)),
        events: new Set(p.events.map((e) => e.id)),
        drafts: new Set(p.drafts.map((d) => d.id)),
      },
      'erasure-request',
      now,
    ),
  };
}

/** A subject access file: everything held about one person, in one place. */
export interface SubjectAccessFile<D extends DraftRef> {
  format: 'moderator-assist-subject-access';
  schemaVersion: 1;
  exportedAt: string;
  exportedBy: Moderator;
  subject: { userKey: string; linkedKeys: readonly string[] };
  blockLog: {
    id: string;
    createdAt: string;
    status: string;
    entry: unknown;
    original: unknown;
    amendments: unknown[];
  }[];
  contacts: Contact[];
  events: RepeatCallerEvent[];
  drafts: D[];
}

/**
 * Everything held about one person for a subject access request: a JSON file with the records as
 * held, and a plain-text summary a person can read.
 *
 * @example
 * const { file, text } = subjectAccess(data, 'x:jbloggs', moderator, new Date());
 */
export function subjectAccess<D extends DraftRef>(
  data: HeldData<D>,
  userKey: string,
  by: Moderator,
  now: Date,
): { file: SubjectAccessFile<D>; text: string } {
  const p = personRecords(data, userKey);
  const views = currentView(data.blockLog).filter((v) => p.entryIds.has(v.original.id));
  const file: SubjectAccessFile<D> = {
    format: 'moderator-assist-subject-access',
    schemaVersion: 1,
    exportedAt: now.toISOString(),
    exportedBy: by,
    subject: { userKey, linkedKeys: p.keys },
    blockLog: views.map((v) => ({
      id: v.original.id,
      createdAt: v.original.createdAt,
      status: v.status,
      entry: v.entry,
      original: v.original,
      amendments: v.amendments,
    })),
    contacts: p.contacts,
    events: p.events,
    drafts: p.drafts,
  };
  const lines = [
    'Moderator Assist: information held about one person',
    `Identities: ${p.keys.join(', ')}`,
    `Prepared ${formatLondon(file.exportedAt)} by ${by.name} (${by.staffNumber})`,
    '',
    `Block decisions (${views.length})`,
    ...views.map(
      (v) =>
        `- ${formatLondon(v.original.createdAt)}: ${v.status}; criteria ${v.entry.criteria.join(', ') || 'none'}; reason: ${v.entry.justification}`,
    ),
    '',
    `Recorded contacts (${p.contacts.length})`,
    ...p.contacts.map(
      (c) =>
        `- ${formatLondon(c.at)}: ${c.reason} on ${c.accountId}${c.evidence ? `; said: "${c.evidence.text}"` : ''}${c.note ? `; note: ${c.note}` : ''}`,
    ),
    '',
    `Repeat-caller events (${p.events.length})`,
    ...p.events.map(
      (e) =>
        `- ${formatLondon(e.at)}: ${e.kind}${'advice' in e ? `: ${e.advice}` : 'why' in e ? `: ${e.why}` : ''}`,
    ),
    '',
    `Unfinished block drafts (${p.drafts.length})`,
    ...p.drafts.map((d) => `- last saved ${formatLondon(d.updatedAt)}`),
    '',
  ];
  return { file, text: lines.join('\n') };
}

const CountsSchema = z.object({
  blockLog: z.int().min(0),
  contacts: z.int().min(0),
  repeatEvents: z.int().min(0),
  drafts: z.int().min(0),
});

/**
 * One line of the data-management audit log (`local:auditLog`): what kind of change, how many
 * records of each kind, when and by whom, and the ids of the records removed (so a restore from an
 * older backup does not bring them back). Never the content, and never who an erasure was about.
 *
 * @example
 * AuditEntrySchema.parse({
 *   id: '7d1f7f8e-2c1b-4c55-8b0a-7b8a3f3e9a10', at: '2026-11-25T10:00:00.000Z',
 *   by: { name: 'A. Moderator', staffNumber: '12345' }, action: 'erasure',
 *   counts: { blockLog: 1, contacts: 4, repeatEvents: 0, drafts: 0 }, recordIds: [],
 * });
 */
export const AuditEntrySchema = z.object({
  id: z.uuid(),
  at: IsoUtcSchema,
  by: ModeratorSchema,
  action: z.enum(['retention-delete', 'erasure', 'import']),
  counts: CountsSchema,
  recordIds: z.array(z.string().min(1).max(200)),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export const AuditLogSchema = z.array(AuditEntrySchema);

import { z } from 'zod';
import { PlatformSchema } from '../policy/schema';
import { CommentCaptureSchema } from '../overlay/messages';
import {
  ContactReasonSchema,
  CorrectionPatchSchema,
  ExportFilterSchema,
  IsoUtcSchema,
  ModeratorSchema,
  SettledOutcomeSchema,
  UserKeySchema,
  type BlockIndex,
  type BlockView,
  type ChainedRecord,
  type Contact,
  type RepeatCallerEvent,
  type RepeatGuidance,
  type RepeatStatus,
} from '../records';
import { DraftSchema } from '../storage/records';
import { BACKUP_MAX_BYTES } from '../records/backup';
import { AccountInputSchema } from '../records/accounts';
import type { PostRemovals } from '../storage/removals';
import type { RepeatOverview } from '../storage/overview';

/**
 * Everything the background accepts, from the overlay (`contact:record`, `block:start-draft`)
 * and from the popup. One schema, so a message of the wrong shape is refused with a reason
 * rather than half-handled.
 */
export const RequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('contact:record'), comment: CommentCaptureSchema }),
  z.object({ type: z.literal('block:start-draft'), comment: CommentCaptureSchema }),
  /** The moderator removed or hid this comment on the platform themselves (many-removals reminder). */
  z.object({ type: z.literal('removal:record'), comment: CommentCaptureSchema }),
  /** How many removals are recorded on the post this page shows. */
  z.object({ type: z.literal('removal:status'), pageUrl: z.string().min(1) }),
  /** Dismiss the many-removals reminder for the post this page shows. */
  z.object({ type: z.literal('removal:dismiss'), pageUrl: z.string().min(1) }),
  z.object({
    type: z.literal('contact:add-manual'),
    /** Chosen by the form when it opens: the contact's id, so a second press records it once. */
    requestId: z.uuid(),
    platform: PlatformSchema,
    /** A handle or a profile URL, as typed. */
    user: z.string().trim().min(1),
    displayName: z.string().optional(),
    accountId: z.string().min(1),
    at: IsoUtcSchema.optional(),
    reason: ContactReasonSchema,
    note: z.string().optional(),
    link: z.string().optional(),
  }),
  z.object({ type: z.literal('block:save-draft'), draft: DraftSchema }),
  z.object({ type: z.literal('block:discard-draft'), id: z.uuid() }),
  z.object({ type: z.literal('block:confirm'), draft: DraftSchema }),
  z.object({
    type: z.literal('block:amend'),
    /** Chosen by the form when it opens: the amendment's id, so a second press adds it once. */
    requestId: z.uuid(),
    entryId: z.uuid(),
    amendment: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('note'), why: z.string().trim().min(1) }),
      z.object({ kind: z.literal('unblock'), why: z.string().trim().min(1) }),
      z.object({
        kind: z.literal('outcome'),
        why: z.string().trim().min(1),
        data: SettledOutcomeSchema,
      }),
      z.object({
        kind: z.literal('correction'),
        why: z.string().trim().min(1),
        data: CorrectionPatchSchema,
      }),
    ]),
  }),
  /** The block log's list, one small row per entry, for the Block log tab. */
  z.object({ type: z.literal('block:list') }),
  /** One entry as it reads now and its links in the chain, for the entry's details. */
  z.object({ type: z.literal('block:entry'), entryId: z.uuid() }),
  /** Check the block log's hash chain. */
  z.object({ type: z.literal('block:verify') }),
  /** The block log (the entries the filter picks) as export text, to download. */
  z.object({
    type: z.literal('block:export'),
    format: z.enum(['csv', 'json']),
    filter: ExportFilterSchema,
  }),
  z.object({
    type: z.literal('repeat:advise'),
    /** The advice event's id, chosen by the form (see `contact:add-manual`). */
    requestId: z.uuid(),
    userKey: UserKeySchema,
    how: z.enum(['public-reply', 'private-message', 'other']),
    advice: z.string().trim().min(1),
    at: IsoUtcSchema.optional(),
  }),
  z.object({
    type: z.literal('status:lookup'),
    query: z.string().min(1),
    platform: PlatformSchema.optional(),
  }),
  z.object({ type: z.literal('moderator:set'), moderator: ModeratorSchema }),
  /** Restore a backup file (the text as read); validated, merged and written all or nothing. */
  z.object({
    type: z.literal('data:import'),
    text: z.string().max(BACKUP_MAX_BYTES),
    /** The backup file's name, kept with other installations' records it brings in. */
    fileName: z.string().max(255).optional(),
  }),
  /** Delete these records if they are still past retention; logged in the audit log. */
  z.object({
    type: z.literal('data:retention-delete'),
    blockEntries: z.array(z.uuid()),
    contacts: z.array(z.uuid()),
    events: z.array(z.uuid()),
  }),
  /** Erase everything held about one person (and their linked identities). */
  z.object({ type: z.literal('data:erase-person'), userKey: UserKeySchema }),
  /** The overlay's one question per page (and per change): where do these authors stand? */
  z.object({
    type: z.literal('status:batch'),
    userKeys: z.array(UserKeySchema).max(5000),
    platform: PlatformSchema,
    pageUrl: z.string().min(1),
  }),
  /**
   * What the popup's Repeat callers tab lists (the list, those one short, counts), worked out now
   * by the background from the contacts it holds parsed, so the popup never parses them. The
   * answer is also stored as `local:repeatOverview`, which the popup shows while this is worked
   * out by a background that has just started.
   */
  z.object({ type: z.literal('repeat:overview') }),
  /** One person's status, contacts and advice, for the popup's lookup panel. */
  z.object({ type: z.literal('repeat:person'), userKey: UserKeySchema }),
  /** Two identities of one person (e.g. a Facebook profile and an X handle) count together. */
  z.object({
    type: z.literal('repeat:link'),
    /** The link event's id, chosen by the form (see `contact:add-manual`). */
    requestId: z.uuid(),
    userKey: UserKeySchema,
    otherUserKey: UserKeySchema,
    why: z.string().trim().min(1),
  }),
  /** Add a force account (no id) or edit one (its id), from the options page. */
  z.object({ type: z.literal('accounts:save'), account: AccountInputSchema }),
  /** Remove a force account; its contacts stay and count as not enrolled. */
  z.object({ type: z.literal('accounts:remove'), id: z.string().min(1) }),
]);
export type Request = z.infer<typeof RequestSchema>;
export type RequestType = Request['type'];

/** The status of one user as `status:lookup` answers it. */
export interface StatusSummary {
  userKey: string;
  state: string;
  stateText: string;
  countInWindow: number;
  windowDays: number;
  threshold: number;
  text: string;
  advisedAt?: string;
  blockedAt?: string;
  /** Contacts kept on accounts outside the scheme, which do not count. */
  notCounted?: number;
}

/** What `status:batch` answers: statuses of the users with anything recorded, and guidance. */
export interface StatusBatch {
  statuses: Record<string, StatusSummary>;
  windowDays: number;
  /** Annex 1 guidance for the force account this page belongs to. */
  guidance?: RepeatGuidance & { accountLabel: string };
}

// The list's shapes are zod schemas (lib/storage/overview.ts) because the background also stores
// the last list as a snapshot the popup can show at once.
export type { OverviewRow, RepeatOverview } from '../storage/overview';

/** What `repeat:person` answers: the status, and what the timeline and block draft need. */
export interface PersonDetail {
  status: RepeatStatus;
  /** Contacts of every linked identity, oldest first. */
  contacts: Contact[];
  advice: Extract<RepeatCallerEvent, { kind: 'advised' }>[];
}

/**
 * Every answer. `ok: false` always carries a message a moderator can act on; `warnings` reports
 * stored data that had to be quarantined while handling the request.
 */
export type Reply =
  | {
      ok: true;
      message?: string;
      warnings?: string[];
      draftId?: string;
      entryId?: string;
      status?: StatusSummary;
      batch?: StatusBatch;
      removals?: PostRemovals;
      overview?: RepeatOverview;
      person?: PersonDetail;
      /** `block:list`: the block log's list (one row per entry, oldest first). */
      index?: BlockIndex;
      /**
       * `block:entry`: the entry as it reads now and its links in the chain; `imported` says where
       * an entry of another installation's chain came from.
       */
      entry?: { view: BlockView; links: ChainedRecord[]; imported?: string };
      /** `block:verify`: whether the chain verified, in words naming the first bad record. */
      verification?: { ok: boolean; text: string };
      /** `block:export`: the file's text. */
      exported?: string;
    }
  | { ok: false; error: string; warnings?: string[] };

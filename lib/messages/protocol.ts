import { z } from 'zod';
import { PlatformSchema } from '../policy/schema';
import { CommentCaptureSchema } from '../overlay/messages';
import {
  ContactReasonSchema,
  CorrectionPatchSchema,
  IsoUtcSchema,
  ModeratorSchema,
  SettledOutcomeSchema,
  UserKeySchema,
} from '../records';
import { DraftSchema } from '../storage/records';

/**
 * Everything the background accepts, from the overlay (`contact:record`, `block:start-draft`)
 * and from the popup. One schema, so a message of the wrong shape is refused with a reason
 * rather than half-handled.
 */
export const RequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('contact:record'), comment: CommentCaptureSchema }),
  z.object({ type: z.literal('block:start-draft'), comment: CommentCaptureSchema }),
  z.object({
    type: z.literal('contact:add-manual'),
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
  z.object({
    type: z.literal('repeat:advise'),
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
    }
  | { ok: false; error: string; warnings?: string[] };

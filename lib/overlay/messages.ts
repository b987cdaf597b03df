import { z } from 'zod';
import type { Finding } from '../detect/types';
import { ActionSchema, CriterionIdSchema, PlatformSchema, POLICY, criterion } from '../policy';
import type { ExtractedComment } from '../sites/types';
import { criteriaOf } from './findings';

/** A flagged comment as the overlay hands it to the background: what the moderator saw. */
export const CommentCaptureSchema = z.object({
  platform: PlatformSchema,
  /** The adapter's stable key (permalink, status id, comment id, or a hash). */
  key: z.string().min(1),
  text: z.string(),
  author: z.object({
    handle: z.string().optional(),
    displayName: z.string().optional(),
    profileUrl: z.string().optional(),
  }),
  /** The permalink when the page shows one, else the page's URL. */
  url: z.string().min(1),
  permalink: z.string().optional(),
  pageUrl: z.string().min(1),
  /** The time the site shows for the comment, when it shows one. */
  postedAt: z.string().optional(),
  /** When the overlay first saw it (ISO 8601, UTC). */
  seenAt: z.iso.datetime(),
  criteria: z.array(CriterionIdSchema),
  findings: z.array(
    z.object({
      criterion: CriterionIdSchema,
      action: ActionSchema,
      ruleId: z.string(),
      excerpt: z.string(),
      confidence: z.enum(['low', 'medium', 'high']),
      explanation: z.string(),
    }),
  ),
  policyVersion: z.string(),
});
export type CommentCapture = z.infer<typeof CommentCaptureSchema>;

/** Messages the overlay sends with `browser.runtime.sendMessage`. */
export const OverlayMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('contact:record'), comment: CommentCaptureSchema }),
  z.object({ type: z.literal('block:start-draft'), comment: CommentCaptureSchema }),
  /** The moderator removed or hid the comment on the platform themselves; this only notes it. */
  z.object({ type: z.literal('removal:record'), comment: CommentCaptureSchema }),
  /** How many removals are noted on the post this page shows (see lib/storage/removals.ts). */
  z.object({ type: z.literal('removal:status'), pageUrl: z.string().min(1) }),
  /** Dismisses the many-removals reminder for the post this page shows. */
  z.object({ type: z.literal('removal:dismiss'), pageUrl: z.string().min(1) }),
]);
export type OverlayMessage = z.infer<typeof OverlayMessageSchema>;

/**
 * What the background answers. Anything else (no answer, a thrown error, another shape) is shown
 * to the moderator as a failure, never swallowed.
 */
export const OverlayReplySchema = z.union([
  z.object({ ok: z.literal(true), message: z.string().optional() }),
  z.object({ ok: z.literal(false), error: z.string().min(1) }),
]);
export type OverlayReply = z.infer<typeof OverlayReplySchema>;

/** Builds the capture for one comment. */
export function captureComment(
  comment: ExtractedComment,
  findings: readonly Finding[],
  pageUrl: string,
  seenAt: Date,
): CommentCapture {
  return {
    platform: comment.site,
    key: comment.key,
    text: comment.text,
    author: { ...comment.author },
    url: comment.permalink ?? pageUrl,
    permalink: comment.permalink,
    pageUrl,
    postedAt: comment.time,
    seenAt: seenAt.toISOString(),
    criteria: criteriaOf(findings),
    findings: findings.map((f) => ({
      criterion: f.criterion,
      action: f.action,
      ruleId: f.ruleId,
      excerpt: f.excerpt,
      confidence: f.confidence,
      explanation: f.explanation,
    })),
    policyVersion: POLICY.version,
  };
}

/** Plain text for the clipboard: everything an evidence log or crime report needs. */
export function evidenceSummary(capture: CommentCapture): string {
  const who = capture.author;
  const name = [who.displayName, who.handle ? `@${who.handle.replace(/^@/, '')}` : undefined]
    .filter(Boolean)
    .join(' ');
  const lines = [
    `Moderator Assist evidence summary (${capture.platform === 'x' ? 'X' : 'Facebook'})`,
    `Author: ${name || 'not shown on the page'}`,
    `Profile URL: ${who.profileUrl ?? 'not shown on the page'}`,
    `Permalink: ${capture.permalink ?? `not shown (page: ${capture.pageUrl})`}`,
    `Posted: ${capture.postedAt ?? 'time not shown on the page'}`,
    `Time seen: ${capture.seenAt}`,
    'Text:',
    capture.text,
    'Findings:',
    ...capture.findings.map(
      (f) =>
        `- ${criterion(f.criterion).label} (${f.action === 'report-crime' ? 'report as a crime' : 'consider removing'}; ${f.confidence} confidence): “${f.excerpt}” – ${f.explanation}`,
    ),
    `Policy: ${POLICY.source}, pack ${capture.policyVersion}`,
  ];
  return lines.join('\n');
}

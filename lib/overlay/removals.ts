import { z } from 'zod';
import type { PostRemovals } from '../storage/removals';

/** Where the page's post stands, as the background answers `removal:*` requests. */
const PostRemovalsSchema = z.object({
  postKey: z.string(),
  count: z.int().min(0),
  threshold: z.int().min(1),
  dismissed: z.boolean(),
}) satisfies z.ZodType<PostRemovals>;

const RemovalsReplySchema = z.object({ ok: z.literal(true), removals: PostRemovalsSchema });

/**
 * The removals part of a background reply, or null when the reply has none (an error, an older
 * background, no answer).
 *
 * @example
 * removalsOf({ ok: true, removals: { postKey: 'k', count: 5, threshold: 5, dismissed: false } })?.count; // 5
 */
export function removalsOf(reply: unknown): PostRemovals | null {
  const parsed = RemovalsReplySchema.safeParse(reply);
  return parsed.success ? parsed.data.removals : null;
}

/** Should the page remind the moderator of Annex 1 about many removals? */
export function shouldRemind(removals: PostRemovals | null): boolean {
  return removals !== null && !removals.dismissed && removals.count >= removals.threshold;
}

/** The many-removals reminder: reading the background's answers about a post, and the reminder itself. */
import { z } from 'zod';
import type { PostRemovals } from '../storage/removals';
import type { OverlayMessage } from './messages';

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

export interface RemovalsReminderDeps {
  sendMessage: (message: OverlayMessage) => Promise<unknown>;
  /** The page's address now (the post is `postKeyOf` it, worked out by the background). */
  pageUrl: () => string;
  /** Answers that arrive after this aborts are dropped. */
  signal: AbortSignal;
  /** Redraws the summary now (the moderator pressed something). */
  render(): void;
  /** Redraws the summary in the next frame (an answer arrived). */
  requestRender(): void;
}

/**
 * The page summary's many-removals reminder (Annex 1): what the background last said about the
 * removals marked on this page's post, and dismissing the reminder for that post.
 */
export class RemovalsReminder {
  private removals: PostRemovals | null = null;
  private error: string | undefined;
  /** Bumped on navigation, so an answer about the previous post is not applied to this one. */
  private ask = 0;

  constructor(private readonly deps: RemovalsReminderDeps) {}

  /** What the summary shows: the reminder with why a dismissal failed, or null for none. */
  get shown(): { count: number; error?: string } | null {
    if (!shouldRemind(this.removals)) return null;
    return { count: this.removals!.count, ...(this.error ? { error: this.error } : {}) };
  }

  /**
   * Asks the background how many removals are marked on this page's post (on start, after
   * navigation, and when the removals in storage change, e.g. from another tab).
   */
  refresh(): void {
    if (this.deps.signal.aborted) return;
    const ask = this.ask;
    const pageUrl = this.deps.pageUrl();
    if (!pageUrl) return;
    this.deps
      .sendMessage({ type: 'removal:status', pageUrl })
      .then((reply) => this.apply(reply, ask))
      .catch((error: unknown) =>
        console.warn('Moderator Assist: could not read the removals on this post.', error),
      );
  }

  /** The page now shows another post: what was known is about the old one. */
  reset(): void {
    this.ask += 1;
    this.removals = null;
    this.error = undefined;
  }

  /** A reply from the background that may carry the post's removals (e.g. after marking one). */
  heard(reply: unknown): void {
    this.apply(reply, this.ask);
  }

  /** Hides the reminder for this post at once, and brings it back with the reason if not saved. */
  async dismiss(): Promise<void> {
    const before = this.removals;
    if (!before) return;
    const ask = this.ask;
    this.removals = { ...before, dismissed: true };
    this.error = undefined;
    this.deps.render();
    let failure: string;
    try {
      const reply = await this.deps.sendMessage({
        type: 'removal:dismiss',
        pageUrl: this.deps.pageUrl(),
      });
      if (removalsOf(reply)) {
        this.apply(reply, ask);
        return;
      }
      const error = (reply as { error?: unknown } | null)?.error;
      failure = typeof error === 'string' ? error : 'the extension did not answer';
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    if (ask !== this.ask || this.deps.signal.aborted) return;
    // Not saved: show the reminder again, saying why, so the moderator can try once more.
    this.removals = before;
    this.error = `Couldn't dismiss the reminder: ${failure}`;
    this.deps.render();
  }

  private apply(reply: unknown, ask: number): void {
    const removals = removalsOf(reply);
    if (!removals || ask !== this.ask || this.deps.signal.aborted) return;
    this.removals = removals;
    this.error = undefined;
    this.deps.requestRender();
  }
}

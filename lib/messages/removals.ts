import { readChecked } from '../storage/records';
import {
  addRemoval,
  dismissRemovals,
  postKeyOf,
  postRemovals,
  removalsItem,
  type RemovalsStore,
} from '../storage/removals';
import type { Reply, Request } from './protocol';

type RemovalRequest = Extract<
  Request,
  { type: 'removal:record' | 'removal:status' | 'removal:dismiss' }
>;

/**
 * The many-removals requests. Called by `handleMessage` inside its one write queue, so two tabs
 * marking comments at the same moment cannot overwrite each other's note.
 *
 * @example
 * await handleRemoval({ now, warnings: [] }, { type: 'removal:status', pageUrl: location.href });
 */
export async function handleRemoval(
  ctx: { now: Date; warnings: string[] },
  req: RemovalRequest,
): Promise<Reply> {
  const read = await readChecked(removalsItem, { quarantine: true, now: ctx.now });
  if (read.problem) ctx.warnings.push(read.problem.message);
  const store = read.value;
  switch (req.type) {
    case 'removal:status': {
      const removals = postRemovals(store, postKeyOf(req.pageUrl), ctx.now);
      return { ok: true, removals };
    }
    case 'removal:dismiss': {
      const postKey = postKeyOf(req.pageUrl);
      const next = dismissRemovals(store, postKey, ctx.now);
      await write(next);
      return {
        ok: true,
        message: 'Reminder dismissed for this post.',
        removals: postRemovals(next, postKey, ctx.now),
      };
    }
    case 'removal:record': {
      const c = req.comment;
      const made = addRemoval(
        store,
        { platform: c.platform, pageUrl: c.pageUrl, commentKey: c.key, criteria: c.criteria },
        ctx.now,
      );
      if (made.added) await write(made.store);
      const removals = postRemovals(made.store, made.postKey, ctx.now);
      const so = `${removals.count} ${removals.count === 1 ? 'removal' : 'removals'} marked on this post`;
      return {
        ok: true,
        message: made.added
          ? `Marked as removed / hidden (${so}). Moderator Assist does not change anything on the platform.`
          : `Already marked as removed / hidden (${so}).`,
        removals,
      };
    }
  }
}

async function write(store: RemovalsStore): Promise<void> {
  await removalsItem.item.setValue(store);
}

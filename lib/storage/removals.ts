import { z } from 'zod';
import { storage, type StorageItemKey } from 'wxt/utils/storage';
import {
  CriterionIdSchema,
  PlatformSchema,
  type CriterionId,
  type Platform,
} from '../policy/schema';
import type { CheckedItem } from './records';

/**
 * Removals the moderator has told the extension about ("Mark as removed / hidden" in the panel).
 * The extension never acts on the platform: this is only a note that the moderator did, kept so
 * the page can remind them of Annex 1 when they have removed many comments on one post.
 *
 * Nothing about the author is kept (no name, handle or text), only which post, which comment
 * (the adapter's key), when, and the criteria. Records older than `REMOVALS_KEEP_DAYS` are dropped
 * whenever the item is written, and a post's dismissal goes with its last removal.
 */
export const RemovalSchema = z.object({
  platform: PlatformSchema,
  /** `postKeyOf(pageUrl)`: the thread the comment was on. */
  postKey: z.string().min(1),
  /** The adapter's stable comment key; one record per post and comment. */
  commentKey: z.string().min(1),
  /** When the moderator marked it (ISO 8601, UTC). */
  at: z.iso.datetime(),
  criteria: z.array(CriterionIdSchema),
});
export type Removal = z.infer<typeof RemovalSchema>;

export const RemovalDismissalSchema = z.object({
  postKey: z.string().min(1),
  at: z.iso.datetime(),
});

export const RemovalsStoreSchema = z.object({
  schemaVersion: z.literal(1),
  removals: z.array(RemovalSchema),
  /** Posts whose many-removals reminder the moderator has dismissed. */
  dismissed: z.array(RemovalDismissalSchema),
});
export type RemovalsStore = z.infer<typeof RemovalsStoreSchema>;

/** Removals on one post at which the page reminds the moderator of Annex 1. */
export const MANY_REMOVALS_THRESHOLD = 5;
/** Days a removal note is kept: long enough for a busy post, short enough to hold little. */
export const REMOVALS_KEEP_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export const REMOVALS_STORAGE_KEY = 'local:removals' as const;

export const removalsItem: CheckedItem<RemovalsStore> = {
  name: 'removals',
  key: REMOVALS_STORAGE_KEY as StorageItemKey,
  item: storage.defineItem<RemovalsStore>(REMOVALS_STORAGE_KEY, {
    fallback: emptyRemovals(),
    version: 1,
    migrations: {},
  }),
  schema: RemovalsStoreSchema,
  fallback: emptyRemovals,
};

export function emptyRemovals(): RemovalsStore {
  return { schemaVersion: 1, removals: [], dismissed: [] };
}

const X_HOSTS = /^(?:www\.|mobile\.)?(?:x|twitter)\.com$/i;
const X_STATUS = /^\/(?:i\/web|i|[A-Za-z0-9_]{1,50})\/status(?:es)?\/(\d+)(?:\/|$)/;
const FB_HOSTS = /^(?:www\.|m\.|web\.|mbasic\.|touch\.)?facebook\.com$/i;
/** Query parameters that name a Facebook post (not a comment on it, not tracking). */
const FB_POST_PARAMS = ['story_fbid', 'id', 'fbid', 'v', 'set'];

/**
 * The post (thread) a page shows, as one stable key: the same post gives the same key whatever
 * the host alias, tracking parameters, fragment, trailing slash, photo view or focused comment.
 *
 * @example
 * postKeyOf('https://twitter.com/LeicsPolice/status/123/photo/1?s=20'); // 'https://x.com/i/status/123'
 * postKeyOf('https://m.facebook.com/permalink.php?story_fbid=9&id=4&comment_id=7&__cft__=x');
 * // 'https://www.facebook.com/permalink.php?id=4&story_fbid=9'
 */
export function postKeyOf(pageUrl: string): string {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return pageUrl.split('#')[0]?.split('?')[0] ?? pageUrl;
  }
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (X_HOSTS.test(url.hostname)) {
    const status = X_STATUS.exec(url.pathname);
    return status ? `https://x.com/i/status/${status[1]}` : `https://x.com${path}`;
  }
  if (FB_HOSTS.test(url.hostname)) {
    const out = new URL(path, 'https://www.facebook.com');
    for (const name of [...FB_POST_PARAMS].sort()) {
      const value = url.searchParams.get(name);
      if (value !== null) out.searchParams.set(name, value);
    }
    return out.toString();
  }
  return `${url.origin}${path}`;
}

/** Drops records past `REMOVALS_KEEP_DAYS`, and dismissals of posts with nothing left. */
export function pruneRemovals(store: RemovalsStore, now: Date): RemovalsStore {
  const cutoff = now.getTime() - REMOVALS_KEEP_DAYS * DAY_MS;
  const removals = store.removals.filter((r) => Date.parse(r.at) >= cutoff);
  const posts = new Set(removals.map((r) => r.postKey));
  const dismissed = store.dismissed.filter((d) => posts.has(d.postKey));
  return { schemaVersion: 1, removals, dismissed };
}

export interface RemovalInput {
  platform: Platform;
  pageUrl: string;
  commentKey: string;
  criteria: readonly CriterionId[];
}

/**
 * Adds one removal (once per post and comment). `added` is false when it was already recorded.
 *
 * @example
 * addRemoval(emptyRemovals(), { platform: 'x', pageUrl, commentKey: '1', criteria: [] }, now).added; // true
 */
export function addRemoval(
  store: RemovalsStore,
  input: RemovalInput,
  now: Date,
): { store: RemovalsStore; added: boolean; postKey: string } {
  const postKey = postKeyOf(input.pageUrl);
  const pruned = pruneRemovals(store, now);
  const exists = pruned.removals.some(
    (r) => r.postKey === postKey && r.commentKey === input.commentKey,
  );
  if (exists) return { store: pruned, added: false, postKey };
  const removal: Removal = {
    platform: input.platform,
    postKey,
    commentKey: input.commentKey,
    at: now.toISOString(),
    criteria: [...new Set(input.criteria)],
  };
  return {
    store: { ...pruned, removals: [...pruned.removals, removal] },
    added: true,
    postKey,
  };
}

/** Marks the reminder for one post as dismissed (a post with no removals has nothing to dismiss). */
export function dismissRemovals(store: RemovalsStore, postKey: string, now: Date): RemovalsStore {
  const pruned = pruneRemovals(store, now);
  if (!pruned.removals.some((r) => r.postKey === postKey)) return pruned;
  if (pruned.dismissed.some((d) => d.postKey === postKey)) return pruned;
  return { ...pruned, dismissed: [...pruned.dismissed, { postKey, at: now.toISOString() }] };
}

/** Where one post stands, as the background answers it to the page. */
export interface PostRemovals {
  postKey: string;
  /** Removals recorded on this post within `REMOVALS_KEEP_DAYS`. */
  count: number;
  threshold: number;
  dismissed: boolean;
}

export function postRemovals(store: RemovalsStore, postKey: string, now: Date): PostRemovals {
  const pruned = pruneRemovals(store, now);
  return {
    postKey,
    count: pruned.removals.filter((r) => r.postKey === postKey).length,
    threshold: MANY_REMOVALS_THRESHOLD,
    dismissed: pruned.dismissed.some((d) => d.postKey === postKey),
  };
}

import { facebookAdapter } from './facebook';
import type { SiteAdapter } from './types';
import { xAdapter } from './x';

export type { Author, CommentKind, ExtractedComment, SiteAdapter, TextSegment } from './types';
export { FacebookSelectors, XSelectors } from './selectors';
export { readText } from './text';
export { facebookAdapter, xAdapter };

/** Every adapter, in the order they are tried. */
export const ADAPTERS: readonly SiteAdapter[] = [xAdapter, facebookAdapter];

/**
 * The adapter for the page at `url`, or null on a site Moderator Assist does not read.
 *
 * @example
 * adapterFor(new URL('https://twitter.com/someone/status/1'))?.site; // 'x'
 * adapterFor(new URL('https://www.facebook.com/story.php?story_fbid=1'))?.site; // 'facebook'
 * adapterFor(new URL('https://m.facebook.com/story.php?story_fbid=1')); // null: mobile markup is not read
 * adapterFor(new URL('https://example.com/')); // null
 */
export function adapterFor(url: URL): SiteAdapter | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return ADAPTERS.find((adapter) => adapter.matches(url)) ?? null;
}

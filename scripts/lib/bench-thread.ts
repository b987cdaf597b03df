/**
 * The long threads the page benchmarks and the profiler load: 2,000 comments cycling through the
 * demo texts (clean and flaggable), each by a different author, with 10 batches of 50 more held in
 * the page for later, rendered as an X status thread and a Facebook post.
 */
import { COMMENTS, POST, type DemoComment } from '../demo/comments.mjs';
import { renderFacebookPost, renderXThread } from '../demo/render.mjs';

export const INITIAL = 2000;
export const ROUNDS = 10;
export const PER_ROUND = 50;

const STATUS_ID = '1900000000000000001';
const templates = COMMENTS.filter((c) => c.id !== 'hostile-markup');

/** Who wrote comment `k`: each caller names its authors its own way. */
export type AuthorOf = (k: number) => { id: string; name: string; handle: string };

function comment(k: number, authorOf: AuthorOf): DemoComment {
  return {
    ...templates[k % templates.length]!,
    ...authorOf(k),
    fb: `profile.php?id=${100_000_000_000 + k}`,
    minutesAgo: 600 - (k % 600),
    replies: undefined,
  };
}

export interface BenchSite {
  site: 'X' | 'Facebook';
  url: string;
  /** The comment containers on the page. */
  selector: string;
}

/**
 * The two pages for `startServer`, served at x.com/<slug>/status/… and
 * www.facebook.com/<slug>/posts/pfbid0<Slug>, and where to open them.
 */
export function benchThread(slug: string, authorOf: AuthorOf) {
  const comments = Array.from({ length: INITIAL }, (_, k) => comment(k, authorOf));
  const more = Array.from({ length: ROUNDS }, (_, r) =>
    Array.from({ length: PER_ROUND }, (_, i) => comment(INITIAL + r * PER_ROUND + i, authorOf)),
  );
  const xPath = `x.com/${slug}/status/${STATUS_ID}`;
  const postPath = `/${slug}/posts/pfbid0${slug[0]!.toUpperCase()}${slug.slice(1)}`;
  const pages = {
    [xPath]: renderXThread({ post: POST, comments, more, statusId: STATUS_ID }),
    [`www.facebook.com${postPath}`]: renderFacebookPost({ post: POST, comments, more, postPath }),
  };
  const sites: BenchSite[] = [
    { site: 'X', url: `http://${xPath}`, selector: 'article[data-testid="tweet"]' },
    {
      site: 'Facebook',
      url: `https://www.facebook.com${postPath}`,
      selector: '[role="article"][aria-label]',
    },
  ];
  return { pages, sites };
}

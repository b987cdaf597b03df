// @vitest-environment happy-dom
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { facebookAdapter as fb } from '../../lib/sites/facebook';
import type { ExtractedComment } from '../../lib/sites/types';
import {
  DOM_REAL,
  domFrom,
  expectSegmentsInvariant,
  loadFixture,
  loadReal,
  REAL_FACEBOOK_PAGES,
} from './helpers';

const POST_URL = 'https://www.facebook.com/DemoConstabulary/posts/pfbid02DemoPost';
const FEED_URL = 'https://www.facebook.com/';
/** Comment ids in the fixtures are base64 "comment:1234567890_<n>", as Facebook's are. */
const cid = (n: number): string => btoa(`comment:1234567890_${n}`);
const permalink = (n: number, reply?: number, post = POST_URL): string =>
  `${post}?comment_id=${encodeURIComponent(cid(n))}` +
  (reply === undefined ? '' : `&reply_comment_id=${encodeURIComponent(cid(reply))}`);

function extractAll(root: ParentNode): ExtractedComment[] {
  return fb.findComments(root).map((el) => {
    const c = fb.extract(el);
    if (!c) throw new Error('unreadable comment');
    return c;
  });
}

describe('facebookAdapter on a post page', () => {
  const doc = loadFixture('facebook/post-comments.html', POST_URL);
  const root = fb.findRoot(doc);
  const comments = root ? extractAll(root) : [];
  const byName = (name: string): ExtractedComment => {
    const c = comments.find((x) => x.author.displayName === name);
    if (!c) throw new Error(`no comment by ${name}`);
    return c;
  };

  it('should use [role="main"] as root and call the page a thread page', () => {
    expect(root?.getAttribute('role')).toBe('main');
    expect(fb.isThreadPage(new URL(POST_URL), doc)).toBe(true);
  });

  it('should find every comment and reply, but not the post, buttons or the composer', () => {
    expect(comments.map((c) => [c.author.displayName, c.kind, c.depth])).toEqual([
      ['Alice Jones', 'comment', 0],
      ['Bob Smith', 'reply', 1],
      ['Carol White', 'reply', 2],
      ['Dan Green', 'reply', 1],
      ['Erin Black', 'comment', 0],
      ['Jean Dupont', 'comment', 0],
      ['Fay Khan', 'comment', 0],
      ['Harry Lee', 'comment', 0],
      ['Ivy Stone', 'comment', 0],
      ['Jack Hostile', 'comment', 0],
      ['Kate Moss', 'comment', 0],
      ['Liam Posting', 'comment', 0],
    ]);
    expect(comments.every((c) => c.site === 'facebook')).toBe(true);
  });

  it("should read a comment's own text, never its nested replies'", () => {
    expect(byName('Alice Jones').text).toBe('Hope they catch whoever did this.');
    expect(byName('Bob Smith').text).toBe('They will, the police are on it.');
    expect(byName('Carol White').text).toBe('Agreed.');
  });

  it('should read authors from vanity, profile.php and group-member links', () => {
    expect(comments.slice(0, 3).map((c) => c.author)).toEqual([
      {
        handle: 'alice.jones.77',
        displayName: 'Alice Jones',
        profileUrl: 'https://www.facebook.com/alice.jones.77',
      },
      {
        handle: '100000000000002',
        displayName: 'Bob Smith',
        profileUrl: 'https://www.facebook.com/profile.php?id=100000000000002',
      },
      {
        handle: 'carol.white',
        displayName: 'Carol White',
        profileUrl: 'https://www.facebook.com/carol.white',
      },
    ]);
    expect(byName('Kate Moss').author).toEqual({
      handle: '100000000000009',
      displayName: 'Kate Moss',
      profileUrl: 'https://www.facebook.com/profile.php?id=100000000000009',
    });
  });

  it('should give permalinks with comment_id (and reply_comment_id), without tracking', () => {
    expect(byName('Alice Jones').permalink).toBe(permalink(1001));
    expect(byName('Bob Smith').permalink).toBe(permalink(1001, 1002));
    expect(byName('Carol White').permalink).toBe(permalink(1001, 1003));
    expect(comments.some((c) => c.permalink?.includes('__cft__'))).toBe(false);
  });

  it('should key comments by comment_id and replies by reply_comment_id', () => {
    expect(comments.slice(0, 11).map((c) => c.key)).toEqual(
      [1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1011].map(cid),
    );
    const pending = byName('Liam Posting');
    expect(pending.key).toMatch(/^h:[0-9a-f]+$/);
    expect(pending.permalink).toBeUndefined();
    expect(new Set(comments.map((c) => c.key)).size).toBe(comments.length);
  });

  it('should take emoji from img[alt]', () => {
    const c = byName('Dan Green');
    expect(c.text).toBe('Thank you officers 👮 🙏');
    expect(c.segments.map((s) => s.node.data)).toEqual(['Thank you officers ', ' ']);
  });

  it('should leave out the "See more" button of a truncated comment', () => {
    expect(byName('Erin Black').text).toBe(
      'This is a very long comment about the incident that goes on and on…',
    );
  });

  it('should find comments with a non-English label or no label at all', () => {
    expect(byName('Jean Dupont')).toMatchObject({
      text: "Merci pour l'information",
      key: cid(1006),
    });
    expect(byName('Harry Lee').text).toBe('No label on this one');
  });

  it('should join paragraphs with a line break and keep a mention as text, not as author', () => {
    const c = byName('Fay Khan');
    expect(c.text).toBe('First paragraph mentioning Gary Mention.\nSecond paragraph.');
    expect(c.author.handle).toBe('fay.khan');
    expect(c.textElement?.tagName).toBe('SPAN');
  });

  it('should give a media-only comment empty text and no text element', () => {
    const c = byName('Ivy Stone');
    expect(c.text).toBe('');
    expect(c.textElement).toBeNull();
  });

  it('should keep hostile markup as text', () => {
    const c = byName('Jack Hostile');
    expect(c.text).toBe('<img src=x onerror=alert(1)>');
    expect(c.element.querySelector('img[src="x"]')).toBeNull();
  });

  it('should keep the segments invariant on every comment', () => {
    comments.forEach(expectSegmentsInvariant);
    for (const c of comments) {
      for (const s of c.segments)
        expect(s.node.parentElement?.closest('[role="button"]')).toBeNull();
    }
  });

  it('should show no time where the page shows none', () => {
    expect(comments.every((c) => c.time === undefined)).toBe(true);
  });
});

describe('facebookAdapter on a feed with a post dialog', () => {
  const doc = loadFixture('facebook/feed-dialog.html', FEED_URL);

  it('should choose the dialog as root and count the feed as a thread page while it is open', () => {
    expect(fb.findRoot(doc)?.getAttribute('role')).toBe('dialog');
    expect(fb.isThreadPage(new URL(FEED_URL), doc)).toBe(true);
  });

  it('should read the dialog: Spanish label, unlabelled nested reply', () => {
    const root = fb.findRoot(doc);
    const comments = root ? extractAll(root) : [];
    expect(
      comments.map((c) => [c.author.displayName, c.text, c.kind, c.depth, c.permalink]),
    ).toEqual([
      [
        'Oli Ruiz',
        'Comentario en el diálogo',
        'comment',
        0,
        permalink(
          3001,
          undefined,
          'https://www.facebook.com/DemoConstabulary/posts/pfbid02DialogPost',
        ),
      ],
      [
        'Pat Kerr',
        'Reply in the dialog',
        'reply',
        1,
        permalink(3001, 3002, 'https://www.facebook.com/DemoConstabulary/posts/pfbid02DialogPost'),
      ],
    ]);
    comments.forEach(expectSegmentsInvariant);
  });

  it('should count a reply list beside the comment article as depth 1', () => {
    const main = doc.querySelector('[role="main"]');
    const comments = main ? extractAll(main) : [];
    expect(comments.map((c) => [c.author.handle, c.kind, c.depth, c.key])).toEqual([
      ['mo.ali', 'comment', 0, cid(2001)],
      ['nia.ross', 'reply', 1, cid(2002)],
    ]);
  });

  it('should fall back to [role="main"] and no thread page when the dialog closes', () => {
    doc.querySelector('[role="dialog"]')?.remove();
    expect(fb.findRoot(doc)?.getAttribute('role')).toBe('main');
    expect(fb.isThreadPage(new URL(FEED_URL), doc)).toBe(false);
  });
});

describe('facebookAdapter robustness', () => {
  const fresh = (): Document => loadFixture('facebook/post-comments.html', POST_URL);
  const commentBy = (doc: Document, label: string): HTMLElement => {
    const el = doc.querySelector(`[role="article"][aria-label^="${label}"]`);
    if (!el) throw new Error(`no ${label}`);
    return el as HTMLElement;
  };

  it('should leave the author undefined when profile links are missing, and not throw', () => {
    const doc = fresh();
    const el = commentBy(doc, 'Comment by Erin Black');
    el.querySelectorAll('a[href*="erin.black"]').forEach((a) => a.remove());
    const c = fb.extract(el);
    expect(c?.author).toEqual({});
    expect(c?.key).toBe(cid(1005));
  });

  it('should read the author from a /people/<name>/pfbid… link and never key the comment by it', () => {
    const doc = fresh();
    const el = commentBy(doc, 'Comment by Erin Black');
    const pfbid = 'pfbid02AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefghij';
    el.querySelectorAll('a[href*="erin.black"]').forEach((a) =>
      a.setAttribute('href', `/people/Erin-Black/${pfbid}/?__cft__[0]=x&__tn__=R`),
    );
    const c = fb.extract(el);
    expect(c?.author.handle).toBe(pfbid);
    expect(c?.author.profileUrl).toBe(`https://www.facebook.com/people/Erin-Black/${pfbid}/`);
    expect(c?.author.displayName).toBe('Erin Black');
    expect(c?.key).toBe(cid(1005));
    expect(c?.permalink).toBe(permalink(1005));
  });

  it('should build the permalink from the page URL when only the author link has the id', () => {
    const doc = fresh();
    const el = commentBy(doc, 'Comment by Erin Black');
    el.querySelectorAll('a[href*="/posts/"]').forEach((a) => a.remove());
    expect(fb.extract(el)?.permalink).toBe(permalink(1005));
  });

  it('should fall back to a stable hash key without ids', () => {
    const doc = fresh();
    const el = commentBy(doc, 'Comment by Erin Black');
    el.querySelectorAll('a').forEach((a) => a.removeAttribute('href'));
    const first = fb.extract(el);
    expect(first?.key).toMatch(/^h:[0-9a-f]+$/);
    expect(fb.extract(el)?.key).toBe(first?.key);
    expect(first?.author).toEqual({});
  });

  it('should return null for an article with no text, author or id, and for non-articles', () => {
    const doc = domFrom(
      '<div role="article" aria-label="Comment by Nobody"><div role="button">Like</div></div><p id="p">x</p>',
      POST_URL,
    );
    expect(fb.extract(doc.querySelector('[role="article"]') as HTMLElement)).toBeNull();
    expect(fb.extract(doc.getElementById('p') as HTMLElement)).toBeNull();
  });

  it('should not treat feed posts, shared-post links or external links as comments or authors', () => {
    const doc = domFrom(
      '<div role="feed"><div role="article"><a href="https://www.facebook.com/DemoConstabulary">Page</a>' +
        '<div dir="auto">A post</div></div></div>' +
        '<div role="article" aria-label="Comment by Zed"><a href="https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com">link</a>' +
        '<a href="https://example.com/zed">elsewhere</a><a href="https://www.facebook.com/hashtag/police">#police</a>' +
        '<div dir="auto">Hi</div></div>',
      FEED_URL,
    );
    const comments = extractAll(doc.body);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.author).toEqual({});
    expect(comments[0]?.text).toBe('Hi');
  });

  it('should read time[datetime] and abbr[data-utime] when a layout shows them', () => {
    const doc = domFrom(
      '<div role="article" aria-label="Comment by A"><a href="https://www.facebook.com/a.a">A</a><div dir="auto">one</div><time datetime="2025-03-03T10:00:00Z">1h</time></div>' +
        '<div role="article" aria-label="Comment by B"><a href="https://www.facebook.com/b.b">B</a><div dir="auto">two</div><abbr data-utime="1741000000">1h</abbr></div>' +
        '<div role="article" aria-label="Comment by C"><a href="https://www.facebook.com/c.c">C</a><div dir="auto">three</div><abbr data-utime="soon">1h</abbr></div>',
      FEED_URL,
    );
    expect(extractAll(doc.body).map((c) => c.time)).toEqual([
      '2025-03-03T10:00:00Z',
      new Date(1741000000 * 1000).toISOString(),
      undefined,
    ]);
  });

  it('should include the root itself when it is a comment', () => {
    const el = commentBy(fresh(), 'Comment by Alice Jones');
    expect(fb.findComments(el).map((c) => c.getAttribute('aria-label'))).toEqual([
      'Comment by Alice Jones 2 hours ago',
      "Reply by Bob Smith to Alice Jones's comment 1 hour ago",
      "Reply by Carol White to Bob Smith's comment 30 minutes ago",
      "Reply by Dan Green to Alice Jones's comment 1 hour ago",
    ]);
  });

  it('should fall back to document.body when the page has no main region or dialog', () => {
    const doc = domFrom('<div>loading</div>', FEED_URL);
    expect(fb.findRoot(doc)).toBe(doc.body);
  });
});

describe('facebookAdapter URLs', () => {
  const empty = domFrom('<div role="main"></div>', FEED_URL);
  it.each([
    ['https://www.facebook.com/', true, false],
    ['https://m.facebook.com/story.php?story_fbid=1&id=2', false, true],
    ['https://mbasic.facebook.com/story.php?story_fbid=1&id=2', false, true],
    ['https://web.facebook.com/Page/posts/pfbid0abc', true, true],
    ['https://facebook.com/permalink.php?story_fbid=1&id=2', true, true],
    ['https://www.facebook.com/photo/?fbid=1&set=a.2', true, true],
    ['https://www.facebook.com/Page/videos/123/', true, true],
    ['https://www.facebook.com/groups/123/posts/456/', true, true],
    ['https://www.facebook.com/Page', true, false],
    ['https://developers.facebook.com/docs', false, false],
    ['https://facebook.com.evil.example/Page/posts/1', false, true],
  ])('%s: matches %s, thread %s', (href, matches, thread) => {
    const url = new URL(href);
    expect(fb.matches(url)).toBe(matches);
    expect(fb.isThreadPage(url, empty)).toBe(thread);
  });
});

const haveReal = fs.existsSync(path.join(DOM_REAL, 'facebook'));
if (!haveReal) console.warn('facebook.test.ts: real captures not found; skipping those tests');

describe.skipIf(!haveReal)('facebookAdapter on real facebook.com pages', () => {
  it.each(REAL_FACEBOOK_PAGES)(
    'should read an author from a link for every comment on %s',
    (file, url) => {
      const doc = loadReal(`facebook/${file}`, url);
      const root = fb.findRoot(doc);
      if (!root) throw new Error('no root');
      const comments = extractAll(root);
      expect(comments.length).toBeGreaterThan(0);
      for (const c of comments) {
        expect(c.author.handle, c.text.slice(0, 40)).toBeTruthy();
        expect(c.author.displayName).toBeTruthy();
        // The key and permalink are the comment's, never its author's profile link.
        expect(c.permalink ?? '').toMatch(/comment_id=/);
        expect(c.permalink).not.toBe(c.author.profileUrl);
        expect(c.key).not.toMatch(/^h:/);
      }
    },
  );
});

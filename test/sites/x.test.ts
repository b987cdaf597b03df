// @vitest-environment happy-dom
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { xAdapter } from '../../lib/sites/x';
import type { ExtractedComment } from '../../lib/sites/types';
import { domFrom, expectSegmentsInvariant, FIXTURES, loadFixture, readPage } from './helpers';

const THREAD_URL = 'https://x.com/DemoConstab/status/1900000000000000002';

function extractAll(doc: Document): ExtractedComment[] {
  return readPage(xAdapter, doc);
}

describe('xAdapter on the status-thread fixture', () => {
  const doc = loadFixture('x/status-thread.html', THREAD_URL);
  const comments = extractAll(doc);
  const byKey = new Map(comments.map((c) => [c.key, c]));
  const get = (id: string): ExtractedComment => {
    const c = byKey.get(id);
    if (!c) throw new Error(`no tweet ${id}`);
    return c;
  };

  it('should find every tweet and nothing else (not "Show more", not tombstones)', () => {
    expect(comments.map((c) => c.author.handle)).toEqual([
      'DemoConstab',
      'DemoConstab',
      'resident_one',
      'emoji_fan',
      'quoting_user',
      'linker',
      'media_only',
      'multi_line',
    ]);
  });

  it('should use the primary column as root', () => {
    expect(xAdapter.findRoot(doc)?.getAttribute('data-testid')).toBe('primaryColumn');
  });

  it('should tell the focused tweet from the thread above it and the replies below', () => {
    expect(comments.map((c) => c.kind)).toEqual([
      'post',
      'focused',
      'reply',
      'reply',
      'reply',
      'reply',
      'reply',
      'reply',
    ]);
    expect(comments.every((c) => c.depth === 0)).toBe(true);
  });

  it('should read the focused tweet', () => {
    const focused = get('1900000000000000002');
    expect(focused).toMatchObject({
      site: 'x',
      text: 'Appeal: have you seen this van? Call 101 quoting incident 123.',
      author: {
        handle: 'DemoConstab',
        displayName: 'Demo Constabulary',
        profileUrl: 'https://x.com/DemoConstab',
      },
      permalink: 'https://x.com/DemoConstab/status/1900000000000000002',
      time: '2025-03-03T10:15:00.000Z',
      kind: 'focused',
    });
    expect(focused.element.tagName).toBe('ARTICLE');
    expect(focused.textElement?.getAttribute('data-testid')).toBe('tweetText');
  });

  it('should read each reply with its permalink and time', () => {
    expect(
      comments.slice(2).map((c) => [c.key, c.permalink, c.time, c.author.displayName]),
    ).toEqual([
      [
        '1900000000000000010',
        'https://x.com/resident_one/status/1900000000000000010',
        '2025-03-03T10:20:00.000Z',
        'Reply One',
      ],
      [
        '1900000000000000011',
        'https://x.com/emoji_fan/status/1900000000000000011',
        '2025-03-03T10:21:00.000Z',
        'Emoji Fan 🚓',
      ],
      [
        '1900000000000000012',
        'https://x.com/quoting_user/status/1900000000000000012',
        '2025-03-03T10:25:00.000Z',
        'Quoting User',
      ],
      [
        '1900000000000000013',
        'https://x.com/linker/status/1900000000000000013',
        '2025-03-03T10:30:00.000Z',
        'Link Poster',
      ],
      [
        '1900000000000000014',
        'https://x.com/media_only/status/1900000000000000014',
        '2025-03-03T10:31:00.000Z',
        'Media Only',
      ],
      [
        '1900000000000000015',
        'https://x.com/multi_line/status/1900000000000000015',
        '2025-03-03T10:40:00.000Z',
        'Multi Line',
      ],
    ]);
  });

  it('should take emoji from img[alt] without giving them segments', () => {
    const c = get('1900000000000000011');
    expect(c.text).toBe('Great work 👏👏 thank you 🙏');
    expect(c.segments.map((s) => s.node.data)).toEqual(['Great work ', ' thank you ']);
    expect(c.segments.map((s) => s.start)).toEqual([0, 15]);
  });

  it('should keep the quoted tweet apart from the quoting text', () => {
    const c = get('1900000000000000012');
    expect(c.text).toBe('Look at this nonsense');
    expect(c.quoted).toEqual({
      text: 'The original quoted words',
      author: {
        handle: 'original_poster',
        displayName: 'Original Poster',
        profileUrl: 'https://x.com/original_poster',
      },
      permalink: 'https://x.com/original_poster/status/1900000000000000099',
    });
    expect(c.segments.every((s) => !s.node.data.includes('original'))).toBe(true);
    expect(comments.filter((x) => x.quoted).map((x) => x.key)).toEqual(['1900000000000000012']);
  });

  it('should read mentions, links and hashtags as text', () => {
    expect(get('1900000000000000013').text).toBe(
      '@DemoConstab see https://example.com/page #appeal',
    );
  });

  it('should keep line breaks and give media-only tweets empty text', () => {
    expect(get('1900000000000000015').text).toBe('first line\n\nsecond line');
    const media = get('1900000000000000014');
    expect(media.text).toBe('');
    expect(media.textElement).toBeNull();
    expect(media.segments).toEqual([]);
  });

  it('should keep the segments invariant on every tweet', () => {
    comments.forEach(expectSegmentsInvariant);
    expect(comments.reduce((n, c) => n + c.segments.length, 0)).toBeGreaterThan(8);
  });

  it('should give the same keys when read twice', () => {
    expect(extractAll(loadFixture('x/status-thread.html', THREAD_URL)).map((c) => c.key)).toEqual(
      comments.map((c) => c.key),
    );
  });

  it('should read replies as posts on a timeline with no focused tweet', () => {
    const timeline = loadFixture('x/status-thread.html', 'https://x.com/home');
    timeline.querySelector('[tabindex="-1"][data-testid="tweet"]')?.setAttribute('tabindex', '0');
    expect(new Set(extractAll(timeline).map((c) => c.kind))).toEqual(new Set(['post']));
  });

  it('should find the focused tweet by the page URL when tabindex is missing', () => {
    const page = loadFixture('x/status-thread.html', THREAD_URL);
    page.querySelector('[tabindex="-1"][data-testid="tweet"]')?.setAttribute('tabindex', '0');
    const kinds = extractAll(page).map((c) => c.kind);
    expect(kinds[1]).toBe('focused');
    expect(kinds.filter((k) => k === 'focused')).toHaveLength(1);
  });
});

describe('xAdapter robustness', () => {
  const fresh = (): Document => loadFixture('x/status-thread.html', THREAD_URL);
  const article = (doc: Document, id: string): HTMLElement => {
    const link = doc.querySelector(`article a[href$="/status/${id}"]`);
    const el = link?.closest('article');
    if (!el) throw new Error(`no article ${id}`);
    return el as HTMLElement;
  };

  it('should keep hostile markup in a text node as text', () => {
    const doc = fresh();
    const el = article(doc, '1900000000000000010');
    const span = el.querySelector('[data-testid="tweetText"] span');
    if (!span?.firstChild) throw new Error('fixture changed');
    (span.firstChild as Text).data = '<img src=x onerror=alert(1)>';
    const images = el.querySelectorAll('img').length;
    const c = xAdapter.extract(el);
    expect(c?.text).toBe('<img src=x onerror=alert(1)>');
    expect(el.querySelectorAll('img')).toHaveLength(images);
  });

  it('should fall back to a hash key when there is no status link', () => {
    const doc = fresh();
    const el = article(doc, '1900000000000000010');
    el.querySelectorAll('a[href*="/status/"]').forEach((a) => a.removeAttribute('href'));
    const c = xAdapter.extract(el);
    expect(c?.permalink).toBeUndefined();
    expect(c?.key).toMatch(/^h:[0-9a-f]+$/);
    expect(c?.author.handle).toBe('resident_one');
    const again = xAdapter.extract(el);
    expect(again?.key).toBe(c?.key);
    el.querySelector('[data-testid="tweetText"] span')?.append(' changed');
    expect(xAdapter.extract(el)?.key).not.toBe(c?.key);
  });

  it('should read the handle from the profile link when the @handle text is missing', () => {
    const doc = fresh();
    const el = article(doc, '1900000000000000010');
    Array.from(el.querySelectorAll('[data-testid="User-Name"] span'))
      .filter((s) => s.textContent === '@resident_one')
      .forEach((s) => s.remove());
    expect(xAdapter.extract(el)?.author.handle).toBe('resident_one');
  });

  it('should take the handle from the profile link, never from a display name that reads like one', () => {
    const doc = fresh();
    const el = article(doc, '1900000000000000010');
    const name = Array.from(el.querySelectorAll('[data-testid="User-Name"] [dir]')).find(
      (d) => !d.querySelector('[dir]') && !d.textContent?.startsWith('@'),
    );
    if (!name) throw new Error('fixture changed');
    name.textContent = '@victim_user';
    const c = xAdapter.extract(el);
    expect(c?.author.handle).toBe('resident_one');
    expect(c?.author.profileUrl).toBe('https://x.com/resident_one');
    expect(c?.author.displayName).toBe('@victim_user');
  });

  it('should take the handle from the permalink, not the text, when User-Name has no profile link', () => {
    const doc = fresh();
    const el = article(doc, '1900000000000000010');
    el.querySelectorAll('[data-testid="User-Name"] a').forEach((a) => a.removeAttribute('href'));
    const text = el.querySelector('[data-testid="User-Name"]');
    text?.querySelectorAll('[dir]').forEach((d) => {
      if (d.textContent === '@resident_one') d.textContent = '@victim_user';
    });
    expect(xAdapter.extract(el)?.author.handle).toBe('resident_one');
    el.querySelectorAll('a[href*="/status/"]').forEach((a) => a.removeAttribute('href'));
    const unlinked = xAdapter.extract(el);
    expect(unlinked?.author.handle).toBeUndefined();
    expect(unlinked?.author.displayName).not.toBe('@victim_user');
  });

  it('should not throw and return undefined parts when User-Name and time are gone', () => {
    const doc = fresh();
    const el = article(doc, '1900000000000000010');
    el.querySelector('[data-testid="User-Name"]')?.remove();
    el.querySelectorAll('time').forEach((t) => t.remove());
    const c = xAdapter.extract(el);
    expect(c?.text).toBe('Saw it on Main Street around 9pm');
    expect(c?.time).toBeUndefined();
    expect(c?.author.displayName).toBeUndefined();
  });

  it('should return null for an article with nothing to read and for non-tweets', () => {
    const doc = domFrom(
      '<article data-testid="tweet"><div><span>This post is unavailable.</span></div></article><div id="x">hello</div>',
      'https://x.com/home',
    );
    expect(xAdapter.extract(doc.querySelector('article') as HTMLElement)).toBeNull();
    expect(xAdapter.extract(doc.getElementById('x') as HTMLElement)).toBeNull();
  });

  it('should recognise a tweet article without data-testid by its status link and time', () => {
    const doc = fresh();
    const el = article(doc, '1900000000000000010');
    el.removeAttribute('data-testid');
    expect(xAdapter.findComments(doc.body)).toContain(el);
    expect(xAdapter.extract(el)?.key).toBe('1900000000000000010');
  });

  it('should include the root itself when it is a tweet', () => {
    const el = article(fresh(), '1900000000000000011');
    expect(xAdapter.findComments(el)).toEqual([el]);
  });

  it('should find no root on a page without the app shell', () => {
    expect(xAdapter.findRoot(domFrom('<div>loading</div>', 'https://x.com/home'))).toBeNull();
  });
});

describe('xAdapter URLs', () => {
  it.each([
    ['https://x.com/home', true, false],
    ['https://twitter.com/someone/status/123', true, true],
    ['https://mobile.x.com/someone/status/123/photo/1', true, true],
    ['https://mobile.twitter.com/i/web/status/123', true, true],
    ['https://www.x.com/search?q=police', true, false],
    ['https://x.com/someone', true, false],
    ['https://x.com/someone/statuses', true, false],
    ['https://example.com/someone/status/123', false, true],
    ['https://notx.com/', false, false],
    ['https://x.com.evil.example/', false, false],
  ])('%s: matches %s, thread %s', (href, matches, thread) => {
    const url = new URL(href);
    expect(xAdapter.matches(url)).toBe(matches);
    expect(xAdapter.isThreadPage(url, domFrom('', href))).toBe(thread);
  });
});

// The real x.com captures (tweetyoink, MIT) are read from test/fixtures/sites/x when copied there,
// otherwise from the shared data folder; tests skip when neither has them.
const CAPTURE_DIRS = [
  path.join(FIXTURES, 'x'),
  path.resolve(__dirname, '../../../shared/data/dom-x'),
];
const captureDir = CAPTURE_DIRS.find((dir) => fs.existsSync(path.join(dir, 'x-tweet-quote.html')));
if (!captureDir) console.warn('x.test.ts: real x.com captures not found; skipping those tests');

describe.skipIf(!captureDir)('xAdapter on real x.com captures', () => {
  const read = (file: string): ExtractedComment[] => {
    const doc = domFrom(
      fs.readFileSync(path.join(captureDir ?? '', file), 'utf8'),
      'https://x.com/home',
    );
    const found = xAdapter.findComments(doc.body);
    expect(found).toHaveLength(1);
    const c = found[0] ? xAdapter.extract(found[0]) : null;
    if (!c) throw new Error(`unreadable capture ${file}`);
    expectSegmentsInvariant(c);
    return [c];
  };

  it('should read the single focused tweet', () => {
    const [c] = read('x-tweet-sample.html');
    expect(c).toMatchObject({
      text: "Democrat Shutdown Jeopardizes America's Skies",
      key: '1981398750557065646',
      author: { handle: 'TestUser123', displayName: 'Test User Account' },
      permalink: 'https://x.com/TestUser123/status/1981398750557065646',
      time: '2025-10-23T16:34:09.000Z',
      kind: 'focused',
    });
    expect(c?.quoted).toBeUndefined();
  });

  it('should keep the quoted tweet apart (two tweetText nodes in one article)', () => {
    const [c] = read('x-tweet-quote.html');
    expect(c).toMatchObject({
      text: 'This is a quote tweet with additional commentary',
      key: '1983130065320780162',
      author: { handle: 'TestQuoter', displayName: 'Test Quoter' },
      time: '2025-10-28T11:13:47.000Z',
      kind: 'post',
      quoted: {
        text: 'This is the original quoted tweet content that provides important context and information for the conversation',
        author: { handle: 'OriginalAuthor', displayName: 'Original Author' },
        permalink: 'https://x.com/OriginalAuthor/status/1983129251856470493',
      },
    });
  });

  it('should read a quote of a video with a link in the quoting text', () => {
    const [c] = read('x-tweet-quote-video.html');
    expect(c?.text).toBe('How to share Example.com links');
    expect(c?.segments).toHaveLength(3);
    expect(c?.author.handle).toBe('QuotingUser');
    expect(c?.quoted?.author?.handle).toBe('OriginalPoster');
    expect(c?.quoted?.text).toBe(
      'How to share Example.com links?\n\nTap any heading, hit the link icon, and your link is copied instantly.',
    );
    // The quoted video tweet has no status link in the capture, so no permalink is invented.
    expect(c?.quoted?.permalink).toBeUndefined();
  });
});

// An X Article (long-form post): built by hand to the structure of the real capture (x4 in
// ../shared/data/dom-real/x), with invented text.
const ARTICLE_HTML = `
<div data-testid="primaryColumn"><section><div data-testid="cellInnerDiv">
<article data-testid="tweet" tabindex="-1">
  <div data-testid="User-Name"><div><a href="/essay_writer"><div dir="ltr"><span>@not_the_author</span></div></a></div>
    <div><a href="/essay_writer" tabindex="-1"><div dir="ltr"><span>@essay_writer</span></div></a>
    <a href="/essay_writer/status/2000000000000000001"><time datetime="2026-01-19T00:28:01.000Z">Jan 19</time></a></div></div>
  <div data-testid="twitterArticleReadView">
    <div data-testid="twitter-article-title">A title worth reading</div>
    <div data-testid="twitterArticleRichTextView"><div data-testid="longformRichTextComponent"><div data-contents="true">
      <div data-block="true"><div><span><span data-text="true">First paragraph ends here</span></span></div></div>
      <div data-block="true"><div><span><span data-text="true">second one starts</span></span></div></div>
      <div data-testid="markdown-code-block"><pre><code>code line</code></pre></div>
    </div></div></div>
  </div>
</article></div></section></div>`;

describe('xAdapter on an X Article', () => {
  const doc = domFrom(ARTICLE_HTML, 'https://x.com/essay_writer/status/2000000000000000001');
  const [el] = xAdapter.findComments(doc.body);
  const c = el ? xAdapter.extract(el) : null;

  it('should read its title and every block, each on its own line, as its own text', () => {
    expect(c?.text).toBe(
      'A title worth reading\nFirst paragraph ends here\nsecond one starts\ncode line',
    );
    expect(c?.textElement?.getAttribute('data-testid')).toBe('twitterArticleReadView');
    expect(c).toMatchObject({
      key: '2000000000000000001',
      kind: 'focused',
      time: '2026-01-19T00:28:01.000Z',
      permalink: 'https://x.com/essay_writer/status/2000000000000000001',
      author: { handle: 'essay_writer', displayName: '@not_the_author' },
    });
    if (c) expectSegmentsInvariant(c);
  });
});

const REAL_X = path.resolve(__dirname, '../../../shared/data/dom-real/x');
const articleCapture = path.join(REAL_X, 'x4-defuddle-2026-02-status-article.html');
describe.skipIf(!fs.existsSync(articleCapture))('xAdapter on a real X Article page', () => {
  it('should read the Article body, not empty text, with a line per block', () => {
    const html = fs.readFileSync(articleCapture, 'utf8');
    const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
    const doc = domFrom(body, 'https://x.com/arscontexta/status/2013045749580259680');
    const root = xAdapter.findRoot(doc);
    const [el] = root ? xAdapter.findComments(root) : [];
    const c = el ? xAdapter.extract(el) : null;
    const blocks = Array.from(
      doc.querySelectorAll('[data-testid="twitterArticleRichTextView"] [data-block="true"]'),
    );
    expect(blocks.length).toBeGreaterThan(10);
    // Every block is read, in order, and ends its own line (no word run into the next block's).
    const text = c?.text ?? '';
    let from = 0;
    for (const b of blocks) {
      const t = b.textContent ?? '';
      const at = text.indexOf(t, from);
      expect(at, JSON.stringify(t.slice(0, 40))).toBeGreaterThanOrEqual(0);
      from = at + t.length;
      // A code block's own text may end with its line break.
      expect(t.endsWith('\n') || ['\n', undefined].includes(text[from]), t.slice(-40)).toBe(true);
    }
    expect(c?.author.handle).toBe('arscontexta');
    expect(c?.key).toBe('2013045749580259680');
    if (c) expectSegmentsInvariant(c);
  });
});

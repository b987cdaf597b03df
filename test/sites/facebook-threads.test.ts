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
  loadReal,
  readPage,
  REAL_FACEBOOK_PAGES,
} from './helpers';

const POST_URL = 'https://www.facebook.com/DemoConstabulary/posts/pfbid0demo';
const PERMALINK = 'https://www.facebook.com/DemoConstabulary/posts/pfbid0demo';

/** One comment article; `reply` gives its permalink a reply id, as Facebook's reply links have. */
function article(label: string, name: string, text: string, id: string, reply?: string): string {
  const ids = reply ? `comment_id=${id}&amp;reply_comment_id=${reply}` : `comment_id=${id}`;
  const aria = label ? ` aria-label="${label}"` : '';
  return `<div role="article"${aria}>
    <a href="https://www.facebook.com/${name}?${ids}"><span>${name}</span></a>
    <div dir="auto">${text}</div>
    <a href="${PERMALINK}?${ids}">1h</a></div>`;
}

// Threads as facebook.com draws them in 2025–26, reduced by hand from the real captures in
// ../shared/data/dom-real/facebook (fb1: the thread box holds the comment article and then its
// replies box, empty when there are none; fb3: the article in a wrapper of one child, then the
// replies box with its "View all 2 replies" button). No list items, and no reply inside its
// comment's article. The names and text are invented.
const THREADS_HTML = `
<div role="main"><div role="article"><div dir="auto">The post</div><div><div>
  <div><div>
    ${article('Comment by alice.jones', 'alice.jones', 'First comment', '111')}
    <div><div>
      <div><div>
        <div>${article('Reply by bob.smith to alice.jones', 'bob.smith', 'First reply', '111', '201')}</div>
        <div><div>
          <div><div>
            ${article('', 'carol.white', 'Reply to the reply, no label', '111', '301')}
            <div></div>
          </div></div>
        </div></div>
      </div></div>
      <div><div>
        ${article('Reply by dan.brown to alice.jones', 'dan.brown', 'Second reply', '111', '202')}
        <div></div>
      </div></div>
    </div></div>
  </div></div>
  <div><div>
    ${article('Comment by erin.green', 'erin.green', 'A comment with no replies', '112')}
    <div></div>
  </div></div>
  <div><div>
    <div>${article('', 'frank.black', 'A comment in any language, no label', '113')}</div>
    <div><div><div></div><div role="button" tabindex="0"><span>View all 2 replies</span></div></div></div>
  </div></div>
  <div><div>
    <div role="article" aria-label="Comment by gina.grey">
      <a href="https://www.facebook.com/gina.grey?comment_id=114"><span>gina.grey</span></a>
      <div dir="auto">The start of a long comment that the page cuts short… <div role="button" tabindex="0">See more</div></div>
      <a href="${PERMALINK}?comment_id=114">1h</a></div>
    <div></div>
  </div></div>
</div></div></div></div>`;

function byAuthor(comments: ExtractedComment[], handle: string): ExtractedComment {
  const c = comments.find((x) => x.author.handle === handle);
  if (!c) throw new Error(`no comment by ${handle}`);
  return c;
}

describe("facebookAdapter on today's thread boxes", () => {
  const comments = readPage(fb, domFrom(THREADS_HTML, POST_URL));

  it('should find every comment and reply, and not the post', () => {
    expect(comments.map((c) => c.author.handle)).toEqual([
      'alice.jones',
      'bob.smith',
      'carol.white',
      'dan.brown',
      'erin.green',
      'frank.black',
      'gina.grey',
    ]);
  });

  it.each([
    ['alice.jones', 0, 'comment'],
    ['bob.smith', 1, 'reply'],
    ['carol.white', 2, 'reply'],
    ['dan.brown', 1, 'reply'],
    ['erin.green', 0, 'comment'],
    ['frank.black', 0, 'comment'],
    ['gina.grey', 0, 'comment'],
  ])('should give %s depth %i (%s)', (handle, depth, kind) => {
    expect(byAuthor(comments, handle)).toMatchObject({ depth, kind });
  });

  it('should key a reply by its own reply id', () => {
    expect(byAuthor(comments, 'carol.white').key).toBe('301');
  });

  it('should mark a comment cut short behind "See more" as partial, without the button text', () => {
    const cut = byAuthor(comments, 'gina.grey');
    expect(cut.partial).toBe(true);
    expect(cut.text).toBe('The start of a long comment that the page cuts short… ');
    expectSegmentsInvariant(cut);
    expect(comments.filter((c) => c.partial).map((c) => c.author.handle)).toEqual(['gina.grey']);
  });
});

const haveReal = fs.existsSync(path.join(DOM_REAL, 'facebook'));
if (!haveReal)
  console.warn('facebook-threads.test.ts: real captures not found; skipping those tests');

/**
 * A reply put into the real page the way the page puts one: a copy of a comment's thread box
 * (the nearest box around the article with more than one child), its replies box emptied, its
 * article labelled as a reply with a reply id on its links, added to the comment's replies box.
 */
function addReply(doc: Document, commentEl: Element): void {
  let box = commentEl.parentElement;
  while (box && box.children.length < 2) box = box.parentElement;
  const replies = box?.children[1];
  if (!box || !replies) throw new Error('no thread box around the comment');
  const copy = box.cloneNode(true) as Element;
  copy.children[1]?.replaceChildren();
  const reply = copy.querySelector('[role="article"]');
  reply?.setAttribute('aria-label', 'Reply by someone');
  for (const a of Array.from(copy.querySelectorAll('a[href*="comment_id="]'))) {
    a.setAttribute('href', `${a.getAttribute('href') ?? ''}&reply_comment_id=999000999`);
  }
  expect(doc.contains(replies)).toBe(true);
  replies.append(copy);
}

describe.skipIf(!haveReal)('facebookAdapter threads on real facebook.com pages', () => {
  it.each(REAL_FACEBOOK_PAGES)(
    'should read every comment at depth 0, whole, and a reply added to its thread at depth 1 on %s',
    (file, url) => {
      const doc = loadReal(`facebook/${file}`, url);
      const before = readPage(fb, doc);
      expect(before.length).toBeGreaterThan(0);
      // Neither capture shows a reply or a comment cut short ("See more" there is the post's).
      for (const c of before) expect(c).toMatchObject({ depth: 0, kind: 'comment' });
      expect(before.filter((c) => c.partial)).toEqual([]);

      const first = before[0];
      if (!first) throw new Error('no comment');
      addReply(doc, first.element);
      const after = readPage(fb, doc);
      const reply = after.find((c) => c.key === '999000999');
      expect(reply).toMatchObject({ depth: 1, kind: 'reply' });
      expect(after.filter((c) => c.depth > 0)).toHaveLength(1);
    },
  );
});

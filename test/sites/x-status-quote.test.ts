// @vitest-environment happy-dom
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { xAdapter } from '../../lib/sites/x';
import type { ExtractedComment } from '../../lib/sites/types';
import { DOM_REAL, domFrom, expectSegmentsInvariant, loadReal, readPage } from './helpers';

const readAll = (doc: Document): ExtractedComment[] => readPage(xAdapter, doc);

// A focused tweet quoting another, reduced by hand from the markup of a real 2025 status page
// (../shared/data/dom-real/x/x1-*): the header (User-Name) sits in one row, and the tweet's text,
// the quote card and the tweet's own time link in the next. The text is invented.
const STATUS_QUOTE_HTML = `
<div data-testid="primaryColumn"><section><div data-testid="cellInnerDiv">
<article data-testid="tweet" tabindex="-1"><div><div>
  <div><div data-testid="Tweet-User-Avatar"><a href="/quoting_user"></a></div>
    <div><div data-testid="User-Name"><a href="/quoting_user"><div dir="ltr"><span>Quoting Person</span></div></a>
      <a href="/quoting_user" tabindex="-1"><div dir="ltr"><span>@quoting_user</span></div></a></div></div></div>
  <div>
    <div><div data-testid="tweetText"><span>My own words about this</span></div></div>
    <div><div role="link" tabindex="0"><div>
      <div data-testid="User-Name"><div dir="ltr"><span>Quoted Person</span></div>
        <div dir="ltr"><span>@quoted_user</span></div><div dir="ltr"><span>·</span></div>
        <time datetime="2025-04-03T16:04:45.000Z">Apr 3</time></div>
      <div data-testid="tweetText"><span>Words being quoted</span></div>
      <a href="/quoted_user/status/1900000000000000099/photo/1"><div data-testid="tweetPhoto"></div></a>
    </div></div></div>
    <div><a href="/quoting_user/status/1900000000000000100"><time datetime="2025-04-06T00:03:10.000Z">12:03 AM · Apr 6, 2025</time></a></div>
  </div>
</div></div></article></div>
<div data-testid="cellInnerDiv"><article data-testid="tweet" tabindex="0">
  <div data-testid="User-Name"><a href="/replier"><div dir="ltr"><span>Replier</span></div></a>
    <a href="/replier/status/1900000000000000101"><time datetime="2025-04-06T01:00:00.000Z">1h</time></a></div>
  <div data-testid="tweetText"><span>A reply below it</span></div>
</article></div></section></div>`;

describe('xAdapter on a focused tweet that quotes another on its status page', () => {
  const doc = domFrom(STATUS_QUOTE_HTML, 'https://x.com/quoting_user/status/1900000000000000100');
  const [focused, reply] = readAll(doc);

  it("should read the focused tweet's own text, time and permalink, not the quote's", () => {
    expect(focused).toMatchObject({
      text: 'My own words about this',
      key: '1900000000000000100',
      kind: 'focused',
      time: '2025-04-06T00:03:10.000Z',
      permalink: 'https://x.com/quoting_user/status/1900000000000000100',
      author: { handle: 'quoting_user', displayName: 'Quoting Person' },
    });
    expect(focused?.textElement?.textContent).toBe('My own words about this');
    if (focused) expectSegmentsInvariant(focused);
  });

  it('should keep the quote apart, with its own author and permalink', () => {
    expect(focused?.quoted).toEqual({
      text: 'Words being quoted',
      author: {
        handle: 'quoted_user',
        profileUrl: 'https://x.com/quoted_user',
        displayName: 'Quoted Person',
      },
      permalink: 'https://x.com/quoted_user/status/1900000000000000099',
    });
  });

  it('should still read the reply after it as a reply', () => {
    expect(reply).toMatchObject({ key: '1900000000000000101', kind: 'reply' });
  });
});

const X1 = 'x/x1-brocc-2025-04-status-thread.html';
const haveX1 = fs.existsSync(path.join(DOM_REAL, X1));
if (!haveX1) console.warn('x-status-quote.test.ts: real capture x1 not found; skipping it');

describe.skipIf(!haveX1)('xAdapter on the real 2025 status page of a quoting tweet', () => {
  it("should read the focused tweet's own text, time and permalink and keep the quote apart", () => {
    const doc = loadReal(X1, 'https://x.com/eli_lifland/status/1908671786876850246');
    const comments = readAll(doc);
    const focused = comments.find((c) => c.kind === 'focused');
    if (!focused) throw new Error('no focused tweet');
    const article = focused.element;
    const [ownText, quotedText] = Array.from(article.querySelectorAll('[data-testid="tweetText"]'));
    // The capture is pretty-printed: compare with whitespace runs folded, emoji images as their alt.
    const fold = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
    const shown = (el: Element | undefined): string => {
      const copy = el?.cloneNode(true) as Element | undefined;
      for (const img of Array.from(copy?.querySelectorAll('img[alt]') ?? [])) {
        img.replaceWith(img.getAttribute('alt') ?? '');
      }
      return fold(copy?.textContent);
    };
    expect(fold(focused.text)).not.toBe('');
    expect(fold(focused.text)).toBe(shown(ownText));
    expect(focused).toMatchObject({
      key: '1908671786876850246',
      permalink: 'https://x.com/eli_lifland/status/1908671786876850246',
      author: { handle: 'eli_lifland' },
    });
    // The tweet's own time is the one in its status link, not the quote card's.
    const ownTime = article
      .querySelector('a[href="/eli_lifland/status/1908671786876850246"] time')
      ?.getAttribute('datetime');
    expect(ownTime).toBeTruthy();
    expect(focused.time).toBe(ownTime);
    expect(fold(focused.quoted?.text)).toBe(shown(quotedText));
    expect(focused.quoted?.author?.handle).toBe('DKokotajlo');
    expect(focused.quoted?.permalink).toBe('https://x.com/DKokotajlo/status/1907826614186209524');
    expect(fold(focused.text)).not.toContain(shown(quotedText));
    expectSegmentsInvariant(focused);
    // The three replies of the author's own thread follow it.
    expect(comments.filter((c) => c.kind === 'reply')).toHaveLength(3);
  });
});

// @vitest-environment happy-dom
import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OverlayController } from '../../lib/overlay/controller';
import {
  diagnosticsReport,
  healthNote,
  NO_AUTHORS,
  NO_COMMENTS,
  type PageReading,
} from '../../lib/overlay/health';
import { facebookAdapter, xAdapter } from '../../lib/sites';
import type { SiteAdapter } from '../../lib/sites/types';
import { DOM_REAL, loadReal, readPage, REAL_FACEBOOK_PAGES } from '../sites/helpers';
import {
  buttonNamed,
  comment,
  fakeAdapter,
  makeOverlay,
  page,
  settle,
  summaryRoot,
} from './helpers';

const reading = (over: Partial<PageReading>): PageReading => ({
  threadPage: true,
  settled: true,
  comments: 3,
  withoutAuthor: 0,
  ...over,
});

describe('healthNote', () => {
  it.each([
    ['a thread page with none read', reading({ comments: 0 }), NO_COMMENTS],
    ['a thread page still loading', reading({ comments: 0, settled: false }), null],
    ['a feed with none read', reading({ comments: 0, threadPage: false }), null],
    ['comments all with authors', reading({}), null],
    ['comments none with authors', reading({ withoutAuthor: 3 }), NO_AUTHORS],
    [
      'comments some without authors',
      reading({ withoutAuthor: 1 }),
      "Can't read who wrote 1 of these 3 comments: repeat-caller counts are off for them.",
    ],
    [
      'a feed of comments none with authors',
      reading({ threadPage: false, withoutAuthor: 3 }),
      NO_AUTHORS,
    ],
  ])('should say, for %s: %s', (_, given, note) => {
    expect(healthNote(given)).toBe(note);
  });
});

describe('diagnosticsReport', () => {
  it('should say what was read and list the structure within its limits, without the page text', () => {
    document.body.innerHTML =
      '<main id="feed"><article data-key="9" data-author="jo"><p class="text">Private words</p><a href="https://x.com/jo">jo</a></article></main>';
    const report = diagnosticsReport(
      document,
      fakeAdapter,
      reading({ comments: 1, withoutAuthor: 1 }),
      () => false,
      { maxNodes: 3, maxDepth: 10 },
    );
    const lines = report.split('\n');
    expect(lines).toContain('Site: x');
    expect(lines).toContain('Thread page: yes');
    expect(lines).toContain('Comments read: 1, without an author: 1');
    expect(lines).toContain("Listed from: the adapter's root");
    expect(lines).toContain(
      'Limits: 3 elements, 10 levels deep; 1 elements not listed (element limit reached)',
    );
    expect(lines.slice(-3)).toEqual(['0 main', '1 article', '2 p']);
    expect(report).not.toMatch(/Private|words|x\.com|\bjo\b|feed/);
  });
});

let current: OverlayController | null = null;
afterEach(() => {
  current?.destroy();
  current = null;
  document.body.replaceChildren();
});

function diagnosticsBox(): HTMLElement {
  const box = summaryRoot().querySelector<HTMLElement>('.diagnostics');
  if (!box) throw new Error('no diagnostics');
  return box;
}

describe('the page summary on a page it cannot read properly', () => {
  it("should say it can't find the comments, and copy the page's structure without its text", async () => {
    const feed = page();
    feed.innerHTML =
      '<div role="feed" data-testid="cellInnerDiv"><p>Someone private wrote this</p><a href="https://x.com/someone">someone</a></div>';
    const made = makeOverlay({ adapter: { ...fakeAdapter, isThreadPage: () => true } });
    current = made.overlay;
    made.overlay.start();
    await new Promise((resolve) => setTimeout(resolve, 30));
    await settle(made.overlay);

    expect(summaryRoot().textContent).toContain(NO_COMMENTS);
    expect(diagnosticsBox().hidden).toBe(false);
    const button = buttonNamed(summaryRoot(), 'Copy page diagnostics');
    expect(button.type).toBe('button');
    const hint = summaryRoot().getElementById(button.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toContain('all text, links and names taken out');

    button.click();
    await vi.waitFor(() => expect(diagnosticsBox().textContent).toContain('Copied'));
    expect(made.writeClipboard).toHaveBeenCalledTimes(1);
    const copied = made.writeClipboard.mock.calls[0]?.[0] ?? '';
    expect(copied).toContain('0 main\n1 div role=feed testid=cellInnerDiv\n2 p\n2 a');
    expect(copied).not.toMatch(/private|someone|x\.com/i);
  });

  it('should say whose comments it cannot read, and the error when copying fails', async () => {
    page(comment('1', '', 'hello'), comment('2', '', 'hi there'));
    const made = makeOverlay({
      writeClipboard: vi.fn(async () => Promise.reject(new Error('denied'))),
    });
    current = made.overlay;
    made.overlay.start();
    await settle(made.overlay);

    expect(summaryRoot().textContent).toContain(NO_AUTHORS);
    buttonNamed(summaryRoot(), 'Copy page diagnostics').click();
    await vi.waitFor(() =>
      expect(diagnosticsBox().textContent).toContain("Couldn't copy the page diagnostics: denied"),
    );
  });

  it('should show neither the note nor the button where every comment has its author', async () => {
    page(comment('1', 'alice', 'hello'), comment('2', '', 'hi there'));
    const made = makeOverlay();
    current = made.overlay;
    made.overlay.start();
    await settle(made.overlay);
    expect(summaryRoot().textContent).toContain(
      "Can't read who wrote 1 of these 2 comments: repeat-caller counts are off for them.",
    );

    page(comment('1', 'alice', 'hello'));
    made.overlay.navigated();
    await settle(made.overlay);
    expect(summaryRoot().querySelector('.note')?.textContent).toBe('');
    expect(diagnosticsBox().hidden).toBe(true);
  });
});

const haveReal = fs.existsSync(DOM_REAL);
if (!haveReal) console.warn('health.test.ts: real captures not found; skipping those tests');

const REAL_PAGES: [file: string, url: string, adapter: SiteAdapter][] = [
  ...REAL_FACEBOOK_PAGES.map(([file, url]): [string, string, SiteAdapter] => [
    `facebook/${file}`,
    url,
    facebookAdapter,
  ]),
  [
    'x/x1-brocc-2025-04-status-thread.html',
    'https://x.com/eli_lifland/status/1908671786876850246',
    xAdapter,
  ],
  [
    'x/x5-tainara-2025-11-status-pt-loggedout.html',
    'https://x.com/stfuesh/status/1993177247822516587',
    xAdapter,
  ],
];

describe.skipIf(!haveReal)('page diagnostics of real facebook.com and x.com pages', () => {
  it.each(REAL_PAGES)(
    'should hold no comment text, name, link or label from %s',
    (file, url, adapter) => {
      const doc = loadReal(file, url);
      const comments = readPage(adapter, doc);
      const report = diagnosticsReport(
        doc,
        adapter,
        reading({ comments: comments.length }),
        () => false,
      );
      expect(report).toContain('role=article');
      const personal = [
        ...comments.flatMap((c) => [
          c.text.trim().slice(0, 24),
          c.author.displayName,
          c.author.handle,
          c.author.profileUrl,
          c.permalink,
        ]),
        // Labels of more than one word (names, "Comment by …"); one-word control labels such as
        // X's "Bookmark" can match a test id's known part.
        ...Array.from(doc.querySelectorAll('[aria-label]'), (el) =>
          el.getAttribute('aria-label'),
        ).filter((label) => label?.includes(' ')),
        ...Array.from(doc.querySelectorAll('a[href]'), (a) => a.getAttribute('href')),
      ].filter((s): s is string => typeof s === 'string' && s.length >= 8);
      expect(personal.length).toBeGreaterThan(10);
      for (const s of personal) expect(report).not.toContain(s);
      // X's test ids carry the authors' handles: those are printed without them.
      for (const c of comments) {
        if (c.author.handle) expect(report).not.toContain(`-${c.author.handle}`);
      }
    },
  );
});

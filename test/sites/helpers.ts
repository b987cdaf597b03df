import fs from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { expect } from 'vitest';
import type { ExtractedComment, SiteAdapter } from '../../lib/sites/types';

export const FIXTURES = path.resolve(__dirname, '../fixtures/sites');

/** A fresh happy-dom document at `url` with `html` as its body. */
export function domFrom(html: string, url: string): Document {
  const window = new Window({ url });
  const doc = window.document as unknown as Document;
  doc.body.innerHTML = html;
  return doc;
}

/**
 * Real pages saved by other projects (see PROVENANCE.md there): read where they are at test time,
 * never copied into this repository. Tests over them skip, with a message, when it is absent.
 */
export const DOM_REAL = path.resolve(__dirname, '../../../shared/data/dom-real');

/** The real facebook.com captures with comments, and the address each was saved from. */
export const REAL_FACEBOOK_PAGES: [file: string, url: string][] = [
  [
    'fb1-tanjin-2025-post-page-comments.html',
    'https://www.facebook.com/salmanmd.sultan.1/posts/pfbid02pwk1KyH6jtefw3dYQuPQPEESmxCrBGaigyWUdu5JRSbZzAQBAnRDfZsPP7av5ikql',
  ],
  ['fb3-burmaapp-2026-02-nytimes-page-feed.html', 'https://www.facebook.com/nytimes'],
];

/** A real capture under DOM_REAL (its body) loaded at `url`. */
export function loadReal(relative: string, url: string): Document {
  const html = fs.readFileSync(path.join(DOM_REAL, relative), 'utf8');
  return domFrom(/<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html, url);
}

/** A committed fixture loaded at `url`. */
export function loadFixture(relative: string, url: string): Document {
  return domFrom(fs.readFileSync(path.join(FIXTURES, relative), 'utf8'), url);
}

/** The overlay's contract: every segment's node data sits at its offset in the text. */
export function expectSegmentsInvariant(comment: ExtractedComment): void {
  let covered = 0;
  for (const s of comment.segments) {
    expect(comment.text.slice(s.start, s.start + s.node.data.length)).toBe(s.node.data);
    expect(s.start).toBeGreaterThanOrEqual(covered);
    covered = s.start + s.node.data.length;
    if (comment.textElement) expect(comment.textElement.contains(s.node)).toBe(true);
  }
}

/** Every comment the adapter finds under the document's root, each of which must be readable. */
export function readPage(adapter: SiteAdapter, doc: Document): ExtractedComment[] {
  const root = adapter.findRoot(doc);
  if (!root) throw new Error('no root');
  return adapter.findComments(root).map((el) => {
    const c = adapter.extract(el);
    if (!c) throw new Error('unreadable comment');
    return c;
  });
}

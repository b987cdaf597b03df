import fs from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { expect } from 'vitest';
import type { ExtractedComment } from '../../lib/sites/types';

export const FIXTURES = path.resolve(__dirname, '../fixtures/sites');

/** A fresh happy-dom document at `url` with `html` as its body. */
export function domFrom(html: string, url: string): Document {
  const window = new Window({ url });
  const doc = window.document as unknown as Document;
  doc.body.innerHTML = html;
  return doc;
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

import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { adapterFor, FacebookSelectors, XSelectors } from '../../lib/sites';
import { hashKey, readText } from '../../lib/sites/text';

describe('adapterFor', () => {
  it.each([
    ['https://x.com/home', 'x'],
    ['https://twitter.com/someone/status/1', 'x'],
    ['https://mobile.x.com/someone', 'x'],
    ['https://mobile.twitter.com/search?q=a', 'x'],
    ['https://www.facebook.com/', 'facebook'],
    ['https://www.facebook.com/story.php?story_fbid=1', 'facebook'],
    ['https://m.facebook.com/story.php?story_fbid=1', null],
    ['https://web.facebook.com/Page/posts/1', 'facebook'],
    ['https://example.com/', null],
    ['https://x.company.example/', null],
    ['https://www.facebook.com.evil.example/', null],
    ['file:///x.com/home', null],
  ])('%s -> %s', (href, site) => {
    expect(adapterFor(new URL(href))?.site ?? null).toBe(site);
  });
});

describe('selectors', () => {
  const values: unknown[] = [...Object.values(XSelectors), ...Object.values(FacebookSelectors)];
  const all = values.filter((s): s is string => typeof s === 'string');

  it('should never select by class name', () => {
    for (const selector of all) {
      expect(selector).not.toMatch(/\.[A-Za-z_-]|\[class/);
    }
  });

  it('should not mention class attributes anywhere in the selectors file', () => {
    const source = fs.readFileSync(path.resolve(__dirname, '../../lib/sites/selectors.ts'), 'utf8');
    expect(source).not.toMatch(/\bclass\s*[*^$~|]?=/);
  });

  it('should all be valid CSS', () => {
    const doc = new Window().document;
    expect(all.length).toBeGreaterThan(10);
    for (const selector of all) expect(() => doc.querySelector(selector)).not.toThrow();
    expect(() => doc.querySelector('div[')).toThrow();
  });
});

describe('hashKey', () => {
  it('should be stable and tell different texts apart', () => {
    expect(hashKey('alice\nhello')).toBe(hashKey('alice\nhello'));
    expect(hashKey('alice\nhello')).not.toBe(hashKey('alice\nhellp'));
    expect(hashKey('')).toMatch(/^[0-9a-f]+$/);
  });
});

describe('readText', () => {
  it('should read nothing from no blocks', () => {
    expect(readText([])).toEqual({ text: '', segments: [] });
  });

  // Arbitrary markup: text (including markup-like text), emoji images, line breaks, skipped
  // subtrees and nesting. The overlay relies on the segment invariant for every one of them.
  const piece: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.string({ maxLength: 8 }).map((t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;')),
      fc.constantFrom('😀', '👮', '').map((alt) => `<img alt="${alt}">`),
      fc.constant('<br>'),
      fc.constant('<div role="button">See more</div>'),
      fc.constant('<svg><text>SVG_HIDDEN_TEXT</text></svg>'),
      fc.array(tie('node'), { maxLength: 4 }).map((kids) => `<span>${kids.join('')}</span>`),
    ),
  })).node;

  it('should keep every segment at its offset for any markup', () => {
    const doc = new Window().document;
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 3 }), (blocks) => {
        doc.body.innerHTML = blocks.map((b) => `<div dir="auto">${b}</div>`).join('');
        const els = Array.from(doc.body.children) as unknown as Element[];
        const { text, segments } = readText(els, (el) => el.getAttribute('role') === 'button');
        let end = 0;
        for (const s of segments) {
          expect(text.slice(s.start, s.start + s.node.data.length)).toBe(s.node.data);
          expect(s.start).toBeGreaterThanOrEqual(end);
          end = s.start + s.node.data.length;
        }
        expect(text).not.toContain('See more');
        expect(text).not.toContain('SVG_HIDDEN_TEXT');
      }),
      { numRuns: 200 },
    );
  });
});

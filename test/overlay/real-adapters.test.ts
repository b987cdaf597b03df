import { describe, expect, it, vi } from 'vitest';
import type { DetectContext, Finding } from '../../lib/detect/types';
import { OverlayController } from '../../lib/overlay/controller';
import { facebookAdapter, xAdapter } from '../../lib/sites';
import type { SiteAdapter } from '../../lib/sites/types';
import { loadFixture } from '../sites/helpers';
import { recordingSink, settings } from './helpers';

/** Flags the first word of every comment, so every readable comment with text gets a badge. */
const firstWord = vi.fn((text: string, _context: DetectContext): Finding[] => {
  const match = /\p{L}+/u.exec(text);
  if (!match) return [];
  return [
    {
      criterion: 'offensive-language',
      action: 'remove',
      ruleId: 'test.first-word',
      start: match.index,
      end: match.index + match[0].length,
      excerpt: match[0],
      confidence: 'high',
      explanation: 'First word.',
    },
  ];
});

describe.each([
  ['X', xAdapter, 'x/status-thread.html', 'https://x.com/LeicsPolice/status/1850000000000000000'],
  [
    'Facebook',
    facebookAdapter,
    'facebook/post-comments.html',
    'https://www.facebook.com/leicspolice/posts/pfbid0abc',
  ],
] as [string, SiteAdapter, string, string][])(
  'the overlay on the %s fixture',
  (_, adapter, file, url) => {
    it('should scan every comment, badge those with text, and leave their text unchanged', async () => {
      const doc = loadFixture(file, url);
      const win = doc.defaultView!;
      const root = adapter.findRoot(doc) ?? doc.body;
      const before = adapter.findComments(root).map((el) => adapter.extract(el));
      expect(before.length).toBeGreaterThan(2);

      const highlights = recordingSink();
      let clock = 0;
      const overlay = new OverlayController({
        signal: new AbortController().signal,
        doc,
        adapter,
        detect: firstWord,
        settings: settings(),
        sendMessage: async () => ({ ok: true }),
        highlights,
        requestFrame: (cb) => win.setTimeout(cb, 0),
        yieldToMain: () => Promise.resolve(),
        setTimer: () => () => undefined,
        // Everything drawn at once: happy-dom has no layout, and its IntersectionObserver never
        // reports, so a feed read in more than one slice would otherwise stay undrawn. The clock
        // reads it one comment a slice, as a slow machine might.
        nearby: () => null,
        now: () => (clock += 1),
        sliceMs: 1.5,
      });
      overlay.start();
      await overlay.idle();

      const readable = before.filter((c) => c !== null);
      const withText = readable.filter((c) => /\p{L}/u.test(c.text));
      expect(doc.querySelectorAll('[data-ma-scanned]')).toHaveLength(readable.length);
      expect(doc.querySelectorAll('ma-badge')).toHaveLength(withText.length);
      expect(highlights.live.remove.size).toBe(withText.length);
      for (const c of withText) {
        expect(c.element.getAttribute('data-ma-flagged')).toBe('offensive-language');
        // The badge must not become part of what the adapter reads next time.
        expect(adapter.extract(c.element)?.text).toBe(c.text);
        const own = Array.from(c.element.querySelectorAll('ma-badge')).filter(
          (b) =>
            adapter
              .findComments(root)
              .filter((el) => el.contains(b))
              .pop() === c.element,
        );
        expect(own).toHaveLength(1);
      }
      const summary = doc.querySelector('ma-summary');
      expect(summary?.getAttribute('data-ma-total-count')).toBe(
        String(new Set(readable.map((c) => c.key)).size),
      );
      overlay.destroy();
      expect(doc.querySelector('ma-badge, ma-summary, [data-ma-scanned]')).toBeNull();
      await (win as unknown as { happyDOM: { close(): Promise<void> } }).happyDOM.close();
    });
  },
);

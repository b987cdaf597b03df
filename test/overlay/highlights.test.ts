// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cssHighlightSink, rangesFor } from '../../lib/overlay/highlights';
import { readText } from '../../lib/sites/text';
import { OverlayController } from '../../lib/overlay/controller';
import { comment, fakeAdapter, fakeDetect, page, settings } from './helpers';

/** Stand-ins for the CSS Custom Highlight API, which happy-dom lacks. */
class FakeHighlight extends Set<AbstractRange> {
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

const originalCss = Object.getOwnPropertyDescriptor(window, 'CSS');

function installHighlightApi(): Map<string, FakeHighlight> {
  const registry = new Map<string, FakeHighlight>();
  Object.defineProperty(window, 'Highlight', { value: FakeHighlight, configurable: true });
  Object.defineProperty(window, 'CSS', { value: { highlights: registry }, configurable: true });
  return registry;
}

afterEach(() => {
  delete (window as unknown as Record<string, unknown>).Highlight;
  if (originalCss) Object.defineProperty(window, 'CSS', originalCss);
  document.body.replaceChildren();
});

describe('rangesFor', () => {
  it('should map a span across several text nodes and skip emoji from img alt', () => {
    const p = document.createElement('p');
    p.append('you bad', document.createElement('img'), 'word ', document.createElement('b'));
    p.querySelector('img')!.alt = '😀';
    p.querySelector('b')!.textContent = 'idiot';
    document.body.append(p);
    const { text, segments } = readText([p]);
    expect(text).toBe('you bad😀word idiot');

    const ranges = rangesFor(document, segments, 4, text.length);
    expect(ranges.map((r) => r.toString())).toEqual(['bad', 'word ', 'idiot']);
  });

  it('should give nothing for a span that lies only in an emoji, or outside the text', () => {
    const p = document.createElement('p');
    p.append('a', document.createElement('img'), 'b');
    p.querySelector('img')!.alt = '💣';
    document.body.append(p);
    const { segments } = readText([p]);
    expect(rangesFor(document, segments, 1, 3)).toEqual([]);
    expect(rangesFor(document, segments, 10, 12)).toEqual([]);
  });
});

describe('cssHighlightSink', () => {
  it('should register ma-remove and ma-crime highlights and clear them', () => {
    const registry = installHighlightApi();
    const sink = cssHighlightSink(window as unknown as Window);
    const t = document.createTextNode('abc');
    document.body.append(t);
    const r = document.createRange();
    r.setStart(t, 0);
    r.setEnd(t, 1);
    sink.add('remove', [r]);
    sink.add('crime', [r]);
    expect(registry.get('ma-remove')?.has(r)).toBe(true);
    expect(registry.get('ma-crime')?.has(r)).toBe(true);
    sink.remove('remove', [r]);
    expect(registry.get('ma-remove')?.size).toBe(0);
    sink.clear();
    expect(registry.size).toBe(0);
  });

  it('should do nothing, and not throw, where the API is missing', () => {
    const sink = cssHighlightSink(window as unknown as Window);
    expect(() => sink.add('remove', [document.createRange()])).not.toThrow();
  });

  it('should highlight matched words through the overlay, and wrap none of the site text', async () => {
    const registry = installHighlightApi();
    const el = comment('1', 'a', 'you badword, I will kill you');
    page(el);
    const overlay = new OverlayController({
      doc: document,
      adapter: fakeAdapter,
      detect: fakeDetect(),
      settings: settings(),
      sendMessage: async () => ({ ok: true }),
      requestFrame: (cb) => setTimeout(cb, 0),
      yieldToMain: () => Promise.resolve(),
    });
    overlay.start();
    await overlay.idle();
    expect([...(registry.get('ma-remove') ?? [])].map((r) => String(r))).toEqual(['badword']);
    expect([...(registry.get('ma-crime') ?? [])].map((r) => String(r))).toEqual(['kill you']);
    expect(el.querySelector('.text')?.childNodes).toHaveLength(1);
    overlay.destroy();
    expect(registry.size).toBe(0);
  });
});

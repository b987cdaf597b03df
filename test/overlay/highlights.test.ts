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
const originalIO = Object.getOwnPropertyDescriptor(window, 'IntersectionObserver');

type Entry = { target: Element; isIntersecting: boolean };
/** A stand-in IntersectionObserver the test drives: `report` says which elements are near. */
class FakeObserver {
  static last: FakeObserver | null = null;
  readonly observed = new Set<Element>();
  constructor(readonly callback: (entries: Entry[]) => void) {
    FakeObserver.last = this;
  }
  observe(el: Element) {
    this.observed.add(el);
  }
  unobserve(el: Element) {
    this.observed.delete(el);
  }
  disconnect() {
    this.observed.clear();
  }
  report(near: (el: Element) => boolean) {
    this.callback([...this.observed].map((target) => ({ target, isIntersecting: near(target) })));
  }
}

/** The highlight API; `'fake'` adds an IntersectionObserver the test drives (FakeObserver). */
function installHighlightApi(observer: 'none' | 'fake' = 'none'): Map<string, FakeHighlight> {
  const registry = new Map<string, FakeHighlight>();
  Object.defineProperty(window, 'Highlight', { value: FakeHighlight, configurable: true });
  Object.defineProperty(window, 'CSS', { value: { highlights: registry }, configurable: true });
  Object.defineProperty(window, 'IntersectionObserver', {
    value: observer === 'fake' ? FakeObserver : undefined,
    configurable: true,
  });
  return registry;
}

afterEach(() => {
  delete (window as unknown as Record<string, unknown>).Highlight;
  if (originalCss) Object.defineProperty(window, 'CSS', originalCss);
  if (originalIO) Object.defineProperty(window, 'IntersectionObserver', originalIO);
  FakeObserver.last = null;
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

  it('should keep only the words near the viewport registered, and follow scrolling', async () => {
    const registry = installHighlightApi('fake');
    const sink = cssHighlightSink(window as unknown as Window);
    const make = (text: string) => {
      const p = document.createElement('p');
      p.textContent = text;
      document.body.append(p);
      const r = document.createRange();
      r.setStart(p.firstChild!, 0);
      r.setEnd(p.firstChild!, 3);
      return { p, r };
    };
    const a = make('abc def');
    const b = make('ghi jkl');
    sink.add('remove', [a.r]);
    sink.add('crime', [b.r]);
    // New words show at once (in the frame that draws their badge)…
    expect(registry.get('ma-remove')?.has(a.r)).toBe(true);
    expect(registry.get('ma-crime')?.has(b.r)).toBe(true);
    // …and the observer's first report takes out those far from the viewport.
    const io = FakeObserver.last!;
    io.report((el) => el === a.p);
    expect(registry.get('ma-remove')?.has(a.r)).toBe(true);
    expect(registry.get('ma-crime')?.has(b.r) ?? false).toBe(false);
    io.report((el) => el === b.p);
    expect(registry.get('ma-remove')?.has(a.r)).toBe(false);
    expect(registry.get('ma-crime')?.has(b.r)).toBe(true);
    // A range added for text already near (a rescan) shows at once; removing stops watching.
    const again = document.createRange();
    again.setStart(b.p.firstChild!, 4);
    again.setEnd(b.p.firstChild!, 7);
    sink.add('remove', [again]);
    expect(registry.get('ma-remove')?.has(again)).toBe(true);
    sink.remove('remove', [again]);
    sink.remove('crime', [b.r]);
    expect(registry.get('ma-crime')?.size).toBe(0);
    await Promise.resolve();
    expect(io.observed.has(b.p)).toBe(false);
    sink.clear();
    expect(registry.size).toBe(0);
    expect(io.observed.size).toBe(0);
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
      signal: new AbortController().signal,
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

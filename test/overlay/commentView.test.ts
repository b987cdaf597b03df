// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { CommentViews } from '../../lib/overlay/commentView';
import { Panel } from '../../lib/overlay/panel';
import { badgeOf, comment, fakeAdapter, fakeDetect, page, recordingSink } from './helpers';

/** The views of a page of `texts`, each read and settled with the fake engine's findings. */
function views(...texts: string[]) {
  const els = texts.map((text, i) => comment(String(i), `user${i}`, text));
  page(...els);
  const sink = recordingSink();
  const watched = new Set<Element>();
  const panel = new Panel({
    doc: document,
    sendMessage: async () => ({ ok: true }),
    writeClipboard: async () => undefined,
    pageUrl: () => 'https://x.com/a/status/1',
  });
  const v: CommentViews = new CommentViews({
    doc: document,
    sink,
    nearby: { watch: (el) => watched.add(el), unwatch: (el) => watched.delete(el), clear() {} },
    panel,
    onOpen: (el) => {
      const view = v.get(el)!;
      panel.open({
        comment: view.comment,
        findings: view.findings,
        badge: view.badge!,
        seenAt: new Date(),
      });
    },
  });
  const detect = fakeDetect();
  const read = (el: HTMLElement) => {
    const c = fakeAdapter.extract(el)!;
    return v.settle(el, c, detect(c.text, {}));
  };
  return { v, els, sink, watched, panel, read };
}

const highlighted = (sink: ReturnType<typeof recordingSink>) =>
  sink.live.remove.size + sink.live.crime.size;

afterEach(() => document.body.replaceChildren());

describe('CommentViews', () => {
  it('should draw a flagged comment only when asked, and redraw it in place when it changes', () => {
    const { v, els, sink, read } = views('a badword here');
    const el = els[0]!;
    expect(read(el)).toBe(true);
    expect(el.getAttribute('data-ma-flagged')).toBe('offensive-language');
    expect(el.hasAttribute('data-ma-severity')).toBe(false);
    expect(badgeOf(el)).toBeNull();
    v.draw(el);
    expect(el.getAttribute('data-ma-severity')).toBe('remove');
    const badge = badgeOf(el);
    expect(badge).not.toBeNull();
    expect(highlighted(sink)).toBe(1);

    el.querySelector('.text')!.textContent = 'badword, I will kill you';
    expect(read(el)).toBe(false);
    expect(badgeOf(el)).toBe(badge);
    expect(el.getAttribute('data-ma-severity')).toBe('crime');
    // The old words' ranges went with the old text: only the new ones are highlighted.
    expect(highlighted(sink)).toBe(2);
  });

  it('should take everything off a comment that turns clean, closing its panel', () => {
    const { v, els, sink, watched, panel, read } = views('a badword here', 'badword too');
    const [el, other] = [els[0]!, els[1]!];
    read(el);
    read(other);
    v.draw(el);
    watched.add(el);
    badgeOf(el)!.shadowRoot!.querySelector('button')!.click();
    expect(panel.openFor).toBe(el);

    el.querySelector('.text')!.textContent = 'all fine now';
    expect(read(el)).toBe(false);
    expect(el.hasAttribute('data-ma-flagged')).toBe(false);
    expect(el.hasAttribute('data-ma-severity')).toBe(false);
    expect(badgeOf(el)).toBeNull();
    expect(highlighted(sink)).toBe(0);
    expect(watched.has(el)).toBe(false);
    expect(panel.openFor).toBeNull();
    expect(v.flaggedInOrder()).toEqual([other]);
  });

  it('should forget a comment that can no longer be read, scanned mark and all', () => {
    const { v, els, sink, read } = views('a badword here');
    const el = els[0]!;
    el.setAttribute('data-ma-scanned', '');
    read(el);
    v.draw(el);
    v.forget(el);
    expect(el.hasAttribute('data-ma-scanned')).toBe(false);
    expect(el.hasAttribute('data-ma-flagged')).toBe(false);
    expect(badgeOf(el)).toBeNull();
    expect(highlighted(sink)).toBe(0);
    expect(v.get(el)).toBeUndefined();
  });

  it('should let go of comments the site took out without writing to them', () => {
    const { v, els, sink, watched, read } = views('a badword here', 'badword too');
    const [el, other] = [els[0]!, els[1]!];
    read(el);
    read(other);
    v.draw(el);
    v.draw(other);
    watched.add(el);
    el.remove();
    v.prune();
    expect(highlighted(sink)).toBe(1);
    expect(watched.has(el)).toBe(false);
    expect(v.flaggedInOrder()).toEqual([other]);
    expect(el.getAttribute('data-ma-flagged')).toBe('offensive-language');
    expect(badgeOf(el)).not.toBeNull();
  });

  it('should list the flagged comments on the page in page order', () => {
    const { v, els, read } = views('badword one', 'fine', 'badword three');
    for (const el of [...els].reverse()) read(el);
    expect(v.flaggedInOrder()).toEqual([els[0], els[2]]);
  });
});

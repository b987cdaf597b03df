// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OverlayController } from '../../lib/overlay/controller';
import { NEAR_SCREENS, isNear, type NearbyFactory } from '../../lib/overlay/nearby';
import { badgeOf, buttonNamed, comment, makeOverlay, page, settle, summaryRoot } from './helpers';

/** A watcher the test drives: `report` says which watched elements have come near. */
function fakeNearby() {
  const watched = new Set<Element>();
  let onNear: (elements: Element[]) => void = () => {};
  const factory: NearbyFactory = (callback) => {
    onNear = callback;
    return {
      watch: (el) => watched.add(el),
      unwatch: (el) => watched.delete(el),
      clear: () => watched.clear(),
    };
  };
  return {
    factory,
    watched,
    report: (elements: Element[]) => onNear(elements),
  };
}

/** Puts `el` at `top` px from the viewport's top (happy-dom has no layout). */
function placeAt(el: Element, top: number, height = 80): void {
  el.getBoundingClientRect = () =>
    ({ top, bottom: top + height, left: 0, right: 500, width: 500, height }) as DOMRect;
}

let current: OverlayController | null = null;
afterEach(() => {
  current?.destroy();
  current = null;
  document.body.replaceChildren();
});

/**
 * A clock that moves 1 ms each time it is read, with 1.5 ms slices: one comment is read per slice,
 * so the feed is read "in slices", as a long one is.
 */
function inSlices() {
  let t = 0;
  return { now: () => (t += 1), sliceMs: 1.5 };
}

/** A feed of `n` comments, every other one flagged. */
function feed(n: number): HTMLElement[] {
  return Array.from({ length: n }, (_, i) =>
    comment(String(i), `user${i}`, i % 2 === 0 ? `comment ${i} badword` : `comment ${i} fine`),
  );
}

/** Starts the overlay on a page of `comments`, with a watcher the test drives; waits till done. */
async function start(comments: HTMLElement[], slices = false) {
  page(...comments);
  const nearby = fakeNearby();
  const made = makeOverlay({ nearby: nearby.factory, ...(slices ? inSlices() : {}) });
  current = made.overlay;
  made.overlay.start();
  await settle(made.overlay);
  return { ...made, nearby };
}

describe('drawing only what is near the viewport', () => {
  it('should scan and count a long feed at once but draw a flagged comment only when it comes near', async () => {
    const comments = feed(40);
    const { nearby, ...made } = await start(comments, true);

    const flagged = comments.filter((_, i) => i % 2 === 0);
    for (const el of comments) expect(el.hasAttribute('data-ma-scanned')).toBe(true);
    for (const el of flagged) {
      expect(el.getAttribute('data-ma-flagged')).toBe('offensive-language');
      expect(el.hasAttribute('data-ma-severity')).toBe(false);
      expect(badgeOf(el)).toBeNull();
    }
    expect(nearby.watched.size).toBe(20);
    expect(made.highlights.live.remove.size).toBe(0);
    // The summary counts every flagged comment, drawn or not.
    expect(summaryRoot().textContent).toContain('20 flagged of 40 comments');

    nearby.report([flagged[3]!, flagged[4]!]);
    for (const el of [flagged[3]!, flagged[4]!]) {
      expect(el.getAttribute('data-ma-severity')).toBe('remove');
      expect(badgeOf(el)).not.toBeNull();
      expect(nearby.watched.has(el)).toBe(false);
    }
    expect(badgeOf(flagged[5]!)).toBeNull();
    expect(made.highlights.live.remove.size).toBe(2);
  });

  it('should draw a small batch the site has just added at once, without asking where it is', async () => {
    const first = feed(2);
    const { nearby, ...made } = await start(first);

    const added = comment('new', 'dave', 'late badword');
    const rect = vi.fn(() => ({ top: 99_999, bottom: 100_000 }) as DOMRect);
    added.getBoundingClientRect = rect;
    document.getElementById('feed')!.append(added);
    await settle(made.overlay);
    expect(badgeOf(added)).not.toBeNull();
    expect(rect).not.toHaveBeenCalled();
    expect(nearby.watched.has(added)).toBe(false);
  });

  it('should draw the near part of a large batch at once and watch the rest', async () => {
    const { nearby, ...made } = await start([]);

    const height = window.innerHeight;
    const batch = feed(30);
    batch.forEach((el, i) => placeAt(el, height * 0.5 + i * 100));
    document.getElementById('feed')!.append(...batch);
    await settle(made.overlay);

    const flagged = batch.filter((_, i) => i % 2 === 0);
    const near = flagged.filter((el) => isNear(el, height));
    const far = flagged.filter((el) => !isNear(el, height));
    expect(near.length).toBeGreaterThan(0);
    expect(far.length).toBeGreaterThan(0);
    for (const el of near) expect(badgeOf(el)).not.toBeNull();
    for (const el of far) {
      expect(badgeOf(el)).toBeNull();
      expect(nearby.watched.has(el)).toBe(true);
    }
  });

  it('should draw a far comment when Next moves to it', async () => {
    const comments = feed(6);
    const { nearby } = await start(comments, true);
    expect(badgeOf(comments[0]!)).toBeNull();

    buttonNamed(summaryRoot(), 'Next flagged comment').click();
    const button = badgeOf(comments[0]!)?.shadowRoot?.querySelector('button');
    expect(button).toBeTruthy();
    expect(button?.ownerDocument.activeElement === badgeOf(comments[0]!)).toBe(true);
    expect(nearby.watched.has(comments[0]!)).toBe(false);
  });

  it('should redraw a drawn comment in place when its text changes, and clear it when clean', async () => {
    const comments = feed(4);
    const { nearby, ...made } = await start(comments, true);
    const el = comments[0]!;
    nearby.report([el]);
    const badge = badgeOf(el);
    expect(badge).not.toBeNull();

    el.querySelector('.text')!.textContent = 'now I will kill you';
    await settle(made.overlay);
    expect(badgeOf(el)).toBe(badge);
    expect(el.getAttribute('data-ma-severity')).toBe('crime');
    expect(made.highlights.live.crime.size).toBe(1);
    expect(made.highlights.live.remove.size).toBe(0);

    el.querySelector('.text')!.textContent = 'all fine now';
    await settle(made.overlay);
    expect(badgeOf(el)).toBeNull();
    expect(el.hasAttribute('data-ma-severity')).toBe(false);
    expect(el.hasAttribute('data-ma-flagged')).toBe(false);
    expect(made.highlights.live.crime.size).toBe(0);
  });

  it('should stop watching comments the site takes out, and everything when switched off', async () => {
    const comments = feed(6);
    const { nearby, ...made } = await start(comments, true);
    expect(nearby.watched.size).toBe(3);
    comments[0]!.remove();
    await settle(made.overlay);
    expect(nearby.watched.has(comments[0]!)).toBe(false);
    made.overlay.destroy();
    expect(nearby.watched.size).toBe(0);
  });
});

describe('isNear', () => {
  it('should count what lies within the margin above or below the viewport', () => {
    const el = document.createElement('div');
    const h = 1000;
    placeAt(el, h + NEAR_SCREENS * h - 1);
    expect(isNear(el, h)).toBe(true);
    placeAt(el, h + NEAR_SCREENS * h + 1);
    expect(isNear(el, h)).toBe(false);
    placeAt(el, -NEAR_SCREENS * h - 200, 100);
    expect(isNear(el, h)).toBe(false);
    placeAt(el, -NEAR_SCREENS * h - 50, 100);
    expect(isNear(el, h)).toBe(true);
  });
});

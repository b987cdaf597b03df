import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMENTS } from '../../scripts/demo/comments.mjs';
import { DEMO_ROUTES } from '../../scripts/lib/serve.mjs';
import {
  allComments,
  badgeButton,
  openDemo,
  startHarness,
  tagComments,
  type Harness,
} from './helpers';

// x-thread-hostile-css.html is the X demo plus a stylesheet that tries every way a page could hide
// or restyle the overlay (display/visibility/opacity, off-screen positioning, zero size, transparent
// text, font-size 0 and a 1px root font size, pointer-events: none, pseudo-element content).
const comments = allComments(COMMENTS);
const STYLE_PROPS = [
  'display',
  'visibility',
  'opacity',
  'color',
  'background-color',
  'font-size',
  'font-family',
  'pointer-events',
  'border-top-style',
] as const;

let harness: Harness;
let normal: Page;
let hostile: Page;

beforeAll(async () => {
  harness = await startHarness();
  normal = await openDemo(harness.context, DEMO_ROUTES.x, comments.length);
  await tagComments(normal, comments);
  hostile = await openDemo(harness.context, DEMO_ROUTES.xHostileCss, comments.length);
  await tagComments(hostile, comments);
});
afterAll(async () => {
  await harness?.close();
});

function buttonStyle(page: Page, id: string) {
  return badgeButton(page, id).evaluate(
    (button, props) => {
      const cs = getComputedStyle(button);
      return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
    },
    STYLE_PROPS as unknown as string[],
  );
}

describe('a page stylesheet that attacks the overlay', () => {
  it('should be in force on the page (the test page really is hostile)', async () => {
    const pageText = await hostile
      .locator('[data-testid="tweetText"]')
      .first()
      .evaluate((el) => getComputedStyle(el).color);
    expect(pageText).toBe('rgba(0, 0, 0, 0)');
  });

  it('should still flag the comments', async () => {
    expect(await hostile.locator('[data-ma-flagged]').count()).toBeGreaterThanOrEqual(
      await normal.locator('[data-ma-flagged]').count(),
    );
  });

  it('should leave the badge visible, on screen and of a real size', async () => {
    const button = badgeButton(hostile, 'threat');
    await button.scrollIntoViewIfNeeded({ timeout: 5000 });
    expect(await button.isVisible()).toBe(true);
    const box = await button.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.width).toBeGreaterThan(20);
    expect(box!.height).toBeGreaterThan(10);
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    const host = await hostile
      .locator('[data-test-comment="threat"] ma-badge')
      .first()
      .evaluate((el) => {
        const cs = getComputedStyle(el);
        return { display: cs.display, visibility: cs.visibility, opacity: cs.opacity };
      });
    expect(host.display).not.toBe('none');
    expect(host.visibility).toBe('visible');
    expect(host.opacity).toBe('1');
  });

  it('should style the badge exactly as on a normal page', async () => {
    const ours = await buttonStyle(normal, 'threat');
    const attacked = await buttonStyle(hostile, 'threat');
    for (const prop of STYLE_PROPS) expect(attacked[prop], prop).toBe(ours[prop]);
    expect(ours.color).not.toBe('rgba(0, 0, 0, 0)');
    expect(Number.parseFloat(ours['font-size']!)).toBeGreaterThanOrEqual(11);
  });

  it('should show the badge label text, not the page’s pseudo-element content', async () => {
    const label = await badgeButton(hostile, 'threat').evaluate((b) =>
      (b.textContent ?? '').trim(),
    );
    expect(label).toMatch(/credible threat/i);
    const pseudo = await badgeButton(hostile, 'threat').evaluate(
      (b) => getComputedStyle(b, '::before').content,
    );
    expect(pseudo).not.toContain('HACKED');
  });

  it('should open a visible panel from the badge despite the page’s pointer-events rule', async () => {
    await badgeButton(hostile, 'threat').click({ timeout: 5000 });
    const dialog = hostile.locator('ma-panel [role="dialog"]').first();
    await dialog.waitFor({ state: 'visible', timeout: 5000 });
    const box = await dialog.boundingBox();
    expect(box!.width).toBeGreaterThan(100);
    expect(box!.height).toBeGreaterThan(50);
    const color = await dialog.evaluate((d) => getComputedStyle(d).color);
    expect(color).not.toBe('rgba(0, 0, 0, 0)');
    await hostile.keyboard.press('Escape');
  });

  it('should keep the page summary visible', async () => {
    const region = hostile.locator('ma-summary [role="region"]').first();
    expect(await region.isVisible()).toBe(true);
    const box = await region.boundingBox();
    expect(box!.width).toBeGreaterThan(50);
    expect(box!.height).toBeGreaterThan(20);
  });
});

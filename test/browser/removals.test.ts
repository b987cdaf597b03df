import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICY } from '../../lib/policy';
import { COMMENTS } from '../../scripts/demo/comments.mjs';
import { DEMO_ROUTES } from '../../scripts/lib/serve.mjs';
import { allComments, openDemo, startHarness, type Harness } from './helpers';

// The many-removals reminder in the built extension: the moderator marks five flagged comments
// on the X demo thread as removed / hidden from the panel, and the page summary reminds them of
// Annex 1 with the guidelines link and the Digital Media Team contact; dismissing it holds for
// the post across a reload.

const comments = allComments(COMMENTS);
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

let harness: Harness;
let x: Page;

beforeAll(async () => {
  harness = await startHarness();
  x = await openDemo(harness.context, DEMO_ROUTES.x, comments.length);
});
afterAll(async () => {
  await harness?.close();
});

const reminder = (page: Page) => page.locator('ma-summary .reminder');

async function markRemoved(page: Page, index: number): Promise<string> {
  const flagged = page.locator('[data-ma-flagged]').nth(index);
  // Its badge is drawn once it is near the viewport.
  await flagged.scrollIntoViewIfNeeded();
  await flagged.locator('ma-badge').first().locator('button').first().click();
  const panel = page.locator('ma-panel').first();
  await panel.getByRole('button', { name: 'Mark as removed / hidden' }).click();
  const status = panel.getByRole('status');
  await expect
    .poll(() => status.textContent(), { timeout: 10_000 })
    .toMatch(/^(Already )?[Mm]arked as removed/);
  const text = (await status.textContent()) ?? '';
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('ma-panel').count()).toBe(0);
  return text;
}

describe('many-removals reminder in the real browser', () => {
  it('should remind the moderator of Annex 1 after five comments on the post are marked as removed', async () => {
    expect(await x.locator('[data-ma-flagged]').count()).toBeGreaterThanOrEqual(5);
    expect(await reminder(x).isVisible()).toBe(false);
    for (let i = 0; i < 4; i += 1) {
      expect(await markRemoved(x, i)).toContain(`${i + 1} ${i === 0 ? 'removal' : 'removals'}`);
    }
    // The same comment again does not count twice.
    expect(await markRemoved(x, 0)).toMatch(/^Already marked.*\(4 removals/);
    await x.waitForTimeout(300);
    expect(await reminder(x).isVisible()).toBe(false);

    expect(await markRemoved(x, 4)).toContain('5 removals marked on this post');
    await expect.poll(() => reminder(x).isVisible(), { timeout: 10_000 }).toBe(true);
    const text = (await reminder(x).textContent()) ?? '';
    expect(text).toContain('you have marked 5 comments as removed or hidden');
    expect(text).toContain(POLICY.manyRemovals);
    expect(text).toContain('Digital Media Team');
    const link = x.locator('ma-summary').getByRole('link', { name: /Social media guidelines/ });
    expect(await link.getAttribute('href')).toBe(POLICY.guidelinesUrl);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');

    // Stored through the background, keyed by the thread without query noise.
    const worker = harness.context.serviceWorkers()[0]!;
    const stored = await worker.evaluate(async () => {
      const c = (
        globalThis as unknown as {
          chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
        }
      ).chrome;
      return (await c.storage.local.get('removals')).removals as {
        removals: { postKey: string; commentKey: string }[];
      };
    });
    expect(stored.removals).toHaveLength(5);
    expect(new Set(stored.removals.map((r) => r.postKey))).toEqual(
      new Set(['https://x.com/i/status/1861000000000000001']),
    );

    if (!(await x.evaluate(() => 'axe' in window))) await x.addScriptTag({ content: axeSource });
    const violations = await x.evaluate(async () => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const r = await axe.run(
        { include: [['ma-summary']] },
        { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } },
      );
      return r.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    });
    expect(violations).toEqual([]);
  });

  it('should stay usable at 200% zoom and be reached and dismissed with the keyboard', async () => {
    // 200% zoom of a 1280×800 window: the same layout as a 640×400 viewport.
    await x.setViewportSize({ width: 640, height: 400 });
    const box = await x.locator('ma-summary .box').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(640);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(400);

    // A page read as it should offers no page diagnostics (nor a stop for them in the Tab order).
    await expect
      .poll(() =>
        x.locator('ma-summary').getByRole('button', { name: 'Copy page diagnostics' }).count(),
      )
      .toBe(0);
    // Tab from the site's off switch reaches the link, then the e-mail link, then Dismiss.
    await x.locator('ma-summary').getByRole('button', { name: 'Turn off on X' }).focus();
    const focused = async () =>
      x.evaluate(() => {
        const host = document.activeElement;
        const inner = host?.shadowRoot?.activeElement;
        return (inner?.textContent ?? '').trim();
      });
    await x.keyboard.press('Tab');
    expect(await focused()).toBe('Social media guidelines (opens in a new tab)');
    await x.keyboard.press('Tab');
    expect(await focused()).toContain('@');
    await x.keyboard.press('Tab');
    expect(await focused()).toBe('Dismiss reminder for this post');
    const dismiss = x
      .locator('ma-summary')
      .getByRole('button', { name: 'Dismiss reminder for this post' });
    const dismissBox = await dismiss.boundingBox();
    expect(dismissBox!.y + dismissBox!.height).toBeLessThanOrEqual(400);
    await x.keyboard.press('Enter');
    await expect.poll(() => reminder(x).isVisible()).toBe(false);
    expect(await focused()).toBe('Moderator Assist');

    // Dismissed for this post: a reload does not bring it back.
    await x.setViewportSize({ width: 1280, height: 800 });
    await x.reload();
    await x.locator('[data-ma-scanned]').first().waitFor();
    await x.waitForTimeout(1000);
    expect(await x.locator('ma-summary').count()).toBe(1);
    expect(await reminder(x).isVisible()).toBe(false);
  });
});

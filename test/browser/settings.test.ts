import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMENTS } from '../../scripts/demo/comments.mjs';
import { DEMO_ROUTES } from '../../scripts/lib/serve.mjs';
import { CRITERION_IDS, type CriterionId } from '../../lib/policy/schema';
import { allComments, openDemo, startHarness, tagComments, type Harness } from './helpers';

const comments = allComments(COMMENTS);

let harness: Harness;
let page: Page;
let extensionPage: Page;

beforeAll(async () => {
  harness = await startHarness();
  page = await openDemo(harness.context, DEMO_ROUTES.x, comments.length);
  await tagComments(page, comments);
  // Settings are written the way the options page writes them: through extension storage, from
  // an extension page (key "settings" in storage.local is WXT's "local:settings").
  extensionPage = await harness.context.newPage();
  await extensionPage.goto(`chrome-extension://${harness.extensionId}/popup.html`);
});
afterAll(async () => {
  await harness?.close();
});

interface ExtensionStorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Merge `patch` into the stored settings from the extension page, as the options page would. */
async function updateSettings(patch: Record<string, unknown>): Promise<void> {
  await extensionPage.evaluate(async (changes) => {
    const area = (globalThis as unknown as { chrome: { storage: { local: ExtensionStorageArea } } })
      .chrome.storage.local;
    const { settings } = (await area.get('settings')) as { settings?: Record<string, unknown> };
    await area.set({ settings: { ...(settings ?? {}), ...changes } });
  }, patch);
}

const setEnabledCriteria = (enabled: readonly CriterionId[]) =>
  updateSettings({ enabledCriteria: [...enabled] });

/** Highlighted text inside one tagged comment, per highlight name. */
function highlightsIn(id: string) {
  return page.evaluate((commentId) => {
    const el = document.querySelector(`[data-test-comment="${commentId}"]`);
    const out: Record<string, string[]> = {};
    for (const name of ['ma-remove', 'ma-crime']) {
      const hl = CSS.highlights.get(name);
      out[name] = [];
      if (!hl || !el) continue;
      for (const range of hl) {
        if (range instanceof Range && el.contains(range.startContainer))
          out[name]!.push(range.toString());
      }
    }
    return out;
  }, id);
}

const flagsOf = (id: string) =>
  page.locator(`[data-test-comment="${id}"]`).first().getAttribute('data-ma-flagged');

describe('settings changes', () => {
  it('should highlight the matched words before anything is switched off', async () => {
    await expect
      .poll(async () => (await highlightsIn('swear'))['ma-remove']!.join(' '))
      .toMatch(/fucking/i);
    expect(await flagsOf('swear')).toContain('offensive-language');
  });

  it('should drop a switched-off criterion’s flags, badges and highlights without a reload', async () => {
    await page.evaluate(() => ((window as { __notReloaded?: boolean }).__notReloaded = true));
    const before = await page.locator('[data-ma-flagged~="offensive-language"]').count();
    expect(before).toBeGreaterThan(0);

    await setEnabledCriteria(CRITERION_IDS.filter((id) => id !== 'offensive-language'));

    await expect
      .poll(() => page.locator('[data-ma-flagged~="offensive-language"]').count(), {
        timeout: 5000,
      })
      .toBe(0);
    await expect
      .poll(() => page.locator('ma-badge[data-ma-criteria~="offensive-language"]').count())
      .toBe(0);
    await expect.poll(async () => (await highlightsIn('swear'))['ma-remove']).toEqual([]);
    // Comments flagged only for swearing are no longer flagged at all.
    expect(await flagsOf('swear')).toBeNull();
    expect(await page.locator('[data-test-comment="swear"] ma-badge').count()).toBe(0);
    // Other criteria are untouched.
    expect(await flagsOf('threat')).toContain('crime-credible-threat');
    // Words are registered for highlighting when their comment is near the viewport, which a
    // page in a background tab does not work out until it is shown again (as when the moderator
    // goes back to it from the options page).
    await page.bringToFront();
    await page.locator('[data-test-comment="threat"]').first().scrollIntoViewIfNeeded();
    await expect
      .poll(async () => (await highlightsIn('threat'))['ma-crime']!.length)
      .toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as { __notReloaded?: boolean }).__notReloaded)).toBe(
      true,
    );
  });

  it('should bring them back when the criterion is switched on again', async () => {
    await setEnabledCriteria(CRITERION_IDS);
    await expect.poll(() => flagsOf('swear'), { timeout: 5000 }).toContain('offensive-language');
    await page.bringToFront();
    await page.locator('[data-test-comment="swear"]').first().scrollIntoViewIfNeeded();
    await expect
      .poll(async () => (await highlightsIn('swear'))['ma-remove']!.join(' '))
      .toMatch(/fucking/i);
    expect(await page.locator('[data-test-comment="swear"] ma-badge').count()).toBe(1);
  });
});

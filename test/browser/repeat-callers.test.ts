import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

// The repeat-caller journey in the built extension: five contacts recorded from the X demo page's
// panel put Leics Crime Watch on the list (seen in the page and in the popup), advice is recorded
// in the popup, one more contact makes a block recommended.

const comments = allComments(COMMENTS);
const REPEATER = 'LeicsCrimeWatch';
const FIRST_FIVE = ['repeat-1', 'repeat-3', 'repeat-4', 'repeat-5', 'repeat-6'];
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

let harness: Harness;
let x: Page;
let popup: Page;

beforeAll(async () => {
  harness = await startHarness();
  popup = await harness.context.newPage();
  await popup.goto(`chrome-extension://${harness.extensionId}/popup.html`);
  await popup.getByRole('heading', { name: 'Who is moderating?' }).waitFor();
  await popup.getByLabel(/^Name/).fill('Sam Moderator');
  await popup.getByLabel(/Staff number/).fill('9876');
  await popup.getByRole('button', { name: 'Save my details' }).click();
  await popup.getByRole('tablist').waitFor();
  x = await openDemo(harness.context, DEMO_ROUTES.x, comments.length);
  await tagComments(x, comments);
});
afterAll(async () => {
  await harness?.close();
});

/** The repeat-caller chips' texts on the repeater's comments (one per comment). */
function chips(page: Page, id: string): Promise<string | null> {
  return page.evaluate((commentId) => {
    const el = document.querySelector(`[data-test-comment="${commentId}"]`);
    const chip = Array.from(el?.querySelectorAll('ma-repeat') ?? []).find(
      (c) => c.parentElement?.closest('[data-test-comment]') === el,
    );
    return chip?.shadowRoot?.textContent?.trim() ?? null;
  }, id);
}

async function recordFromPanel(page: Page, id: string): Promise<string> {
  await badgeButton(page, id).click();
  const panel = page.locator('ma-panel').first();
  await panel.getByRole('button', { name: 'Record contact' }).click();
  const status = panel.getByRole('status');
  await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/Recorded\./);
  const text = (await status.textContent()) ?? '';
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('ma-panel').count()).toBe(0);
  return text;
}

async function lookUp(handle: string) {
  await popup.getByRole('tab', { name: 'Repeat callers' }).click();
  const box = popup.getByLabel('Look up a handle or profile URL');
  await box.fill('');
  await box.fill(`@${handle}`);
  return popup.getByRole('article');
}

describe('repeat callers in the real browser', () => {
  it('should show the count and window on the page as contacts are recorded, then "repeat caller"', async () => {
    // Nothing recorded yet: no chips at all.
    expect(await x.locator('ma-repeat').count()).toBe(0);
    const replies: string[] = [];
    for (const id of FIRST_FIVE) replies.push(await recordFromPanel(x, id));
    expect(replies[0]).toContain('1 in 30 days');
    expect(replies[4]).toContain('5 in 30 days: repeat caller');
    // The page updates without a reload, on flagged and unflagged views of the same author alike.
    await expect
      .poll(() => chips(x, 'repeat-3'), { timeout: 10_000 })
      .toBe('Recorded contacts: 5 in 30 days · repeat caller');
    expect(await chips(x, 'repeat-2')).toBe('Recorded contacts: 5 in 30 days · repeat caller');
    // Only the repeater's comments carry a chip.
    const repeaterComments = comments.filter((c) => c.handle === REPEATER).length;
    expect(await x.locator('ma-repeat').count()).toBe(repeaterComments);
    // The panel says where they stand and what to do on this account.
    await badgeButton(x, 'repeat-2').click();
    const panelText = await x.locator('ma-panel [role="dialog"]').textContent();
    expect(panelText).toContain('Repeat callers');
    expect(panelText).toContain('5 in 30 days · repeat caller');
    expect(panelText).toContain('is in the repeat-caller scheme');
    if (!(await x.evaluate(() => 'axe' in window))) await x.addScriptTag({ content: axeSource });
    const violations = await x.evaluate(async () => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const r = await axe.run(
        { include: [['ma-repeat'], ['ma-panel']] },
        { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } },
      );
      return r.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    });
    expect(violations).toEqual([]);
    await x.keyboard.press('Escape');
  });

  it('should list them in the popup and take advice there, which the page then shows', async () => {
    await popup.bringToFront();
    const card = await lookUp(REPEATER);
    await expect.poll(() => card.textContent()).toContain('5 in 30 days');
    expect(await card.textContent()).toContain('repeat caller');
    expect(
      await popup.getByRole('list', { name: /On the repeat-caller list/ }).textContent(),
    ).toContain('x:leicscrimewatch');
    await card
      .getByRole('textbox', { name: 'Advice given' })
      .fill('Please use 101 for updates; repeated abuse will lead to a block.');
    await card.getByRole('button', { name: 'Record advice' }).click();
    await popup.getByText(/Advice recorded/).waitFor();
    await expect.poll(() => card.textContent()).toContain('advised');
    await expect
      .poll(() => chips(x, 'repeat-1'), { timeout: 10_000 })
      .toMatch(/^Recorded contacts: 5 in 30 days · advised \d{1,2} [A-Z][a-z]{2}$/);
  });

  it('should recommend a block after one more contact', async () => {
    // A new contact after the advice: the page is loaded again, as a moderator would see it later.
    await x.bringToFront();
    await x.reload();
    await tagComments(x, comments);
    await expect.poll(() => chips(x, 'repeat-2'), { timeout: 10_000 }).toContain('advised');
    const reply = await recordFromPanel(x, 'repeat-2');
    expect(reply).toContain('6 in 30 days: block recommended');
    await expect
      .poll(() => chips(x, 'repeat-4'), { timeout: 10_000 })
      .toBe('Recorded contacts: 6 in 30 days · block recommended');

    await popup.bringToFront();
    const card = await lookUp(REPEATER);
    await expect.poll(() => card.textContent(), { timeout: 10_000 }).toContain('block recommended');
    expect(await card.textContent()).toContain('blocking is recommended');
    await card.getByRole('button', { name: 'Start block workflow' }).click();
    await popup.getByRole('heading', { name: /Step 1 of 5/ }).waitFor();
    expect(await popup.getByLabel(/User’s handle/).inputValue()).toBe(REPEATER);
  });
});

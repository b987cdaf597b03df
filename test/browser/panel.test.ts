import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMENTS } from '../../scripts/demo/comments.mjs';
import { DEMO_ROUTES } from '../../scripts/lib/serve.mjs';
import { POLICY, criterion } from '../../lib/policy';
import {
  allComments,
  badgeButton,
  openDemo,
  startHarness,
  tagComments,
  type Harness,
} from './helpers';

const comments = allComments(COMMENTS);
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

let harness: Harness;
let x: Page;
let facebook: Page;

beforeAll(async () => {
  harness = await startHarness();
  x = await openDemo(harness.context, DEMO_ROUTES.x, comments.length);
  await tagComments(x, comments);
  facebook = await openDemo(harness.context, DEMO_ROUTES.facebook, comments.length);
  await tagComments(facebook, comments);
});
afterAll(async () => {
  await harness?.close();
});

/** The open panel's dialog text, or null when no panel is showing. */
async function panelText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const hosts = document.querySelectorAll('ma-panel');
    if (hosts.length === 0) return null;
    const dialog = hosts[0]!.shadowRoot?.querySelector('[role="dialog"]') as HTMLElement | null;
    if (!dialog || dialog.hidden || getComputedStyle(dialog).display === 'none') return null;
    return (dialog.textContent ?? '').replace(/\s+/g, ' ');
  });
}

async function closePanel(page: Page): Promise<void> {
  if ((await panelText(page)) !== null) {
    await page.locator('ma-panel [role="dialog"]').first().focus();
    await page.keyboard.press('Escape');
  }
  await expect.poll(() => panelText(page)).toBeNull();
}

const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('the finding panel', () => {
  it('should open from the badge on X with the clause, the X actions and crime reporting', async () => {
    await badgeButton(x, 'threat').click();
    await expect.poll(() => panelText(x)).not.toBeNull();
    const text = (await panelText(x))!;
    const threat = criterion('crime-credible-threat');
    expect(text).toContain(threat.label);
    expect(text).toContain(squash(threat.clause));
    expect(text).toContain('What you can do on X');
    for (const line of [...POLICY.platforms.x.canDo, ...POLICY.platforms.x.cannotDo]) {
      expect(text).toContain(squash(line));
    }
    // X cannot delete replies: the panel must not offer Facebook's delete action.
    expect(text).not.toContain(POLICY.platforms.facebook.canDo[1]!);
    for (const line of POLICY.always) expect(text).toContain(squash(line));
    expect(text).toContain('Report as a crime');
    for (const line of POLICY.crimeReporting) expect(text).toContain(squash(line));
    for (const label of ['Record contact', 'Start block workflow', 'Copy evidence summary']) {
      await expect(
        x.locator('ma-panel').first().getByRole('button', { name: label }).count(),
      ).resolves.toBe(1);
    }
    await closePanel(x);
  });

  it('should be a labelled, non-modal dialog', async () => {
    await badgeButton(x, 'swear').click();
    await expect.poll(() => panelText(x)).not.toBeNull();
    const dialog = await x.evaluate(() => {
      const root = document.querySelector('ma-panel')!.shadowRoot!;
      const d = root.querySelector('[role="dialog"]')!;
      const labelId = d.getAttribute('aria-labelledby') ?? '';
      return {
        modal: d.getAttribute('aria-modal'),
        label: root.getElementById(labelId)?.textContent?.trim() ?? '',
        onBody: document.querySelector('ma-panel')!.parentElement === document.body,
      };
    });
    expect(dialog.modal).toBe('false');
    expect(dialog.label.length).toBeGreaterThan(0);
    expect(dialog.onBody).toBe(true);
    await closePanel(x);
  });

  it('should show Facebook’s hide and delete actions, and no crime section for a removal', async () => {
    await badgeButton(facebook, 'swear').click();
    await expect.poll(() => panelText(facebook)).not.toBeNull();
    const text = (await panelText(facebook))!;
    const offensive = criterion('offensive-language');
    expect(text).toContain(offensive.label);
    expect(text).toContain(squash(offensive.clause));
    expect(text).toContain('What you can do on Facebook');
    for (const line of POLICY.platforms.facebook.canDo) expect(text).toContain(squash(line));
    expect(text).toContain('Hide the comment');
    expect(text).toContain('Delete the comment');
    expect(text).not.toContain(POLICY.crimeReporting[0]!);
    await closePanel(facebook);
  });

  it('should keep only one panel open at a time', async () => {
    await badgeButton(facebook, 'swear').click();
    await badgeButton(facebook, 'threat').click();
    await expect
      .poll(() => panelText(facebook))
      .toContain(criterion('crime-credible-threat').label);
    expect(await facebook.locator('ma-panel').count()).toBe(1);
    await closePanel(facebook);
  });

  it('should open with Enter and close with Escape, returning focus to the badge', async () => {
    const badge = badgeButton(x, 'previous');
    await badge.focus();
    await x.keyboard.press('Enter');
    await expect.poll(() => panelText(x)).toContain(criterion('contempt-of-court').label);
    // Escape from wherever focus went when the panel opened.
    await x.keyboard.press('Escape');
    await expect.poll(() => panelText(x)).toBeNull();
    const focused = await x.evaluate(() => {
      const active = document.activeElement;
      return {
        host: active?.tagName.toLowerCase(),
        inner: active?.shadowRoot?.activeElement?.tagName.toLowerCase(),
        comment: active?.closest('[data-test-comment]')?.getAttribute('data-test-comment'),
      };
    });
    expect(focused).toEqual({ host: 'ma-badge', inner: 'button', comment: 'previous' });
  });

  it('should open with Space as well', async () => {
    await badgeButton(x, 'spam-link').focus();
    await x.keyboard.press('Space');
    await expect.poll(() => panelText(x)).toContain(criterion('spam').label);
    await x.keyboard.press('Escape');
    await expect.poll(() => panelText(x)).toBeNull();
  });

  it('should show matched words and the comment text as text, never as markup', async () => {
    await badgeButton(x, 'swear').click();
    await expect.poll(() => panelText(x)).not.toBeNull();
    expect(await panelText(x)).toMatch(/fucking/i);
    expect(await x.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await closePanel(x);
  });
});

describe('accessibility (axe-core)', () => {
  it.each([
    ['X', () => x],
    ['Facebook', () => facebook],
  ] as const)('should report no WCAG A/AA violations in the overlay on %s', async (_site, get) => {
    const page = get();
    await badgeButton(page, 'threat').click();
    await expect.poll(() => panelText(page)).not.toBeNull();
    if (!(await page.evaluate(() => 'axe' in window)))
      await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const result = await axe.run(
        { include: [['ma-badge'], ['ma-panel'], ['ma-summary']] },
        {
          runOnly: {
            type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'],
          },
          resultTypes: ['violations'],
        },
      );
      return result.violations.map((v) => ({
        id: v.id,
        help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      }));
    });
    expect(violations).toEqual([]);
    await closePanel(page);
  });
});

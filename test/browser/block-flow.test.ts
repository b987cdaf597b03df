import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMENTS } from '../../scripts/demo/comments.mjs';
import { DEMO_ROUTES } from '../../scripts/lib/serve.mjs';
import { criterion } from '../../lib/policy';
import { BOM, parseExport, verifyChain, verifyExport } from '../../lib/records';
import {
  allComments,
  badgeButton,
  openDemo,
  startHarness,
  tagComments,
  type Harness,
} from './helpers';

// The whole block workflow in the built extension: from a flagged comment's panel on the X demo
// page, through every step of the popup (opened as chrome-extension://ID/popup.html in a tab), to
// the three exports.
//
// How the exports are captured: the popup saves CSV and JSON through `browser.downloads.download`
// with a Blob URL and `saveAs: true`. Playwright's `download` event is for downloads a page starts
// itself, so it is not what the downloads API fires. Two checks instead, both reliable headless:
// an init script in the popup page keeps every Blob handed to `URL.createObjectURL` (the page
// still makes the URL and calls the downloads API exactly as usual) and the test reads its bytes;
// then `chrome.downloads.search` from the popup lists the completed downloads (Playwright's
// download handling saves them, without a dialog, under a generated name in its artifacts folder)
// and the files on disk must equal those bytes. The suggested file names are checked in the
// popup's unit tests. The printable report is its own page (report.html), which the popup opens
// in a tab; the test reads its text and prints it to PDF with `page.pdf()`.

const comments = allComments(COMMENTS);
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const swear = comments.find((c) => c.id === 'swear')!;

let harness: Harness;
let x: Page;
let popup: Page;
let outDir: string;

beforeAll(async () => {
  harness = await startHarness();
  x = await openDemo(harness.context, DEMO_ROUTES.x, comments.length);
  await tagComments(x, comments);
  outDir = mkdtempSync(join(tmpdir(), 'ma-block-flow-'));
});
afterAll(async () => {
  await harness?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** The bytes of the n-th Blob the popup handed to URL.createObjectURL, as text (BOM kept). */
async function blobText(page: Page, n: number): Promise<{ text: string; type: string }> {
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __maBlobs: Blob[] }).__maBlobs.length))
    .toBeGreaterThan(n);
  return page.evaluate(async (i) => {
    const blob = (window as unknown as { __maBlobs: Blob[] }).__maBlobs[i]!;
    const bytes = new Uint8Array(await blob.arrayBuffer());
    // Decode without stripping the BOM, so the test sees exactly what the file starts with.
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), type: blob.type };
  }, n);
}

describe('block workflow end to end', () => {
  it('should go from the panel through every step to verified CSV, JSON and report exports', async () => {
    // 1. The panel of a flagged comment on X: start the block workflow.
    await badgeButton(x, 'swear').click();
    const panel = x.locator('ma-panel').first();
    await panel.getByRole('button', { name: 'Start block workflow' }).click();
    await expect
      .poll(() =>
        x.evaluate(() => document.querySelector('ma-panel')?.shadowRoot?.textContent ?? ''),
      )
      .toMatch(/Block workflow started/);

    // 2. The popup in a tab, with Blob capture for the exports.
    popup = await harness.context.newPage();
    await popup.addInitScript(() => {
      const w = window as unknown as { __maBlobs: Blob[] };
      w.__maBlobs = [];
      const make = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (obj: Blob | MediaSource) => {
        if (obj instanceof Blob) w.__maBlobs.push(obj);
        return make(obj);
      };
    });
    await popup.goto(`chrome-extension://${harness.extensionId}/popup.html`);

    // First use: who is moderating.
    await popup.getByRole('heading', { name: 'Who is moderating?' }).waitFor();
    await popup.getByLabel(/^Name/).fill('Sam Moderator');
    await popup.getByLabel(/Staff number/).fill('9876');
    await popup.getByRole('button', { name: 'Save my details' }).click();
    await popup.getByRole('tablist').waitFor();

    // Step 1, who: filled in from the comment.
    await popup.getByRole('heading', { name: /Step 1 of 5: Who/ }).waitFor();
    expect(await popup.getByLabel(/User’s handle/).inputValue()).toBe(swear.handle);
    await popup.getByRole('button', { name: 'Continue' }).click();

    // Step 2, engage first.
    await popup.getByRole('heading', { name: /Step 2 of 5: Engage first/ }).waitFor();
    await popup.getByRole('button', { name: 'Add an engagement attempt' }).click();
    await popup.getByLabel('What was said').fill('Please keep it civil or we will block you.');
    await popup.getByRole('button', { name: 'Continue' }).click();

    // Step 3, Digital Media Team advice.
    await popup.getByRole('heading', { name: /Step 3 of 5: Advice/ }).waitFor();
    await popup.getByLabel(/Who advised/).fill('DMT duty officer');
    await popup.getByLabel(/^When/).fill('2026-11-19T10:00');
    await popup.getByLabel(/Advice given/).fill('Block and log it.');
    await popup.getByRole('button', { name: 'Continue' }).click();

    // Step 4, reason: the page's finding and the comment's snapshot are already there.
    await popup.getByRole('heading', { name: /Step 4 of 5: Reason/ }).waitFor();
    expect(await popup.getByLabel('Offensive language').isChecked()).toBe(true);
    await expect.poll(() => popup.getByText(/^[0-9a-f]{64}$/).count()).toBeGreaterThan(0);
    await popup.getByLabel(/Why blocking is justified/).fill('Abuse continued after engagement.');
    await popup.getByRole('button', { name: 'Continue' }).click();

    // Step 5, review and confirm.
    await popup.getByRole('heading', { name: /Step 5 of 5: Review/ }).waitFor();
    expect(
      await popup.getByText('Sam Moderator (staff number 9876)', { exact: true }).count(),
    ).toBe(1);
    await popup.getByRole('button', { name: 'Confirm and log' }).click();

    // The outcome: blocked on the platform.
    await popup.getByText(/never blocks anyone by itself/).waitFor();
    await popup.getByLabel('Blocked on the platform').check();
    await popup.getByRole('button', { name: 'Record the outcome' }).click();
    await popup.getByText('Outcome recorded in the block log.').waitFor();

    // The block log, filtered to this user.
    await popup.getByRole('tab', { name: 'Block log' }).click();
    // A handle names a user only on one platform, so the exports' user filter needs both.
    await popup.getByLabel('Search by handle or name').fill(`@${swear.handle}`);
    await popup.getByLabel('Platform').selectOption('x');
    await popup.getByText(/exports use the user and date filters/).waitFor();
    await popup.getByText(/^1 of 1 entries shown/).waitFor();
    await popup.getByRole('button', { name: 'Verify chain' }).click();
    await popup
      .getByText(
        /Chain verified: all 2 records are intact\. The chain ends at record 1, head hash [0-9a-f]{64}\./,
      )
      .waitFor();

    // CSV.
    await popup.getByRole('button', { name: 'Export CSV' }).click();
    const csv = await blobText(popup, 0);
    expect(csv.type).toMatch(/^text\/csv/);
    expect(csv.text.startsWith(BOM)).toBe(true);
    expect(csv.text).toContain(swear.handle);
    expect(csv.text).toContain('Abuse continued after engagement.');
    expect(csv.text).toContain('blocked');
    expect(csv.text.split('\r\n')).toHaveLength(2);

    // JSON: parses and verifies as `npm run verify-export` would.
    await popup.getByRole('button', { name: 'Export JSON' }).click();
    const json = await blobText(popup, 1);
    const parsed = parseExport(json.text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok || parsed.file.kind !== 'block-log') throw new Error('not a block-log export');
    expect(await verifyExport(parsed.file)).toMatchObject({
      ok: true,
      count: 2,
      complete: true,
      warnings: [],
      head: { lastSeq: 1, count: 2 },
    });
    expect(await verifyChain({ records: parsed.file.chain })).toEqual({ ok: true, count: 2 });
    expect(parsed.file.filter.user).toBe(`x:${swear.handle.toLowerCase()}`);
    expect(parsed.file.exportedBy).toEqual({ name: 'Sam Moderator', staffNumber: '9876' });
    writeFileSync(join(outDir, 'export.json'), json.text);

    // The popup said the downloads started (the downloads API accepted both).
    await popup.getByText('Export started: see your downloads.').waitFor();
    // And both really downloaded: the files on disk are byte for byte the Blobs checked above.
    interface Item {
      mime: string;
      state: string;
      filename: string;
    }
    const done = async () =>
      (
        (await popup.evaluate(() =>
          (
            globalThis as unknown as {
              chrome: { downloads: { search(q: object): Promise<Item[]> } };
            }
          ).chrome.downloads.search({ state: 'complete' }),
        )) as Item[]
      ).map((d) => ({ mime: d.mime, filename: d.filename }));
    await expect.poll(async () => (await done()).length).toBe(2);
    const onDisk = await done();
    const csvFile = readFileSync(onDisk.find((d) => d.mime === 'text/csv')!.filename, 'utf8');
    const jsonFile = readFileSync(
      onDisk.find((d) => d.mime === 'application/json')!.filename,
      'utf8',
    );
    expect(csvFile).toBe(csv.text);
    expect(csvFile.charCodeAt(0)).toBe(0xfeff);
    expect(jsonFile).toBe(json.text);

    // The printable report opens in its own tab with the same filter.
    const [report] = await Promise.all([
      harness.context.waitForEvent('page'),
      popup.getByRole('button', { name: 'Printable report' }).click(),
    ]);
    await report.waitForLoadState();
    expect(new URL(report.url()).pathname).toBe('/report.html');
    expect(new URL(report.url()).searchParams.get('user')).toBe(`x:${swear.handle.toLowerCase()}`);
    await report.getByText(/Chain verified: all 2 records are intact\./).waitFor();
    const text = (await report.locator('main').innerText()).replace(/\s+/g, ' ');
    expect(text).toContain(`@${swear.handle}`);
    expect(text).toContain(criterion('offensive-language').clause.replace(/\s+/g, ' '));
    expect(text).toContain('Please keep it civil or we will block you.');
    expect(text).toContain('DMT duty officer');
    expect(text).toContain(swear.text.replace(/\s+/g, ' '));
    expect(text).toContain('outcome: blocked');
    for (const link of parsed.file.chain) expect(text).toContain(link.hash);
    // The title is the Save as PDF file name: what it holds and when (the handle slugged).
    expect(await report.title()).toMatch(
      /^block-log-report_x-leemarchant_start_to_\d{4}-\d{2}-\d{2}_exported-\d{4}-\d{2}-\d{2}T\d{4}Z$/,
    );

    // Accessible in the real browser (WCAG A/AA, colour contrast included) and readable at 200 %
    // zoom: at half the width nothing scrolls sideways.
    await report.evaluate(axeSource);
    const violations = await report.evaluate(async () => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
        resultTypes: ['violations'],
      });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
    });
    expect(violations).toEqual([]);
    await report.setViewportSize({ width: 640, height: 450 });
    expect(
      await report.evaluate(
        () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
      ),
    ).toBe(true);

    // Printed, the Print button is gone and each user starts a page; Save as PDF works.
    await report.emulateMedia({ media: 'print' });
    expect(await report.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(
      false,
    );
    expect(
      await report
        .locator('section.user')
        .first()
        .evaluate((el) => getComputedStyle(el).breakBefore),
    ).toBe('page');
    const pdf = await report.pdf({ format: 'A4' });
    writeFileSync(join(outDir, 'report.pdf'), new Uint8Array(pdf));
    expect(readFileSync(join(outDir, 'report.pdf')).subarray(0, 5).toString('latin1')).toBe(
      '%PDF-',
    );
    expect(pdf.length).toBeGreaterThan(10_000);
  });
});

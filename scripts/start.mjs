// `npm start`: build the extension, serve the demo threads under their real host names and open
// them in Chromium with the extension loaded.
//   npm start                 a window you can use (when there is a display)
//   npm start -- --headless   no window: print what was flagged, save screenshots to demo-output/
//   npm start -- --no-build   reuse .output/chrome-mv3
//   npm start -- --setup-only install what is missing (dependencies, Chromium), then stop
// Only Node's own modules are imported statically: on a fresh clone nothing else is installed yet.
/* global window, document -- used only in functions that run in the page (page.evaluate). */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDependencies } from './lib/setup.mjs';

ensureDependencies();
const { EXTENSION_DIR, ROOT, findChromium, launchWithExtension } =
  await import('./lib/browser.mjs');
const { DEMO_ROUTES, demoUrl, startServer } = await import('./lib/serve.mjs');

const args = new Set(process.argv.slice(2));
if (args.has('--setup-only')) {
  console.log(`Set up: dependencies installed, Chromium at ${findChromium()}.`);
  process.exit(0);
}
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = args.has('--headless') || !hasDisplay;
const OUT_DIR = join(ROOT, 'demo-output');

if (!args.has('--no-build')) {
  console.log('Building the extension (npx wxt build)…');
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The build failed; see the output above.');
    process.exit(build.status ?? 1);
  }
}

const executablePath = findChromium();
const server = await startServer();
const browser = await launchWithExtension({
  extPath: EXTENSION_DIR,
  httpPort: server.httpPort,
  httpsPort: server.httpsPort,
  headless,
  executablePath,
});

const shutdown = async (code) => {
  await browser.close();
  await server.close();
  process.exit(code);
};
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

const pages = [
  { name: 'X thread', slug: 'x-thread', url: demoUrl(DEMO_ROUTES.x) },
  { name: 'Facebook post', slug: 'facebook-post', url: demoUrl(DEMO_ROUTES.facebook) },
];
if (headless) {
  pages.push({
    name: 'X thread, hostile page CSS',
    slug: 'x-thread-hostile-css',
    url: demoUrl(DEMO_ROUTES.xHostileCss),
  });
}

console.log(`Extension ${browser.extensionId} loaded from ${EXTENSION_DIR}`);
const opened = [];
for (const p of pages) {
  const page = await browser.context.newPage();
  await page.goto(p.url);
  opened.push({ ...p, page });
  console.log(`Opened ${p.name}: ${p.url}`);
}

if (!headless) {
  // The first tab Chromium opens with a persistent profile is blank; close it so the demo
  // threads are what the moderator sees.
  for (const page of browser.context.pages()) {
    if (page.url() === 'about:blank') await page.close();
  }
  await opened[0].page.bringToFront();
  console.log('Chromium is open with the demo threads. Close the window or press Ctrl-C to stop.');
  browser.context.on('close', () => void shutdown(0));
} else {
  mkdirSync(OUT_DIR, { recursive: true });
  let anyScanned = false;
  for (const p of opened) {
    const { page } = p;
    await page.bringToFront();
    const scanned = await waitForScan(page);
    anyScanned ||= scanned > 0;
    // Reach the bottom so the page loads its later comments, which must be scanned too.
    for (let i = 0; i < 3; i += 1) {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForTimeout(500);
    }
    if (scanned > 0) await waitForScan(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    const rows = await readFlags(page);
    const summary = await page
      .locator('ma-summary')
      .first()
      .evaluate((el) => ({
        flagged: el.getAttribute('data-ma-flagged-count'),
        total: el.getAttribute('data-ma-total-count'),
      }))
      .catch(() => null);
    console.log(
      `\n${p.name} — ${rows.length} flagged of ${await page.locator('[data-ma-scanned]').count()} scanned` +
        (summary ? ` (summary says ${summary.flagged} of ${summary.total})` : ''),
    );
    if (rows.length > 0) console.table(rows);

    // The overlay draws flagged comments and marks their words only near the viewport (it keeps the
    // page fast), so the whole-page picture is taken with a viewport as tall as the page.
    const viewport = page.viewportSize();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    if (viewport) {
      await page.setViewportSize({ width: viewport.width, height: Math.min(height, 16_000) });
      await page.evaluate(
        () =>
          new Promise((r) =>
            globalThis.requestAnimationFrame(() => globalThis.requestAnimationFrame(r)),
          ),
      );
      await page.waitForTimeout(300);
    }
    await page.screenshot({ path: join(OUT_DIR, `${p.slug}.png`), fullPage: true });
    if (viewport) await page.setViewportSize(viewport);
    // Prefer a report-as-crime finding: its panel shows the most guidance.
    const crime = page.locator('[data-ma-severity="crime"] ma-badge');
    const badge = ((await crime.count()) > 0 ? crime : page.locator('ma-badge')).first();
    if ((await badge.count()) > 0) {
      try {
        await badge.scrollIntoViewIfNeeded({ timeout: 5000 });
        await badge.locator('button').first().click({ timeout: 5000 });
        await page
          .locator('ma-panel [role="dialog"]')
          .first()
          .waitFor({ state: 'visible', timeout: 5000 });
        await page.screenshot({ path: join(OUT_DIR, `${p.slug}-panel.png`) });
        await page.keyboard.press('Escape');
      } catch (err) {
        console.warn(`Could not open a panel on ${p.name}: ${err.message.split('\n')[0]}`);
      }
    }
  }
  console.log(`\nScreenshots saved in ${OUT_DIR}`);
  if (!anyScanned) {
    console.error(
      'No comment was marked as scanned (data-ma-scanned): the content script did not run on the demo pages.',
    );
    await shutdown(1);
  }
  await shutdown(0);
}

/** Wait until the content script has scanned the page and the count has stopped changing. */
async function waitForScan(page, timeout = 15_000) {
  const start = Date.now();
  let last = -1;
  let stableSince = Date.now();
  while (Date.now() - start < timeout) {
    const n = await page.locator('[data-ma-scanned]').count();
    if (n !== last) {
      last = n;
      stableSince = Date.now();
    } else if (n > 0 && Date.now() - stableSince > 750) {
      return n;
    }
    await page.waitForTimeout(150);
  }
  return Math.max(last, 0);
}

/** The flagged comments as the overlay marked them (see lib/overlay/CONTRACT.md). */
function readFlags(page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-ma-flagged]')).map((el) => {
      const fbLabel = el.getAttribute('aria-label')?.match(/^(?:Comment|Reply) by (.+)$/)?.[1];
      const xName = el.querySelector('[data-testid="User-Name"] a')?.textContent?.trim();
      const text =
        el.querySelector('[data-testid="tweetText"], div[dir="auto"]')?.textContent?.trim() ?? '';
      return {
        author: fbLabel ?? xName ?? '?',
        // Only comments near the viewport are drawn (data-ma-severity); every flagged one is listed.
        severity: (el.getAttribute('data-ma-flagged') ?? '')
          .split(' ')
          .some((id) => id.startsWith('crime-'))
          ? 'crime'
          : 'remove',
        criteria: el.getAttribute('data-ma-flagged') ?? '',
        text: text.length > 60 ? `${text.slice(0, 57)}…` : text,
      };
    }),
  );
}

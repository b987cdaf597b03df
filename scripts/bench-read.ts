// `npm run bench:read`: a moderator reading a whole 2,000-comment thread, in real Chromium with the
// built extension (needs `npx wxt build` first), and the same without it.
//
// bench:page jumps to the end of the thread, so most flagged comments are never drawn there. Here
// the thread is read a screen at a time from top to bottom (0.8 of a screen every 60 ms), so every
// flagged comment is drawn on the way (lib/overlay/nearby.ts: drawn comments stay drawn), and then
// 10 batches of 50 more arrive at the end, 200 ms apart. It reports the long tasks
// (PerformanceObserver 'longtask', 50 ms or more) of each phase and how many badges were drawn.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, assertExtensionBuilt, launchForBench } from './lib/browser.mjs';
import { INITIAL, benchThread } from './lib/bench-thread';
import { startServer } from './lib/serve.mjs';

const { pages, sites: targets } = benchThread('read', (k) => {
  const prefix = k < INITIAL ? 'r' : 'm';
  return { id: `${prefix}-${k}`, name: `Person ${prefix}${k}`, handle: `person_${prefix}${k}` };
});

interface Phase {
  longTasks: number;
  longestMs: number;
}
interface Result {
  site: string;
  extension: boolean;
  screens: number;
  badges: number;
  reading: Phase;
  arriving: Phase;
}

const LONG_TASKS = `window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
}).observe({ type: 'longtask', buffered: true });`;

async function main() {
  assertExtensionBuilt();
  const server = await startServer({ pages });
  const results: Result[] = [];
  try {
    for (const extension of [false, true]) {
      const browser = await launchForBench({
        withExtension: extension,
        httpPort: server.httpPort,
        httpsPort: server.httpsPort,
      });
      try {
        await browser.context.addInitScript({ content: LONG_TASKS });
        for (const t of targets) {
          const page = await browser.context.newPage();
          await page.goto(t.url);
          // The first scan and the page's own load are bench:page's business.
          await page.waitForTimeout(3000);
          const r = await page.evaluate(async () => {
            const tasks = () => (window as unknown as { __longTasks: number[][] }).__longTasks;
            const phase = (from: number, to: number) => {
              const inside = tasks().filter(([s]) => s! >= from && s! < to);
              return {
                longTasks: inside.length,
                longestMs: Math.round(Math.max(0, ...inside.map(([, d]) => d!))),
              };
            };
            const pause = (ms: number) => new Promise((res) => setTimeout(res, ms));
            const start = performance.now();
            let screens = 0;
            while (innerHeight + scrollY < document.documentElement.scrollHeight - 400) {
              scrollBy(0, innerHeight * 0.8);
              screens += 1;
              await pause(60);
            }
            await pause(300);
            const mid = performance.now();
            const list = document.querySelector('[data-demo-list]')!;
            document.querySelector('[data-demo-loading]')?.remove();
            const batches = document.querySelectorAll<HTMLTemplateElement>(
              'template[data-more-comments]',
            );
            for (const batch of Array.from(batches)) {
              scrollTo(0, document.documentElement.scrollHeight);
              await pause(100);
              list.append(batch.content.cloneNode(true));
              await pause(100);
            }
            await pause(300);
            return {
              screens,
              badges: document.querySelectorAll('ma-badge').length,
              reading: phase(start, mid),
              arriving: phase(mid, performance.now()),
            };
          });
          results.push({ site: t.site, extension, ...r });
          await page.close();
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
  console.table(
    results.map((r) => ({
      site: r.site,
      extension: r.extension ? 'with' : 'without',
      screens: r.screens,
      badges: r.badges,
      'reading: long tasks (longest ms)': `${r.reading.longTasks} (${r.reading.longestMs})`,
      '10×50 arriving: long tasks (longest ms)': `${r.arriving.longTasks} (${r.arriving.longestMs})`,
    })),
  );
  const outDir = join(ROOT, 'bench-results');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'read.json');
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), results }, null, 2)}\n`);
  console.log(`Results written to ${file}`);
  if (results.some((r) => r.extension && (r.reading.longTasks > 0 || r.arriving.longTasks > 0)))
    process.exitCode = 1;
}

await main();

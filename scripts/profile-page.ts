// Developer tool: CPU-profiles the content script on a generated 2,000-comment page and prints
// the functions with the most self time.
// `npx tsx scripts/profile-page.ts [x|facebook] [scroll|jump] [--in-order] [--gc] [--no-ext]`.
import { assertExtensionBuilt, launchForBench } from './lib/browser.mjs';
import { benchThread } from './lib/bench-thread';
import { startServer } from './lib/serve.mjs';

const site = process.argv[2] === 'facebook' ? 'facebook' : 'x';
/** `scroll`: profile only what happens when 10 batches of 50 comments arrive after the first scan. */
const scroll = process.argv[3] === 'scroll' || process.argv[3] === 'jump';
/** `jump`: profile only the jump from the top of the scanned thread to its end (nothing arrives). */
const jump = process.argv[3] === 'jump';
/** `--in-order`: every task over 3 ms in time order (from the first), not the 12 longest. */
const inOrder = process.argv.includes('--in-order');
/** `--gc`: also trace V8's garbage collector, and show its pauses in each task. */
const withGc = process.argv.includes('--gc');
/** `--no-ext`: the same page and steps without the extension (what the page costs by itself). */
const withExtension = !process.argv.includes('--no-ext');
const { pages, sites } = benchThread('prof', (k) => ({
  id: `p-${k}`,
  name: `Person ${k}`,
  handle: `person_${k}`,
}));
const target = sites.find((t) => t.site === (site === 'x' ? 'X' : 'Facebook'))!;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

async function main() {
  assertExtensionBuilt();
  const server = await startServer({ pages });
  const browser = await launchForBench({
    withExtension,
    httpPort: server.httpPort,
    httpsPort: server.httpsPort,
  });
  try {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    const t0 = Date.now();
    if (scroll) {
      await page.goto(target.url);
      await page.waitForFunction(
        ({ s0, ext }) =>
          !ext ||
          [...document.querySelectorAll(s0)].every((a) => a.hasAttribute('data-ma-scanned')),
        { s0: target.selector, ext: withExtension },
        { timeout: 120_000, polling: 200 },
      );
      await page.waitForTimeout(1500);
    }
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const events: Array<{
      name: string;
      dur?: number;
      ph: string;
      ts?: number;
      args?: { data?: { type?: string } };
    }> = [];
    cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as typeof events)));
    const traced = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
    await cdp.send('Tracing.start', {
      categories: `devtools.timeline,blink,toplevel${withGc ? ',v8,disabled-by-default-v8.gc' : ''}`,
      transferMode: 'ReportEvents',
    });

    const sel = target.selector;
    if (jump) {
      await page.evaluate(() => {
        // As bench-page: the page's own "load more" row is taken out first.
        document.querySelector('[data-demo-loading]')?.remove();
        scrollTo(0, document.documentElement.scrollHeight);
      });
      await page.waitForTimeout(1500);
    } else if (scroll) {
      await page.evaluate(async () => {
        const list = document.querySelector('[data-demo-list]')!;
        const batches = Array.from(document.querySelectorAll('template[data-more-comments]'));
        document.querySelector('[data-demo-loading]')?.remove();
        // As bench-page: scroll to the end, then the next 50 arrive.
        for (const t of batches as HTMLTemplateElement[]) {
          scrollTo(0, document.documentElement.scrollHeight);
          await new Promise((r) => setTimeout(r, 100));
          list.append(t.content.cloneNode(true));
          await new Promise((r) => setTimeout(r, 100));
        }
      });
      await page.waitForTimeout(500);
    } else {
      await page.goto(target.url);
    }
    await page.waitForFunction(
      ({ s, ext }) => {
        const all = document.querySelectorAll(s);
        return (
          all.length > 0 &&
          (!ext ||
            [...all].every(
              (a) => a.hasAttribute('data-ma-scanned') || a.closest('[data-ma-scanned]'),
            ))
        );
      },
      { s: sel, ext: withExtension },
      { timeout: 120_000, polling: 200 },
    );
    console.log('scanned all in', Date.now() - t0, 'ms');
    await cdp.send('Tracing.end');
    await traced;
    const byName = new Map<string, [number, number]>();
    for (const e of events) {
      if (e.ph !== 'X' || !e.dur) continue;
      const v = byName.get(e.name) ?? [0, 0];
      byName.set(e.name, [v[0] + e.dur / 1000, v[1] + 1]);
    }
    for (const [k, [ms, n]] of [...byName].sort((a, b) => b[1][0] - a[1][0]).slice(0, 15))
      console.log(ms.toFixed(0).padStart(8), 'ms', String(n).padStart(6), k);
    type Ev = {
      name: string;
      dur?: number;
      ph: string;
      ts?: number;
      args?: { data?: { functionName?: string; url?: string; type?: string } };
    };
    const evs = events as Ev[];
    const names = new Map<string, number>();
    for (const e of evs) if ((e.dur ?? 0) > 30_000) names.set(e.name, (names.get(e.name) ?? 0) + 1);
    console.log('events over 30 ms by name:', [...names].slice(0, 20).join(' | '));
    const tasks = evs.filter(
      (e) =>
        e.ph === 'X' &&
        (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') &&
        (e.dur ?? 0) > (inOrder ? 3_000 : withExtension ? 30_000 : 5_000),
    );
    // The longest first, or all in time order (`--in-order`).
    const firstTs = Math.min(...tasks.map((t) => t.ts ?? 0));
    const shown = inOrder
      ? tasks.sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0))
      : tasks.sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0)).slice(0, 12);
    for (const t of shown) {
      if (inOrder) process.stdout.write(`at ${(((t.ts ?? 0) - firstTs) / 1000).toFixed(1)} ms: `);
      const inside = evs.filter(
        (e) =>
          e.ph === 'X' &&
          e !== t &&
          (e.ts ?? 0) >= (t.ts ?? 0) &&
          (e.ts ?? 0) < (t.ts ?? 0) + (t.dur ?? 0),
      );
      const parts = new Map<string, number>();
      for (const e of inside)
        if (
          [
            'FunctionCall',
            'UpdateLayoutTree',
            'Layout',
            'PrePaint',
            'Paint',
            'EventDispatch',
            'FireAnimationFrame',
            'TimerFire',
            'V8.Execute',
            'ParseHTML',
            'HitTest',
            'RunMicrotasks',
            'Blink.CompositingInputs.UpdateTime',
            'MajorGC',
            'MinorGC',
          ].includes(e.name)
        )
          parts.set(
            e.name + (e.args?.data?.type ? ':' + e.args.data.type : ''),
            (parts.get(e.name + (e.args?.data?.type ? ':' + e.args.data.type : '')) ?? 0) +
              (e.dur ?? 0) / 1000,
          );
      console.log(
        `task ${Math.round((t.dur ?? 0) / 1000)} ms:`,
        [...parts].map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', '),
      );
    }
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[] } };
    const self = new Map<string, number>();
    let total = 0;
    for (const n of profile.nodes) {
      const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-1)[0]}:${n.callFrame.lineNumber}`;
      self.set(k, (self.get(k) ?? 0) + (n.hitCount ?? 0));
      total += n.hitCount ?? 0;
    }
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
      console.log(((v / total) * 100).toFixed(1).padStart(5), '%', k);
  } finally {
    await browser.close();
    await server.close();
  }
}
void main();

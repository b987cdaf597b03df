// Launching Debian's Chromium with the built extension loaded, for the demo, the browser tests
// and the page benchmark.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/**
 * Find a Chromium to drive. Google's branded Chrome (137+) ignores --load-extension, so the
 * Debian/Ubuntu Chromium build is preferred.
 * @param {{ install?: boolean }} [options] install Chromium with apt-get when missing (root on Debian only)
 */
const APT_ENV = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };

export function findChromium({ install = true } = {}) {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    which('chromium'),
    which('chromium-browser'),
    which('google-chrome'),
  ].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const isDebian = existsSync('/etc/debian_version') && which('apt-get');
  if (install && isRoot && isDebian) {
    console.error('Chromium not found; installing it with apt-get (Debian package "chromium")…');
    try {
      execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env: APT_ENV });
    } catch {
      // A fresh machine has no package lists yet: fetch them once and try again.
      execFileSync('apt-get', ['update'], { stdio: 'inherit', env: APT_ENV });
      execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env: APT_ENV });
    }
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  console.error(
    [
      'Moderator Assist needs Chromium to run the demo and the browser tests, and none was found.',
      'Do one of these, then run the command again:',
      '  Debian/Ubuntu:  sudo apt-get install -y chromium   (Ubuntu: chromium-browser)',
      '  Fedora:         sudo dnf install -y chromium',
      '  macOS:          brew install --cask chromium',
      '  or point CHROME_PATH at a Chromium binary, e.g. CHROME_PATH=/path/to/chromium npm start',
    ].join('\n'),
  );
  process.exit(1);
}

/** Throw a helpful error when the extension has not been built. */
export function assertExtensionBuilt(extPath = EXTENSION_DIR) {
  if (!existsSync(join(extPath, 'manifest.json'))) {
    throw new Error(
      `The built extension is missing (${join(extPath, 'manifest.json')}). ` +
        'Build it first with `npx wxt build` (or run `npm test`, which builds before testing).',
    );
  }
  return JSON.parse(readFileSync(join(extPath, 'manifest.json'), 'utf8'));
}

/**
 * Start Chromium with the extension, resolving x.com/twitter.com/facebook.com to the local server.
 * `extPath: null` starts the same browser without the extension (a baseline for benchmarks).
 * @param {{ extPath?: string | null, httpPort: number, httpsPort: number, headless?: boolean, executablePath?: string }} options
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, extensionId: string, installed: (settleMs?: number, timeoutMs?: number) => Promise<void>, close: () => Promise<void> }>}
 */
export async function launchWithExtension({
  extPath = EXTENSION_DIR,
  httpPort,
  httpsPort,
  headless = true,
  executablePath = findChromium(),
}) {
  if (extPath !== null) assertExtensionBuilt(extPath);
  const userDataDir = mkdtempSync(join(tmpdir(), 'ma-profile-'));
  const rules = [
    `MAP x.com 127.0.0.1:${httpPort}`,
    `MAP twitter.com 127.0.0.1:${httpPort}`,
    `MAP www.facebook.com 127.0.0.1:${httpsPort}`,
    `MAP facebook.com 127.0.0.1:${httpsPort}`,
    // Anything else the pages might ask for must not leave the machine.
    'MAP * ~NOTFOUND',
    'EXCLUDE 127.0.0.1',
  ].join(', ');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
    args: [
      ...(extPath === null
        ? []
        : [`--disable-extensions-except=${extPath}`, `--load-extension=${extPath}`]),
      `--host-resolver-rules=${rules}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  let extensionId = '';
  /** @type {import('playwright-core').Worker | null} */
  let worker = null;
  if (extPath !== null) {
    worker = context.serviceWorkers()[0] ?? null;
    if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 20_000 });
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    extensionId,
    /**
     * Resolves once the background has finished its install work (it writes `installedAt` last),
     * plus `settleMs` for what follows it; throws after `timeoutMs`. Benchmarks wait for this: on
     * a 2-core machine the install work running beside the first page load slows the page's own
     * tasks. Tests that read what the install seeds wait for it too.
     */
    installed: async (settleMs = 500, timeoutMs = 20_000) => {
      if (!worker) return;
      const deadline = Date.now() + timeoutMs;
      while (
        !(await worker.evaluate(
          async () =>
            (await globalThis.chrome.storage.local.get('installedAt')).installedAt !== undefined,
        ))
      ) {
        if (Date.now() > deadline) throw new Error('The extension did not finish installing.');
        await new Promise((r) => setTimeout(r, 100));
      }
      await new Promise((r) => setTimeout(r, settleMs));
    },
    close: async () => {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A headless browser for the benchmarks and the profiler, with the extension or without it
 * (`withExtension`), returned once the extension has finished installing: a moderator's pages load
 * long after installation, and on a 2-core machine the install work, run beside the first page
 * load, lengthens the page's own tasks. Pages also get tsx's `__name` helper: tsx keeps function
 * names with it, and code passed to `page.evaluate` would otherwise not find it.
 * @param {{ withExtension: boolean, httpPort: number, httpsPort: number }} options
 */
export async function launchForBench({ withExtension, httpPort, httpsPort }) {
  const browser = await launchWithExtension({
    extPath: withExtension ? EXTENSION_DIR : null,
    httpPort,
    httpsPort,
    headless: true,
  });
  try {
    await browser.context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
    await browser.installed();
  } catch (err) {
    await browser.close();
    throw err;
  }
  return browser;
}

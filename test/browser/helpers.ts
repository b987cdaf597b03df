import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { allComments, type DemoComment } from '../../scripts/demo/comments.mjs';
import { launchWithExtension, type LaunchedBrowser } from '../../scripts/lib/browser.mjs';
import { demoUrl, startServer, type DemoRoute, type DemoServer } from '../../scripts/lib/serve.mjs';

export interface Harness {
  server: DemoServer;
  browser: LaunchedBrowser;
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

/** One local server and one Chromium with the built extension, for one test file. */
export async function startHarness(): Promise<Harness> {
  const server = await startServer();
  try {
    const browser = await launchWithExtension({
      httpPort: server.httpPort,
      httpsPort: server.httpsPort,
      headless: true,
    });
    return {
      server,
      browser,
      context: browser.context,
      extensionId: browser.extensionId,
      close: async () => {
        await browser.close();
        await server.close();
      },
    };
  } catch (err) {
    await server.close();
    throw err;
  }
}

/**
 * Wait until the content script has scanned at least `min` comments and the count has held still
 * for a moment, so later assertions see a settled page.
 */
export async function waitForScan(page: Page, min = 1, timeout = 20_000): Promise<number> {
  const start = Date.now();
  let last = -1;
  let stableSince = Date.now();
  while (Date.now() - start < timeout) {
    const n = await page.locator('[data-ma-scanned]').count();
    if (n !== last) {
      last = n;
      stableSince = Date.now();
    } else if (n >= min && Date.now() - stableSince > 600) {
      return n;
    }
    await page.waitForTimeout(100);
  }
  throw new Error(
    `The content script marked ${Math.max(last, 0)} comments as scanned (data-ma-scanned) on ${page.url()} ` +
      `within ${timeout} ms; expected at least ${min}.`,
  );
}

export async function openDemo(context: BrowserContext, route: DemoRoute, min = 30): Promise<Page> {
  const page = await context.newPage();
  await page.goto(demoUrl(route));
  await waitForScan(page, min);
  return page;
}

/** Scroll to the bottom until the page has appended all its later comments, then let them settle. */
export async function loadAllComments(page: Page): Promise<void> {
  for (let i = 0; i < 10; i += 1) {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForTimeout(400);
    const done = await page.evaluate(
      () => document.querySelector('[data-demo-loading]')?.textContent === 'No more comments',
    );
    if (done) break;
  }
  await waitForScan(page);
}

export interface SeenComment {
  text: string;
  scanned: boolean;
  flagged: string[];
  severity: string | null;
  /** Badges belonging to this comment (not to a reply nested inside it). */
  badges: { criteria: string[] }[];
}

/** Every comment container on the page, X or Facebook, as the overlay marked it. */
export function readComments(page: Page): Promise<SeenComment[]> {
  return page.evaluate(() => {
    const containers = Array.from(
      document.querySelectorAll<HTMLElement>(
        'article[data-testid="tweet"], [role="article"][aria-label]',
      ),
    );
    const split = (v: string | null) => (v ?? '').split(/\s+/).filter(Boolean);
    return containers.map((el) => {
      const textEl =
        el.querySelector('[data-testid="tweetText"]') ??
        Array.from(el.querySelectorAll('div[dir="auto"]')).find(
          (d) => d.closest('[role="article"]') === el,
        );
      const badges = Array.from(el.querySelectorAll('ma-badge'))
        .filter(
          (b) => b.parentElement?.closest('article[data-testid="tweet"], [role="article"]') === el,
        )
        .map((b) => ({ criteria: split(b.getAttribute('data-ma-criteria')) }));
      return {
        text: (textEl?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        scanned: el.hasAttribute('data-ma-scanned'),
        flagged: split(el.getAttribute('data-ma-flagged')),
        severity: el.getAttribute('data-ma-severity'),
        badges,
      };
    });
  });
}

const EMOJI = /\p{Extended_Pictographic}\uFE0F?/gu;

/** A demo comment's text as the DOM's textContent shows it (emoji are images, so absent). */
export function plainText(comment: DemoComment): string {
  return comment.text.replace(EMOJI, '').replace(/\s+/g, ' ').trim();
}

/** The DOM record(s) of one demo comment; repeated messages appear more than once. */
export function findSeen(seen: SeenComment[], comment: DemoComment): SeenComment[] {
  const text = plainText(comment);
  return seen.filter((s) => s.text === text);
}

export { allComments };

/**
 * Mark each demo comment's container with `data-test-comment="<id>"` (the first copy, for
 * repeated messages) so tests can address it with plain locators. Only an attribute on the
 * container: nothing the overlay reads. Then scroll through the thread (`scrollThrough`).
 */
export async function tagComments(page: Page, comments: DemoComment[]): Promise<void> {
  const wanted = comments.map((c) => ({ id: c.id, text: plainText(c) }));
  await page.evaluate((list) => {
    const containers = Array.from(
      document.querySelectorAll<HTMLElement>(
        'article[data-testid="tweet"], [role="article"][aria-label]',
      ),
    );
    const textOf = (el: HTMLElement) => {
      const textEl =
        el.querySelector('[data-testid="tweetText"]') ??
        Array.from(el.querySelectorAll('div[dir="auto"]')).find(
          (d) => d.closest('[role="article"]') === el,
        );
      return (textEl?.textContent ?? '').replace(/\s+/g, ' ').trim();
    };
    for (const { id, text } of list) {
      const el = containers.find((c) => textOf(c) === text && !c.hasAttribute('data-test-comment'));
      el?.setAttribute('data-test-comment', id);
    }
  }, wanted);
  // The tests then use the comments' badges: let every one be drawn.
  await scrollThrough(page);
}

/**
 * Scroll down the thread a screen at a time and back to the top, as a moderator reading it does,
 * so every flagged comment has come near the viewport and been drawn (the overlay draws a flagged
 * comment's outline and badge only then, lib/overlay/nearby.ts). Stops short of the demo's
 * "load more" row, so no more comments are added.
 */
export async function scrollThrough(page: Page): Promise<void> {
  const { end, step } = await page.evaluate(() => {
    const row = document.querySelector('[data-demo-loading]');
    const bottom = document.documentElement.scrollHeight;
    const rowTop = row ? row.getBoundingClientRect().top + scrollY : bottom;
    return { end: Math.max(0, rowTop - innerHeight - 20), step: Math.floor(innerHeight * 0.9) };
  });
  for (let y = 0; ; y = Math.min(end, y + step)) {
    await page.evaluate((top) => scrollTo(0, top), y);
    await page.waitForTimeout(80);
    if (y >= end) break;
  }
  await page.evaluate(() => scrollTo(0, 0));
  await page.waitForTimeout(100);
}

/** The badge button of one tagged comment (not of a reply nested inside it). */
export function badgeButton(page: Page, id: string) {
  return page.locator(`[data-test-comment="${id}"] ma-badge`).first().locator('button').first();
}

/** `chrome.runtime.sendMessage` and `chrome.storage.local.get` as an extension page sees them. */
export interface ExtensionGlobals {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    storage: { local: { get(keys: null | string): Promise<Record<string, unknown>> } };
  };
}

/** Sends `message` to the background from an extension page, as the popup does. */
export function sendFrom<R = { ok: boolean; error?: string; message?: string }>(
  page: Page,
  message: unknown,
): Promise<R> {
  return page.evaluate(
    (m) => (globalThis as unknown as ExtensionGlobals).chrome.runtime.sendMessage(m),
    message,
  ) as Promise<R>;
}

/**
 * Opens the popup once the extension has finished installing (the force accounts seeded), with
 * the tests' moderator signed in: where the records tests begin.
 */
export async function openSignedInPopup(harness: Harness): Promise<Page> {
  const popup = await harness.context.newPage();
  await popup.goto(`chrome-extension://${harness.extensionId}/popup.html`);
  await harness.browser.installed(0, 15_000);
  expect(await setTestModerator(popup)).toMatchObject({ ok: true });
  return popup;
}

/** Signs the tests' moderator in through the background, as the options page does. */
export function setTestModerator(page: Page): Promise<{ ok: boolean; error?: string }> {
  return sendFrom(page, {
    type: 'moderator:set',
    moderator: { name: 'Sam Moderator', staffNumber: '9876' },
  });
}

/**
 * Every stored contact, read by an extension page straight from where it is kept, not through the
 * extension's code: the contact documents in the records database's IndexedDB (PouchDB's
 * `indexeddb` adapter keeps each document as a row of its `docs` store, the current revision's
 * body under `revs[rev].data`), and any still under a `contacts*` storage key, where earlier
 * versions kept them, counted by id.
 */
export function storedContacts(page: Page): Promise<{ id: string; commentKey?: string }[]> {
  return page.evaluate(async () => {
    type Row = {
      id: string;
      rev: string;
      deleted: number;
      revs: Record<string, { data: unknown }>;
    };
    const rows = await new Promise<Row[]>((resolve, reject) => {
      const open = indexedDB.open('_pouch_moderator-assist-records');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('docs')) {
          db.close();
          resolve([]);
          return;
        }
        const all = db.transaction('docs').objectStore('docs').getAll();
        all.onerror = () => reject(all.error);
        all.onsuccess = () => {
          db.close();
          resolve(all.result as Row[]);
        };
      };
    });
    const found = new Map<string, { id: string; commentKey?: string }>();
    for (const row of rows) {
      if (!row.id.startsWith('contact:') || row.deleted) continue;
      const doc = row.revs[row.rev]?.data as { contact?: { id: string; commentKey?: string } };
      if (doc?.contact) found.set(doc.contact.id, doc.contact);
    }
    const everything = await (globalThis as unknown as ExtensionGlobals).chrome.storage.local.get(
      null,
    );
    for (const [key, value] of Object.entries(everything)) {
      if (!key.startsWith('contacts') || key.endsWith('$')) continue;
      const list = Array.isArray(value)
        ? value
        : ((value as { contacts?: unknown } | null)?.contacts ?? []);
      if (!Array.isArray(list)) continue;
      for (const c of list as { id: string; commentKey?: string }[]) found.set(c.id, c);
    }
    return [...found.values()];
  });
}

/**
 * Stops the extension's service worker, as Chromium does when it is idle. Its target is closed
 * over CDP; the worker first gets a mark in its globals, so `workerIsFresh` can tell afterwards
 * that the next message really woke a new worker rather than the old one.
 */
export async function stopWorker(harness: Harness, page: Page): Promise<void> {
  const worker = harness.context.serviceWorkers()[0];
  expect(worker, 'the background service worker is running').toBeDefined();
  await worker!.evaluate(() => {
    (globalThis as { __beforeStop?: boolean }).__beforeStop = true;
  });
  const cdp = await harness.context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find(
    (t) =>
      t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${harness.extensionId}/`),
  );
  expect(target, 'the service worker target').toBeDefined();
  expect(await cdp.send('Target.closeTarget', { targetId: target!.targetId })).toEqual({
    success: true,
  });
  await cdp.detach();
}

/** Whether the running service worker started after the last `stopWorker`. */
export async function workerIsFresh(harness: Harness): Promise<boolean> {
  const worker = harness.context.serviceWorkers()[0]!;
  return worker.evaluate(() => (globalThis as { __beforeStop?: boolean }).__beforeStop !== true);
}

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  sendFrom,
  setTestModerator,
  startHarness,
  storedContacts,
  type ExtensionGlobals,
  type Harness,
} from './helpers';

// The background is the one writer of records: every request goes through one promise queue, so
// contacts recorded at the same moment from several tabs must all land. Four extension pages each
// fire fifty `contact:record` requests at once, and the records must then hold exactly 200
// contacts. Counted from the records database's IndexedDB (and any `contacts*` storage key an
// older layout left) and, independently, through the background's own `status:lookup`.

const TABS = 4;
const PER_TAB = 50;
const HANDLES = 20;

let harness: Harness;
let pages: Page[] = [];

type Reply = { ok: boolean; error?: string; status?: { countInWindow: number } };

function send(page: Page, message: unknown): Promise<Reply> {
  return sendFrom<Reply>(page, message);
}

beforeAll(async () => {
  harness = await startHarness();
  const url = `chrome-extension://${harness.extensionId}/popup.html`;
  pages = await Promise.all(
    Array.from({ length: TABS }, async () => {
      const page = await harness.context.newPage();
      await page.goto(url);
      return page;
    }),
  );
  const first = pages[0]!;
  // The force accounts are seeded on install; `installedAt` is written last.
  await harness.browser.installed(0, 15_000);
  expect(await setTestModerator(first)).toMatchObject({ ok: true });
});
afterAll(async () => {
  await harness?.close();
});

describe('concurrent writes in the real browser', () => {
  it('should keep all 200 contacts fired at once from four tabs', async () => {
    const seenAt = new Date().toISOString();
    // All four tabs fire together; inside each, all fifty requests go out before any answer.
    const replies = await Promise.all(
      pages.map((page, tab) =>
        page.evaluate(
          async ({ tab, perTab, handles, seenAt }) => {
            const c = (globalThis as unknown as ExtensionGlobals).chrome;
            const requests = Array.from({ length: perTab }, (_, i) => {
              const n = tab * perTab + i;
              const handle = `concurrent_${n % handles}`;
              return c.runtime.sendMessage({
                type: 'contact:record',
                comment: {
                  platform: 'x',
                  key: `concurrency-${tab}-${i}`,
                  text: `Concurrent comment ${n}`,
                  author: { handle, profileUrl: `https://x.com/${handle}` },
                  url: `https://x.com/${handle}/status/${9_000_000 + n}`,
                  permalink: `https://x.com/${handle}/status/${9_000_000 + n}`,
                  pageUrl: 'https://x.com/LeicsPolice/status/1861000000000000001',
                  seenAt,
                  criteria: ['offensive-language'],
                  findings: [],
                  policyVersion: 'test',
                },
              });
            });
            return Promise.all(requests);
          },
          { tab, perTab: PER_TAB, handles: HANDLES, seenAt },
        ),
      ),
    );
    const all = replies.flat() as Reply[];
    expect(all).toHaveLength(TABS * PER_TAB);
    const refused = all.filter((r) => r?.ok !== true);
    expect(refused).toEqual([]);

    // What is stored: every contact document (and any older layout's), counted by id.
    const stored = await storedContacts(pages[0]!);
    const ids = new Set(stored.map((c) => c.id));
    expect(ids.size).toBe(TABS * PER_TAB);
    const keys = new Set(stored.map((c) => c.commentKey));
    expect(keys.size).toBe(TABS * PER_TAB);
    for (let tab = 0; tab < TABS; tab += 1) {
      for (let i = 0; i < PER_TAB; i += 1) expect(keys.has(`concurrency-${tab}-${i}`)).toBe(true);
    }

    // The background agrees: each of the twenty authors has ten contacts in the window.
    const counts = await Promise.all(
      Array.from({ length: HANDLES }, (_, h) =>
        send(pages[h % TABS]!, {
          type: 'status:lookup',
          query: `@concurrent_${h}`,
          platform: 'x',
        }),
      ),
    );
    expect(counts.map((r) => r.status?.countInWindow)).toEqual(
      Array(HANDLES).fill((TABS * PER_TAB) / HANDLES),
    );
  });
});

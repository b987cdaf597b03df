import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMENTS, MORE_COMMENTS, type DemoComment } from '../../scripts/demo/comments.mjs';
import { DEMO_ROUTES } from '../../scripts/lib/serve.mjs';
import { CRITERION_IDS } from '../../lib/policy/schema';
import {
  allComments,
  findSeen,
  loadAllComments,
  openDemo,
  readComments,
  scrollThrough,
  startHarness,
  type Harness,
  type SeenComment,
} from './helpers';

const initial = allComments(COMMENTS);
const later = MORE_COMMENTS.flat();
const flaggable = initial.filter((c) => c.expect.length > 0);
const clean = initial.filter((c) => c.clean);

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

describe.each([
  { site: 'X', route: DEMO_ROUTES.x },
  { site: 'Facebook', route: DEMO_ROUTES.facebook },
])('the $site demo thread', ({ route }) => {
  let page: Page;
  /** As first shown, before the moderator scrolls. */
  let lazy: SeenComment[];
  /** After scrolling through the thread once. */
  let seen: SeenComment[];

  beforeAll(async () => {
    page = await openDemo(harness.context, route, initial.length);
    lazy = await readComments(page);
    await scrollThrough(page);
    seen = await readComments(page);
  });

  const only = (comment: DemoComment): SeenComment => {
    const found = findSeen(seen, comment);
    expect(found.length, `comment "${comment.id}" should be on the page`).toBeGreaterThan(0);
    return found[found.length - 1]!;
  };

  it('should have its page styles in once, put in before the site built the page', async () => {
    const styles = await page.evaluate(() =>
      [...document.querySelectorAll('#ma-highlight-style')].map((el) => ({
        // Before <head>: put in at document_start, before the site's own markup was parsed, so
        // adding it restyled nothing (added to a finished page it restyles every element).
        beforeHead: Boolean(
          el.compareDocumentPosition(document.head) & Node.DOCUMENT_POSITION_FOLLOWING,
        ),
        rules: (el as HTMLStyleElement).sheet?.cssRules.length ?? 0,
      })),
    );
    expect(styles).toEqual([{ beforeHead: true, rules: 4 }]);
  });

  it('should scan every comment and flag a good share of them', () => {
    const scanned = seen.filter((s) => s.scanned).length;
    expect(scanned).toBeGreaterThanOrEqual(initial.length);
    expect(seen.filter((s) => s.flagged.length > 0).length).toBeGreaterThanOrEqual(
      Math.ceil(flaggable.length * 0.75),
    );
  });

  it('should flag every one of the twelve Annex 1 criteria somewhere on the page', () => {
    const present = new Set(seen.flatMap((s) => s.flagged));
    const missing = CRITERION_IDS.filter((id) => !present.has(id));
    expect(missing, 'criteria never flagged on this page').toEqual([]);
  });

  it.each(flaggable.map((c) => [c.id, c] as const))(
    'should flag "%s" with its expected criteria',
    (_id, comment) => {
      const s = only(comment);
      expect(s.flagged, comment.text).toEqual(expect.arrayContaining(comment.expect));
      const crime = s.flagged.some((id) => id.startsWith('crime-'));
      expect(s.severity).toBe(crime ? 'crime' : 'remove');
    },
  );

  it.each(clean.map((c) => [c.id, c] as const))('should not flag "%s"', (_id, comment) => {
    const s = only(comment);
    expect(s.scanned, 'it should still be scanned').toBe(true);
    expect(s.flagged, comment.text).toEqual([]);
    expect(s.severity).toBeNull();
    expect(s.badges).toEqual([]);
  });

  it('should count every flagged comment at once but draw only those near the viewport', () => {
    const flagged = lazy.filter((s) => s.flagged.length > 0);
    const drawn = flagged.filter((s) => s.badges.length > 0);
    expect(flagged.length).toBe(seen.filter((s) => s.flagged.length > 0).length);
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.length, 'flagged comments far below should wait until scrolled to').toBeLessThan(
      flagged.length,
    );
    for (const s of flagged) expect(s.severity !== null, s.text).toBe(s.badges.length > 0);
  });

  it('should give each flagged comment exactly one badge naming the same criteria', () => {
    for (const s of seen.filter((x) => x.flagged.length > 0)) {
      expect(s.badges, s.text).toHaveLength(1);
      expect([...s.badges[0]!.criteria].sort(), s.text).toEqual([...s.flagged].sort());
    }
  });

  it('should flag the repeated message both times it appears', () => {
    const repeated = initial.find((c) => c.id === 'repeat-2')!;
    const copies = findSeen(seen, repeated);
    expect(copies).toHaveLength(2);
    expect(copies.at(-1)!.flagged).toContain('spam');
  });

  it('should keep the hostile comment as text and never run it', async () => {
    const hostile = initial.find((c) => c.id === 'hostile-markup')!;
    expect(only(hostile).text).toBe(hostile.text);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await expect(page.getByText('onerror="window.__pwned=1"').first().isVisible()).resolves.toBe(
      true,
    );
  });

  it('should flag comments the page adds when the reader scrolls to the bottom', async () => {
    await loadAllComments(page);
    const after = await readComments(page);
    for (const comment of later) {
      const found = findSeen(after, comment);
      expect(found, `later comment "${comment.id}" should have been appended`).toHaveLength(1);
      expect(found[0]!.scanned, comment.id).toBe(true);
      if (comment.clean) expect(found[0]!.flagged, comment.text).toEqual([]);
      else {
        expect(found[0]!.flagged, comment.text).toEqual(expect.arrayContaining(comment.expect));
        // Each batch arrives just below the reader, so its flagged comments are drawn at once.
        expect(found[0]!.badges, comment.text).toHaveLength(1);
      }
    }
    // Nothing appended earlier loses its marks when new comments arrive.
    expect(after.filter((s) => s.flagged.length > 0).length).toBeGreaterThanOrEqual(
      seen.filter((s) => s.flagged.length > 0).length,
    );
  });

  it('should keep the page summary counts current', async () => {
    const summary = page.locator('ma-summary').first();
    await expect(summary.count()).resolves.toBe(1);
    const flagged = await page.locator('[data-ma-flagged]').count();
    const total = await page.locator('[data-ma-scanned]').count();
    await expect
      .poll(() => summary.getAttribute('data-ma-flagged-count'), { timeout: 5000 })
      .toBe(String(flagged));
    // The focused post may or may not be counted as a comment.
    const counted = Number(await summary.getAttribute('data-ma-total-count'));
    expect(counted).toBeGreaterThanOrEqual(total - 1);
    expect(counted).toBeLessThanOrEqual(total);
    const shown = await summary.evaluate((el) => el.shadowRoot?.textContent ?? '');
    expect(shown).toContain(String(flagged));
  });
});

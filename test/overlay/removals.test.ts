// @vitest-environment happy-dom
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OverlayController } from '../../lib/overlay/controller';
import type { OverlayMessage } from '../../lib/overlay/messages';
import { POLICY } from '../../lib/policy';
import {
  addRemoval,
  dismissRemovals,
  emptyRemovals,
  postKeyOf,
  postRemovals,
  type RemovalsStore,
} from '../../lib/storage/removals';
import {
  badgeButton,
  buttonNamed,
  comment,
  makeOverlay,
  page,
  panelRoot,
  settle,
  summaryRoot,
} from './helpers';

const THREAD = 'https://x.com/LeicsPolice/status/1861000000000000001';
const NOW = new Date('2026-11-20T12:00:00.000Z');

let current: OverlayController | null = null;
afterEach(() => {
  current?.destroy();
  current = null;
  document.body.replaceChildren();
});

/** An in-memory background answering the removal requests as lib/messages/removals.ts does. */
function fakeBackground(initial: RemovalsStore = emptyRemovals()) {
  const state = { store: initial, failDismiss: false };
  const sent: OverlayMessage[] = [];
  const sendMessage = vi.fn(async (m: OverlayMessage): Promise<unknown> => {
    sent.push(m);
    if (m.type === 'removal:status') {
      return { ok: true, removals: postRemovals(state.store, postKeyOf(m.pageUrl), NOW) };
    }
    if (m.type === 'removal:dismiss') {
      if (state.failDismiss) return { ok: false, error: 'storage is full' };
      const key = postKeyOf(m.pageUrl);
      state.store = dismissRemovals(state.store, key, NOW);
      return { ok: true, removals: postRemovals(state.store, key, NOW) };
    }
    if (m.type === 'removal:record') {
      const c = m.comment;
      const made = addRemoval(
        state.store,
        { platform: c.platform, pageUrl: c.pageUrl, commentKey: c.key, criteria: c.criteria },
        NOW,
      );
      state.store = made.store;
      const removals = postRemovals(state.store, made.postKey, NOW);
      return { ok: true, message: `Marked (${removals.count} on this post).`, removals };
    }
    return { ok: true };
  });
  return { state, sent, sendMessage };
}

function flaggedPage(n: number): HTMLElement[] {
  const els = Array.from({ length: n }, (_, i) => comment(String(i + 1), `user${i}`, 'badword'));
  page(...els, comment('99', 'kind', 'thank you officers'));
  return els;
}

async function start(bg: ReturnType<typeof fakeBackground>) {
  const made = makeOverlay({ sendMessage: bg.sendMessage as never });
  current = made.overlay;
  made.overlay.start();
  await settle(made.overlay);
  return made.overlay;
}

async function markRemoved(el: HTMLElement): Promise<string> {
  badgeButton(el).click();
  const root = panelRoot()!;
  const button = buttonNamed(root, 'Mark as removed / hidden');
  button.click();
  const status = root.querySelector('[role="status"]')!;
  await vi.waitFor(() => expect(status.textContent).toMatch(/^Marked/));
  return status.textContent ?? '';
}

/** Moves happy-dom's window to `url` without loading anything. */
function setUrl(url: string): void {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
}

const reminderOf = () => summaryRoot().querySelector<HTMLElement>('.reminder')!;

describe('many-removals reminder', () => {
  it('should appear after five comments on the post are marked as removed, with the policy, link and contact', async () => {
    setUrl(`${THREAD}?s=20`);
    const els = flaggedPage(5);
    const bg = fakeBackground();
    const overlay = await start(bg);
    expect(bg.sent[0]).toEqual({ type: 'removal:status', pageUrl: `${THREAD}?s=20` });
    expect(reminderOf().hidden).toBe(true);

    for (const [i, el] of els.slice(0, 4).entries()) {
      expect(await markRemoved(el)).toBe(`Marked (${i + 1} on this post).`);
      await settle(overlay);
      expect(reminderOf().hidden).toBe(true);
    }
    // The same comment twice counts once.
    await markRemoved(els[0]!);
    await settle(overlay);
    expect(reminderOf().hidden).toBe(true);

    await markRemoved(els[4]!);
    await settle(overlay);
    const reminder = reminderOf();
    expect(reminder.hidden).toBe(false);
    const text = reminder.textContent ?? '';
    expect(text).toContain('Many removals on this post: you have marked 5 comments');
    expect(text).toContain(POLICY.manyRemovals);
    expect(text).toContain('Digital Media Team');
    expect(text).toContain('digital.media@leics.police.uk');
    const link = Array.from(reminder.querySelectorAll('a')).find((a) =>
      a.textContent?.includes('Social media guidelines'),
    )!;
    expect(link.getAttribute('href')).toBe(POLICY.guidelinesUrl);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.textContent).toContain('opens in a new tab');
    // Announced in words once, when it appears.
    const live = Array.from(summaryRoot().querySelectorAll('[role="status"]')).map(
      (s) => s.textContent,
    );
    expect(live).toContain(
      'Many removals on this post: you have marked 5 comments as removed or hidden.',
    );
    // The group is named by its heading text, and every removal went to the background with the capture.
    expect(reminder.getAttribute('role')).toBe('group');
    const records = bg.sent.filter((m) => m.type === 'removal:record');
    expect(records).toHaveLength(6);
    expect(records[0]).toMatchObject({
      comment: { key: '1', pageUrl: `${THREAD}?s=20`, criteria: ['offensive-language'] },
    });
    expect(bg.state.store.removals.map((r) => r.postKey)).toEqual(
      Array(5).fill('https://x.com/i/status/1861000000000000001'),
    );
  });

  it('should be labelled and free of axe violations when shown', async () => {
    setUrl(THREAD);
    flaggedPage(1);
    let store = emptyRemovals();
    for (let i = 0; i < 5; i += 1) {
      store = addRemoval(
        store,
        { platform: 'x', pageUrl: THREAD, commentKey: `c${i}`, criteria: [] },
        NOW,
      ).store;
    }
    await start(fakeBackground(store));
    await vi.waitFor(() => expect(reminderOf().hidden).toBe(false));
    const results = await axe.run(summaryRoot().querySelector('.box')!, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(results.violations.map((v) => v.id)).toEqual([]);
    // Keyboard: the link and the dismiss button are ordinary focusable controls.
    const dismiss = buttonNamed(summaryRoot(), 'Dismiss reminder for this post');
    expect(dismiss.tabIndex).toBe(0);
    expect(dismiss.disabled).toBe(false);
  });

  it('should show the reminder on load when the post already has enough removals, and not after a dismissal', async () => {
    setUrl(THREAD);
    flaggedPage(1);
    let store = emptyRemovals();
    for (let i = 0; i < 6; i += 1) {
      store = addRemoval(
        store,
        { platform: 'x', pageUrl: `${THREAD}/photo/1`, commentKey: `c${i}`, criteria: [] },
        NOW,
      ).store;
    }
    const bg = fakeBackground(store);
    const overlay = await start(bg);
    await vi.waitFor(() => expect(reminderOf().hidden).toBe(false));
    expect(reminderOf().textContent).toContain('you have marked 6 comments');

    buttonNamed(summaryRoot(), 'Dismiss reminder for this post').click();
    // Hidden at once; focus stays in the summary rather than falling to the page.
    expect(reminderOf().hidden).toBe(true);
    expect(summaryRoot().activeElement?.textContent).toBe('Moderator Assist');
    await vi.waitFor(() =>
      expect(bg.sent.at(-1)).toEqual({ type: 'removal:dismiss', pageUrl: THREAD }),
    );
    expect(bg.state.store.dismissed.map((d) => d.postKey)).toEqual([
      'https://x.com/i/status/1861000000000000001',
    ]);
    // Asking again (another tab changed storage) keeps it dismissed.
    overlay.refreshRemovals();
    await settle(overlay);
    await new Promise((r) => setTimeout(r, 10));
    expect(reminderOf().hidden).toBe(true);
  });

  it('should bring the reminder back with the reason when the dismissal is not saved', async () => {
    setUrl(THREAD);
    flaggedPage(1);
    let store = emptyRemovals();
    for (let i = 0; i < 5; i += 1) {
      store = addRemoval(
        store,
        { platform: 'x', pageUrl: THREAD, commentKey: `c${i}`, criteria: [] },
        NOW,
      ).store;
    }
    const bg = fakeBackground(store);
    bg.state.failDismiss = true;
    await start(bg);
    await vi.waitFor(() => expect(reminderOf().hidden).toBe(false));
    buttonNamed(summaryRoot(), 'Dismiss reminder for this post').click();
    await vi.waitFor(() => expect(reminderOf().hidden).toBe(false));
    expect(reminderOf().textContent).toContain("Couldn't dismiss the reminder: storage is full");
  });

  it('should count per post: another post starts again, and an answer about the old post is ignored', async () => {
    setUrl(THREAD);
    flaggedPage(1);
    let store = emptyRemovals();
    for (let i = 0; i < 5; i += 1) {
      store = addRemoval(
        store,
        { platform: 'x', pageUrl: THREAD, commentKey: `c${i}`, criteria: [] },
        NOW,
      ).store;
    }
    const bg = fakeBackground(store);
    const overlay = await start(bg);
    await vi.waitFor(() => expect(reminderOf().hidden).toBe(false));

    // A slow answer about the first post arrives after the site moved on to another post.
    let release: (v: unknown) => void = () => undefined;
    bg.sendMessage.mockImplementationOnce(
      (m: OverlayMessage) =>
        new Promise((resolve) => {
          bg.sent.push(m);
          release = resolve;
        }),
    );
    overlay.refreshRemovals();
    setUrl('https://x.com/LeicsPolice/status/2');
    overlay.navigated();
    await settle(overlay);
    release({ ok: true, removals: postRemovals(store, postKeyOf(THREAD), NOW) });
    await new Promise((r) => setTimeout(r, 10));
    await settle(overlay);
    expect(bg.sent.at(-1)).toEqual({
      type: 'removal:status',
      pageUrl: 'https://x.com/LeicsPolice/status/2',
    });
    expect(reminderOf().hidden).toBe(true);
  });

  it('should tell the moderator what marking does, and report a refusal', async () => {
    setUrl(THREAD);
    const [el] = flaggedPage(1);
    const sendMessage = vi.fn(async (m: OverlayMessage) =>
      m.type === 'removal:record' ? { ok: false, error: 'storage is full' } : { ok: true },
    );
    const made = makeOverlay({ sendMessage: sendMessage as never });
    current = made.overlay;
    made.overlay.start();
    await settle(made.overlay);
    badgeButton(el!).click();
    const root = panelRoot()!;
    const button = buttonNamed(root, 'Mark as removed / hidden');
    const hint = root.getElementById(button.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toContain('Moderator Assist does not change anything on X');
    button.click();
    const status = root.querySelector('[role="status"]')!;
    await vi.waitFor(() =>
      expect(status.textContent).toBe("Couldn't mark the comment as removed: storage is full"),
    );
    expect(reminderOf().hidden).toBe(true);
  });
});

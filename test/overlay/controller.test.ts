// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OverlayController } from '../../lib/overlay/controller';
import {
  badgeButton,
  badgeOf,
  buttonNamed,
  comment,
  fakeAdapter,
  makeOverlay,
  page,
  settings,
  settle,
  summaryRoot,
} from './helpers';

let current: OverlayController | null = null;
function track<T extends { overlay: OverlayController }>(made: T): T {
  current = made.overlay;
  return made;
}
afterEach(() => {
  current?.destroy();
  current = null;
  document.body.replaceChildren();
});

describe('scanning', () => {
  it('should badge and outline flagged comments and leave clean ones alone', async () => {
    const bad = comment('1', 'alice', 'you absolute badword');
    const threat = comment('2', 'bob', 'I will kill you and your badword dog');
    const clean = comment('3', 'carol', 'Thanks for the update, officers');
    page(bad, threat, clean);
    const { overlay } = track(makeOverlay());
    overlay.start();
    await settle(overlay);

    for (const el of [bad, threat, clean]) expect(el.hasAttribute('data-ma-scanned')).toBe(true);

    expect(bad.getAttribute('data-ma-flagged')).toBe('offensive-language');
    expect(bad.getAttribute('data-ma-severity')).toBe('remove');
    expect(badgeButton(bad).textContent).toContain('⚠ Remove: Offensive language');
    expect(badgeOf(bad)?.getAttribute('data-ma-criteria')).toBe('offensive-language');

    expect(threat.getAttribute('data-ma-flagged')).toBe('crime-credible-threat offensive-language');
    expect(threat.getAttribute('data-ma-severity')).toBe('crime');
    expect(badgeButton(threat).textContent).toContain('🚨 Crime: credible threat');
    expect(badgeButton(threat).textContent).toContain('⚠ Remove: Offensive language');

    expect(clean.hasAttribute('data-ma-flagged')).toBe(false);
    expect(clean.hasAttribute('data-ma-severity')).toBe(false);
    expect(badgeOf(clean)).toBeNull();

    // The badge sits just before the text, so the site's own text is untouched.
    expect(bad.querySelector('.text')?.previousElementSibling?.tagName).toBe('MA-BADGE');
    expect(bad.querySelector('.text')?.textContent).toBe('you absolute badword');

    const style = document.getElementById('ma-highlight-style');
    expect(style?.textContent).toContain('[data-ma-severity="remove"]');
    expect(style?.textContent).toContain('::highlight(ma-crime)');
  });

  it('should scan comments added later, once each', async () => {
    const feed = page(comment('1', 'alice', 'hello'));
    const { overlay, detect } = track(makeOverlay());
    overlay.start();
    await settle(overlay);
    expect(detect).toHaveBeenCalledTimes(1);

    // Infinite scroll: a wrapper holding two new comments arrives at once.
    const batch = document.createElement('div');
    batch.append(comment('2', 'bob', 'badword'), comment('3', 'carol', 'fine'));
    feed.append(batch);
    await settle(overlay);

    expect(detect).toHaveBeenCalledTimes(3);
    expect(feed.querySelectorAll('[data-ma-scanned]')).toHaveLength(3);
    expect(feed.querySelectorAll('[data-ma-flagged]')).toHaveLength(1);
  });

  it('should rescan a comment whose text changes and not one whose text stays the same', async () => {
    const el = comment('1', 'alice', 'all fine here');
    page(el);
    const { overlay, detect } = track(makeOverlay());
    overlay.start();
    await settle(overlay);
    expect(detect).toHaveBeenCalledTimes(1);

    // A mutation that leaves the text as it was (the site adds a like counter).
    const counter = document.createElement('span');
    el.append(counter);
    counter.append(document.createElement('i'));
    await settle(overlay);
    expect(detect).toHaveBeenCalledTimes(1);

    // The site edits the text node in place.
    const textNode = el.querySelector('.text')?.firstChild as Text;
    textNode.data = 'edited: badword';
    await settle(overlay);
    expect(detect).toHaveBeenCalledTimes(2);
    expect(el.getAttribute('data-ma-flagged')).toBe('offensive-language');

    // And replaces it with clean text: the flag and badge go.
    el.querySelector('.text')!.textContent = 'sorry, withdrawn';
    await settle(overlay);
    expect(detect).toHaveBeenCalledTimes(3);
    expect(el.hasAttribute('data-ma-flagged')).toBe(false);
    expect(badgeOf(el)).toBeNull();
  });

  it('should process a large feed in time slices, yielding between them', async () => {
    const comments = Array.from({ length: 300 }, (_, i) =>
      comment(String(i), `user${i}`, i % 10 === 0 ? 'badword' : 'fine'),
    );
    page(...comments);
    let clock = 0;
    const yieldToMain = vi.fn(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
    const { overlay, detect } = track(
      makeOverlay({
        // Every reading of the clock costs 1 ms, so an 8 ms slice holds only a few comments.
        now: () => (clock += 1),
        yieldToMain,
      }),
    );
    overlay.start();
    await settle(overlay);
    expect(detect).toHaveBeenCalledTimes(300);
    expect(yieldToMain.mock.calls.length).toBeGreaterThanOrEqual(30);
    expect(summaryRoot().host.getAttribute('data-ma-total-count')).toBe('300');
    expect(summaryRoot().host.getAttribute('data-ma-flagged-count')).toBe('30');
  });

  it("should pass the author's earlier comments to the engine for repeat detection", async () => {
    page(
      comment('1', 'spammer', 'visit my site'),
      comment('2', 'other', 'hello'),
      comment('3', 'spammer', 'visit my site again'),
    );
    const { overlay, detect } = track(makeOverlay());
    overlay.start();
    await settle(overlay);
    const third = detect.mock.calls.find(([text]) => text === 'visit my site again');
    expect(third?.[1].recentByAuthor).toEqual(['visit my site']);
    const second = detect.mock.calls.find(([text]) => text === 'hello');
    expect(second?.[1].recentByAuthor).toEqual([]);
  });

  it('should pass the settings to the engine', async () => {
    page(comment('1', 'a', 'text'));
    const { overlay, detect } = track(
      makeOverlay({
        settings: settings({
          protectedNames: [{ name: 'Jane Doe', role: 'victim' }],
          activeCases: ['R v Smith'],
          operations: ['Falcon'],
          allowList: ['Scunthorpe'],
          customRules: [{ id: 'c1', criterion: 'spam', words: ['cheap pills'] }],
        }),
      }),
    );
    overlay.start();
    await settle(overlay);
    expect(detect.mock.calls[0]?.[1]).toMatchObject({
      protectedNames: [{ name: 'Jane Doe', role: 'victim' }],
      activeCases: ['R v Smith'],
      operations: ['Falcon'],
      allowList: ['Scunthorpe'],
      customRules: [{ id: 'c1', criterion: 'spam', words: ['cheap pills'] }],
    });
  });
});

describe('settings', () => {
  it('should remove the badge of a criterion switched off, without a reload', async () => {
    const onlyOffensive = comment('1', 'a', 'badword');
    const both = comment('2', 'b', 'kill you, badword');
    page(onlyOffensive, both);
    const { overlay, highlights } = track(makeOverlay());
    overlay.start();
    await settle(overlay);
    expect(badgeOf(onlyOffensive)).not.toBeNull();
    expect(highlights.live.remove.size).toBe(2);

    overlay.setSettings(
      settings({
        enabledCriteria: settings().enabledCriteria.filter((c) => c !== 'offensive-language'),
      }),
    );
    await settle(overlay);

    expect(badgeOf(onlyOffensive)).toBeNull();
    expect(onlyOffensive.hasAttribute('data-ma-flagged')).toBe(false);
    expect(both.getAttribute('data-ma-flagged')).toBe('crime-credible-threat');
    expect(badgeButton(both).textContent).not.toContain('Offensive language');
    expect(highlights.live.remove.size).toBe(0);
    expect(highlights.live.crime.size).toBe(1);
  });

  it('should hide findings below the minimum confidence', async () => {
    const spam = comment('1', 'a', 'buy now!!');
    page(spam);
    const { overlay } = track(makeOverlay({ settings: settings({ minConfidence: 'medium' }) }));
    overlay.start();
    await settle(overlay);
    expect(spam.hasAttribute('data-ma-flagged')).toBe(false);

    overlay.setSettings(settings({ minConfidence: 'low' }));
    await settle(overlay);
    expect(spam.getAttribute('data-ma-flagged')).toBe('spam');
  });

  it.each([
    ['paused', settings({ paused: true })],
    ['switched off for the site', settings({ disabledSites: ['x'] })],
  ])('should take everything off the page when %s, and rescan when back on', async (_, off) => {
    const el = comment('1', 'a', 'badword');
    page(el);
    const { overlay, highlights, detect } = track(makeOverlay());
    overlay.start();
    await settle(overlay);
    badgeButton(el).click();
    expect(document.querySelector('ma-panel')).not.toBeNull();

    overlay.setSettings(off);
    await settle(overlay);
    expect(document.querySelector('ma-badge, ma-panel, #ma-highlight-style')).toBeNull();
    expect(
      document.querySelector('[data-ma-scanned], [data-ma-flagged], [data-ma-severity]'),
    ).toBeNull();
    expect(highlights.live.remove.size).toBe(0);

    // Nothing is scanned while off, even new comments.
    document.getElementById('feed')!.append(comment('2', 'b', 'badword again'));
    await settle(overlay);
    expect(detect).toHaveBeenCalledTimes(1);

    overlay.setSettings(settings());
    await settle(overlay);
    expect(badgeOf(el)).not.toBeNull();
    expect(document.querySelectorAll('ma-badge')).toHaveLength(2);
    expect(highlights.live.remove.size).toBe(2);
  });

  it('should keep the summary with Pause pressed while paused, and hide it when the site is off', async () => {
    page(comment('1', 'a', 'badword'));
    const saveSettings = vi.fn(async () => undefined);
    const { overlay } = track(makeOverlay({ saveSettings }));
    overlay.start();
    await settle(overlay);

    const pause = buttonNamed(summaryRoot(), 'Pause');
    expect(pause.getAttribute('aria-pressed')).toBe('false');
    pause.click();
    await settle(overlay);
    expect(saveSettings).toHaveBeenCalledWith(expect.objectContaining({ paused: true }));
    expect(pause.getAttribute('aria-pressed')).toBe('true');
    expect(document.querySelector('ma-badge')).toBeNull();

    pause.click();
    await settle(overlay);
    expect(pause.getAttribute('aria-pressed')).toBe('false');
    expect(document.querySelector('ma-badge')).not.toBeNull();

    overlay.setSettings(settings({ disabledSites: ['x'] }));
    expect(document.querySelector('ma-summary')).toBeNull();
  });

  it('should switch itself off for this site from the summary and save that', async () => {
    page(comment('1', 'a', 'badword'));
    const saveSettings = vi.fn(async () => undefined);
    const { overlay } = track(makeOverlay({ saveSettings }));
    overlay.start();
    await settle(overlay);
    expect(document.querySelector('ma-badge')).not.toBeNull();

    buttonNamed(summaryRoot(), 'Turn off on X').click();
    await settle(overlay);
    expect(saveSettings).toHaveBeenCalledWith(expect.objectContaining({ disabledSites: ['x'] }));
    expect(document.querySelector('ma-badge')).toBeNull();
    expect(document.querySelector('[data-ma-scanned]')).toBeNull();
    expect(document.querySelector('ma-summary')).toBeNull();
  });
});

describe('navigation', () => {
  it('should find the new root and rescan after single-page navigation', async () => {
    page(comment('1', 'a', 'badword'));
    const { overlay } = track(makeOverlay());
    overlay.start();
    await settle(overlay);

    // The site swaps the whole feed for another page's.
    document.getElementById('feed')!.remove();
    const next = document.createElement('main');
    next.id = 'feed';
    next.append(comment('9', 'z', 'kill you'), comment('10', 'y', 'hi'));
    document.body.append(next);
    overlay.navigated();
    await settle(overlay);

    expect(next.querySelectorAll('ma-badge')).toHaveLength(1);
    expect(summaryRoot().host.getAttribute('data-ma-total-count')).toBe('2');
    expect(summaryRoot().host.getAttribute('data-ma-flagged-count')).toBe('1');

    // And it watches the new root.
    next.append(comment('11', 'x', 'badword'));
    await settle(overlay);
    expect(next.querySelectorAll('ma-badge')).toHaveLength(2);
  });

  it('should wait for a root that is not rendered yet, without polling', async () => {
    document.body.replaceChildren();
    const { overlay } = track(makeOverlay());
    overlay.start();
    await settle(overlay);
    const feed = document.createElement('main');
    feed.id = 'feed';
    feed.append(comment('1', 'a', 'badword'));
    document.body.append(feed);
    await settle(overlay);
    expect(feed.querySelector('ma-badge')).not.toBeNull();
  });

  it.each([
    [true, true],
    [false, false],
  ])(
    "should say it can't read comments on a thread page with none readable (thread page: %s)",
    async (thread, shown) => {
      const feed = page();
      feed.append(document.createElement('div'));
      const { overlay } = track(
        makeOverlay({ adapter: { ...fakeAdapter, isThreadPage: () => thread } }),
      );
      overlay.start();
      await new Promise((resolve) => setTimeout(resolve, 30));
      await settle(overlay);
      expect(
        summaryRoot().textContent?.includes(
          "Can't find the comments on this page: the site's layout may have changed.",
        ),
      ).toBe(shown);
    },
  );
});

describe('summary', () => {
  it('should count and step through flagged comments in page order', async () => {
    const a = comment('1', 'a', 'badword');
    const b = comment('2', 'b', 'fine');
    const c = comment('3', 'c', 'kill you');
    page(a, b, c);
    const { overlay } = track(makeOverlay());
    overlay.start();
    await settle(overlay);
    const root = summaryRoot();
    const region = root.querySelector('[role="region"]');
    expect(region?.getAttribute('aria-label')).toBe('Moderator Assist');
    expect(root.textContent).toContain('2 flagged of 3 comments');

    const next = buttonNamed(root, 'Next flagged comment');
    const prev = buttonNamed(root, 'Previous flagged comment');
    next.click();
    expect(badgeOf(a)?.shadowRoot?.activeElement).toBe(badgeButton(a));
    next.click();
    expect(badgeOf(c)?.shadowRoot?.activeElement).toBe(badgeButton(c));
    next.click();
    expect(badgeOf(a)?.shadowRoot?.activeElement).toBe(badgeButton(a));
    prev.click();
    expect(badgeOf(c)?.shadowRoot?.activeElement).toBe(badgeButton(c));
  });
});

describe('lifetime', () => {
  it("should take itself off the page and stop reading when the page's signal aborts", async () => {
    const el = comment('1', 'alice', 'you absolute badword');
    const feed = page(el);
    const lifetime = new AbortController();
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const { overlay, detect, highlights, sendMessage } = track(
      makeOverlay({
        signal: lifetime.signal,
        // Long enough to be pending at the abort: the unreadable-page check must be cancelled.
        unreadableAfterMs: 60_000,
        setTimer: (cb, ms) => {
          const id = setTimeout(() => {
            timers.delete(id);
            cb();
          }, ms);
          timers.add(id);
          return () => {
            clearTimeout(id);
            timers.delete(id);
          };
        },
      }),
    );
    overlay.start();
    await settle(overlay);
    expect(badgeOf(el)).not.toBeNull();
    expect(timers.size).toBe(1);

    lifetime.abort();
    expect(badgeOf(el)).toBeNull();
    expect(el.hasAttribute('data-ma-scanned')).toBe(false);
    expect(el.hasAttribute('data-ma-flagged')).toBe(false);
    expect(document.querySelector('ma-summary')).toBeNull();
    expect(document.getElementById('ma-highlight-style')).toBeNull();
    expect(highlights.live.remove.size).toBe(0);
    expect(timers.size).toBe(0);

    // Nothing it was watching or asked brings it back.
    const calls = detect.mock.calls.length;
    const sent = sendMessage.mock.calls.length;
    feed.append(comment('2', 'bob', 'another badword'));
    overlay.setSettings(settings({ minConfidence: 'low' }));
    overlay.navigated();
    overlay.refreshRemovals();
    await settle(overlay);
    expect(detect.mock.calls.length).toBe(calls);
    expect(sendMessage.mock.calls.length).toBe(sent);
    expect(document.querySelectorAll('ma-badge, ma-summary, [data-ma-scanned]')).toHaveLength(0);
  });

  it('should treat destroy() as the same teardown', async () => {
    const el = comment('1', 'alice', 'you absolute badword');
    page(el);
    const lifetime = new AbortController();
    const { overlay } = track(makeOverlay({ signal: lifetime.signal }));
    overlay.start();
    await settle(overlay);
    overlay.destroy();
    expect(badgeOf(el)).toBeNull();
    expect(document.querySelector('ma-summary')).toBeNull();
    // The caller's signal is its own: destroying the overlay does not abort it.
    expect(lifetime.signal.aborted).toBe(false);
  });
});

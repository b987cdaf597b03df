import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  ChangeRelay,
  sendToEveryTab,
  sendToPages,
  watchStorageChanges,
  type StorageChanged,
} from '../../lib/messages/relay';
import { overlayChangeOf, type OverlayChanged } from '../../lib/overlay/changes';

// The overlay hears about changes by a small message from the background instead of a storage
// listener (which would copy every changed value, 22 MB for a big block log, into every tab).

describe('overlayChangeOf', () => {
  it('should name the parts of the overlay a set of changed keys concerns', () => {
    expect(overlayChangeOf(['settings'])).toEqual({
      type: 'overlay:changed',
      settings: true,
      statuses: false,
      removals: false,
    });
    for (const key of [
      // The contacts and block log live in the records database; the background announces them
      // by these names.
      'contacts',
      'repeatEvents',
      'blockLog',
      'accounts',
    ]) {
      expect(overlayChangeOf([key])?.statuses, key).toBe(true);
    }
    expect(overlayChangeOf(['removals'])).toMatchObject({ removals: true, statuses: false });
    expect(overlayChangeOf(['drafts', 'moderator', 'repeatOverview'])).toBeNull();
    expect(overlayChangeOf(['drafts', 'settings', 'contacts'])).toMatchObject({
      settings: true,
      statuses: true,
      removals: false,
    });
    // Keys are as storage.onChanged names them, without WXT's "local:" prefix.
    expect(overlayChangeOf(['contacts:12', 'settings2', 'local:settings'])).toBeNull();
  });
});

describe('ChangeRelay', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('should send one message for a burst of changes, and nothing for changes the overlay does not show', async () => {
    const sent: OverlayChanged[] = [];
    const pages: StorageChanged[] = [];
    const relay = new ChangeRelay(
      { tabs: async (m) => void sent.push(m), pages: async (m) => void pages.push(m) },
      100,
    );
    relay.changed(['contacts']);
    relay.changed(['repeatEvents', 'drafts']);
    relay.changed(['removals']);
    const heard = Date.now();
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(sent).toEqual([
      { type: 'overlay:changed', settings: false, statuses: true, removals: true },
    ]);
    // The extension pages hear about every key, once per burst.
    expect(pages).toEqual([
      {
        type: 'storage:changed',
        keys: ['contacts', 'repeatEvents', 'drafts', 'removals'],
        // When the last of them was heard.
        at: heard,
      },
    ]);
    relay.changed(['drafts']);
    const heardDrafts = Date.now();
    await vi.advanceTimersByTimeAsync(100);
    expect(sent).toHaveLength(1);
    expect(pages.at(-1)).toEqual({ type: 'storage:changed', keys: ['drafts'], at: heardDrafts });
    expect(heardDrafts).toBeGreaterThan(heard);
    relay.changed(['settings']);
    await vi.advanceTimersByTimeAsync(100);
    expect(sent.at(-1)).toMatchObject({ settings: true, statuses: false });
    expect(pages).toHaveLength(3);
  });
});

describe('sendToEveryTab', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('should send to every tab and ignore tabs that have no content script', async () => {
    vi.spyOn(browser.tabs, 'query').mockResolvedValue([{ id: 1 }, { id: 2 }, {}] as never);
    const send = vi.spyOn(browser.tabs, 'sendMessage').mockImplementation(async (id: number) => {
      if (id === 2)
        throw new Error('Could not establish connection. Receiving end does not exist.');
      return undefined;
    });
    const message: OverlayChanged = {
      type: 'overlay:changed',
      settings: true,
      statuses: false,
      removals: false,
    };
    await expect(sendToEveryTab(message)).resolves.toBeUndefined();
    expect(send.mock.calls).toEqual([
      [1, message],
      [2, message],
    ]);
  });
});

describe('sendToPages and watchStorageChanges', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('should hand the changed keys to a page listening, and ignore every other message', async () => {
    const seen: string[][] = [];
    const stop = watchStorageChanges((keys) => seen.push([...keys]));
    await sendToPages({ type: 'storage:changed', keys: ['blockLog', 'blockLogIndex'] });
    await browser.runtime
      .sendMessage({ type: 'status:lookup', query: '@x' })
      .catch(() => undefined);
    expect(seen).toEqual([['blockLog', 'blockLogIndex']]);
    stop();
    await sendToPages({ type: 'storage:changed', keys: ['settings'] });
    expect(seen).toHaveLength(1);
  });

  it('should not fail when no page is open', async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockRejectedValue(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    await expect(
      sendToPages({ type: 'storage:changed', keys: ['settings'] }),
    ).resolves.toBeUndefined();
  });
});

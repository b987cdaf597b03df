import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CRITERION_IDS } from '../../lib/policy';
import {
  DEFAULT_SETTINGS,
  parseSettings,
  readSettings,
  settingsItem,
} from '../../lib/storage/settings';
import { watchSettings } from '../../lib/messages/relay';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('settings', () => {
  it('should default to every criterion on, medium confidence, not paused', async () => {
    const settings = await readSettings();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(settings.enabledCriteria).toEqual([...CRITERION_IDS]);
    expect(settings.minConfidence).toBe('medium');
    expect(settings.paused).toBe(false);
    expect(settings.disabledSites).toEqual([]);
  });

  it('should read back what was stored under local:settings', async () => {
    const stored = {
      ...DEFAULT_SETTINGS,
      enabledCriteria: ['spam' as const],
      disabledSites: ['facebook' as const],
      protectedNames: [
        { name: 'Jane Doe', variants: ['J Doe'], role: 'victim' as const, caseRef: '24/1' },
      ],
      customRules: [{ id: 'r1', criterion: 'spam' as const, pattern: 'cheap\\s+pills' }],
    };
    await settingsItem.setValue(stored);
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({ settings: stored });
    expect(await readSettings()).toEqual(stored);
  });

  it('should fill fields missing from an older object with defaults', async () => {
    await fakeBrowser.storage.local.set({ settings: { paused: true } });
    const settings = await readSettings();
    expect(settings.paused).toBe(true);
    expect(settings.enabledCriteria).toEqual([...CRITERION_IDS]);
  });

  it.each([
    ['an unknown criterion', { enabledCriteria: ['not-a-criterion'] }, 'enabledCriteria'],
    ['a bad confidence', { minConfidence: 'sometimes' }, 'minConfidence'],
    ['an unknown site', { disabledSites: ['myspace'] }, 'disabledSites'],
    ['a protected name without a role', { protectedNames: [{ name: 'Jane' }] }, 'role'],
    ['not an object', 'yes please', 'object'],
  ])('should fall back to the defaults and say why for %s', async (_, bad, mentioned) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({ settings: bad });
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain(mentioned);
  });

  it('should not let the shared defaults be changed by accident', () => {
    expect(() => DEFAULT_SETTINGS.enabledCriteria.push('spam')).toThrow();
    expect(parseSettings(undefined)).toBe(DEFAULT_SETTINGS);
  });

  it('should report valid settings to watchers when the background says they changed', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const seen: boolean[] = [];
    const stop = watchSettings((s) => seen.push(s.paused));
    // What the background's relay sends the extension pages (lib/messages/relay.ts).
    const changed = async (keys: string[]) => {
      await fakeBrowser.runtime.onMessage.trigger({ type: 'storage:changed', keys }, {}, () => {});
      await new Promise((resolve) => setTimeout(resolve, 0));
    };
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, paused: true });
    await changed(['settings']);
    await changed(['blockLog']);
    await fakeBrowser.storage.local.set({ settings: { paused: 'no' } });
    await changed(['settings']);
    stop();
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, paused: true });
    await changed(['settings']);
    expect(seen).toEqual([true, false]);
  });
});

import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_RETENTION_DAYS } from '../../lib/records/retention';
import {
  SettingsSchema,
  SettingsV1Schema,
  migrateSettingsV1ToV2,
} from '../../lib/storage/settings';

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/storage/settings-v1.json', import.meta.url), 'utf8'),
) as { meta: { v: number }; value: Record<string, unknown> };

describe('migrateSettingsV1ToV2', () => {
  it('should read the saved version 1 fixture as valid version 1 settings', () => {
    expect(SettingsV1Schema.safeParse(fixture.value).success).toBe(true);
    expect(fixture.value).not.toHaveProperty('retentionDays');
  });

  it('should add the default retention periods and keep every other setting', () => {
    const v2 = migrateSettingsV1ToV2(fixture.value);
    expect(v2).toEqual({ ...fixture.value, retentionDays: { ...DEFAULT_RETENTION_DAYS } });
    const parsed = SettingsSchema.parse(v2);
    expect(parsed.protectedNames).toEqual(fixture.value.protectedNames);
    expect(parsed.minConfidence).toBe('high');
    expect(parsed.retentionDays).toEqual(DEFAULT_RETENTION_DAYS);
  });

  it('should keep retention periods already present and survive values that are not objects', () => {
    const set = { blockLog: 3000, contacts: 100, repeatEvents: 90 };
    expect(migrateSettingsV1ToV2({ paused: true, retentionDays: set }).retentionDays).toEqual(set);
    expect(migrateSettingsV1ToV2(null)).toEqual({ retentionDays: { ...DEFAULT_RETENTION_DAYS } });
    expect(migrateSettingsV1ToV2(['x'])).toEqual({ retentionDays: { ...DEFAULT_RETENTION_DAYS } });
  });
});

describe('settings item: stored version 1 migrates on load', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.resetModules();
  });

  it('should migrate the stored fixture to version 2 without losing anything', async () => {
    await fakeBrowser.storage.local.set({ settings: fixture.value, settings$: fixture.meta });
    const { settingsItem, readSettings } = await import('../../lib/storage/settings');
    const settings = await readSettings();
    expect(settings.retentionDays).toEqual(DEFAULT_RETENTION_DAYS);
    expect(settings.operations).toEqual(['Operation Larch']);
    expect(settings.disabledSites).toEqual(['facebook']);
    expect(await settingsItem.getMeta()).toEqual({ v: 2 });
    const raw = await fakeBrowser.storage.local.get('settings');
    expect(raw.settings).toHaveProperty('retentionDays', DEFAULT_RETENTION_DAYS);
  });
});

import { useCallback, useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { watchSettings } from '../../lib/messages/relay';
import {
  readSettings,
  settingsItem,
  SettingsSchema,
  type Settings,
} from '../../lib/storage/settings';

/** Returns null when saved, or the reason nothing was saved. */
export type Update = (
  change: (current: Settings) => Settings,
  what: string,
) => Promise<string | null>;

export interface StoredSettings {
  /** The settings as last saved (null while loading). */
  settings: Settings | null;
  update: Update;
  /** Latest message for the polite status region. */
  status: string;
  announce: (message: string) => void;
}

/**
 * The settings as stored, kept in step with storage (the overlay's Pause button writes too), and
 * one way to change them: the change is checked against the schema and written whole, or not at
 * all. The content script watches the same item, so open pages follow without a reload.
 */
export function useStoredSettings(): StoredSettings {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatusState] = useState({ text: '', n: 0 });
  // The same message twice must still be heard, so every other one gains an invisible space.
  const setStatus = useCallback(
    (text: string) => setStatusState((s) => ({ text, n: s.n + 1 })),
    [],
  );
  // Two quick changes in a row must build on each other, not both on the last render's value.
  const latest = useRef<Settings | null>(null);

  useEffect(() => {
    let live = true;
    void readSettings().then((s) => {
      if (!live || latest.current) return;
      latest.current = s;
      setSettings(s);
    });
    // Changes made elsewhere (the popup, the page's Pause button) come as a small message from the
    // background, not from a storage listener: that would be handed every changed value, the whole
    // block log each time a block is logged (lib/overlay/changes.ts).
    const stop = watchSettings((s) => {
      latest.current = s;
      setSettings(s);
    });
    return () => {
      live = false;
      stop();
    };
  }, []);

  const update = useCallback<Update>(
    async (change, what) => {
      const current = latest.current;
      if (!current) return 'The settings have not loaded yet.';
      const parsed = SettingsSchema.safeParse(change(current));
      if (!parsed.success) return `Not saved. ${z.prettifyError(parsed.error)}`;
      const previous = current;
      latest.current = parsed.data;
      setSettings(parsed.data);
      try {
        await settingsItem.setValue(parsed.data);
      } catch (err) {
        latest.current = previous;
        setSettings(previous);
        return `Not saved: ${err instanceof Error ? err.message : String(err)}`;
      }
      setStatus(`Saved: ${what}.`);
      return null;
    },
    [setStatus],
  );

  return {
    settings,
    update,
    status: status.text && status.n % 2 === 0 ? `${status.text}\u00a0` : status.text,
    announce: setStatus,
  };
}

import { z } from 'zod';
import { overlayChangeOf, type OverlayChanged } from '../overlay/changes';
import { bareKey } from '../storage/keys';
import { readSettings, settingsItem, type Settings } from '../storage/settings';

/**
 * Tells the open tabs when stored data the overlay shows has changed (see
 * lib/overlay/changes.ts for why the content script does not listen to storage itself). Changes
 * are gathered for `delayMs`, so a burst of writes (a page recording several contacts) is one
 * message per tab. The message goes to every tab: without the `tabs` permission the background
 * cannot see which tabs are X or Facebook, and a tab without the content script simply does not
 * answer (that refusal is expected and ignored).
 *
 * @example
 * const relay = new ChangeRelay({ tabs: sendToEveryTab, pages: sendToPages });
 * browser.storage.onChanged.addListener((changes, area) => {
 *   if (area === 'local') relay.changed(Object.keys(changes));
 * });
 */
export class ChangeRelay {
  private keys = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** When the last of the gathered changes was heard (Date.now()). */
  private lastAt = 0;

  constructor(
    private readonly send: {
      /** To the content scripts of the open tabs, when the change concerns the overlay. */
      tabs: (message: OverlayChanged) => Promise<void>;
      /** To the open extension pages (popup, options), with every changed key. */
      pages: (message: StorageChanged) => Promise<void>;
    },
    readonly delayMs = 100,
  ) {}

  /** Notes changed `storage.local` keys; the tabs hear about them `delayMs` after the first. */
  changed(keys: Iterable<string>): void {
    for (const k of keys) this.keys.add(k);
    this.lastAt = Date.now();
    this.timer ??= setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Sends what has been gathered now. */
  async flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const keys = [...this.keys];
    this.keys = new Set();
    if (keys.length === 0) return;
    const message = overlayChangeOf(keys);
    await Promise.all([
      message ? this.send.tabs(message) : undefined,
      this.send.pages({ type: 'storage:changed', keys, at: this.lastAt }),
    ]);
  }
}

/**
 * What the background tells the open extension pages when stored data changed: the
 * `storage.local` keys (as `storage.onChanged` names them). The popup listens for this rather
 * than to storage, for the same reason as the content script (lib/overlay/changes.ts): a storage
 * listener is handed the whole changed block log, tens of megabytes, each time a block is logged.
 */
export const StorageChangedSchema = z.object({
  type: z.literal('storage:changed'),
  keys: z.array(z.string()),
  /**
   * When the background heard of the last of these changes (Date.now()): a page that began reading
   * after it has read them already (the popup, straight after its own write) need not read again.
   */
  at: z.number().optional(),
});
export type StorageChanged = z.infer<typeof StorageChangedSchema>;

/**
 * Sends `message` to the open extension pages; none being open is not an error.
 *
 * @example
 * await sendToPages({ type: 'storage:changed', keys: ['blockLog', 'drafts'] });
 */
export async function sendToPages(message: StorageChanged): Promise<void> {
  try {
    await browser.runtime.sendMessage(message);
  } catch {
    // "Receiving end does not exist": no popup or options page is open.
  }
}

/**
 * Calls `cb` with the changed keys whenever the background says stored data changed; returns the
 * function that stops listening. The listener never answers, so it leaves every other message
 * (a content script's request to the background) to the background.
 *
 * @example
 * const stop = watchStorageChanges((keys) => { if (keys.has('settings')) reloadSettings(); });
 */
export function watchStorageChanges(
  cb: (keys: ReadonlySet<string>, at: number | undefined) => void,
): () => void {
  const listener = (message: unknown): undefined => {
    const parsed = StorageChangedSchema.safeParse(message);
    if (parsed.success) cb(new Set(parsed.data.keys), parsed.data.at);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/**
 * Calls `cb` with valid settings whenever the background says they changed (watchStorageChanges);
 * returns the function that stops it (a read still under way then is not reported).
 *
 * @example
 * const stop = watchSettings((s) => setWindowDays(s.repeatWindowDays));
 */
export function watchSettings(cb: (settings: Settings) => void): () => void {
  let live = true;
  const key = bareKey(settingsItem.key);
  const stop = watchStorageChanges((keys) => {
    if (!keys.has(key)) return;
    readSettings()
      .then((settings) => {
        if (live) cb(settings);
      })
      .catch((err: unknown) => console.warn('Moderator Assist: could not read the settings', err));
  });
  return () => {
    live = false;
    stop();
  };
}

/**
 * Sends `message` to the content script of every open tab, ignoring tabs that have none.
 *
 * @example
 * await sendToEveryTab({ type: 'overlay:changed', settings: true, statuses: false, removals: false });
 */
export async function sendToEveryTab(message: OverlayChanged): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.tabs.sendMessage(tab.id, message).catch(() => undefined),
    ),
  );
}

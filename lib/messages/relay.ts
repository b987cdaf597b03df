import { overlayChangeOf, type OverlayChanged } from '../overlay/changes';

/**
 * Tells the open tabs when stored data the overlay shows has changed (see
 * lib/overlay/changes.ts for why the content script does not listen to storage itself). Changes
 * are gathered for `delayMs`, so a burst of writes (a page recording several contacts) is one
 * message per tab. The message goes to every tab: without the `tabs` permission the background
 * cannot see which tabs are X or Facebook, and a tab without the content script simply does not
 * answer (that refusal is expected and ignored).
 *
 * @example
 * const relay = new ChangeRelay((msg) => sendToEveryTab(msg));
 * browser.storage.onChanged.addListener((changes, area) => {
 *   if (area === 'local') relay.changed(Object.keys(changes));
 * });
 */
export class ChangeRelay {
  private keys = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly send: (message: OverlayChanged) => Promise<void>,
    readonly delayMs = 100,
  ) {}

  /** Notes changed `storage.local` keys; the tabs hear about them `delayMs` after the first. */
  changed(keys: Iterable<string>): void {
    for (const k of keys) this.keys.add(k);
    this.timer ??= setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Sends what has been gathered now (if it concerns the overlay). */
  async flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const message = overlayChangeOf(this.keys);
    this.keys = new Set();
    if (message) await this.send(message);
  }
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

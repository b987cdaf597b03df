import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { storage } from 'wxt/utils/storage';
import { detect } from '@/lib/detect';
import { OverlayController, messageChannelYield } from '@/lib/overlay/controller';
import type { OverlayMessage } from '@/lib/overlay/messages';
import { AuthorStatuses, STATUS_STORAGE_KEYS } from '@/lib/overlay/repeat';
import { adapterFor } from '@/lib/sites';
import { REMOVALS_STORAGE_KEY } from '@/lib/storage/removals';
import { readSettings, settingsItem, watchSettings } from '@/lib/storage/settings';

export default defineContentScript({
  // As soon as the document is parsed: feeds are read in slices, so starting early costs the page
  // nothing and flags appear sooner.
  runAt: 'document_end',
  matches: [
    '*://x.com/*',
    '*://twitter.com/*',
    '*://*.x.com/*',
    '*://*.twitter.com/*',
    '*://*.facebook.com/*',
  ],
  async main(ctx) {
    const adapter = adapterFor(new URL(location.href));
    if (!adapter) return;
    const settings = await readSettings();
    if (ctx.isInvalid) return;

    const requestFrame = (cb: () => void) => {
      ctx.requestAnimationFrame(() => cb());
    };
    // Repeat-caller chips: one status:batch message per batch of new authors, redrawn when records
    // change (a contact recorded in this tab or another updates the page without a reload).
    const authors = new AuthorStatuses({
      doc: document,
      platform: adapter.site,
      pageUrl: () => location.href,
      sendMessage: (message) => browser.runtime.sendMessage(message),
      requestFrame,
    });
    const overlay = new OverlayController({
      doc: document,
      adapter,
      detect,
      settings,
      sendMessage: (message: OverlayMessage) => browser.runtime.sendMessage(message),
      saveSettings: (next) => settingsItem.setValue(next),
      // ctx's timers and frames stop by themselves when the extension is reloaded or removed.
      requestFrame,
      authors,
      setTimer: (cb, ms) => {
        const id = ctx.setTimeout(cb, ms);
        return () => clearTimeout(id);
      },
      yieldToMain: messageChannelYield(),
    });
    overlay.start();

    const unwatch = watchSettings((next) => {
      overlay.setSettings(next);
      authors.refresh();
    });
    const unwatchRecords = STATUS_STORAGE_KEYS.map((key) =>
      storage.watch(key, () => authors.refresh()),
    );
    // Removals marked in another tab on the same post count here too.
    const unwatchRemovals = storage.watch(REMOVALS_STORAGE_KEY, () => overlay.refreshRemovals());
    ctx.addEventListener(window, 'wxt:locationchange', () => overlay.navigated());
    ctx.onInvalidated(() => {
      unwatch();
      unwatchRecords.forEach((stop) => stop());
      unwatchRemovals();
      overlay.destroy();
    });
  },
});

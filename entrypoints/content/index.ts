import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { detect } from '@/lib/detect';
import { OverlayController, messageChannelYield } from '@/lib/overlay/controller';
import type { OverlayMessage } from '@/lib/overlay/messages';
import { adapterFor } from '@/lib/sites';
import { readSettings, settingsItem, watchSettings } from '@/lib/storage/settings';

export default defineContentScript({
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

    const overlay = new OverlayController({
      doc: document,
      adapter,
      detect,
      settings,
      sendMessage: (message: OverlayMessage) => browser.runtime.sendMessage(message),
      saveSettings: (next) => settingsItem.setValue(next),
      // ctx's timers and frames stop by themselves when the extension is reloaded or removed.
      requestFrame: (cb) => {
        ctx.requestAnimationFrame(() => cb());
      },
      setTimer: (cb, ms) => {
        const id = ctx.setTimeout(cb, ms);
        return () => clearTimeout(id);
      },
      yieldToMain: messageChannelYield(),
    });
    overlay.start();

    const unwatch = watchSettings((next) => overlay.setSettings(next));
    ctx.addEventListener(window, 'wxt:locationchange', () => overlay.navigated());
    ctx.onInvalidated(() => {
      unwatch();
      overlay.destroy();
    });
  },
});

import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { detect, warmUpSteps } from '@/lib/detect';
import { OverlayController } from '@/lib/overlay/controller';
import { mainThreadYield, runInSlices } from '@/lib/overlay/slices';
import { START_MARK } from '@/lib/overlay/marks';
import type { OverlayMessage } from '@/lib/overlay/messages';
import { breather } from '@/lib/overlay/breather';
import { OverlayChangedSchema } from '@/lib/overlay/changes';
import { AuthorStatuses } from '@/lib/overlay/repeat';
import { adapterFor } from '@/lib/sites';
import { readSettings, settingsItem } from '@/lib/storage/settings';
import { SITE_MATCHES } from '@/lib/sites/matches';

export default defineContentScript({
  // As soon as the document is parsed: feeds are read in slices, so starting early costs the page
  // nothing and flags appear sooner.
  runAt: 'document_end',
  matches: SITE_MATCHES,
  async main(ctx) {
    const adapter = adapterFor(new URL(location.href));
    if (!adapter) return;
    // A mark in the page's performance timeline: DevTools shows it, and `npm run bench:page` counts
    // the long tasks from here on as possibly the extension's (the page's own load comes before).
    performance.mark(START_MARK);
    const yieldToMain = mainThreadYield();
    // The engine compiles its rules in short tasks while the settings are read, instead of in one
    // long task at the first comment (lib/detect/index.ts).
    const [settings] = await Promise.all([readSettings(), runInSlices(warmUpSteps(), yieldToMain)]);
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
    const setTimer = (cb: () => void, ms: number) => {
      const id = ctx.setTimeout(cb, ms);
      return () => clearTimeout(id);
    };
    const overlay = new OverlayController({
      doc: document,
      adapter,
      detect,
      settings,
      // When the extension is reloaded or removed under the page, the overlay takes itself off it.
      signal: ctx.signal,
      sendMessage: (message: OverlayMessage) => browser.runtime.sendMessage(message),
      saveSettings: (next) => settingsItem.setValue(next),
      // ctx's timers and frames stop by themselves when the extension is reloaded or removed.
      requestFrame,
      authors,
      setTimer,
      yieldToMain,
      breather: breather({
        timer: setTimer,
        idle: (cb, timeoutMs) => {
          const id = ctx.requestIdleCallback(() => cb(), { timeout: timeoutMs });
          return () => cancelIdleCallback(id);
        },
      }),
    });
    overlay.start();

    // Changes made anywhere (settings, a contact recorded in another tab, a removal marked on the
    // same post) arrive as one small message from the background. Nothing here listens to storage:
    // a storage listener is handed every changed value, which for a large block log is tens of
    // megabytes copied into this page each time a block is logged (lib/overlay/changes.ts).
    const onChanged = (message: unknown) => {
      const change = OverlayChangedSchema.safeParse(message);
      if (!change.success || ctx.isInvalid) return;
      if (change.data.settings) {
        readSettings()
          .then((next) => {
            if (ctx.isInvalid) return;
            overlay.setSettings(next);
            authors.refresh();
          })
          // The extension was reloaded or removed under this page: nothing left to update.
          .catch((err: unknown) => {
            if (!ctx.isInvalid) console.warn('Moderator Assist: could not read the settings', err);
          });
      } else if (change.data.statuses) {
        authors.refresh();
      }
      if (change.data.removals) overlay.refreshRemovals();
    };
    browser.runtime.onMessage.addListener(onChanged);
    ctx.addEventListener(window, 'wxt:locationchange', () => overlay.navigated());
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onChanged));
  },
});

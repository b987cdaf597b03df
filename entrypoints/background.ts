import { defaultDeps, handleMessage, seedOnInstall } from '../lib/messages/handler';

// The one writer of records: every message from the overlay and the popup goes through
// handleMessage, which validates it and serialises the write. The answer goes back through
// sendResponse (with `return true`), which every browser and the polyfill support.
export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
    void handleMessage(message, defaultDeps).then(sendResponse);
    return true;
  });
  browser.runtime.onInstalled.addListener(() => {
    seedOnInstall(defaultDeps).catch((err: unknown) =>
      console.error('Moderator Assist: could not seed the force accounts on install', err),
    );
  });
});

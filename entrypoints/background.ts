import { RecordsCache } from '../lib/messages/cache';
import { defaultDeps, handleMessage, seedOnInstall } from '../lib/messages/handler';

// The one writer of records: every message from the overlay and the popup goes through
// handleMessage, which validates it and serialises the write. The answer goes back through
// sendResponse (with `return true`), which every browser and the polyfill support.
export default defineBackground(() => {
  // The parsed records stay in memory between requests (a recording must not re-read and re-check
  // 100,000 contacts); writes from elsewhere are noticed through storage.watch and drop the copy.
  const deps = { ...defaultDeps, cache: new RecordsCache() };
  browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
    void handleMessage(message, deps).then(sendResponse);
    return true;
  });
  browser.runtime.onInstalled.addListener(() => {
    seedOnInstall(deps).catch((err: unknown) =>
      console.error('Moderator Assist: could not seed the force accounts on install', err),
    );
  });
});

import { RecordsCache } from '../lib/messages/cache';
import {
  defaultDeps,
  handleMessage,
  readBlockLogNow,
  refreshOverviewSnapshot,
  seedOnInstall,
} from '../lib/messages/handler';
import { ChangeRelay, sendToEveryTab, sendToPages } from '../lib/messages/relay';
import { OverviewSnapshotKeeper } from '../lib/messages/snapshot';
import { installationId } from '../lib/storage/installation';
import { bareKey } from '../lib/storage/keys';
import { blockLogStore } from '../lib/storage/blockLogDb';
import {
  BLOCK_LOG_CHANGE,
  CONTACTS_CHANGE,
  contactBucketItems,
  legacyBlockLogItem,
  legacyContactsItem,
} from '../lib/storage/records';
import { contactStore } from '../lib/storage/contactsDb';
import { otherChainsStore } from '../lib/storage/otherChains';
import { parseSettings, settingsItem } from '../lib/storage/settings';

// The one writer of records: every message from the overlay and the popup goes through
// handleMessage, which validates it and serialises the write. The answer goes back through
// sendResponse (with `return true`), which every browser and the polyfill support.
export default defineBackground(() => {
  // The parsed records stay in memory between requests (a recording must not re-read and re-check
  // 100,000 contacts); writes from elsewhere are noticed through storage.watch and drop the copy.
  // The stored repeat-caller list (local:repeatOverview) is worked out again after every write
  // that changes it, so a popup opened after the service worker has been stopped shows it at once.
  const deps = {
    ...defaultDeps,
    cache: new RecordsCache(),
    snapshot: new OverviewSnapshotKeeper(),
  };
  // The window is the options page's to change: the stored list is for the old one until then.
  settingsItem.watch((next, previous) => {
    if (parseSettings(next).repeatWindowDays === parseSettings(previous).repeatWindowDays) return;
    deps.snapshot.schedule(() => refreshOverviewSnapshot(deps));
  });
  // The chain's installation id is made here, at start-up, so it exists before anything names it
  // (an export's heads, the printable report); pages that ask for it only read it after this.
  installationId().catch((err: unknown) =>
    console.error('Moderator Assist: could not store the installation id', err),
  );
  browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
    void handleMessage(message, deps).then(sendResponse);
    return true;
  });
  // The block log is read (and an older version's log moved into the records database) on
  // install or update, and whenever an older version's storage value appears, so the first
  // moderator to open the Block log tab does not wait for the move.
  const readLog = () =>
    readBlockLogNow(deps).catch((err: unknown) =>
      console.warn('Moderator Assist: could not read the block log', err),
    );
  // Open X and Facebook tabs hear, by a small message, that what their overlay shows has changed;
  // they do not listen to storage themselves (see lib/overlay/changes.ts). The popup hears about
  // every change the same way, for the same reason.
  const relay = new ChangeRelay({
    tabs: (message) =>
      sendToEveryTab(message).catch((err: unknown) =>
        console.warn('Moderator Assist: could not tell the open tabs about a change', err),
      ),
    pages: sendToPages,
  });
  // The block log and the contacts are in the records database, not storage: their stores say
  // when they wrote.
  blockLogStore.onWrite(() => relay.changed([BLOCK_LOG_CHANGE]));
  contactStore.onWrite(() => relay.changed([CONTACTS_CHANGE]));
  otherChainsStore.onWrite(() => relay.changed([BLOCK_LOG_CHANGE]));
  const legacyLogKey = bareKey(legacyBlockLogItem.key);
  const legacyContactKeys = [...contactBucketItems, legacyContactsItem].map((i) => bareKey(i.key));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    relay.changed(Object.keys(changes));
    // Written by something other than the store (a test seeding data, an older build's value put
    // back): read, and move, afresh.
    if (changes[legacyLogKey]?.newValue !== undefined) {
      blockLogStore.forget();
      otherChainsStore.forget();
      void readLog();
    }
    if (legacyContactKeys.some((k) => changes[k]?.newValue !== undefined)) contactStore.forget();
  });
  // Every contact is read (seconds at 100,000) soon after the worker starts, outside the queue:
  // until then a page's status questions and recordings are answered from the people's own key
  // ranges (see `repeatDataFor` in lib/messages/handler.ts), so nobody waits for the read.
  setTimeout(() => {
    void contactStore
      .index(new Date())
      .catch((err: unknown) => console.warn('Moderator Assist: could not read the contacts', err));
  }, 1000);
  browser.runtime.onInstalled.addListener(() => {
    seedOnInstall(deps)
      .catch((err: unknown) =>
        console.error('Moderator Assist: could not seed the force accounts on install', err),
      )
      .finally(() => void readLog());
  });
});

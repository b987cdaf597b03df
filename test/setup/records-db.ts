import { afterEach, beforeEach } from 'vitest';
import { useMemoryRecordsDb } from '../../scripts/lib/memory-db';

// Node has no IndexedDB: every test gets a fresh in-memory records database, as it gets a fresh
// fake browser storage, so no test sees another's records.
let n = 0;
beforeEach(() => useMemoryRecordsDb(`test-records-${++n}`));
// A request a test left running (a popup's read as it unmounted) would otherwise finish in the
// next test, against its storage: it could, say, create that test's installation id before the
// test resets storage, and the block log would then be written under an id the test never sees.
// (Imported here, not at the top: the handler's storage items need the fake browser, which another
// setup file installs.)
afterEach(async () => {
  const { serialise } = await import('../../lib/messages/handler');
  await serialise(async () => undefined);
});

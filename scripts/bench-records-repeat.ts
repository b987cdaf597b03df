/**
 * Repeat-caller scale benchmark: 100,000 contacts over 20,000 users, measured on the paths the
 * extension really takes.
 *
 * - lookup: `userStatus` for one user from prepared data (what the popup's lookup box and each key
 *   of the overlay's status:batch do);
 * - popup list: from the stored value, what the popup does to show the Repeat callers tab: parse
 *   with zod (`ContactsStoreSchema`), build the repeat data (index, links, blocks), then
 *   `repeatCallerList` and `nearThreshold`;
 * - record: `contact:record` through the background handler, with WXT's in-memory fake storage and
 *   the background's parsed-records cache warm (as in the running background, after its first
 *   request); the cold first request (read + zod-check of the whole store) is printed too;
 * - status:batch: the overlay's one question for a page of 500 authors.
 *
 * Prints a PASS/FAIL table and writes bench-results/records-repeat.json.
 *
 *   npx tsx scripts/bench-records-repeat.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Contact } from '../lib/records';

// WXT's storage reads `globalThis.browser`/`chrome`; give it the in-memory fake before loading.
Object.assign(globalThis, { browser: fakeBrowser, chrome: fakeBrowser });

const { RecordsCache } = await import('../lib/messages/cache');
const { handleMessage } = await import('../lib/messages/handler');
const records = await import('../lib/records');
const store = await import('../lib/storage/records');
const { ContactsStoreSchema, buildRepeatData, currentView, nearThreshold, repeatCallerList } =
  records;
const { userStatus } = records;

const CONTACTS = 100_000;
const USERS = 20_000;
const TARGETS = { lookupMs: 10, listMs: 200, recordMs: 20 };
const NOW = new Date('2026-11-25T12:00:00.000Z');
const moderator = { name: 'A. Moderator', staffNumber: '12345' };

function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

// Deterministic spread: most users have a handful of contacts over a year, some many recent ones.
function makeContacts(): Contact[] {
  let seed = 42;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const out: Contact[] = [];
  for (let i = 0; i < CONTACTS; i++) {
    const u = i < USERS ? i : Math.floor(rand() ** 2 * USERS);
    const recent = u % 50 === 0;
    const ageMs = (recent ? rand() * 25 : rand() * 365) * 24 * 3600 * 1000;
    const handle = `user${u}`;
    out.push({
      id: uuid(i + 1),
      userKey: `x:${handle}`,
      user: { platform: 'x', handle },
      platform: 'x',
      accountId: u % 10 === 0 ? 'local-x' : 'main-x',
      at: new Date(NOW.getTime() - ageMs).toISOString(),
      reason: 'inappropriate',
      commentKey: `x:status:${i}`,
      link: `https://x.com/${handle}/status/${i}`,
      note: 'Abusive reply to an appeal.',
      recordedBy: moderator,
    });
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
}

const accounts = [
  ...store.DEFAULT_ACCOUNTS,
  {
    id: 'local-x',
    platform: 'x' as const,
    handle: 'nwleicspolice',
    label: '@NWLeicsPolice',
    enrolledInRepeatCallerScheme: false,
  },
];
await store.moderatorItem.item.setValue(moderator);
await store.accountsItem.item.setValue({ schemaVersion: 1, accounts });
const contacts = makeContacts();
await store.contactsItem.item.setValue({ schemaVersion: 1, contacts });
const raw: unknown = await fakeBrowser.storage.local
  .get('contacts')
  .then((r: Record<string, unknown>) => r.contacts);

// ---- popup list: parse + build + list, from the stored value ---------------------------------
const listRuns: number[] = [];
let listed = 0;
let near = 0;
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  const parsed = ContactsStoreSchema.parse(raw);
  const data = buildRepeatData({
    contacts: parsed.contacts,
    accounts,
    events: [],
    blocks: currentView(records.emptyBlockLog()),
  });
  listed = repeatCallerList(data, NOW).length;
  near = nearThreshold(data, NOW).length;
  listRuns.push(performance.now() - t);
}
const [parsedOnce, parseMs] = time(() => ContactsStoreSchema.parse(raw));
const [data, buildMs] = time(() =>
  buildRepeatData({ contacts: parsedOnce.contacts, accounts, events: [], blocks: [] }),
);

// ---- lookup -----------------------------------------------------------------------------------
const lookupRuns: number[] = [];
for (let i = 0; i < 200; i++) {
  const key = `x:user${Math.floor((i * 7919) % USERS)}`;
  lookupRuns.push(time(() => userStatus(key, data, NOW))[1]);
}
// The busiest person (most contacts) is the worst case for one lookup.
let busiest = '';
let most = 0;
for (const [k, list] of data.index.byUser)
  if (list.length > most) [busiest, most] = [k, list.length];
const worstLookup = median([...Array(20)].map(() => time(() => userStatus(busiest, data, NOW))[1]));

// ---- record through the background handler ---------------------------------------------------
const deps = {
  now: () => NOW,
  newId: (() => {
    let n = CONTACTS + 1000;
    return () => uuid(++n);
  })(),
  cache: new RecordsCache(),
};
function capture(i: number) {
  return {
    platform: 'x' as const,
    key: `x:status:new-${i}`,
    text: 'You lot are useless',
    author: { handle: `user${i % 97}` },
    url: `https://x.com/user${i % 97}/status/new-${i}`,
    permalink: `https://x.com/user${i % 97}/status/new-${i}`,
    pageUrl: 'https://x.com/leicspolice/status/1',
    seenAt: NOW.toISOString(),
    criteria: ['offensive-language' as const],
    findings: [],
    policyVersion: 'bench',
  };
}
const [coldReply, coldMs] = await (async () => {
  const t = performance.now();
  const r = await handleMessage({ type: 'contact:record', comment: capture(0) }, deps);
  return [r, performance.now() - t] as const;
})();
if (!coldReply.ok) throw new Error(`record failed: ${coldReply.error}`);
const recordRuns: number[] = [];
for (let i = 1; i <= 30; i++) {
  const t = performance.now();
  const r = await handleMessage({ type: 'contact:record', comment: capture(i) }, deps);
  recordRuns.push(performance.now() - t);
  if (!r.ok) throw new Error(`record failed: ${r.error}`);
  // Let the storage change event come back, as it would between two clicks.
  await new Promise((resolve) => setTimeout(resolve, 0));
}
const stored = (await store.contactsItem.item.getValue()).contacts.length;

// The same recording without the storage write: what the background itself does per contact
// (validate the new contact, add it to the cached index, work out the user's status).
const memRuns: number[] = [];
for (let i = 0; i < 30; i++) {
  memRuns.push(
    time(() => {
      const c = records.newContact(
        {
          user: { platform: 'x', handle: `mem${i}` },
          accountId: 'main-x',
          reason: 'inappropriate',
        },
        moderator,
        NOW,
        uuid(5_000_000 + i),
      );
      records.addContact(data.index, c);
      userStatus(c.userKey, data, NOW);
    })[1],
  );
}
// One storage write of the whole store, as every recording must do with contacts in one key.
const writeRuns: number[] = [];
for (let i = 0; i < 5; i++) {
  const value = { schemaVersion: 1 as const, contacts: [...contacts] };
  const t = performance.now();
  await fakeBrowser.storage.local.set({ benchWrite: value });
  writeRuns.push(performance.now() - t);
}

// ---- status:batch for a page of 500 authors ----------------------------------------------------
const batchKeys = [...Array(500)].map((_, i) => `x:user${(i * 37) % USERS}`);
const batchRuns: number[] = [];
for (let i = 0; i < 10; i++) {
  const t = performance.now();
  const r = await handleMessage(
    {
      type: 'status:batch',
      userKeys: batchKeys,
      platform: 'x',
      pageUrl: 'https://x.com/leicspolice/status/1',
    },
    deps,
  );
  batchRuns.push(performance.now() - t);
  if (!r.ok) throw new Error(`status:batch failed: ${r.error}`);
}

const rows = [
  {
    what: 'lookup, one user (median of 200)',
    ms: median(lookupRuns),
    target: TARGETS.lookupMs,
  },
  {
    what: `lookup, busiest person (${most} contacts)`,
    ms: worstLookup,
    target: TARGETS.lookupMs,
  },
  {
    what: 'popup list: zod parse + build + list + near (median of 5)',
    ms: median(listRuns),
    target: TARGETS.listMs,
  },
  {
    what: 'record a contact via the background, cache warm (median of 30)',
    ms: median(recordRuns),
    target: TARGETS.recordMs,
  },
  {
    what: 'record: the in-memory part (new contact, index, status; median)',
    ms: median(memRuns),
    target: TARGETS.recordMs,
  },
  {
    what: 'record a contact via the background, slowest of 30',
    ms: Math.max(...recordRuns),
    target: TARGETS.recordMs,
  },
];

console.log(
  `Repeat callers at scale: ${CONTACTS.toLocaleString('en-GB')} contacts, ${USERS.toLocaleString('en-GB')} users`,
);
console.log(`  on the list: ${listed}, one short: ${near}; contacts after recording: ${stored}`);
console.log(
  `  parts of the popup list: zod parse ${parseMs.toFixed(1)} ms, build ${buildMs.toFixed(1)} ms`,
);
console.log(
  `  first request after the background starts (reads + checks the whole store): ${coldMs.toFixed(1)} ms`,
);
console.log(
  `  one write of the whole contacts array to (fake, in-memory) extension storage: ${median(writeRuns).toFixed(1)} ms`,
);
console.log(
  `  status:batch for 500 authors (the overlay's question for a page): ${median(batchRuns).toFixed(1)} ms`,
);
console.log('');
console.log(`${'measure'.padEnd(66)} ${'ms'.padStart(8)} ${'target'.padStart(8)}  result`);
let failed = false;
for (const r of rows) {
  const pass = r.ms < r.target;
  failed ||= !pass;
  console.log(
    `${r.what.padEnd(66)} ${r.ms.toFixed(3).padStart(8)} ${`< ${r.target}`.padStart(8)}  ${pass ? 'PASS' : 'FAIL'}`,
  );
}
console.log(
  '\nThe recording time is the storage write: contacts live in one storage key, so each recording\n' +
    'writes (and the browser serialises) the whole array. Meeting 20 ms at this size needs the\n' +
    'contacts split across keys (e.g. by month); the in-memory part is well under target.',
);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(path.join(root, 'bench-results'), { recursive: true });
writeFileSync(
  path.join(root, 'bench-results', 'records-repeat.json'),
  `${JSON.stringify(
    {
      contacts: CONTACTS,
      users: USERS,
      rows,
      parseMs,
      buildMs,
      coldRecordMs: coldMs,
      statusBatch500Ms: median(batchRuns),
    },
    null,
    2,
  )}\n`,
);
process.exitCode = failed ? 1 : 0;

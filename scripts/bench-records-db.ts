/**
 * Records at scale through the background handler, with 10,000 block-log entries (about 13,300
 * chained records) and 100,000 contacts stored, on the paths a moderator waits for:
 *
 * - logging a block (`block:confirm`, 30 drafts, p95): one new document in the records database
 *   and the block log's list, never the whole log;
 * - recording a contact (`contact:record`, 30, p95) with the block log present;
 * - the repeat-caller list (`repeat:overview`, warm, median of 10);
 * - and, with no pass mark, what happens once: moving an older version's log (one storage value)
 *   into the database, and a stopped worker's first read of the log.
 *
 * Node has no IndexedDB, so the database is PouchDB's in-memory adapter here; the same paths in
 * real Chromium are timed by test/browser/blocklog-scale.test.ts. Prints a PASS/FAIL table and
 * writes bench-results/records-db.json; exits 1 when a target is missed.
 *
 *   npx tsx scripts/bench-records-db.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// WXT's storage reads `globalThis.browser`/`chrome`; give it the in-memory fake before loading.
Object.assign(globalThis, { browser: fakeBrowser, chrome: fakeBrowser });
await (await import('./lib/memory-db')).useMemoryRecordsDb('bench-records-db');

const { RecordsCache } = await import('../lib/messages/cache');
const { OverviewSnapshotKeeper } = await import('../lib/messages/snapshot');
const { handleMessage } = await import('../lib/messages/handler');
const { emptyDraft } = await import('../lib/messages/draft');
const { blockLogStore } = await import('../lib/storage/blockLogDb');
const { replaceContacts } = await import('../lib/storage/contactsDb');
const store = await import('../lib/storage/records');
const records = await import('../lib/records');
const { benchComment, makeBlockLog, makeContacts } = await import('./lib/records-data');

const ENTRIES = 10_000;
const CONTACTS = 100_000;
const USERS = 20_000;
const RUNS = 30;
const TARGETS = { logBlockP95: 50, recordP95: 10, listMs: 200 };
const NOW = new Date('2026-11-25T12:00:00.000Z');
const moderator = { name: 'A. Moderator', staffNumber: '12345' };

function uuid(n: number): string {
  return `00000000-0000-4000-9000-${n.toString(16).padStart(12, '0')}`;
}
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}
async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}
/** Lets storage change events come back, as they would between two clicks. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

await store.moderatorItem.item.setValue(moderator);
await store.accountsItem.item.setValue({
  schemaVersion: 1,
  accounts: store.DEFAULT_ACCOUNTS.map((a) => ({ ...a })),
});
await replaceContacts(makeContacts(CONTACTS, USERS, NOW));
const log = await makeBlockLog(ENTRIES);

// ---- once: an older version's log moved into the database, then a stopped worker's first read
await store.legacyBlockLogItem.item.setValue(log);
const [moved, moveMs] = await timeAsync(() => blockLogStore.read(NOW));
if (moved.problem || moved.value.records.length !== log.records.length) {
  throw new Error(`migration: ${moved.problem?.message ?? 'records missing'}`);
}
blockLogStore.forget();
const [, coldReadMs] = await timeAsync(() => blockLogStore.read(NOW));

let n = 0;
const deps = {
  now: () => NOW,
  newId: () => uuid(++n),
  cache: new RecordsCache(),
  // Flushed never: no refresh of the stored list lands inside a measurement.
  snapshot: new OverviewSnapshotKeeper(600_000),
};
async function ask(req: import('../lib/messages/protocol').Request) {
  const r = await handleMessage(req, deps);
  if (!r.ok) throw new Error(`${req.type} failed: ${r.error}`);
  return r;
}
// Warm: the background has answered once (contacts parsed and indexed, as after its first request).
await ask({ type: 'repeat:overview' });

// ---- logging a block -----------------------------------------------------------------------------
const evidenceText = 'You lot are useless';
const sha256 = await records.sha256Hex(evidenceText);
const logRuns: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const draft = {
    ...emptyDraft(uuid(100_000 + i), NOW, 'x', 'main-x'),
    handle: `blocked${i}`,
    engagements: [
      { at: '2026-11-24T09:00', method: 'public-reply' as const, said: 'Keep it civil.', link: '' },
    ],
    adviceFrom: 'DMT duty officer',
    adviceAt: '2026-11-24T10:00',
    adviceText: 'Block and log it.',
    criteria: ['threat-abuse-hate' as const],
    justification: 'Continued abuse after engagement and advice.',
    evidence: [
      {
        text: evidenceText,
        author: { handle: `blocked${i}` },
        url: `https://x.com/blocked${i}/status/${i}`,
        capturedAt: NOW.toISOString(),
        sha256,
      },
    ],
  };
  await store.draftsItem.item.setValue({ schemaVersion: 1, drafts: [draft] });
  await settle();
  logRuns.push((await timeAsync(() => ask({ type: 'block:confirm', draft })))[1]);
  await settle();
}
const stored = (await blockLogStore.read(NOW)).value;
if (stored.records.length !== log.records.length + RUNS) throw new Error('blocks not all logged');

// ---- recording a contact ---------------------------------------------------------------------------
const recordRuns: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const comment = benchComment(i, NOW);
  recordRuns.push((await timeAsync(() => ask({ type: 'contact:record', comment })))[1]);
  await settle();
}

// ---- the repeat-caller list --------------------------------------------------------------------
const listRuns: number[] = [];
for (let i = 0; i < 10; i++) {
  listRuns.push((await timeAsync(() => ask({ type: 'repeat:overview' })))[1]);
}
deps.snapshot.cancel();

const median = (xs: number[]) => percentile(xs, 50);
const rows = [
  {
    what: `log a block (block:confirm), p95 of ${RUNS}`,
    ms: percentile(logRuns, 95),
    target: TARGETS.logBlockP95,
  },
  {
    what: `record a contact (contact:record), p95 of ${RUNS}`,
    ms: percentile(recordRuns, 95),
    target: TARGETS.recordP95,
  },
  {
    what: 'repeat-caller list (repeat:overview), warm, median of 10',
    ms: median(listRuns),
    target: TARGETS.listMs,
  },
];
console.log(
  `Records at scale: ${ENTRIES.toLocaleString('en-GB')} block-log entries (${log.records.length.toLocaleString('en-GB')} chained records), ${CONTACTS.toLocaleString('en-GB')} contacts; records database: PouchDB in memory`,
);
console.log(
  `  log a block: median ${median(logRuns).toFixed(1)} ms, slowest ${Math.max(...logRuns).toFixed(1)} ms`,
);
console.log(
  `  record a contact: median ${median(recordRuns).toFixed(1)} ms, slowest ${Math.max(...recordRuns).toFixed(1)} ms`,
);
console.log(
  `  once: moving the old single-value log into the database ${moveMs.toFixed(0)} ms; a stopped worker's first read of the log ${coldReadMs.toFixed(0)} ms`,
);
console.log('');
console.log(`${'measure'.padEnd(62)} ${'ms'.padStart(8)} ${'target'.padStart(8)}  result`);
let failed = false;
for (const r of rows) {
  const pass = r.ms < r.target;
  failed ||= !pass;
  console.log(
    `${r.what.padEnd(62)} ${r.ms.toFixed(2).padStart(8)} ${`< ${r.target}`.padStart(8)}  ${pass ? 'PASS' : 'FAIL'}`,
  );
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(path.join(root, 'bench-results'), { recursive: true });
writeFileSync(
  path.join(root, 'bench-results', 'records-db.json'),
  `${JSON.stringify(
    {
      entries: ENTRIES,
      chainedRecords: log.records.length,
      contacts: CONTACTS,
      rows,
      logBlockMs: { median: median(logRuns), max: Math.max(...logRuns) },
      recordContactMs: { median: median(recordRuns), max: Math.max(...recordRuns) },
      migrateMs: moveMs,
      coldReadMs,
    },
    null,
    2,
  )}\n`,
);
process.exitCode = failed ? 1 : 0;

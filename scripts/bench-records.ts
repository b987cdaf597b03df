/**
 * Block-log benchmark at scale: 10,000 entries (about 13,300 chained records with amendments).
 * Times what the popup and the exports do with the whole log: building the current view,
 * verifying the hash chain, searching and filtering with the block log tab's own filter function,
 * exporting every entry to CSV and JSON, and checking a JSON export as `npm run verify-export`
 * does. Each must finish in under 2 s. Prints a PASS/FAIL table and writes
 * bench-results/records.json; exits 1 when a target is missed.
 *
 *   npx tsx scripts/bench-records.ts [ENTRIES]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  blockLogCsv,
  currentView,
  exportBlockLog,
  exportJson,
  BlockIndexSchema,
  blockIndexOf,
  filterBlockRows,
  filterBlockViews,
  parseExport,
  verifyChain,
  verifyExport,
  type BlockLogQuery,
} from '../lib/records';
import { repoRoot } from './lib/data';
import { makeBlockLog } from './lib/records-data';

const ENTRIES = Number(process.argv[2] ?? 10_000);
const TARGET_MS = 2_000;
const RUNS = 3;

interface Row {
  task: string;
  ms: number;
  detail: string;
  pass: boolean;
}

/** The slowest of RUNS runs (the first run includes JIT warm-up, which a moderator also waits for). */
async function time<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  let worst = 0;
  let value!: T;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    value = await fn();
    worst = Math.max(worst, performance.now() - t0);
  }
  return { ms: worst, value };
}

const moderator = { name: 'Bench Moderator', staffNumber: '4242' };
const now = new Date('2027-01-05T12:00:00.000Z');

const t0 = performance.now();
const log = await makeBlockLog(ENTRIES);
const buildMs = performance.now() - t0;
const rows: Row[] = [];
const add = (task: string, ms: number, detail: string) =>
  rows.push({ task, ms, detail, pass: ms < TARGET_MS });

const view = await time(() => currentView(log));
add('Build the current view (amendments folded)', view.ms, `${view.value.length} entries`);

const verify = await time(() => verifyChain(log));
if (!verify.value.ok) throw new Error(`the generated log does not verify: ${verify.value.reason}`);
add(
  'Verify the hash chain (SHA-256, schemas, evidence)',
  verify.ms,
  `${verify.value.count} records`,
);

// What the Block log tab draws from: the list the background makes from the log it holds (from
// scratch here: the background then keeps it from one log to the next) and sends when the tab
// opens; the tab itself only reads it and filters its rows.
const index = await time(() => blockIndexOf(log));
const indexJson = JSON.stringify(index.value);
add(
  'Build the list the Block log tab draws from (background, from scratch)',
  index.ms,
  `${index.value.rows.length} rows, ${(indexJson.length / 1e6).toFixed(1)} MB vs log ${(JSON.stringify(log).length / 1e6).toFixed(1)} MB`,
);
const openTab = await time(() => BlockIndexSchema.parse(JSON.parse(indexJson)).rows.toReversed());
add('Open the Block log tab: parse and check the list', openTab.ms, `${openTab.value.length} rows`);

const views = view.value.slice().reverse();
const listRows = openTab.value;
const queries: [string, BlockLogQuery][] = [
  ['search "user12"', { search: 'user12' }],
  [
    'search "@USER4" + platform X + outcome blocked',
    { search: '@USER4', platform: 'x', status: 'blocked' },
  ],
  [
    'criterion spam + date range (6 months)',
    { criterion: 'spam', from: '2026-03-01', to: '2026-08-31' },
  ],
  ['search that matches nothing', { search: 'nobody-at-all' }],
];
for (const [label, q] of queries) {
  const r = await time(() => filterBlockRows(listRows, q));
  const full = filterBlockViews(views, q);
  if (full.length !== r.value.length) throw new Error(`the list and the log disagree on ${label}`);
  add(`Filter all entries: ${label}`, r.ms, `${r.value.length} match`);
}

const csv = await time(() => blockLogCsv(log, {}));
add('Export every entry to CSV', csv.ms, `${(csv.value.length / 1e6).toFixed(1)} MB`);

const userCsv = await time(() => blockLogCsv(log, { user: 'x:user7', from: '2026-02-01' }));
add(
  'Export one user (and date range) to CSV',
  userCsv.ms,
  `${userCsv.value.split('\r\n').length - 1} rows`,
);

// The bench has no extension storage, so no installation id of its own: any UUID will do.
const installation = crypto.randomUUID();
const json = await time(() => exportJson(exportBlockLog(log, {}, moderator, now, installation)));
add('Export every entry to JSON', json.ms, `${(json.value.length / 1e6).toFixed(1)} MB`);

const check = await time(async () => {
  const parsed = parseExport(json.value);
  if (!parsed.ok) throw new Error(parsed.message);
  return verifyExport(parsed.file);
});
if (!check.value.ok) throw new Error(`the JSON export does not verify: ${check.value.reason}`);
add(
  'Read back and verify the JSON export (verify-export)',
  check.ms,
  `${check.value.count} records`,
);

const outDir = path.join(repoRoot, 'bench-results');
mkdirSync(outDir, { recursive: true });
writeFileSync(
  path.join(outDir, 'records.json'),
  `${JSON.stringify({ entries: ENTRIES, records: log.records.length, targetMs: TARGET_MS, runs: RUNS, rows }, null, 2)}\n`,
);

const width = Math.max(...rows.map((r) => r.task.length));
console.log(
  `Block log at scale: ${ENTRIES} entries, ${log.records.length} chained records (generated in ${(buildMs / 1000).toFixed(1)} s). Slowest of ${RUNS} runs; target < ${TARGET_MS} ms each.\n`,
);
console.log(`${'task'.padEnd(width)}   ${'ms'.padStart(7)}   result   detail`);
for (const r of rows) {
  console.log(
    `${r.task.padEnd(width)}   ${r.ms.toFixed(0).padStart(7)}   ${r.pass ? 'PASS  ' : 'FAIL  '}   ${r.detail}`,
  );
}
const failed = rows.filter((r) => !r.pass);
console.log(
  failed.length === 0 ? '\nAll block-log targets met.' : `\n${failed.length} target(s) missed.`,
);
if (failed.length > 0) process.exitCode = 1;

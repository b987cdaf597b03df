#!/usr/bin/env node
// `npm test`: everything, in the order a reviewer would check it. Stops at the first failing step
// and says which one. Ends with one "N passed, N failed" line summing the test runners.
//   npm test -- --setup-only   install what is missing (dependencies, Chromium), then stop
// Only Node's own modules are imported statically: on a fresh clone nothing else is installed yet.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureDependencies } from './lib/setup.mjs';

const root = resolve(import.meta.dirname, '..');
const polyfill = resolve(root, 'scripts/node-polyfills.mjs');
const env = {
  ...process.env,
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${polyfill}`.trim(),
  FORCE_COLOR: '0',
};
const counts = { passed: 0, failed: 0, skipped: 0 };

function run(title, cmd, args, opts = {}) {
  console.log(`\n=== ${title}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`\n✖ ${title} failed (exit ${r.status ?? r.signal}).`);
    console.log(`${counts.passed} passed, ${counts.failed + 1} failed`);
    process.exit(1);
  }
}

function vitest(title, args) {
  const out = resolve(root, `.tmp/vitest-${title.replace(/\W+/g, '-')}.json`);
  rmSync(out, { force: true });
  console.log(`\n=== ${title}: vitest run ${args.join(' ')}`);
  const r = spawnSync(
    'npx',
    ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    { cwd: root, env, stdio: 'inherit' },
  );
  if (existsSync(out)) {
    const j = JSON.parse(readFileSync(out, 'utf8'));
    counts.passed += j.numPassedTests;
    counts.failed += j.numFailedTests;
    counts.skipped += j.numPendingTests + (j.numTodoTests ?? 0);
  }
  if (r.status !== 0) {
    console.error(`\n✖ ${title} failed.`);
    console.log(`${counts.passed} passed, ${Math.max(1, counts.failed)} failed`);
    process.exit(1);
  }
}

ensureDependencies(root);
const { findChromium } = await import('./lib/browser.mjs');
if (process.argv.includes('--setup-only')) {
  env.CHROME_PATH = findChromium({ install: true });
  console.log(`Set up: dependencies installed, Chromium at ${env.CHROME_PATH}.`);
  process.exit(0);
}
run('prepare', 'npx', ['wxt', 'prepare']);
run('typecheck', 'npx', ['tsc', '--noEmit']);
run('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
run('format', 'npx', ['prettier', '--check', '.']);
vitest('unit', []);
run('build (Chrome, MV3)', 'npx', ['wxt', 'build']);
run('build (Firefox)', 'npx', ['wxt', 'build', '-b', 'firefox']);
run('web-ext lint (Firefox build)', 'npx', [
  'web-ext',
  'lint',
  '-s',
  '.output/firefox-mv2',
  '--self-hosted',
]);
// findChromium installs Debian's chromium when it can, or explains what to do and exits.
env.CHROME_PATH = findChromium({ install: true });
vitest('real browser', ['--config', 'vitest.browser.config.ts']);
console.log(`\nAll steps passed.`);
console.log(
  `${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`,
);

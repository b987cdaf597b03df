// `npm start` and `npm test` on a fresh clone: they must install the dependencies before importing
// anything that needs them. Each case copies the project's files (as a clone would have them, no
// node_modules) to a temporary folder and runs an entry script with `--setup-only`; the install
// step is replaced (MA_INSTALL_COMMAND) by linking this checkout's node_modules, so nothing is
// downloaded, and CHROME_PATH points at an existing file so no Chromium is installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { installReason } from '../../scripts/lib/setup.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The project's files as a clone has them: tracked and new files, nothing ignored. */
function freshClone(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ma-clone-'));
  made.push(dir);
  const files = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  )
    .split('\0')
    .filter(Boolean);
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    try {
      copyFileSync(path.join(root, f), path.join(dir, f));
    } catch {
      // A file deleted in the work tree but not yet in the index: a clone would not have it.
    }
  }
  return dir;
}

function runEntry(dir: string, script: 'scripts/test.mjs' | 'scripts/start.mjs') {
  const marker = path.join(dir, 'installed-by-stub');
  const r = spawnSync(process.execPath, [script, '--setup-only'], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      MA_INSTALL_COMMAND: `ln -s "${path.join(root, 'node_modules')}" node_modules && touch "${marker}"`,
      CHROME_PATH: process.execPath,
    },
  });
  return { ...r, out: `${r.stdout}\n${r.stderr}` };
}

describe('the two commands on a fresh clone', () => {
  for (const script of ['scripts/test.mjs', 'scripts/start.mjs'] as const) {
    it(`${script} installs the dependencies before it needs them`, () => {
      const dir = freshClone();
      expect(installReason(dir)).toBe('node_modules is missing');
      const r = runEntry(dir, script);
      expect(r.out).not.toMatch(/ERR_MODULE_NOT_FOUND/);
      expect(r.out).toMatch(/=== install \(node_modules is missing\)/);
      expect(r.out).toContain(`Set up: dependencies installed, Chromium at ${process.execPath}.`);
      expect(r.status).toBe(0);
    });
  }

  it('installs again when the lock file is newer than node_modules, and not otherwise', () => {
    const dir = freshClone();
    execFileSync('ln', ['-s', path.join(root, 'node_modules'), path.join(dir, 'node_modules')]);
    const lock = path.join(dir, 'package-lock.json');
    const old = new Date('2000-01-01T00:00:00Z');
    utimesSync(lock, old, old);
    expect(installReason(dir)).toBeNull();
    const quiet = runEntry(dir, 'scripts/test.mjs');
    expect(quiet.out).not.toMatch(/=== install/);
    expect(quiet.status).toBe(0);

    const later = new Date(Date.now() + 60_000);
    utimesSync(lock, later, later);
    expect(installReason(dir)).toBe('package-lock.json is newer than node_modules');
  });

  it('stops with a clear message when the install fails', () => {
    const dir = freshClone();
    const r = spawnSync(process.execPath, ['scripts/test.mjs', '--setup-only'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '', MA_INSTALL_COMMAND: 'exit 3' },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Installing the dependencies failed \(exit 3\)/);
  });
});

// What `npm start` and `npm test` do before anything else on a fresh clone: install the locked
// dependencies when they are missing or older than package-lock.json. Only Node's own modules may
// be imported here, since nothing else is installed yet when this runs.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * Why the dependencies need installing, or null when node_modules matches the lock file. npm writes
 * node_modules/.package-lock.json after every install, so a lock file newer than it (a pull that
 * changed dependencies) means node_modules is out of date.
 */
export function installReason(root = ROOT) {
  const lock = join(root, 'package-lock.json');
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return 'node_modules is missing';
  if (statSync(lock).mtimeMs > statSync(installed).mtimeMs) {
    return 'package-lock.json is newer than node_modules';
  }
  return null;
}

/**
 * Install the locked dependencies (`npm ci`) when `installReason` says they are needed. The
 * command can be replaced through MA_INSTALL_COMMAND (a shell command line), so the fresh-clone
 * test can check the order of the steps without a real install.
 */
export function ensureDependencies(root = ROOT) {
  const reason = installReason(root);
  if (!reason) return false;
  const override = process.env.MA_INSTALL_COMMAND;
  console.log(`\n=== install (${reason}): ${override ?? 'npm ci --no-audit --no-fund'}`);
  const r = override
    ? spawnSync(override, { cwd: root, stdio: 'inherit', shell: true })
    : spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(
      `\nInstalling the dependencies failed (exit ${r.status ?? r.signal}); see the output above.` +
        '\nThe npm registry must be reachable. Run `npm ci` by hand to retry.',
    );
    process.exit(1);
  }
  return true;
}

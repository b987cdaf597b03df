import { z } from 'zod';
import { storage } from 'wxt/utils/storage';

/**
 * `local:installationId`: a UUID naming this installation, made the first time it is asked for.
 * Each installation keeps its own block-log chain, and exports name the chain by it (the
 * `installationId` of each of an export's `heads`). Read it through `installationId()`, which
 * creates it; nothing else writes it.
 */
export const installationIdItem = storage.defineItem<string | null>('local:installationId', {
  fallback: null,
});

const LOCK = 'moderator-assist:installationId';

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

function lockManager(): LockManagerLike | undefined {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks;
}

async function readOrCreate(): Promise<string> {
  const stored = await installationIdItem.getValue();
  if (z.uuid().safeParse(stored).success) return stored!;
  // A value that is not a UUID cannot have gone into an export (exports are checked against
  // `ChainHeadSchema`), so replacing it loses nothing.
  const id = globalThis.crypto.randomUUID();
  await installationIdItem.setValue(id);
  return id;
}

let creating: Promise<string> | undefined;

/**
 * This installation's id, creating and storing it the first time. The background and an
 * extension page (the report) may both ask before it exists: a Web Lock, where the browser has
 * them, makes them agree on one id, and calls within one page share one read.
 *
 * @example
 * const id = await installationId(); // '5c0c1c52-8d55-4d5e-b1c3-8a9f0d1e2f30', the same every time
 */
export function installationId(): Promise<string> {
  creating ??= (async () => {
    try {
      const locks = lockManager();
      return await (locks ? locks.request(LOCK, readOrCreate) : readOrCreate());
    } finally {
      creating = undefined;
    }
  })();
  return creating;
}

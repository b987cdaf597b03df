import type { BlockLog } from '../lib/records';
import { loadBlockLog, replaceBlockLog } from '../lib/storage/blockLogDb';

/** The block log as stored in the records database (read as the popup and report read it). */
export async function storedBlockLog(): Promise<BlockLog> {
  return (await loadBlockLog(new Date())).value;
}

/** Stores `log` as the whole block log, as data already there before a test begins. */
export function storeBlockLog(log: BlockLog): Promise<void> {
  return replaceBlockLog(log);
}

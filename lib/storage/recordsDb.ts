import PouchDB from 'pouchdb-core';
import IndexedDbAdapter from 'pouchdb-adapter-indexeddb';

PouchDB.plugin(IndexedDbAdapter);

/** The records database's name in the extension's IndexedDB. */
export const RECORDS_DB_NAME = 'moderator-assist-records';

/** The records database: every record is one document, named by a stable `_id`. */
export type RecordsDb = PouchDB.Database;

let open: () => RecordsDb = () => new PouchDB(RECORDS_DB_NAME, { adapter: 'indexeddb' });
let db: RecordsDb | undefined;
let generation = 0;

/**
 * The records database (PouchDB over the extension's IndexedDB), opened on first use. Every
 * extension page opens its own handle onto the same IndexedDB database; only the background
 * writes (see `BlockLogStore` in lib/storage/blockLogDb.ts).
 *
 * @example
 * const info = await recordsDb().info();
 */
export function recordsDb(): RecordsDb {
  db ??= open();
  return db;
}

/**
 * How many times the database was replaced (`useRecordsDb`) or written by something other than a
 * store's own write: a copy made under an older generation must be read again.
 */
export function recordsGeneration(): number {
  return generation;
}

/** Notes a write a store's copy did not make (a test seeding data, a second store). */
export function bumpRecordsGeneration(): number {
  return ++generation;
}

/** How long a replaced database stays open, for reads already under way on it. */
const REPLACED_CLOSE_MS = 5000;

/**
 * Opens the records database with `opener` from now on (Node tests use `pouchdb-adapter-memory`,
 * a fresh database per test: see test/setup/records-db.ts). The one it replaces is destroyed a
 * few seconds later, not at once: a read an extension page began on it (a form still loading as
 * its test ended) then finishes instead of failing with "database is closed".
 *
 * @example
 * await useRecordsDb(() => new PouchDB(`test-${n}`, { adapter: 'memory' }));
 */
export function useRecordsDb(opener: () => RecordsDb): Promise<void> {
  const old = db;
  db = undefined;
  open = opener;
  generation++;
  if (old) setTimeout(() => void old.destroy().catch(() => undefined), REPLACED_CLOSE_MS);
  return Promise.resolve();
}

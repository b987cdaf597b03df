import PouchDB from 'pouchdb-core';
import MemoryAdapter from 'pouchdb-adapter-memory';
import { useRecordsDb } from '../../lib/storage/recordsDb';

PouchDB.plugin(MemoryAdapter);

/**
 * Points the records database at a fresh in-memory PouchDB named `name` (Node has no IndexedDB):
 * for the tests (test/setup/records-db.ts) and the benchmarks.
 *
 * @example
 * await useMemoryRecordsDb('bench');
 */
export function useMemoryRecordsDb(name: string): Promise<void> {
  return useRecordsDb(() => new PouchDB(name, { adapter: 'memory' }));
}

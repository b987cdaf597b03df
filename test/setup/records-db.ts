import { beforeEach } from 'vitest';
import { useMemoryRecordsDb } from '../../scripts/lib/memory-db';

// Node has no IndexedDB: every test gets a fresh in-memory records database, as it gets a fresh
// fake browser storage, so no test sees another's records.
let n = 0;
beforeEach(() => useMemoryRecordsDb(`test-records-${++n}`));

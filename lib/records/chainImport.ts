import { allLinks } from './chain';
import type { OtherChain } from './chains';
import type { BlockLog, ImportProvenance } from './schemas';

/**
 * What a restore adds of one other installation's chain: only the links not yet held here,
 * exactly as the backup holds them (same seq, hashes and content), and what its provenance
 * document will say of them (`file`, `by` and `at` are the restore's).
 */
export interface PlannedChainImport {
  installationId: string;
  add: BlockLog;
  firstSeq: number;
  lastSeq: number;
  headHash: string;
  recordIds: string[];
  /** How the backup's own installation came to hold the chain (carried over as they were). */
  carried: ImportProvenance[];
}

/** What planning found for one chain: added, already held, or refused (and why). */
export type ChainImportOutcome =
  | { kind: 'add'; plan: PlannedChainImport; duplicate: number }
  | { kind: 'held'; duplicate: number }
  | { kind: 'refused'; why: string };

/**
 * Plans the import of another installation's chain against the copy held here (if any). Links
 * are matched by position and hash, never by content: a chain held here that the backup's
 * extends gets the newer links; a backup that holds no more than is here adds nothing (so the
 * same backup restored twice adds nothing the second time); a backup whose chain differs from
 * the copy here at some link is refused whole, since one of the two was altered and records are
 * never replaced.
 *
 * @example
 * const r = planChainImport(heldHere, fromBackup);
 * if (r.kind === 'add') r.plan.recordIds; // the ids the restore's audit event lists
 */
export function planChainImport(
  held: OtherChain | undefined,
  incoming: OtherChain,
): ChainImportOutcome {
  const have = held ? allLinks(held.log) : [];
  const theirs = allLinks(incoming.log);
  const common = Math.min(have.length, theirs.length);
  for (let i = 0; i < common; i++) {
    if (have[i]!.hash !== theirs[i]!.hash) {
      return {
        kind: 'refused',
        why: `Installation ${incoming.installationId}’s chain in the file differs at record ${i} from the copy held here from an earlier restore; records are never replaced, so the copy here was kept and none of the file’s records of that chain were restored.`,
      };
    }
  }
  const duplicate = incoming.log.records.filter((r) => r.seq < have.length).length;
  if (theirs.length <= have.length) return { kind: 'held', duplicate };
  const from = have.length;
  const records = incoming.log.records.filter((r) => r.seq >= from);
  const erased = (incoming.log.erased ?? []).filter((t) => t.seq >= from);
  const last = theirs.at(-1)!;
  return {
    kind: 'add',
    duplicate,
    plan: {
      installationId: incoming.installationId,
      add: { schemaVersion: 1, records, ...(erased.length > 0 ? { erased } : {}) },
      firstSeq: from,
      lastSeq: last.seq,
      headHash: last.hash,
      recordIds: records.map((r) => r.record.id),
      carried: held ? [] : incoming.imports,
    },
  };
}

import {
  ImportProvenanceSchema,
  type BlockLog,
  type ImportProvenance,
  type OtherChain,
} from '../records';
import { chainPrefix, docsOf, loadChain, recordProblem, writeDocs } from './blockLogDocs';
import { installationId } from './installation';
import type { DataProblem } from './records';
import { recordsDb, recordsGeneration, type RecordsDb } from './recordsDb';
import { WriteListeners } from './writeListeners';

/**
 * Other installations' chains in the records database, side by side with this one's: their links
 * are `chain:<their installation id>:<seq>` documents exactly as in the backup they came from
 * (never re-hashed or re-chained), and each restore that brought links in leaves one provenance
 * document, `import:<their installation id>:<time of the restore>`, naming the backup file, who
 * restored it and when, and the links and record ids it added. Only a restore writes either.
 */
export const IMPORT_PREFIX = 'import:';

/**
 * The id of the provenance document of one restore of an installation's records.
 *
 * @example
 * importDocId(other, '2026-11-25T15:00:00.000Z'); // 'import:<other>:2026-11-25T15:00:00.000Z'
 */
export function importDocId(installation: string, at: string): string {
  return `${IMPORT_PREFIX}${installation}:${at}`;
}

/** The installation ids of every chain in the database other than `installation`. */
async function otherIds(db: RecordsDb, installation: string): Promise<string[]> {
  const prefix = chainPrefix(installation);
  // Keys only, on both sides of this installation's range: its own links are not listed.
  const ranges = [
    { startkey: 'chain:', endkey: prefix, inclusive_end: false },
    { startkey: `${prefix}\ufff0`, endkey: 'chain:\ufff0' },
  ];
  const ids = new Set<string>();
  for (const range of ranges) {
    for (const row of (await db.allDocs(range)).rows) {
      const id = row.id.split(':')[1];
      if (id && id !== installation) ids.add(id);
    }
  }
  return [...ids].sort();
}

/**
 * Reads every other installation's chain, with the provenance of its imports. Set-aside records
 * (schema failures) are named per chain, as for this installation's (`loadChain`); an unreadable
 * provenance document is named and left as it is.
 *
 * @example
 * const { chains } = await loadOtherChains(recordsDb(), await installationId(), new Date());
 */
export async function loadOtherChains(
  db: RecordsDb,
  installation: string,
  now: Date,
): Promise<{ chains: OtherChain[]; problems: DataProblem[] }> {
  const problems: DataProblem[] = [];
  const imports = new Map<string, ImportProvenance[]>();
  const rows = (
    await db.allDocs({
      include_docs: true,
      startkey: IMPORT_PREFIX,
      endkey: `${IMPORT_PREFIX}\ufff0`,
    })
  ).rows;
  for (const row of rows) {
    if (!('doc' in row) || !row.doc) continue;
    const parsed = ImportProvenanceSchema.safeParse((row.doc as { import?: unknown }).import);
    if (!parsed.success) {
      problems.push({
        key: row.id,
        at: now.toISOString(),
        message: `The record of a restore (${row.id}) is not readable; the imported records it describes are shown without it, and it is kept as it was stored.`,
      });
      continue;
    }
    const list = imports.get(parsed.data.installationId) ?? [];
    list.push(parsed.data);
    imports.set(parsed.data.installationId, list);
  }
  const chains: OtherChain[] = [];
  for (const id of await otherIds(db, installation)) {
    const loaded = await loadChain(
      db,
      id,
      now,
      `Installation ${id}’s chain (another installation’s)`,
    );
    if (loaded.problem) problems.push(loaded.problem);
    chains.push({ installationId: id, log: loaded.log, imports: imports.get(id) ?? [] });
  }
  return { chains, problems };
}

/** Another installation's links a restore adds, and what the provenance document says of them. */
export interface ChainImport {
  installationId: string;
  /** Only the links (and tombstones) not yet held here, exactly as in the backup. */
  add: BlockLog;
  provenance: ImportProvenance;
  /** How the backup's own installation came to hold the chain, kept as they were. */
  carried: ImportProvenance[];
}

/**
 * The background's read of the other installations' chains, kept until the database is replaced
 * or a restore adds to them (they change no other way).
 *
 * @example
 * const { chains } = await otherChainsStore.read(new Date());
 */
export class OtherChainsStore {
  private copy: {
    generation: number;
    installation: string;
    read: Promise<{ chains: OtherChain[]; problems: DataProblem[] }>;
  } | null = null;
  private readonly listeners = new WriteListeners();

  /** Calls `listener` after every restore that added to the chains; returns the function that stops it. */
  onWrite(listener: () => void): () => void {
    return this.listeners.add(listener);
  }

  async read(now: Date): Promise<{ chains: OtherChain[]; problems: DataProblem[] }> {
    const generation = recordsGeneration();
    const installation = await installationId();
    if (this.copy?.generation !== generation || this.copy.installation !== installation) {
      const read = (async () => {
        const r = await loadOtherChains(recordsDb(), installation, now);
        for (const p of r.problems) await recordProblem(p);
        return r;
      })();
      this.copy = { generation, installation, read };
      read.catch(() => {
        if (this.copy?.read === read) this.copy = null;
      });
    }
    return this.copy.read;
  }

  /**
   * Writes each import's new links as new documents (a link already stored under that id is
   * refused by the database, never written over) with its provenance document beside them.
   * Throws, saying what was and was not saved, when any is refused.
   */
  async add(imports: readonly ChainImport[]): Promise<void> {
    const db = recordsDb();
    const done: string[] = [];
    try {
      for (const imp of imports) {
        const want = docsOf(imp.add, imp.installationId);
        const tags = new Map([...want].map(([id, w]) => [id, w.tag]));
        try {
          await writeDocs(
            db,
            [...want.values()].map((w) => w.doc),
            new Map(),
            tags,
          );
          const provenance = [...imp.carried, imp.provenance].map((p) => ({
            _id: importDocId(imp.installationId, p.at),
            type: 'chain-import',
            import: p,
          }));
          const refused = (await db.bulkDocs(provenance)).filter((r) => 'error' in r && r.error);
          if (refused.length > 0) {
            throw new Error(
              `the records were saved, but not the record of where they came from (${refused.map((r) => ('message' in r ? r.message : '') || 'refused').join('; ')})`,
            );
          }
        } catch (err) {
          const detail = err instanceof Error ? err.message : String(err);
          const before =
            done.length > 0 ? `installation ${done.join(', ')}’s records were saved; ` : '';
          throw new Error(`${before}installation ${imp.installationId}’s records: ${detail}`);
        }
        done.push(imp.installationId);
      }
    } finally {
      this.copy = null;
      if (imports.length > 0) this.listeners.notify();
    }
  }

  forget(): void {
    this.copy = null;
  }
}

/** The background's one store of other installations' chains. */
export const otherChainsStore = new OtherChainsStore();

import { z } from 'zod';
import { allLinks, auditChain, type ChainAudit, type VerifyResult } from './chain';
import { describeVerification } from './search';
import {
  BlockLogSchema,
  ImportProvenanceSchema,
  type BlockLog,
  type ImportProvenance,
} from './schemas';

/**
 * Another installation's hash chain held here, read-only: never appended to, re-hashed or
 * re-chained. `imports` is empty for a chain no restore brought in (the database held it already,
 * e.g. under this browser's earlier installation id). A backup carries the chains its
 * installation holds in this shape too (`BackupData.otherChains`).
 *
 * @example
 * OtherChainSchema.parse({ installationId: '5c0c1c52-8d55-4d5e-b1c3-8a9f0d1e2f30', log: { schemaVersion: 1, records: [] }, imports: [] });
 */
export const OtherChainSchema = z.object({
  installationId: z.uuid(),
  log: BlockLogSchema,
  imports: z.array(ImportProvenanceSchema),
});
export type OtherChain = z.infer<typeof OtherChainSchema>;

/** One chain's verification, named by the installation that keeps it. */
export interface ChainCheck {
  installationId: string;
  /** This installation's chain (the one it appends to). */
  own: boolean;
  audit: ChainAudit;
}

/**
 * Checks every chain on its own: this installation's first, then the others. A failure in one
 * says nothing about the rest, so each names its own first bad record.
 *
 * @example
 * const checks = await auditChains({ installationId: mine, log }, others);
 * checks.filter((c) => !c.audit.ok).map((c) => c.audit.firstBadSeq);
 */
export async function auditChains(
  own: { installationId: string; log: BlockLog },
  others: readonly OtherChain[],
): Promise<ChainCheck[]> {
  const checks: ChainCheck[] = [
    { installationId: own.installationId, own: true, audit: await auditChain(own.log) },
  ];
  for (const o of others) {
    checks.push({ installationId: o.installationId, own: false, audit: await auditChain(o.log) });
  }
  return checks;
}

/**
 * Where a record of another installation came from, in words.
 *
 * @example
 * importedText(p); // 'imported from backup moderator-assist-backup_….json, by A. Moderator (1), 25/11/2026 15:00'
 */
export function importedText(p: ImportProvenance | undefined, at: (iso: string) => string): string {
  if (!p) return 'kept under another installation id (not brought in by a restore)';
  const file = p.file === '' ? 'a backup file' : `backup ${p.file}`;
  return `imported from ${file}, by ${p.by.name} (${p.by.staffNumber}), ${at(p.at)}`;
}

/**
 * The provenance of each record of another chain, by record id (a record's restore is the one
 * whose seq range holds it).
 *
 * @example
 * provenanceById(other).get(entryId)?.file;
 */
export function provenanceById(chain: OtherChain): Map<string, ImportProvenance> {
  const out = new Map<string, ImportProvenance>();
  for (const link of chain.log.records) {
    const p = chain.imports.find((i) => link.seq >= i.firstSeq && link.seq <= i.lastSeq);
    if (p) out.set(link.record.id, p);
  }
  return out;
}

/**
 * Every chain's verification in words: one sentence for each, named by installation (the first
 * bad record of each chain that fails).
 *
 * @example
 * describeChains(own, others, checks);
 * // 'This installation's chain: Chain verified: … Installation 5c0c…'s chain (imported from …): Verification failed at record 2 …'
 */
export function describeChains(
  own: BlockLog,
  others: readonly OtherChain[],
  checks: readonly { installationId: string; audit: VerifyResult }[],
  at: (iso: string) => string,
): string {
  const [mine, ...rest] = checks;
  const ownText = mine ? describeVerification(own, mine.audit) : '';
  if (rest.length === 0) return ownText;
  const parts = [`This installation’s chain: ${ownText}`];
  for (const [i, c] of rest.entries()) {
    const chain = others[i]!;
    const latest = chain.imports.at(-1);
    const n = allLinks(chain.log).length;
    parts.push(
      `Installation ${c.installationId}’s chain (${n} link${n === 1 ? '' : 's'}, ${importedText(latest, at)}): ${describeVerification(chain.log, c.audit)}`,
    );
  }
  return parts.join(' ');
}

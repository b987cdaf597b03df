import {
  auditChains,
  blockIndexOf,
  describeChains,
  formatLondon,
  importedRows,
  importedText,
  provenanceById,
  blockLogCsv,
  currentView,
  exportBlockLog,
  exportJson,
  linksOfEntry,
  type BlockLog,
  type BlockViews,
  type Moderator,
  type OtherChain,
} from '../records';
import type { Reply, Request } from './protocol';

export type BlockLogRead = Extract<
  Request,
  { type: 'block:list' | 'block:entry' | 'block:verify' | 'block:export' }
>;

/** What answering a block log question needs from the handler. */
export interface BlockLogCtx {
  now: Date;
  /** The checked log (the background's parsed copy when it has one). */
  log: () => Promise<BlockLog>;
  /** The background's views of the log, kept from one log to the next (see `BlockViews`). */
  views?: BlockViews;
  /** The moderator exporting (a JSON export names who made it). */
  moderator: () => Promise<Moderator>;
  /** This installation's id (`installationId` in lib/storage/installation.ts), for export heads. */
  installationId: () => Promise<string>;
  /** Other installations' chains held here, read-only (see lib/storage/otherChains.ts). */
  others?: () => Promise<OtherChain[]>;
}

/**
 * The popup's questions about the block log, answered from the background's copy so the popup
 * never reads the whole log (tens of megabytes at 10,000 entries): its list, one entry's details
 * and chronology, the chain's verification, and export files.
 *
 * @example
 * await handleBlockLogRead(ctx, { type: 'block:verify' }); // { ok: true, verification: { ok: true, text: 'Chain verified: … head hash …' } }
 */
export async function handleBlockLogRead(ctx: BlockLogCtx, req: BlockLogRead): Promise<Reply> {
  const log = await ctx.log();
  const others = ctx.others ? await ctx.others() : [];
  switch (req.type) {
    case 'block:list': {
      if (ctx.views) return { ok: true, index: ctx.views.indexWith(log, others) };
      const own = blockIndexOf(log);
      const rows = [...own.rows, ...others.flatMap(importedRows)];
      rows.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
      return { ok: true, index: others.length === 0 ? own : { schemaVersion: 1, rows } };
    }
    case 'block:entry': {
      // The entry's own links fold into its view: no need to fold (and copy) every entry.
      let links = linksOfEntry(log, req.entryId);
      let imported: string | undefined;
      for (const chain of links.length === 0 ? others : []) {
        links = linksOfEntry(chain.log, req.entryId);
        if (links.length === 0) continue;
        const from = importedText(provenanceById(chain).get(req.entryId), formatLondon);
        imported = `Another installation’s record (${chain.installationId}), ${from}`;
        break;
      }
      const [view] = currentView({ ...log, records: links });
      if (!view) {
        return {
          ok: false,
          error: 'That entry is no longer in the block log (it may have been erased).',
        };
      }
      return { ok: true, entry: { view, links, ...(imported ? { imported } : {}) } };
    }
    case 'block:verify': {
      const checks = await auditChains({ installationId: await ctx.installationId(), log }, others);
      return {
        ok: true,
        verification: {
          ok: checks.every((c) => c.audit.ok),
          text: describeChains(log, others, checks, formatLondon),
        },
      };
    }
    case 'block:export': {
      const text =
        req.format === 'csv'
          ? blockLogCsv(log, req.filter, undefined, others)
          : exportJson(
              exportBlockLog(
                log,
                req.filter,
                await ctx.moderator(),
                ctx.now,
                await ctx.installationId(),
                undefined,
                others,
              ),
            );
      return { ok: true, exported: text };
    }
  }
}

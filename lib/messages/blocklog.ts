import {
  auditChain,
  blockIndexOf,
  blockLogCsv,
  currentView,
  describeVerification,
  exportBlockLog,
  exportJson,
  linksOfEntry,
  type BlockLog,
  type BlockViews,
  type Moderator,
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
  switch (req.type) {
    case 'block:list':
      return { ok: true, index: ctx.views ? ctx.views.indexOf(log) : blockIndexOf(log) };
    case 'block:entry': {
      // The entry's own links fold into its view: no need to fold (and copy) every entry.
      const links = linksOfEntry(log, req.entryId);
      const [view] = currentView({ ...log, records: links });
      if (!view) {
        return {
          ok: false,
          error: 'That entry is no longer in the block log (it may have been erased).',
        };
      }
      return { ok: true, entry: { view, links } };
    }
    case 'block:verify': {
      const r = await auditChain(log);
      return { ok: true, verification: { ok: r.ok, text: describeVerification(log, r) } };
    }
    case 'block:export': {
      const text =
        req.format === 'csv'
          ? blockLogCsv(log, req.filter)
          : exportJson(
              exportBlockLog(
                log,
                req.filter,
                await ctx.moderator(),
                ctx.now,
                await ctx.installationId(),
              ),
            );
      return { ok: true, exported: text };
    }
  }
}

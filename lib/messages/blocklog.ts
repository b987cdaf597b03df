import {
  auditChain,
  blockIndexOf,
  blockLogCsv,
  currentView,
  describeVerification,
  exportBlockLog,
  exportJson,
  indexFits,
  linksOfEntry,
  type BlockLog,
  type Moderator,
} from '../records';
import { blockIndexItem, readChecked } from '../storage/records';
import type { Reply, Request } from './protocol';

export type BlockLogRead = Extract<
  Request,
  { type: 'block:prepare' | 'block:entry' | 'block:verify' | 'block:export' }
>;

/** What answering a block log question needs from the handler. */
export interface BlockLogCtx {
  now: Date;
  /** The checked log (the background's parsed copy when it has one). */
  log: () => Promise<BlockLog>;
  /** The moderator exporting (a JSON export names who made it). */
  moderator: () => Promise<Moderator>;
  /** This installation's id (`installationId` in lib/storage/installation.ts), for export heads. */
  installationId: () => Promise<string>;
}

/**
 * Stores the list of `log` (`local:blockLogIndex`) unless the stored one already fits it; says
 * whether it wrote. Called when the Block log tab opens, after the log changed without its list
 * (a quarantine, an older version's data) and when the extension is installed or updated.
 *
 * @example
 * await ensureBlockIndex(log, new Date()); // false: the stored list is current
 */
export async function ensureBlockIndex(log: BlockLog, now: Date): Promise<boolean> {
  const stored = await readChecked(blockIndexItem, { quarantine: false, now });
  if (indexFits(stored.value, log)) return false;
  await blockIndexItem.item.setValue(blockIndexOf(log));
  return true;
}

/**
 * The popup's questions about the block log, answered from the background's copy so the popup
 * never reads the whole log (tens of megabytes at 10,000 entries): one entry's details and
 * chronology, the chain's verification, and export files. `block:prepare` reads the log now (the
 * Block log tab has opened, so details are likely next) and makes sure its list is current.
 *
 * @example
 * await handleBlockLogRead(ctx, { type: 'block:verify' }); // { ok: true, verification: { ok: true, text: 'Chain verified: … head hash …' } }
 */
export async function handleBlockLogRead(ctx: BlockLogCtx, req: BlockLogRead): Promise<Reply> {
  const log = await ctx.log();
  switch (req.type) {
    case 'block:prepare':
      await ensureBlockIndex(log, ctx.now);
      return { ok: true };
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

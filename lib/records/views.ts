import { blockRowOf, type BlockIndex, type BlockRow } from './blockIndex';
import { currentView, entryView, foldAmendment, type BlockView } from './chain';
import { importedText, provenanceById, type OtherChain } from './chains';
import type { BlockLog } from './schemas';
import { formatLondon } from './time';

/**
 * The read views of the block log (`currentView`) and its list (`blockIndexOf`), kept from one
 * log to the next: when the next log is the last one with links appended (logging a block,
 * recording an outcome), only the new links are folded in, so the background answers the page
 * and the popup in milliseconds at 10,000 entries instead of folding every entry again. Any other
 * change (an erasure, a restore) folds the whole log once. Views handed out are never changed
 * afterwards: an amended entry gets a new view object.
 *
 * @example
 * const views = new BlockViews();
 * views.of(log); // folds every entry
 * views.of(await appendEntry(log, entry)); // folds one
 */
export class BlockViews {
  private last: {
    log: BlockLog;
    views: BlockView[];
    /** Where each entry's view is in `views`, by entry id. */
    at: Map<string, number>;
    index?: BlockIndex;
  } | null = null;
  private readonly rows = new WeakMap<BlockView, BlockRow>();
  /** Other chains change only by a restore, which hands out new chain objects. */
  private readonly otherRows = new WeakMap<OtherChain, BlockRow[]>();
  private lastAll: { own: BlockIndex; others: readonly OtherChain[]; index: BlockIndex } | null =
    null;

  /** The views of `log`, one per entry, in log order (as `currentView`). */
  of(log: BlockLog): BlockView[] {
    const last = this.last;
    if (last?.log === log) return last.views;
    if (last && appendedTo(last.log, log)) {
      const views = [...last.views];
      const at = new Map(last.at);
      for (let i = last.log.records.length; i < log.records.length; i++) {
        const link = log.records[i]!;
        if (link.kind === 'entry') {
          at.set(link.record.id, views.length);
          views.push(entryView(link));
          continue;
        }
        const j = at.get(link.record.entryId);
        if (j === undefined) continue;
        const view = copyView(views[j]!);
        foldAmendment(view, link.record);
        views[j] = view;
      }
      this.last = { log, views, at };
      return views;
    }
    const views = currentView(log);
    this.last = { log, views, at: new Map(views.map((v, i) => [v.original.id, i])) };
    return views;
  }

  /** The list of `log` (as `blockIndexOf`), each row made once per view. */
  indexOf(log: BlockLog): BlockIndex {
    const views = this.of(log);
    const last = this.last!;
    last.index ??= {
      schemaVersion: 1,
      rows: views.map((v) => {
        let row = this.rows.get(v);
        if (!row) this.rows.set(v, (row = blockRowOf(v)));
        return row;
      }),
    };
    return last.index;
  }

  /**
   * The list of this installation's log and every other chain held here, oldest first by the time
   * each entry was logged; rows of other chains say where they came from (`imported`).
   */
  indexWith(log: BlockLog, others: readonly OtherChain[]): BlockIndex {
    const own = this.indexOf(log);
    if (others.length === 0) return own;
    const last = this.lastAll;
    if (last?.own === own && sameList(last.others, others)) return last.index;
    const rows = [...own.rows];
    for (const chain of others) {
      let made = this.otherRows.get(chain);
      if (!made) this.otherRows.set(chain, (made = importedRows(chain)));
      rows.push(...made);
    }
    // Stable: entries logged at the same moment keep their chain's order.
    rows.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
    const index: BlockIndex = { schemaVersion: 1, rows };
    this.lastAll = { own, others, index };
    return index;
  }
}

/**
 * The rows of another installation's chain, each marked with where it came from.
 *
 * @example
 * importedRows(chain)[0]?.imported; // 'imported from backup …, by A. Moderator (1), 21/11/2026, 09:00'
 */
export function importedRows(chain: OtherChain): BlockRow[] {
  const from = provenanceById(chain);
  return currentView(chain.log).map((v) => ({
    ...blockRowOf(v),
    imported: `Another installation’s record (${chain.installationId}), ${importedText(from.get(v.original.id), formatLondon)}`,
  }));
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Whether `next` is `prev` with links appended and nothing else changed. */
function appendedTo(prev: BlockLog, next: BlockLog): boolean {
  const n = prev.records.length;
  if (next.records.length < n) return false;
  const erasedBefore = prev.erased?.length ?? 0;
  if (prev.erased !== next.erased && (erasedBefore > 0 || (next.erased?.length ?? 0) > 0)) {
    return false;
  }
  // Appending copies the array but keeps every link object: the first and last still match.
  return (
    n === 0 || (next.records[0] === prev.records[0] && next.records[n - 1] === prev.records[n - 1])
  );
}

function copyView(v: BlockView): BlockView {
  return {
    ...v,
    notes: [...v.notes],
    corrections: [...v.corrections],
    amendments: [...v.amendments],
  };
}

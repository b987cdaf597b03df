import { blockRowOf, type BlockIndex, type BlockRow } from './blockIndex';
import { currentView, entryView, foldAmendment, type BlockView } from './chain';
import type { BlockLog } from './schemas';

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

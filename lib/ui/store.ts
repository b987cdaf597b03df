import { create } from 'zustand';
import { blockIndexOf, type BlockIndex } from '../records';
import type { Reply, Request } from '../messages/protocol';
import { loadBlockLog } from '../storage/blockLogDb';
import { loadPopupSnapshot, type DataProblem, type PopupSnapshot } from '../storage/records';

export type Transport = (req: Request) => Promise<Reply>;

/** The popup's one way to write: a message to the background, the only writer. */
export const runtimeTransport: Transport = async (req) => {
  const reply = (await browser.runtime.sendMessage(req)) as Reply | undefined;
  // No answer at all means the background did not handle it: say so rather than pretend.
  return reply ?? { ok: false, error: 'The extension’s background did not answer. Try again.' };
};

export type TabId = 'block' | 'log' | 'repeat';

/** The requests after which the block log may have changed, so `send` re-reads it too. */
const WRITES_BLOCK_LOG: ReadonlySet<Request['type']> = new Set<Request['type']>([
  'block:confirm',
  'block:amend',
  'data:import',
  'data:retention-delete',
  'data:erase-person',
]);

// Only the latest block-log read may set the state: an older, slower one must not overwrite it.
let blockLogReads = 0;
let blockLogReading = 0;
/**
 * When the latest read of something (still running, or done) began (Date.now()). A change the
 * background reports from before then is read already: straight after its own write the popup
 * reads again (`send`), and the background's change message ~0.1 s later would otherwise read the
 * 10,000-row list a second time.
 */
function readClock() {
  let from = -Infinity;
  return {
    /** Whether a read begun since `changedAt` covers that change (never without a time). */
    covers: (changedAt: number | undefined) => changedAt !== undefined && from >= changedAt,
    /** Notes a read beginning now; returns what to call if it fails (it then read nothing). */
    begin(): () => void {
      const before = from;
      const at = (from = Date.now());
      return () => {
        if (from === at) from = before;
      };
    },
  };
}
const snapshotClock = readClock();
const blockLogClock = readClock();

/**
 * The block log's list, from the background (which holds the log); if the background cannot
 * answer, worked out here from the log itself.
 */
async function readBlockIndex(
  state: Pick<PopupState, 'now' | 'ask'>,
): Promise<{ index: BlockIndex; problem: DataProblem | null }> {
  const listed = await state.ask({ type: 'block:list' });
  if (listed.ok && listed.index) return { index: listed.index, problem: null };
  const { value, problem } = await loadBlockLog(state.now());
  return { index: blockIndexOf(value), problem: problem ?? null };
}

interface PopupState {
  /** The small records items, read first so the popup can be used at once. */
  snapshot: PopupSnapshot | null;
  loadError: string | null;
  /**
   * The block log's list (one small row per entry), read when the Block log tab first opens;
   * null until read. The log itself (tens of megabytes at scale) stays with the background, which
   * answers for an entry's details, Verify and exports.
   */
  blockIndex: BlockIndex | null;
  /** Why the stored block log is not valid (an empty log is shown instead), if it is not. */
  blockLogProblem: DataProblem | null;
  blockLogError: string | null;
  tab: TabId;
  /** The draft the block workflow shows; null picks the most recently changed one. */
  draftId: string | null;
  transport: Transport;
  now: () => Date;
  /**
   * Reads the small records items (not the block log); with `changedAt`, only if no read has
   * begun since then.
   */
  load: (changedAt?: number) => Promise<void>;
  /** Reads the block log's list (the Block log tab asks for it when it first opens). */
  loadBlockLog: () => Promise<void>;
  /**
   * Reads the list again if it has been read or is being read (after the log changed at
   * `changedAt`, if given: not if a read has begun since then).
   */
  refreshBlockLog: (changedAt?: number) => Promise<void>;
  /** A write: sends `req` to the background, then reloads what storage holds. */
  send: (req: Request) => Promise<Reply>;
  /** A question (`repeat:overview`, `repeat:person`): sends `req`, changes nothing, reloads nothing. */
  ask: (req: Request) => Promise<Reply>;
  setTab: (tab: TabId) => void;
  openDraft: (id: string | null) => void;
}

/**
 * The popup's state: what storage holds (re-read after every write and on storage changes), the
 * open tab and draft, and the transport to the background (tests pass one that calls
 * `handleMessage` directly).
 */
export const usePopup = create<PopupState>((set, get) => ({
  snapshot: null,
  loadError: null,
  blockIndex: null,
  blockLogProblem: null,
  blockLogError: null,
  tab: 'block',
  draftId: null,
  transport: runtimeTransport,
  now: () => new Date(),
  load: async (changedAt) => {
    if (snapshotClock.covers(changedAt)) return;
    const failed = snapshotClock.begin();
    try {
      set({ snapshot: await loadPopupSnapshot(get().now()), loadError: null });
    } catch (err) {
      failed();
      set({ loadError: err instanceof Error ? err.message : String(err) });
    }
  },
  loadBlockLog: async () => {
    const read = ++blockLogReads;
    blockLogReading++;
    const failed = blockLogClock.begin();
    try {
      const { index, problem } = await readBlockIndex(get());
      if (read !== blockLogReads) return;
      set({ blockIndex: index, blockLogProblem: problem, blockLogError: null });
    } catch (err) {
      failed();
      if (read !== blockLogReads) return;
      set({ blockLogError: err instanceof Error ? err.message : String(err) });
    } finally {
      blockLogReading--;
    }
  },
  refreshBlockLog: async (changedAt) => {
    if (blockLogClock.covers(changedAt)) return;
    if (get().blockIndex !== null || blockLogReading > 0) await get().loadBlockLog();
  },
  send: async (req) => {
    let reply: Reply;
    try {
      reply = await get().transport(req);
    } catch (err) {
      reply = { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
    await (WRITES_BLOCK_LOG.has(req.type)
      ? Promise.all([get().load(), get().refreshBlockLog()])
      : get().load());
    return reply;
  },
  ask: async (req) => {
    try {
      return await get().transport(req);
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  },
  setTab: (tab) => set({ tab }),
  openDraft: (id) => set({ draftId: id }),
}));

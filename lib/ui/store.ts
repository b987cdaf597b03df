import { create } from 'zustand';
import type { Reply, Request } from '../messages/protocol';
import { loadSnapshot, type RecordsSnapshot } from '../storage/records';

export type Transport = (req: Request) => Promise<Reply>;

/** The popup's one way to write: a message to the background, the only writer. */
export const runtimeTransport: Transport = async (req) => {
  const reply = (await browser.runtime.sendMessage(req)) as Reply | undefined;
  // No answer at all means the background did not handle it: say so rather than pretend.
  return reply ?? { ok: false, error: 'The extension’s background did not answer. Try again.' };
};

export type TabId = 'block' | 'log' | 'repeat';

interface PopupState {
  snapshot: RecordsSnapshot | null;
  loadError: string | null;
  tab: TabId;
  /** The draft the block workflow shows; null picks the most recently changed one. */
  draftId: string | null;
  transport: Transport;
  now: () => Date;
  load: () => Promise<void>;
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
  tab: 'block',
  draftId: null,
  transport: runtimeTransport,
  now: () => new Date(),
  load: async () => {
    try {
      set({ snapshot: await loadSnapshot(get().now()), loadError: null });
    } catch (err) {
      set({ loadError: err instanceof Error ? err.message : String(err) });
    }
  },
  send: async (req) => {
    let reply: Reply;
    try {
      reply = await get().transport(req);
    } catch (err) {
      reply = { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
    await get().load();
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

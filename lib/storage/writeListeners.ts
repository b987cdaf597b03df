/**
 * Who to tell after a records store writes (the background relays it to open pages and tabs:
 * the records database's writes are not storage changes, so nothing else would say so).
 *
 * @example
 * const listeners = new WriteListeners();
 * const stop = listeners.add(() => relay.changed(['blockLog']));
 * listeners.notify();
 */
export class WriteListeners {
  private readonly listeners = new Set<() => void>();

  /** Calls `listener` on every `notify`; returns the function that stops it. */
  add(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    for (const listener of this.listeners) listener();
  }
}

import { z } from 'zod';
import type { Platform } from '../policy/schema';
import { tryUserKey } from '../records/identity';
import type { ExtractedComment } from '../sites/types';
import { adoptStyles, h } from './dom';
import { REPEAT_CSS } from './styles';

export const REPEAT_TAG = 'ma-repeat';

/** The status:batch request the overlay sends (validated again by the background). */
export interface StatusBatchRequest {
  type: 'status:batch';
  userKeys: string[];
  platform: Platform;
  pageUrl: string;
}

const SummarySchema = z.object({
  userKey: z.string(),
  state: z.string(),
  stateText: z.string(),
  countInWindow: z.number(),
  windowDays: z.number(),
  threshold: z.number(),
  text: z.string(),
  notCounted: z.number().optional(),
});
export type AuthorStatus = z.infer<typeof SummarySchema>;

const GuidanceSchema = z.object({
  enrolled: z.boolean(),
  summary: z.string(),
  steps: z.array(z.string()),
  accountLabel: z.string(),
});
export type PageGuidance = z.infer<typeof GuidanceSchema>;

const BatchReplySchema = z.object({
  ok: z.literal(true),
  batch: z.object({
    statuses: z.record(z.string(), SummarySchema),
    windowDays: z.number(),
    guidance: GuidanceSchema.optional(),
  }),
});

/**
 * The storage keys whose changes can change a status (contacts, advice and links, blocks, which
 * accounts are in the scheme). The background tells the open tabs when one changes
 * (lib/overlay/changes.ts), and the content script calls `refresh()`.
 */
export const STATUS_STORAGE_KEYS = [
  // The contacts and the block log are in the records database; the background announces their
  // changes under these names (`CONTACTS_CHANGE`, `BLOCK_LOG_CHANGE` in lib/storage/records.ts).
  'local:contacts',
  'local:repeatEvents',
  'local:blockLog',
  'local:accounts',
] as const;

/** The most keys one message carries; a bigger page sends a few messages, not one per author. */
const BATCH_MAX = 5000;

/**
 * The chip's words, e.g. "Repeat caller scheme: 5 in 30 days · repeat caller". The count always
 * names its window, and the state is in words, so nothing depends on colour.
 *
 * @example
 * chipText({ countInWindow: 4, windowDays: 30, state: 'recorded', stateText: 'recorded' }); // 'Recorded contacts: 4 in 30 days'
 */
export function chipText(
  s: Pick<AuthorStatus, 'countInWindow' | 'windowDays' | 'state' | 'stateText'>,
): string {
  const count = `${s.countInWindow} in ${s.windowDays} days`;
  return s.state === 'recorded'
    ? `Recorded contacts: ${count}`
    : `Recorded contacts: ${count} · ${s.stateText}`;
}

export interface AuthorStatusDeps {
  doc: Document;
  platform: Platform;
  pageUrl: () => string;
  /** `browser.runtime.sendMessage`; the background answers with a `StatusBatch`. */
  sendMessage: (message: StatusBatchRequest) => Promise<unknown>;
  requestFrame: (cb: () => void) => void;
}

/**
 * Shows, next to comments by people with recorded contacts, their count in the window and where
 * they stand ("4 in 30 days", "repeat caller", "advised 3 Nov", "blocked"), for flagged and
 * unflagged comments alike.
 *
 * The controller hands over each comment as it commits a batch; new authors are collected and
 * asked about in one message (not one per comment), and the chips are drawn together in one
 * frame when the answer comes back, so drawing the page never waits for the background.
 * `refresh()` asks again about every author seen (after records change).
 */
export class AuthorStatuses {
  private readonly byKey = new Map<string, Set<HTMLElement>>();
  private readonly keyOf = new WeakMap<HTMLElement, string>();
  private readonly chips = new WeakMap<HTMLElement, HTMLElement>();
  private readonly textOf = new WeakMap<HTMLElement, HTMLElement | null>();
  private statuses = new Map<string, AuthorStatus>();
  private asked = new Set<string>();
  private toAsk = new Set<string>();
  private toDraw = new Set<HTMLElement>();
  private askQueued = false;
  private drawQueued = false;
  private generation = 0;
  private guidanceValue: PageGuidance | undefined;
  private windowDays: number | undefined;
  private warned = false;

  constructor(private readonly deps: AuthorStatusDeps) {}

  /** The page's force account guidance, once the background has answered. */
  get guidance(): PageGuidance | undefined {
    return this.guidanceValue;
  }

  /** The status of a comment's author, if anything is recorded for them. */
  statusOf(comment: Pick<ExtractedComment, 'author'>): AuthorStatus | undefined {
    const key = this.authorKey(comment);
    return key === null ? undefined : this.statuses.get(key);
  }

  /** The panel's section about this comment's author. */
  panelSection(comment: ExtractedComment): HTMLElement {
    return repeatPanelSection(
      this.deps.doc,
      this.statusOf(comment),
      this.guidanceValue,
      this.windowDays,
    );
  }

  /** A comment the controller has just drawn. */
  note(el: HTMLElement, comment: ExtractedComment): void {
    const key = this.authorKey(comment);
    this.textOf.set(el, comment.textElement);
    const before = this.keyOf.get(el);
    if (before !== undefined && before !== key) this.byKey.get(before)?.delete(el);
    if (key === null) {
      this.keyOf.delete(el);
      if (this.chips.has(el)) this.queueDraw(el);
      return;
    }
    this.keyOf.set(el, key);
    let set = this.byKey.get(key);
    if (!set) this.byKey.set(key, (set = new Set()));
    set.add(el);
    if (!this.asked.has(key)) {
      this.asked.add(key);
      this.toAsk.add(key);
      this.queueAsk();
    }
    if (this.statuses.has(key) || this.chips.has(el)) this.queueDraw(el);
  }

  /** Records changed: ask again about every author on the page, in one message. */
  refresh(): void {
    for (const key of this.byKey.keys()) this.toAsk.add(key);
    this.queueAsk(true);
  }

  /** Removes every chip and forgets the page (navigation, switched off). */
  clear(): void {
    this.generation += 1;
    for (const host of Array.from(this.deps.doc.querySelectorAll(REPEAT_TAG))) host.remove();
    this.byKey.clear();
    this.statuses = new Map();
    this.asked.clear();
    this.toAsk.clear();
    this.toDraw.clear();
  }

  private authorKey(comment: Pick<ExtractedComment, 'author'>): string | null {
    const { handle, profileUrl } = comment.author;
    if (!handle && !profileUrl) return null;
    return tryUserKey({
      platform: this.deps.platform,
      ...(handle ? { handle } : {}),
      ...(profileUrl ? { profileUrl } : {}),
    });
  }

  private queueAsk(replace = false): void {
    if (this.askQueued) return;
    this.askQueued = true;
    // A microtask later: every comment of the batch being committed has been noted by then.
    void Promise.resolve().then(() => {
      this.askQueued = false;
      void this.ask(replace);
    });
  }

  private async ask(replace: boolean): Promise<void> {
    const keys = [...this.toAsk];
    this.toAsk.clear();
    if (keys.length === 0) return;
    const generation = this.generation;
    const answers = new Map<string, AuthorStatus>();
    for (let i = 0; i < keys.length; i += BATCH_MAX) {
      const chunk = keys.slice(i, i + BATCH_MAX);
      let reply: unknown;
      try {
        reply = await this.deps.sendMessage({
          type: 'status:batch',
          userKeys: chunk,
          platform: this.deps.platform,
          pageUrl: this.deps.pageUrl(),
        });
      } catch (error) {
        this.warn(error);
        for (const k of chunk) this.asked.delete(k);
        return;
      }
      const parsed = BatchReplySchema.safeParse(reply);
      if (!parsed.success) {
        this.warn(reply);
        for (const k of chunk) this.asked.delete(k);
        return;
      }
      if (parsed.data.batch.guidance) this.guidanceValue = parsed.data.batch.guidance;
      this.windowDays = parsed.data.batch.windowDays;
      for (const [k, s] of Object.entries(parsed.data.batch.statuses)) answers.set(k, s);
    }
    if (generation !== this.generation) return;
    for (const key of keys) {
      const next = answers.get(key);
      const prior = this.statuses.get(key);
      if (next) this.statuses.set(key, next);
      else if (replace || prior) this.statuses.delete(key);
      if (next || prior) for (const el of this.byKey.get(key) ?? []) this.queueDraw(el);
    }
  }

  private queueDraw(el: HTMLElement): void {
    this.toDraw.add(el);
    if (this.drawQueued) return;
    this.drawQueued = true;
    this.deps.requestFrame(() => {
      this.drawQueued = false;
      this.draw();
    });
  }

  /** Draws every waiting chip in one go. */
  private draw(): void {
    const batch = this.toDraw;
    this.toDraw = new Set();
    for (const el of batch) {
      const key = this.keyOf.get(el);
      if (!el.isConnected) {
        if (key !== undefined) this.byKey.get(key)?.delete(el);
        continue;
      }
      const status = key === undefined ? undefined : this.statuses.get(key);
      const existing = this.chips.get(el);
      if (!status) {
        existing?.remove();
        this.chips.delete(el);
        continue;
      }
      const host = existing ?? this.createChip();
      this.chips.set(el, host);
      const text = chipText(status);
      const span = host.shadowRoot?.firstElementChild as HTMLElement | null;
      if (span && span.textContent !== text) span.textContent = text;
      host.setAttribute('data-ma-repeat-state', status.state);
      host.setAttribute('data-ma-repeat-count', String(status.countInWindow));
      placeChip(host, el, this.textOf.get(el) ?? null);
    }
  }

  private createChip(): HTMLElement {
    const { doc } = this.deps;
    const host = doc.createElement(REPEAT_TAG);
    const root = host.attachShadow({ mode: 'open' });
    root.append(h(doc, 'span', { class: 'chip' }));
    adoptStyles(doc, root, REPEAT_CSS);
    return host;
  }

  private warn(detail: unknown): void {
    if (this.warned) return;
    this.warned = true;
    console.warn('Moderator Assist: could not read repeat-caller statuses.', detail);
  }
}

/**
 * Puts the chip just before the comment's badge (or its text when unflagged), inside the
 * comment, so it reads as part of the comment it describes.
 */
function placeChip(host: HTMLElement, el: HTMLElement, textElement: HTMLElement | null): void {
  // Same places the badge uses (placeBadge), and in an order placeBadge leaves alone: chip then
  // badge before the text; badge then chip at the top of the container.
  const parent = textElement?.parentElement;
  if (textElement && textElement !== el && parent && el.contains(parent)) {
    const prev = textElement.previousSibling;
    const anchor = prev && prev !== host && prev.nodeName === 'MA-BADGE' ? prev : textElement;
    if (host.nextSibling !== anchor) parent.insertBefore(host, anchor);
    return;
  }
  const first = el.firstChild;
  const anchor =
    first && first !== host && first.nodeName === 'MA-BADGE' ? first.nextSibling : first;
  if (anchor !== host && host.nextSibling !== anchor) el.insertBefore(host, anchor);
}

/**
 * The panel's "Repeat callers" section: the author's standing, and what to do on this account
 * (enrolled accounts record contacts; others engage first, then direct the user to the main
 * accounts).
 *
 * @example
 * repeatPanelSection(document, status, guidance, 30);
 */
export function repeatPanelSection(
  doc: Document,
  status: AuthorStatus | undefined,
  guidance: PageGuidance | undefined,
  windowDays: number | undefined,
): HTMLElement {
  const standing = status
    ? `${chipText(status)}.`
    : `No contacts recorded for this author${windowDays ? ` in the last ${windowDays} days` : ''}.`;
  return h(
    doc,
    'section',
    { 'aria-labelledby': 'ma-repeat-title' },
    h(doc, 'h3', { id: 'ma-repeat-title' }, 'Repeat callers'),
    h(doc, 'p', {}, standing),
    status?.notCounted
      ? h(
          doc,
          'p',
          {},
          `${status.notCounted} contact(s) on accounts outside the scheme are kept but not counted.`,
        )
      : null,
    guidance ? h(doc, 'p', {}, `${guidance.accountLabel}: ${guidance.summary}`) : null,
    guidance && !guidance.enrolled
      ? h(doc, 'ol', {}, ...guidance.steps.map((step) => h(doc, 'li', {}, step)))
      : null,
  );
}

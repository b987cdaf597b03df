import type { Finding } from '../detect/types';
import { POLICY, criterion, type CriterionId } from '../policy';
import type { ExtractedComment } from '../sites/types';
import type { Badge } from './badge';
import { h, reasonOf, siteName } from './dom';
import { criteriaOf, isCrime } from './findings';
import {
  OverlayReplySchema,
  captureComment,
  evidenceSummary,
  type OverlayMessage,
} from './messages';
import { PANEL_CSS } from './styles';

export const PANEL_TAG = 'ma-panel';
const TITLE_ID = 'ma-panel-title';

export interface PanelDeps {
  doc: Document;
  sendMessage: (message: OverlayMessage) => Promise<unknown>;
  writeClipboard: (text: string) => Promise<void>;
  pageUrl: () => string;
  /** A section about the comment's author (repeat callers), shown above the actions. */
  extraSection?: (comment: ExtractedComment) => HTMLElement | null;
  /** Told about every answer to "Mark as removed / hidden" (the page summary's reminder). */
  onRemovalReply?: (reply: unknown) => void;
}

type CommentMessageType = 'contact:record' | 'block:start-draft' | 'removal:record';

export interface PanelTarget {
  comment: ExtractedComment;
  findings: readonly Finding[];
  badge: Badge;
  seenAt: Date;
}

const FOCUSABLE = 'button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/** The one guidance panel. Opening it for another comment replaces what it shows. */
export class Panel {
  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private target: PanelTarget | null = null;

  constructor(private readonly deps: PanelDeps) {}

  get element(): HTMLElement | null {
    return this.host;
  }

  /** The comment container the panel is showing, if open. */
  get openFor(): HTMLElement | null {
    return this.target?.comment.element ?? null;
  }

  open(target: PanelTarget): void {
    if (this.target && this.target.badge !== target.badge) {
      this.target.badge.button.setAttribute('aria-expanded', 'false');
    }
    this.target = target;
    const shadow = this.ensureHost();
    this.render(shadow, target);
    target.badge.button.setAttribute('aria-expanded', 'true');
    const title = shadow.getElementById(TITLE_ID);
    title?.focus();
  }

  /** Shows new findings for the open comment; closes when there are none left. */
  update(element: HTMLElement, comment: ExtractedComment, findings: readonly Finding[]): void {
    if (!this.target || this.target.comment.element !== element || !this.shadow) return;
    if (findings.length === 0) {
      this.close(false);
      return;
    }
    this.target = { ...this.target, comment, findings };
    const hadFocus = this.shadow.activeElement !== null;
    this.render(this.shadow, this.target);
    if (hadFocus) this.shadow.getElementById(TITLE_ID)?.focus();
  }

  /** Closes the panel; by default focus goes back to the badge that opened it. */
  close(returnFocus = true): void {
    const target = this.target;
    this.host?.remove();
    this.host = null;
    this.shadow = null;
    this.target = null;
    if (!target) return;
    target.badge.button.setAttribute('aria-expanded', 'false');
    if (returnFocus && target.badge.host.isConnected) target.badge.button.focus();
  }

  private ensureHost(): ShadowRoot {
    if (this.host && this.shadow && this.host.isConnected) return this.shadow;
    const { doc } = this.deps;
    const host = doc.createElement(PANEL_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.addEventListener('keydown', (event) => this.onKeydown(event as KeyboardEvent));
    (doc.body ?? doc.documentElement).append(host);
    this.host = host;
    this.shadow = shadow;
    return shadow;
  }

  private onKeydown(event: KeyboardEvent): void {
    if (!this.shadow) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.close(true);
      return;
    }
    if (event.key !== 'Tab') return;
    // Keep Tab inside the panel's controls so a keyboard user does not fall into the busy feed
    // behind it; Escape is the way out.
    const items = Array.from(this.shadow.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    const active = this.shadow.activeElement;
    const index = active ? items.indexOf(active as HTMLElement) : -1;
    if (event.shiftKey && index <= 0) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (index === -1 || index === items.length - 1)) {
      event.preventDefault();
      first.focus();
    }
  }

  private render(shadow: ShadowRoot, target: PanelTarget): void {
    const { doc } = this.deps;
    const { comment, findings } = target;
    const site = siteName(comment.site);
    const status = h(doc, 'p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const say = (text: string, error = false): void => {
      status.classList.toggle('error', error);
      status.textContent = text;
    };

    const author = comment.author;
    const who =
      [author.displayName, author.handle ? `@${author.handle.replace(/^@/, '')}` : undefined]
        .filter(Boolean)
        .join(' ') || 'an author the page does not name';

    const crime = findings.some(isCrime);
    const sections = criteriaOf(findings).map((id) => this.findingSection(id, findings));
    const guidance = POLICY.platforms[comment.site];

    const close = h(doc, 'button', { type: 'button', class: 'close' }, 'Close guidance');
    close.addEventListener('click', () => this.close(true));

    const record = h(doc, 'button', { type: 'button' }, 'Record contact');
    record.addEventListener(
      'click',
      () =>
        void this.send('contact:record', target, say, {
          done: 'Contact recorded.',
          failed: "Couldn't record the contact",
        }),
    );
    const block = h(doc, 'button', { type: 'button' }, 'Start block workflow');
    block.addEventListener(
      'click',
      () =>
        void this.send('block:start-draft', target, say, {
          done: 'Block workflow started: continue it from the Moderator Assist button in the toolbar.',
          failed: "Couldn't start the block workflow",
        }),
    );
    const copy = h(doc, 'button', { type: 'button' }, 'Copy evidence summary');
    copy.addEventListener('click', () => void this.copy(target, say));
    const removedHint = h(
      doc,
      'p',
      { id: 'ma-removed-hint', class: 'hint' },
      `After you have hidden or deleted this comment on ${site} yourself, mark it here. Moderator Assist does not change anything on ${site}; it counts removals on this post and reminds you of the policy when there are many.`,
    );
    const removed = h(
      doc,
      'button',
      { type: 'button', 'aria-describedby': 'ma-removed-hint' },
      'Mark as removed / hidden',
    );
    removed.addEventListener(
      'click',
      () =>
        void this.send('removal:record', target, say, {
          done: 'Marked as removed / hidden.',
          failed: "Couldn't mark the comment as removed",
        }),
    );

    const dialog = h(
      doc,
      'div',
      { class: 'dialog', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': TITLE_ID },
      h(
        doc,
        'div',
        { class: 'top' },
        h(doc, 'h2', { id: TITLE_ID, tabindex: '-1' }, `Moderator Assist: comment by ${who}`),
        close,
      ),
      h(
        doc,
        'p',
        {},
        crime ? 'This may need reporting as a crime.' : 'You may consider removing this.',
      ),
      h(doc, 'p', {}, 'Comment text:'),
      h(
        doc,
        'blockquote',
        { class: 'comment', tabindex: '0', 'aria-label': 'Comment text' },
        comment.text,
      ),
      comment.partial &&
        h(
          doc,
          'p',
          { class: 'partial' },
          'Text is cut short on the page ("See more"): open it to check the whole comment.',
        ),
      ...sections,
      crime &&
        h(
          doc,
          'section',
          { class: 'crime-steps', 'aria-labelledby': 'ma-crime-title' },
          h(doc, 'h3', { id: 'ma-crime-title' }, '🚨 Report as a crime'),
          h(doc, 'ol', {}, ...POLICY.crimeReporting.map((step) => h(doc, 'li', {}, step))),
        ),
      h(
        doc,
        'section',
        { 'aria-labelledby': 'ma-can-title' },
        h(doc, 'h3', { id: 'ma-can-title' }, `What you can do on ${site}`),
        h(doc, 'ul', {}, ...guidance.canDo.map((item) => h(doc, 'li', {}, item))),
        guidance.cannotDo.length > 0 && h(doc, 'h4', {}, `What you can't do on ${site}`),
        guidance.cannotDo.length > 0 &&
          h(
            doc,
            'ul',
            { class: 'cannot' },
            ...guidance.cannotDo.map((item) => h(doc, 'li', {}, item)),
          ),
        h(doc, 'h4', {}, 'On any platform'),
        h(doc, 'ul', {}, ...POLICY.always.map((item) => h(doc, 'li', {}, item))),
      ),
      this.deps.extraSection?.(comment),
      h(doc, 'div', { class: 'actions' }, record, block, copy, removed),
      removedHint,
      status,
    );
    const style = doc.createElement('style');
    style.textContent = PANEL_CSS;
    shadow.replaceChildren(style, dialog);
  }

  private findingSection(id: CriterionId, findings: readonly Finding[]): HTMLElement {
    const { doc } = this.deps;
    const c = criterion(id);
    const mine = findings.filter((f) => f.criterion === id);
    const words = unique(mine.map((f) => f.excerpt.trim()).filter(Boolean));
    const why = unique(mine.map((f) => f.explanation.trim()).filter(Boolean));
    const crime = c.action === 'report-crime';
    const titleId = `ma-finding-${id}`;
    const matched = h(doc, 'p', {}, 'Matched words: ');
    words.forEach((w, i) => {
      if (i > 0) matched.append(doc.createTextNode(', '));
      matched.append(h(doc, 'mark', {}, w));
    });
    return h(
      doc,
      'section',
      { class: `finding ${crime ? 'crime' : 'remove'}`, 'aria-labelledby': titleId },
      h(doc, 'h3', { id: titleId }, c.label),
      h(doc, 'p', {}, crime ? 'Action: report as a crime.' : 'Action: consider removing.'),
      words.length > 0 && matched,
      why.length > 0 && h(doc, 'ul', {}, ...why.map((w) => h(doc, 'li', {}, w))),
      h(doc, 'p', {}, `${c.section}:`),
      h(doc, 'blockquote', {}, `“${c.clause}”`),
    );
  }

  private async send(
    type: CommentMessageType,
    target: PanelTarget,
    say: (text: string, error?: boolean) => void,
    words: { done: string; failed: string },
  ): Promise<void> {
    say('Sending…');
    const comment = captureComment(
      target.comment,
      target.findings,
      this.deps.pageUrl(),
      target.seenAt,
    );
    try {
      const raw = await this.deps.sendMessage({ type, comment });
      if (type === 'removal:record') this.deps.onRemovalReply?.(raw);
      const reply = OverlayReplySchema.safeParse(raw);
      if (!reply.success) {
        say(
          `${words.failed}: the extension did not answer. Reload the page and try again; if it keeps happening, tell the Digital Media Team.`,
          true,
        );
      } else if (reply.data.ok) {
        say(reply.data.message ?? words.done);
      } else {
        say(`${words.failed}: ${reply.data.error}`, true);
      }
    } catch (error) {
      say(`${words.failed}: ${reasonOf(error)}`, true);
    }
  }

  private async copy(
    target: PanelTarget,
    say: (text: string, error?: boolean) => void,
  ): Promise<void> {
    const capture = captureComment(
      target.comment,
      target.findings,
      this.deps.pageUrl(),
      target.seenAt,
    );
    try {
      await this.deps.writeClipboard(evidenceSummary(capture));
      say('Evidence summary copied to the clipboard.');
    } catch (error) {
      say(`Couldn't copy the evidence summary: ${reasonOf(error)}`, true);
    }
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

import { POLICY } from '../policy';
import { h, reasonOf } from './dom';
import { SUMMARY_CSS } from './styles';

export const SUMMARY_TAG = 'ma-summary';

export interface SummaryState {
  flagged: number;
  total: number;
  paused: boolean;
  /** What is wrong with reading this page (healthNote in health.ts), or null. */
  health: string | null;
  /**
   * The many-removals reminder (Annex 1), when the moderator has marked enough comments on this
   * post as removed and has not dismissed it; `error` says why a dismissal did not save.
   */
  reminder?: { count: number; error?: string } | null;
}

export interface SummaryActions {
  previous(): void;
  next(): void;
  togglePause(): void;
  /** Switches the overlay off for this site (settings.disabledSites); the options page turns it back on. */
  turnOffSite(): void;
  /** Hides the many-removals reminder for this post. */
  dismissReminder?(): void;
  /** Copies the page's structure, without its text or links, to the clipboard. */
  copyDiagnostics?(): Promise<void>;
}

const REMINDER_TITLE_ID = 'ma-reminder-title';

/**
 * The page summary in the corner: counts, previous/next flagged comment, pause, and the
 * many-removals reminder.
 */
export class Summary {
  readonly host: HTMLElement;
  private readonly count: HTMLElement;
  private readonly note: HTMLElement;
  private readonly prev: HTMLButtonElement;
  private readonly next: HTMLButtonElement;
  private readonly pause: HTMLButtonElement;
  private readonly off: HTMLButtonElement;
  private readonly diagnostics: HTMLElement;
  private readonly diagnosticsStatus: HTMLElement;
  private readonly title: HTMLElement;
  private readonly reminder: HTMLElement;
  private readonly reminderCount: HTMLElement;
  private readonly reminderError: HTMLElement;
  /** Announces the reminder when it appears (a region that is shown later is not read out). */
  private readonly announce: HTMLElement;
  private last = '';

  constructor(
    private readonly doc: Document,
    actions: SummaryActions,
    siteName = 'this site',
  ) {
    this.host = doc.createElement(SUMMARY_TAG);
    const shadow = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = SUMMARY_CSS;
    // Polite status: counts change as the feed scrolls, and must not interrupt the moderator.
    this.count = h(doc, 'span', { class: 'count', role: 'status', 'aria-live': 'polite' });
    this.note = h(doc, 'span', { class: 'note' });
    this.prev = h(doc, 'button', { type: 'button' }, 'Previous');
    this.prev.setAttribute('aria-label', 'Previous flagged comment');
    this.next = h(doc, 'button', { type: 'button' }, 'Next');
    this.next.setAttribute('aria-label', 'Next flagged comment');
    this.pause = h(doc, 'button', { type: 'button', 'aria-pressed': 'false' }, 'Pause');
    this.prev.addEventListener('click', () => actions.previous());
    this.next.addEventListener('click', () => actions.next());
    this.pause.addEventListener('click', () => actions.togglePause());
    this.off = h(doc, 'button', { type: 'button' }, `Turn off on ${siteName}`);
    this.off.addEventListener('click', () => actions.turnOffSite());
    this.title = h(doc, 'span', { class: 'title', tabindex: '-1' }, 'Moderator Assist');
    const copy = h(
      doc,
      'button',
      { type: 'button', class: 'diag', 'aria-describedby': 'ma-diag-hint' },
      'Copy page diagnostics',
    );
    this.diagnosticsStatus = h(doc, 'span', { role: 'status', 'aria-live': 'polite' });
    copy.addEventListener('click', () => {
      const said = this.diagnosticsStatus;
      said.textContent = 'Copying…';
      (actions.copyDiagnostics?.() ?? Promise.reject(new Error('not available here'))).then(
        () => {
          said.textContent = 'Copied';
        },
        (error: unknown) => {
          said.textContent = `Couldn't copy the page diagnostics: ${reasonOf(error)}`;
        },
      );
    });
    this.diagnostics = h(
      doc,
      'div',
      { class: 'diagnostics' },
      copy,
      this.diagnosticsStatus,
      h(
        doc,
        'p',
        { id: 'ma-diag-hint', class: 'hint' },
        "Copies the page's layout with all text, links and names taken out, for the Digital Media Team to report the problem.",
      ),
    );
    this.diagnostics.hidden = true;
    this.announce = h(doc, 'span', { class: 'vh', role: 'status', 'aria-live': 'polite' });
    this.reminderCount = h(doc, 'strong', { id: REMINDER_TITLE_ID });
    this.reminderError = h(doc, 'p', { class: 'error' });
    this.reminderError.hidden = true;
    const dismiss = h(doc, 'button', { type: 'button' }, 'Dismiss reminder for this post');
    dismiss.addEventListener('click', () => {
      // The button goes with the reminder: keep keyboard focus in the summary.
      this.title.focus();
      actions.dismissReminder?.();
    });
    this.reminder = h(
      doc,
      'div',
      { class: 'reminder', role: 'group', 'aria-labelledby': REMINDER_TITLE_ID },
      h(doc, 'p', {}, h(doc, 'span', { 'aria-hidden': 'true' }, '⚠ '), this.reminderCount),
      h(doc, 'p', {}, POLICY.manyRemovals),
      h(
        doc,
        'p',
        {},
        h(
          doc,
          'a',
          { href: POLICY.guidelinesUrl, target: '_blank', rel: 'noopener noreferrer' },
          'Social media guidelines (opens in a new tab)',
        ),
      ),
      contactLine(doc),
      dismiss,
      this.reminderError,
    );
    this.reminder.hidden = true;
    const box = h(
      doc,
      'div',
      // The landmark sits inside the shadow root with its contents, where assistive technology and
      // page-level tools (axe, Playwright's piercing selectors) both find it.
      { class: 'box', role: 'region', 'aria-label': 'Moderator Assist' },
      this.title,
      this.count,
      this.prev,
      this.next,
      this.pause,
      this.off,
      this.note,
      this.diagnostics,
      this.reminder,
      this.announce,
    );
    shadow.append(style, box);
  }

  mount(): void {
    if (!this.host.isConnected) (this.doc.body ?? this.doc.documentElement).append(this.host);
  }

  unmount(): void {
    this.host.remove();
  }

  render(state: SummaryState): void {
    const key = JSON.stringify(state);
    if (key === this.last) return;
    this.last = key;
    this.host.setAttribute('data-ma-flagged-count', String(state.flagged));
    this.host.setAttribute('data-ma-total-count', String(state.total));
    this.count.textContent = state.paused
      ? 'Paused'
      : `${state.flagged} flagged of ${state.total} ${state.total === 1 ? 'comment' : 'comments'}`;
    this.pause.setAttribute('aria-pressed', String(state.paused));
    this.pause.textContent = 'Pause';
    const navigable = !state.paused && state.flagged > 0;
    this.prev.disabled = !navigable;
    this.next.disabled = !navigable;
    this.note.textContent = state.paused
      ? 'Comments are not being checked. Press Pause again to resume.'
      : (state.health ?? '');
    this.note.hidden = this.note.textContent === '';
    const showDiagnostics = !state.paused && state.health !== null;
    if (!showDiagnostics) this.diagnosticsStatus.textContent = '';
    this.diagnostics.hidden = !showDiagnostics;
    const reminder = state.reminder ?? null;
    const wasShown = !this.reminder.hidden;
    this.reminder.hidden = reminder === null;
    if (reminder) {
      this.reminderCount.textContent = `Many removals on this post: you have marked ${reminder.count} comments as removed or hidden.`;
      this.reminderError.textContent = reminder.error ?? '';
      this.reminderError.hidden = !reminder.error;
    }
    if (reminder && !wasShown) this.announce.textContent = this.reminderCount.textContent ?? '';
    else if (!reminder) this.announce.textContent = '';
  }
}

/** "Contact the Digital Media Team for advice: …", with the e-mail address as a mailto link. */
function contactLine(doc: Document): HTMLElement {
  const contact = POLICY.digitalMediaTeam;
  const email = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(contact)?.[0];
  const line = h(doc, 'p', {}, 'For advice, contact the ');
  if (!email) {
    line.append(contact);
    return line;
  }
  const at = contact.indexOf(email);
  line.append(
    contact.slice(0, at),
    h(doc, 'a', { href: `mailto:${email}` }, email),
    contact.slice(at + email.length),
  );
  return line;
}

import { h } from './dom';
import { SUMMARY_CSS } from './styles';

export const SUMMARY_TAG = 'ma-summary';

export interface SummaryState {
  flagged: number;
  total: number;
  paused: boolean;
  /** A thread page where no comment could be read. */
  unreadable: boolean;
}

export interface SummaryActions {
  previous(): void;
  next(): void;
  togglePause(): void;
}

/** The page summary in the corner: counts, previous/next flagged comment, pause. */
export class Summary {
  readonly host: HTMLElement;
  private readonly count: HTMLElement;
  private readonly note: HTMLElement;
  private readonly prev: HTMLButtonElement;
  private readonly next: HTMLButtonElement;
  private readonly pause: HTMLButtonElement;
  private last = '';

  constructor(
    private readonly doc: Document,
    actions: SummaryActions,
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
    const box = h(
      doc,
      'div',
      // The landmark sits inside the shadow root with its contents, where assistive technology and
      // page-level tools (axe, Playwright's piercing selectors) both find it.
      { class: 'box', role: 'region', 'aria-label': 'Moderator Assist' },
      h(doc, 'span', { class: 'title' }, 'Moderator Assist'),
      this.count,
      this.prev,
      this.next,
      this.pause,
      this.note,
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
      : state.unreadable
        ? "Can't read comments on this page"
        : '';
    this.note.hidden = this.note.textContent === '';
  }
}

// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import {
  AuthorStatuses,
  REPEAT_TAG,
  chipText,
  type StatusBatchRequest,
} from '../../lib/overlay/repeat';
import type { ExtractedComment } from '../../lib/sites/types';

function page(authors: string[]) {
  document.body.replaceChildren();
  return authors.map((handle, i) => {
    const el = document.createElement('article');
    const text = document.createElement('div');
    text.textContent = `comment ${i}`;
    el.append(text);
    document.body.append(el);
    const comment: ExtractedComment = {
      site: 'x',
      element: el,
      textElement: text,
      text: text.textContent,
      segments: [],
      key: `k${i}`,
      author: { handle },
      kind: 'comment',
      depth: 0,
    };
    return { el, comment };
  });
}

const summary = (userKey: string, countInWindow: number, state: string, stateText: string) => ({
  userKey,
  state,
  stateText,
  countInWindow,
  windowDays: 30,
  threshold: 5,
  text: '',
});

function harness(answer: (req: StatusBatchRequest) => unknown) {
  const sent: StatusBatchRequest[] = [];
  const frames: (() => void)[] = [];
  const statuses = new AuthorStatuses({
    doc: document,
    platform: 'x',
    pageUrl: () => 'https://x.com/leicspolice/status/1',
    sendMessage: (m) => {
      sent.push(m);
      return Promise.resolve(answer(m));
    },
    requestFrame: (cb) => frames.push(cb),
  });
  const flush = async () => {
    await vi.waitFor(() => expect(frames.length).toBeGreaterThan(0));
    while (frames.length > 0) frames.shift()!();
  };
  return { sent, statuses, flush, frames };
}

const chipOf = (el: HTMLElement) => el.querySelector(REPEAT_TAG)?.shadowRoot?.textContent ?? null;

describe('repeat-caller chips in the page', () => {
  it('should ask about every author of a batch in one message and label only the known ones', async () => {
    const comments = page(['JBloggs', 'someone', 'jbloggs', 'blocked_one']);
    let known: Record<string, unknown> = {
      'x:jbloggs': summary('x:jbloggs', 4, 'recorded', 'recorded'),
      'x:blocked_one': summary('x:blocked_one', 6, 'blocked', 'blocked'),
    };
    const { sent, statuses, flush } = harness(() => ({
      ok: true,
      batch: { statuses: known, windowDays: 30 },
    }));
    for (const { el, comment } of comments) statuses.note(el, comment);
    await flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.userKeys.sort()).toEqual(['x:blocked_one', 'x:jbloggs', 'x:someone']);
    expect(chipOf(comments[0]!.el)).toBe('Recorded contacts: 4 in 30 days');
    expect(chipOf(comments[1]!.el)).toBeNull();
    expect(chipOf(comments[2]!.el)).toBe('Recorded contacts: 4 in 30 days');
    expect(chipOf(comments[3]!.el)).toBe('Recorded contacts: 6 in 30 days · blocked');
    // The chip sits before the comment's text, inside the comment.
    expect(comments[0]!.el.querySelector(REPEAT_TAG)!.nextSibling).toBe(
      comments[0]!.comment.textElement,
    );

    // A contact recorded elsewhere: refresh asks again, in one message, and redraws.
    known = {
      'x:jbloggs': summary('x:jbloggs', 5, 'repeat-caller', 'repeat caller'),
      'x:someone': summary('x:someone', 1, 'recorded', 'recorded'),
    };
    statuses.refresh();
    await flush();
    expect(sent).toHaveLength(2);
    expect(chipOf(comments[0]!.el)).toBe('Recorded contacts: 5 in 30 days · repeat caller');
    expect(chipOf(comments[1]!.el)).toBe('Recorded contacts: 1 in 30 days');
    // Nothing recorded any more for the blocked one (e.g. data cleared): its chip goes.
    expect(chipOf(comments[3]!.el)).toBeNull();
    expect(document.querySelectorAll(REPEAT_TAG)).toHaveLength(3);
  });

  it('should not ask again about an author it already knows when more comments arrive', async () => {
    const comments = page(['a', 'b', 'a']);
    const { sent, statuses } = harness(() => ({
      ok: true,
      batch: { statuses: {}, windowDays: 30 },
    }));
    statuses.note(comments[0]!.el, comments[0]!.comment);
    statuses.note(comments[1]!.el, comments[1]!.comment);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    statuses.note(comments[2]!.el, comments[2]!.comment);
    await new Promise((r) => setTimeout(r, 5));
    expect(sent).toHaveLength(1);
  });

  it('should show the standing and the guidance in the panel section', async () => {
    const comments = page(['jbloggs']);
    const { statuses, flush } = harness(() => ({
      ok: true,
      batch: {
        statuses: { 'x:jbloggs': summary('x:jbloggs', 2, 'recorded', 'recorded') },
        windowDays: 30,
        guidance: {
          enrolled: false,
          accountLabel: '@NWLeicsPolice',
          summary: 'Engage first, then direct the user to the main accounts (@leicspolice).',
          steps: ['Try to engage with the user in the first instance.'],
        },
      },
    }));
    statuses.note(comments[0]!.el, comments[0]!.comment);
    await flush();
    const section = statuses.panelSection(comments[0]!.comment);
    expect(section.textContent).toContain('Recorded contacts: 2 in 30 days');
    expect(section.textContent).toContain(
      '@NWLeicsPolice: Engage first, then direct the user to the main accounts',
    );
    expect(section.querySelectorAll('li')).toHaveLength(1);
  });

  it('should word every state with its window', () => {
    expect(
      chipText({ countInWindow: 3, windowDays: 7, state: 'advised', stateText: 'advised 3 Nov' }),
    ).toBe('Recorded contacts: 3 in 7 days · advised 3 Nov');
  });
});

// @vitest-environment happy-dom
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OverlayController } from '../../lib/overlay/controller';
import {
  badgeButton,
  buttonNamed,
  comment,
  makeOverlay,
  page,
  panelRoot,
  settle,
  summaryRoot,
} from './helpers';

let current: OverlayController | null = null;
afterEach(() => {
  current?.destroy();
  current = null;
  document.body.replaceChildren();
  delete (window as unknown as Record<string, unknown>).__pwned;
});

async function openFor(text: string, overrides: Parameters<typeof makeOverlay>[0] = {}) {
  const el = comment('42', 'alice', text);
  page(el);
  const made = makeOverlay(overrides);
  current = made.overlay;
  made.overlay.start();
  await settle(made.overlay);
  badgeButton(el).click();
  const root = panelRoot();
  if (!root) throw new Error('panel did not open');
  return { ...made, el, root };
}

function key(target: Element, k: string, shiftKey = false): void {
  target.dispatchEvent(
    new KeyboardEvent('keydown', {
      key: k,
      shiftKey,
      bubbles: true,
      composed: true,
      cancelable: true,
    }),
  );
}

describe('panel', () => {
  it('should open as a labelled dialog with focus on its heading', async () => {
    const { root, el } = await openFor('kill you, badword');
    const dialog = root.querySelector('[role="dialog"]');
    expect(dialog?.getAttribute('aria-modal')).toBe('false');
    const heading = root.getElementById(dialog?.getAttribute('aria-labelledby') ?? '');
    expect(heading?.tagName).toBe('H2');
    expect(root.activeElement).toBe(heading);
    expect(badgeButton(el).getAttribute('aria-expanded')).toBe('true');
    expect(document.querySelectorAll('ma-panel')).toHaveLength(1);
  });

  it('should show each finding with its words, explanation, clause and platform guidance', async () => {
    const { root } = await openFor('I will kill you, badword');
    const text = root.textContent ?? '';
    expect(text).toContain('Crime: credible threat');
    expect(text).toContain('Offensive language');
    expect(Array.from(root.querySelectorAll('mark')).map((m) => m.textContent)).toEqual([
      'kill you',
      'badword',
    ]);
    expect(text).toContain('Contains “kill you”.');
    expect(text).toContain(
      '“Offensive language has been used which has not been automatically deleted',
    );
    expect(text).toContain('What you can do on X');
    expect(text).toContain('only in a conversation started by the force account');
    expect(text).toContain('X only lets a person remove their own content');
    expect(text).toContain('You can always report the content to the platform itself.');
    expect(text).toContain('Report as a crime');
    expect(text).toContain('Capture the evidence first');
  });

  it('should leave out the crime section when nothing is a crime', async () => {
    const { root } = await openFor('badword');
    expect(root.textContent).not.toContain('Report as a crime');
  });

  it('should show hostile markup as text and run none of it', async () => {
    const hostile =
      'badword <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold</b>';
    const { root } = await openFor(hostile);
    const quoted = root.querySelector('blockquote.comment');
    expect(quoted?.textContent).toBe(hostile);
    expect(root.querySelector('img, script, b')).toBeNull();
    expect(document.querySelector('img, script')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect((window as unknown as Record<string, unknown>).__pwned).toBeUndefined();
  });

  it('should close on Escape and give focus back to the badge', async () => {
    const { root, el } = await openFor('badword');
    key(root.activeElement!, 'Escape');
    expect(document.querySelector('ma-panel')).toBeNull();
    const badge = el.querySelector('ma-badge')!;
    expect(document.activeElement).toBe(badge);
    expect(badge.shadowRoot?.activeElement).toBe(badgeButton(el));
    expect(badgeButton(el).getAttribute('aria-expanded')).toBe('false');
  });

  it('should close with its Close button too', async () => {
    const { root, el } = await openFor('badword');
    buttonNamed(root, 'Close guidance').click();
    expect(document.querySelector('ma-panel')).toBeNull();
    expect(el.querySelector('ma-badge')?.shadowRoot?.activeElement).toBe(badgeButton(el));
  });

  it('should keep Tab within its controls', async () => {
    const { root } = await openFor('badword');
    const controls = Array.from(
      root.querySelectorAll<HTMLElement>('button, [tabindex]:not([tabindex="-1"])'),
    );
    const first = controls[0]!;
    const last = controls[controls.length - 1]!;
    expect(last.textContent).toBe('Mark as removed / hidden');
    last.focus();
    key(last, 'Tab');
    expect(root.activeElement).toBe(first);
    key(first, 'Tab', true);
    expect(root.activeElement).toBe(last);
    // From the heading (where focus lands on open), Shift+Tab stays inside too.
    root.querySelector<HTMLElement>('h2')!.focus();
    key(root.activeElement!, 'Tab', true);
    expect(root.activeElement).toBe(last);
  });
});

describe('panel actions', () => {
  it('should send the contact to the background and confirm it', async () => {
    const { root, sendMessage } = await openFor('badword');
    buttonNamed(root, 'Record contact').click();
    await vi.waitFor(() =>
      expect(root.querySelector('[role="status"]')?.textContent).toBe('Contact recorded.'),
    );
    expect(sendMessage).toHaveBeenCalledWith(
      expect.objectContaining({
        type: 'contact:record',
        comment: expect.objectContaining({
          platform: 'x',
          key: '42',
          text: 'badword',
          author: { handle: 'alice', profileUrl: 'https://x.com/alice' },
          permalink: 'https://x.com/alice/status/42',
          criteria: ['offensive-language'],
        }),
      }),
    );
  });

  it.each([
    ['no answer', async () => undefined, 'the extension did not answer'],
    ['a refusal', async () => ({ ok: false, error: 'storage is full' }), 'storage is full'],
    [
      'a thrown error',
      async () => {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
      'Receiving end does not exist',
    ],
  ])('should say so politely on %s', async (_, reply, reason) => {
    const { root } = await openFor('badword', { sendMessage: vi.fn(reply) });
    buttonNamed(root, 'Record contact').click();
    const status = root.querySelector('[role="status"]')!;
    await vi.waitFor(() => expect(status.textContent).toMatch(/^Couldn't record the contact: /));
    expect(status.textContent).toContain(reason);
    buttonNamed(root, 'Start block workflow').click();
    await vi.waitFor(() =>
      expect(status.textContent).toMatch(/^Couldn't start the block workflow: /),
    );
  });

  it('should start the block workflow with the comment', async () => {
    const { root, sendMessage } = await openFor('kill you');
    buttonNamed(root, 'Start block workflow').click();
    await vi.waitFor(() =>
      expect(sendMessage).toHaveBeenCalledWith(
        expect.objectContaining({ type: 'block:start-draft' }),
      ),
    );
    // Besides the page's one question about removals, nothing else was sent.
    const types = sendMessage.mock.calls.map((c) => (c as unknown[] as [{ type: string }])[0].type);
    expect(types).toEqual(['removal:status', 'block:start-draft']);
    await vi.waitFor(() =>
      expect(root.querySelector('[role="status"]')?.textContent).toContain(
        'Block workflow started',
      ),
    );
  });

  it('should copy an evidence summary and confirm in the live region', async () => {
    const { root, writeClipboard } = await openFor('I will kill you');
    buttonNamed(root, 'Copy evidence summary').click();
    await vi.waitFor(() =>
      expect(root.querySelector('[role="status"]')?.textContent).toBe(
        'Evidence summary copied to the clipboard.',
      ),
    );
    const copied = writeClipboard.mock.calls[0]?.[0] ?? '';
    expect(copied).toContain('Author: @alice');
    expect(copied).toContain('Profile URL: https://x.com/alice');
    expect(copied).toContain('Permalink: https://x.com/alice/status/42');
    expect(copied).toMatch(/Time seen: \d{4}-\d\d-\d\dT/);
    expect(copied).toContain('I will kill you');
    expect(copied).toContain(
      'Crime: credible threat (report as a crime; high confidence): “kill you”',
    );
  });

  it('should say when the clipboard refuses', async () => {
    const { root } = await openFor('badword', {
      writeClipboard: vi.fn(async () => {
        throw new Error('Document is not focused.');
      }),
    });
    buttonNamed(root, 'Copy evidence summary').click();
    await vi.waitFor(() =>
      expect(root.querySelector('[role="status"]')?.textContent).toBe(
        "Couldn't copy the evidence summary: Document is not focused.",
      ),
    );
  });
});

describe('accessibility', () => {
  /** axe cannot see into shadow roots under happy-dom reliably, so check a light-DOM copy. */
  async function axeOn(root: ShadowRoot): Promise<axe.Result[]> {
    const copy = document.createElement('div');
    copy.id = 'axe-copy';
    for (const child of Array.from(root.childNodes)) copy.append(child.cloneNode(true));
    document.body.append(copy);
    const result = await axe.run(copy, {
      // happy-dom has no layout, so colour contrast cannot be computed here.
      rules: { 'color-contrast': { enabled: false } },
    });
    copy.remove();
    return result.violations;
  }

  it('should report no axe violations in the panel', async () => {
    const { root } = await openFor('kill you, badword, <b>markup</b>');
    const violations = await axeOn(root);
    expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  it('should report no axe violations in the summary or the badge', async () => {
    const { el } = await openFor('badword');
    const summaryViolations = await axeOn(summaryRoot());
    expect(summaryViolations.map((v) => v.id)).toEqual([]);

    const badgeViolations = await axeOn(el.querySelector('ma-badge')!.shadowRoot!);
    expect(badgeViolations.map((v) => v.id)).toEqual([]);
  });
});

// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { OverlayController } from '../../lib/overlay/controller';
import { facebookAdapter } from '../../lib/sites';
import { domFrom } from '../sites/helpers';
import { badgeButton, fakeDetect, recordingSink, settings } from './helpers';

const NOTE = 'Text is cut short on the page ("See more"): open it to check the whole comment.';

// A Facebook comment cut short behind "See more", shaped as the page draws one (invented text).
const CUT_SHORT = `<div role="main"><div role="article"><div dir="auto">The post</div><div>
  <div role="article" aria-label="Comment by someone">
    <a href="https://www.facebook.com/some.one?comment_id=501"><span>some.one</span></a>
    <div dir="auto" id="text">You badword, and there is… <div role="button" tabindex="0">See more</div></div>
    <a href="https://www.facebook.com/Page/posts/pfbid0x?comment_id=501">1h</a>
  </div><div></div>
</div></div></div>`;

let overlay: OverlayController | null = null;
afterEach(() => {
  overlay?.destroy();
  overlay = null;
});

async function settled(doc: Document, o: OverlayController): Promise<void> {
  await new Promise((resolve) => doc.defaultView?.setTimeout(resolve, 0));
  await o.idle();
}

/** The overlay with the real Facebook adapter on the page above, its first scan done. */
async function started(): Promise<{ doc: Document; o: OverlayController }> {
  const doc = domFrom(CUT_SHORT, 'https://www.facebook.com/Page/posts/pfbid0x');
  const win = doc.defaultView;
  if (!win) throw new Error('no window');
  const o = new OverlayController({
    signal: new AbortController().signal,
    doc,
    adapter: facebookAdapter,
    detect: fakeDetect(),
    settings: settings(),
    sendMessage: async () => ({ ok: true }),
    highlights: recordingSink(),
    nearby: () => null,
    requestFrame: (cb) => win.setTimeout(cb, 0),
    yieldToMain: () => Promise.resolve(),
    setTimer: () => () => undefined,
  });
  overlay = o;
  o.start();
  await settled(doc, o);
  return { doc, o };
}

describe('a comment cut short behind "See more"', () => {
  it('should say so in the panel, and read the comment again once it is expanded', async () => {
    const { doc, o } = await started();

    const el = doc.querySelector<HTMLElement>('[aria-label="Comment by someone"]');
    if (!el) throw new Error('no comment');
    expect(el.getAttribute('data-ma-flagged')).toBe('offensive-language');
    badgeButton(el).click();
    const panel = (): ShadowRoot => {
      const root = doc.querySelector('ma-panel')?.shadowRoot;
      if (!root) throw new Error('panel did not open');
      return root;
    };
    const note = (): string | undefined =>
      panel().querySelector('.partial')?.textContent ?? undefined;
    expect(note()).toBe(NOTE);

    // The page swaps the cut text for the whole of it, and the button goes.
    const text = doc.getElementById('text');
    if (!text) throw new Error('no text');
    text.textContent = 'You badword, and there is more: I will kill you.';
    await settled(doc, o);

    expect(note()).toBeUndefined();
    expect(panel().querySelector('.comment')?.textContent).toBe(
      'You badword, and there is more: I will kill you.',
    );
    expect(el.getAttribute('data-ma-flagged')).toBe('crime-credible-threat offensive-language');
    expect(panel().textContent).toContain('Report as a crime');
  });

  it('should clear the note when only the button goes and the text read stays the same', async () => {
    const { doc, o } = await started();
    const el = doc.querySelector<HTMLElement>('[aria-label="Comment by someone"]');
    if (!el) throw new Error('no comment');
    badgeButton(el).click();
    const root = doc.querySelector('ma-panel')?.shadowRoot;
    expect(root?.querySelector('.partial')?.textContent).toBe(NOTE);

    doc.querySelector('#text [role="button"]')?.remove();
    await settled(doc, o);
    expect(doc.querySelector('ma-panel')?.shadowRoot?.querySelector('.partial')).toBeNull();
  });
});

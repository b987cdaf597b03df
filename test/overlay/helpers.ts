import { vi } from 'vitest';
import type { DetectContext, Finding } from '../../lib/detect/types';
import { NO_BREATHER } from '../../lib/overlay/breather';
import { OverlayController, type OverlayOptions } from '../../lib/overlay/controller';
import type { HighlightSink } from '../../lib/overlay/highlights';
import type { CriterionId } from '../../lib/policy';
import { readText } from '../../lib/sites/text';
import type { ExtractedComment, SiteAdapter } from '../../lib/sites/types';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/storage/settings';

/**
 * A site with `<main id="feed">` holding `<article data-key data-author><p class="text">`.
 * Enough like the real adapters (root, containers, text element, segments) to drive the overlay.
 */
export const fakeAdapter: SiteAdapter = {
  site: 'x',
  matches: () => true,
  isThreadPage: (url) => url.pathname.includes('/status/'),
  findRoot: (doc) => doc.getElementById('feed'),
  findComments: (root) => {
    const found = Array.from(root.querySelectorAll<HTMLElement>('article'));
    if ((root as Element).matches?.('article')) found.unshift(root as HTMLElement);
    return found;
  },
  extract: (el): ExtractedComment | null => {
    const textElement = el.querySelector<HTMLElement>('.text');
    if (!textElement) return null;
    const { text, segments } = readText([textElement]);
    const handle = el.dataset.author;
    return {
      site: 'x',
      element: el,
      textElement,
      text,
      segments,
      key: el.dataset.key ?? text,
      author: { handle, profileUrl: handle ? `https://x.com/${handle}` : undefined },
      permalink: el.dataset.key ? `https://x.com/${handle}/status/${el.dataset.key}` : undefined,
      time: '2026-11-20T10:00:00.000Z',
      kind: 'reply',
      depth: 0,
    };
  },
};

const RULES: {
  word: string;
  criterion: CriterionId;
  crime: boolean;
  confidence: Finding['confidence'];
}[] = [
  { word: 'badword', criterion: 'offensive-language', crime: false, confidence: 'high' },
  { word: 'kill you', criterion: 'crime-credible-threat', crime: true, confidence: 'high' },
  { word: 'buy now', criterion: 'spam', crime: false, confidence: 'low' },
];

/** A deterministic engine: fixed words, exact offsets, and `recentByAuthor` recorded. */
export function fakeDetect(): ReturnType<typeof vi.fn<(t: string, c: DetectContext) => Finding[]>> {
  return vi.fn((text: string, context: DetectContext): Finding[] => {
    const out: Finding[] = [];
    const lower = text.toLowerCase();
    for (const rule of RULES) {
      if (context.enabledCriteria && !context.enabledCriteria.includes(rule.criterion)) continue;
      let at = lower.indexOf(rule.word);
      while (at !== -1) {
        out.push({
          criterion: rule.criterion,
          action: rule.crime ? 'report-crime' : 'remove',
          ruleId: `fake.${rule.criterion}`,
          start: at,
          end: at + rule.word.length,
          excerpt: text.slice(at, at + rule.word.length),
          confidence: rule.confidence,
          explanation: `Contains “${rule.word}”.`,
        });
        at = lower.indexOf(rule.word, at + rule.word.length);
      }
    }
    return out;
  });
}

/** A highlight sink that keeps what it was given, as live sets. */
export function recordingSink(): HighlightSink & { live: Record<'remove' | 'crime', Set<Range>> } {
  const live = { remove: new Set<Range>(), crime: new Set<Range>() };
  return {
    live,
    add(kind, ranges) {
      for (const r of ranges) live[kind].add(r);
    },
    remove(kind, ranges) {
      for (const r of ranges) live[kind].delete(r);
    },
    clear() {
      live.remove.clear();
      live.crime.clear();
    },
  };
}

export function comment(key: string, author: string, text: string): HTMLElement {
  const article = document.createElement('article');
  article.dataset.key = key;
  article.dataset.author = author;
  const header = document.createElement('header');
  header.textContent = `@${author}`;
  const p = document.createElement('p');
  p.className = 'text';
  p.textContent = text;
  article.append(header, p);
  return article;
}

export function page(...comments: HTMLElement[]): HTMLElement {
  document.body.replaceChildren();
  document.head.replaceChildren();
  const feed = document.createElement('main');
  feed.id = 'feed';
  feed.append(...comments);
  document.body.append(feed);
  return feed;
}

export function settings(overrides: Partial<Settings> = {}): Settings {
  return { ...structuredClone(DEFAULT_SETTINGS), ...overrides };
}

export function makeOverlay(overrides: Partial<OverlayOptions> = {}) {
  const detect = fakeDetect();
  const sendMessage = vi.fn(async () => ({ ok: true }) as unknown);
  const writeClipboard = vi.fn(async (_text: string) => undefined);
  const highlights = recordingSink();
  const overlay = new OverlayController({
    signal: new AbortController().signal,
    doc: document,
    adapter: fakeAdapter,
    detect,
    settings: settings(),
    sendMessage,
    writeClipboard,
    highlights,
    // Everything is drawn at once unless a test says where comments are (happy-dom has no layout).
    nearby: () => null,
    requestFrame: (cb) => setTimeout(cb, 0),
    yieldToMain: () => new Promise((resolve) => setTimeout(resolve, 0)),
    setTimer: (cb, ms) => {
      const id = setTimeout(cb, ms);
      return () => clearTimeout(id);
    },
    unreadableAfterMs: 10,
    // No idle callbacks after scans unless a test asks for them (breather.test.ts).
    breather: NO_BREATHER,
    ...overrides,
  });
  return { overlay, detect, sendMessage, writeClipboard, highlights };
}

export function badgeOf(el: Element): HTMLElement | null {
  return el.querySelector('ma-badge');
}

export function badgeButton(el: Element): HTMLButtonElement {
  const button = badgeOf(el)?.shadowRoot?.querySelector('button');
  if (!button) throw new Error('no badge button');
  return button;
}

export function panelRoot(): ShadowRoot | null {
  return document.querySelector('ma-panel')?.shadowRoot ?? null;
}

export function summaryRoot(): ShadowRoot {
  const root = document.querySelector('ma-summary')?.shadowRoot;
  if (!root) throw new Error('no summary');
  return root;
}

export function buttonNamed(root: ParentNode, name: string): HTMLButtonElement {
  const button = Array.from(root.querySelectorAll('button')).find(
    (b) => b.textContent?.trim() === name || b.getAttribute('aria-label') === name,
  );
  if (!button) throw new Error(`no button "${name}"`);
  return button;
}

/** Lets MutationObserver callbacks run, then waits for the overlay to finish. */
export async function settle(overlay: OverlayController): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await overlay.idle();
}

type Child = Node | string | null | undefined | false;

/**
 * Creates an element with attributes and children. Strings become text nodes, so text from a
 * web page can never be parsed as markup here.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return el;
}

export function siteName(site: 'x' | 'facebook'): string {
  return site === 'x' ? 'X' : 'Facebook';
}

/** A message for a thrown value, for showing to the moderator. */
export function reasonOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return 'unknown error';
}

const shared = new WeakMap<Document, Map<string, CSSStyleSheet>>();

/**
 * Gives a shadow root its styles. Where constructable stylesheets exist, every badge shares one
 * parsed sheet (thousands of badges on a long feed would otherwise each parse and match their
 * own copy); elsewhere a <style> element does the same job.
 */
export function adoptStyles(doc: Document, root: ShadowRoot, css: string): void {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  const Sheet = win?.CSSStyleSheet;
  if (Sheet && 'adoptedStyleSheets' in root && 'replaceSync' in Sheet.prototype) {
    try {
      let byText = shared.get(doc);
      if (!byText) shared.set(doc, (byText = new Map()));
      let sheet = byText.get(css);
      if (!sheet) {
        sheet = new Sheet();
        sheet.replaceSync(css);
        byText.set(css, sheet);
      }
      root.adoptedStyleSheets = [sheet];
      return;
    } catch {
      // Firefox content scripts can refuse page-realm sheets; fall through to <style>.
    }
  }
  const style = doc.createElement('style');
  style.textContent = css;
  root.prepend(style);
}

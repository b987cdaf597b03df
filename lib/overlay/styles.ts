/** Id of the one <style> the overlay puts in the page itself (outlines and highlights). */
export const PAGE_STYLE_ID = 'ma-highlight-style';

// The only styles outside a shadow root: the outline has to sit on the site's own element and
// ::highlight() has to be in the document whose text it paints. Dashed (remove) and double
// (crime) lines differ in shape as well as colour, and the badge repeats the meaning in words.
// The ::highlight() rules are scoped to flagged comments (their text inherits them): unscoped,
// Chromium re-walks the whole page's paint tree on every frame, even a plain scroll (~30 ms on a
// 2,000-comment post).
export const PAGE_CSS = `
[data-ma-severity="remove"]{outline:3px dashed #b35900 !important;outline-offset:2px !important}
[data-ma-severity="crime"]{outline:5px double #a3001b !important;outline-offset:2px !important}
[data-ma-severity]::highlight(ma-remove){background-color:#ffe08a !important;color:#1a1a1a !important;text-decoration:underline wavy #8a4500 !important}
[data-ma-severity]::highlight(ma-crime){background-color:#ffc9d0 !important;color:#1a1a1a !important;text-decoration:underline double #a3001b !important}
`;

// `all: initial` stops the site's inherited styles (colour, font, letter-spacing) reaching in.
// Everything on :host is !important because, across shadow boundaries, an important declaration
// from inside the shadow tree beats one from the page: a hostile or careless page stylesheet
// (`ma-badge{display:none!important}`, `*{pointer-events:none!important}`) cannot hide us.
// Sizes are in em from `font-size: medium` (the user's own default size), not rem, because the
// page owns the root font size and can set it to 1px; em still follows browser zoom.
const HOST_RESET = `:host{all:initial !important;display:block !important;position:static !important;visibility:visible !important;opacity:1 !important;pointer-events:auto !important;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif !important;font-size:medium !important;line-height:1.4 !important;color:#111 !important}
:host::before,:host::after{content:none !important;display:none !important}
*{box-sizing:border-box}
button{font:inherit;cursor:pointer;border-radius:0.35em;padding:0.35em 0.7em;border:2px solid #222;background:#fff;color:#111;min-height:2.2em}
button:hover{background:#eef2ff}
button:focus-visible,[tabindex]:focus-visible{outline:3px solid #1740c8;outline-offset:2px}
.vh{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}`;

export const BADGE_CSS = `${HOST_RESET}
:host{margin:0.25em 0 !important}
button{display:inline-flex;gap:0.4em;align-items:flex-start;text-align:start;white-space:normal;overflow-wrap:anywhere;max-width:100%;font-weight:600;font-size:0.9em}
button.remove{background:#ffe08a;color:#1a1a1a;border-style:dashed;border-color:#6b3600}
button.crime{background:#8f0018;color:#fff;border-style:double;border-width:4px;border-color:#fff}
button.crime:hover{background:#6d0012}
button.remove:hover{background:#ffd24d}
.icon{flex:none}`;

export const PANEL_CSS = `${HOST_RESET}
.dialog{position:fixed;top:1em;right:1em;z-index:2147483647;width:32em;max-width:calc(100vw - 2em);max-height:calc(100vh - 2em);overflow:auto;background:#fff;color:#111;border:2px solid #222;border-radius:0.5em;box-shadow:0 0.5em 2em rgba(0,0,0,0.35);padding:1em;overflow-wrap:anywhere}
.top{display:flex;gap:0.5em;align-items:flex-start;justify-content:space-between}
.close{flex:none;white-space:nowrap}
h2{font-size:1.2em;margin:0 0 0.5em}
h3{font-size:1.05em;margin:1em 0 0.3em}
h4{font-size:1em;margin:0.8em 0 0.2em}
p,ul,ol{margin:0.3em 0}
ul,ol{padding-inline-start:1.4em}
blockquote{margin:0.4em 0;padding:0.4em 0.7em;border-inline-start:4px solid #555;background:#f4f4f4;white-space:pre-wrap}
.comment{max-height:12em;overflow:auto}
.partial{font-weight:600;border-inline-start:4px solid #6b3600;padding-inline-start:0.5em}
.finding{border-top:1px solid #bbb;margin-top:0.8em}
.finding.crime h3::before{content:"🚨 "}
.finding.remove h3::before{content:"⚠ "}
mark{background:#ffe08a;color:#111}
.finding.crime mark{background:#ffc9d0}
.actions{display:flex;flex-wrap:wrap;gap:0.5em;margin-top:1em}
.hint{font-size:0.9em;color:#333}
.status{margin-top:0.6em;min-height:1.4em;font-weight:600}
.status.error{color:#8f0018}
.crime-steps{border:3px double #8f0018;padding:0.5em 0.8em;margin-top:1em}
.cannot{color:#333}`;

export const SUMMARY_CSS = `${HOST_RESET}
.box{position:fixed;bottom:1em;right:1em;z-index:2147483646;max-width:calc(100vw - 2em);background:#fff;color:#111;border:2px solid #222;border-radius:0.5em;padding:0.5em 0.7em;box-shadow:0 0.25em 1em rgba(0,0,0,0.3);display:flex;flex-wrap:wrap;gap:0.4em;align-items:center;font-size:0.9em}
.title{font-weight:700}
.note{flex-basis:100%}
button[aria-pressed="true"]{background:#222;color:#fff}
.box{max-height:calc(100vh - 2em);overflow:auto}
.title:focus-visible{outline:3px solid #1740c8;outline-offset:2px}
.reminder{flex-basis:100%;max-width:30em;border:3px double #6b3600;background:#fff8e0;padding:0.4em 0.7em;overflow-wrap:anywhere}
.reminder p{margin:0.3em 0}
.reminder a{color:#1740c8;text-decoration:underline}
.reminder a:focus-visible{outline:3px solid #1740c8;outline-offset:2px}
.reminder .error{color:#8f0018;font-weight:600}
.diagnostics{flex-basis:100%;max-width:30em;display:flex;flex-wrap:wrap;gap:0.4em;align-items:center}
.diagnostics[hidden]{display:none}
.diagnostics .hint{flex-basis:100%;margin:0;font-size:0.9em;color:#333}
.diag{min-height:max(2.2em,24px);min-width:24px}`;

export const REPEAT_CSS = `${HOST_RESET}
:host{margin:0.25em 0 !important}
.chip{display:inline-block;max-width:100%;overflow-wrap:anywhere;font-size:0.85em;font-weight:600;padding:0.15em 0.6em;border:2px solid #1740c8;border-radius:0.35em;background:#eef2ff;color:#111}`;

/** Puts the page's own styles (outlines, highlight colours) in once. */
export function addPageStyle(doc: Document): void {
  if (doc.getElementById(PAGE_STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = PAGE_STYLE_ID;
  style.textContent = PAGE_CSS;
  (doc.head ?? doc.documentElement).append(style);
}

export function removePageStyle(doc: Document): void {
  doc.getElementById(PAGE_STYLE_ID)?.remove();
}

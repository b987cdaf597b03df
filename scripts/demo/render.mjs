// Renders the demo threads in the shapes the real sites use (x.com's data-testid markup,
// Facebook's role="article" comments), so the content script meets the same DOM it will meet in
// production. Styling uses attribute selectors and inline styles only: the adapters must never
// depend on class names, and neither does this page.

/** The moment the demo threads are "seen", so relative times never drift. */
export const DEMO_NOW = Date.parse('2026-11-23T00:30:00.000Z');

import { Buffer } from 'node:buffer';
import { deflateSync } from 'node:zlib';

const EMOJI = /(\p{Extended_Pictographic}\uFE0F?)/u;
const TOKEN = /(@[A-Za-z0-9_]{2,15}|https?:\/\/[^\s]+|www\.[^\s]+)/;

export function escapeHtml(value) {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function emojiImg(emoji) {
  // Both sites draw emoji as images with the character in alt; an inline SVG keeps the page
  // self-contained while still showing the glyph.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20"><text x="0" y="16" font-size="16">${emoji}</text></svg>`;
  return `<img alt="${escapeHtml(emoji)}" draggable="false" src="data:image/svg+xml,${encodeURIComponent(svg)}" style="height:1.2em;width:1.2em;vertical-align:-0.2em;margin:0 1px">`;
}

function initials(name) {
  return name
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

function hue(text) {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.codePointAt(0)) % 360;
  return h;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** A one-pixel PNG of the colour `hue` gives, as a data URL (the page scales it). */
function pixelPng(h) {
  // hsl(h 45% 45%) in RGB.
  const l = 0.45;
  const a = 0.45 * Math.min(l, 1 - l);
  const f = (n) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.from([0, f(0), f(8), f(4)]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

/**
 * X draws avatars as photos (`<img alt="" draggable="true" src="https://pbs.twimg.com/profile_images/…">`
 * in ../shared/data/dom-x), which the browser decodes off the main thread: a one-colour picture
 * stands in for each. (An inline SVG per post made each frame that changes layout on the
 * 2,000-post benchmark thread slower than X's own markup would; an SVG data URL is worse still,
 * since each becomes a document of its own.)
 */
function xAvatar(name) {
  return `<img alt="" draggable="true" width="40" height="40" style="display:block;border-radius:50%" src="${pixelPng(hue(name))}">`;
}

function avatar(name, size) {
  return `<svg width="${size}" height="${size}" viewBox="0 0 40 40" aria-hidden="true"><circle cx="20" cy="20" r="20" fill="hsl(${hue(name)} 45% 45%)"/><text x="20" y="25" text-anchor="middle" font-size="14" font-family="sans-serif" fill="#fff">${escapeHtml(initials(name))}</text></svg>`;
}

function relative(minutesAgo) {
  if (minutesAgo < 60) return `${Math.max(1, Math.round(minutesAgo))}m`;
  if (minutesAgo < 60 * 24) return `${Math.round(minutesAgo / 60)}h`;
  return `${Math.round(minutesAgo / 1440)}d`;
}

function isoAgo(minutesAgo) {
  return new Date(DEMO_NOW - minutesAgo * 60_000).toISOString();
}

/** Text with emoji as img[alt] and, on X, mentions and links as the site draws them. */
function richText(text, site) {
  return text
    .split(TOKEN)
    .map((part, i) => {
      if (i % 2 === 1) {
        if (part.startsWith('@')) {
          const handle = part.slice(1);
          return site === 'x'
            ? `<div style="display:inline"><span><a dir="ltr" href="/${escapeHtml(handle)}" role="link">@${escapeHtml(handle)}</a></span></div>`
            : `<a href="https://www.facebook.com/${escapeHtml(handle)}" role="link">${escapeHtml(part)}</a>`;
        }
        const href = part.startsWith('http') ? part : `https://${part}`;
        const scheme = part.match(/^https?:\/\//)?.[0] ?? '';
        if (site === 'x') {
          // X shows links through t.co with the scheme in a visually hidden span.
          return `<a dir="ltr" href="https://t.co/${hue(part).toString(36)}Demo" rel="noopener noreferrer nofollow" target="_blank" role="link"><span aria-hidden="true" style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)">${escapeHtml(scheme)}</span>${escapeHtml(part.slice(scheme.length))}</a>`;
        }
        return `<a href="https://l.facebook.com/l.php?u=${encodeURIComponent(href)}" rel="nofollow noreferrer" target="_blank" role="link">${escapeHtml(part)}</a>`;
      }
      return part
        .split(EMOJI)
        .map((bit, j) =>
          j % 2 === 1 ? emojiImg(bit) : bit ? `<span>${escapeHtml(bit)}</span>` : '',
        )
        .join('');
    })
    .join('');
}

// ---------------------------------------------------------------------------------------------
// X

const X_STYLE = `
  html { font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; font-size: 15px; }
  body { margin: 0; background: #fff; color: #0f1419; }
  a { color: #1d9bf0; text-decoration: none; }
  [data-testid="primaryColumn"] { max-width: 600px; margin: 0 auto; border-left: 1px solid #eff3f4; border-right: 1px solid #eff3f4; min-height: 100vh; }
  header[role="banner"] { position: sticky; top: 0; background: rgba(255,255,255,.92); padding: 12px 16px; font-weight: 700; font-size: 20px; border-bottom: 1px solid #eff3f4; z-index: 1; }
  [data-testid="cellInnerDiv"] { border-bottom: 1px solid #eff3f4; }
  article[data-testid="tweet"] { display: flex; gap: 12px; padding: 12px 16px; }
  article[data-testid="tweet"][tabindex="-1"] { flex-direction: column; }
  [data-testid="User-Name"] { display: flex; gap: 4px; flex-wrap: wrap; align-items: baseline; }
  [data-testid="User-Name"] a { color: inherit; }
  [data-testid="User-Name"] div { display: inline; }
  header[role="banner"] h2 { margin: 0; font-size: 20px; }
  [data-testid="User-Name"] > div:first-child a { font-weight: 700; }
  [data-testid="User-Name"] > div:last-child, [data-testid="User-Name"] > div:last-child a { color: #536471; }
  [data-testid="tweetText"] { white-space: pre-wrap; word-wrap: break-word; margin-top: 2px; line-height: 20px; }
  article[tabindex="-1"] [data-testid="tweetText"] { font-size: 17px; line-height: 24px; margin: 12px 0; }
  [role="group"] { display: flex; gap: 48px; margin-top: 10px; color: #536471; font-size: 13px; }
  [role="group"] button { background: none; border: 0; color: inherit; font: inherit; padding: 0; cursor: pointer; }
  [data-demo-loading] { text-align: center; padding: 24px; color: #536471; }
`;

function xActions(seed) {
  const n = (k) => (hue(seed + k) % 40) + (k === 'like' ? 3 : 0);
  return `<div aria-label="${n('reply')} replies, ${n('rt')} reposts, ${n('like')} likes" role="group"><div><button aria-label="${n('reply')} Replies. Reply" data-testid="reply" type="button">Reply ${n('reply')}</button></div><div><button aria-label="${n('rt')} reposts. Repost" data-testid="retweet" type="button">Repost ${n('rt')}</button></div><div><button aria-label="${n('like')} Likes. Like" data-testid="like" type="button">Like ${n('like')}</button></div></div>`;
}

let xIds = 0;
function xReply(c, statusId) {
  const id = `${BigInt(statusId) + BigInt(1000 + hue(c.id + c.text) * 97 + (xIds += 1))}`;
  const labelId = `id__${c.id}-${xIds}`;
  return `<div data-testid="cellInnerDiv"><div><div><article aria-labelledby="${labelId}" role="article" tabindex="0" data-testid="tweet">
<div data-testid="Tweet-User-Avatar"><a href="/${c.handle}" role="link" aria-hidden="true" tabindex="-1">${xAvatar(c.name)}</a></div>
<div style="flex:1;min-width:0"><div id="${labelId}" data-testid="User-Name"><div><a href="/${c.handle}" role="link"><div dir="ltr"><span><span>${escapeHtml(c.name)}</span></span></div></a></div><div><a href="/${c.handle}" role="link" tabindex="-1"><div dir="ltr"><span>@${c.handle}</span></div></a> <span aria-hidden="true">·</span> <a href="/${c.handle}/status/${id}" aria-label="${relative(c.minutesAgo)}" role="link"><time datetime="${isoAgo(c.minutesAgo)}">${relative(c.minutesAgo)}</time></a></div></div>
<div style="color:#536471">Replying to <a href="/LeicsPolice" role="link">@LeicsPolice</a></div>
<div dir="auto" lang="en" data-testid="tweetText">${richText(c.text, 'x')}</div>
${xActions(c.id)}</div></article></div></div></div>`;
}

function xFocused(post, statusId) {
  return `<div data-testid="cellInnerDiv"><div><div><article aria-labelledby="id__focused" role="article" tabindex="-1" data-testid="tweet">
<div style="display:flex;gap:12px"><div data-testid="Tweet-User-Avatar"><a href="/${post.handle}" role="link" aria-hidden="true" tabindex="-1">${xAvatar(post.name)}</a></div>
<div id="id__focused" data-testid="User-Name"><div><a href="/${post.handle}" role="link"><div dir="ltr"><span><span>${escapeHtml(post.name)}</span></span></div></a></div><div style="display:block"><a href="/${post.handle}" role="link" tabindex="-1"><div dir="ltr"><span>@${post.handle}</span></div></a></div></div></div>
<div dir="auto" lang="en" data-testid="tweetText">${richText(post.text, 'x')}</div>
<div style="color:#536471"><a href="/${post.handle}/status/${statusId}" aria-label="9:05 PM · Nov 22, 2026" role="link" style="color:inherit"><time datetime="${post.time}">9:05 PM · Nov 22, 2026</time></a> · <span>48.2K</span> Views</div>
${xActions('post')}</article></div></div></div>`;
}

/**
 * A status page on x.com: the force's post, its replies, and more replies appended by an inline
 * script when the reader reaches the bottom.
 * @param {{ post: object, comments: object[], more?: object[][], statusId: string, title?: string, extraHead?: string }} options
 */
export function renderXThread({ post, comments, more = [], statusId, title, extraHead = '' }) {
  xIds = 0;
  const replies = comments.flatMap((c) => [c, ...(c.replies ?? [])]);
  const templates = more
    .map(
      (batch) =>
        `<template data-more-comments>${batch
          .flatMap((c) => [c, ...(c.replies ?? [])])
          .map((c) => xReply(c, statusId))
          .join('\n')}</template>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en-GB" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title ?? `${post.name} on X: "${post.text.slice(0, 60)}…" / X`)}</title>
<style>${X_STYLE}</style>
${extraHead}
</head>
<body>
<!-- Generated by scripts/demo/build.mjs from scripts/demo/comments.mjs: edit those, not this file. -->
<div id="react-root"><div><main role="main"><div data-testid="primaryColumn">
<header role="banner"><h2 dir="ltr" aria-level="2" role="heading"><span>Post</span></h2></header>
<section aria-labelledby="accessible-list-0" role="region"><h1 id="accessible-list-0" style="position:absolute;clip:rect(0 0 0 0)">Conversation</h1>
<div aria-label="Timeline: Conversation"><div data-demo-list>
${xFocused(post, statusId)}
${replies.map((c) => xReply(c, statusId)).join('\n')}
</div></div></section>
<div data-demo-loading aria-live="polite">Scroll for more replies</div>
</div></main></div></div>
${templates}
<script>${INFINITE_SCROLL}</script>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------
// Facebook

const FB_STYLE = `
  html { font-family: "Segoe UI Historic", "Segoe UI", Helvetica, Arial, sans-serif; font-size: 15px; }
  body { margin: 0; background: #f0f2f5; color: #050505; }
  a { color: inherit; text-decoration: none; }
  [role="banner"] { background: #fff; height: 56px; box-shadow: 0 1px 2px rgba(0,0,0,.2); display: flex; align-items: center; padding: 0 16px; font-weight: 700; color: #0866ff; font-size: 24px; position: sticky; top: 0; z-index: 1; }
  [role="main"] { max-width: 680px; margin: 16px auto; }
  [data-demo-post] { background: #fff; border-radius: 8px; box-shadow: 0 1px 2px rgba(0,0,0,.2); padding: 12px 16px; }
  [data-demo-post] > [role="article"] { padding-bottom: 12px; border-bottom: 1px solid #ced0d4; }
  [role="article"][aria-label] { margin-top: 8px; }
  [data-demo-bubble] { background: #f0f2f5; border-radius: 18px; padding: 8px 12px; display: inline-block; max-width: 100%; box-sizing: border-box; }
  [data-demo-bubble] a span[dir="auto"] { font-weight: 600; font-size: 13px; }
  [data-demo-bubble] div[dir="auto"] { white-space: pre-wrap; word-wrap: break-word; }
  [role="article"] ul { list-style: none; display: flex; gap: 16px; margin: 2px 0 0 12px; padding: 0; font-size: 12px; color: #65676b; font-weight: 600; }
  [role="article"] ul [role="button"] { cursor: pointer; }
  [data-demo-replies] { margin-left: 40px; }
  [data-demo-loading] { text-align: center; padding: 16px; color: #65676b; }
`;

let fbIds = 0;
function fbProfile(c) {
  const path = c.fb ?? `${c.name.toLowerCase().replace(/[^a-z]+/g, '.')}.${(hue(c.id) % 90) + 10}`;
  return `https://www.facebook.com/${path}`;
}

function withQuery(url, query) {
  return url + (url.includes('?') ? '&' : '?') + query;
}

function fbComment(c, postUrl, parentId) {
  const id = `${1_234_567_000 + hue(c.id + c.text) * 113 + (fbIds += 1)}`;
  const commentQuery = parentId
    ? `comment_id=${parentId}&reply_comment_id=${id}`
    : `comment_id=${id}`;
  const profile = fbProfile(c);
  const label = `${parentId ? 'Reply' : 'Comment'} by ${c.name}`;
  const replies = (c.replies ?? []).map((r) => fbComment(r, postUrl, id)).join('\n');
  return `<div role="article" aria-label="${escapeHtml(label)}" tabindex="-1">
<div style="display:flex;gap:6px;align-items:flex-start"><a href="${escapeHtml(withQuery(profile, `${commentQuery}&__tn__=R*F`))}" role="link" aria-hidden="true" tabindex="-1">${avatar(c.name, 32)}</a>
<div style="min-width:0"><div data-demo-bubble><span><a href="${escapeHtml(withQuery(profile, `${commentQuery}&__tn__=R]-R`))}" role="link"><span dir="auto">${escapeHtml(c.name)}</span></a></span>
<div><span lang="en-GB"><div dir="auto" style="text-align:start">${richText(c.text, 'facebook')}</div></span></div></div>
<ul><li><div role="button" tabindex="0">Like</div></li><li><div role="button" tabindex="0">Reply</div></li><li><a href="${escapeHtml(`${postUrl}?${commentQuery}`)}" role="link"><span>${relative(c.minutesAgo)}</span></a></li></ul></div></div>
${replies ? `<div data-demo-replies>${replies}</div>` : ''}
</div>`;
}

/**
 * A Page post on www.facebook.com with its comments (replies nested inside their comment) and
 * more comments appended by an inline script when the reader reaches the bottom.
 * @param {{ post: object, comments: object[], more?: object[][], postPath: string, title?: string, extraHead?: string }} options
 */
export function renderFacebookPost({ post, comments, more = [], postPath, title, extraHead = '' }) {
  fbIds = 0;
  const postUrl = `https://www.facebook.com${postPath}`;
  const templates = more
    .map(
      (batch) =>
        `<template data-more-comments>${batch.map((c) => fbComment(c, postUrl)).join('\n')}</template>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en-GB" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title ?? `${post.name} - ${post.text.slice(0, 60)}… | Facebook`)}</title>
<style>${FB_STYLE}</style>
${extraHead}
</head>
<body>
<!-- Generated by scripts/demo/build.mjs from scripts/demo/comments.mjs: edit those, not this file. -->
<div role="banner">facebook</div>
<div role="main"><div data-demo-post>
<div role="article" aria-labelledby="post-author">
<div style="display:flex;gap:8px;align-items:center"><a href="https://www.facebook.com/${post.fbPage}" role="link" aria-hidden="true" tabindex="-1">${avatar(post.name, 40)}</a>
<div><h2 id="post-author" style="margin:0;font-size:15px"><a href="https://www.facebook.com/${post.fbPage}" role="link"><span dir="auto">${escapeHtml(post.name)}</span></a></h2>
<a href="${postUrl}" role="link" style="font-size:13px;color:#65676b"><span>22 November at 21:05</span></a></div></div>
<div data-ad-preview="message" style="margin-top:12px"><div dir="auto" style="text-align:start">${richText(post.text, 'facebook')}</div></div>
</div>
<div data-demo-list>
${comments.map((c) => fbComment(c, postUrl)).join('\n')}
</div>
<div data-demo-loading aria-live="polite">Scroll for more comments</div>
</div></div>
${templates}
<script>${INFINITE_SCROLL}</script>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------

/**
 * The pages' own script: when the "loading" row scrolls into view, append the next batch from a
 * <template> after a short delay, as both sites do when more comments arrive from the network.
 */
const INFINITE_SCROLL = `
(() => {
  const batches = Array.from(document.querySelectorAll('template[data-more-comments]'));
  const list = document.querySelector('[data-demo-list]');
  const row = document.querySelector('[data-demo-loading]');
  if (!list || !row) return;
  let loading = false;
  const next = () => {
    if (loading) return;
    const batch = batches.shift();
    if (!batch) { row.textContent = 'No more comments'; observer.disconnect(); return; }
    loading = true;
    row.textContent = 'Loading…';
    setTimeout(() => {
      list.append(batch.content.cloneNode(true));
      loading = false;
      row.textContent = batches.length ? 'Scroll for more' : 'No more comments';
    }, 250);
  };
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) next();
  });
  observer.observe(row);
})();
`;

/**
 * Page CSS written to hide or restyle the overlay: what a hostile or careless site stylesheet
 * could do. The overlay must stay visible, legible and usable despite it.
 */
export const HOSTILE_CSS = `<style id="hostile-css">
  ma-badge, ma-panel, ma-summary { display: none !important; visibility: hidden !important; opacity: 0 !important; }
  ma-badge, ma-panel, ma-summary { position: absolute !important; left: -10000px !important; width: 0 !important; height: 0 !important; overflow: hidden !important; clip-path: inset(50%) !important; transform: scale(0) !important; }
  * { color: transparent !important; font-size: 0 !important; pointer-events: none !important; }
  html { font-size: 1px !important; }
  button, [role="button"], ma-badge button, ma-panel [role="dialog"], ma-summary [role="region"] { display: none !important; }
  *::before, *::after { content: "HACKED" !important; }
  ::highlight(ma-remove), ::highlight(ma-crime) { background-color: transparent !important; color: inherit !important; }
</style>`;

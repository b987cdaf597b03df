/**
 * Normalisation, done once per text. Produces a "folded" string for matching and a map from
 * every folded character back to the original text, so findings point at what the user wrote.
 *
 * Folding: NFKC (full-width and mathematical letters), diacritics stripped, lower case, common
 * Cyrillic/Greek look-alikes mapped to Latin, zero-width characters dropped, leetspeak inside
 * words ("sh1t", "c0ck"), letters spaced out ("f u c k", "f.u.c.k") joined, and runs of three or
 * more of one letter ("fuuuck") cut to one.
 */

/** Look-alikes that NFKC leaves alone. Kept small and obvious: each is a letter people use to dodge filters. */
const CONFUSABLES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ԁ: 'd',
  ɡ: 'g',
  ո: 'n',
  ս: 'u',
  ʋ: 'v',
  ᴀ: 'a',
  ʙ: 'b',
  ᴄ: 'c',
  ᴅ: 'd',
  ᴇ: 'e',
  ғ: 'f',
  ɢ: 'g',
  ʜ: 'h',
  ɪ: 'i',
  ᴊ: 'j',
  ᴋ: 'k',
  ʟ: 'l',
  ᴍ: 'm',
  ɴ: 'n',
  ᴏ: 'o',
  ᴘ: 'p',
  ʀ: 'r',
  ᴛ: 't',
  ᴜ: 'u',
  ᴠ: 'v',
  ᴡ: 'w',
  ʏ: 'y',
  ᴢ: 'z',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ƒ: 'f',
  ſ: 's',
  ɑ: 'a',
  ı: 'i',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  ß: 'ss',
  '‘': "'",
  '’': "'",
  ʼ: "'",
  '`': "'",
  '´': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '«': '"',
  '»': '"',
  '–': '-',
  '—': '-',
};

/** Characters that only exist to split words invisibly. */
const INVISIBLE = /^(?:[\u00ad\u200b-\u200f\u2060-\u2064\ufeff\u180e]|\u034f)$/u;

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
  '€': 'e',
};

const COMBINING = /\p{M}/gu;

export interface Folded {
  original: string;
  /** Lower-case, folded text for matching. */
  text: string;
  /** For each folded character: the original offset where it starts (may be longer than `text`; read-only). */
  starts: ArrayLike<number>;
  /** For each folded character: the original offset just after it (may be longer than `text`; read-only). */
  ends: ArrayLike<number>;
}

/** Folded forms of the non-ASCII code points seen so far (emoji and accents repeat a lot). */
const foldedCodePoints = new Map<string, string>();

/** Fold one code point to zero or more characters. */
function foldCodePoint(cp: string): string {
  let out = foldedCodePoints.get(cp);
  if (out === undefined) {
    out = foldCodePointUncached(cp);
    // Bounded: a hostile text can hold many distinct code points; forget them all and go on.
    if (foldedCodePoints.size > 4096) foldedCodePoints.clear();
    foldedCodePoints.set(cp, out);
  }
  return out;
}

function foldCodePointUncached(cp: string): string {
  if (INVISIBLE.test(cp)) return '';
  const direct = CONFUSABLES[cp];
  if (direct !== undefined) return direct;
  if (cp.charCodeAt(0) < 128) return cp.toLowerCase();
  let s = cp.normalize('NFKC').normalize('NFD').replace(COMBINING, '').toLowerCase();
  let out = '';
  for (const ch of s) out += CONFUSABLES[ch] ?? ch;
  s = out;
  return s;
}

const A = 97;
const Z = 122;
const isLetterCode = (c: number | undefined): boolean => c !== undefined && c >= A && c <= Z;
const isWordCode = (c: number | undefined): boolean =>
  c !== undefined && ((c >= A && c <= Z) || (c >= 48 && c <= 57));

/** ASCII folding table: lower case; everything else as is. */
const ASCII_FOLD = new Uint16Array(128);
for (let c = 0; c < 128; c++) ASCII_FOLD[c] = c >= 65 && c <= 90 ? c + 32 : c;

const LEET_CODE = new Map<number, number>(
  Object.entries(LEET).map(([k, v]) => [k.charCodeAt(0), v.charCodeAt(0)]),
);
const SYMBOL_LEET = new Set(['@', '$', '!', '|', '€'].map((c) => c.charCodeAt(0)));
const SEPARATORS = new Set([' ', '.', '-', '_', '*'].map((c) => c.charCodeAt(0)));

/**
 * Fold a text for matching. Linear in the length of the text.
 *
 * @example
 * const f = fold('F u c k');
 * f.text; // 'fuck'
 * f.starts[0]; // 0, f.ends[3]; // 7
 */
export function fold(original: string): Folded {
  // Most comments are plain ASCII with nothing spaced out or stretched: then folding keeps every
  // offset, and a native lower-casing plus in-place leetspeak is all there is to do.
  if (SIMPLE_ASCII.test(original)) {
    if (!SPACED_OR_STRETCHED.test(original))
      return foldSimple(original, false) ?? foldGeneral(original);
  } else {
    const kind = nonAsciiKind(original);
    if (kind !== 'general') {
      const simple = foldSimple(original, kind === 'substitute');
      if (simple && !SPACED_OR_STRETCHED.test(simple.text)) return simple;
    }
  }
  return foldGeneral(original);
}

/** The general path: code point by code point, with a map of offsets. */
function foldGeneral(original: string): Folded {
  const n = original.length;
  // Pass 1: per code point folding, keeping original offsets. ASCII takes a table lookup.
  const codes: number[] = [];
  const st: number[] = [];
  const en: number[] = [];
  for (let i = 0; i < n;) {
    const c = original.charCodeAt(i);
    if (c < 128) {
      codes.push(ASCII_FOLD[c]!);
      st.push(i);
      en.push(i + 1);
      i++;
      continue;
    }
    const code = original.codePointAt(i) ?? c;
    const width = code > 0xffff ? 2 : 1;
    const folded = foldCodePoint(original.slice(i, i + width));
    for (let k = 0; k < folded.length; k++) {
      codes.push(folded.charCodeAt(k));
      st.push(i);
      en.push(i + width);
    }
    i += width;
  }
  const m = codes.length;

  // Pass 2: leetspeak inside words (a digit or symbol touching a letter on either side).
  for (let i = 0; i < m; i++) {
    const sub = LEET_CODE.get(codes[i]!);
    if (sub === undefined) continue;
    const prev = codes[i - 1];
    const next = codes[i + 1];
    // Symbols only count between two letters ("f@g", "sh!t"); digits may touch a letter on one side.
    const touches = SYMBOL_LEET.has(codes[i]!)
      ? isLetterCode(prev) && isLetterCode(next)
      : isLetterCode(prev) || isLetterCode(next);
    if (touches) codes[i] = sub;
  }

  // Pass 3: join letters spaced out with single separators: "f u c k", "f.u.c.k", "f-u-c-k".
  const keep: number[] = new Array<number>(m).fill(1);
  for (let i = 0; i < m;) {
    if (!isLetterCode(codes[i]) || isWordCode(codes[i - 1])) {
      i++;
      continue;
    }
    let j = i;
    let count = 1;
    while (
      SEPARATORS.has(codes[j + 1] ?? 0) &&
      isLetterCode(codes[j + 2]) &&
      !isWordCode(codes[j + 3])
    ) {
      j += 2;
      count++;
    }
    // Four or more: "u r a" is ordinary text-speak, "f u c k" is hiding a word.
    if (count >= 4 && !isWordCode(codes[j + 1])) {
      for (let k = i + 1; k < j; k += 2) keep[k] = 0;
    }
    i = j + 1;
  }

  // Pass 4: cut runs of 3+ identical letters to one ("fuuuuck" -> "fuck", "soooo" -> "so").
  const outCodes: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < m;) {
    if (!keep[i]) {
      i++;
      continue;
    }
    const c = codes[i]!;
    // Measure the run of this letter once (skipping characters pass 3 dropped).
    let j = i + 1;
    let len = 1;
    if (isLetterCode(c)) {
      while (j < m && (!keep[j] || codes[j] === c)) {
        if (keep[j]) len++;
        j++;
      }
      // Don't swallow dropped separators after the run's last letter.
      while (j > i + 1 && !keep[j - 1]) j--;
    }
    if (len >= 3) {
      outCodes.push(c);
      starts.push(st[i]!);
      ends.push(en[j - 1]!);
      i = j;
      continue;
    }
    outCodes.push(c);
    starts.push(st[i]!);
    ends.push(en[i]!);
    i++;
  }
  let text = '';
  for (let k = 0; k < outCodes.length; k += 8192) {
    text += String.fromCharCode(...outCodes.slice(k, k + 8192));
  }

  return {
    original,
    text,
    starts,
    ends,
  };
}

/** Printable ASCII and newlines/tabs only. */
const SIMPLE_ASCII = /^[\t\n\r\x20-\x7e]*$/;
/** Letters spaced out ("f u c k") or one letter three times ("fuuuck"): the general path handles these. */
const SPACED_OR_STRETCHED = /(?:^|[^A-Za-z0-9])[A-Za-z](?:[ ._*-][A-Za-z]){3}|([A-Za-z])\1\1/;
const LEET_NEAR_LETTER = /[0-9@$!|][A-Za-z]|[A-Za-z][0-9@$!|]/;
/** Same rule as the general path: symbols between two letters, digits touching a letter. */
const LEET_IN_WORD = /(?<=[a-z])[@$!|€](?=[a-z])|(?<=[a-z])[013457]|[013457](?=[a-z])/g;

const NON_ASCII = /[^\t\n\r\x20-\x7e]/gu;

/**
 * True when every non-ASCII character folds to itself (emoji, most symbols): folding such a text
 * changes only ASCII letters' case, so the simple path's offsets hold.
 */
function nonAsciiKind(text: string): 'inert' | 'substitute' | 'general' {
  let kind: 'inert' | 'substitute' = 'inert';
  NON_ASCII.lastIndex = 0;
  for (let m = NON_ASCII.exec(text); m !== null; m = NON_ASCII.exec(text)) {
    const cp = m[0];
    if (cp.length === 1 && cp.charCodeAt(0) < 32) return 'general';
    const folded = foldCodePoint(cp);
    if (folded === cp) continue;
    // One UTF-16 unit for one: curly quotes, accented letters, look-alikes. Offsets still hold.
    if (cp.length === 1 && folded.length === 1) kind = 'substitute';
    else return 'general';
  }
  return kind;
}

function foldSimple(original: string, substitute: boolean): Folded | null {
  let text = original.toLowerCase();
  if (substitute) {
    // Lower-casing may itself change length for a few letters ("İ"): then use the general path.
    if (text.length !== original.length) return null;
    text = text.replace(NON_ASCII, (c) => {
      const f = foldCodePoint(c);
      return f.length === c.length ? f : c;
    });
  }
  if (LEET_NEAR_LETTER.test(text)) text = text.replace(LEET_IN_WORD, (c) => LEET[c] ?? c);
  const [starts, ends] = identityMaps(text.length);
  return { original, text, starts, ends };
}

/**
 * Offsets that map every character to itself, shared by all simple texts (allocating two typed
 * arrays per comment cost more than the rest of folding). Longer than needed is harmless: only
 * indices below the text's length are read. Never written to.
 */
let IDENTITY_STARTS = new Uint32Array(0);
let IDENTITY_ENDS = new Uint32Array(0);
function identityMaps(n: number): [Uint32Array, Uint32Array] {
  if (IDENTITY_STARTS.length < n) {
    const size = Math.max(n, 2 * IDENTITY_STARTS.length, 1024);
    IDENTITY_STARTS = new Uint32Array(size);
    IDENTITY_ENDS = new Uint32Array(size);
    for (let i = 0; i < size; i++) {
      IDENTITY_STARTS[i] = i;
      IDENTITY_ENDS[i] = i + 1;
    }
  }
  return [IDENTITY_STARTS, IDENTITY_ENDS];
}

/** Map a folded span [s, e) back to original offsets. */
export function toOriginal(f: Folded, s: number, e: number): [number, number] {
  if (f.text.length === 0) return [0, 0];
  const a = f.starts[Math.min(s, f.text.length - 1)] ?? 0;
  const b = f.ends[Math.max(s, Math.min(e, f.text.length) - 1)] ?? f.original.length;
  return [a, Math.max(a, b)];
}

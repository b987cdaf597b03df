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
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y',
  х: 'x', ѕ: 's', і: 'i', ї: 'i', ј: 'j', ԁ: 'd', ɡ: 'g', ո: 'n', ս: 'u', ʋ: 'v', ᴀ: 'a', ʙ: 'b',
  ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ғ: 'f', ɢ: 'g', ʜ: 'h', ɪ: 'i', ᴊ: 'j', ᴋ: 'k', ʟ: 'l', ᴍ: 'm', ɴ: 'n',
  ᴏ: 'o', ᴘ: 'p', ʀ: 'r', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ʏ: 'y', ᴢ: 'z', α: 'a', β: 'b', ε: 'e',
  η: 'n', ƒ: 'f', ſ: 's', ɑ: 'a', ı: 'i', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w', ß: 'ss',
  '‘': "'", '’': "'", 'ʼ': "'", '`': "'", '´': "'", '“': '"', '”': '"', '„': '"', '«': '"', '»': '"',
  '–': '-', '—': '-',
};

/** Characters that only exist to split words invisibly. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060-\u2064\ufeff\u034f\u180e]/u;

const LEET: Record<string, string> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'l', '€': 'e',
};

const COMBINING = /\p{M}/gu;

export interface Token {
  /** Folded token text. */
  t: string;
  /** Start and end offsets in the folded string. */
  s: number;
  e: number;
}

export interface Folded {
  original: string;
  /** Lower-case, folded text for matching. */
  text: string;
  /** For each folded character: the original offset where it starts. */
  starts: Uint32Array;
  /** For each folded character: the original offset just after it. */
  ends: Uint32Array;
  /** Word tokens of the folded text (letters, digits, apostrophes and censoring stars inside words). */
  tokens: Token[];
  /** The set of token strings, for quick trigger checks. */
  tokenSet: Set<string>;
}

const isLetter = (c: string | undefined): boolean => c !== undefined && c >= 'a' && c <= 'z';
const isWordChar = (c: string | undefined): boolean =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));

/** Fold one code point to zero or more characters. */
function foldCodePoint(cp: string): string {
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

/**
 * Fold a text for matching.
 *
 * @example
 * const f = fold('F u c k');
 * f.text; // 'fuck'
 * f.starts[0]; // 0, f.ends[3]; // 7
 */
export function fold(original: string): Folded {
  // Pass 1: per code point folding, keeping original offsets.
  const chars: string[] = [];
  const st: number[] = [];
  const en: number[] = [];
  for (let i = 0; i < original.length; ) {
    const code = original.codePointAt(i) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    const cp = original.slice(i, i + width);
    const folded = foldCodePoint(cp);
    for (const ch of folded) {
      chars.push(ch);
      st.push(i);
      en.push(i + width);
    }
    i += width;
  }

  // Pass 2: leetspeak inside words (a digit or symbol touching a letter on either side).
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const sub = LEET[c];
    if (sub === undefined) continue;
    const prev = chars[i - 1];
    const next = chars[i + 1];
    const isSymbol = c === '@' || c === '$' || c === '!' || c === '|' || c === '€';
    // Symbols only count between two letters ("f@g", "sh!t"); digits may touch a letter on one side.
    const touches = isSymbol ? isLetter(prev) && isLetter(next) : isLetter(prev) || isLetter(next);
    if (touches) chars[i] = sub;
  }

  // Pass 3: join letters spaced out with single separators: "f u c k", "f.u.c.k", "f-u-c-k".
  const keep: boolean[] = new Array<boolean>(chars.length).fill(true);
  for (let i = 0; i < chars.length; ) {
    if (!isLetter(chars[i]) || isWordChar(chars[i - 1])) {
      i++;
      continue;
    }
    // Walk a chain letter (sep letter)+ where each letter stands alone.
    let j = i;
    let count = 1;
    const sepIdx: number[] = [];
    while (true) {
      const sep = chars[j + 1];
      const nextLetter = chars[j + 2];
      if (
        (sep === ' ' || sep === '.' || sep === '-' || sep === '_' || sep === '*') &&
        isLetter(nextLetter) &&
        !isWordChar(chars[j + 3])
      ) {
        sepIdx.push(j + 1);
        j += 2;
        count++;
      } else break;
    }
    // Four or more: "u r a" is ordinary text-speak, "f u c k" is hiding a word.
    if (count >= 4 && !isWordChar(chars[j + 1])) {
      for (const k of sepIdx) keep[k] = false;
    }
    i = j + 1;
  }

  // Pass 4: cut runs of 3+ identical letters to one ("fuuuuck" -> "fuck", "soooo" -> "so").
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let runChar = '';
  let runLen = 0;
  for (let i = 0; i < chars.length; i++) {
    if (!keep[i]) continue;
    const c = chars[i]!;
    if (c === runChar && isLetter(c)) runLen++;
    else {
      runChar = c;
      runLen = 1;
    }
    if (runLen >= 2 && isLetter(c)) {
      // Look ahead: is this run 3 or more long in total? Then keep only its first character.
      let total = runLen;
      for (let k = i + 1; k < chars.length && (chars[k] === c || !keep[k]); k++) {
        if (keep[k]) total++;
      }
      if (total >= 3) {
        // Extend the kept character's end over the whole run so offsets cover what was written.
        ends[ends.length - 1] = en[i]!;
        continue;
      }
    }
    text += c;
    starts.push(st[i]!);
    ends.push(en[i]!);
  }

  const tokens: Token[] = [];
  const tokenSet = new Set<string>();
  const re = /[a-z0-9](?:[a-z0-9'*]*[a-z0-9*])?/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    let t = m[0];
    let e = m.index + t.length;
    // A possessive or contraction tail is part of the word but also useful without it.
    tokens.push({ t, s: m.index, e });
    tokenSet.add(t);
    if (t.endsWith("'s")) {
      t = t.slice(0, -2);
      e -= 2;
      tokenSet.add(t);
    }
  }
  return {
    original,
    text,
    starts: Uint32Array.from(starts),
    ends: Uint32Array.from(ends),
    tokens,
    tokenSet,
  };
}

/** Map a folded span [s, e) back to original offsets. */
export function toOriginal(f: Folded, s: number, e: number): [number, number] {
  if (f.text.length === 0) return [0, 0];
  const a = f.starts[Math.min(s, f.text.length - 1)] ?? 0;
  const b = f.ends[Math.max(s, Math.min(e, f.text.length) - 1)] ?? f.original.length;
  return [a, Math.max(a, b)];
}

import type { Folded } from './normalise';
import type { Suppressor } from './rule';

const ABBREVIATION = /(?:^|\s)(?:st|no|mr|mrs|ms|dr|pc|ds|di|dc|sgt|insp|supt)$/;

/** Sentence start offsets of a folded text, computed once per text (sorted, first is 0). */
const sentenceIndex = new WeakMap<Folded, number[]>();

function sentenceStarts(f: Folded): number[] {
  const known = sentenceIndex.get(f);
  if (known) return known;
  const text = f.text;
  const out: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '.' && c !== '!' && c !== '?' && c !== '\n') continue;
    // "St. Mary's", "No. 14": a full stop after a short abbreviation does not end a sentence.
    if (c === '.' && ABBREVIATION.test(text.slice(Math.max(0, i - 5), i))) continue;
    // Take in any further terminators ("?!") so a question is seen as one.
    let j = i + 1;
    while (j < text.length && /[.!?]/.test(text[j]!)) j++;
    if (out[out.length - 1] !== j) out.push(j);
    i = j - 1;
  }
  // A plain array: allocating a typed array per text costs more than it saves.
  sentenceIndex.set(f, out);
  return out;
}

/**
 * Bounds [start, end) of the sentence(s) around the folded span [s, e): from after the previous
 * terminator to just after the next one. O(log n) after the first call on a text.
 */
export function sentenceOf(f: Folded, s: number, e: number): [number, number] {
  const starts = sentenceStarts(f);
  // Last start <= s.
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= s) lo = mid;
    else hi = mid - 1;
  }
  const a = starts[lo]!;
  // First start > max(s, e - 1) is the end.
  const last = Math.max(s, e - 1);
  let k = lo;
  while (k < starts.length && starts[k]! <= last) k++;
  const b = k < starts.length ? starts[k]! : f.text.length;
  return [a, b];
}

const NEGATION =
  /(?:^|[^a-z'])(?:not|never|no|nobody|noone|no one|nothing|nor|isn't|isnt|wasn't|wasnt|aren't|arent|weren't|don't|dont|doesn't|doesnt|didn't|didnt|won't|wont|wouldn't|wouldnt|shouldn't|shouldnt|can't|cant|cannot|couldn't|couldnt|ain't|hardly|without)(?:$|[^a-z'])/;

const REPORTED_SPEECH =
  /(?:^|[^a-z])(?:called|calling|shout(?:ed|ing|s)?|yell(?:ed|ing|s)?|scream(?:ed|ing|s)?|chant(?:ed|ing)?|the word|words like|terms like|label(?:l?ed|ling)?|saying|said|wrote|writing|posted|posting|tweeted|sprayed|graffiti(?:ed)?|told (?:me|him|her|us|them|my \w+)|telling (?:someone|people|anyone|somebody|others) to|comments like|things like|phrases like|people who (?:say|write|post))\b[^.!?]{0,60}$/;

const NEWS =
  /(?:^|[^a-z])(?:(?:has|have|was|were|been|is|are) (?:been )?(?:charged|arrested|jailed|sentenced|convicted|remanded|bailed|cautioned|released|found guilty|cleared|acquitted)|appeared (?:at|before|in)|court heard|pleaded|pled|denies|denied|trial (?:continues|heard)|police (?:said|say|have said|are appealing|appeal)|a (?:police )?spokes(?:person|man|woman)|officers (?:were called|attended|arrested)|(?:man|woman|boy|girl|teenager|teen|youth|pensioner|driver),? (?:aged )?\d{1,2},? (?:has been |was |is |charged|arrested|jailed|sentenced|appears|appeared|admits|admitted|denies|cleared|guilty))/;

const CONDEMN =
  /(?:^|[^a-z])(?:(?:is|was|that's|thats|it's|its|this is|that is|which is|so|absolutely|totally|just) (?:disgusting|vile|unacceptable|appalling|not ok|not okay|not acceptable|wrong|shameful|sickening|racist|homophobic|hateful|out of order|horrible)|no place for|report (?:it|this|them|him|her|that|any)|stop (?:using|calling|saying)|should(?:n't| not) (?:say|call|use)|(?:don't|do not|never) (?:say|call|use)|hate crime|should be ashamed|(?:is|are|was) never (?:ok|okay|acceptable|alright|funny)|not cool|(?:is|was|'s) (?:a |an )?(?:horrible|vile|disgusting|awful|nasty|offensive|hateful|ugly|horrid) (?:word|term|thing to say|slur)|told (?:the|that) [a-z]+ (?:who|that) (?:shouted|said|called)|zero tolerance|not tolerated|won't be tolerated|will not be tolerated)(?:$|[^a-z])/;

/** Index of the start of the clause that holds position s (after , ; : or the sentence start). */
function clauseStart(text: string, sentenceStart: number, s: number): number {
  for (let i = s - 1; i >= sentenceStart; i--) {
    const c = text[i];
    if (c === ',' || c === ';' || c === ':' || c === '(' || c === ')') return i + 1;
    // "but" opens a new clause: "not him, but …" should not carry the negation over.
    if (c === ' ' && text.startsWith(' but ', i)) return i + 5;
  }
  return sentenceStart;
}

function isInsideQuotes(text: string, ss: number, se: number, s: number, e: number): boolean {
  let dq = 0;
  for (let i = ss; i < s; i++) if (text[i] === '"') dq++;
  if (dq % 2 === 1 && text.indexOf('"', e) !== -1 && text.indexOf('"', e) < se + 1) return true;
  // Single quotes: an opening mark not preceded by a letter, a closing one not followed by a letter.
  let open = -1;
  for (let i = s - 1; i >= ss; i--) {
    if (text[i] === "'" && !/[a-z0-9]/.test(text[i - 1] ?? ' ')) {
      open = i;
      break;
    }
  }
  if (open === -1) return false;
  for (let i = e; i < Math.min(se + 1, text.length); i++) {
    if (text[i] === "'" && !/[a-z0-9]/.test(text[i + 1] ?? ' ')) return true;
  }
  return false;
}

/**
 * Does any of the listed suppressors apply to the folded span [s, e)?
 * Returns the name of the first that applies, for tests and debugging.
 */
/** Sentence-level answers (news? counter-speech?) are the same for every match in a sentence. */
const sentenceFlags = new WeakMap<Folded, Map<string, boolean>>();
function sentenceFlag(f: Folded, which: 'news' | 'condemn', ss: number, se: number): boolean {
  let flags = sentenceFlags.get(f);
  if (!flags) {
    flags = new Map();
    sentenceFlags.set(f, flags);
  }
  const key = `${which}:${ss}:${se}`;
  let v = flags.get(key);
  if (v === undefined) {
    // Only the part of a long sentence around the matches matters; bound the work.
    const sentence = f.text.slice(ss, Math.min(se, ss + 2000));
    v = (which === 'news' ? NEWS : CONDEMN).test(sentence);
    flags.set(key, v);
  }
  return v;
}

export function suppressedBy(
  f: Folded,
  s: number,
  e: number,
  which: readonly Suppressor[],
): Suppressor | null {
  if (which.length === 0) return null;
  const text = f.text;
  let [ss, se] = sentenceOf(f, s, e);
  // A "sentence" thousands of characters long (no full stops) is judged near the match only.
  if (s - ss > 400) ss = s - 400;
  if (se - e > 400) se = e + 400;
  for (const w of which) {
    switch (w) {
      case 'negation': {
        const cs = clauseStart(text, ss, s);
        // Look back a few words only: "I would never hurt anyone" but not a negation far away.
        // "can't wait to see …" is eagerness, not negation.
        // A negation inside a condition ("if they don't pay I'll …") does not negate what follows.
        const clause = text
          .slice(cs, s)
          .replace(/(?:^|[^a-z])(?:if|unless|until)(?:[^a-z].*)?$/, '');
        const before = clause.slice(-40).replace(/(?:can't|cannot|can not|cant) wait/g, '');
        if (NEGATION.test(before)) return w;
        break;
      }
      case 'quoted': {
        if (isInsideQuotes(text, ss, se, s, e)) return w;
        // The frame ("called him …") sits just before the match: look back a bounded way.
        if (REPORTED_SPEECH.test(text.slice(Math.max(ss, s - 90), s))) return w;
        break;
      }
      case 'news':
        if (sentenceFlag(f, 'news', ss, se)) return w;
        break;
      case 'question':
        // Only the clause holding the match: "…, who's in?" does not make a threat a question.
        if (/^[^,;]*\?\s*$/.test(text.slice(e, se))) return w;
        break;
      case 'condemn':
        if (sentenceFlag(f, 'condemn', ss, se)) return w;
        break;
    }
  }
  return null;
}

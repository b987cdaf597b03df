import { criterion } from '../policy/pack';
import { CRITERION_IDS, type Action, type CriterionId } from '../policy/schema';
import { sentenceOf, suppressedBy } from './context';
import { fold, toOriginal, type Folded } from './normalise';
import {
  escapeRe,
  RuleSchema,
  type LexiconRule,
  type PatternRule,
  type RawMatch,
  type Rule,
} from './rule';
import type { Confidence, DetectContext, Finding } from './types';

const RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

const ALL_ENABLED = (): boolean => true;

/**
 * A rule's `exclude`/`requires`/`unless` without the g flag (so `test` keeps no state), made once
 * per pattern rather than once per match.
 */
const nonGlobal = new WeakMap<RegExp, RegExp>();
function once(re: RegExp): RegExp {
  let r = nonGlobal.get(re);
  if (!r) {
    r = new RegExp(re.source, re.flags.replace('g', ''));
    nonGlobal.set(re, r);
  }
  return r;
}
/** A word of the folded text: letters and digits, with apostrophes and censoring stars inside. */
const WORD = /[a-z0-9](?:[a-z0-9'*]*[a-z0-9*])?/g;
const NO_ALLOW: string[] = [];

const ACTION = Object.fromEntries(CRITERION_IDS.map((id) => [id, criterion(id).action])) as Record<
  CriterionId,
  Action
>;

/** A rule's criterion and the further ones it meets, computed once per rule. */
const ruleCriteria = new WeakMap<Rule, readonly CriterionId[]>();
function criteriaOf(r: Rule): readonly CriterionId[] {
  let list = ruleCriteria.get(r);
  if (!list) {
    list = [r.criterion, ...(r.also ?? [])];
    ruleCriteria.set(r, list);
  }
  return list;
}

function ruleEnabled(r: Rule, enabled: ReadonlySet<CriterionId>): boolean {
  if (enabled.has(r.criterion)) return true;
  for (const c of r.also ?? []) if (enabled.has(c)) return true;
  return false;
}

/**
 * A comment that repeats one word a thousand times needs the first few dozen marked, not all:
 * the cap keeps the cost of a hostile input linear.
 */
const MAX_MATCHES_PER_RULE = 50;

/** Distinct words remembered by an engine's word lookup before it starts afresh. */
export const TOKEN_MEMO_LIMIT = 50_000;

/** A bad rule, rejected when the engine is built. The message names the rule. */
export class RuleError extends Error {
  constructor(
    readonly ruleId: string,
    message: string,
  ) {
    super(`Rule "${ruleId}": ${message}`);
    this.name = 'RuleError';
  }
}

interface LexEntry {
  rule: LexiconRule;
  confidence: Confidence;
  term: string;
}

/** Cut every run of one letter to a single letter ("fuuck" -> "fuck"). */
/** A number for a word's first two characters: a map key without making a string. */
const key2 = (s: string): number => (s.charCodeAt(0) << 16) | (s.length > 1 ? s.charCodeAt(1) : 0);
function hasDouble(t: string): boolean {
  for (let i = 1; i < t.length; i++) if (t.charCodeAt(i) === t.charCodeAt(i - 1)) return true;
  return false;
}
const squeeze = (s: string): string => s.replace(/([a-z])\1+/g, '$1');
const wildKey = (t: string): string => `${t[0]}${t.length}${t[t.length - 1]}`;

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}

export interface Engine {
  readonly rules: readonly Rule[];
  detect(text: string, context?: DetectContext): Finding[];
}

/**
 * Build an engine from rules. Every rule is validated; a bad rule throws a {@link RuleError}
 * naming it, so a broken rule never ships silently.
 *
 * @example
 * const engine = buildEngine(RULES);
 * engine.detect('you absolute f*cking muppet'); // [{ criterion: 'offensive-language', … }]
 */
export function buildEngine(rules: readonly Rule[]): Engine {
  const ids = new Set<string>();
  for (const r of rules) {
    const id =
      typeof (r as { id?: unknown }).id === 'string' ? (r as { id: string }).id : '(no id)';
    const parsed = RuleSchema.safeParse(r);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new RuleError(id, `${issue?.path.join('.') || 'rule'}: ${issue?.message ?? 'invalid'}`);
    }
    if (ids.has(r.id)) throw new RuleError(r.id, 'duplicate rule id');
    ids.add(r.id);
    if (r.needs && (r.needs.global || r.needs.sticky))
      throw new RuleError(r.id, 'needs must not have the g or y flag');
    if (r.kind === 'pattern') {
      if (!r.pattern.global) throw new RuleError(r.id, 'pattern must have the g flag');
      if (r.pattern.test('')) throw new RuleError(r.id, 'pattern matches the empty string');
      r.pattern.lastIndex = 0;
      if (
        r.on === 'folded' &&
        r.pattern.ignoreCase === false &&
        /[A-Z]/.test(r.pattern.source.replace(/\\[A-Za-z]/g, ''))
      ) {
        throw new RuleError(r.id, 'a folded-text pattern cannot contain upper-case letters');
      }
    }
    if (r.kind === 'lexicon') {
      for (const raw of r.terms) {
        const [term, conf] = raw.split('|');
        if (!term || term !== term.toLowerCase() || /[^a-z0-9' *-]/.test(term)) {
          throw new RuleError(
            r.id,
            `term "${raw}" must be lower-case letters, digits, spaces, ' or -`,
          );
        }
        if (conf !== undefined && !(conf in RANK))
          throw new RuleError(r.id, `term "${raw}" has an unknown confidence`);
      }
    }
  }

  // Single-word lexicon terms go into maps for one pass over the tokens; phrases become regexes.
  const exact = new Map<string, LexEntry[]>();
  const squeezed = new Map<string, LexEntry[]>();
  const wild = new Map<string, LexEntry[]>();
  /** Prefix terms by their first two letters. */
  const prefixes = new Map<number, LexEntry[]>();
  const phraseRules: { rule: LexiconRule; re: RegExp; conf: Map<string, Confidence> }[] = [];
  /** Phrases only run when one of their first words is in the text. */
  const phraseFirstWords = new Set<string>();
  const push = (m: Map<string, LexEntry[]>, k: string, v: LexEntry) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  for (const r of rules) {
    if (r.kind !== 'lexicon') continue;
    const phrases: string[] = [];
    const conf = new Map<string, Confidence>();
    for (const raw of r.terms) {
      const [term, c] = raw.split('|') as [string, Confidence | undefined];
      const entry: LexEntry = { rule: r, confidence: c ?? r.confidence, term };
      if (/[ -]/.test(term)) {
        phrases.push(term);
        conf.set(term, entry.confidence);
        continue;
      }
      push(exact, term, entry);
      const sq = squeeze(term);
      push(squeezed, sq, entry);
      if (term.length >= 4) push(wild, wildKey(term), entry);
      if (r.prefix) {
        const k = key2(term);
        const list = prefixes.get(k) ?? [];
        list.push(entry);
        prefixes.set(k, list);
      }
    }
    if (phrases.length > 0) {
      for (const p of phrases) phraseFirstWords.add(p.split(/[ -]+/)[0]!);
      const body = phrases
        .sort((a, b) => b.length - a.length)
        .map((p) => p.split(/[ -]+/).map(escapeRe).join('[^a-z0-9*]{1,3}'))
        .join('|');
      phraseRules.push({
        rule: r,
        re: new RegExp(`(?<![a-z0-9])(?:${body})(?![a-z0-9])`, 'g'),
        conf,
      });
    }
  }

  const patternRules = rules.filter((r): r is PatternRule => r.kind === 'pattern');
  const customRules = rules.filter((r) => r.kind === 'custom');

  // Anchor gates: which rules could match, from the words in the text (see `anchors`).
  const gated = new Map<Rule, number>();
  const exactAnchor = new Map<string, number[]>();
  const prefixAnchor = new Map<number, Array<[string, number]>>();
  for (const r of rules) {
    if (!r.anchors) continue;
    const bit = gated.size;
    gated.set(r, bit);
    for (const a of r.anchors) {
      if (a.endsWith('*')) {
        const stem = a.slice(0, -1);
        const list = prefixAnchor.get(key2(stem)) ?? [];
        list.push([stem, bit]);
        prefixAnchor.set(key2(stem), list);
      } else {
        const list = exactAnchor.get(a) ?? [];
        list.push(bit);
        exactAnchor.set(a, list);
      }
    }
  }
  // Reused across calls (detect is synchronous): allocating a typed array per comment costs more
  // than filling this one.
  const openBuf = new Uint8Array(gated.size);
  /** Is this rule gated off for this text? (Defined once: no closures per call.) */
  /** Gate bit of each pattern and custom rule (-1: not gated), in the order they run. */
  const patternBits = Int32Array.from(patternRules, (r) => gated.get(r) ?? -1);
  const customBits = Int32Array.from(customRules, (r) => gated.get(r) ?? -1);

  function shut(
    r: Rule,
    bit: number,
    text: string,
    hasContext: boolean,
    open: Uint8Array,
  ): boolean {
    if (bit >= 0 && open[bit] === 0 && !(r.contextual && hasContext)) return true;
    return r.needs !== undefined && !r.needs.test(text);
  }

  /** What one token means to the engine: lexicon hits and the rule gates it opens. */
  interface TokenInfo {
    hits: LexEntry[] | undefined;
    gates: number[];
    /** The word starts one of the lexicon's phrases. */
    first?: boolean;
  }
  const NO_GATES: number[] = [];
  const NOTHING: TokenInfo = { hits: undefined, gates: NO_GATES };

  /**
   * Exact words, worked out once when the engine is built: a word that is both a lexicon term
   * and an anchor gets one entry, so most tokens cost one lookup.
   */
  const exactInfo = new Map<string, TokenInfo>();
  for (const [t, hits] of exact) exactInfo.set(t, { hits, gates: NO_GATES });
  for (const [t, bits] of exactAnchor) {
    const known = exactInfo.get(t);
    exactInfo.set(t, { hits: known?.hits, gates: bits });
  }
  for (const w of phraseFirstWords) {
    const known = exactInfo.get(w);
    exactInfo.set(w, { hits: known?.hits, gates: known?.gates ?? NO_GATES, first: true });
  }
  /** Two-letter starts of every prefix rule (lexicon prefixes and prefix anchors). */
  const prefixStarts = new Set<number>([...prefixes.keys(), ...prefixAnchor.keys()]);

  /**
   * Words already looked up: most words of a feed repeat, and a word's meaning depends only on
   * the engine. Emptied when it reaches TOKEN_MEMO_LIMIT words, so a stream of unique words
   * cannot grow it without bound (a 2,000-comment thread has a few thousand distinct words).
   */
  const memo = new Map<string, TokenInfo>();

  function tokenInfo(t: string): TokenInfo {
    let info = memo.get(t);
    if (!info) {
      if (memo.size >= TOKEN_MEMO_LIMIT) memo.clear();
      info = lookUp(t);
      memo.set(t, info);
    }
    return info;
  }

  function lookUp(t: string): TokenInfo {
    const known = exactInfo.get(t) ?? NOTHING;
    const star = t.includes('*');
    // The common case: nothing starts like a prefix rule, no stars, no doubled letters.
    if (!prefixStarts.has(key2(t)) && !star && (known.hits || !hasDouble(t))) return known;
    let hits = known.hits;
    if (!hits && star) {
      // Censored with stars: "f**k", "c*nt". First and last letters must be real, and the
      // pattern must fit exactly one term, or it means nothing we can name.
      if (/^[a-z].*[a-z]$/.test(t)) {
        const re = new RegExp(`^${t.replace(/\*/g, '[a-z]')}$`);
        const cands = (wild.get(wildKey(t)) ?? []).filter((x) => re.test(x.term));
        const distinct = new Set(cands.map((x) => squeeze(x.term)));
        if (cands.length > 0 && distinct.size === 1) hits = cands;
      }
    }
    if (!hits && hasDouble(t)) hits = squeezed.get(squeeze(t));
    if (!hits && prefixes.size > 0) {
      for (const p of prefixes.get(key2(t)) ?? []) {
        if (t.length > p.term.length && t.startsWith(p.term)) {
          hits = [p];
          break;
        }
      }
    }
    let gates = known.gates;
    for (const [stem, b] of prefixAnchor.get(key2(t)) ?? []) {
      if (t.startsWith(stem)) gates = [...gates, b];
    }
    if (!hits && gates === NO_GATES && !known.first) return NOTHING;
    return { hits, gates, first: known.first };
  }

  /** One pass over the tokens: lexicon matches into `out`, opened gates into `open`. */
  function lexiconMatches(
    f: Folded,
    out: Array<[Rule, RawMatch]>,
    enabled: (c: CriterionId) => boolean,
    open: Uint8Array,
  ) {
    open.fill(0);
    let firstWord = false;
    const text = f.text;
    WORD.lastIndex = 0;
    for (let w = WORD.exec(text); w !== null; w = WORD.exec(text)) {
      let t = w[0];
      const s = w.index;
      let e = s + t.length;
      // "dealer's" is "dealer" for matching and for gates.
      if (t.endsWith("'s")) {
        t = t.slice(0, -2);
        e -= 2;
      } else if (t.endsWith("'")) {
        t = t.slice(0, -1);
        e -= 1;
      }
      const info = tokenInfo(t);
      if (info.first) firstWord = true;
      for (const b of info.gates) open[b] = 1;
      if (!info.hits) continue;
      for (const h of info.hits) {
        if (!enabled(h.rule.criterion)) continue;
        out.push([h.rule, { s, e, confidence: h.confidence }]);
      }
    }
    if (!firstWord) return;
    for (const pr of phraseRules) {
      if (!enabled(pr.rule.criterion)) continue;
      pr.re.lastIndex = 0;
      for (let m = pr.re.exec(f.text); m !== null; m = pr.re.exec(f.text)) {
        const key = m[0].replace(/[^a-z0-9*]+/g, ' ');
        out.push([pr.rule, { s: m.index, e: m.index + m[0].length, confidence: pr.conf.get(key) }]);
      }
    }
  }

  function patternMatches(f: Folded, r: PatternRule, out: Array<[Rule, RawMatch]>) {
    const onOriginal = r.on === 'original';
    const hay = onOriginal ? f.original : f.text;
    r.pattern.lastIndex = 0;
    let guard = 0;
    for (let m = r.pattern.exec(hay); m !== null; m = r.pattern.exec(hay)) {
      if (m[0].length === 0) {
        r.pattern.lastIndex++;
        continue;
      }
      if (++guard > MAX_MATCHES_PER_RULE) break;
      if (r.exclude && once(r.exclude).test(m[0])) continue;
      // A named group "hit" narrows the finding to the part that matters.
      const hit = m.groups
        ? Object.entries(m.groups).find(([k, v]) => k.startsWith('hit') && v !== undefined)?.[1]
        : undefined;
      const s = hit !== undefined ? m.index + m[0].indexOf(hit) : m.index;
      const e = hit !== undefined ? s + hit.length : m.index + m[0].length;
      out.push([r, { s, e, original: onOriginal }]);
    }
  }

  function sentenceCheck(f: Folded, r: PatternRule, m: RawMatch): boolean {
    if (!r.requires && !r.unless) return true;
    let s = m.s;
    let e = m.e;
    if (m.original) [s, e] = originalToFolded(f, m.s, m.e);
    const [a, b] = sentenceOf(f, s, e);
    const sentence = f.text.slice(a, b);
    if (r.requires && !once(r.requires).test(sentence)) return false;
    if (r.unless && once(r.unless).test(sentence)) return false;
    return true;
  }

  function detect(text: string, context: DetectContext = {}): Finding[] {
    if (typeof text !== 'string' || text.length === 0) return [];
    const f = fold(text);
    const enabledSet = context.enabledCriteria ? new Set(context.enabledCriteria) : null;
    const enabled = enabledSet === null ? ALL_ENABLED : (c: CriterionId) => enabledSet.has(c);
    const raw: Array<[Rule, RawMatch]> = [];
    const open = openBuf;
    lexiconMatches(f, raw, enabled, open);
    const hasContext =
      (context.protectedNames?.length ?? 0) > 0 ||
      (context.activeCases?.length ?? 0) > 0 ||
      (context.operations?.length ?? 0) > 0;
    for (let k = 0; k < patternRules.length; k++) {
      const r = patternRules[k]!;
      if (shut(r, patternBits[k]!, text, hasContext, open)) continue;
      if (enabledSet && !ruleEnabled(r, enabledSet)) continue;
      const before = raw.length;
      patternMatches(f, r, raw);
      // Sentence conditions are checked only for the new matches of this rule.
      for (let i = raw.length - 1; i >= before; i--) {
        if (!sentenceCheck(f, r, raw[i]![1])) raw.splice(i, 1);
      }
    }
    for (let k = 0; k < customRules.length; k++) {
      const r = customRules[k]!;
      if (shut(r, customBits[k]!, text, hasContext, open)) continue;
      if (enabledSet && !ruleEnabled(r, enabledSet)) continue;
      for (const m of r.match({ folded: f, context })) raw.push([r, m]);
    }
    for (const m of customFromContext(f, context)) raw.push(m);

    const allow =
      context.allowList && context.allowList.length > 0
        ? context.allowList.map((a) => fold(a).text.trim()).filter((a) => a.length > 0)
        : NO_ALLOW;
    const findings: Finding[] = [];
    const perRule = new Map<string, number>();
    for (const [r, m] of raw) {
      const n = (perRule.get(r.id) ?? 0) + 1;
      perRule.set(r.id, n);
      if (n > MAX_MATCHES_PER_RULE) continue;
      let s = m.s;
      let e = m.e;
      if (r.suppress && r.suppress.length > 0) {
        const [fs, fe] = m.original ? originalToFolded(f, s, e) : [s, e];
        if (suppressedBy(f, fs, fe, r.suppress)) continue;
      }
      if (!m.original) [s, e] = toOriginal(f, s, e);
      if (e <= s || s < 0 || e > text.length) continue;
      const excerpt = text.slice(s, e);
      if (allow.length > 0) {
        const fx = fold(excerpt).text.trim();
        if (allow.some((a) => fx === a || fx.includes(a) || a.includes(fx))) continue;
      }
      const explanation = m.vars
        ? fill(r.explain, { excerpt, ...m.vars })
        : r.explain.replace('{excerpt}', excerpt);
      const confidence = m.confidence ?? r.confidence;
      for (const c of criteriaOf(r)) {
        if (!enabled(c)) continue;
        findings.push({
          criterion: c,
          action: ACTION[c],
          ruleId: r.id,
          start: s,
          end: e,
          excerpt,
          confidence,
          explanation,
        });
      }
    }
    return dedupe(findings, text);
  }

  return { rules, detect };
}

/** Folded offsets for an original span (the first folded char at or after s, up to e). */
function originalToFolded(f: Folded, s: number, e: number): [number, number] {
  let a = 0;
  while (a < f.text.length && f.starts[a]! < s) a++;
  let b = a;
  while (b < f.text.length && f.starts[b]! < e) b++;
  return [a, Math.max(a, b)];
}

/** Moderator-defined rules from settings: words or a pattern mapped to a criterion. */
const customCache = new WeakMap<object, Rule[]>();
function customFromContext(f: Folded, context: DetectContext): Array<[Rule, RawMatch]> {
  const specs = context.customRules;
  if (!specs || specs.length === 0) return [];
  let compiled = customCache.get(specs);
  if (!compiled) {
    compiled = [];
    for (const spec of specs) {
      const sources: string[] = [];
      for (const w of spec.words ?? []) {
        const fw = fold(w).text.trim();
        if (fw) sources.push(fw.split(/\s+/).map(escapeRe).join('[^a-z0-9]+'));
      }
      let onOriginal: RegExp | null = null;
      if (spec.pattern) {
        try {
          onOriginal = new RegExp(spec.pattern, 'giu');
        } catch {
          onOriginal = null; // Refused by the settings page already; never crash a scan over it.
        }
      }
      const words =
        sources.length > 0
          ? new RegExp(`(?<![a-z0-9])(?:${sources.join('|')})(?![a-z0-9])`, 'g')
          : null;
      const id = `custom.${
        spec.id
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '') || 'rule'
      }`;
      const base = {
        id,
        criterion: spec.criterion,
        confidence: 'high' as const,
        explain: `Matches your custom rule "${spec.id}": '{excerpt}'`,
        examples: { flag: ['-'], noFlag: ['-'] },
      };
      if (words) compiled.push({ ...base, kind: 'pattern', on: 'folded', pattern: words });
      if (onOriginal)
        compiled.push({
          ...base,
          id: `${id}.pattern`,
          kind: 'pattern',
          on: 'original',
          pattern: onOriginal,
        });
    }
    customCache.set(specs, compiled);
  }
  const out: Array<[Rule, RawMatch]> = [];
  for (const r of compiled) {
    if (r.kind !== 'pattern') continue;
    const hay = r.on === 'original' ? f.original : f.text;
    r.pattern.lastIndex = 0;
    let n = 0;
    for (let m = r.pattern.exec(hay); m !== null && n < 100; m = r.pattern.exec(hay), n++) {
      if (m[0].length === 0) {
        r.pattern.lastIndex++;
        continue;
      }
      out.push([r, { s: m.index, e: m.index + m[0].length, original: r.on === 'original' }]);
    }
  }
  return out;
}

/**
 * One finding per criterion and overlapping span: overlapping findings of one criterion are
 * merged into their union (so every matched word stays marked), keeping the most confident
 * rule's id and explanation.
 */
function dedupe(findings: Finding[], text: string): Finding[] {
  findings.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Finding[] = [];
  for (const f of findings) {
    const i = out.findIndex(
      (o) => o.criterion === f.criterion && f.start < o.end && o.start < f.end,
    );
    if (i === -1) {
      out.push(f);
      continue;
    }
    const o = out[i]!;
    const best = RANK[f.confidence] > RANK[o.confidence] ? f : o;
    const start = Math.min(o.start, f.start);
    const end = Math.max(o.end, f.end);
    out[i] = { ...best, start, end, excerpt: text.slice(start, end) };
  }
  return out;
}

import { z } from 'zod';
import { CriterionIdSchema, type CriterionId } from '../policy/schema';
import type { Confidence, DetectContext } from './types';
import type { Folded } from './normalise';

/**
 * What can make a match not count, checked in the sentence around it:
 * - `negation`: "not", "never", "nobody"… shortly before the match in the same clause;
 * - `quoted`: inside quotation marks, or reported speech ("called him …", "the word …");
 * - `news`: news-style reporting ("Man, 34, charged with …", "appeared at … court");
 * - `question`: the sentence is a question;
 * - `condemn`: counter-speech ("… is disgusting", "no place for …", "report it").
 */
export const SuppressorSchema = z.enum(['negation', 'quoted', 'news', 'question', 'condemn']);
export type Suppressor = z.infer<typeof SuppressorSchema>;

/** A match before suppression: a span in the FOLDED text (or original, when `original` is set). */
export interface RawMatch {
  s: number;
  e: number;
  /** Offsets are already in the original text. */
  original?: boolean;
  confidence?: Confidence;
  /** Values for the explanation template, e.g. {name}, {role}, {caseRef}. */
  vars?: Record<string, string>;
}

export interface MatchInput {
  folded: Folded;
  context: DetectContext;
}

export type Example = string | { text: string; context?: DetectContext };

const ExampleSchema = z.union([
  z.string().min(1),
  z.object({ text: z.string().min(1), context: z.custom<DetectContext>().optional() }),
]);

const base = {
  id: z
    .string()
    .regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'ids are lower-case words joined by - or .'),
  criterion: CriterionIdSchema,
  /** Further criteria the same match meets (a credible threat is also a threat). */
  also: z.array(CriterionIdSchema).optional(),
  confidence: z.enum(['high', 'medium', 'low']),
  /** One line for the moderator. `{excerpt}` and any match vars are filled in. */
  explain: z.string().min(5),
  suppress: z.array(SuppressorSchema).optional(),
  /**
   * Speed gate: run the rule only when one of these tokens is in the folded text ("word", or
   * "stem*" for any word starting so). Every way the rule can match must contain one of them:
   * a gate, never a filter (the rule's examples and the functional tables check it).
   */
  anchors: z
    .array(z.string().regex(/^[a-z0-9'-][a-z0-9'*-]+$/, 'anchors are lower-case words'))
    .optional(),
  /** Speed gate: run the rule only when this matches the original text (e.g. /\d/). */
  needs: z.instanceof(RegExp).optional(),
  /** The rule reads the moderator's names, cases or operations: never gated while those are set. */
  contextual: z.boolean().optional(),
  examples: z.object({
    flag: z.array(ExampleSchema).min(1, 'needs at least one example that must flag'),
    noFlag: z.array(ExampleSchema).min(1, 'needs at least one example that must not flag'),
  }),
};

const LexiconRuleSchema = z.object({
  ...base,
  kind: z.literal('lexicon'),
  /** Words or short phrases, already lower-case; each may carry its own confidence with "term|high". */
  terms: z.array(z.string().min(2)).min(1),
  /** Also match the term as the start of a longer word ("fuckwit"): only for stems no English word starts with. */
  prefix: z.boolean().optional(),
});

const PatternRuleSchema = z.object({
  ...base,
  kind: z.literal('pattern'),
  /** Which text the pattern runs on: the folded text (lower case) or the original (case kept). */
  on: z.enum(['folded', 'original']),
  pattern: z.instanceof(RegExp),
  /** The match only counts if this also matches within the same sentence (folded text). */
  requires: z.instanceof(RegExp).optional(),
  /** The match does not count if this matches within the same sentence (folded text). */
  unless: z.instanceof(RegExp).optional(),
  /** The match does not count if its own text matches this (folded or original, as `on`). */
  exclude: z.instanceof(RegExp).optional(),
});

const CustomRuleSchema = z.object({
  ...base,
  kind: z.literal('custom'),
  match: z.custom<(input: MatchInput) => RawMatch[]>((v) => typeof v === 'function', {
    message: 'match must be a function',
  }),
});

export const RuleSchema = z.discriminatedUnion('kind', [
  LexiconRuleSchema,
  PatternRuleSchema,
  CustomRuleSchema,
]);
export type Rule = z.infer<typeof RuleSchema>;
export type LexiconRule = z.infer<typeof LexiconRuleSchema>;
export type PatternRule = z.infer<typeof PatternRuleSchema>;

/**
 * Patterns at least this long are compiled without irregexp's code-copying optimisations.
 *
 * V8 compiles a regular expression to machine code, once per string width (Latin-1 and UTF-16
 * text), and copies code along each path through a large alternation. The four largest threat
 * patterns (~10,000 characters: a verb list and a dozen copies of the "person" list) came to
 * 1.5–1.9 MB of machine code each per width in Chromium 156: ~13 MB of the ~20 MB of compiled
 * patterns in every X and Facebook tab, and more for the garbage collector to walk. V8 skips
 * those optimisations for a pattern longer than 20 KiB characters (Firefox's SpiderMonkey uses
 * the same irregexp compiler; not measured there): padded past that with empty groups, which
 * match nothing and change no match, each compiles to ~0.27 MB. They run slower per call (~2× on
 * a long threat-laden text), but only on comments with one of their anchor words, and the
 * engine's throughput on the Davidson corpus rose a little (~64,000 → ~68,000 comments/s, each
 * timed in a fresh process).
 */
export const COMPACT_CODE_CHARS = 20 * 1024 + 1;
/** Patterns shorter than this keep the optimised compile (it is fast and small for them). */
export const LARGE_PATTERN_CHARS = 5000;

/** `re` padded past COMPACT_CODE_CHARS when it is large (see above); otherwise `re` itself. */
export function compactCode(re: RegExp): RegExp {
  const length = re.source.length;
  if (length < LARGE_PATTERN_CHARS || length >= COMPACT_CODE_CHARS) return re;
  const pad = '(?:)'.repeat(Math.ceil((COMPACT_CODE_CHARS - length) / 4));
  return new RegExp(re.source + pad, re.flags);
}

/** A literal string as a regular-expression source. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Helper so rule files get types and autocompletion. */
export const rule = <R extends Rule>(r: R): R => r;

export type { CriterionId };

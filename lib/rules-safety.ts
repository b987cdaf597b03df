import safeRegex from 'safe-regex2';

/** Longest regular expression a moderator may save. Long patterns are hard to review and slow. */
export const MAX_PATTERN_LENGTH = 200;

/**
 * The flags the detection engine compiles custom patterns with (see `customFromContext` in
 * lib/detect/engine.ts). A pattern is checked under the same flags so that what passes here is
 * exactly what the engine will run: the `u` flag in particular refuses loose escapes like `\-`.
 */
export const CUSTOM_PATTERN_FLAGS = 'giu';

export type PatternCheck = { ok: true } | { ok: false; message: string };

// Engine messages are terse and differ between browsers; the common ones get a plain hint.
const HINTS: Array<[RegExp, string]> = [
  [/unterminated group|missing \)|unterminated parenthetical/i, 'a "(" is never closed with ")"'],
  [
    /unmatched '\)'|unmatched parenthes|unbalanced parenthes/i,
    'there is a ")" with no "(" before it',
  ],
  [/nothing to repeat/i, 'a *, + or ? has nothing before it to repeat'],
  [/unterminated character class|missing \]/i, 'a "[" is never closed with "]"'],
  [/lone quantifier|incomplete quantifier/i, 'a "{" or "}" needs a backslash before it'],
  [/out of order/i, 'in {min,max} the first number is larger than the second'],
  [
    /invalid escape|invalid identity escape/i,
    'a backslash is followed by a character that cannot be escaped here',
  ],
  [
    /\\ at end of pattern|trailing backslash|ends with a backslash/i,
    'the pattern ends with a lone backslash',
  ],
  [/invalid group|invalid capture group name/i, 'a "(?" group is not written correctly'],
];

function readableSyntaxError(src: string, err: unknown): string {
  const raw = err instanceof Error ? err.message : String(err);
  const prefix = `Invalid regular expression: /${src}/${CUSTOM_PATTERN_FLAGS}: `;
  const reason = raw.startsWith(prefix) ? raw.slice(prefix.length) : raw;
  const hint = HINTS.find(([re]) => re.test(reason))?.[1];
  const said = reason.charAt(0).toLowerCase() + reason.slice(1);
  return hint
    ? `This is not a valid regular expression: ${hint} (${said}).`
    : `This is not a valid regular expression (${said}).`;
}

/**
 * Decides whether a moderator's regular expression may be saved as a custom rule. Refuses, with a
 * message a moderator can act on: an empty or over-long pattern, one the browser cannot compile
 * (the SyntaxError, made readable), one that matches empty text (it would flag every comment),
 * and one that can backtrack catastrophically (nested repetition such as `(a+)+`), which would
 * freeze the page on a crafted comment. The last check is the `safe-regex2` package's star-height
 * analysis; it does not catch every slow pattern (overlapping alternatives such as `(a|a)*` pass),
 * so the length cap is kept as a second line.
 *
 * @example
 * checkPattern('cheap\\s+pills'); // { ok: true }
 * checkPattern('(');              // { ok: false, message: 'This is not a valid regular expression: a "(" is never closed …' }
 * checkPattern('(a+)+$');         // { ok: false, message: 'This pattern could take so long … ' }
 */
export function checkPattern(src: string): PatternCheck {
  if (src.trim().length === 0) return { ok: false, message: 'Enter a regular expression.' };
  if (src.length > MAX_PATTERN_LENGTH) {
    return {
      ok: false,
      message: `This pattern is ${src.length} characters long; the limit is ${MAX_PATTERN_LENGTH}. Split it into more than one rule.`,
    };
  }
  let re: RegExp;
  try {
    re = new RegExp(src, CUSTOM_PATTERN_FLAGS);
  } catch (err) {
    return { ok: false, message: readableSyntaxError(src, err) };
  }
  if (re.test('')) {
    return {
      ok: false,
      message:
        'This pattern matches empty text, so it would match every comment. Make sure it needs at least one character (for example use + rather than *).',
    };
  }
  if (!safeRegex(src)) {
    if (/\(\?<[=!]/.test(src)) {
      return {
        ok: false,
        message:
          'Look-behind, "(?<=" or "(?<!", cannot be checked for safety, so it is not accepted. Remove it, or use the words option.',
      };
    }
    return {
      ok: false,
      message:
        'This pattern could take so long on some comments that the page would freeze: it repeats something that is itself repeated, as in (a+)+, or has too many repeats. Rewrite it without a repeat inside a repeat.',
    };
  }
  return { ok: true };
}

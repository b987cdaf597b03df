import { useEffect, useRef, useState, type FormEvent } from 'react';
import { POLICY, type CriterionId } from '../../lib/policy';
import { checkPattern, MAX_PATTERN_LENGTH } from '../../lib/rules-safety';
import { CustomRuleSpecSchema, type Settings } from '../../lib/storage/settings';
import { splitList, type SetDraft } from './drafts';
import type { Update } from './useSettings';

type Rule = Settings['customRules'][number];
type Kind = 'words' | 'pattern';

const labelOf = (id: CriterionId) => POLICY.criteria.find((c) => c.id === id)?.label ?? id;

/** Moderator-defined words or regular expressions, each mapped to an Annex 1 criterion. */
export function CustomRulesSection({
  settings,
  update,
  setDraft,
}: {
  settings: Settings;
  update: Update;
  setDraft: SetDraft;
}) {
  const [name, setName] = useState('');
  const [criterion, setCriterion] = useState<CriterionId>('offensive-language');
  const [kind, setKind] = useState<Kind>('words');
  const [words, setWords] = useState('');
  const [pattern, setPattern] = useState('');
  const [errors, setErrors] = useState<{ name?: string; words?: string; pattern?: string }>({});
  const [saveError, setSaveError] = useState('');
  const nameRef = useRef<HTMLInputElement>(null);
  const wordsRef = useRef<HTMLTextAreaElement>(null);
  const patternRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const rules = settings.customRules;

  // The pattern's check is shown as it is typed; an untouched empty field says nothing yet.
  const patternCheck = pattern ? checkPattern(pattern) : null;
  const patternMessage = errors.pattern ?? (patternCheck?.ok === false ? patternCheck.message : '');

  const candidate = (): Rule | null => {
    const id = name.trim() || (kind === 'words' ? splitList(words, true)[0] : pattern) || '';
    if (kind === 'words') {
      const list = splitList(words, true);
      return list.length && id ? { id, criterion, words: list } : null;
    }
    return pattern && id && checkPattern(pattern).ok ? { id, criterion, pattern } : null;
  };

  // A valid rule being typed shows in "Try it" before it is added.
  const draft = candidate();
  const draftKey = JSON.stringify(draft);
  useEffect(() => {
    setDraft('customRule', draft ?? undefined);
    // draftKey stands for draft: a new object each render must not loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draftKey, setDraft]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next: typeof errors = {};
    const id = name.trim();
    if (!id) next.name = 'Give the rule a name, so its highlights say where they come from.';
    else if (rules.some((r) => r.id.toLowerCase() === id.toLowerCase())) {
      next.name = `There is already a rule called ${id}. Choose another name.`;
    }
    let rule: Rule | null = null;
    if (kind === 'words') {
      const list = splitList(words, true);
      if (list.length === 0) next.words = 'Enter at least one word or phrase.';
      else if (list.some((w) => w.length > 100))
        next.words = 'Each word or phrase can be at most 100 characters.';
      else rule = { id, criterion, words: list };
    } else {
      const check = checkPattern(pattern);
      if (!check.ok) next.pattern = check.message;
      else rule = { id, criterion, pattern };
    }
    setErrors(next);
    if (next.name || next.words || next.pattern || !rule) {
      if (next.name) nameRef.current?.focus();
      else if (next.words) wordsRef.current?.focus();
      else patternRef.current?.focus();
      return;
    }
    const parsed = CustomRuleSpecSchema.safeParse(rule);
    if (!parsed.success) {
      setSaveError('This rule is not complete. Check each field.');
      return;
    }
    const added = parsed.data;
    const failed = await update(
      (s) => ({ ...s, customRules: [...s.customRules, added] }),
      `custom rule ${added.id} added`,
    );
    setSaveError(failed ?? '');
    if (failed) return;
    setName('');
    setWords('');
    setPattern('');
    nameRef.current?.focus();
  }

  async function remove(i: number) {
    const rule = rules[i];
    if (!rule) return;
    const failed = await update(
      (s) => ({ ...s, customRules: s.customRules.filter((_, j) => j !== i) }),
      `custom rule ${rule.id} removed`,
    );
    setSaveError(failed ?? '');
    if (!failed) headingRef.current?.focus();
  }

  return (
    <>
      <form onSubmit={submit} noValidate aria-labelledby="cr-form-heading">
        <h3 id="cr-form-heading">Add a custom rule</h3>
        <div className="field">
          <label htmlFor="cr-name">Rule name</label>
          <input
            id="cr-name"
            ref={nameRef}
            type="text"
            value={name}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? 'cr-name-error' : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          {errors.name && (
            <p className="error" id="cr-name-error">
              <span aria-hidden="true">⚠ </span>
              {errors.name}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="cr-criterion">Criterion it meets</label>
          <select
            id="cr-criterion"
            value={criterion}
            onChange={(e) => setCriterion(e.target.value as CriterionId)}
          >
            {POLICY.criteria.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>Match by</legend>
          <div className="check">
            <input
              type="radio"
              id="cr-kind-words"
              name="cr-kind"
              checked={kind === 'words'}
              onChange={() => setKind('words')}
            />
            <label htmlFor="cr-kind-words">Words or phrases</label>
          </div>
          <div className="check">
            <input
              type="radio"
              id="cr-kind-pattern"
              name="cr-kind"
              checked={kind === 'pattern'}
              onChange={() => setKind('pattern')}
            />
            <label htmlFor="cr-kind-pattern">A regular expression</label>
          </div>
        </fieldset>
        {kind === 'words' ? (
          <div className="field">
            <label htmlFor="cr-words">Words or phrases</label>
            <p className="hint" id="cr-words-hint">
              Separate them with commas or new lines. Case, spacing and look-alike letters are
              ignored; whole words only.
            </p>
            <textarea
              id="cr-words"
              ref={wordsRef}
              rows={3}
              value={words}
              aria-invalid={errors.words ? true : undefined}
              aria-describedby={`cr-words-hint${errors.words ? ' cr-words-error' : ''}`}
              onChange={(e) => setWords(e.target.value)}
            />
            {errors.words && (
              <p className="error" id="cr-words-error">
                <span aria-hidden="true">⚠ </span>
                {errors.words}
              </p>
            )}
          </div>
        ) : (
          <div className="field">
            <label htmlFor="cr-pattern">Regular expression</label>
            <p className="hint" id="cr-pattern-hint">
              JavaScript syntax, without the slashes; matched against the comment as written,
              ignoring case. At most {MAX_PATTERN_LENGTH} characters.
            </p>
            <input
              id="cr-pattern"
              ref={patternRef}
              type="text"
              className="mono"
              spellCheck={false}
              autoComplete="off"
              value={pattern}
              aria-invalid={patternMessage ? true : undefined}
              aria-describedby={`cr-pattern-hint${patternMessage ? ' cr-pattern-error' : ''}`}
              onChange={(e) => {
                setPattern(e.target.value);
                setErrors((x) => ({ ...x, pattern: undefined }));
              }}
            />
            {patternMessage && (
              <p className="error" id="cr-pattern-error">
                <span aria-hidden="true">⚠ </span>
                {patternMessage}
              </p>
            )}
          </div>
        )}
        <button type="submit">Add rule</button>
        {saveError && (
          <p className="error" role="alert">
            {saveError}
          </p>
        )}
      </form>

      <h3 id="cr-list-heading" ref={headingRef} tabIndex={-1}>
        Custom rules ({rules.length})
      </h3>
      {rules.length === 0 ? (
        <p>No custom rules yet.</p>
      ) : (
        <ul className="entries" aria-labelledby="cr-list-heading">
          {rules.map((r, i) => {
            const check = r.pattern ? checkPattern(r.pattern) : null;
            return (
              <li key={`${r.id}-${i}`}>
                <span>
                  <strong>{r.id}</strong>: {labelOf(r.criterion)};{' '}
                  {r.words?.length ? `words: ${r.words.join(', ')}` : ''}
                  {r.words?.length && r.pattern ? '; ' : ''}
                  {r.pattern && (
                    <>
                      pattern: <code>{r.pattern}</code>
                    </>
                  )}
                  {check && !check.ok && (
                    <span className="error-inline">
                      {' '}
                      Warning: {check.message} Remove this rule.
                    </span>
                  )}
                </span>{' '}
                <button
                  type="button"
                  onClick={() => void remove(i)}
                  aria-label={`Remove rule ${r.id}`}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

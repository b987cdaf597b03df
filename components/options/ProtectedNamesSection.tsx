import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ProtectedRole } from '../../lib/detect/types';
import { ProtectedNameSchema, type Settings } from '../../lib/storage/settings';
import { localToday, splitList, type SetDraft } from './drafts';
import type { Update } from './useSettings';

type Entry = Settings['protectedNames'][number];

export const ROLE_LABELS: Record<ProtectedRole, string> = {
  victim: 'Victim',
  witness: 'Witness',
  suspect: 'Suspect',
  officer: 'Police officer or member of staff',
  'protected-by-order': 'Protected by a court order',
};

interface FormState {
  name: string;
  variants: string;
  role: ProtectedRole;
  caseRef: string;
  reviewBy: string;
}

const EMPTY: FormState = { name: '', variants: '', role: 'victim', caseRef: '', reviewBy: '' };

function toForm(e: Entry): FormState {
  return {
    name: e.name,
    variants: (e.variants ?? []).join(', '),
    role: e.role,
    caseRef: e.caseRef ?? '',
    reviewBy: e.reviewBy ?? '',
  };
}

function toEntry(f: FormState): Entry {
  const variants = splitList(f.variants, true);
  return {
    name: f.name.trim().replace(/\s+/g, ' '),
    role: f.role,
    ...(variants.length ? { variants } : {}),
    ...(f.caseRef.trim() ? { caseRef: f.caseRef.trim() } : {}),
    ...(f.reviewBy ? { reviewBy: f.reviewBy } : {}),
  };
}

function describe(e: Entry): string {
  const parts = [ROLE_LABELS[e.role]];
  if (e.caseRef) parts.push(`case ${e.caseRef}`);
  if (e.variants?.length) parts.push(`also written ${e.variants.join(', ')}`);
  if (e.reviewBy) parts.push(`review by ${e.reviewBy}`);
  return parts.join('; ');
}

interface Props {
  settings: Settings;
  update: Update;
  setDraft: SetDraft;
  /** YYYY-MM-DD; entries with a review date before it are listed for review. */
  today?: string;
}

/** Victims, witnesses, suspects and others whose names must not be identified in comments. */
export function ProtectedNamesSection({ settings, update, setDraft, today = localToday() }: Props) {
  const [form, setForm] = useState<FormState>(EMPTY);
  const [editing, setEditing] = useState<number | null>(null);
  const [error, setError] = useState('');
  const nameRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const names = settings.protectedNames;

  // What is typed shows in "Try it" before it is added.
  useEffect(() => {
    const entry = toEntry(form);
    setDraft(
      'protectedName',
      entry.name
        ? { entry, replaces: editing !== null && editing < names.length ? editing : null }
        : undefined,
    );
  }, [form, editing, names.length, setDraft]);

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const entry = toEntry(form);
    const parsed = ProtectedNameSchema.safeParse(entry);
    if (!parsed.success) {
      const bad = parsed.error.issues[0]?.path[0];
      setError(
        bad === 'reviewBy'
          ? 'Enter the review date as a real date, or leave it empty.'
          : 'Enter the name to protect.',
      );
      nameRef.current?.focus();
      return;
    }
    const clash = names.findIndex(
      (n, i) => i !== editing && n.name.toLowerCase() === parsed.data.name.toLowerCase(),
    );
    if (clash >= 0) {
      setError(`${parsed.data.name} is already listed. Edit that entry instead.`);
      nameRef.current?.focus();
      return;
    }
    const at = editing;
    const failed = await update(
      (s) => ({
        ...s,
        protectedNames:
          at === null
            ? [...s.protectedNames, parsed.data]
            : s.protectedNames.map((n, i) => (i === at ? parsed.data : n)),
      }),
      at === null ? `protected name ${parsed.data.name} added` : `${parsed.data.name} updated`,
    );
    if (failed) {
      setError(failed);
      return;
    }
    setError('');
    setForm(EMPTY);
    setEditing(null);
    nameRef.current?.focus();
  }

  function edit(i: number) {
    const entry = names[i];
    if (!entry) return;
    setEditing(i);
    setForm(toForm(entry));
    setError('');
    nameRef.current?.focus();
  }

  function cancel() {
    setEditing(null);
    setForm(EMPTY);
    setError('');
    nameRef.current?.focus();
  }

  async function remove(i: number) {
    const entry = names[i];
    if (!entry) return;
    const failed = await update(
      (s) => ({ ...s, protectedNames: s.protectedNames.filter((_, j) => j !== i) }),
      `${entry.name} removed`,
    );
    if (failed) {
      setError(failed);
      return;
    }
    if (editing === i) {
      setEditing(null);
      setForm(EMPTY);
    } else if (editing !== null && editing > i) setEditing(editing - 1);
    headingRef.current?.focus();
  }

  const overdue = names
    .map((entry, i) => ({ entry, i }))
    .filter(({ entry }) => entry.reviewBy !== undefined && entry.reviewBy < today);

  const actions = (entry: Entry, i: number) => (
    <span className="actions">
      <button type="button" onClick={() => edit(i)} aria-label={`Edit ${entry.name}`}>
        Edit
      </button>
      <button type="button" onClick={() => void remove(i)} aria-label={`Remove ${entry.name}`}>
        Remove
      </button>
    </span>
  );

  return (
    <>
      {overdue.length > 0 && (
        <div className="notice" role="region" aria-labelledby="review-heading">
          <h3 id="review-heading">For review: past their review date</h3>
          <p>
            Check whether these still need protecting. Edit the review date to keep one, or remove
            it.
          </p>
          <ul>
            {overdue.map(({ entry, i }) => (
              <li key={`${entry.name}-${i}`}>
                <span>
                  <strong>{entry.name}</strong>: review was due {entry.reviewBy}
                </span>{' '}
                {actions(entry, i)}
              </li>
            ))}
          </ul>
        </div>
      )}

      <form onSubmit={submit} noValidate aria-labelledby="pn-form-heading">
        <h3 id="pn-form-heading">
          {editing === null ? 'Add a protected name' : `Edit ${names[editing]?.name ?? ''}`}
        </h3>
        <div className="field">
          <label htmlFor="pn-name">Name to protect</label>
          <input
            id="pn-name"
            ref={nameRef}
            type="text"
            value={form.name}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'pn-error' : undefined}
            onChange={(e) => set('name', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="pn-variants">Other spellings and nicknames (optional)</label>
          <p className="hint" id="pn-variants-hint">
            Separate them with commas, for example: Jan Doe, J Doe, Janey.
          </p>
          <input
            id="pn-variants"
            type="text"
            value={form.variants}
            aria-describedby="pn-variants-hint"
            onChange={(e) => set('variants', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="pn-role">Role</label>
          <select
            id="pn-role"
            value={form.role}
            onChange={(e) => set('role', e.target.value as ProtectedRole)}
          >
            {Object.entries(ROLE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="pn-case">Case reference (optional)</label>
          <input
            id="pn-case"
            type="text"
            value={form.caseRef}
            onChange={(e) => set('caseRef', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="pn-review">Review by (optional)</label>
          <p className="hint" id="pn-review-hint">
            After this date the name is listed for review at the top of this section.
          </p>
          <input
            id="pn-review"
            type="date"
            value={form.reviewBy}
            aria-describedby="pn-review-hint"
            onChange={(e) => set('reviewBy', e.target.value)}
          />
        </div>
        {error && (
          <p className="error" id="pn-error" role="alert">
            <span aria-hidden="true">⚠ </span>
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit">{editing === null ? 'Add protected name' : 'Save changes'}</button>
          {editing !== null && (
            <button type="button" onClick={cancel}>
              Cancel editing
            </button>
          )}
        </div>
      </form>

      <h3 id="pn-list-heading" ref={headingRef} tabIndex={-1}>
        Protected names ({names.length})
      </h3>
      {names.length === 0 ? (
        <p>No names yet.</p>
      ) : (
        <ul className="entries" aria-labelledby="pn-list-heading">
          {names.map((entry, i) => (
            <li key={`${entry.name}-${i}`}>
              <span>
                <strong>{entry.name}</strong>: {describe(entry)}
                {entry.reviewBy !== undefined && entry.reviewBy < today && ' (past review date)'}
              </span>{' '}
              {actions(entry, i)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

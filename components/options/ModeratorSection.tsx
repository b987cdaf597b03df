import { useEffect, useId, useState, type FormEvent } from 'react';
import { ModeratorSchema } from '../../lib/records/schemas';
import { moderatorItem, readModerator } from './moderator';

type Field = 'name' | 'staffNumber' | 'team';

const MESSAGES: Record<Field, string> = {
  name: 'Enter your name.',
  staffNumber: 'Enter your staff or collar number.',
  team: 'Enter your team, or leave it empty.',
};

/** The moderator's own details, stamped on every record they make. */
export function ModeratorSection({ announce }: { announce: (message: string) => void }) {
  const id = useId();
  const [name, setName] = useState('');
  const [staffNumber, setStaffNumber] = useState('');
  const [team, setTeam] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [saveError, setSaveError] = useState('');

  useEffect(() => {
    let live = true;
    void readModerator().then((m) => {
      if (!live || !m) return;
      setName(m.name);
      setStaffNumber(m.staffNumber);
      setTeam(m.team ?? '');
    });
    return () => {
      live = false;
    };
  }, []);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const parsed = ModeratorSchema.safeParse({
      name: name.trim(),
      staffNumber: staffNumber.trim(),
      team: team.trim() || undefined,
    });
    if (!parsed.success) {
      const next: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field;
        next[field] ??= MESSAGES[field];
      }
      setErrors(next);
      const first = (['name', 'staffNumber', 'team'] as const).find((f) => next[f]);
      if (first) form.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setErrors({});
    try {
      await moderatorItem.setValue(parsed.data);
      setSaveError('');
      announce('Saved: your details.');
    } catch (err) {
      setSaveError(`Not saved: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  const field = (
    key: Field,
    label: string,
    value: string,
    set: (v: string) => void,
    extra: { required?: boolean; autoComplete?: string; hint?: string },
  ) => {
    const hintId = `${id}-${key}-hint`;
    const errorId = `${id}-${key}-error`;
    const described = [extra.hint ? hintId : '', errors[key] ? errorId : ''].filter(Boolean);
    return (
      <div className="field">
        <label htmlFor={`${id}-${key}`}>
          {label}
          {extra.required ? '' : ' (optional)'}
        </label>
        {extra.hint && (
          <p className="hint" id={hintId}>
            {extra.hint}
          </p>
        )}
        <input
          id={`${id}-${key}`}
          name={key}
          type="text"
          value={value}
          autoComplete={extra.autoComplete}
          required={extra.required}
          aria-invalid={errors[key] ? true : undefined}
          aria-describedby={described.length ? described.join(' ') : undefined}
          onChange={(e) => set(e.target.value)}
        />
        {errors[key] && (
          <p className="error" id={errorId}>
            <span aria-hidden="true">⚠ </span>
            {errors[key]}
          </p>
        )}
      </div>
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Your details">
      <p>These go on every block and contact record you make, so a review can see who acted.</p>
      {field('name', 'Your name', name, setName, { required: true, autoComplete: 'name' })}
      {field('staffNumber', 'Staff or collar number', staffNumber, setStaffNumber, {
        required: true,
        autoComplete: 'off',
      })}
      {field('team', 'Team', team, setTeam, { hint: 'For example, Digital Media Team.' })}
      <button type="submit">Save your details</button>
      {saveError && (
        <p className="error" role="alert">
          {saveError}
        </p>
      )}
    </form>
  );
}

import { useId, useState, type ChangeEvent } from 'react';
import type { Settings } from '../../lib/storage/settings';
import type { Update } from './useSettings';

export const WINDOW_MIN = 1;
export const WINDOW_MAX = 365;
export const WINDOW_DEFAULT = 30;

/** The days typed, or the reason they cannot be the window. */
export function parseWindowDays(typed: string): { ok: true; days: number } | { ok: false } {
  const text = typed.trim();
  if (!/^\d+$/.test(text)) return { ok: false };
  const days = Number(text);
  return days >= WINDOW_MIN && days <= WINDOW_MAX ? { ok: true, days } : { ok: false };
}

const REFUSED = `Not saved: enter a whole number of days from ${WINDOW_MIN} to ${WINDOW_MAX}.`;

/**
 * The repeat-caller window: how many days Annex 1's "one month" covers. Saved through the
 * settings like every other setting; the background reads it whenever it counts contacts.
 */
export function RepeatWindowSection({ settings, update }: { settings: Settings; update: Update }) {
  const id = useId();
  // What is typed, while it differs from what is saved (null: show the saved value).
  const [typed, setTyped] = useState<string | null>(null);
  const [error, setError] = useState('');

  const change = (e: ChangeEvent<HTMLInputElement>) => {
    const text = e.target.value;
    setTyped(text);
    const parsed = parseWindowDays(text);
    if (!parsed.ok) {
      setError(REFUSED);
      return;
    }
    setError('');
    void update(
      (current) => ({ ...current, repeatWindowDays: parsed.days }),
      `repeat-caller window ${parsed.days} days`,
    ).then((problem) => {
      if (problem) setError(problem);
      else setTyped((t) => (t === text ? null : t));
    });
  };

  const described = [`${id}-policy`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <>
      <div className="field">
        <label htmlFor={id}>Repeat-caller window (days)</label>
        <p className="hint" id={`${id}-policy`}>
          Annex 1 adds a user to the repeat-caller list when there are “five or more recorded,
          inappropriate contacts in the space of one month”. Contacts recorded in this many days up
          to now count towards the five. From {WINDOW_MIN} to {WINDOW_MAX} days; {WINDOW_DEFAULT} by
          default.
        </p>
        <input
          id={id}
          name="repeatWindowDays"
          type="number"
          inputMode="numeric"
          min={WINDOW_MIN}
          max={WINDOW_MAX}
          step={1}
          value={typed ?? String(settings.repeatWindowDays)}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          onChange={change}
        />
        {error ? (
          <p className="error" id={`${id}-error`}>
            <span aria-hidden="true">⚠ </span>
            {error}
          </p>
        ) : null}
      </div>
      {settings.repeatWindowDays !== WINDOW_DEFAULT ? (
        <button
          type="button"
          onClick={() => {
            setTyped(null);
            setError('');
            void update(
              (current) => ({ ...current, repeatWindowDays: WINDOW_DEFAULT }),
              `repeat-caller window ${WINDOW_DEFAULT} days`,
            ).then((problem) => setError(problem ?? ''));
          }}
        >
          Use the default, {WINDOW_DEFAULT} days
        </button>
      ) : null}
    </>
  );
}

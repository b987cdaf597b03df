import { useState } from 'react';
import { CRITERION_IDS, POLICY, type Platform } from '../../lib/policy';
import type { MinConfidence, Settings } from '../../lib/storage/settings';
import type { Update } from './useSettings';

const CONFIDENCE: Array<{ value: MinConfidence; label: string; description: string }> = [
  {
    value: 'high',
    label: 'High only',
    description: 'Only the clearest matches. Fewer highlights; more will be missed.',
  },
  {
    value: 'medium',
    label: 'Medium and high',
    description: 'The usual setting: likely matches, without most of the guesswork.',
  },
  {
    value: 'low',
    label: 'Everything, including low',
    description: 'Also weaker matches that need your judgement. More highlights to check.',
  },
];

const SITES: Array<{ id: Platform; label: string }> = [
  { id: 'x', label: 'X (formerly Twitter)' },
  { id: 'facebook', label: 'Facebook' },
];

const ACTION_WORDS = { remove: 'consider removing', 'report-crime': 'report as a crime' } as const;

/** Which Annex 1 criteria are checked, how sure a match must be, where, and the pause switch. */
export function CriteriaSection({ settings, update }: { settings: Settings; update: Update }) {
  const [error, setError] = useState('');
  const run = async (change: (s: Settings) => Settings, what: string) =>
    setError((await update(change, what)) ?? '');

  return (
    <>
      <fieldset>
        <legend>Criteria to highlight</legend>
        <p className="hint">
          Each is a clause of Annex 1 of the Social Media Policy. A criterion switched off is not
          highlighted on any page.
        </p>
        <ul className="plain">
          {POLICY.criteria.map((c) => {
            const on = settings.enabledCriteria.includes(c.id);
            const inputId = `criterion-${c.id}`;
            return (
              <li key={c.id} className="check">
                <input
                  type="checkbox"
                  id={inputId}
                  checked={on}
                  aria-describedby={`${inputId}-clause`}
                  onChange={(e) => {
                    const checked = e.target.checked;
                    void run(
                      (s) => ({
                        ...s,
                        enabledCriteria: checked
                          ? CRITERION_IDS.filter((x) => x === c.id || s.enabledCriteria.includes(x))
                          : s.enabledCriteria.filter((x) => x !== c.id),
                      }),
                      `${c.label} ${checked ? 'on' : 'off'}`,
                    );
                  }}
                />
                <div>
                  <label htmlFor={inputId}>
                    {c.label} <span className="tag">({ACTION_WORDS[c.action]})</span>
                  </label>
                  <p className="hint" id={`${inputId}-clause`}>
                    {c.clause}
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
      </fieldset>

      <fieldset>
        <legend>Minimum confidence to show</legend>
        <ul className="plain">
          {CONFIDENCE.map((o) => (
            <li key={o.value} className="check">
              <input
                type="radio"
                name="min-confidence"
                id={`confidence-${o.value}`}
                value={o.value}
                checked={settings.minConfidence === o.value}
                aria-describedby={`confidence-${o.value}-hint`}
                onChange={() =>
                  void run(
                    (s) => ({ ...s, minConfidence: o.value }),
                    `minimum confidence ${o.label}`,
                  )
                }
              />
              <div>
                <label htmlFor={`confidence-${o.value}`}>{o.label}</label>
                <p className="hint" id={`confidence-${o.value}-hint`}>
                  {o.description}
                </p>
              </div>
            </li>
          ))}
        </ul>
      </fieldset>

      <fieldset>
        <legend>Sites</legend>
        <ul className="plain">
          {SITES.map((site) => (
            <li key={site.id} className="check">
              <input
                type="checkbox"
                id={`site-${site.id}`}
                checked={!settings.disabledSites.includes(site.id)}
                onChange={(e) => {
                  const on = e.target.checked;
                  void run(
                    (s) => ({
                      ...s,
                      disabledSites: on
                        ? s.disabledSites.filter((x) => x !== site.id)
                        : [...s.disabledSites.filter((x) => x !== site.id), site.id],
                    }),
                    `${site.label} ${on ? 'on' : 'off'}`,
                  );
                }}
              />
              <label htmlFor={`site-${site.id}`}>Highlight comments on {site.label}</label>
            </li>
          ))}
        </ul>
      </fieldset>

      <div className="check">
        <input
          type="checkbox"
          id="paused"
          checked={settings.paused}
          aria-describedby="paused-hint"
          onChange={(e) => {
            const paused = e.target.checked;
            void run((s) => ({ ...s, paused }), paused ? 'paused' : 'resumed');
          }}
        />
        <div>
          <label htmlFor="paused">Pause all highlighting</label>
          <p className="hint" id="paused-hint">
            Nothing is highlighted on any site until you untick this. Your settings are kept.
          </p>
        </div>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

import { useDeferredValue, useMemo, useState } from 'react';
import { detect } from '../../lib/detect';
import { contextFromSettings, visibleFindings } from '../../lib/overlay/findings';
import { criterion } from '../../lib/policy';
import type { Settings } from '../../lib/storage/settings';

const ACTION_WORDS = { remove: 'consider removing', 'report-crime': 'report as a crime' } as const;

/**
 * A comment typed here is checked with the settings on this page, including changes typed but not
 * yet saved, and the findings are listed as plain text (never as HTML).
 */
export function TryIt({ settings, unsaved }: { settings: Settings; unsaved: boolean }) {
  const [text, setText] = useState('');
  const deferred = useDeferredValue(text);
  const { shown, hidden } = useMemo(() => {
    if (!deferred.trim()) return { shown: [], hidden: 0 };
    const all = detect(deferred, contextFromSettings(settings));
    const shown = visibleFindings(all, settings);
    return { shown, hidden: all.length - shown.length };
  }, [deferred, settings]);

  const summary = !deferred.trim()
    ? 'Type a comment to see what would be highlighted.'
    : shown.length === 0
      ? 'Nothing would be highlighted.'
      : `${shown.length} ${shown.length === 1 ? 'finding' : 'findings'} would be highlighted.`;

  return (
    <>
      <div className="field">
        <label htmlFor="try-text">Comment to try</label>
        <p className="hint" id="try-hint">
          Uses the settings on this page
          {unsaved ? ', including changes you have typed but not yet added or saved' : ''}. Nothing
          typed here is stored.
        </p>
        <textarea
          id="try-text"
          rows={4}
          value={text}
          aria-describedby="try-hint"
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <p aria-live="polite" id="try-summary">
        {summary}
        {hidden > 0 &&
          ` ${hidden} more below your minimum confidence or for a criterion switched off.`}
        {deferred.trim() && settings.paused && ' Highlighting is paused, so pages show nothing.'}
      </p>
      {shown.length > 0 && (
        <ol className="findings" aria-labelledby="try-summary">
          {shown.map((f, i) => (
            <li key={`${f.ruleId}-${f.start}-${i}`}>
              <strong>{criterion(f.criterion).label}</strong> ({ACTION_WORDS[f.action]},{' '}
              {f.confidence} confidence): “{f.excerpt}”. {f.explanation}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

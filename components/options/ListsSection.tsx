import { useState } from 'react';
import type { Settings } from '../../lib/storage/settings';
import { splitList, type ListKey, type SetDraft } from './drafts';
import type { Update } from './useSettings';

interface ListFieldProps {
  field: ListKey;
  label: string;
  hint: string;
  saved: string[];
  update: Update;
  setDraft: SetDraft;
}

/** One entry per line; saved when focus leaves the box, shown in "Try it" while typing. */
function ListField({ field, label, hint, saved, update, setDraft }: ListFieldProps) {
  const [text, setText] = useState(saved.join('\n'));
  const [error, setError] = useState('');
  const id = `list-${field}`;

  async function commit() {
    const next = splitList(text);
    if (next.join('\n') === saved.join('\n')) {
      setDraft(field, undefined);
      return;
    }
    const failed = await update((s) => ({ ...s, [field]: next }), label.toLowerCase());
    setError(failed ?? '');
    // On success the parent remounts this field with the saved list, which clears the draft too.
    if (!failed) setDraft(field, undefined);
  }

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {hint} One per line; saved when you leave the box.
      </p>
      <textarea
        id={id}
        rows={4}
        value={text}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setDraft(field, splitList(e.target.value));
        }}
        onBlur={() => void commit()}
      />
      {error && (
        <p className="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

const LISTS: Array<{ field: ListKey; label: string; hint: string }> = [
  {
    field: 'activeCases',
    label: 'Active case names and references',
    hint: 'Comments about these are checked for contempt of court, for example R v Smith or 24/1234.',
  },
  {
    field: 'operations',
    label: 'Operation names',
    hint: 'Mentions are flagged as sensitive information, for example Operation Falcon.',
  },
  {
    field: 'allowList',
    label: 'Allowed terms',
    hint: 'Highlights on these terms are not shown, for example a place name that looks like a swear word.',
  },
];

/** Active cases, operations and allowed terms. */
export function ListsSection(props: { settings: Settings; update: Update; setDraft: SetDraft }) {
  return (
    <>
      {LISTS.map((l) => (
        <ListField
          // A new saved list (from here or another window) starts the box afresh.
          key={`${l.field}:${props.settings[l.field].join('\n')}`}
          {...l}
          saved={props.settings[l.field]}
          update={props.update}
          setDraft={props.setDraft}
        />
      ))}
    </>
  );
}

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import {
  accountAddress,
  checkAccount,
  inputOf,
  platformName,
  type AccountField,
  type AccountInput,
} from '../../lib/records/accounts';
import type { ForceAccount } from '../../lib/records';
import { watchStorageChanges } from '../../lib/messages/relay';
import { accountsItem, readChecked } from '../../lib/storage/records';
import { loadContacts } from '../../lib/storage/contactsDb';
import { runtimeTransport, type Transport } from '../../lib/ui/store';

/** Annex 1's rule, in the words the moderator sees beside the checkbox. */
export const SCHEME_RULE =
  'The repeat-caller list runs only on accounts enrolled here — by default the force’s main Facebook page and main X account. On other accounts, engage first and then direct the user to the main accounts.';

const EMPTY: AccountInput = {
  platform: 'x',
  address: '',
  label: '',
  enrolledInRepeatCallerScheme: false,
};

const ADDRESS_LABEL: Record<ForceAccount['platform'], string> = {
  x: 'X handle or profile address',
  facebook: 'Facebook page address or name',
};
const ADDRESS_HINT: Record<ForceAccount['platform'], string> = {
  x: 'For example @LeicsPolice or x.com/LeicsPolice.',
  facebook: 'For example facebook.com/leicspolice, or just leicspolice.',
};

interface Removing {
  account: ForceAccount;
  /** Contacts recorded on the account, or null while they are being counted. */
  contacts: number | null;
}

/**
 * The force's own accounts: which exist, where they are, and which are in the repeat-caller
 * scheme. Read here, written only by the background (`accounts:save`, `accounts:remove`).
 */
export function AccountsSection({
  announce,
  transport = runtimeTransport,
}: {
  announce: (message: string) => void;
  transport?: Transport;
}) {
  const id = useId();
  const [accounts, setAccounts] = useState<ForceAccount[] | null>(null);
  const [loadProblem, setLoadProblem] = useState('');
  const [form, setForm] = useState<AccountInput>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<AccountField, string>>>({});
  const [saveError, setSaveError] = useState('');
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<Removing | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const confirmRef = useRef<HTMLParagraphElement>(null);

  // Read on load, whenever storage changes, and after each reply (`version`).
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  useEffect(() => {
    let live = true;
    const show = () =>
      void readChecked(accountsItem, { quarantine: false, now: new Date() }).then((r) => {
        if (!live) return;
        setAccounts(r.value.accounts);
        setLoadProblem(r.problem ? r.problem.message : '');
      });
    show();
    // Told by the background, not by a storage listener (see useSettings.ts).
    const stop = watchStorageChanges((keys) => {
      if (keys.has(accountsItem.name)) show();
    });
    return () => {
      live = false;
      stop();
    };
  }, [version]);

  useEffect(() => {
    if (removing) confirmRef.current?.focus();
  }, [removing]);

  const editing = form.id ? accounts?.find((a) => a.id === form.id) : undefined;

  const set = <K extends keyof AccountInput>(key: K, value: AccountInput[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const reset = () => {
    setForm(EMPTY);
    setErrors({});
    setSaveError('');
  };

  const startEdit = (account: ForceAccount) => {
    setRemoving(null);
    setForm(inputOf(account));
    setErrors({});
    setSaveError('');
    // The form is below the list: take the moderator (and the focus) to it.
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLInputElement>('[name="address"]')?.focus(),
    );
  };

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    setSaveError('');
    const checked = checkAccount(form, accounts ?? []);
    if (!checked.ok) {
      setErrors(checked.errors);
      const first = (['address', 'label'] as const).find((f) => checked.errors[f]);
      if (first) formEl.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    const reply = await transport({ type: 'accounts:save', account: form });
    setBusy(false);
    if (!reply.ok) {
      setSaveError(reply.error);
      return;
    }
    reset();
    reload();
    announce(reply.message ?? 'Saved.');
  }

  const askRemove = async (account: ForceAccount) => {
    setRemoving({ account, contacts: null });
    const { contacts } = await loadContacts(new Date());
    const n = contacts.filter((c) => c.accountId === account.id).length;
    setRemoving((r) => (r?.account.id === account.id ? { account, contacts: n } : r));
  };

  const remove = async (account: ForceAccount) => {
    setBusy(true);
    const reply = await transport({ type: 'accounts:remove', id: account.id });
    setBusy(false);
    setRemoving(null);
    if (!reply.ok) {
      setSaveError(reply.error);
      return;
    }
    if (form.id === account.id) reset();
    reload();
    announce(reply.message ?? 'Removed.');
  };

  const field = (key: AccountField) => ({
    id: `${id}-${key}`,
    name: key,
    'aria-invalid': errors[key] ? true : undefined,
    'aria-describedby':
      [key === 'address' ? `${id}-address-hint` : '', errors[key] ? `${id}-${key}-error` : '']
        .filter(Boolean)
        .join(' ') || undefined,
  });
  const error = (key: AccountField) =>
    errors[key] ? (
      <p className="error" id={`${id}-${key}-error`}>
        <span aria-hidden="true">⚠ </span>
        {errors[key]}
      </p>
    ) : null;

  return (
    <>
      <p>
        The force’s own accounts, used to tell which account a comment was made to. {SCHEME_RULE}
      </p>
      {loadProblem ? (
        <p className="error" role="alert">
          {loadProblem}
        </p>
      ) : null}
      {accounts === null ? (
        <p>Loading accounts…</p>
      ) : accounts.length === 0 ? (
        <p>No accounts are stored yet. Add the force’s main Facebook page and main X account.</p>
      ) : (
        <ul className="plain entries" aria-label="Force accounts">
          {accounts.map((a) => (
            <li key={a.id}>
              <p>
                <strong>{a.label}</strong>
                <br />
                {platformName(a.platform)}: <span className="mono">{accountAddress(a)}</span>
                <br />
                Repeat-caller scheme:{' '}
                {a.enrolledInRepeatCallerScheme
                  ? 'enrolled (contacts here count towards the list)'
                  : 'not enrolled (engage first, then direct the user to the main accounts)'}
              </p>
              {removing?.account.id === a.id ? (
                <div className="notice">
                  <p tabIndex={-1} ref={confirmRef}>
                    Remove {a.label}?{' '}
                    {removing.contacts === null
                      ? 'Checking for recorded contacts…'
                      : removing.contacts === 0
                        ? 'No contacts are recorded on it.'
                        : `Warning: ${removing.contacts} recorded contact${removing.contacts === 1 ? ' was' : 's were'} made on this account. They stay in the records, but once it is removed they count as “not enrolled” and no longer count towards the repeat-caller list.`}
                  </p>
                  <div className="actions">
                    <button
                      type="button"
                      disabled={busy || removing.contacts === null}
                      onClick={() => void remove(a)}
                    >
                      Yes, remove {a.label}
                    </button>
                    <button type="button" onClick={() => setRemoving(null)}>
                      Keep {a.label}
                    </button>
                  </div>
                </div>
              ) : (
                <div className="actions">
                  <button type="button" onClick={() => startEdit(a)}>
                    Edit {a.label}
                  </button>
                  <button type="button" onClick={() => void askRemove(a)}>
                    Remove {a.label}…
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <form
        ref={formRef}
        onSubmit={(e) => void submit(e)}
        noValidate
        aria-labelledby={`${id}-legend`}
      >
        <fieldset>
          <legend id={`${id}-legend`}>
            {editing ? `Edit ${editing.label}` : 'Add a force account'}
          </legend>
          <div className="field">
            <label htmlFor={`${id}-platform`}>Platform</label>
            {editing ? (
              <p className="hint" id={`${id}-platform-hint`}>
                A saved account’s platform cannot change, because its contacts are on that platform.
              </p>
            ) : null}
            <select
              id={`${id}-platform`}
              name="platform"
              value={form.platform}
              disabled={editing !== undefined}
              aria-describedby={editing ? `${id}-platform-hint` : undefined}
              onChange={(e) => {
                set('platform', e.target.value as AccountInput['platform']);
                setErrors((er) => ({ ...er, address: undefined }));
              }}
            >
              <option value="x">X</option>
              <option value="facebook">Facebook</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-address`}>{ADDRESS_LABEL[form.platform]}</label>
            <p className="hint" id={`${id}-address-hint`}>
              {ADDRESS_HINT[form.platform]}
            </p>
            <input
              {...field('address')}
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={form.address}
              onChange={(e) => set('address', e.target.value)}
            />
            {error('address')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-label`}>Name shown for the account</label>
            <input
              {...field('label')}
              type="text"
              autoComplete="off"
              value={form.label}
              onChange={(e) => set('label', e.target.value)}
            />
            {error('label')}
          </div>
          <div className="check">
            <input
              id={`${id}-enrolled`}
              type="checkbox"
              checked={form.enrolledInRepeatCallerScheme}
              aria-describedby={`${id}-enrolled-rule`}
              onChange={(e) => set('enrolledInRepeatCallerScheme', e.target.checked)}
            />
            <div>
              <label htmlFor={`${id}-enrolled`}>Enrolled in the repeat-caller scheme</label>
              <p className="hint" id={`${id}-enrolled-rule`}>
                {SCHEME_RULE}
              </p>
            </div>
          </div>
          <div className="actions">
            <button type="submit" disabled={busy}>
              {editing ? 'Save changes' : 'Add account'}
            </button>
            {editing ? (
              <button type="button" onClick={reset}>
                Cancel editing
              </button>
            ) : null}
          </div>
          {saveError ? (
            <p className="error" role="alert">
              {saveError}
            </p>
          ) : null}
        </fieldset>
      </form>
    </>
  );
}

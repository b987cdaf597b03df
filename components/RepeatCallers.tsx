import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { Platform } from '../lib/policy';
import {
  STATE_TEXT,
  emptyDraft,
  isoToLondonLocal,
  londonLocalToIso,
  type FieldErrors,
} from '../lib/messages/draft';
import {
  contactsCsv,
  exportContacts,
  exportFileName,
  exportJson,
  formatLondon,
  guidanceFor,
  londonDate,
  parseUserInput,
  DEFAULT_REPEAT_SETTINGS,
  type RepeatSettings,
  type ExportFilter,
  type ForceAccount,
  type RepeatStatus,
} from '../lib/records';
import type {
  OverviewRow,
  PersonDetail,
  RepeatOverview,
  Reply,
  Request,
} from '../lib/messages/protocol';
import { readOverviewSnapshot } from '../lib/storage/overview';
import type { Draft } from '../lib/storage/records';
import { loadContacts } from '../lib/storage/contactsDb';
import { watchSettings } from '../lib/messages/relay';
import { readSettings } from '../lib/storage/settings';
import { downloadText } from '../lib/ui/download';
import { usePopup } from '../lib/ui/store';
import { PLATFORM_NAME } from './BlockWorkflow';
import { Field, Notice, Select } from './ui';
import { useRequestId } from '../lib/ui/requestId';

type Notice = { ok: boolean; text: string } | null;

function countText(s: { countInWindow: number; windowDays: number }): string {
  return `${s.countInWindow} in ${s.windowDays} days`;
}

/**
 * Asks the background a question whenever `req` or `reload` changes (the popup reloads its
 * snapshot after every write and storage change, which is passed as `reload`), keeping the last
 * answer on screen until the next one arrives.
 */
function useAnswer<T>(
  req: Request | null,
  pick: (reply: Extract<Reply, { ok: true }>) => T | undefined,
  reload: unknown,
): { value: T | null; error: string | null } {
  const ask = usePopup((s) => s.ask);
  const [state, setState] = useState<{ reqKey: string; value: T | null; error: string | null }>({
    reqKey: '',
    value: null,
    error: null,
  });
  const reqKey = req ? JSON.stringify(req) : '';
  useEffect(() => {
    if (!reqKey) return;
    let live = true;
    void ask(JSON.parse(reqKey) as Request).then((reply) => {
      if (!live) return;
      const value = reply.ok ? pick(reply) : undefined;
      setState((prev) => ({
        reqKey,
        // After a failed refresh the last answer for the same question stays on screen.
        value: value ?? (prev.reqKey === reqKey ? prev.value : null),
        error:
          value !== undefined ? null : reply.ok ? 'The background gave no answer.' : reply.error,
      }));
    });
    return () => {
      live = false;
    };
    // `pick` is a fixed selector; the request text and `reload` are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reqKey, reload, ask]);
  // An answer to an earlier question is never shown for this one.
  return state.reqKey === reqKey && reqKey ? state : { value: null, error: null };
}

/** A list worked out longer ago than this is labelled with its time: the window has moved. */
export const OVERVIEW_STALE_MS = 5 * 60_000;

/**
 * The list to show: the background's current answer once it arrives, and until then the list it
 * last stored (`local:repeatOverview`), which a popup can read at once even when the background
 * has just started and is still reading the contacts.
 */
function useOverview(reload: unknown): {
  value: RepeatOverview | null;
  error: string | null;
  stored: boolean;
} {
  const now = usePopup((s) => s.now);
  const fresh = useAnswer({ type: 'repeat:overview' }, (r) => r.overview, reload);
  const [stored, setStored] = useState<RepeatOverview | null>(null);
  useEffect(() => {
    let live = true;
    readOverviewSnapshot(now(), DEFAULT_REPEAT_SETTINGS.threshold).then(
      (snap) => {
        if (live) setStored(snap);
      },
      // Only a head start: without it the popup waits for the background, as before.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [now]);
  if (fresh.value) return { value: fresh.value, error: fresh.error, stored: false };
  return { value: stored, error: fresh.error, stored: stored !== null };
}

/** "as of 14:05" (today in London) or "as of 3 Nov 2026, 14:05". */
function asOfText(computedAt: string, now: Date): string {
  const when = formatLondon(computedAt);
  return `as of ${londonDate(computedAt) === londonDate(now) ? when.slice(when.indexOf(', ') + 2) : when}`;
}

/** The repeat-caller tab: lookup, the list, near the threshold, advice, manual contacts. */
export function RepeatCallers() {
  const snapshot = usePopup((s) => s.snapshot)!;
  const [query, setQuery] = useState('');
  const [platform, setPlatform] = useState<Platform>('x');
  const settings = useRepeatSettings();
  // The background holds the contacts parsed and indexed; the popup only shows its answers.
  const reload = useMemo(() => ({ snapshot, settings }), [snapshot, settings]);
  const overview = useOverview(reload);
  const now = usePopup((s) => s.now)();
  const key = query.trim() ? parseUserInput(query, platform) : null;
  const person = useAnswer(
    key ? { type: 'repeat:person', userKey: key } : null,
    (r) => r.person,
    reload,
  );
  const detail = person.value;
  const list = overview.value?.list;
  const near = overview.value?.near;
  const computedAt = overview.value?.computedAt;
  // The rolling window moves with time, so an older list says when it was true.
  const asOf =
    computedAt !== undefined &&
    (now.getTime() - Date.parse(computedAt) > OVERVIEW_STALE_MS ||
      (overview.stored && overview.error))
      ? asOfText(computedAt, now)
      : null;

  return (
    <section aria-labelledby="repeat-heading">
      <h2 id="repeat-heading">Repeat callers</h2>
      <p className="hint">
        Annex 1: five or more recorded, inappropriate contacts within a month (counted here as{' '}
        {settings.windowDays} days) put a user on the list. They are given advice; if they continue
        they will be blocked.
      </p>
      <form role="search" aria-label="Look up a user" onSubmit={(e) => e.preventDefault()}>
        <Field
          id="lookup"
          label="Look up a handle or profile URL"
          type="search"
          value={query}
          onChange={setQuery}
          hint="A profile URL names its platform; for a handle, choose the platform."
        />
        <Select
          id="lookup-platform"
          label="Platform for a handle"
          value={platform}
          onChange={(v) => setPlatform(v as Platform)}
          options={[
            { value: 'x', label: 'X' },
            { value: 'facebook', label: 'Facebook' },
          ]}
        />
      </form>
      <div aria-live="polite">
        {query.trim() && !key ? <p>Not a handle or profile URL that can be looked up.</p> : null}
        {key && person.error ? <Notice notice={{ ok: false, text: person.error }} /> : null}
        {detail ? <UserPanel detail={detail} /> : null}
      </div>
      {overview.error ? <Notice notice={{ ok: false, text: overview.error }} /> : null}
      {asOf || overview.stored ? (
        <p className="hint">
          {asOf ? `List ${asOf}` : 'Last stored list'}
          {overview.stored && !overview.error ? '; working out the current list…' : '.'}
        </p>
      ) : null}
      <h3 id="list-heading">On the repeat-caller list{list ? ` (${list.length})` : ''}</h3>
      <StatusList id="list" rows={list} empty="Nobody is on the list." onPick={setQuery} />
      <h3 id="near-heading">One short of the threshold{near ? ` (${near.length})` : ''}</h3>
      <StatusList id="near" rows={near} empty="Nobody is one contact short." onPick={setQuery} />
      <ExportButtons filter={{}} label="Export all contacts" />
      <ManualContact />
      <Guidance />
    </section>
  );
}

/** The rule's numbers, with the window from the moderator's settings. */
function useRepeatSettings(): RepeatSettings {
  const [windowDays, setWindowDays] = useState(DEFAULT_REPEAT_SETTINGS.windowDays);
  useEffect(() => {
    let live = true;
    void readSettings().then((s) => {
      if (live) setWindowDays(s.repeatWindowDays);
    });
    // Heard from the background rather than from storage (see App.tsx).
    const stop = watchSettings((s) => setWindowDays(s.repeatWindowDays));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return useMemo(() => ({ ...DEFAULT_REPEAT_SETTINGS, windowDays }), [windowDays]);
}

function StatusList({
  id,
  rows,
  empty,
  onPick,
}: {
  id: string;
  rows: OverviewRow[] | undefined;
  empty: string;
  onPick: (q: string) => void;
}) {
  if (!rows) return <p>Loading…</p>;
  if (rows.length === 0) return <p>{empty}</p>;
  return (
    <ul aria-labelledby={`${id}-heading`} className="list">
      {rows.map((s) => (
        <li key={s.personId}>
          <button type="button" className="link" onClick={() => onPick(s.userKey)}>
            <span className="strong">{s.userKey}</span> · {countText(s)} · {STATE_TEXT[s.state]}
            {s.lastContactAt ? ` · last ${formatLondon(s.lastContactAt)}` : ''}
          </button>
        </li>
      ))}
    </ul>
  );
}

function timeline(detail: PersonDetail, accounts: readonly ForceAccount[]) {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const items: { at: string; text: string }[] = detail.contacts.map((c) => {
    const account = byId.get(c.accountId);
    const counted = account?.enrolledInRepeatCallerScheme === true;
    return {
      at: c.at,
      text: `Contact (${c.reason.replaceAll('-', ' ')}) on ${account?.label ?? c.accountId}${counted ? '' : ', not counted'}${c.note ? `: ${c.note}` : ''}`,
    };
  });
  for (const e of detail.advice) {
    items.push({
      at: e.at,
      text: `Advised (${e.how.replace('-', ' ')}) by ${e.by.name}: ${e.advice}`,
    });
  }
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

function UserPanel({ detail }: { detail: PersonDetail }) {
  const { status } = detail;
  const snapshot = usePopup((s) => s.snapshot)!;
  const send = usePopup((s) => s.send);
  const now = usePopup((s) => s.now);
  const setTab = usePopup((s) => s.setTab);
  const openDraft = usePopup((s) => s.openDraft);
  const [notice, setNotice] = useState<Notice>(null);
  const items = timeline(detail, snapshot.accounts.accounts);
  const userContacts = detail.contacts;

  const startBlock = async () => {
    const latest = userContacts[userContacts.length - 1];
    const user = latest?.user;
    const platform = user?.platform ?? (status.userKey.startsWith('x:') ? 'x' : 'facebook');
    const account =
      snapshot.accounts.accounts.find(
        (a) => a.id === latest?.accountId && a.platform === platform,
      ) ?? snapshot.accounts.accounts.find((a) => a.platform === platform);
    const advice = detail.advice;
    const draft: Draft = {
      ...emptyDraft(globalThis.crypto.randomUUID(), now(), platform, account?.id ?? ''),
      source: 'repeat-caller',
      handle:
        user?.handle ?? (user?.profileUrl ? '' : status.userKey.replace(/^(x|facebook):/, '')),
      profileUrl: user?.profileUrl ?? '',
      displayName: user?.displayName ?? '',
      contentUrl: latest?.link ?? '',
      // Advice given under the repeat-caller scheme is the engagement Annex 1 asks for.
      engagements: advice.map((e) => ({
        at: isoToLondonLocal(e.at),
        method: e.kind === 'advised' ? e.how : 'other',
        said: e.kind === 'advised' ? e.advice : '',
        link: '',
      })),
      justification: `Repeat caller: ${countText(status)} (threshold ${status.threshold}).${status.advisedAt ? ` Advised ${formatLondon(status.advisedAt)}; ${status.contactsSinceAdvice.length} contact(s) since.` : ''} Contacts: ${userContacts.map((c) => `${formatLondon(c.at)} ${c.reason.replaceAll('-', ' ')}${c.note ? ` (${c.note})` : ''}`).join('; ')}.`,
      evidence: userContacts.flatMap((c) => (c.evidence ? [c.evidence] : [])),
    };
    const reply = await send({ type: 'block:save-draft', draft });
    if (!reply.ok) {
      setNotice({ ok: false, text: reply.error });
      return;
    }
    openDraft(draft.id);
    setTab('block');
  };

  return (
    <article aria-labelledby="user-heading" className="card">
      <h3 id="user-heading">{status.userKey}</h3>
      <p className="big">
        <span className="strong">{countText(status)}</span> · {STATE_TEXT[status.state]}
      </p>
      {status.notCounted > 0 ? (
        <p>
          {status.notCounted} contact(s) on accounts outside the scheme are kept but not counted.
        </p>
      ) : null}
      {status.state === 'block-recommended' ? (
        <p className="strong">
          They continued after advice: blocking is recommended. Start the block workflow (their
          advice counts as engagement).
        </p>
      ) : null}
      <div className="row">
        {status.state === 'block-recommended' || status.state === 'continued-after-advice' ? (
          <button type="button" className="primary" onClick={() => void startBlock()}>
            Start block workflow
          </button>
        ) : null}
        <ExportButtons filter={{ user: status.userKey }} label="Export this user’s history" />
      </div>
      <Notice notice={notice} />
      <h4 id="timeline-heading">Timeline, newest first</h4>
      {items.length === 0 ? (
        <p>Nothing recorded.</p>
      ) : (
        <ol aria-labelledby="timeline-heading" className="list">
          {items.map((it, i) => (
            <li key={i}>
              <span className="strong">{formatLondon(it.at)}</span> {it.text}
            </li>
          ))}
        </ol>
      )}
      {status.state !== 'none' && status.state !== 'blocked' ? (
        <AdviceForm userKey={status.userKey} />
      ) : null}
      <LinkForm status={status} />
    </article>
  );
}

/**
 * Links another identity of the same person (say their Facebook profile to this X handle), so
 * their contacts count together. Stored as a `linked` event by the background.
 */
function LinkForm({ status }: { status: RepeatStatus }) {
  const send = usePopup((s) => s.send);
  const [platform, setPlatform] = useState<Platform>(
    status.userKey.startsWith('x:') ? 'facebook' : 'x',
  );
  const [other, setOther] = useState('');
  const [why, setWhy] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<Notice>(null);
  const others = status.linkedKeys.filter((k) => k !== status.userKey);
  const [requestId, renewRequestId] = useRequestId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const otherKey = parseUserInput(other, platform);
    const next: FieldErrors = {};
    if (!otherKey) next['link-user'] = 'Enter the other handle or profile URL.';
    else if (status.linkedKeys.includes(otherKey))
      next['link-user'] = 'That identity is already counted with this person.';
    if (!why.trim()) next['link-why'] = 'Say why you are sure these are the same person.';
    setErrors(next);
    if (Object.keys(next).length > 0 || !otherKey) return;
    const reply = await send({
      type: 'repeat:link',
      requestId,
      userKey: status.userKey,
      otherUserKey: otherKey,
      why,
    });
    setNotice(
      reply.ok ? { ok: true, text: reply.message ?? 'Linked.' } : { ok: false, text: reply.error },
    );
    if (reply.ok) {
      setOther('');
      setWhy('');
      renewRequestId();
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="link-heading">
      <h4 id="link-heading">Link another identity of this person</h4>
      {others.length > 0 ? (
        <p>Counted together with: {others.join(', ')}</p>
      ) : (
        <p className="hint">
          Contacts from linked identities (for example their Facebook profile and X handle) count
          together.
        </p>
      )}
      <Select
        id="link-platform"
        label="Platform of the other identity"
        value={platform}
        onChange={(v) => setPlatform(v as Platform)}
        options={[
          { value: 'x', label: 'X' },
          { value: 'facebook', label: 'Facebook' },
        ]}
      />
      <Field
        id="link-user"
        label="Other handle or profile URL"
        value={other}
        onChange={setOther}
        error={errors['link-user']}
      />
      <Field
        id="link-why"
        label="Why they are the same person"
        multiline
        value={why}
        onChange={setWhy}
        error={errors['link-why']}
      />
      <button type="submit">Link identities</button>
      <Notice notice={notice} />
    </form>
  );
}

function AdviceForm({ userKey }: { userKey: string }) {
  const send = usePopup((s) => s.send);
  const [how, setHow] = useState('private-message');
  const [advice, setAdvice] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<Notice>(null);
  const [requestId, renewRequestId] = useRequestId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!advice.trim()) {
      setError('Enter the advice given.');
      return;
    }
    setError(undefined);
    const reply = await send({
      type: 'repeat:advise',
      requestId,
      userKey,
      how: how as 'public-reply',
      advice,
    });
    setNotice(
      reply.ok
        ? { ok: true, text: reply.message ?? 'Advice recorded.' }
        : { ok: false, text: reply.error },
    );
    if (reply.ok) {
      setAdvice('');
      renewRequestId();
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="advise-heading">
      <h4 id="advise-heading">Record advice given</h4>
      <Select
        id="advise-how"
        label="How"
        value={how}
        onChange={setHow}
        options={[
          { value: 'private-message', label: 'Private message' },
          { value: 'public-reply', label: 'Public reply' },
          { value: 'other', label: 'Other' },
        ]}
      />
      <Field
        id="advise-text"
        label="Advice given"
        multiline
        value={advice}
        onChange={setAdvice}
        error={error}
      />
      <button type="submit">Record advice</button>
      <Notice notice={notice} />
    </form>
  );
}

function ExportButtons({ filter, label }: { filter: ExportFilter; label: string }) {
  const snapshot = usePopup((s) => s.snapshot)!;
  const now = usePopup((s) => s.now);
  const [notice, setNotice] = useState<Notice>(null);
  const run = async (kind: 'csv' | 'json') => {
    const at = now();
    try {
      // Read only now: the popup does not hold every contact, and an export is rare.
      const { contacts } = await loadContacts(at);
      if (kind === 'csv') {
        await downloadText(
          exportFileName('contacts', filter, at, 'csv'),
          contactsCsv(contacts, filter),
          'text/csv',
        );
      } else {
        if (!snapshot.moderator) throw new Error('set your moderator details first');
        const file = exportContacts(
          contacts,
          snapshot.repeatEvents.events,
          filter,
          snapshot.moderator,
          at,
        );
        await downloadText(
          exportFileName('contacts', filter, at, 'json'),
          exportJson(file),
          'application/json',
        );
      }
      setNotice({ ok: true, text: 'Export started: see your downloads.' });
    } catch (err) {
      setNotice({
        ok: false,
        text: `Export failed: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  };
  return (
    <div role="group" aria-label={label} className="row">
      <button type="button" onClick={() => void run('csv')}>
        {label} (CSV)
      </button>
      <button type="button" onClick={() => void run('json')}>
        {label} (JSON)
      </button>
      <Notice notice={notice} />
    </div>
  );
}

function ManualContact() {
  const snapshot = usePopup((s) => s.snapshot)!;
  const send = usePopup((s) => s.send);
  const now = usePopup((s) => s.now);
  const accounts = snapshot.accounts.accounts;
  const [platform, setPlatform] = useState<Platform>(accounts[0]?.platform ?? 'x');
  const [accountId, setAccountId] = useState(
    accounts.find((a) => a.platform === platform)?.id ?? '',
  );
  const [user, setUser] = useState('');
  const [when, setWhen] = useState(() => isoToLondonLocal(now()));
  const [reason, setReason] = useState('inappropriate');
  const [note, setNote] = useState('');
  const [link, setLink] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [requestId, renewRequestId] = useRequestId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: FieldErrors = {};
    if (!parseUserInput(user, platform)) next['manual-user'] = 'Enter a handle or profile URL.';
    if (!accounts.some((a) => a.id === accountId && a.platform === platform))
      next['manual-account'] = 'Choose an account on this platform.';
    const at = londonLocalToIso(when);
    if (!at) next['manual-at'] = 'Enter when the contact was made.';
    setErrors(next);
    if (Object.keys(next).length > 0 || !at) return;
    const reply = await send({
      type: 'contact:add-manual',
      requestId,
      platform,
      user,
      accountId,
      at,
      reason: reason as 'inappropriate',
      ...(note.trim() ? { note } : {}),
      ...(link.trim() ? { link } : {}),
    });
    setNotice(
      reply.ok
        ? { ok: true, text: reply.message ?? 'Recorded.' }
        : { ok: false, text: reply.error },
    );
    if (reply.ok) {
      setNote('');
      setLink('');
      renewRequestId();
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="manual-heading">
      <h3 id="manual-heading">Record a contact by hand</h3>
      <Select
        id="manual-platform"
        label="Platform"
        value={platform}
        onChange={(v) => {
          setPlatform(v as Platform);
          setAccountId(accounts.find((a) => a.platform === v)?.id ?? '');
        }}
        options={[
          { value: 'x', label: 'X' },
          { value: 'facebook', label: 'Facebook' },
        ]}
      />
      <Select
        id="manual-account"
        label="Account contacted"
        value={accountId}
        onChange={setAccountId}
        options={[
          { value: '', label: 'Choose an account' },
          ...accounts
            .filter((a) => a.platform === platform)
            .map((a) => ({
              value: a.id,
              label: `${a.label}${a.enrolledInRepeatCallerScheme ? '' : ' (not in the scheme)'}`,
            })),
        ]}
        error={errors['manual-account']}
      />
      <Field
        id="manual-user"
        label="User’s handle or profile URL"
        value={user}
        onChange={setUser}
        error={errors['manual-user']}
      />
      <Field
        id="manual-at"
        label="When"
        type="datetime-local"
        value={when}
        onChange={setWhen}
        error={errors['manual-at']}
      />
      <Select
        id="manual-reason"
        label="Reason"
        value={reason}
        onChange={setReason}
        options={[
          { value: 'inappropriate', label: 'Inappropriate' },
          { value: 'too-frequent', label: 'Too frequent' },
          { value: 'abusing-contact-method', label: 'Abusing the contact method' },
        ]}
      />
      <Field id="manual-note" label="Note (optional)" multiline value={note} onChange={setNote} />
      <Field id="manual-link" label="Link (optional)" type="url" value={link} onChange={setLink} />
      <button type="submit">Record contact</button>
      <Notice notice={notice} />
    </form>
  );
}

function Guidance() {
  const accounts = usePopup((s) => s.snapshot!.accounts.accounts);
  const [id, setId] = useState(accounts[0]?.id ?? '');
  const account = accounts.find((a) => a.id === id);
  const g = account ? guidanceFor(account, accounts) : null;
  return (
    <section aria-labelledby="guidance-heading">
      <h3 id="guidance-heading">Guidance by account</h3>
      <Select
        id="guidance-account"
        label="Account you are working on"
        value={id}
        onChange={setId}
        options={accounts.map((a) => ({
          value: a.id,
          label: `${a.label} (${PLATFORM_NAME[a.platform]})`,
        }))}
      />
      {g ? (
        <>
          <p className="strong">{g.summary}</p>
          <ol>
            {g.steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
        </>
      ) : (
        <p>No force accounts are set up; add them in the options page.</p>
      )}
    </section>
  );
}

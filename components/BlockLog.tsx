import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { POLICY, type CriterionId, type Platform } from '../lib/policy';
import { isoToLondonLocal, londonLocalToIso, type FieldErrors } from '../lib/messages/draft';
import {
  exportFileName,
  filterBlockRows,
  formatLondon,
  normaliseSearch,
  parseUserInput,
  type BlockIndex,
  type BlockRow,
  type BlockStatus,
  type ExportFilter,
} from '../lib/records';
import type { Reply } from '../lib/messages/protocol';
import { downloadText } from '../lib/ui/download';
import { usePopup } from '../lib/ui/store';
import { VirtualList } from './BlockLogList';
import { PLATFORM_NAME } from './BlockWorkflow';
import { Field, Notice, Select } from './ui';
import { useRequestId } from '../lib/ui/requestId';

const STATUS_TEXT: Record<BlockStatus, string> = {
  pending: 'Pending: outcome not recorded',
  blocked: 'Blocked',
  'resolved-without-block': 'Resolved without blocking',
  unblocked: 'Unblocked',
};

type Notice = { ok: boolean; text: string } | null;

function userText(u: BlockRow['user']): string {
  return [
    u.handle ? `@${u.handle.replace(/^@/, '')}` : '',
    u.displayName ?? '',
    u.handle ? '' : (u.profileUrl ?? ''),
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * The block log tab. It lists from the log's list (one small row per entry), which the background
 * sends when the tab first opens; until it is here the tab says it is loading (a polite status)
 * and the other tabs can be used. The log itself stays with the background, which answers for
 * details, Verify and exports.
 */
export function BlockLog() {
  const index = usePopup((s) => s.blockIndex);
  const error = usePopup((s) => s.blockLogError);
  const loadBlockLog = usePopup((s) => s.loadBlockLog);
  const unread = index === null;
  useEffect(() => {
    if (unread) void loadBlockLog();
  }, [unread, loadBlockLog]);
  if (index) return <LoadedBlockLog index={index} />;
  return (
    <section aria-labelledby="log-heading">
      <h2 id="log-heading">Block log</h2>
      {error ? (
        <p role="alert">Could not read the block log: {error}</p>
      ) : (
        <p role="status">Loading the block log…</p>
      )}
    </section>
  );
}

/** The listed block log: search, filter, details with the whole chronology, verify, export. */
function LoadedBlockLog({ index }: { index: BlockIndex }) {
  const snapshot = usePopup((s) => s.snapshot)!;
  const now = usePopup((s) => s.now);
  const ask = usePopup((s) => s.ask);
  const accounts = snapshot.accounts.accounts;
  const rows = useMemo(() => index.rows.toReversed(), [index]);
  const [search, setSearch] = useState('');
  const [platform, setPlatform] = useState('');
  const [account, setAccount] = useState('');
  const [crit, setCrit] = useState('');
  const [status, setStatus] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  // Coming back from an entry's details: the list scrolled where it was, focus on that entry.
  const [returnTo, setReturnTo] = useState<{ id: string; offset: number; list: string } | null>(
    null,
  );
  const scrollOffset = useRef(0);
  // A new search or filter draws a new list from the top.
  const listKey = JSON.stringify([search, platform, account, crit, status, from, to]);
  const back = returnTo?.list === listKey ? returnTo : null;
  const open = (id: string) => {
    setReturnTo({ id, offset: scrollOffset.current, list: listKey });
    setSelected(id);
  };
  const [verify, setVerify] = useState<Notice>(null);
  const [notice, setNotice] = useState<Notice>(null);
  // What the background is working on for this tab (verifying, or making an export file).
  const [busy, setBusy] = useState<string | null>(null);

  const q = normaliseSearch(search);
  // The whole list is filtered; the list below draws only the matching rows in view.
  const filtered = useMemo(
    () =>
      filterBlockRows(rows, {
        search,
        platform: platform as Platform | '',
        accountId: account,
        criterion: crit as CriterionId | '',
        status: status as BlockStatus | '',
        from,
        to,
      }),
    [rows, search, platform, account, crit, status, from, to],
  );

  const filter: ExportFilter = {
    ...(q
      ? {
          user:
            parseUserInput(search, (platform || undefined) as Platform | undefined) ?? undefined,
        }
      : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  if (filter.user === undefined) delete filter.user;

  const runVerify = async () => {
    setBusy('Verifying the chain…');
    setVerify(null);
    const reply = await ask({ type: 'block:verify' });
    setBusy(null);
    setVerify(
      reply.ok && reply.verification
        ? reply.verification
        : { ok: false, text: `Could not verify: ${reply.ok ? 'no answer' : reply.error}` },
    );
  };

  // The printable report is its own extension page; it reads the log itself (read-only).
  const openReport = async () => {
    const params = new URLSearchParams();
    if (filter.user) params.set('user', filter.user);
    if (filter.from) params.set('from', filter.from);
    if (filter.to) params.set('to', filter.to);
    const query = params.toString();
    const url = browser.runtime.getURL('/report.html') + (query ? `?${query}` : '');
    try {
      await browser.tabs.create({ url });
    } catch (err) {
      setNotice({
        ok: false,
        text: `The report did not open: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  };

  const doExport = async (kind: 'csv' | 'json') => {
    if (!snapshot.moderator) return;
    const at = now();
    setBusy(`Making the ${kind.toUpperCase()} file…`);
    setNotice(null);
    try {
      const reply = await ask({ type: 'block:export', format: kind, filter });
      if (!reply.ok) throw new Error(reply.error);
      if (reply.exported === undefined) throw new Error('the background sent no file');
      await downloadText(
        exportFileName('block-log', filter, at, kind),
        reply.exported,
        kind === 'csv' ? 'text/csv' : 'application/json',
      );
      setNotice({ ok: true, text: 'Export started: see your downloads.' });
    } catch (err) {
      setNotice({
        ok: false,
        text: `Export failed: ${err instanceof Error ? err.message : String(err)}`,
      });
    } finally {
      setBusy(null);
    }
  };

  if (selected) {
    return <EntryDetail entryId={selected} list={index} onBack={() => setSelected(null)} />;
  }

  return (
    <section aria-labelledby="log-heading">
      <h2 id="log-heading">Block log</h2>
      <form
        role="search"
        aria-label="Search and filter the block log"
        onSubmit={(e) => e.preventDefault()}
      >
        <Field
          id="log-search"
          label="Search by handle or name"
          type="search"
          value={search}
          onChange={setSearch}
        />
        <div className="grid">
          <Select
            id="log-platform"
            label="Platform"
            value={platform}
            onChange={setPlatform}
            options={[
              { value: '', label: 'All platforms' },
              { value: 'facebook', label: 'Facebook' },
              { value: 'x', label: 'X' },
            ]}
          />
          <Select
            id="log-account"
            label="Account"
            value={account}
            onChange={setAccount}
            options={[
              { value: '', label: 'All accounts' },
              ...accounts.map((a) => ({ value: a.id, label: a.label })),
            ]}
          />
          <Select
            id="log-criterion"
            label="Criterion"
            value={crit}
            onChange={setCrit}
            options={[
              { value: '', label: 'All criteria' },
              ...POLICY.criteria.map((c) => ({ value: c.id, label: c.label })),
            ]}
          />
          <Select
            id="log-outcome"
            label="Outcome"
            value={status}
            onChange={setStatus}
            options={[
              { value: '', label: 'All outcomes' },
              ...Object.entries(STATUS_TEXT).map(([value, label]) => ({ value, label })),
            ]}
          />
          <Field id="log-from" label="From (date)" type="date" value={from} onChange={setFrom} />
          <Field id="log-to" label="To (date)" type="date" value={to} onChange={setTo} />
        </div>
      </form>
      <div className="row">
        <button type="button" disabled={busy !== null} onClick={() => void runVerify()}>
          Verify chain
        </button>
        <button
          type="button"
          disabled={!snapshot.moderator || busy !== null}
          onClick={() => void doExport('csv')}
        >
          Export CSV
        </button>
        <button
          type="button"
          disabled={!snapshot.moderator || busy !== null}
          onClick={() => void doExport('json')}
        >
          Export JSON
        </button>
        <button type="button" onClick={() => void openReport()}>
          Printable report
        </button>
      </div>
      {/* One live region that stays in place, so the words put in it are announced. */}
      <p role="status" className="live">
        {busy}
      </p>
      <Notice notice={verify} />
      <Notice notice={notice} />
      <p role="status">
        {filtered.length} of {rows.length} entries shown
        {filter.user || filter.from || filter.to ? '; exports use the user and date filters' : ''}
        {q && !filter.user
          ? '; exports are not limited to one user until you choose the platform and type their whole handle, or paste their profile address'
          : ''}
        .
      </p>
      <p className="hint" id="log-keys">
        Use Tab or the arrow keys to move through the entries; Home and End go to the newest and the
        oldest.
      </p>
      <VirtualList
        key={listKey}
        items={filtered}
        itemKey={(r) => r.id}
        label="Block log entries, newest first"
        describedBy="log-keys"
        initialOffset={back?.offset ?? 0}
        onOffset={(o) => (scrollOffset.current = o)}
        focusKey={back?.id ?? null}
        renderRow={(r) => (
          <button type="button" className="link" onClick={() => open(r.id)}>
            <span className="strong">{userText(r.user)}</span> · {PLATFORM_NAME[r.platform]},{' '}
            {r.account.label} · {STATUS_TEXT[r.status]} · {formatLondon(r.createdAt)}
            {r.imported ? ' · imported from a backup' : ''}
          </button>
        )}
      />
    </section>
  );
}

type Detail = NonNullable<Extract<Reply, { ok: true }>['entry']>;

/**
 * One entry's details and chronology, asked of the background (which holds the log) when opened,
 * and asked again when the log changes (a new `list` arrives), so an amendment added here shows
 * at once.
 */
function EntryDetail({
  entryId,
  list,
  onBack,
}: {
  entryId: string;
  /** The list as last read: a new one means the log changed. */
  list: BlockIndex;
  onBack: () => void;
}) {
  const ask = usePopup((s) => s.ask);
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void ask({ type: 'block:entry', entryId }).then((reply) => {
      if (!live) return;
      if (reply.ok && reply.entry) {
        setDetail(reply.entry);
        setError(null);
      } else {
        setError(reply.ok ? 'the background sent no entry' : reply.error);
      }
    });
    return () => {
      live = false;
    };
  }, [ask, entryId, list]);
  if (!detail) {
    return (
      <section aria-labelledby="detail-heading">
        <button type="button" onClick={onBack}>
          Back to the block log
        </button>
        <h2 id="detail-heading">Block log entry</h2>
        {error ? (
          <p role="alert">Could not read the entry: {error}</p>
        ) : (
          <p role="status">Loading the entry…</p>
        )}
      </section>
    );
  }
  const { view, links } = detail;
  const e = view.entry;
  return (
    <section aria-labelledby="detail-heading">
      <button type="button" onClick={onBack}>
        Back to the block log
      </button>
      <h2 id="detail-heading">
        {userText(e.user)} on {PLATFORM_NAME[e.platform]}
      </h2>
      <p className="strong">Status: {STATUS_TEXT[view.status]}</p>
      {detail.imported ? <p>{detail.imported}. It is kept as it was logged there.</p> : null}
      <dl className="summary">
        <dt>Account</dt>
        <dd>{e.account.label}</dd>
        <dt>Logged by</dt>
        <dd>
          {view.original.moderator.name} (staff number {view.original.moderator.staffNumber}),{' '}
          {formatLondon(view.original.createdAt)}
        </dd>
        <dt>Content</dt>
        <dd className="break">{e.content?.excerpt ?? e.content?.url ?? 'Not recorded'}</dd>
        <dt>Engagement</dt>
        <dd>
          {e.engagements.length === 0 ? 'None' : null}
          {e.engagements.map((g, i) => (
            <span key={i} className="block">
              {formatLondon(g.at)} ({g.method.replace('-', ' ')}): {g.said}
            </span>
          ))}
          {e.exception ? (
            <span className="block">
              Exception: {e.exception.kind.replaceAll('-', ' ')}: {e.exception.why}
            </span>
          ) : null}
        </dd>
        <dt>Advice</dt>
        <dd>
          {e.advice
            ? `${e.advice.from}, ${formatLondon(e.advice.at)}: ${e.advice.advice}`
            : 'None recorded'}
        </dd>
        <dt>Criteria</dt>
        <dd>
          {POLICY.criteria
            .filter((c) => e.criteria.includes(c.id))
            .map((c) => c.label)
            .join(', ')}
        </dd>
        <dt>Justification</dt>
        <dd>{e.justification}</dd>
        <dt>Evidence</dt>
        <dd>
          {e.evidence.map((ev, i) => (
            <span key={i} className="block break">
              “{ev.text}” ({ev.url}, {formatLondon(ev.capturedAt)}) SHA-256 <code>{ev.sha256}</code>
            </span>
          ))}
        </dd>
      </dl>
      <h3>Chronology</h3>
      <ol className="chronology">
        {links.map((l) => (
          <li key={l.seq}>
            <span className="strong">
              Record {l.seq}: {l.kind === 'entry' ? 'entry logged' : `${l.record.kind} amendment`}
            </span>
            , {formatLondon(l.kind === 'entry' ? l.record.createdAt : l.record.at)} by{' '}
            {l.kind === 'entry' ? l.record.moderator.name : l.record.moderator.name}
            {l.kind === 'amendment' ? <span className="block">{l.record.why}</span> : null}
            <span className="block break">
              Hash <code>{l.hash}</code>
            </span>
          </li>
        ))}
      </ol>
      <AmendForm entryId={view.original.id} />
    </section>
  );
}

function AmendForm({ entryId }: { entryId: string }) {
  const send = usePopup((s) => s.send);
  const now = usePopup((s) => s.now);
  const [kind, setKind] = useState('note');
  const [why, setWhy] = useState('');
  const [at, setAt] = useState(() => isoToLondonLocal(now()));
  const [justification, setJustification] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [requestId, renewRequestId] = useRequestId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: FieldErrors = {};
    if (!why.trim()) next['amend-why'] = 'Write the note or the reason for the amendment.';
    const iso = londonLocalToIso(at);
    if ((kind === 'blocked' || kind === 'resolved') && !iso) next['amend-at'] = 'Enter when.';
    if (kind === 'correction' && !justification.trim())
      next['amend-justification'] = 'Enter the corrected justification.';
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const w = why.trim();
    const amendment =
      kind === 'note'
        ? { kind: 'note' as const, why: w }
        : kind === 'unblock'
          ? { kind: 'unblock' as const, why: w }
          : kind === 'correction'
            ? { kind: 'correction' as const, why: w, data: { justification: justification.trim() } }
            : kind === 'blocked'
              ? { kind: 'outcome' as const, why: w, data: { kind: 'blocked' as const, at: iso! } }
              : {
                  kind: 'outcome' as const,
                  why: w,
                  data: { kind: 'resolved-without-block' as const, at: iso!, note: w },
                };
    const reply = await send({ type: 'block:amend', requestId, entryId, amendment });
    setNotice(
      reply.ok ? { ok: true, text: reply.message ?? 'Amended.' } : { ok: false, text: reply.error },
    );
    if (reply.ok) {
      setWhy('');
      renewRequestId();
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="amend-heading">
      <h3 id="amend-heading">Add an amendment</h3>
      <Select
        id="amend-kind"
        label="Kind of amendment"
        value={kind}
        onChange={setKind}
        options={[
          { value: 'note', label: 'Note' },
          { value: 'correction', label: 'Correct the justification' },
          { value: 'blocked', label: 'Outcome: blocked on the platform' },
          { value: 'resolved', label: 'Outcome: resolved without blocking' },
          { value: 'unblock', label: 'Unblocked' },
        ]}
      />
      {kind === 'blocked' || kind === 'resolved' ? (
        <Field
          id="amend-at"
          label="When"
          type="datetime-local"
          value={at}
          onChange={setAt}
          error={errors['amend-at']}
        />
      ) : null}
      {kind === 'correction' ? (
        <Field
          id="amend-justification"
          label="Corrected justification"
          multiline
          value={justification}
          onChange={setJustification}
          error={errors['amend-justification']}
        />
      ) : null}
      <Field
        id="amend-why"
        label={kind === 'note' ? 'Note' : 'Reason'}
        multiline
        value={why}
        onChange={setWhy}
        error={errors['amend-why']}
      />
      <button type="submit">Add amendment</button>
      <Notice notice={notice} />
    </form>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { POLICY, type Platform } from '../lib/policy';
import {
  auditChains,
  currentView,
  describeChains,
  exportFileName,
  ExportFilterSchema,
  formatLondon,
  importedText,
  linksOfEntry,
  londonDate,
  provenanceById,
  selectedEntryIds,
  tryUserKey,
  type Amendment,
  type BlockLog,
  type BlockStatus,
  type BlockView,
  type ChainCheck,
  type ChainedRecord,
  type ChainHead,
  type ExportFilter,
  type Moderator,
  type OtherChain,
  type UserIdentity,
} from '../lib/records';
import { installationId } from '../lib/storage/installation';
import { loadSnapshot } from '../lib/storage/blockLogDb';
import { loadOtherChains } from '../lib/storage/otherChains';
import { recordsDb } from '../lib/storage/recordsDb';

const PLATFORM_NAME: Record<Platform, string> = { facebook: 'Facebook', x: 'X' };

const STATUS_TEXT: Record<BlockStatus, string> = {
  pending: 'Pending: outcome not recorded',
  blocked: 'Blocked',
  'resolved-without-block': 'Resolved without blocking',
  unblocked: 'Unblocked',
};

const METHOD_TEXT = {
  'public-reply': 'Public reply',
  'private-message': 'Private message',
  other: 'Other',
} as const;

const EXCEPTION_TEXT = {
  'credible-threat-or-crime-reported': 'Credible threat, or a crime has been reported',
  'automated-spam-account': 'Automated spam account (cannot be engaged with)',
} as const;

/**
 * The report's filter from its address (`report.html?user=x:jbloggs&from=2026-01-01&to=…`), the
 * same user and London date filter the popup's exports use.
 *
 * @example
 * parseReportQuery('?user=x:jbloggs&from=2026-11-01'); // { ok: true, filter: { user: 'x:jbloggs', from: '2026-11-01' } }
 */
export function parseReportQuery(
  search: string,
): { ok: true; filter: ExportFilter } | { ok: false; error: string } {
  const params = new URLSearchParams(search);
  const raw: Record<string, string> = {};
  for (const key of ['user', 'from', 'to'] as const) {
    const value = params.get(key)?.trim();
    if (value) raw[key] = value;
  }
  const parsed = ExportFilterSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: `${issue?.path.join('.') || 'filter'}: ${issue?.message ?? 'not valid'}`,
    };
  }
  if (parsed.data.from && parsed.data.to && parsed.data.from > parsed.data.to) {
    return {
      ok: false,
      error: `the range starts (${parsed.data.from}) after it ends (${parsed.data.to})`,
    };
  }
  return { ok: true, filter: parsed.data };
}

function userName(u: UserIdentity): string {
  const handle = u.handle ? `@${u.handle.replace(/^@/, '')}` : (u.profileUrl ?? '');
  return u.displayName ? `${handle} (${u.displayName})` : handle;
}

function moderatorText(m: Moderator): string {
  return `${m.name} (staff number ${m.staffNumber}${m.team ? `, ${m.team}` : ''})`;
}

interface ReportEntry {
  view: BlockView;
  links: ChainedRecord[];
  /** For an entry of another installation's chain: where it came from, in words. */
  imported?: string;
}

interface UserGroup {
  key: string;
  user: UserIdentity;
  entries: ReportEntry[];
}

/**
 * Selected entries of every chain grouped by person (the user key as it now reads), oldest
 * first; entries of other installations' chains say where they came from.
 */
function groupByUser(
  log: BlockLog,
  others: readonly OtherChain[],
  filter: ExportFilter,
): UserGroup[] {
  const sources = [
    { log, from: (_id: string): string | undefined => undefined },
    ...others.map((o) => {
      const p = provenanceById(o);
      return {
        log: o.log,
        from: (id: string): string | undefined =>
          `Another installation’s record (${o.installationId}), ${importedText(p.get(id), formatLondon)}`,
      };
    }),
  ];
  const groups = new Map<string, UserGroup>();
  for (const source of sources) {
    const ids = selectedEntryIds(source.log, filter);
    for (const view of currentView(source.log)) {
      if (!ids.has(view.original.id)) continue;
      const key = tryUserKey(view.entry.user) ?? `unkeyed:${view.original.id}`;
      const group = groups.get(key) ?? { key, user: view.entry.user, entries: [] };
      const imported = source.from(view.original.id);
      const links = linksOfEntry(source.log, view.original.id);
      group.entries.push({ view, links, ...(imported ? { imported } : {}) });
      groups.set(key, group);
    }
  }
  if (others.length > 0) {
    for (const g of groups.values()) {
      g.entries.sort((a, b) =>
        a.view.original.createdAt < b.view.original.createdAt
          ? -1
          : a.view.original.createdAt > b.view.original.createdAt
            ? 1
            : 0,
      );
    }
  }
  return [...groups.values()];
}

interface Loaded {
  log: BlockLog;
  moderator: Moderator | null;
  /** Other installations' chains held here (restored from their backups), read-only. */
  others: OtherChain[];
  /** Every chain's verification, this installation's first. */
  checks: ChainCheck[];
  /** Each chain's head as it stands now, this installation's first. */
  heads: ChainHead[];
}

/**
 * The printable evidence report: one user's full chronology, or every entry in a date range, read
 * from storage (read-only) with the chain verification result and each chain's head at the top.
 * Laid out for paper and Save as PDF by entrypoints/report/style.css.
 */
export function EvidenceReport({
  search,
  now = () => new Date(),
}: {
  /** The page's query string, e.g. `location.search`. */
  search: string;
  now?: () => Date;
}) {
  const query = useMemo(() => parseReportQuery(search), [search]);
  const [preparedAt] = useState(now);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const snapshot = await loadSnapshot(preparedAt);
        const installation = await installationId();
        const { chains: others } = await loadOtherChains(recordsDb(), installation, preparedAt);
        const checks = await auditChains(
          { installationId: installation, log: snapshot.blockLog },
          others,
        );
        const heads = checks.map((c) => ({ installationId: c.installationId, ...c.audit.head }));
        if (live) {
          const { moderator } = snapshot;
          setLoaded({ log: snapshot.blockLog, moderator, others, checks, heads });
        }
      } catch (err) {
        if (live) setLoadError(err instanceof Error ? err.message : String(err));
      }
    })();
    return () => {
      live = false;
    };
  }, [preparedAt]);

  const filter = query.ok ? query.filter : {};
  const title = exportFileName('block-log-report', filter, preparedAt, 'pdf').replace(/\.pdf$/, '');
  useEffect(() => {
    // Save as PDF offers the page title as the file name: say what it holds and when.
    document.title = title;
  }, [title]);

  const groups = useMemo(
    () => (loaded && query.ok ? groupByUser(loaded.log, loaded.others, query.filter) : []),
    [loaded, query],
  );

  const scope = [
    filter.user ? `user ${filter.user}` : 'all users',
    `entries logged from ${filter.from ?? 'the start of the log'} to ${filter.to ?? londonDate(preparedAt)} (London dates)`,
  ].join(', ');

  return (
    <main className="report">
      <header>
        <h1>Block log evidence report</h1>
        <p>
          {scope[0]!.toUpperCase()}
          {scope.slice(1)}.
        </p>
        <p>
          Prepared {formatLondon(preparedAt)} (London time)
          {loaded?.moderator ? ` by ${moderatorText(loaded.moderator)}` : ''} from the block log in
          Moderator Assist. File name: <span className="break">{title}</span>
        </p>
        <div className="no-print row">
          <button type="button" onClick={() => window.print()}>
            Print or save as PDF
          </button>
        </div>
      </header>
      {!query.ok ? (
        <p role="alert" className="notice fail">
          <span aria-hidden="true">✗ </span>
          The report address is not valid ({query.error}). Open the report again from the block log.
        </p>
      ) : loadError ? (
        <p role="alert" className="notice fail">
          <span aria-hidden="true">✗ </span>
          Could not read the block log: {loadError}
        </p>
      ) : !loaded ? (
        <p role="status">Reading the block log…</p>
      ) : (
        <>
          <VerificationBox loaded={loaded} />
          <p>
            {groups.reduce((n, g) => n + g.entries.length, 0)} entries for {groups.length}{' '}
            {groups.length === 1 ? 'user' : 'users'} in this report. Times are London time; each
            record shows its SHA-256 hash in the chain, which the JSON export and{' '}
            <code>npm run verify-export</code> check.
          </p>
          {groups.length === 0 ? <p>No block log entries match this report’s filter.</p> : null}
          {groups.map((g, i) => (
            <UserSection key={g.key} group={g} index={i} />
          ))}
        </>
      )}
    </main>
  );
}

function VerificationBox({ loaded }: { loaded: Loaded }) {
  const { log, others, checks, heads } = loaded;
  // The heads are shown on their own below, where they are easy to copy down.
  const headless = checks.map((c) => ({ ...c, audit: { ...c.audit, head: undefined } }));
  const text = describeChains(log, others, headless, formatLondon);
  const whole =
    others.length === 0
      ? 'the whole block log was checked'
      : `every chain was checked, this installation’s and ${others.length} restored from other installations’ backups`;
  return checks.every((c) => c.audit.ok) ? (
    <section className="verify ok" aria-labelledby="verify-heading">
      <h2 id="verify-heading">Chain verification: passed</h2>
      <p role="status">
        <span aria-hidden="true">✓ </span>
        {text} ({whole}, not only the records in this report).
      </p>
      <ChainHeads heads={heads} />
    </section>
  ) : (
    <section className="verify fail" aria-labelledby="verify-heading">
      <h2 id="verify-heading">Chain verification: FAILED</h2>
      <p role="alert">
        <span aria-hidden="true">✗ </span>
        {text} Records from that point on cannot be relied on as logged.
      </p>
      <ChainHeads heads={heads} />
    </section>
  );
}

/**
 * Where each chain ends, for the investigator to write down: a later export of the log must
 * still contain this head hash (`npm run verify-export -- FILE --head HASH`), or its newest
 * records have been removed.
 */
function ChainHeads({ heads }: { heads: readonly ChainHead[] }) {
  return (
    <>
      <h3>{heads.length === 1 ? 'Chain head' : 'Chain heads'}</h3>
      <p>
        Note the head hash. Any later export of this block log must still contain it, or records
        logged before this report was prepared have since been removed;{' '}
        <code>npm run verify-export -- FILE --head HASH</code> checks this.
      </p>
      {heads.map((h) => (
        <dl className="summary head" key={h.installationId}>
          <dt>Installation</dt>
          <dd>
            <code className="break">{h.installationId}</code>
          </dd>
          <dt>Last record</dt>
          <dd>
            {h.count === 0
              ? 'None: the chain is empty'
              : `Record ${h.lastSeq} (${h.count} ${h.count === 1 ? 'record' : 'records'} in the chain, erased ones included)`}
          </dd>
          <dt>Head hash</dt>
          <dd>
            <code className="break">{h.headHash}</code>
          </dd>
        </dl>
      ))}
    </>
  );
}

function UserSection({ group, index }: { group: UserGroup; index: number }) {
  const id = `user-${index}`;
  return (
    <section className="user" aria-labelledby={id}>
      <h2 id={id}>
        {userName(group.user)} on {PLATFORM_NAME[group.user.platform]}
      </h2>
      <p>
        User key <code>{group.key}</code>
        {group.user.profileUrl ? (
          <>
            ; profile <span className="break">{group.user.profileUrl}</span>
          </>
        ) : null}
        . {group.entries.length} {group.entries.length === 1 ? 'entry' : 'entries'}, oldest first.
      </p>
      {group.entries.map((item, j) => (
        <EntryArticle
          key={item.view.original.id}
          view={item.view}
          links={item.links}
          {...(item.imported ? { imported: item.imported } : {})}
          headingId={`${id}-entry-${j}`}
        />
      ))}
    </section>
  );
}

function EntryArticle({
  view,
  links,
  imported,
  headingId,
}: {
  view: BlockView;
  links: ChainedRecord[];
  imported?: string;
  headingId: string;
}) {
  const e = view.entry;
  const criteria = POLICY.criteria.filter((c) => e.criteria.includes(c.id));
  return (
    <article className="entry" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Entry logged {formatLondon(view.original.createdAt)}: {STATUS_TEXT[view.status]}
      </h3>
      <dl className="summary">
        <dt>Entry ID</dt>
        <dd>
          <code>{e.id}</code>
        </dd>
        <dt>Logged by</dt>
        <dd>{moderatorText(view.original.moderator)}</dd>
        {imported ? (
          <>
            <dt>Provenance</dt>
            <dd>{imported}</dd>
          </>
        ) : null}
        <dt>Platform and account</dt>
        <dd>
          {PLATFORM_NAME[e.platform]}, {e.account.label}
        </dd>
        <dt>Content</dt>
        <dd className="break">
          {e.content?.url ?? 'No link recorded'}
          {e.content?.excerpt ? <span className="quote block">{e.content.excerpt}</span> : null}
        </dd>
        <dt>Outcome</dt>
        <dd>
          {STATUS_TEXT[view.status]}
          {view.outcome.kind !== 'pending' ? `, ${formatLondon(view.outcome.at)}` : ''}
          {view.outcome.kind === 'resolved-without-block' ? `: ${view.outcome.note}` : ''}
          {view.unblocked
            ? `; unblocked ${formatLondon(view.unblocked.at)} by ${view.unblocked.by.name}: ${view.unblocked.why}`
            : ''}
        </dd>
        {view.corrections.length > 0 ? (
          <>
            <dt>Corrections</dt>
            <dd>
              This entry reads as corrected by {view.corrections.length}{' '}
              {view.corrections.length === 1 ? 'amendment' : 'amendments'} (see the chronology).
            </dd>
          </>
        ) : null}
      </dl>

      <h4>Engagement before blocking</h4>
      {e.engagements.length === 0 ? (
        <p>None recorded.</p>
      ) : (
        <ol>
          {e.engagements.map((g, i) => (
            <li key={i}>
              {formatLondon(g.at)}, {METHOD_TEXT[g.method].toLowerCase()}: “{g.said}”
              {g.link ? <span className="block break">Link: {g.link}</span> : null}
            </li>
          ))}
        </ol>
      )}
      {e.exception ? (
        <p>
          <span className="strong">Exception to engaging first:</span>{' '}
          {EXCEPTION_TEXT[e.exception.kind]}. Reason given: {e.exception.why}
        </p>
      ) : null}

      <h4>Digital Media Team advice</h4>
      <p>
        {e.advice
          ? `${e.advice.from}, ${formatLondon(e.advice.at)}: ${e.advice.advice}`
          : e.exception
            ? 'None recorded before acting: the exception above applies.'
            : 'None recorded.'}
      </p>

      <h4>Reasons: Annex 1 criteria met</h4>
      <ul className="criteria">
        {criteria.map((c) => (
          <li key={c.id}>
            <span className="strong">{c.label}</span> ({c.section}):
            <blockquote>{c.clause}</blockquote>
          </li>
        ))}
      </ul>
      <p>
        <span className="strong">Justification:</span> {e.justification}
      </p>

      <h4>Evidence snapshots</h4>
      {e.evidence.length === 0 ? (
        <p>None captured.</p>
      ) : (
        <ol className="evidence">
          {e.evidence.map((ev, i) => (
            <li key={i}>
              <blockquote className="quote">{ev.text}</blockquote>
              <dl className="summary">
                <dt>Author</dt>
                <dd>
                  {[
                    ev.author.handle ? `@${ev.author.handle.replace(/^@/, '')}` : '',
                    ev.author.displayName ?? '',
                    ev.author.profileUrl ?? '',
                  ]
                    .filter(Boolean)
                    .join(', ') || 'Not shown on the page'}
                </dd>
                <dt>Link</dt>
                <dd className="break">{ev.url}</dd>
                <dt>Captured</dt>
                <dd>{formatLondon(ev.capturedAt)}</dd>
                <dt>SHA-256 of the text</dt>
                <dd>
                  <code className="break">{ev.sha256}</code>
                </dd>
              </dl>
            </li>
          ))}
        </ol>
      )}

      <h4>Chronology of records in the chain</h4>
      <ol className="chronology">
        {links.map((l) => (
          <li key={l.seq}>
            <span className="strong">
              Record {l.seq}: {l.kind === 'entry' ? 'entry logged' : amendmentTitle(l.record)}
            </span>
            , {formatLondon(l.kind === 'entry' ? l.record.createdAt : l.record.at)} by{' '}
            {moderatorText(l.record.moderator)}
            {l.kind === 'amendment' ? <AmendmentDetail amendment={l.record} /> : null}
            <span className="block break">
              Hash <code>{l.hash}</code>
            </span>
          </li>
        ))}
      </ol>
    </article>
  );
}

function amendmentTitle(a: Amendment): string {
  switch (a.kind) {
    case 'note':
      return 'note';
    case 'unblock':
      return 'unblocked';
    case 'correction':
      return 'correction';
    case 'outcome':
      return a.data.kind === 'blocked' ? 'outcome: blocked' : 'outcome: resolved without blocking';
  }
}

function valueText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(valueText).join('; ');
  if (v && typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k}: ${valueText(x)}`)
      .join(', ');
  }
  return String(v);
}

function AmendmentDetail({ amendment: a }: { amendment: Amendment }) {
  if (a.kind === 'correction') {
    return (
      <>
        <span className="block">Reason: {a.why}</span>
        {Object.entries(a.data).map(([field, value]) => (
          <span key={field} className="block">
            Corrected {field}: {valueText(value)}
          </span>
        ))}
      </>
    );
  }
  if (a.kind === 'outcome') {
    return (
      <span className="block">
        {a.data.kind === 'blocked'
          ? `Blocked on the platform at ${formatLondon(a.data.at)}.`
          : `Resolved without blocking at ${formatLondon(a.data.at)}: ${a.data.note}`}{' '}
        {a.why}
      </span>
    );
  }
  return <span className="block">{a.kind === 'note' ? a.why : `Reason: ${a.why}`}</span>;
}

import { useEffect, useId, useState, type ChangeEvent, type FormEvent } from 'react';
import {
  currentBackup,
  previewImport,
  readAll,
  readAuditLog,
  type LocalImportPlan,
} from '../../lib/messages/data';
import {
  BACKUP_MAX_BYTES,
  IMPORT_TYPES,
  backupFileName,
  backupJson,
} from '../../lib/records/backup';
import { parseUserInput } from '../../lib/records/identity';
import { formatLondon } from '../../lib/records/time';
import {
  expiredRecords,
  subjectAccess,
  type AuditEntry,
  type RetentionReport,
} from '../../lib/records/retention';
import { downloadText } from '../../lib/ui/download';
import { runtimeTransport, type Transport } from '../../lib/ui/store';
import type { Settings } from '../../lib/storage/settings';
import type { Update } from './useSettings';

const systemNow = () => new Date();

const TYPE_NAMES: Record<(typeof IMPORT_TYPES)[number], string> = {
  settings: 'Settings',
  moderator: 'Your details',
  accounts: 'Force accounts',
  protectedNames: 'Protected names',
  customRules: 'Custom rules',
  lists: 'Cases, operations, allowed terms',
  blockLog: 'Block-log records',
  contacts: 'Contacts',
  repeatEvents: 'Repeat-caller events and identity links',
  drafts: 'Unfinished block drafts',
};

export interface DataSectionProps {
  settings: Settings;
  update: Update;
  announce: (message: string) => void;
  transport?: Transport;
  now?: () => Date;
  download?: (name: string, text: string, type: string) => Promise<void>;
}

/** Backup and restore: one file with everything, and a restore that previews before it writes. */
export function BackupSection({
  announce,
  transport = runtimeTransport,
  now = systemNow,
  download = downloadText,
}: Omit<DataSectionProps, 'settings' | 'update'>) {
  const fileId = useId();
  const [text, setText] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [plan, setPlan] = useState<LocalImportPlan | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const backup = async () => {
    const at = now();
    await download(backupFileName(at), backupJson(await currentBackup(at)), 'application/json');
    announce('Backup saved. It holds personal data: store it as the force’s policy requires.');
  };

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    setPlan(null);
    setError('');
    setText(null);
    const file = e.target.files?.[0];
    if (!file) return;
    if (file.size > BACKUP_MAX_BYTES) {
      setError('The file is larger than 50 MB, so it was not read. Nothing was changed.');
      return;
    }
    const read = await file.text();
    const r = await previewImport(read, now());
    if (!r.ok) {
      setError(r.message);
      return;
    }
    setText(read);
    setFileName(file.name.slice(0, 255));
    setPlan(r.plan);
  };

  const restore = async () => {
    if (text === null) return;
    setBusy(true);
    const reply = await transport({ type: 'data:import', text, fileName });
    setBusy(false);
    if (reply.ok) {
      setPlan(null);
      setText(null);
      announce(reply.message ?? 'Restored.');
    } else setError(reply.error);
  };

  return (
    <>
      <p>
        One file with everything this extension holds: settings (with protected names and custom
        rules), your details, force accounts, the block log with its hash chain, contacts,
        repeat-caller events and identity links.
      </p>
      <button type="button" onClick={() => void backup()}>
        Save a backup
      </button>
      <h3>Restore from a backup</h3>
      <p>
        Nothing changes until you confirm. Records already here are never replaced: where the file
        and this browser differ, this browser’s copy is kept and listed (for unfinished drafts, the
        one saved later is kept). Records erased here are not brought back.
      </p>
      <label htmlFor={fileId}>Backup file (JSON, up to 50 MB)</label>
      <input
        id={fileId}
        type="file"
        accept=".json,application/json"
        onChange={(e) => void choose(e)}
      />
      {error ? (
        <p role="alert" className="error">
          Not restored: {error}
        </p>
      ) : null}
      {plan ? (
        <div>
          <table>
            <caption>What restoring this file will do</caption>
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">New</th>
                <th scope="col">Already here</th>
                <th scope="col">Conflicting</th>
                <th scope="col">Erased here, not restored</th>
              </tr>
            </thead>
            <tbody>
              {IMPORT_TYPES.map((t) => (
                <tr key={t}>
                  <th scope="row">{TYPE_NAMES[t]}</th>
                  <td>{plan.counts[t].new}</td>
                  <td>{plan.counts[t].duplicate}</td>
                  <td>{plan.counts[t].conflict}</td>
                  <td>{plan.counts[t].erased}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {plan.blockLog === 'adopted'
              ? 'The file’s block log continues this one, so its further records are taken as they are.'
              : plan.blockLog === 'appended'
                ? 'The file’s block log has records this one lacks; they are added at the end of this chain with their content unchanged (new positions and hashes).'
                : 'This installation’s block log is unchanged.'}
          </p>
          {plan.imports.map((i) => (
            <p key={i.installationId}>
              {i.recordIds.length} block-log {i.recordIds.length === 1 ? 'record' : 'records'} of
              another installation ({i.installationId}) will be kept on that installation’s own
              chain, exactly as in the file (never added to this one), and marked as imported from
              this file.
            </p>
          ))}
          {plan.conflicts.length > 0 ? (
            <ul aria-label="Conflicts">
              {plan.conflicts.map((c) => (
                <li key={`${c.type}:${c.id}`}>
                  {TYPE_NAMES[c.type]} {c.id}: kept {c.kept}. {c.why}
                </li>
              ))}
            </ul>
          ) : null}
          <button
            type="button"
            disabled={busy || plan.changes === 0}
            onClick={() => void restore()}
          >
            {plan.changes === 0 ? 'Nothing to restore' : `Restore ${plan.changes} new items`}
          </button>{' '}
          <button type="button" onClick={() => setPlan(null)}>
            Cancel
          </button>
        </div>
      ) : null}
    </>
  );
}

/** Retention periods, records past them, erasure and subject access requests, and the audit log. */
export function RetentionSection({
  settings,
  update,
  announce,
  transport = runtimeTransport,
  now = systemNow,
  download = downloadText,
}: DataSectionProps) {
  const ids = { b: useId(), c: useId(), e: useId(), who: useId() };
  const [report, setReport] = useState<RetentionReport | null>(null);
  const [audit, setAudit] = useState<AuditEntry[]>([]);
  const [who, setWho] = useState('');
  const [confirmErase, setConfirmErase] = useState(false);
  const [error, setError] = useState('');

  const [version, setVersion] = useState(0);
  const refresh = () => setVersion((v) => v + 1);
  const { blockLog, contacts, repeatEvents } = settings.retentionDays;
  useEffect(() => {
    let live = true;
    void (async () => {
      const all = await readAll(now(), false);
      const log = await readAuditLog();
      if (!live) return;
      setReport(expiredRecords(all, { blockLog, contacts, repeatEvents }, now()));
      setAudit(log);
    })();
    return () => {
      live = false;
    };
  }, [blockLog, contacts, repeatEvents, now, version]);

  const days = (key: keyof Settings['retentionDays']) => (e: ChangeEvent<HTMLInputElement>) => {
    const n = Number(e.target.value);
    if (Number.isInteger(n) && n >= 1 && n <= 36_500) {
      void update(
        (current) => ({ ...current, retentionDays: { ...current.retentionDays, [key]: n } }),
        'retention period',
      ).then((problem) => setError(problem ?? ''));
    }
  };

  const total = report
    ? report.blockEntries.length + report.contacts.length + report.events.length
    : 0;
  const deleteDue = async () => {
    if (!report) return;
    const reply = await transport({
      type: 'data:retention-delete',
      blockEntries: report.blockEntries.map((r) => r.id),
      contacts: report.contacts.map((r) => r.id),
      events: report.events.map((r) => r.id),
    });
    if (reply.ok) announce(reply.message ?? 'Deleted.');
    else setError(reply.error);
    refresh();
  };

  const keyOfWho = () => parseUserInput(who);
  const sar = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    const key = keyOfWho();
    const all = await readAll(now(), false);
    if (!key)
      return setError('Enter a profile URL, or a handle as x:handle or facebook:id:number.');
    if (!all.moderator) return setError('Set your details first: the file says who prepared it.');
    const { file, text } = subjectAccess(all, key, all.moderator, now());
    const base = `subject-access_${key.replace(/[^a-z0-9]+/g, '-')}_${now().toISOString().slice(0, 10)}`;
    await download(`${base}.json`, `${JSON.stringify(file, null, 2)}\n`, 'application/json');
    await download(`${base}.txt`, text, 'text/plain');
    announce(`Subject access files saved for ${key} (JSON and a readable summary).`);
  };
  const erase = async () => {
    const key = keyOfWho();
    if (!key)
      return setError('Enter a profile URL, or a handle as x:handle or facebook:id:number.');
    const reply = await transport({ type: 'data:erase-person', userKey: key });
    setConfirmErase(false);
    if (reply.ok) announce(reply.message ?? 'Erased.');
    else setError(reply.error);
    refresh();
  };

  return (
    <>
      <p>
        How long each kind of record is kept after it last changed. These are starting defaults (six
        years for the block log, one year for contacts and events): your force sets the real periods
        under its MOPI review schedule.
      </p>
      <div className="field">
        <label htmlFor={ids.b}>Block log (days)</label>
        <input
          id={ids.b}
          type="number"
          min={1}
          max={36500}
          value={settings.retentionDays.blockLog}
          onChange={days('blockLog')}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.c}>Contacts (days)</label>
        <input
          id={ids.c}
          type="number"
          min={1}
          max={36500}
          value={settings.retentionDays.contacts}
          onChange={days('contacts')}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.e}>Repeat-caller events (days)</label>
        <input
          id={ids.e}
          type="number"
          min={1}
          max={36500}
          value={settings.retentionDays.repeatEvents}
          onChange={days('repeatEvents')}
        />
      </div>
      <h3>Past retention</h3>
      {!report ? (
        <p>Checking…</p>
      ) : total === 0 ? (
        <p>Nothing is past its retention period.</p>
      ) : (
        <>
          <ul aria-label="Records past retention">
            {[
              ['Block-log entry', report.blockEntries],
              ['Contact', report.contacts],
              ['Repeat-caller event', report.events],
            ].flatMap(([kind, list]) =>
              (list as RetentionReport['contacts']).map((r) => (
                <li key={r.id}>
                  {kind as string}: {r.who}, last changed {formatLondon(r.at)}
                </li>
              )),
            )}
          </ul>
          <button type="button" onClick={() => void deleteDue()}>
            Delete these {total} records
          </button>
        </>
      )}
      <h3>One person: subject access or erasure</h3>
      <form onSubmit={(e) => void sar(e)}>
        <label htmlFor={ids.who}>Profile URL or user key (linked identities are included)</label>
        <input id={ids.who} value={who} onChange={(e) => setWho(e.target.value)} />
        <button type="submit">Save everything held about them</button>{' '}
        {confirmErase ? (
          <>
            <button type="button" onClick={() => void erase()}>
              Yes, erase everything about {who}
            </button>{' '}
            <button type="button" onClick={() => setConfirmErase(false)}>
              Do not erase
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirmErase(true)}>
            Erase this person…
          </button>
        )}
      </form>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <h3>Audit log</h3>
      {audit.length === 0 ? (
        <p>No deletions, erasures or restores yet.</p>
      ) : (
        <ul aria-label="Audit log">
          {audit.map((a) => (
            <li key={a.id}>
              {formatLondon(a.at)}, {a.by.name} ({a.by.staffNumber}): {a.action} — block log{' '}
              {a.counts.blockLog}, contacts {a.counts.contacts}, events {a.counts.repeatEvents},
              drafts {a.counts.drafts}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

import Papa from 'papaparse';
import {
  allLinks,
  currentView,
  sha256Hex,
  verifyChain,
  type BlockView,
  type VerifyResult,
} from './chain';
import { NO_LINKS, personKeys, tryUserKey, type LinkTable } from './identity';
import {
  ExportFileSchema,
  type BlockLog,
  type BlockLogExport,
  type ChainedRecord,
  type Contact,
  type ContactsExport,
  type ExportFile,
  type ExportFilter,
  type ExportLink,
  type Moderator,
  type RepeatCallerEvent,
} from './schemas';
import { formatLondon, londonDate, londonDayEnd, londonDayStart } from './time';

/**
 * UTF-8 byte order mark: without it Excel opens UTF-8 CSV as Windows-1252 and mangles names.
 *
 * @example
 * blockLogCsv(log, {}).startsWith(BOM); // true
 */
export const BOM = '\uFEFF';

/**
 * Makes a cell safe to open in a spreadsheet: a cell starting with `=`, `+`, `-`, `@`, tab or
 * carriage return would be read as a formula (CSV injection), so it gets a leading `'`, which
 * Excel and LibreOffice show as text and do not display.
 *
 * @example
 * neutraliseCell('=SUM(A1:A9)'); // "'=SUM(A1:A9)"
 * neutraliseCell('hello'); // 'hello'
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * CSV text with a BOM, CRLF line ends, every cell neutralised and quoted where needed.
 *
 * @example
 * toCsv(['Name', 'Note'], [['Jo', '=1+1']]); // '\uFEFFName,Note\r\nJo,\'=1+1'
 */
export function toCsv(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const body = Papa.unparse(
    { fields: headers.map(neutraliseCell), data: rows.map((r) => r.map(neutraliseCell)) },
    { newline: '\r\n', quotes: false, escapeFormulae: false },
  );
  // Papa ends a header-only file with a line break but not a file with rows; be consistent.
  return BOM + (rows.length === 0 ? body.replace(/\r\n$/, '') : body);
}

interface Range {
  from: number;
  to: number;
}

function rangeOf(filter: ExportFilter): Range {
  return {
    from: filter.from === undefined ? -Infinity : londonDayStart(filter.from),
    to: filter.to === undefined ? Infinity : londonDayEnd(filter.to),
  };
}

function inRange(range: Range, iso: string): boolean {
  const t = Date.parse(iso);
  return t >= range.from && t < range.to;
}

function userKeysOf(filter: ExportFilter, links: LinkTable): ReadonlySet<string> | null {
  return filter.user === undefined ? null : new Set(personKeys(links, filter.user));
}

/**
 * The block entries a filter selects: entries created in the London date range whose user (as
 * first logged or as corrected) is the filtered person or a linked identity.
 *
 * @example
 * selectedEntryIds(log, { user: 'x:jbloggs' }); // Set of entry ids
 */
export function selectedEntryIds(
  log: BlockLog,
  filter: ExportFilter,
  links: LinkTable = NO_LINKS,
): Set<string> {
  const range = rangeOf(filter);
  const keys = userKeysOf(filter, links);
  const ids = new Set<string>();
  for (const view of currentView(log)) {
    if (!inRange(range, view.original.createdAt)) continue;
    if (keys !== null) {
      const a = tryUserKey(view.original.user);
      const b = tryUserKey(view.entry.user);
      if (!(a !== null && keys.has(a)) && !(b !== null && keys.has(b))) continue;
    }
    ids.add(view.original.id);
  }
  return ids;
}

function redact(link: ChainedRecord): ExportLink {
  return { seq: link.seq, kind: link.kind, prevHash: link.prevHash, hash: link.hash };
}

/**
 * A block-log export. The whole chain is always included so it verifies end to end; records the
 * filter does not select (other users, other dates) are reduced to their hashes. An entry's
 * amendments go wherever the entry goes, so the export shows its current state.
 *
 * @example
 * const file = exportBlockLog(log, { user: 'x:jbloggs' }, moderator, new Date());
 * const text = JSON.stringify(file, null, 2);
 */
export function exportBlockLog(
  log: BlockLog,
  filter: ExportFilter,
  exportedBy: Moderator,
  now: Date,
  links: LinkTable = NO_LINKS,
): BlockLogExport {
  const ids = selectedEntryIds(log, filter, links);
  // Erased links go in as marked hash-only links, so the file verifies across them.
  const chain = allLinks({
    records: log.records.map((link) => {
      const entryId = link.kind === 'entry' ? link.record.id : link.record.entryId;
      return ids.has(entryId) ? link : redact(link);
    }),
    ...(log.erased ? { erased: log.erased } : {}),
  });
  return {
    format: 'moderator-assist-export',
    schemaVersion: 1,
    kind: 'block-log',
    exportedAt: now.toISOString(),
    exportedBy,
    filter,
    complete: chain.every((l) => 'record' in l || ('erased' in l && l.erased === true)),
    chain,
  };
}

/**
 * A contacts export: contacts for the filtered person (all linked identities) in the London date
 * range, and the repeat-caller events about them in that range.
 *
 * @example
 * const file = exportContacts(contacts, events, { from: '2026-01-01' }, moderator, new Date());
 */
export function exportContacts(
  contacts: readonly Contact[],
  events: readonly RepeatCallerEvent[],
  filter: ExportFilter,
  exportedBy: Moderator,
  now: Date,
  links: LinkTable = NO_LINKS,
): ContactsExport {
  const range = rangeOf(filter);
  const keys = userKeysOf(filter, links);
  const aboutUser = (k: string): boolean => keys === null || keys.has(k);
  return {
    format: 'moderator-assist-export',
    schemaVersion: 1,
    kind: 'contacts',
    exportedAt: now.toISOString(),
    exportedBy,
    filter,
    contacts: contacts.filter((c) => aboutUser(c.userKey) && inRange(range, c.at)),
    events: events.filter(
      (e) =>
        inRange(range, e.at) &&
        (aboutUser(e.userKey) ||
          (e.kind === 'linked' || e.kind === 'unlinked' ? aboutUser(e.otherUserKey) : false)),
    ),
  };
}

/**
 * An export file as JSON text (2-space indented, so a reviewer can read it).
 *
 * @example
 * download(exportJson(exportBlockLog(log, {}, moderator, new Date())));
 */
export function exportJson(file: ExportFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Why an import failed: not JSON at all, or JSON that is not a valid export (with where).
 *
 * @example
 * const r: ParseExportResult = parseExport('{');
 * // { ok: false, kind: 'json', path: [], message: 'not valid JSON: …' }
 */
export type ParseExportResult =
  | { ok: true; file: ExportFile }
  | { ok: false; kind: 'json' | 'schema'; path: (string | number)[]; message: string };

interface IssueLike {
  code?: string;
  path: readonly PropertyKey[];
  message: string;
  errors?: readonly (readonly IssueLike[])[];
}

/**
 * The first problem, looking inside unions at the branch that got furthest, so the path names
 * the field that is wrong (`chain[3].record.createdAt`) rather than just the union.
 */
function firstProblem(issues: readonly IssueLike[]): { path: PropertyKey[]; message: string } {
  const issue = issues[0];
  if (!issue) return { path: [], message: 'invalid' };
  if (issue.code === 'invalid_union' && issue.errors && issue.errors.length > 0) {
    let best: { path: PropertyKey[]; message: string } | undefined;
    for (const branch of issue.errors) {
      const p = firstProblem(branch);
      if (best === undefined || p.path.length > best.path.length) best = p;
    }
    if (best) return { path: [...issue.path, ...best.path], message: best.message };
  }
  return { path: [...issue.path], message: issue.message };
}

/**
 * A path as a reader would write it: `chain[3].record.createdAt`.
 *
 * @example
 * formatPath(['chain', 3, 'record', 'createdAt']); // 'chain[3].record.createdAt'
 */
export function formatPath(path: readonly (string | number)[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`))
    .join('')
    .replace(/^$/, '(top level)');
}

/**
 * Reads an export file back, validating every record. Never throws: bad input gives a message
 * naming the first problem and where it is.
 *
 * @example
 * const r = parseExport(text);
 * if (!r.ok) alert(r.message); // e.g. 'chain[3].record.createdAt: Invalid ISO datetime'
 */
export function parseExport(json: string): ParseExportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(json.startsWith(BOM) ? json.slice(1) : json);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, kind: 'json', path: [], message: `not valid JSON: ${detail}` };
  }
  const parsed = ExportFileSchema.safeParse(raw);
  if (parsed.success) return { ok: true, file: parsed.data };
  const problem = firstProblem(parsed.error.issues as readonly IssueLike[]);
  const path = problem.path.map((p) => (typeof p === 'number' ? p : String(p)));
  return { ok: false, kind: 'schema', path, message: `${formatPath(path)}: ${problem.message}` };
}

/**
 * The block log held in a complete block-log export, for restoring from a backup. Null when the
 * export was filtered (redacted links cannot be restored).
 *
 * @example
 * const r = parseExport(text);
 * if (r.ok && r.file.kind === 'block-log') blockLogFromExport(r.file);
 */
export function blockLogFromExport(file: BlockLogExport): BlockLog | null {
  const records: ChainedRecord[] = [];
  for (const link of file.chain) {
    if (!('record' in link)) return null;
    records.push(link);
  }
  return { schemaVersion: 1, records };
}

/**
 * Checks an imported export: the hash chain for a block log (a "complete" file must have no
 * redacted links), the evidence digests for contacts.
 *
 * @example
 * const result = await verifyExport(file);
 * result.ok ? `OK, ${result.count} records` : `seq ${result.firstBadSeq}: ${result.reason}`;
 */
export async function verifyExport(file: ExportFile): Promise<VerifyResult> {
  if (file.kind === 'block-log') {
    if (file.complete) {
      const i = file.chain.findIndex((l) => !('record' in l) && !('erased' in l && l.erased));
      if (i >= 0) {
        return {
          ok: false,
          firstBadSeq: i,
          reason: 'the file says it is complete but this record is missing',
        };
      }
    }
    return verifyChain({ records: file.chain });
  }
  for (const [i, c] of file.contacts.entries()) {
    if (c.evidence && (await sha256Hex(c.evidence.text)) !== c.evidence.sha256) {
      return {
        ok: false,
        firstBadSeq: i,
        id: c.id,
        reason: 'evidence text does not match its sha256',
      };
    }
  }
  return { ok: true, count: file.contacts.length };
}

const BLOCK_HEADERS = [
  'Entry ID',
  'Seq',
  'Created (UTC)',
  'Created (London)',
  'Moderator',
  'Staff number',
  'Team',
  'Platform',
  'Account',
  'User key',
  'Handle',
  'Display name',
  'Profile URL',
  'Content URL',
  'Criteria',
  'Justification',
  'Engagements',
  'Exception',
  'Digital Media Team advice',
  'Status',
  'Outcome at (UTC)',
  'Outcome note',
  'Unblocked at (UTC)',
  'Notes',
  'Corrections',
  'Evidence SHA-256',
  'Hash',
] as const;

function blockRow(v: BlockView): string[] {
  const e = v.entry;
  const outcome = v.outcome;
  return [
    e.id,
    String(v.seq),
    e.createdAt,
    formatLondon(e.createdAt),
    e.moderator.name,
    e.moderator.staffNumber,
    e.moderator.team ?? '',
    e.platform,
    e.account.label,
    tryUserKey(e.user) ?? '',
    e.user.handle ?? '',
    e.user.displayName ?? '',
    e.user.profileUrl ?? '',
    e.content?.url ?? '',
    e.criteria.join('; '),
    e.justification,
    e.engagements
      .map((g) => `${g.at} ${g.method}: ${g.said}${g.link ? ` (${g.link})` : ''}`)
      .join(' | '),
    e.exception ? `${e.exception.kind}: ${e.exception.why}` : '',
    e.advice ? `${e.advice.at} ${e.advice.from}: ${e.advice.advice}` : '',
    v.status,
    outcome.kind === 'pending' ? '' : outcome.at,
    outcome.kind === 'resolved-without-block' ? outcome.note : '',
    v.unblocked?.at ?? '',
    v.notes.map((n) => `${n.at} ${n.by.name}: ${n.text}`).join(' | '),
    v.corrections.map((c) => `${c.at} ${c.by.name} (${c.fields.join(', ')}): ${c.why}`).join(' | '),
    e.evidence.map((ev) => ev.sha256).join('; '),
    v.hash,
  ];
}

/**
 * The block log as CSV, one row per selected entry as it currently reads (amendments applied).
 * The JSON export is the evidential copy; the CSV is for reading and sorting.
 *
 * @example
 * const csv = blockLogCsv(log, { user: 'x:jbloggs', from: '2026-01-01' });
 */
export function blockLogCsv(
  log: BlockLog,
  filter: ExportFilter,
  links: LinkTable = NO_LINKS,
): string {
  const ids = selectedEntryIds(log, filter, links);
  const rows = currentView(log)
    .filter((v) => ids.has(v.original.id))
    .map(blockRow);
  return toCsv(BLOCK_HEADERS, rows);
}

const CONTACT_HEADERS = [
  'Contact ID',
  'At (UTC)',
  'At (London)',
  'User key',
  'Handle',
  'Display name',
  'Profile URL',
  'Platform',
  'Account ID',
  'Reason',
  'Note',
  'Link',
  'Comment key',
  'Findings',
  'Evidence text',
  'Evidence SHA-256',
  'Recorded by',
  'Staff number',
] as const;

/**
 * Contacts as CSV, oldest first, for the filtered person and London date range.
 *
 * @example
 * const csv = contactsCsv(contacts, { user: 'x:jbloggs' });
 */
export function contactsCsv(
  contacts: readonly Contact[],
  filter: ExportFilter,
  links: LinkTable = NO_LINKS,
): string {
  const range = rangeOf(filter);
  const keys = userKeysOf(filter, links);
  const rows = contacts
    .filter((c) => (keys === null || keys.has(c.userKey)) && inRange(range, c.at))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    .map((c) => [
      c.id,
      c.at,
      formatLondon(c.at),
      c.userKey,
      c.user.handle ?? '',
      c.user.displayName ?? '',
      c.user.profileUrl ?? '',
      c.platform,
      c.accountId,
      c.reason,
      c.note ?? '',
      c.link ?? '',
      c.commentKey ?? '',
      (c.findings ?? []).join('; '),
      c.evidence?.text ?? '',
      c.evidence?.sha256 ?? '',
      c.recordedBy.name,
      c.recordedBy.staffNumber,
    ]);
  return toCsv(CONTACT_HEADERS, rows);
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A file name that says what is in the file: kind, user, London date range and the UTC minute of
 * export.
 *
 * @example
 * exportFileName('block-log', { user: 'x:jbloggs', from: '2026-01-01', to: '2026-11-25' },
 *   new Date('2026-11-25T14:05:09Z'));
 * // 'block-log_x-jbloggs_2026-01-01_to_2026-11-25_exported-2026-11-25T1405Z.csv'
 * exportFileName('block-log-report', {}, new Date('2026-11-25T14:05:09Z'), 'pdf');
 * // 'block-log-report_all-users_start_to_2026-11-25_exported-2026-11-25T1405Z.pdf'
 */
export function exportFileName(
  kind: 'block-log' | 'block-log-report' | 'contacts',
  filter: ExportFilter,
  now: Date,
  ext: 'csv' | 'json' | 'pdf' = 'csv',
): string {
  const who = filter.user === undefined ? 'all-users' : slug(filter.user);
  const from = filter.from ?? 'start';
  const to = filter.to ?? londonDate(now);
  const iso = now.toISOString();
  const stamp = `${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z`;
  return `${kind}_${who}_${from}_to_${to}_exported-${stamp}.${ext}`;
}

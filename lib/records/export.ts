import Papa from 'papaparse';
import {
  allLinks,
  accountedFor,
  auditChain,
  chainEnd,
  currentView,
  GENESIS_HASH,
  sha256Hex,
  type BlockView,
  type ChainAudit,
  type VerifyFailure,
  type VerifyResult,
  type VerifyWarning,
} from './chain';
import { NO_LINKS, personKeys, tryUserKey, type LinkTable } from './identity';
import {
  ExportFileSchema,
  type BlockLog,
  type BlockLogExport,
  type ChainedRecord,
  type ChainHead,
  type Contact,
  type ContactsExport,
  type ExportFile,
  type ExportFilter,
  type ExportLink,
  type Moderator,
  type RepeatCallerEvent,
} from './schemas';
import { formatLondon, londonDate, londonDayEnd, londonDayStart } from './time';
import { importedText, provenanceById, type OtherChain } from './chains';

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
 * amendments go wherever the entry goes, so the export shows its current state. `heads` names
 * where the chain ends (`installationId`, the last link's seq and hash, the number of links), so
 * a file cut short afterwards no longer matches it; `complete` is false when any link is redacted
 * or erased. Other installations' chains held here (`others`) go in `otherChains`, filtered the
 * same way, each exactly as held and with its own head.
 *
 * @example
 * const file = exportBlockLog(log, { user: 'x:jbloggs' }, moderator, new Date(), await installationId());
 * const text = JSON.stringify(file, null, 2);
 */
export function exportBlockLog(
  log: BlockLog,
  filter: ExportFilter,
  exportedBy: Moderator,
  now: Date,
  installationId: string,
  links: LinkTable = NO_LINKS,
  others: readonly OtherChain[] = [],
): BlockLogExport {
  const chain = exportedLinks(log, filter, links);
  const otherChains = others.map((o) => ({
    installationId: o.installationId,
    chain: exportedLinks(o.log, filter, links),
    imports: o.imports,
  }));
  const all = [chain, ...otherChains.map((o) => o.chain)];
  return {
    format: 'moderator-assist-export',
    schemaVersion: 1,
    kind: 'block-log',
    exportedAt: now.toISOString(),
    exportedBy,
    filter,
    complete: all.every((c) => c.every((l) => 'record' in l)),
    heads: [
      { installationId, ...chainEnd(chain) },
      ...otherChains.map((o) => ({ installationId: o.installationId, ...chainEnd(o.chain) })),
    ],
    chain,
    ...(otherChains.length > 0 ? { otherChains } : {}),
  };
}

/** One chain's links for an export: the records the filter selects, the rest as hashes. */
function exportedLinks(log: BlockLog, filter: ExportFilter, links: LinkTable): ExportLink[] {
  const ids = selectedEntryIds(log, filter, links);
  // Erased links go in as marked hash-only links, so the file verifies across them.
  return allLinks({
    records: log.records.map((link) => {
      const entryId = link.kind === 'entry' ? link.record.id : link.record.entryId;
      return ids.has(entryId) ? link : redact(link);
    }),
    ...(log.erased ? { erased: log.erased } : {}),
  });
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
 * What `verifyExport` can check besides the file itself.
 *
 * @example
 * await verifyExport(file, { head: 'e3b0…' }); // the hash printed on an earlier report
 */
export interface VerifyExportOptions {
  /**
   * A head hash the investigator holds from earlier (printed on an earlier report, quoted in a
   * complaint, the `headHash` of an earlier export): the chain must contain a link with this hash,
   * or records after it were removed. 64 hex digits; upper case is accepted.
   */
  head?: string;
}

/**
 * What verifying an export found: for a block-log export a `ChainAudit`, and where the given
 * head (if any) is in the chain (`givenHeadSeq`, -1 for the genesis hash of an empty chain).
 */
export type ExportAudit = ChainAudit & {
  givenHeadSeq?: number;
  /** The installation whose chain this result is of (absent for a file without heads). */
  installationId?: string;
  /** For a block-log export: every chain's own result, the file's own chain first. */
  chains?: ChainExportAudit[];
};

/** One chain's result in a block-log export (`installationId` '' for a file without heads). */
export interface ChainExportAudit {
  installationId: string;
  audit: ExportAudit;
}

function failWith(
  audit: ChainAudit,
  failure: VerifyFailure,
  firstBadSeq: number,
  reason: string,
): ExportAudit {
  const { counts, complete, warnings, head } = audit;
  return { ok: false, firstBadSeq, reason, failure, counts, complete, warnings, head };
}

/**
 * Checks that a file's chain ends where its own head says. The head can be rewritten along with
 * the chain, so this catches a file cut short by someone who did not know to; a head hash held
 * from earlier (`VerifyExportOptions.head`) catches the rest.
 */
function checkFileHead(one: OneChain, audit: ChainAudit, chains: number): ExportAudit | null {
  const heads = one.heads;
  if (heads.length !== 1) {
    const listed = heads.length === 0 ? 'no chain heads' : `${heads.length} chain heads`;
    return failWith(
      audit,
      'file-head',
      one.chain.length,
      chains === 1
        ? `the file lists ${listed} but holds one chain`
        : `the file lists ${listed} for installation ${one.installationId ?? '(this file’s own chain)'}’s chain`,
    );
  }
  const said = heads[0]!;
  const is = audit.head;
  const ends = is.count === 0 ? 'it holds no records' : `it ends at seq ${is.lastSeq}`;
  if (said.lastSeq > is.lastSeq) {
    return failWith(
      audit,
      'file-head',
      is.lastSeq + 1,
      `seq ${is.lastSeq + 1} is missing: the file's head says the chain ends at seq ${said.lastSeq} (head hash ${said.headHash}), but ${ends}: records after it have been removed`,
    );
  }
  if (said.lastSeq < is.lastSeq) {
    return failWith(
      audit,
      'file-head',
      said.lastSeq + 1,
      `seq ${said.lastSeq + 1} comes after the file's head (seq ${said.lastSeq}, head hash ${said.headHash}): records were added to the chain after it was exported`,
    );
  }
  if (said.headHash !== is.headHash) {
    return failWith(
      audit,
      'file-head',
      Math.max(is.lastSeq, 0),
      `seq ${is.lastSeq} has hash ${is.headHash}, not the file's head hash ${said.headHash}: the last record or the head was replaced`,
    );
  }
  if (said.count !== is.count) {
    return failWith(
      audit,
      'file-head',
      Math.max(is.lastSeq, 0),
      `the file's head counts ${said.count} links but the chain has ${is.count}`,
    );
  }
  return null;
}

const HEAD_HASH = /^[0-9a-f]{64}$/i;

/**
 * Whether `text` is a head hash `verifyExport` accepts: 64 hex digits.
 *
 * @example
 * isHeadHash('0'.repeat(64)); // true
 * isHeadHash('abc'); // false
 */
export function isHeadHash(text: string): boolean {
  return HEAD_HASH.test(text);
}

/**
 * Checks an imported export. For a block log: the hash chain (`auditChain`: counts, erased and
 * redacted links, records dated earlier than the one before them as warnings), that a file saying
 * `complete` has neither redacted nor erased links, that the chain ends at the file's own head,
 * and, with `options.head`, that the chain contains that head hash (otherwise the newest records
 * were removed, or the file is of another chain). Files made before exports carried `heads` still
 * verify, with a `no-head` warning, and their `complete: true` beside erased links (as those
 * versions wrote it) is a warning rather than a failure. For contacts: the evidence digests.
 *
 * @example
 * const result = await verifyExport(file, { head: headHashFromEarlierReport });
 * result.ok ? `OK, ${result.count} records` : `seq ${result.firstBadSeq}: ${result.reason}`;
 */
export async function verifyExport(
  file: BlockLogExport,
  options?: VerifyExportOptions,
): Promise<ExportAudit>;
export async function verifyExport(
  file: ExportFile,
  options?: VerifyExportOptions,
): Promise<VerifyResult>;
export async function verifyExport(
  file: ExportFile,
  options: VerifyExportOptions = {},
): Promise<VerifyResult> {
  if (options.head !== undefined && !isHeadHash(options.head)) {
    throw new RangeError(`a head hash is 64 hex digits, not ${JSON.stringify(options.head)}`);
  }
  if (file.kind === 'block-log') return verifyBlockLogExport(file, options.head?.toLowerCase());
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

/** One chain of a block-log export with the heads that name it. */
interface OneChain {
  /** Undefined for the file's own chain of a file made before heads existed. */
  installationId: string | undefined;
  chain: ExportLink[];
  heads: ChainHead[];
}

/** Every chain in the file with its heads: the file's own chain first, then `otherChains`. */
function chainsOf(file: BlockLogExport): OneChain[] {
  const heads = file.heads ?? [];
  const others = file.otherChains ?? [];
  const otherIds = new Set(others.map((o) => o.installationId));
  const ownHeads = heads.filter((h) => !otherIds.has(h.installationId));
  return [
    { installationId: ownHeads[0]?.installationId, chain: file.chain, heads: ownHeads },
    ...others.map((o) => ({
      installationId: o.installationId,
      chain: o.chain,
      heads: heads.filter((h) => h.installationId === o.installationId),
    })),
  ];
}

/**
 * Each chain of a block-log export checked on its own (`verifyChainOfExport`). The result is the
 * first failing chain's (the file's own chain first), or the file's own chain's when all verify,
 * with every chain's result in `chains`. A given head hash is looked for in every chain; the one
 * holding it gets `givenHeadSeq`.
 */
async function verifyBlockLogExport(
  file: BlockLogExport,
  givenHead: string | undefined,
): Promise<ExportAudit> {
  const chains = chainsOf(file);
  const holder =
    givenHead === undefined || givenHead === GENESIS_HASH
      ? 0
      : chains.findIndex((c) => c.chain.some((l) => l.hash === givenHead));
  const results: ChainExportAudit[] = [];
  for (const [i, one] of chains.entries()) {
    const head = i === holder || (holder === -1 && i === 0) ? givenHead : undefined;
    const audit = await verifyChainOfExport(file, one, chains.length, head);
    results.push({ installationId: one.installationId ?? '', audit });
  }
  const shown = results.find((r) => !r.audit.ok) ?? results[0]!;
  return {
    ...shown.audit,
    ...(shown.installationId === '' ? {} : { installationId: shown.installationId }),
    chains: results,
  };
}

async function verifyChainOfExport(
  file: BlockLogExport,
  one: OneChain,
  chains: number,
  givenHead: string | undefined,
): Promise<ExportAudit> {
  const audit = await auditChain({ records: one.chain });
  const hasHeads = file.heads !== undefined;
  if (file.complete) {
    const missing = one.chain.findIndex((l) => !('record' in l) && !accountedFor(l));
    if (missing >= 0) {
      return failWith(
        audit,
        'complete',
        missing,
        'the file says it is complete but this record is missing',
      );
    }
    const erased = one.chain.findIndex((l) => !('record' in l));
    if (erased >= 0 && hasHeads) {
      return failWith(
        audit,
        'complete',
        erased,
        'the file says it is complete but this record was erased (only its hash is in the file)',
      );
    }
  }
  if (!audit.ok) return audit;
  const warnings: VerifyWarning[] = [...audit.warnings];
  if (!hasHeads) {
    warnings.push({
      kind: 'no-head',
      message:
        'the file records no chain head (it was made before exports did), so records removed from its end would not show; check it against a head hash held from earlier',
    });
    if (file.complete && audit.counts.erased > 0) {
      warnings.push({
        kind: 'complete-with-erased',
        message: `the file says it is complete, but ${audit.counts.erased} of its links were erased (versions before chain heads counted erased links as complete)`,
      });
    }
  }
  const checked: ChainAudit = { ...audit, warnings };
  if (hasHeads) {
    const bad = checkFileHead(one, checked, chains);
    if (bad) return bad;
  }
  if (givenHead === undefined) return checked;
  const at = givenHead === GENESIS_HASH ? -1 : one.chain.findIndex((l) => l.hash === givenHead);
  if (at === -1 && givenHead !== GENESIS_HASH) {
    const end =
      audit.head.count === 0
        ? 'the chain holds no records'
        : `the chain ends at seq ${audit.head.lastSeq} with head hash ${audit.head.headHash}`;
    return failWith(
      checked,
      'given-head',
      one.chain.length,
      `the head hash you gave, ${givenHead}, is not in ${chains === 1 ? 'this chain' : 'any chain of the file'}: records after it may have been removed, or the file is of another chain (${end})`,
    );
  }
  return { ...checked, givenHeadSeq: at };
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
  'Imported from',
] as const;

function blockRow(v: BlockView, imported = ''): string[] {
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
    imported,
  ];
}

/**
 * The block log as CSV, one row per selected entry as it currently reads (amendments applied),
 * then the selected entries of other installations' chains held here (`Imported from` says
 * whose and which restore). The JSON export is the evidential copy; the CSV is for reading and
 * sorting.
 *
 * @example
 * const csv = blockLogCsv(log, { user: 'x:jbloggs', from: '2026-01-01' });
 */
export function blockLogCsv(
  log: BlockLog,
  filter: ExportFilter,
  links: LinkTable = NO_LINKS,
  others: readonly OtherChain[] = [],
): string {
  const ids = selectedEntryIds(log, filter, links);
  const rows = currentView(log)
    .filter((v) => ids.has(v.original.id))
    .map((v) => blockRow(v));
  // Other installations' entries follow, each saying which installation and which restore.
  for (const chain of others) {
    const picked = selectedEntryIds(chain.log, filter, links);
    const from = provenanceById(chain);
    for (const v of currentView(chain.log)) {
      if (!picked.has(v.original.id)) continue;
      const how = importedText(from.get(v.original.id), formatLondon);
      rows.push(blockRow(v, `installation ${chain.installationId}, ${how}`));
    }
  }
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

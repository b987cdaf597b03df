import {
  AmendmentSchema,
  BlockEntrySchema,
  ChainedRecordSchema,
  type Amendment,
  type BlockEntry,
  type BlockLog,
  type ChainedRecord,
  type EvidenceAuthor,
  type EvidenceSnapshot,
  type ExportLink,
  type Moderator,
  type Outcome,
  type Tombstone,
} from './schemas';

/**
 * The `prevHash` of the first link.
 *
 * @example
 * log.records[0]?.prevHash === GENESIS_HASH; // true
 */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * An empty block log, ready for `appendEntry`.
 *
 * @example
 * const log = emptyBlockLog(); // { schemaVersion: 1, records: [] }
 */
export function emptyBlockLog(): BlockLog {
  return { schemaVersion: 1, records: [] };
}

/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no whitespace, numbers in
 * ECMAScript's shortest round-trip form (`-0` written as `0`), keys whose value is `undefined`
 * left out (as `JSON.stringify` does, so a record hashes the same before and after a JSON round
 * trip). Anything JSON cannot carry faithfully throws rather than hashing something else.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, null, 'x'] }); // '{"a":[true,null,"x"],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`cannot hash the number ${value}`);
      return Object.is(value, -0) ? '0' : JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value
          .map((v: unknown, i) => {
            if (v === undefined) throw new TypeError(`cannot hash undefined at index ${i}`);
            return canonicalJson(v);
          })
          .join(',')}]`;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError('cannot hash a non-plain object');
      }
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`cannot hash a value of type ${typeof value}`);
  }
}

/**
 * SHA-256 of the UTF-8 bytes of `text`, as lower-case hex. Uses WebCrypto, present in browsers
 * and in Node 20 as `globalThis.crypto`.
 *
 * @example
 * await sha256Hex(''); // 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Freezes what the moderator saw, with the digest of the text so any later edit shows.
 *
 * @example
 * const ev = await captureEvidence({ text: 'abuse', author: { handle: 'jbloggs' }, url: 'https://x.com/jbloggs/status/1' }, new Date());
 */
export async function captureEvidence(
  input: { text: string; author: EvidenceAuthor; url: string },
  now: Date,
): Promise<EvidenceSnapshot> {
  return {
    text: input.text,
    author: input.author,
    url: input.url,
    capturedAt: now.toISOString(),
    sha256: await sha256Hex(input.text),
  };
}

type LinkBody = Pick<ChainedRecord, 'seq' | 'kind' | 'prevHash' | 'record'>;

/**
 * The hash a link must carry: SHA-256 over the canonical JSON of `{seq, kind, prevHash, record}`.
 *
 * @example
 * const h = await linkHash({ seq: 0, kind: 'entry', prevHash: GENESIS_HASH, record: entry });
 */
export async function linkHash(body: LinkBody): Promise<string> {
  return sha256Hex(
    canonicalJson({ seq: body.seq, kind: body.kind, prevHash: body.prevHash, record: body.record }),
  );
}

/**
 * Every link of a log in chain order: the records and the tombstones of erased records (as links
 * without a record, marked `erased`, or `setAside` for a record set aside as unreadable), which
 * is what `verifyChain` and exports need.
 *
 * @example
 * allLinks(log).length; // records plus erased links
 */
export function allLinks(log: {
  records: readonly ExportLink[];
  erased?: readonly Tombstone[];
}): ExportLink[] {
  const erased = log.erased ?? [];
  if (erased.length === 0) return [...log.records];
  const stones: ExportLink[] = erased.map((t) => ({
    seq: t.seq,
    kind: t.kind,
    prevHash: t.prevHash,
    hash: t.hash,
    ...(t.reason === 'set-aside' ? { setAside: true as const } : { erased: true as const }),
  }));
  return [...log.records, ...stones].sort((a, b) => a.seq - b.seq);
}

/** Why records were erased (a set-aside link is not erased: see `TombstoneSchema`). */
export type ErasureReason = Exclude<Tombstone['reason'], 'set-aside'>;

async function append(log: BlockLog, body: Omit<LinkBody, 'seq' | 'prevHash'>): Promise<BlockLog> {
  // Erased and set-aside links keep their place, so the next seq counts them and may link to a
  // tombstone. It follows the highest seq, not the number of links: a link lost without a
  // tombstone leaves a gap that Verify names, and must not make the next link repeat a seq.
  let last: { seq: number; hash: string } | undefined;
  for (const list of [log.records, log.erased ?? []]) {
    for (const link of list) if (!last || link.seq > last.seq) last = link;
  }
  const seq = last ? last.seq + 1 : 0;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = await linkHash({ ...body, seq, prevHash });
  const link = { ...body, seq, prevHash, hash } as ChainedRecord;
  return { ...log, schemaVersion: 1, records: [...log.records, link] };
}

/**
 * Erases block entries (with all their amendments) from the log, leaving a tombstone in each
 * link's place: seq, prevHash, the record's hash and its ids, no content. The chain still verifies
 * across the gap; the record can never be re-checked, which is the point of erasing it.
 *
 * @example
 * const { log: after, erased } = eraseRecords(log, new Set([entryId]), 'retention', new Date());
 */
export function eraseRecords(
  log: BlockLog,
  entryIds: ReadonlySet<string>,
  reason: ErasureReason,
  now: Date,
): { log: BlockLog; erased: Tombstone[] } {
  const kept: ChainedRecord[] = [];
  const erased: Tombstone[] = [];
  for (const link of log.records) {
    const entryId = link.kind === 'entry' ? link.record.id : link.record.entryId;
    if (!entryIds.has(entryId)) {
      kept.push(link);
      continue;
    }
    erased.push({
      seq: link.seq,
      kind: link.kind,
      prevHash: link.prevHash,
      hash: link.hash,
      id: link.record.id,
      entryId,
      erasedAt: now.toISOString(),
      reason,
    });
  }
  const all = [...(log.erased ?? []), ...erased].sort((a, b) => a.seq - b.seq);
  return {
    log: { ...log, records: kept, ...(all.length > 0 ? { erased: all } : {}) },
    erased,
  };
}

/**
 * Appends a block entry and returns the new log; the old log is untouched. The entry is
 * validated first and its evidence digests checked, because a bad record in the chain cannot be
 * taken out again.
 *
 * @example
 * const log1 = await appendEntry(emptyBlockLog(), entry);
 */
export async function appendEntry(log: BlockLog, entry: BlockEntry): Promise<BlockLog> {
  const parsed = BlockEntrySchema.parse(entry);
  if (
    log.records.some((r) => r.record.id === parsed.id) ||
    (log.erased ?? []).some((t) => t.id === parsed.id)
  ) {
    throw new Error(`the log already holds a record with id ${parsed.id}`);
  }
  for (const [i, ev] of parsed.evidence.entries()) {
    if ((await sha256Hex(ev.text)) !== ev.sha256) {
      throw new Error(`evidence[${i}] of entry ${parsed.id}: sha256 does not match its text`);
    }
  }
  return append(log, { kind: 'entry', record: parsed });
}

/**
 * Appends an amendment to an entry already in the log and returns the new log.
 *
 * @example
 * const log2 = await appendAmendment(log1, { id, entryId: entry.id, at, moderator, kind: 'note', why: 'Called DMT.' });
 */
export async function appendAmendment(log: BlockLog, amendment: Amendment): Promise<BlockLog> {
  const parsed = AmendmentSchema.parse(amendment);
  if (log.records.some((r) => r.record.id === parsed.id)) {
    throw new Error(`the log already holds a record with id ${parsed.id}`);
  }
  if (!log.records.some((r) => r.kind === 'entry' && r.record.id === parsed.entryId)) {
    throw new Error(
      `amendment ${parsed.id} refers to entry ${parsed.entryId}, which is not in the log`,
    );
  }
  return append(log, { kind: 'amendment', record: parsed });
}

/**
 * How many links of a chain carry a record that was checked, and how many are hash only:
 * `erased` (the record was erased under retention or an erasure request; its tombstone stays) and
 * `redacted` (another user's record left out of a filtered export).
 *
 * @example
 * const c: VerifyCounts = { verified: 10, erased: 2, redacted: 0, setAside: 0 };
 */
export interface VerifyCounts {
  verified: number;
  erased: number;
  redacted: number;
  /** Links whose stored record failed its schema and was set aside (kept under quarantine). */
  setAside: number;
}

/**
 * Something a verification noticed that does not break the chain but must not pass silently:
 * - `time-backwards`: a record is dated earlier than the record before it (clocks can be wrong, so
 *   it is not a failure; the hashes still say nothing was reordered);
 * - `no-head`: an export made before exports recorded their chain's head, whose end cannot be
 *   checked against the file itself;
 * - `complete-with-erased`: such an older export says `complete: true` but holds erased links.
 *
 * @example
 * const w: VerifyWarning = { kind: 'no-head', message: 'the file records no chain head …' };
 */
export type VerifyWarning =
  | {
      kind: 'time-backwards';
      /** The position of the later-dated record… */
      seq: number;
      id?: string;
      at: string;
      /** …and of the record before it that carries a time (hash-only links have none). */
      previousSeq: number;
      previousAt: string;
      message: string;
    }
  | { kind: 'no-head' | 'complete-with-erased'; message: string };

/**
 * Where a chain ends: its last link's position and hash, and how many links it has. An empty
 * chain ends at `lastSeq: -1` with the genesis hash, the `prevHash` its first link will carry.
 *
 * @example
 * chainEnd([]); // { lastSeq: -1, headHash: GENESIS_HASH, count: 0 }
 */
export interface ChainEnd {
  lastSeq: number;
  headHash: string;
  count: number;
}

/**
 * What went wrong when a check fails: a `record` of the chain, the file's `complete` claim, the
 * file's own head (`file-head`: the chain no longer ends where the file says), or a head hash the
 * caller gave (`given-head`: not in this chain).
 */
export type VerifyFailure = 'record' | 'complete' | 'file-head' | 'given-head';

/**
 * The result of checking a chain: where it first goes wrong, and why. `auditChain` and
 * `verifyExport` add what an investigator needs besides (`VerifyDetails`); the extra fields are
 * optional here so results made by `verifyChain`, or by hand, still fit.
 *
 * @example
 * const r: VerifyResult = { ok: false, firstBadSeq: 3, id: '…', reason: 'content does not match its hash (altered)' };
 */
export type VerifyResult = (
  | { ok: true; count: number }
  | { ok: false; firstBadSeq: number; id?: string; reason: string; failure?: VerifyFailure }
) &
  Partial<VerifyDetails>;

/**
 * The counts, completeness, warnings and end of a checked chain. `complete` is true only when no
 * link is erased or redacted. On a failure, `counts.verified` counts the records before it.
 *
 * @example
 * const d: VerifyDetails = { counts: { verified: 3, erased: 0, redacted: 0 }, complete: true, warnings: [], head: chainEnd(links) };
 */
export interface VerifyDetails {
  counts: VerifyCounts;
  complete: boolean;
  warnings: VerifyWarning[];
  /** Where the chain as checked ends (not what a file claims: see `verifyExport`). */
  head: ChainEnd;
}

/**
 * A `VerifyResult` with its details always present, from `auditChain` and `verifyExport`.
 *
 * @example
 * const a: ChainAudit = await auditChain(log);
 * a.head.headHash; // write this down: a later export must contain it
 */
export type ChainAudit = VerifyResult & VerifyDetails;

/** Whether a hash-only link stands for a record the log knows of (erased or set aside). */
export function accountedFor(link: ExportLink): boolean {
  return (
    ('erased' in link && link.erased === true) || ('setAside' in link && link.setAside === true)
  );
}

/**
 * A record's first schema problem in words: the path to the field, then what is wrong with it.
 *
 * @example
 * firstIssueText(ChainedRecordSchema.safeParse(link).error!.issues); // 'record.createdAt: Invalid ISO datetime'
 */
export function firstIssueText(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): string {
  const first = issues[0];
  if (!first) return 'invalid record';
  const path = first.path.map(String).join('.');
  return path ? `${path}: ${first.message}` : first.message;
}

/**
 * Checks every link: position, schema, the hash of its content, the link to the previous hash,
 * evidence digests, unique ids and that amendments follow their entry. Accepts exported chains
 * whose other-user links are redacted (no `record`): those are checked for order and linkage only.
 * `firstBadSeq` is the index of the first link that fails (its array position, so a reordered or
 * renumbered file is still named by where it is).
 *
 * @example
 * const result = await verifyChain(log);
 * if (!result.ok) console.log(`seq ${result.firstBadSeq}: ${result.reason}`);
 */
export async function verifyChain(log: {
  records: readonly ExportLink[];
  erased?: readonly Tombstone[];
}): Promise<VerifyResult> {
  return verifyLinks(allLinks(log), log.erased ?? []);
}

/** `verifyChain` over links already in chain order (`allLinks`), with the log's tombstones. */
async function verifyLinks(
  links: readonly ExportLink[],
  erased: readonly Tombstone[],
): Promise<VerifyResult> {
  const ids = new Set<string>();
  const entries = new Set<string>();
  // Erased records stay known by id, so an amendment after an erased entry still checks.
  for (const t of erased) {
    ids.add(t.id);
    if (t.kind === 'entry') entries.add(t.id);
  }
  let redactedSoFar = false;
  let prevHash = GENESIS_HASH;
  for (const [i, link] of links.entries()) {
    const id =
      'record' in link && typeof link.record === 'object' && link.record !== null
        ? (link.record as { id?: unknown }).id
        : undefined;
    const fail = (reason: string): VerifyResult => ({
      ok: false,
      firstBadSeq: i,
      ...(typeof id === 'string' ? { id } : {}),
      reason,
    });
    if (link.seq !== i) return fail(`link at position ${i} says seq ${link.seq} (out of order)`);
    if (link.prevHash !== prevHash) {
      return fail(
        `prevHash does not match the hash of seq ${i - 1} (a link is missing, moved or altered)`,
      );
    }
    if (!('record' in link)) {
      // An erased or set-aside link is accounted for (its ids are known above); a redacted one
      // is not.
      if (!accountedFor(link)) redactedSoFar = true;
      prevHash = link.hash;
      continue;
    }
    const parsed = ChainedRecordSchema.safeParse(link);
    if (!parsed.success) return fail(`not a valid record: ${firstIssueText(parsed.error.issues)}`);
    const rec = parsed.data;
    if ((await linkHash(rec)) !== rec.hash)
      return fail('content does not match its hash (altered)');
    if (ids.has(rec.record.id)) return fail(`duplicate id ${rec.record.id}`);
    ids.add(rec.record.id);
    if (rec.kind === 'entry') {
      entries.add(rec.record.id);
      for (const [e, ev] of rec.record.evidence.entries()) {
        if ((await sha256Hex(ev.text)) !== ev.sha256) {
          return fail(`evidence[${e}] text does not match its sha256`);
        }
      }
    } else if (!entries.has(rec.record.entryId) && !redactedSoFar) {
      return fail(`amendment refers to entry ${rec.record.entryId}, which does not come before it`);
    }
    prevHash = rec.hash;
  }
  return { ok: true, count: links.length };
}

/**
 * Where a chain ends (see `ChainEnd`). Links are taken in the order given, as `verifyChain`
 * checks them.
 *
 * @example
 * chainEnd(allLinks(log)).headHash === log.records.at(-1)?.hash; // true when nothing is erased
 */
export function chainEnd(links: readonly { seq: number; hash: string }[]): ChainEnd {
  const last = links.at(-1);
  return last
    ? { lastSeq: last.seq, headHash: last.hash, count: links.length }
    : { lastSeq: -1, headHash: GENESIS_HASH, count: 0 };
}

function timeOf(link: ExportLink): { at: string; id?: string } | null {
  if (!('record' in link)) return null;
  const rec = link.record as { createdAt?: unknown; at?: unknown; id?: unknown };
  const at = link.kind === 'entry' ? rec.createdAt : rec.at;
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) return null;
  return { at, ...(typeof rec.id === 'string' ? { id: rec.id } : {}) };
}

/**
 * Records dated earlier than the record before them (an entry's `createdAt`, an amendment's `at`),
 * comparing each with the nearest earlier link that carries a time (erased and redacted links do
 * not). Only the step back is named: a record after it that goes forward again is not.
 *
 * @example
 * timesBackwards(allLinks(log)).map((w) => w.message);
 * // ['seq 3 (id …) is dated 2026-11-01T09:00:00.000Z, earlier than seq 2 (2026-11-03T14:05:00.000Z) before it']
 */
export function timesBackwards(
  links: readonly ExportLink[],
): Extract<VerifyWarning, { kind: 'time-backwards' }>[] {
  const warnings: Extract<VerifyWarning, { kind: 'time-backwards' }>[] = [];
  let previous: { seq: number; at: string } | null = null;
  for (const [i, link] of links.entries()) {
    const t = timeOf(link);
    if (t === null) continue;
    if (previous !== null && Date.parse(t.at) < Date.parse(previous.at)) {
      const id = t.id === undefined ? '' : ` (id ${t.id})`;
      warnings.push({
        kind: 'time-backwards',
        seq: i,
        ...(t.id === undefined ? {} : { id: t.id }),
        at: t.at,
        previousSeq: previous.seq,
        previousAt: previous.at,
        message: `seq ${i}${id} is dated ${t.at}, earlier than seq ${previous.seq} (${previous.at}) before it`,
      });
    }
    previous = { seq: i, at: t.at };
  }
  return warnings;
}

/**
 * `verifyChain` and what an investigator needs besides: how many records were verified and how
 * many links are erased or redacted, whether the chain is complete (none are), records dated
 * earlier than the one before them (warnings, not failures), and where the chain ends (its head:
 * write the hash down, and a later copy of the chain that no longer contains it has lost records).
 *
 * @example
 * const a = await auditChain(log);
 * a.ok ? `${a.counts.verified} verified, head ${a.head.headHash}` : a.reason;
 */
export async function auditChain(log: {
  records: readonly ExportLink[];
  erased?: readonly Tombstone[];
}): Promise<ChainAudit> {
  const links = allLinks(log);
  const result = await verifyLinks(links, log.erased ?? []);
  // Past a failure nothing can be relied on, so neither count nor date what follows it.
  const upTo = result.ok ? links.length : result.firstBadSeq;
  const counts: VerifyCounts = { verified: 0, erased: 0, redacted: 0, setAside: 0 };
  for (const [i, link] of links.entries()) {
    if (!('record' in link)) {
      if ('erased' in link && link.erased) counts.erased += 1;
      else if ('setAside' in link && link.setAside) counts.setAside += 1;
      else counts.redacted += 1;
    } else if (i < upTo) {
      counts.verified += 1;
    }
  }
  return {
    ...(result.ok ? result : { ...result, failure: 'record' as const }),
    counts,
    complete: counts.erased === 0 && counts.redacted === 0 && counts.setAside === 0,
    warnings: timesBackwards(links.slice(0, upTo)),
    head: chainEnd(links),
  };
}

/**
 * Where a block decision stands once its amendments are applied.
 *
 * @example
 * currentView(log).filter((v) => v.status === 'blocked');
 */
export type BlockStatus = 'pending' | 'blocked' | 'resolved-without-block' | 'unblocked';

/**
 * One entry as it currently reads. `original` is the entry exactly as first logged.
 *
 * @example
 * const [view] = currentView(log);
 * view.entry.criteria; // after corrections; view.original.criteria is as logged
 */
export interface BlockView {
  seq: number;
  hash: string;
  /** The entry with corrections applied. */
  entry: BlockEntry;
  original: BlockEntry;
  status: BlockStatus;
  /** The latest outcome recorded (an unblock does not change it; see `unblocked`). */
  outcome: Outcome;
  /** Set when the latest blocking-related amendment was an unblock. */
  unblocked?: { at: string; by: Moderator; why: string };
  notes: { at: string; by: Moderator; text: string }[];
  corrections: { at: string; by: Moderator; why: string; fields: string[] }[];
  amendments: Amendment[];
  /** Time of the entry or its latest amendment. */
  lastChangedAt: string;
}

function statusOf(outcome: Outcome): BlockStatus {
  return outcome.kind;
}

/**
 * Folds amendments over their entries, in chain order, into a read view (one per entry, in log
 * order). Nothing in `log` is changed: corrections are applied to copies.
 *
 * @example
 * const [view] = currentView(log);
 * view.status; // 'blocked' after an outcome amendment
 */
export function currentView(log: BlockLog): BlockView[] {
  const views = new Map<string, BlockView>();
  for (const link of log.records) {
    if (link.kind === 'entry') {
      views.set(link.record.id, entryView(link));
      continue;
    }
    const view = views.get(link.record.entryId);
    if (view) foldAmendment(view, link.record);
  }
  return [...views.values()];
}

/**
 * The view of an entry as logged, before any amendment.
 *
 * @example
 * entryView(log.records[0] as Extract<ChainedRecord, { kind: 'entry' }>).status; // 'pending'
 */
export function entryView(link: Extract<ChainedRecord, { kind: 'entry' }>): BlockView {
  return {
    seq: link.seq,
    hash: link.hash,
    entry: structuredClone(link.record),
    original: link.record,
    status: statusOf(link.record.outcome),
    outcome: link.record.outcome,
    notes: [],
    corrections: [],
    amendments: [],
    lastChangedAt: link.record.createdAt,
  };
}

/**
 * Applies one amendment to its entry's view, in place (amendments are folded in chain order).
 *
 * @example
 * foldAmendment(view, amendment); // view.status is 'blocked' after an outcome amendment
 */
export function foldAmendment(view: BlockView, a: Amendment): void {
  view.amendments.push(a);
  if (a.at > view.lastChangedAt) view.lastChangedAt = a.at;
  switch (a.kind) {
    case 'note':
      view.notes.push({ at: a.at, by: a.moderator, text: a.why });
      break;
    case 'outcome':
      view.outcome = a.data;
      view.status = statusOf(a.data);
      delete view.unblocked;
      break;
    case 'unblock':
      view.status = 'unblocked';
      view.unblocked = { at: a.at, by: a.moderator, why: a.why };
      break;
    case 'correction':
      view.entry = { ...view.entry, ...structuredClone(a.data) };
      view.corrections.push({
        at: a.at,
        by: a.moderator,
        why: a.why,
        fields: Object.keys(a.data).sort(),
      });
      break;
  }
}

/**
 * What a block entry still lacks before the policy's conditions for blocking are met.
 *
 * @example
 * const gaps: BlockGap[] = blockGaps(entry); // e.g. ['no-dmt-advice']
 */
export type BlockGap = 'no-engagement' | 'no-dmt-advice' | 'no-criteria' | 'no-evidence';

/**
 * Annex 1 says blocking is a last resort: engage first, take Digital Media Team advice, log the
 * reasoning. Returns what is missing, empty when the entry is ready. An exception (credible threat
 * reported as crime, or an automated spam account), which always carries a written reason, stands
 * in for engagement and for advice beforehand, as the block workflow allows (`validateStep` in
 * lib/messages/draft.ts): nobody waits for advice before blocking a bot or a credible threat.
 *
 * @example
 * blockGaps({ ...entry, engagements: [], exception: undefined }); // ['no-engagement', ...]
 */
export function blockGaps(entry: BlockEntry): BlockGap[] {
  const gaps: BlockGap[] = [];
  const exception = entry.exception !== undefined && entry.exception.why.trim() !== '';
  if (entry.engagements.length === 0 && !exception) gaps.push('no-engagement');
  if (entry.advice === undefined && !exception) gaps.push('no-dmt-advice');
  if (entry.criteria.length === 0) gaps.push('no-criteria');
  if (entry.evidence.length === 0) gaps.push('no-evidence');
  return gaps;
}

import type { CriterionId } from '../policy/schema';
import type { BlockView } from './chain';
import {
  buildLinkTable,
  personKeys,
  resolvePerson,
  tryUserKey,
  userKey,
  type LinkTable,
} from './identity';
import {
  ContactSchema,
  type Contact,
  type ContactReason,
  type EvidenceSnapshot,
  type ForceAccount,
  type Moderator,
  type RepeatCallerEvent,
  type UserIdentity,
} from './schemas';
import { DAY_MS } from './time';

export { formatLondon } from './time';

/**
 * The repeat-caller rule's numbers. Annex 1: "five or more recorded, inappropriate contacts in the
 * space of one month"; a month is taken as a rolling 30 × 24 hours so clock changes cannot stretch
 * or shrink it. `contactsAfterAdvice` is how many counted contacts after advice make a block
 * recommended ("if they continue they will be blocked"): one, unless the force decides otherwise.
 *
 * @example
 * const settings: RepeatSettings = { threshold: 5, windowDays: 30, contactsAfterAdvice: 1 };
 */
export interface RepeatSettings {
  threshold: number;
  windowDays: number;
  contactsAfterAdvice: number;
}

/**
 * The policy's numbers: 5 contacts, 30 days, 1 contact after advice.
 *
 * @example
 * userStatus('x:jbloggs', data, new Date(), { ...DEFAULT_REPEAT_SETTINGS, windowDays: 31 });
 */
export const DEFAULT_REPEAT_SETTINGS: Readonly<RepeatSettings> = Object.freeze({
  threshold: 5,
  windowDays: 30,
  contactsAfterAdvice: 1,
});

interface Indexed {
  t: number;
  contact: Contact;
}

/**
 * Contacts by user key, each list sorted by time, deduplicated by `commentKey` (the same comment
 * recorded twice counts once: the earliest recording is kept) and by contact id. Keyed by user key
 * rather than person so that linking or unlinking identities never needs a rebuild; a person's
 * lists are merged at lookup.
 *
 * @example
 * const index: ContactIndex = buildContactIndex(contacts);
 * index.byUser.get('x:jbloggs')?.map((i) => i.contact.at); // oldest first
 */
export interface ContactIndex {
  readonly byUser: Map<string, Indexed[]>;
  readonly byComment: Map<string, Indexed>;
  readonly byId: Map<string, Indexed>;
}

function before(a: Indexed, b: Indexed): boolean {
  return a.t < b.t || (a.t === b.t && a.contact.id < b.contact.id);
}

/** Index of the first element not before `item` (lower bound), for sorted insertion. */
function insertionPoint(list: readonly Indexed[], item: Indexed): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(list[mid]!, item)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function removeFromUser(index: ContactIndex, item: Indexed): void {
  const list = index.byUser.get(item.contact.userKey);
  if (!list) return;
  const at = insertionPoint(list, item);
  if (list[at] === item) list.splice(at, 1);
  if (list.length === 0) index.byUser.delete(item.contact.userKey);
  index.byId.delete(item.contact.id);
}

/**
 * Adds one contact to the index in place (so the background writer need not rebuild it) and says
 * whether it counted. A second recording of a comment already indexed is a duplicate, unless it is
 * earlier, in which case it replaces the later one, so the index is the same whatever order
 * contacts arrive in.
 *
 * @example
 * const index = buildContactIndex([]);
 * addContact(index, contact); // 'added'
 * addContact(index, { ...contact, id: otherId }); // 'duplicate' (same commentKey)
 */
export function addContact(index: ContactIndex, contact: Contact): 'added' | 'duplicate' {
  const t = Date.parse(contact.at);
  if (!Number.isFinite(t)) throw new RangeError(`contact ${contact.id} has no valid time`);
  const item: Indexed = { t, contact };
  if (index.byId.has(contact.id)) return 'duplicate';
  if (contact.commentKey !== undefined) {
    const existing = index.byComment.get(contact.commentKey);
    if (existing) {
      if (!before(item, existing)) return 'duplicate';
      removeFromUser(index, existing);
    }
    index.byComment.set(contact.commentKey, item);
  }
  index.byId.set(contact.id, item);
  const list = index.byUser.get(contact.userKey);
  if (!list) {
    index.byUser.set(contact.userKey, [item]);
  } else if (list.length === 0 || before(list[list.length - 1]!, item)) {
    list.push(item);
  } else {
    list.splice(insertionPoint(list, item), 0, item);
  }
  return 'added';
}

/**
 * Builds the lookup index. 100,000 contacts index in well under a second and a user's status is
 * then a few map lookups and binary searches.
 *
 * @example
 * const index = buildContactIndex(store.contacts);
 * index.byUser.get('x:jbloggs')?.length;
 */
export function buildContactIndex(contacts: readonly Contact[]): ContactIndex {
  const byUser = new Map<string, Indexed[]>();
  const byComment = new Map<string, Indexed>();
  const byId = new Map<string, Indexed>();
  const items: Indexed[] = new Array<Indexed>(contacts.length);
  for (let i = 0; i < contacts.length; i++) {
    const contact = contacts[i]!;
    const t = Date.parse(contact.at);
    if (!Number.isFinite(t)) throw new RangeError(`contact ${contact.id} has no valid time`);
    items[i] = { t, contact };
  }
  // Sorted once, so each user's list is built by appending and the earliest recording of a
  // comment (or of an id) is the first one met: the same index `addContact` builds in any order,
  // without its per-contact binary searches and replacements.
  items.sort(
    (a, b) => a.t - b.t || (a.contact.id < b.contact.id ? -1 : a.contact.id > b.contact.id ? 1 : 0),
  );
  for (const item of items) {
    const { id, commentKey, userKey: key } = item.contact;
    if (byId.has(id)) continue;
    if (commentKey !== undefined) {
      if (byComment.has(commentKey)) continue;
      byComment.set(commentKey, item);
    }
    byId.set(id, item);
    const list = byUser.get(key);
    if (list) list.push(item);
    else byUser.set(key, [item]);
  }
  return { byUser, byComment, byId };
}

/**
 * Everything the rule needs, prepared once: the contact index, the enrolled accounts, the link
 * table, advice and removals by user key, and current blocks by user key.
 *
 * @example
 * const data: RepeatData = buildRepeatData({ contacts, accounts, events });
 */
export interface RepeatData {
  index: ContactIndex;
  accounts: ReadonlyMap<string, ForceAccount>;
  links: LinkTable;
  events: ReadonlyMap<string, readonly RepeatCallerEvent[]>;
  blocks: ReadonlyMap<string, readonly BlockView[]>;
}

/**
 * Prepares `RepeatData` from what storage holds. Pass `currentView(blockLog)` as `blocks` so a
 * user who has been blocked shows as blocked.
 *
 * @example
 * const data = buildRepeatData({ contacts, accounts, events, blocks: currentView(log) });
 */
export function buildRepeatData(input: {
  contacts: readonly Contact[] | ContactIndex;
  accounts: readonly ForceAccount[];
  events: readonly RepeatCallerEvent[];
  blocks?: readonly BlockView[];
}): RepeatData {
  const index = Array.isArray(input.contacts)
    ? buildContactIndex(input.contacts as readonly Contact[])
    : (input.contacts as ContactIndex);
  const events = new Map<string, RepeatCallerEvent[]>();
  for (const e of input.events) {
    if (e.kind !== 'advised' && e.kind !== 'removed') continue;
    const list = events.get(e.userKey) ?? [];
    list.push(e);
    events.set(e.userKey, list);
  }
  for (const list of events.values()) list.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const blocks = new Map<string, BlockView[]>();
  for (const view of input.blocks ?? []) {
    const key = tryUserKey(view.entry.user);
    if (key === null) continue;
    const list = blocks.get(key) ?? [];
    list.push(view);
    blocks.set(key, list);
  }
  return {
    index,
    accounts: new Map(input.accounts.map((a) => [a.id, a])),
    links: buildLinkTable(input.events),
    events,
    blocks,
  };
}

/**
 * Where a person stands under the repeat-caller rule:
 * `none` (nothing recorded since any removal from the list) → `recorded` → `repeat-caller` (threshold reached within the window)
 * → `advised` → `continued-after-advice` → `block-recommended` → `blocked` (a block entry for
 * them currently reads blocked, which wins whatever else is true).
 *
 * @example
 * userStatus('x:jbloggs', data, new Date()).state === 'block-recommended';
 */
export type RepeatState =
  | 'none'
  | 'recorded'
  | 'repeat-caller'
  | 'advised'
  | 'continued-after-advice'
  | 'block-recommended'
  | 'blocked';

/**
 * One person's standing under the rule, with the contacts and advice that explain it.
 *
 * @example
 * const s: RepeatStatus = userStatus('x:jbloggs', data, new Date());
 * `${s.countInWindow} in the last ${s.windowDays} days`;
 */
export interface RepeatStatus {
  userKey: string;
  personId: string;
  /** Every user key counted together for this person (linked identities), sorted. */
  linkedKeys: readonly string[];
  state: RepeatState;
  /** Counted contacts in the rolling window ending now. */
  countInWindow: number;
  windowDays: number;
  threshold: number;
  /** The window's start (exclusive), UTC ISO. */
  windowStart: string;
  /** When the threshold was first reached (since any removal from the list). */
  reachedAt?: string;
  /** The contacts that put them on the list (the `threshold` contacts ending at `reachedAt`). */
  triggeringContacts: Contact[];
  /** The advice that the state is measured from: the latest given on or after `reachedAt`. */
  advisedAt?: string;
  advice?: Extract<RepeatCallerEvent, { kind: 'advised' }>;
  /** Counted contacts after `advisedAt`. */
  contactsSinceAdvice: Contact[];
  blockedAt?: string;
  blockEntryId?: string;
  lastContactAt?: string;
  /** Counted contacts since any removal, up to now. */
  totalCounted: number;
  /** Contacts on accounts outside the scheme (or unknown accounts): kept, never counted. */
  notCounted: number;
}

function windowMs(settings: RepeatSettings): number {
  return settings.windowDays * DAY_MS;
}

/** Index of the first element with time > t. */
function upperBound(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function mergeSorted(lists: readonly (readonly Indexed[])[]): Indexed[] {
  if (lists.length === 1) return [...lists[0]!];
  return lists.flat().sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
}

/**
 * The repeat-caller status of the person behind `key` at `now`. A contact is in the window when
 * `now − windowDays × 24 h < at ≤ now`; contacts after `now` are ignored, so the same data can be
 * asked about any past moment.
 *
 * @example
 * const s = userStatus('x:jbloggs', data, new Date('2026-11-25T12:00:00Z'));
 * s.state; // 'repeat-caller'
 * s.countInWindow; // 5
 */
export function userStatus(
  key: string,
  data: RepeatData,
  now: Date,
  settings: RepeatSettings = DEFAULT_REPEAT_SETTINGS,
): RepeatStatus {
  const nowMs = now.getTime();
  const W = windowMs(settings);
  const personId = resolvePerson(data.links, key);
  const keys = personKeys(data.links, key);

  const lists: Indexed[][] = [];
  const events: RepeatCallerEvent[] = [];
  const blocks: BlockView[] = [];
  for (const k of keys) {
    const l = data.index.byUser.get(k);
    if (l) lists.push(l);
    events.push(...(data.events.get(k) ?? []));
    blocks.push(...(data.blocks.get(k) ?? []));
  }
  const nowIso = now.toISOString();
  let removedAt = -Infinity;
  for (const e of events) {
    if (e.kind === 'removed' && e.at <= nowIso) removedAt = Math.max(removedAt, Date.parse(e.at));
  }

  let notCounted = 0;
  const counted: Indexed[] = [];
  for (const item of mergeSorted(lists)) {
    if (item.t > nowMs || item.t <= removedAt) continue;
    if (data.accounts.get(item.contact.accountId)?.enrolledInRepeatCallerScheme === true) {
      counted.push(item);
    } else {
      notCounted++;
    }
  }
  const times = counted.map((c) => c.t);
  const countInWindow = times.length - upperBound(times, nowMs - W);

  const n = settings.threshold;
  let reachedIndex = -1;
  for (let i = n - 1; i < times.length; i++) {
    if (times[i]! - times[i - n + 1]! < W) {
      reachedIndex = i;
      break;
    }
  }
  const reachedAt = reachedIndex >= 0 ? counted[reachedIndex]!.contact.at : undefined;
  const triggeringContacts =
    reachedIndex >= 0
      ? counted.slice(reachedIndex - n + 1, reachedIndex + 1).map((c) => c.contact)
      : [];

  let advice: Extract<RepeatCallerEvent, { kind: 'advised' }> | undefined;
  if (reachedAt !== undefined) {
    for (const e of events) {
      if (e.kind !== 'advised' || e.at > nowIso || Date.parse(e.at) <= removedAt) continue;
      if (Date.parse(e.at) < Date.parse(reachedAt)) continue;
      if (advice === undefined || e.at >= advice.at) advice = e;
    }
  }
  const adviceMs = advice === undefined ? Infinity : Date.parse(advice.at);
  const contactsSinceAdvice = counted.filter((c) => c.t > adviceMs).map((c) => c.contact);

  let blocked: BlockView | undefined;
  for (const b of blocks) {
    if (b.status !== 'blocked' || b.outcome.kind !== 'blocked' || b.outcome.at > nowIso) continue;
    if (
      blocked === undefined ||
      (blocked.outcome.kind === 'blocked' && b.outcome.at > blocked.outcome.at)
    ) {
      blocked = b;
    }
  }

  let state: RepeatState;
  if (blocked) state = 'blocked';
  else if (reachedAt === undefined) state = counted.length + notCounted > 0 ? 'recorded' : 'none';
  else if (advice === undefined) state = 'repeat-caller';
  else if (contactsSinceAdvice.length >= settings.contactsAfterAdvice) state = 'block-recommended';
  else if (contactsSinceAdvice.length > 0) state = 'continued-after-advice';
  else state = 'advised';

  const last = counted[counted.length - 1];
  return {
    userKey: key,
    personId,
    linkedKeys: keys,
    state,
    countInWindow,
    windowDays: settings.windowDays,
    threshold: n,
    windowStart: new Date(nowMs - W).toISOString(),
    ...(reachedAt !== undefined ? { reachedAt } : {}),
    triggeringContacts,
    ...(advice !== undefined ? { advisedAt: advice.at, advice } : {}),
    contactsSinceAdvice,
    ...(blocked && blocked.outcome.kind === 'blocked'
      ? { blockedAt: blocked.outcome.at, blockEntryId: blocked.entry.id }
      : {}),
    ...(last !== undefined ? { lastContactAt: last.contact.at } : {}),
    totalCounted: counted.length,
    notCounted,
  };
}

function everyPerson(data: RepeatData): string[] {
  const persons = new Set<string>();
  for (const k of data.index.byUser.keys()) persons.add(resolvePerson(data.links, k));
  return [...persons];
}

function byRecent(a: RepeatStatus, b: RepeatStatus): number {
  const x = a.lastContactAt ?? '';
  const y = b.lastContactAt ?? '';
  return x < y ? 1 : x > y ? -1 : a.personId < b.personId ? -1 : 1;
}

const ON_LIST: ReadonlySet<RepeatState> = new Set([
  'repeat-caller',
  'advised',
  'continued-after-advice',
  'block-recommended',
]);

/**
 * Everyone on the repeat-caller list at `now`, most recent contact first, one row per person.
 * Blocked people are left off unless `includeBlocked`, since there is nothing more to do for them.
 *
 * @example
 * repeatCallerList(data, new Date()).map((s) => `${s.personId}: ${s.state}`);
 */
export function repeatCallerList(
  data: RepeatData,
  now: Date,
  settings: RepeatSettings = DEFAULT_REPEAT_SETTINGS,
  options: { includeBlocked?: boolean } = {},
): RepeatStatus[] {
  const out: RepeatStatus[] = [];
  for (const person of everyPerson(data)) {
    let total = 0;
    for (const k of personKeys(data.links, person)) total += data.index.byUser.get(k)?.length ?? 0;
    if (total < settings.threshold) continue;
    const status = userStatus(person, data, now, settings);
    const blockedButListed =
      options.includeBlocked === true &&
      status.state === 'blocked' &&
      status.reachedAt !== undefined;
    if (ON_LIST.has(status.state) || blockedButListed) out.push(status);
  }
  return out.sort(byRecent);
}

/**
 * People one counted contact short of the list at `now` (not yet on it), most recent first, so a
 * moderator can see who the next contact would add.
 *
 * @example
 * nearThreshold(data, new Date()).length;
 */
export function nearThreshold(
  data: RepeatData,
  now: Date,
  settings: RepeatSettings = DEFAULT_REPEAT_SETTINGS,
): RepeatStatus[] {
  const out: RepeatStatus[] = [];
  for (const person of everyPerson(data)) {
    let total = 0;
    for (const k of personKeys(data.links, person)) total += data.index.byUser.get(k)?.length ?? 0;
    if (total < settings.threshold - 1) continue;
    const status = userStatus(person, data, now, settings);
    if (status.state === 'recorded' && status.countInWindow === settings.threshold - 1)
      out.push(status);
  }
  return out.sort(byRecent);
}

/**
 * What a moderator on a given account should do about a user who keeps making contact.
 *
 * @example
 * const g: RepeatGuidance = guidanceFor(account, accounts);
 */
export interface RepeatGuidance {
  enrolled: boolean;
  summary: string;
  steps: string[];
}

/**
 * Annex 1's guidance for the account the moderator is working on. Enrolled accounts use the
 * list; others "engage with them in the first instance" and then direct the user to the main
 * accounts, which are named from `accounts` when given.
 *
 * @example
 * guidanceFor(localAccount, allAccounts).summary; // 'Engage first, then direct the user to …'
 */
export function guidanceFor(
  account: ForceAccount,
  accounts: readonly ForceAccount[] = [],
  settings: RepeatSettings = DEFAULT_REPEAT_SETTINGS,
): RepeatGuidance {
  if (account.enrolledInRepeatCallerScheme) {
    return {
      enrolled: true,
      summary: `${account.label} is in the repeat-caller scheme: record each inappropriate contact.`,
      steps: [
        'Record each contact that is too frequent, inappropriate or abuses the contact method.',
        `At ${settings.threshold} or more recorded contacts within ${settings.windowDays} days the user is added to the repeat-caller list.`,
        'Give the user advice, and record when, how and what was said.',
        'If they continue after advice, blocking is recommended: engage first, contact the Digital Media Team for advice, and log the reasoning.',
      ],
    };
  }
  const main = accounts.filter((a) => a.enrolledInRepeatCallerScheme).map((a) => a.label);
  const where = main.length > 0 ? main.join(' or ') : 'the force’s main Facebook page or X account';
  return {
    enrolled: false,
    summary: `Engage first, then direct the user to the main accounts (${where}).`,
    steps: [
      `${account.label} is not in the repeat-caller scheme, so contacts here do not count towards the list.`,
      'Try to engage with the user in the first instance.',
      `Then direct them to ${where}.`,
    ],
  };
}

/**
 * Makes a validated contact record, keying the user. Throws (with zod's message) when the input
 * cannot be a valid contact, so nothing malformed reaches storage.
 *
 * @example
 * const c = newContact({ user: { platform: 'x', handle: 'jbloggs' }, accountId: 'main-x', reason: 'too-frequent' },
 *   moderator, new Date());
 */
export function newContact(
  input: {
    user: UserIdentity;
    accountId: string;
    reason: ContactReason;
    note?: string;
    link?: string;
    commentKey?: string;
    evidence?: EvidenceSnapshot;
    findings?: CriterionId[];
    at?: string;
  },
  recordedBy: Moderator,
  now: Date,
  id: string = globalThis.crypto.randomUUID(),
): Contact {
  return ContactSchema.parse({
    ...input,
    id,
    userKey: userKey(input.user),
    platform: input.user.platform,
    at: input.at ?? now.toISOString(),
    recordedBy,
  });
}

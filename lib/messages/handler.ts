import type { CommentCapture } from '../overlay/messages';
import {
  appendAmendment,
  appendEntry,
  buildRepeatData,
  captureEvidence,
  currentView,
  nearThreshold,
  repeatCallerList,
  newContact,
  parseUserInput,
  DEFAULT_REPEAT_SETTINGS,
  guidanceFor,
  resolvePerson,
  userStatus,
  buildLinkTable,
  personKeys,
  type RepeatData,
  type Amendment,
  type BlockLog,
  type Contact,
  type ContactIndex,
  type RepeatCallerEvent,
  type RepeatCallerEventsStore,
  type ForceAccount,
  type Moderator,
  type RepeatSettings,
  type RepeatStatus,
  type UserIdentity,
} from '../records';
import {
  DEFAULT_ACCOUNTS,
  accountsItem,
  draftsItem,
  installedAtItem,
  moderatorItem,
  readChecked,
  repeatEventsItem,
  type CheckedItem,
  type Draft,
} from '../storage/records';
import { emptyDraft, entryFromDraft, identityFromInput } from './draft';
import { deleteExpired, eraseOne, importBackup } from './data';
import { readSettings } from '../storage/settings';
import { handleAccounts } from './accounts';
import { handleRemoval } from './removals';
import { handleBlockLogRead } from './blocklog';
import type { RecordsCache } from './cache';
import {
  RequestSchema,
  type OverviewRow,
  type Reply,
  type RepeatOverview,
  type Request,
  type StatusSummary,
} from './protocol';
import { removeOverviewSnapshot, writeOverviewSnapshot } from '../storage/overview';
import type { OverviewSnapshotKeeper } from './snapshot';
import { summaryOf } from './status';
import { installationId } from '../storage/installation';
import { blockLogStore } from '../storage/blockLogDb';
import { contactStore } from '../storage/contactsDb';
import { otherChainsStore } from '../storage/otherChains';

/** What the handler needs from outside, so tests can fix the clock and ids. */
export interface HandlerDeps {
  now: () => Date;
  newId: () => string;
  settings?: RepeatSettings;
  /** The background's parsed copy of storage (see cache.ts); without it every request reads. */
  cache?: RecordsCache;
  /**
   * Refreshes the stored repeat-caller list after writes that change it (see snapshot.ts);
   * without it the stored list is refreshed only when the popup asks for the list.
   */
  snapshot?: OverviewSnapshotKeeper;
}

export const defaultDeps: HandlerDeps = {
  now: () => new Date(),
  newId: () => globalThis.crypto.randomUUID(),
};

// Every write goes through this one queue, so two tabs recording at the same moment cannot read
// the same old list and overwrite each other's contact (read-modify-write is not atomic).
let tail: Promise<unknown> = Promise.resolve();

/**
 * Runs `job` after every job queued before it, whether those succeeded or failed.
 *
 * @example
 * await serialise(async () => write());
 */
export function serialise<T>(job: () => Promise<T>): Promise<T> {
  const run = tail.then(job, job);
  tail = run.catch(() => undefined);
  return run;
}

class RequestError extends Error {}

interface Ctx {
  deps: HandlerDeps;
  now: Date;
  warnings: string[];
}

async function read<T>(ctx: Ctx, item: CheckedItem<T>): Promise<T> {
  const cached = ctx.deps.cache?.get(item);
  if (cached !== undefined) return cached;
  const r = await readChecked(item, { quarantine: true, now: ctx.now });
  if (r.problem) ctx.warnings.push(r.problem.message);
  else ctx.deps.cache?.remember(item, r.value);
  return r.value;
}

/** The contact index (the background's copy; see `ContactStore`), with any problem reading it. */
async function contactIndex(ctx: Ctx): Promise<ContactIndex> {
  const index = await contactStore.index(ctx.now);
  for (const p of contactStore.newProblems()) ctx.warnings.push(p.message);
  return index;
}

/** The rule's numbers: the window from the moderator's settings, unless the deps fix them. */
async function repeatSettings(ctx: Ctx): Promise<RepeatSettings> {
  if (ctx.deps.settings) return ctx.deps.settings;
  const settings = await readSettings();
  return { ...DEFAULT_REPEAT_SETTINGS, windowDays: settings.repeatWindowDays };
}

async function repeatData(ctx: Ctx) {
  const [contacts, accounts, events, log] = [
    await contactIndex(ctx),
    await read(ctx, accountsItem),
    await read(ctx, repeatEventsItem),
    await readLog(ctx),
  ];
  if (ctx.deps.cache) return ctx.deps.cache.repeatData(contacts, accounts, events, log);
  return buildRepeatData({
    contacts,
    accounts: accounts.accounts,
    events: events.events,
    blocks: currentView(log),
  });
}

/**
 * What `keys`' statuses need: all the repeat-caller data once every contact is read, and until
 * then only the contacts of these keys (and of the keys linked to them), read by key range (the
 * background begins the full read soon after it starts: entrypoints/background.ts). A page's status questions to a service worker that has
 * just started are then answered in milliseconds, not after every contact is read.
 */
async function repeatDataFor(ctx: Ctx, keys: readonly string[]): Promise<RepeatData> {
  if (contactStore.ready()) return repeatData(ctx);
  const [accounts, events, log] = [
    await read(ctx, accountsItem),
    await read(ctx, repeatEventsItem),
    await readLog(ctx),
  ];
  const links = buildLinkTable(events.events);
  const wanted = [...new Set(keys.flatMap((k) => personKeys(links, k)))];
  const contacts = await contactStore.contactsOf(wanted, ctx.now);
  if (contacts === null) return repeatData(ctx);
  return buildRepeatData({
    contacts,
    accounts: accounts.accounts,
    events: events.events,
    blocks: ctx.deps.cache ? ctx.deps.cache.blockViews.of(log) : currentView(log),
  });
}

/** The checked block log (the background's copy; see `BlockLogStore`). */
async function readLog(ctx: Ctx): Promise<BlockLog> {
  const r = await blockLogStore.read(ctx.now);
  if (r.problem) ctx.warnings.push(r.problem.message);
  return r.value;
}

/**
 * Reads the block log through the one queue, so that it is in memory before anyone asks (on
 * install or update, when an older version's log is also moved into the records database).
 *
 * @example
 * await readBlockLogNow(deps);
 */
export function readBlockLogNow(deps: HandlerDeps): Promise<void> {
  return serialise(async () => {
    const ctx: Ctx = { deps, now: deps.now(), warnings: [] };
    await readLog(ctx);
    for (const w of ctx.warnings) console.warn(`Moderator Assist: ${w}`);
  });
}

async function requireModerator(ctx: Ctx): Promise<Moderator> {
  const m = await read(ctx, moderatorItem);
  if (!m) {
    throw new RequestError(
      'Set your name and staff number in the Moderator Assist popup first, so records show who made them.',
    );
  }
  return m;
}

/**
 * The force account a captured comment was seen on: the one whose handle or page the page URL
 * names, else the platform's enrolled main account (the overlay runs where moderators work, which
 * is the main accounts' feeds and notifications).
 */
export function accountForCapture(
  capture: Pick<CommentCapture, 'platform' | 'pageUrl'>,
  accounts: readonly ForceAccount[],
): ForceAccount | undefined {
  const onPlatform = accounts.filter((a) => a.platform === capture.platform);
  const page = capture.pageUrl.toLowerCase();
  const named = onPlatform.find((a) => {
    const handle = a.handle?.replace(/^@/, '').toLowerCase();
    const path = a.pageUrl ? new URL(a.pageUrl).pathname.replace(/\/+$/, '').toLowerCase() : '';
    return (handle && page.includes(`/${handle}`)) || (path.length > 1 && page.includes(path));
  });
  return named ?? onPlatform.find((a) => a.enrolledInRepeatCallerScheme) ?? onPlatform[0];
}

function identityOfCapture(c: CommentCapture): UserIdentity {
  const a = c.author;
  return {
    platform: c.platform,
    ...(a.handle ? { handle: a.handle } : {}),
    ...(a.profileUrl ? { profileUrl: a.profileUrl } : {}),
    ...(a.displayName ? { displayName: a.displayName } : {}),
  };
}

async function summarise(ctx: Ctx, key: string): Promise<StatusSummary> {
  const data = await repeatDataFor(ctx, [key]);
  return summaryOf(userStatus(key, data, ctx.now, await repeatSettings(ctx)));
}

/** Records one contact (one document); false when it was already recorded. */
async function appendContact(ctx: Ctx, contact: Contact): Promise<boolean> {
  const added = await contactStore.add(contact, ctx.now);
  for (const p of contactStore.newProblems()) ctx.warnings.push(p.message);
  return added === 'added';
}

function overviewRow(s: RepeatStatus): OverviewRow {
  return {
    personId: s.personId,
    userKey: s.userKey,
    state: s.state,
    countInWindow: s.countInWindow,
    windowDays: s.windowDays,
    ...(s.lastContactAt !== undefined ? { lastContactAt: s.lastContactAt } : {}),
  };
}

/** The repeat-caller list, those one short and the counts, worked out now from the records. */
async function computeOverview(ctx: Ctx): Promise<RepeatOverview> {
  const [data, settings] = [await repeatData(ctx), await repeatSettings(ctx)];
  const list = repeatCallerList(data, ctx.now, settings);
  const near = nearThreshold(data, ctx.now, settings);
  return {
    list: list.map(overviewRow),
    near: near.map(overviewRow),
    counts: { contacts: data.index.byId.size, users: data.index.byUser.size },
    windowDays: settings.windowDays,
    threshold: settings.threshold,
    computedAt: ctx.now.toISOString(),
  };
}

/**
 * Stores the list just worked out, unless this background stored the same list less than a
 * minute ago (see `OverviewSnapshotKeeper.needsStoring`).
 */
async function storeOverview(deps: HandlerDeps, overview: RepeatOverview): Promise<void> {
  if (deps.snapshot && !deps.snapshot.needsStoring(overview)) return;
  deps.snapshot?.stored(null);
  await writeOverviewSnapshot(overview);
  deps.snapshot?.stored(overview);
}

/**
 * Works the repeat-caller list out and stores it as the snapshot the popup shows while a
 * background that has just started reads the contacts. Queued behind every write.
 *
 * @example
 * keeper.schedule(() => refreshOverviewSnapshot(deps));
 */
export function refreshOverviewSnapshot(deps: HandlerDeps): Promise<void> {
  return serialise(async () => {
    const ctx: Ctx = { deps, now: deps.now(), warnings: [] };
    try {
      await storeOverview(deps, await computeOverview(ctx));
    } catch (err) {
      deps.cache?.clear();
      throw err;
    }
    for (const w of ctx.warnings) console.warn(`Moderator Assist: ${w}`);
  });
}

async function recordCapture(ctx: Ctx, comment: CommentCapture): Promise<Reply> {
  const moderator = await requireModerator(ctx);
  const accounts = (await read(ctx, accountsItem)).accounts;
  const account = accountForCapture(comment, accounts);
  if (!account) {
    throw new RequestError(
      `No force account is set up for ${comment.platform === 'x' ? 'X' : 'Facebook'}; add one in the options page.`,
    );
  }
  const user = identityOfCapture(comment);
  if (!user.handle && !user.profileUrl) {
    throw new RequestError(
      'The page did not show the author’s handle or profile link, so the contact cannot be filed under them.',
    );
  }
  const contact = newContact(
    {
      user,
      accountId: account.id,
      reason: 'inappropriate',
      commentKey: comment.key,
      link: comment.permalink ?? comment.url,
      at: comment.seenAt,
      evidence: await captureEvidence(
        { text: comment.text, author: comment.author, url: comment.url },
        ctx.now,
      ),
      ...(comment.criteria.length > 0 ? { findings: comment.criteria } : {}),
    },
    moderator,
    ctx.now,
    ctx.deps.newId(),
  );
  const added = await appendContact(ctx, contact);
  const status = await summarise(ctx, contact.userKey);
  const where = account.enrolledInRepeatCallerScheme
    ? ''
    : ` (${account.label} is not in the repeat-caller scheme, so it does not count)`;
  return {
    ok: true,
    message: `${added ? 'Recorded' : 'Already recorded'}. ${status.text}${where}`,
    status,
  };
}

async function appendEvent(ctx: Ctx, event: RepeatCallerEvent): Promise<void> {
  const store = await read(ctx, repeatEventsItem);
  const next: RepeatCallerEventsStore = { schemaVersion: 1, events: [...store.events, event] };
  ctx.deps.cache?.wrote(repeatEventsItem, next);
  try {
    await repeatEventsItem.item.setValue(next);
  } catch (err) {
    ctx.deps.cache?.forget(repeatEventsItem.name);
    throw err;
  }
}

/** Whether a repeat-caller event with this id is already stored (a second press of a button). */
async function eventRecorded(ctx: Ctx, id: string): Promise<boolean> {
  return (await read(ctx, repeatEventsItem)).events.some((e) => e.id === id);
}

async function startDraft(ctx: Ctx, comment: CommentCapture): Promise<Reply> {
  const accounts = (await read(ctx, accountsItem)).accounts;
  const account = accountForCapture(comment, accounts);
  const store = await read(ctx, draftsItem);
  const existing = store.drafts.find((d) => d.commentKey === comment.key);
  if (existing) {
    const bumped = { ...existing, updatedAt: ctx.now.toISOString() };
    await draftsItem.item.setValue({
      schemaVersion: 1,
      drafts: [...store.drafts.filter((d) => d.id !== existing.id), bumped],
    });
    return {
      ok: true,
      draftId: existing.id,
      message:
        'A block workflow for this comment is already open: continue it in the toolbar popup.',
    };
  }
  const draft: Draft = {
    ...emptyDraft(ctx.deps.newId(), ctx.now, comment.platform, account?.id ?? ''),
    source: 'page',
    handle: comment.author.handle ?? '',
    profileUrl: comment.author.profileUrl ?? '',
    displayName: comment.author.displayName ?? '',
    contentUrl: comment.permalink ?? comment.url,
    contentExcerpt: comment.text,
    commentKey: comment.key,
    criteria: [...new Set(comment.criteria)],
    evidence: [
      await captureEvidence(
        { text: comment.text, author: comment.author, url: comment.url },
        ctx.now,
      ),
    ],
  };
  await draftsItem.item.setValue({ schemaVersion: 1, drafts: [...store.drafts, draft] });
  return {
    ok: true,
    draftId: draft.id,
    message: 'Block workflow started: open Moderator Assist from the toolbar to continue.',
  };
}

/** Where a record id already stands in the block log: absent, logged, or logged and since erased. */
function placeInLog(log: BlockLog, id: string): 'absent' | 'logged' | 'erased' {
  if (log.records.some((r) => r.record.id === id)) return 'logged';
  if ((log.erased ?? []).some((t) => t.id === id)) return 'erased';
  return 'absent';
}

/**
 * Logs the block a complete draft describes. The entry's id is the draft's, so confirming the same
 * draft again (a double click, two open popups, a retry after the browser stopped between writing
 * the entry and clearing the draft) logs it once and says so.
 */
async function confirmBlock(ctx: Ctx, draft: Draft): Promise<Reply> {
  const moderator = await requireModerator(ctx);
  const log = await readLog(ctx);
  const place = placeInLog(log, draft.id);
  if (place === 'erased') {
    throw new RequestError(
      'This block was logged and has since been erased from the block log; it is not logged again.',
    );
  }
  let message =
    'Logged in the block log. Now take the action on the platform yourself, then record the outcome.';
  if (place === 'logged') {
    message = `Already logged in the block log (it is not logged twice). ${message.slice(message.indexOf('Now'))}`;
  } else {
    const accounts = (await read(ctx, accountsItem)).accounts;
    const made = entryFromDraft(draft, accounts, moderator, ctx.now, draft.id);
    if (!made.ok) throw new RequestError(made.error);
    try {
      // Only the new link's document is written (see `BlockLogStore`).
      await blockLogStore.write(await appendEntry(log, made.entry));
    } catch (err) {
      throw new RequestError(
        `Nothing was logged: the block log could not be saved (${detailOf(err)}). Your draft is kept; try again.`,
      );
    }
  }
  try {
    const drafts = await read(ctx, draftsItem);
    await draftsItem.item.setValue({
      schemaVersion: 1,
      drafts: drafts.drafts.filter((d) => d.id !== draft.id),
    });
  } catch (err) {
    message += ` The draft could not be cleared (${detailOf(err)}); discard it yourself: it is already logged.`;
  }
  return { ok: true, entryId: draft.id, message };
}

/**
 * Adds an amendment whose id the popup chose when the form opened, so pressing the button twice,
 * or retrying after no answer came, adds it once.
 */
async function amendBlock(
  ctx: Ctx,
  req: Extract<Request, { type: 'block:amend' }>,
): Promise<Reply> {
  const moderator = await requireModerator(ctx);
  const log = await readLog(ctx);
  const existing = log.records.find((r) => r.record.id === req.requestId);
  if (existing) {
    if (existing.kind !== 'amendment' || existing.record.entryId !== req.entryId) {
      throw new RequestError(
        'This request id is already used by another record; reopen the entry.',
      );
    }
    return { ok: true, message: 'Already added to the block log (it is not added twice).' };
  }
  if (placeInLog(log, req.requestId) === 'erased') {
    throw new RequestError('That amendment was added and has since been erased.');
  }
  const amendment = {
    id: req.requestId,
    entryId: req.entryId,
    at: ctx.now.toISOString(),
    moderator,
    ...req.amendment,
  } as Amendment;
  const next = await appendAmendment(log, amendment);
  try {
    await blockLogStore.write(next);
  } catch (err) {
    throw new RequestError(
      `The amendment was not saved: the block log could not be written (${detailOf(err)}). Try again.`,
    );
  }
  return { ok: true, message: 'Amendment added to the block log.' };
}

function detailOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function run(ctx: Ctx, req: Request): Promise<Reply> {
  switch (req.type) {
    case 'contact:record':
      return recordCapture(ctx, req.comment);
    case 'block:start-draft':
      return startDraft(ctx, req.comment);
    case 'contact:add-manual': {
      const moderator = await requireModerator(ctx);
      const accounts = (await read(ctx, accountsItem)).accounts;
      const account = accounts.find((a) => a.id === req.accountId);
      if (!account) throw new RequestError('Choose one of the force accounts.');
      if (account.platform !== req.platform)
        throw new RequestError(`${account.label} is not on the same platform as the user.`);
      const user = identityFromInput(req.platform, req.user, req.displayName);
      if (parseUserInput(req.user, req.platform) === null)
        throw new RequestError('Enter a valid handle or profile URL for the user.');
      const contact = newContact(
        {
          user,
          accountId: account.id,
          reason: req.reason,
          ...(req.note?.trim() ? { note: req.note.trim() } : {}),
          ...(req.link?.trim() ? { link: req.link.trim() } : {}),
          ...(req.at ? { at: req.at } : {}),
        },
        moderator,
        ctx.now,
        req.requestId,
      );
      const added = await appendContact(ctx, contact);
      const status = await summarise(ctx, contact.userKey);
      return {
        ok: true,
        message: `${added ? 'Recorded' : 'Already recorded (not counted twice)'}. ${status.text}`,
        status,
      };
    }
    case 'block:save-draft': {
      const store = await read(ctx, draftsItem);
      const draft = { ...req.draft, updatedAt: ctx.now.toISOString() };
      await draftsItem.item.setValue({
        schemaVersion: 1,
        drafts: [...store.drafts.filter((d) => d.id !== draft.id), draft],
      });
      return { ok: true, draftId: draft.id, message: 'Draft saved.' };
    }
    case 'block:discard-draft': {
      const store = await read(ctx, draftsItem);
      await draftsItem.item.setValue({
        schemaVersion: 1,
        drafts: store.drafts.filter((d) => d.id !== req.id),
      });
      return { ok: true, message: 'Draft discarded.' };
    }
    case 'block:confirm':
      return confirmBlock(ctx, req.draft);
    case 'block:amend':
      return amendBlock(ctx, req);
    case 'repeat:advise': {
      const moderator = await requireModerator(ctx);
      if (await eventRecorded(ctx, req.requestId)) {
        const status = await summarise(ctx, req.userKey);
        return { ok: true, message: `Advice already recorded. ${status.text}`, status };
      }
      await appendEvent(ctx, {
        id: req.requestId,
        at: req.at ?? ctx.now.toISOString(),
        by: moderator,
        kind: 'advised',
        userKey: req.userKey,
        how: req.how,
        advice: req.advice.trim(),
      });
      const status = await summarise(ctx, req.userKey);
      return { ok: true, message: `Advice recorded. ${status.text}`, status };
    }
    case 'repeat:link': {
      if (req.userKey === req.otherUserKey)
        throw new RequestError('Choose a different identity to link: both are the same user.');
      const moderator = await requireModerator(ctx);
      const data = await repeatData(ctx);
      if (resolvePerson(data.links, req.userKey) === resolvePerson(data.links, req.otherUserKey))
        return { ok: true, message: `${req.userKey} and ${req.otherUserKey} are already linked.` };
      await appendEvent(ctx, {
        id: req.requestId,
        at: ctx.now.toISOString(),
        by: moderator,
        kind: 'linked',
        userKey: req.userKey,
        otherUserKey: req.otherUserKey,
        why: req.why.trim(),
      });
      const status = await summarise(ctx, req.userKey);
      return {
        ok: true,
        message: `Linked ${req.userKey} and ${req.otherUserKey}: their contacts now count together. ${status.text}`,
        status,
      };
    }
    case 'status:batch': {
      const [data, settings, accounts] = [
        await repeatDataFor(ctx, req.userKeys),
        await repeatSettings(ctx),
        (await read(ctx, accountsItem)).accounts,
      ];
      const statuses: Record<string, StatusSummary> = {};
      for (const key of new Set(req.userKeys)) {
        const s = userStatus(key, data, ctx.now, settings);
        if (s.state !== 'none') statuses[key] = summaryOf(s);
      }
      const account = accountForCapture(req, accounts);
      return {
        ok: true,
        batch: {
          statuses,
          windowDays: settings.windowDays,
          ...(account
            ? {
                guidance: {
                  ...guidanceFor(account, accounts, settings),
                  accountLabel: account.label,
                },
              }
            : {}),
        },
      };
    }
    case 'repeat:overview': {
      const overview = await computeOverview(ctx);
      // Worked out after every write queued before it, so a refresh still waiting is not needed.
      ctx.deps.snapshot?.cancel();
      try {
        await storeOverview(ctx.deps, overview);
      } catch (err) {
        // Only the next cold popup's head start is lost; the answer stands.
        console.warn('Moderator Assist: could not store the repeat-caller list', err);
      }
      return { ok: true, overview };
    }
    case 'repeat:person': {
      const [data, settings] = [await repeatData(ctx), await repeatSettings(ctx)];
      const status = userStatus(req.userKey, data, ctx.now, settings);
      const contacts = status.linkedKeys
        .flatMap((k) => data.index.byUser.get(k) ?? [])
        .sort((a, b) => a.t - b.t || (a.contact.id < b.contact.id ? -1 : 1))
        .map((i) => i.contact);
      const advice = status.linkedKeys
        .flatMap((k) => data.events.get(k) ?? [])
        .filter((e) => e.kind === 'advised');
      return { ok: true, person: { status, contacts, advice } };
    }
    case 'status:lookup': {
      const key = parseUserInput(req.query, req.platform);
      if (key === null)
        throw new RequestError('Enter a handle (with the platform) or a profile URL.');
      const status = await summarise(ctx, key);
      return { ok: true, message: status.text, status };
    }
    case 'block:list':
    case 'block:entry':
    case 'block:verify':
    case 'block:export':
      return handleBlockLogRead(
        {
          now: ctx.now,
          log: () => readLog(ctx),
          ...(ctx.deps.cache ? { views: ctx.deps.cache.blockViews } : {}),
          moderator: () => requireModerator(ctx),
          installationId,
          others: async () => (await otherChainsStore.read(ctx.now)).chains,
        },
        req,
      );
    case 'removal:record':
    case 'removal:status':
    case 'removal:dismiss':
      return handleRemoval(ctx, req);
    case 'accounts:save':
    case 'accounts:remove':
      return handleAccounts({ ...ctx, newId: ctx.deps.newId }, req);
    case 'moderator:set':
      await moderatorItem.item.setValue(req.moderator);
      return { ok: true, message: 'Moderator details saved.' };
    case 'data:import':
    case 'data:retention-delete':
    case 'data:erase-person': {
      // These rewrite several items in one storage call (lib/messages/data.ts), so the cached
      // copies are dropped before (read fresh) and after (whatever the outcome).
      const dataCtx = { ...ctx, moderator: await requireModerator(ctx), newId: ctx.deps.newId };
      // The stored list may name people this erases or deletes (or miss those a restore brings
      // back): it goes first, so no outcome of the write can leave an erased person in it. It is
      // worked out again afterwards (see handleMessage).
      ctx.deps.snapshot?.stored(null);
      await removeOverviewSnapshot();
      ctx.deps.cache?.clear();
      try {
        const r =
          req.type === 'data:import'
            ? await importBackup(dataCtx, req.text, req.fileName)
            : req.type === 'data:erase-person'
              ? await eraseOne(dataCtx, req.userKey)
              : await deleteExpired(dataCtx, req);
        if (!r.ok) throw new RequestError(r.message);
        return { ok: true, message: r.message };
      } finally {
        ctx.deps.cache?.clear();
      }
    }
  }
}

function errorText(err: unknown): string {
  if (err instanceof RequestError) return err.message;
  const detail = err instanceof Error ? err.message : String(err);
  return `Could not save: ${detail}. Nothing was lost from what was already stored; try again.`;
}

/**
 * Handles one message. Every request is validated, every write runs through the one queue, and
 * every failure (including storage refusing a write) is answered with `ok: false`, never dropped.
 *
 * @example
 * const reply = await handleMessage({ type: 'status:lookup', query: '@jbloggs', platform: 'x' }, defaultDeps);
 */
const READ_ONLY: ReadonlySet<Request['type']> = new Set([
  'status:batch',
  'status:lookup',
  'removal:status',
  'block:list',
  'block:entry',
  'block:verify',
  'block:export',
]);

/**
 * Requests that write the force accounts or the moderator record. Every other write keeps the
 * background's copy of them: dropping the accounts would make the next status question work the
 * repeat-caller data out again from 100,000 contacts.
 */
const WRITES_ACCOUNTS_OR_MODERATOR: ReadonlySet<Request['type']> = new Set([
  'accounts:save',
  'accounts:remove',
  'moderator:set',
  'data:import',
]);

/** Requests that can change who is on the repeat-caller list, or one short of it. */
const CHANGES_OVERVIEW: ReadonlySet<Request['type']> = new Set([
  'contact:record',
  'contact:add-manual',
  'repeat:advise',
  'repeat:link',
  'block:confirm',
  'block:amend',
  'data:import',
  'data:retention-delete',
  'data:erase-person',
  // Which accounts are enrolled decides whose contacts count.
  'accounts:save',
  'accounts:remove',
]);

export async function handleMessage(message: unknown, deps: HandlerDeps): Promise<Reply> {
  const parsed = RequestSchema.safeParse(message);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map(String).join('.');
    return {
      ok: false,
      error: `Moderator Assist did not understand the request (${path ? `${path}: ` : ''}${issue?.message ?? 'invalid'}).`,
    };
  }
  // Scheduled whatever the outcome: a failed request may have written part of what it meant to.
  if (CHANGES_OVERVIEW.has(parsed.data.type)) {
    deps.snapshot?.schedule(() => refreshOverviewSnapshot(deps));
  }
  return serialise(async () => {
    const ctx: Ctx = { deps, now: deps.now(), warnings: [] };
    try {
      const reply = await run(ctx, parsed.data);
      // Repeat-caller events are kept current by the writes themselves (the block log and the
      // contacts by their stores); anything else a request wrote (drafts, accounts) is read afresh.
      const type = parsed.data.type;
      if (!READ_ONLY.has(type)) {
        deps.cache?.forgetAllBut([
          'repeatEvents',
          ...(WRITES_ACCOUNTS_OR_MODERATOR.has(type) ? [] : ['accounts', 'moderator']),
        ]);
      }
      return ctx.warnings.length > 0 ? { ...reply, warnings: ctx.warnings } : reply;
    } catch (err) {
      // A failed request may have written part of what it meant to: read storage afresh.
      // (The block log's store drops its own copy when one of its writes fails.)
      deps.cache?.clear();
      if (!(err instanceof RequestError)) console.error('Moderator Assist: request failed', err);
      return {
        ok: false,
        error: errorText(err),
        ...(ctx.warnings.length > 0 ? { warnings: ctx.warnings } : {}),
      };
    }
  });
}

/**
 * On install: seed the force's main accounts if none are stored, then write `installedAt` (last,
 * so anything waiting for it knows seeding is done).
 *
 * @example
 * browser.runtime.onInstalled.addListener(() => void seedOnInstall(defaultDeps));
 */
export function seedOnInstall(deps: HandlerDeps): Promise<void> {
  return serialise(async () => {
    const ctx: Ctx = { deps, now: deps.now(), warnings: [] };
    // An update from a version that kept the contacts in storage: move them now rather than on
    // the first request.
    await contactIndex(ctx);
    for (const w of ctx.warnings) console.warn(`Moderator Assist: ${w}`);
    const accounts = await read(ctx, accountsItem);
    if (accounts.accounts.length === 0) {
      await accountsItem.item.setValue({
        schemaVersion: 1,
        accounts: DEFAULT_ACCOUNTS.map((a) => ({ ...a })),
      });
      // Which accounts count decides the list.
      deps.snapshot?.schedule(() => refreshOverviewSnapshot(deps));
    }
    await installedAtItem.setValue(ctx.now.toISOString());
  });
}

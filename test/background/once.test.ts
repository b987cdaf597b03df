// Once is once: every confirm button writes its record once, whether it is pressed twice, pressed
// in two popups at the same moment, or pressed again after the browser stopped half way.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '../../lib/messages/handler';
import { verifyChain } from '../../lib/records';
import { recordsDb } from '../../lib/storage/recordsDb';
import { draftsItem, repeatEventsItem } from '../../lib/storage/records';
import { blockedOnX, uuid } from '../records/fixtures';
import { completeDraft, seedBasics, storedContacts, testDeps } from './helpers';
import { storedBlockLog } from '../blocklog-helpers';

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  await seedBasics();
});

const DRAFT_ID = '00000000-0000-4000-8000-0000000000cc';

async function confirmed() {
  const { deps } = testDeps();
  const draft = await completeDraft(DRAFT_ID);
  await handleMessage({ type: 'block:save-draft', draft }, deps);
  return { deps, draft };
}

describe('block:confirm logs a draft once', () => {
  it('should give the entry its draft’s id and log a second confirm of it only once', async () => {
    const { deps, draft } = await confirmed();
    const first = await handleMessage({ type: 'block:confirm', draft }, deps);
    const again = await handleMessage({ type: 'block:confirm', draft }, deps);
    expect(first).toMatchObject({ ok: true, entryId: DRAFT_ID });
    expect(again).toMatchObject({ ok: true, entryId: DRAFT_ID });
    expect(again.ok && again.message).toMatch(/Already logged/);
    const log = await storedBlockLog();
    expect(log.records.map((r) => r.record.id)).toEqual([DRAFT_ID]);
  });

  it('should log once when two popups confirm the same draft at the same moment', async () => {
    const { deps, draft } = await confirmed();
    const replies = await Promise.all([
      handleMessage({ type: 'block:confirm', draft }, deps),
      handleMessage({ type: 'block:confirm', draft }, deps),
    ]);
    expect(replies.every((r) => r.ok)).toBe(true);
    expect((await storedBlockLog()).records).toHaveLength(1);
  });

  it('should not log twice when the browser stopped after the entry was written but before the draft was cleared', async () => {
    const { deps, draft } = await confirmed();
    await handleMessage({ type: 'block:confirm', draft }, deps);
    // The stop: the entry is stored, the draft still is too.
    await handleMessage({ type: 'block:save-draft', draft }, deps);
    const retry = await handleMessage({ type: 'block:confirm', draft }, deps);
    expect(retry).toMatchObject({ ok: true, entryId: DRAFT_ID });
    expect((await storedBlockLog()).records).toHaveLength(1);
    expect((await draftsItem.item.getValue()).drafts).toEqual([]);
  });

  it('should say what was saved when the draft cannot be cleared after logging', async () => {
    const { deps, draft } = await confirmed();
    vi.spyOn(draftsItem.item, 'setValue').mockRejectedValueOnce(new Error('QuotaExceededError'));
    const reply = await handleMessage({ type: 'block:confirm', draft }, deps);
    expect(reply.ok).toBe(true);
    expect(reply.ok && reply.message).toMatch(/Logged in the block log/);
    expect(reply.ok && reply.message).toMatch(/draft could not be cleared \(QuotaExceededError\)/);
    expect((await storedBlockLog()).records).toHaveLength(1);
  });

  it('should say nothing was logged, and keep the draft, when the block log cannot be written', async () => {
    const { deps, draft } = await confirmed();
    vi.spyOn(recordsDb(), 'bulkDocs').mockRejectedValueOnce(new Error('disk full'));
    const reply = await handleMessage({ type: 'block:confirm', draft }, deps);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(/Nothing was logged.*disk full.*draft is kept/);
    expect((await storedBlockLog()).records).toHaveLength(0);
    expect((await draftsItem.item.getValue()).drafts.map((d) => d.id)).toEqual([DRAFT_ID]);
    // Retried once the database takes writes again: logged once.
    expect((await handleMessage({ type: 'block:confirm', draft }, deps)).ok).toBe(true);
    expect((await storedBlockLog()).records).toHaveLength(1);
  });

  it('should say nothing was logged when the database refuses the entry’s document', async () => {
    const { deps, draft } = await confirmed();
    vi.spyOn(recordsDb(), 'bulkDocs').mockResolvedValueOnce([
      { id: 'x', error: true, name: 'forbidden', message: 'refused by the server' } as never,
    ]);
    const reply = await handleMessage({ type: 'block:confirm', draft }, deps);
    expect(!reply.ok && reply.error).toMatch(
      /Nothing was logged.*0 of 1 block log records saved; not saved: link 0: refused by the server/,
    );
    expect((await storedBlockLog()).records).toHaveLength(0);
    expect((await draftsItem.item.getValue()).drafts.map((d) => d.id)).toEqual([DRAFT_ID]);
  });
});

describe('block:amend adds an amendment once', () => {
  it('should add one outcome however often "Record the outcome" is pressed', async () => {
    const { deps, draft } = await confirmed();
    await handleMessage({ type: 'block:confirm', draft }, deps);
    const requestId = uuid();
    const replies = await Promise.all([
      handleMessage(blockedOnX(DRAFT_ID, requestId), deps),
      handleMessage(blockedOnX(DRAFT_ID, requestId), deps),
    ]);
    const third = await handleMessage(blockedOnX(DRAFT_ID, requestId), deps);
    expect([...replies, third].every((r) => r.ok)).toBe(true);
    expect(third.ok && third.message).toMatch(/Already added/);
    const log = await storedBlockLog();
    expect(log.records.map((r) => r.kind)).toEqual(['entry', 'amendment']);
    expect(log.records[1]!.record.id).toBe(requestId);
    expect(await verifyChain(log)).toEqual({ ok: true, count: 2 });
  });

  it('should add a second amendment when the form asks with a new id', async () => {
    const { deps, draft } = await confirmed();
    await handleMessage({ type: 'block:confirm', draft }, deps);
    await handleMessage(blockedOnX(DRAFT_ID, uuid()), deps);
    await handleMessage(blockedOnX(DRAFT_ID, uuid()), deps);
    expect((await storedBlockLog()).records).toHaveLength(3);
  });

  it('should refuse an id that another record already has', async () => {
    const { deps, draft } = await confirmed();
    await handleMessage({ type: 'block:confirm', draft }, deps);
    const reply = await handleMessage(blockedOnX(DRAFT_ID, DRAFT_ID), deps);
    expect(reply.ok).toBe(false);
    expect((await storedBlockLog()).records).toHaveLength(1);
  });
});

describe('the repeat-caller buttons record once', () => {
  it('should record a manual contact once for one request id', async () => {
    const { deps } = testDeps();
    const req = {
      type: 'contact:add-manual',
      requestId: uuid(),
      platform: 'x',
      user: '@jbloggs',
      accountId: 'main-x',
      at: '2026-11-19T10:00:00.000Z',
      reason: 'inappropriate',
    } as const;
    const first = await handleMessage(req, deps);
    const again = await handleMessage(req, deps);
    expect(first.ok && first.message).toMatch(/^Recorded\. 1 in 30 days/);
    expect(again.ok && again.message).toMatch(/^Already recorded \(not counted twice\)\. 1 in 30/);
    expect(await storedContacts()).toHaveLength(1);
  });

  it('should record advice once for one request id', async () => {
    const { deps } = testDeps();
    const req = {
      type: 'repeat:advise',
      requestId: uuid(),
      userKey: 'x:jbloggs',
      how: 'public-reply',
      advice: 'Please call 101.',
    } as const;
    await Promise.all([handleMessage(req, deps), handleMessage(req, deps)]);
    const again = await handleMessage(req, deps);
    expect(again.ok && again.message).toMatch(/^Advice already recorded/);
    expect((await repeatEventsItem.item.getValue()).events).toHaveLength(1);
  });

  it('should refuse a confirm request without an id, so no button can bypass this', async () => {
    const reply = await handleMessage(
      { type: 'repeat:advise', userKey: 'x:jbloggs', how: 'public-reply', advice: 'Call 101.' },
      testDeps().deps,
    );
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(/requestId/);
  });
});

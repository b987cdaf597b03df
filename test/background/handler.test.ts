import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { emptyDraft } from '../../lib/messages/draft';
import { recordsDb } from '../../lib/storage/recordsDb';
import { handleMessage, seedOnInstall } from '../../lib/messages/handler';
import { currentView, sha256Hex, verifyChain } from '../../lib/records';
import {
  draftsItem,
  installedAtItem,
  problemsItem,
  repeatEventsItem,
  accountsItem,
} from '../../lib/storage/records';
import { blockedOnX, uuid } from '../records/fixtures';
import { capture, completeDraft, moderator, seedBasics, storedContacts, testDeps } from './helpers';
import { storedBlockLog } from '../blocklog-helpers';
import { loadSnapshot } from '../../lib/storage/blockLogDb';

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  await seedBasics();
});

describe('handleMessage: contact:record', () => {
  it('should store the contact and answer with the count in the window', async () => {
    const { deps } = testDeps();
    const reply = await handleMessage({ type: 'contact:record', comment: capture() }, deps);
    expect(reply).toMatchObject({ ok: true, message: 'Recorded. 1 in 30 days' });
    const stored = await storedContacts();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      userKey: 'x:jbloggs',
      accountId: 'main-x',
      commentKey: 'x:status:1',
      recordedBy: moderator,
    });
    expect(stored[0]!.evidence?.sha256).toBe(await sha256Hex(capture().text));
  });

  it('should count the same comment once and say so', async () => {
    const { deps } = testDeps();
    await handleMessage({ type: 'contact:record', comment: capture() }, deps);
    const again = await handleMessage({ type: 'contact:record', comment: capture() }, deps);
    expect(again).toMatchObject({ ok: true, message: 'Already recorded. 1 in 30 days' });
    expect(await storedContacts()).toHaveLength(1);
  });

  it('should say "repeat caller" at the fifth contact in 30 days', async () => {
    const { deps } = testDeps();
    let reply;
    for (let i = 1; i <= 5; i++) {
      reply = await handleMessage(
        {
          type: 'contact:record',
          comment: capture({ key: `k${i}`, seenAt: `2026-11-1${i}T10:00:00.000Z` }),
        },
        deps,
      );
    }
    expect(reply).toMatchObject({ ok: true, message: 'Recorded. 5 in 30 days: repeat caller' });
  });

  it('should refuse, with a reason, when no moderator is set', async () => {
    await storage.removeItem('local:moderator');
    const reply = await handleMessage(
      { type: 'contact:record', comment: capture() },
      testDeps().deps,
    );
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(/staff number/);
    expect(await storedContacts()).toHaveLength(0);
  });

  it('should refuse a capture with no handle or profile link', async () => {
    const reply = await handleMessage(
      { type: 'contact:record', comment: capture({ author: { displayName: 'Joe' } }) },
      testDeps().deps,
    );
    expect(reply).toMatchObject({ ok: false });
  });

  it('should land all 200 of 200 concurrent records (4 tabs × 50)', async () => {
    const { deps } = testDeps();
    const replies = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        handleMessage(
          {
            type: 'contact:record',
            comment: capture({
              key: `tab${i % 4}-comment${i}`,
              author: { handle: `user${i % 37}` },
            }),
          },
          deps,
        ),
      ),
    );
    expect(replies.every((r) => r.ok)).toBe(true);
    const stored = await storedContacts();
    expect(stored).toHaveLength(200);
    expect(new Set(stored.map((c) => c.commentKey)).size).toBe(200);
    expect(new Set(stored.map((c) => c.id)).size).toBe(200);
  });
});

describe('handleMessage: block workflow', () => {
  it('should start a draft prefilled from the page, with a SHA-256 evidence snapshot', async () => {
    const { deps } = testDeps();
    const reply = await handleMessage({ type: 'block:start-draft', comment: capture() }, deps);
    expect(reply.ok).toBe(true);
    const { drafts } = await draftsItem.item.getValue();
    expect(drafts).toHaveLength(1);
    const d = drafts[0]!;
    expect(reply.ok && reply.draftId).toBe(d.id);
    expect(d).toMatchObject({
      source: 'page',
      platform: 'x',
      accountId: 'main-x',
      handle: 'jbloggs',
      displayName: 'Joe Bloggs',
      contentUrl: 'https://x.com/jbloggs/status/1',
      contentExcerpt: capture().text,
      criteria: ['offensive-language'],
    });
    expect(d.evidence[0]!.sha256).toBe(await sha256Hex(capture().text));
    const again = await handleMessage({ type: 'block:start-draft', comment: capture() }, deps);
    expect(again.ok && again.draftId).toBe(d.id);
    expect((await draftsItem.item.getValue()).drafts).toHaveLength(1);
  });

  it('should save, replace and discard drafts', async () => {
    const { deps } = testDeps();
    const d = emptyDraft('00000000-0000-4000-8000-0000000000aa', new Date(), 'x', 'main-x');
    expect(await handleMessage({ type: 'block:save-draft', draft: d }, deps)).toMatchObject({
      ok: true,
    });
    await handleMessage({ type: 'block:save-draft', draft: { ...d, handle: 'jb' } }, deps);
    const { drafts } = await draftsItem.item.getValue();
    expect(drafts.map((x) => x.handle)).toEqual(['jb']);
    await handleMessage({ type: 'block:discard-draft', id: d.id }, deps);
    expect((await draftsItem.item.getValue()).drafts).toEqual([]);
  });

  it('should refuse to confirm an incomplete draft, naming what is missing', async () => {
    const d = { ...(await completeDraft('00000000-0000-4000-8000-0000000000bb')), engagements: [] };
    const reply = await handleMessage({ type: 'block:confirm', draft: d }, testDeps().deps);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(/engage/);
    expect((await storedBlockLog()).records).toHaveLength(0);
  });

  it('should append a confirmed entry with the moderator, drop the draft, and take amendments', async () => {
    const { deps } = testDeps();
    const d = await completeDraft('00000000-0000-4000-8000-0000000000cc');
    await handleMessage({ type: 'block:save-draft', draft: d }, deps);
    const reply = await handleMessage({ type: 'block:confirm', draft: d }, deps);
    expect(reply.ok).toBe(true);
    const entryId = reply.ok ? reply.entryId! : '';
    const log = await storedBlockLog();
    expect(log.records).toHaveLength(1);
    expect(log.records[0]!.record).toMatchObject({ id: entryId, moderator, platform: 'x' });
    expect((await draftsItem.item.getValue()).drafts).toEqual([]);

    const outcome = await handleMessage(blockedOnX(entryId), deps);
    expect(outcome.ok).toBe(true);
    await handleMessage(
      {
        type: 'block:amend',
        requestId: uuid(),
        entryId,
        amendment: { kind: 'note', why: 'Told DMT.' },
      },
      deps,
    );
    const after = await storedBlockLog();
    expect(await verifyChain(after)).toEqual({ ok: true, count: 3 });
    const [view] = currentView(after);
    expect(view!.status).toBe('blocked');
    expect(view!.notes.map((n) => n.text)).toEqual(['Told DMT.']);
  });

  it('should refuse an amendment to an entry that is not in the log', async () => {
    const reply = await handleMessage(
      {
        type: 'block:amend',
        requestId: uuid(),
        entryId: '00000000-0000-4000-8000-0000000000dd',
        amendment: { kind: 'note', why: 'x' },
      },
      testDeps().deps,
    );
    expect(reply).toMatchObject({ ok: false });
  });
});

describe('handleMessage: repeat callers', () => {
  it('should add a manual contact and record advice', async () => {
    const { deps } = testDeps();
    for (let i = 1; i <= 5; i++) {
      const r = await handleMessage(
        {
          type: 'contact:add-manual',
          requestId: uuid(),
          platform: 'facebook',
          user: 'https://www.facebook.com/jane.doe.5',
          accountId: 'main-facebook',
          at: `2026-11-1${i}T10:00:00.000Z`,
          reason: 'too-frequent',
          note: 'Messaged again',
        },
        deps,
      );
      expect(r.ok).toBe(true);
    }
    const lookup = await handleMessage(
      { type: 'status:lookup', query: 'https://facebook.com/jane.doe.5' },
      deps,
    );
    expect(lookup).toMatchObject({
      ok: true,
      status: { userKey: 'facebook:jane.doe.5', state: 'repeat-caller', countInWindow: 5 },
    });
    const advised = await handleMessage(
      {
        type: 'repeat:advise',
        requestId: uuid(),
        userKey: 'facebook:jane.doe.5',
        how: 'private-message',
        advice: 'Please call 101 for non-emergencies.',
      },
      deps,
    );
    expect(advised).toMatchObject({ ok: true, status: { state: 'advised' } });
    expect((await repeatEventsItem.item.getValue()).events).toHaveLength(1);
  });

  it('should refuse a manual contact on an account of another platform', async () => {
    const reply = await handleMessage(
      {
        type: 'contact:add-manual',
        requestId: uuid(),
        platform: 'x',
        user: '@jb',
        accountId: 'main-facebook',
        reason: 'inappropriate',
      },
      testDeps().deps,
    );
    expect(reply).toMatchObject({ ok: false });
  });
});

describe('handleMessage: failures are reported, never dropped', () => {
  it('should refuse a message of the wrong shape with a reason', async () => {
    const reply = await handleMessage({ type: 'contact:record' }, testDeps().deps);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(/comment/);
    expect(await handleMessage('hello', testDeps().deps)).toMatchObject({ ok: false });
  });

  it('should report a write that the records database rejects, and keep working afterwards', async () => {
    const { deps } = testDeps();
    const spy = vi.spyOn(recordsDb(), 'put').mockRejectedValueOnce(new Error('QuotaExceededError'));
    const failed = await handleMessage({ type: 'contact:record', comment: capture() }, deps);
    expect(failed.ok).toBe(false);
    expect(!failed.ok && failed.error).toMatch(/contact was not saved \(QuotaExceededError\)/);
    spy.mockRestore();
    const next = await handleMessage({ type: 'contact:record', comment: capture() }, deps);
    expect(next).toMatchObject({ ok: true, message: 'Recorded. 1 in 30 days' });
  });

  it('should set a corrupt stored contact aside, report it, and keep the rest working', async () => {
    const { deps } = testDeps();
    const corrupt = { schemaVersion: 1, contacts: [{ id: 'not-a-uuid', userKey: 'x:jb' }] };
    await storage.setItem('local:contacts', corrupt);
    const d = emptyDraft('00000000-0000-4000-8000-0000000000ee', new Date(), 'x', 'main-x');
    await handleMessage({ type: 'block:save-draft', draft: d }, deps);

    const reply = await handleMessage({ type: 'contact:record', comment: capture() }, deps);
    expect(reply.ok).toBe(true);
    expect(reply.warnings?.[0]).toMatch(
      /contacts: 1 record is not valid .*record 0, id not-a-uuid/,
    );
    const qKey = 'local:quarantine:contacts:2026-11-20T12:00:00.000Z' as const;
    expect(await storage.getItem(qKey)).toEqual(corrupt);
    expect(await storedContacts()).toHaveLength(1);
    expect(await problemsItem.getValue()).toEqual([
      expect.objectContaining({ key: 'local:contacts', quarantinedAs: qKey }),
    ]);
    // Other items were untouched.
    expect((await draftsItem.item.getValue()).drafts).toHaveLength(1);
    const snap = await loadSnapshot(new Date());
    expect(snap.problems).toHaveLength(1);
    expect(snap.accounts.accounts).toHaveLength(2);
  });
});

describe('seedOnInstall', () => {
  it('should seed the main accounts when none are stored, and write installedAt last', async () => {
    fakeBrowser.reset();
    await seedOnInstall(testDeps().deps);
    const { accounts } = await accountsItem.item.getValue();
    expect(accounts.map((a) => [a.label, a.enrolledInRepeatCallerScheme])).toEqual([
      ['Leicestershire Police', true],
      ['@leicspolice', true],
    ]);
    expect(accounts[0]!.pageUrl).toBe('https://www.facebook.com/leicspolice');
    expect(await installedAtItem.getValue()).toBe('2026-11-20T12:00:00.000Z');
  });

  it('should leave configured accounts alone', async () => {
    await accountsItem.item.setValue({
      schemaVersion: 1,
      accounts: [
        {
          id: 'local',
          platform: 'x',
          handle: 'CharnwoodPolice',
          label: '@CharnwoodPolice',
          enrolledInRepeatCallerScheme: false,
        },
      ],
    });
    await seedOnInstall(testDeps().deps);
    expect((await accountsItem.item.getValue()).accounts.map((a) => a.id)).toEqual(['local']);
  });
});

describe('background entrypoint', () => {
  it('should answer runtime messages and seed on install', async () => {
    fakeBrowser.reset();
    const background = (await import('../../entrypoints/background')).default;
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(async () => expect(await installedAtItem.getValue()).not.toBeNull());
    expect((await accountsItem.item.getValue()).accounts).toHaveLength(2);
    const reply = await browser.runtime.sendMessage({
      type: 'status:lookup',
      query: '@nobody',
      platform: 'x',
    });
    expect(reply).toMatchObject({ ok: true, status: { state: 'none', countInWindow: 0 } });
  });
});

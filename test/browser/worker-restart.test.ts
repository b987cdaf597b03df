import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  sendFrom,
  openSignedInPopup,
  startHarness,
  stopWorker,
  workerIsFresh,
  storedContacts,
  type ExtensionGlobals,
  type Harness,
} from './helpers';
import { blockedOnX, completeDraft } from '../records/fixtures';

// Once is once across a stopped service worker: MV3 stops the background whenever it is idle, so
// a moderator's retry (or a second press) may reach a fresh worker that remembers nothing in
// memory. The record's id is the one the form chose, so the fresh worker still writes it once.

let harness: Harness;
let popup: Page;

function send(message: unknown) {
  return sendFrom(popup, message);
}

/** The ids of every stored contact. */
async function storedContactIds(): Promise<string[]> {
  return (await storedContacts(popup)).map((c) => c.id);
}

beforeAll(async () => {
  harness = await startHarness();
  popup = await openSignedInPopup(harness);
});
afterAll(async () => {
  await harness?.close();
});

describe('the installation id', () => {
  it('should be made by the background at start-up, and kept by a fresh worker', async () => {
    const read = async () =>
      (
        (await popup.evaluate(() =>
          (globalThis as unknown as ExtensionGlobals).chrome.storage.local.get('installationId'),
        )) as { installationId?: string }
      ).installationId;
    // No export or report has asked for it yet: only the background's start can have made it.
    const made = await read();
    expect(made).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await stopWorker(harness, popup);
    expect(await send({ type: 'block:verify' })).toMatchObject({ ok: true });
    expect(await workerIsFresh(harness)).toBe(true);
    expect(await read()).toBe(made);
  });
});

describe('a service worker stopped between two writes', () => {
  it('should record a contact sent again after the stop once, and keep it', async () => {
    const { accounts } = (await popup.evaluate(() =>
      (globalThis as unknown as ExtensionGlobals).chrome.storage.local.get('accounts'),
    )) as { accounts: { accounts: { id: string; platform: string }[] } };
    const account = accounts.accounts.find((a) => a.platform === 'x');
    expect(account, 'a seeded X account').toBeDefined();
    const request = {
      type: 'contact:add-manual',
      requestId: crypto.randomUUID(),
      platform: 'x',
      user: '@restart_tester',
      accountId: account!.id,
      reason: 'inappropriate',
    };
    const first = await send(request);
    expect(first).toMatchObject({ ok: true, message: expect.stringMatching(/^Recorded\./) });
    expect(await storedContactIds()).toEqual([request.requestId]);

    await stopWorker(harness, popup);
    // The message wakes a fresh worker, which finds the contact in storage, not in memory.
    const again = await send(request);
    expect(again).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^Already recorded \(not counted twice\)\. 1 in /),
    });
    expect(await workerIsFresh(harness)).toBe(true);
    expect(await storedContactIds()).toEqual([request.requestId]);

    // A different request after another stop is a new contact: nothing was lost either.
    await stopWorker(harness, popup);
    const next = await send({ ...request, requestId: crypto.randomUUID() });
    expect(next).toMatchObject({ ok: true, message: expect.stringMatching(/^Recorded\. 2 in /) });
    expect(await workerIsFresh(harness)).toBe(true);
    expect(await storedContactIds()).toHaveLength(2);
  });
});

describe('the block log across a stopped service worker', () => {
  it('should log a block and an amendment once each, and keep them, in the records database', async () => {
    const id = crypto.randomUUID();
    const draft = await completeDraft(id, 'restart_blocked');
    const listed = async () => {
      const reply = (await send({ type: 'block:list' })) as {
        index?: { rows: { id: string; status: string }[] };
      };
      return reply.index?.rows ?? [];
    };
    expect(await send({ type: 'block:confirm', draft })).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^Logged in the block log/),
    });
    await stopWorker(harness, popup);
    // The fresh worker reads the log from IndexedDB: the same draft is not logged twice.
    expect(await send({ type: 'block:confirm', draft })).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^Already logged in the block log/),
    });
    expect(await workerIsFresh(harness)).toBe(true);
    expect((await listed()).filter((r) => r.id === id)).toHaveLength(1);

    const amend = blockedOnX(id);
    expect(await send(amend)).toMatchObject({ ok: true });
    await stopWorker(harness, popup);
    expect(await send(amend)).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^Already added/),
    });
    expect(await workerIsFresh(harness)).toBe(true);
    expect((await listed()).find((r) => r.id === id)?.status).toBe('blocked');
    expect(await send({ type: 'block:verify' })).toMatchObject({
      ok: true,
      verification: { ok: true, text: expect.stringMatching(/^Chain verified: all 2 records/) },
    });
  });
});

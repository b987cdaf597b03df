import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '../../lib/messages/handler';
import { accountsItem, DEFAULT_ACCOUNTS, readChecked } from '../../lib/storage/records';
import { capture, seedBasics, testDeps } from './helpers';

beforeEach(async () => {
  fakeBrowser.reset();
  await seedBasics();
});

async function stored() {
  return (await readChecked(accountsItem, { quarantine: false, now: new Date() })).value.accounts;
}

const newAccount = {
  platform: 'x' as const,
  address: 'https://x.com/NWLeicsPolice',
  label: 'North West Leicestershire',
  enrolledInRepeatCallerScheme: false,
};

describe('accounts:save and accounts:remove', () => {
  it('should add, edit and remove an account, normalising what was typed', async () => {
    const { deps } = testDeps();
    const added = await handleMessage({ type: 'accounts:save', account: newAccount }, deps);
    expect(added).toEqual({ ok: true, message: 'Added: North West Leicestershire.' });
    const after = await stored();
    expect(after).toHaveLength(3);
    const mine = after[2]!;
    expect(mine).toEqual({
      id: expect.stringMatching(/^local-/),
      platform: 'x',
      handle: 'nwleicspolice',
      label: 'North West Leicestershire',
      enrolledInRepeatCallerScheme: false,
    });

    const edited = await handleMessage(
      {
        type: 'accounts:save',
        account: {
          ...newAccount,
          id: mine.id,
          address: '@NWLeics',
          label: 'NW Leics',
          enrolledInRepeatCallerScheme: true,
        },
      },
      deps,
    );
    expect(edited).toEqual({ ok: true, message: 'Saved: NW Leics.' });
    expect((await stored())[2]).toEqual({
      id: mine.id,
      platform: 'x',
      handle: 'nwleics',
      label: 'NW Leics',
      enrolledInRepeatCallerScheme: true,
    });

    const removed = await handleMessage({ type: 'accounts:remove', id: mine.id }, deps);
    expect(removed).toEqual({ ok: true, message: 'Removed NW Leics.' });
    expect(await stored()).toEqual(DEFAULT_ACCOUNTS);
  });

  it('should refuse an invalid handle with a message and save nothing', async () => {
    const { deps } = testDeps();
    const reply = await handleMessage(
      { type: 'accounts:save', account: { ...newAccount, address: '@NW Leics!' } },
      deps,
    );
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(/^Not saved\. “@NW Leics!” is not an X handle/);
    expect(await stored()).toEqual(DEFAULT_ACCOUNTS);
  });

  it('should refuse a second copy of an account that is already listed', async () => {
    const { deps } = testDeps();
    const reply = await handleMessage(
      { type: 'accounts:save', account: { ...newAccount, address: 'twitter.com/LeicsPolice' } },
      deps,
    );
    expect(reply).toEqual({
      ok: false,
      error: 'Not saved. This account is already listed, as “@leicspolice”.',
    });
    expect(await stored()).toEqual(DEFAULT_ACCOUNTS);
  });

  it('should not move an account to another platform, or edit one that has gone', async () => {
    const { deps } = testDeps();
    const moved = await handleMessage(
      {
        type: 'accounts:save',
        account: { ...newAccount, id: 'main-x', platform: 'facebook', address: 'leicspolice2' },
      },
      deps,
    );
    expect(moved.ok).toBe(false);
    if (!moved.ok) expect(moved.error).toMatch(/platform cannot change/);
    const gone = await handleMessage(
      { type: 'accounts:save', account: { ...newAccount, id: 'local-gone' } },
      deps,
    );
    expect(gone).toEqual({
      ok: false,
      error: 'That account is no longer stored; nothing was saved.',
    });
    expect(await stored()).toEqual(DEFAULT_ACCOUNTS);
  });

  it('should keep at least one account', async () => {
    const { deps } = testDeps();
    expect(await handleMessage({ type: 'accounts:remove', id: 'main-facebook' }, deps)).toEqual({
      ok: true,
      message: 'Removed Leicestershire Police.',
    });
    const last = await handleMessage({ type: 'accounts:remove', id: 'main-x' }, deps);
    expect(last.ok).toBe(false);
    if (!last.ok) expect(last.error).toMatch(/Keep at least one force account/);
    expect((await stored()).map((a) => a.id)).toEqual(['main-x']);
  });

  it('should keep the contacts of a removed account, counted as not enrolled', async () => {
    const { deps } = testDeps();
    for (let i = 1; i <= 5; i++) {
      await handleMessage(
        {
          type: 'contact:record',
          comment: capture({ key: `k${i}`, seenAt: `2026-11-1${i}T10:00:00.000Z` }),
        },
        deps,
      );
    }
    const lookup = { type: 'status:lookup', query: '@jbloggs', platform: 'x' } as const;
    const before = await handleMessage(lookup, deps);
    expect(before.ok && before.status?.state).toBe('repeat-caller');

    const removed = await handleMessage({ type: 'accounts:remove', id: 'main-x' }, deps);
    expect(removed).toEqual({
      ok: true,
      message:
        'Removed @leicspolice. Its 5 recorded contacts stay in the records and now count as not enrolled.',
    });
    const after = await handleMessage(lookup, deps);
    expect(after.ok && after.status).toMatchObject({ countInWindow: 0, notCounted: 5 });
  });

  it('should refuse a request of the wrong shape', async () => {
    const { deps } = testDeps();
    const reply = await handleMessage(
      { type: 'accounts:save', account: { ...newAccount, platform: 'instagram' } },
      deps,
    );
    expect(reply.ok).toBe(false);
    expect(await stored()).toEqual(DEFAULT_ACCOUNTS);
  });
});

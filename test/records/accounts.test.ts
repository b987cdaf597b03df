import { describe, expect, it } from 'vitest';
import {
  accountAddress,
  checkAccount,
  inputOf,
  normaliseAccountAddress,
  type AccountInput,
} from '../../lib/records/accounts';
import { DEFAULT_ACCOUNTS } from '../../lib/storage/records';

const x = (address: string): AccountInput => ({
  platform: 'x',
  address,
  label: 'Test account',
  enrolledInRepeatCallerScheme: false,
});
const fb = (address: string): AccountInput => ({ ...x(address), platform: 'facebook' });

describe('normaliseAccountAddress', () => {
  it.each([
    ['@LeicsPolice', 'leicspolice'],
    ['LeicsPolice', 'leicspolice'],
    ['x.com/LeicsPolice', 'leicspolice'],
    ['https://twitter.com/LeicsPolice/status/12?s=20', 'leicspolice'],
    ['  @NWLeics_Police  ', 'nwleics_police'],
  ])('should read the X handle %s as %s', (typed, handle) => {
    expect(normaliseAccountAddress('x', typed)).toEqual({ ok: true, where: { handle } });
  });

  it.each([
    ['facebook.com/LeicsPolice', 'https://www.facebook.com/leicspolice'],
    ['https://m.facebook.com/leicspolice/?ref=bookmarks', 'https://www.facebook.com/leicspolice'],
    ['leics.police', 'https://www.facebook.com/leics.police'],
    ['https://www.facebook.com/profile.php?id=1000123', 'https://www.facebook.com/1000123'],
  ])('should read the Facebook page %s as %s', (typed, pageUrl) => {
    expect(normaliseAccountAddress('facebook', typed)).toEqual({ ok: true, where: { pageUrl } });
  });

  it.each([
    ['', /Enter the account’s X handle/],
    ['@Leics Police!', /is not an X handle/],
    ['x.com/search', /is not an X handle/],
    ['facebook.com/leicspolice', /That is a Facebook address/],
    ['@LeicestershirePolice', /at most 15 characters/],
  ])('should refuse %j as an X account', (typed, message) => {
    const r = normaliseAccountAddress('x', typed);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it.each([
    ['', /Enter the Facebook page’s address/],
    ['x.com/LeicsPolice', /That is an X address/],
    ['facebook.com/groups/123', /is not a Facebook page address/],
    ['leics police', /is not a Facebook page address/],
  ])('should refuse %j as a Facebook page', (typed, message) => {
    const r = normaliseAccountAddress('facebook', typed);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});

describe('checkAccount', () => {
  it('should give a normalised account with a tidied label', () => {
    expect(checkAccount({ ...x('x.com/NWLeicsPolice'), label: '  NW   Leics ' }, [])).toEqual({
      ok: true,
      account: {
        platform: 'x',
        handle: 'nwleicspolice',
        label: 'NW Leics',
        enrolledInRepeatCallerScheme: false,
      },
    });
  });

  it('should report every field with a problem', () => {
    expect(checkAccount({ ...x('not a handle'), label: ' ' }, [])).toEqual({
      ok: false,
      errors: {
        address: expect.stringMatching(/is not an X handle/),
        label: expect.stringMatching(/Enter a name/),
      },
    });
  });

  it('should refuse a second account at the same address, however it is written', () => {
    const r = checkAccount(fb('https://facebook.com/LeicsPolice/'), DEFAULT_ACCOUNTS);
    expect(r).toEqual({
      ok: false,
      errors: { address: 'This account is already listed, as “Leicestershire Police”.' },
    });
    expect(checkAccount(x('@LEICSPOLICE'), DEFAULT_ACCOUNTS).ok).toBe(false);
  });

  it('should let an account be saved again at its own address', () => {
    const main = DEFAULT_ACCOUNTS.find((a) => a.id === 'main-x')!;
    expect(checkAccount({ ...inputOf(main), label: 'Leics Police' }, DEFAULT_ACCOUNTS).ok).toBe(
      true,
    );
  });

  it('should show each account where a moderator would find it', () => {
    expect(DEFAULT_ACCOUNTS.map(accountAddress)).toEqual([
      'https://www.facebook.com/leicspolice',
      '@leicspolice',
    ]);
  });
});

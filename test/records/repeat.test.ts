import { describe, expect, it, test } from 'vitest';
import {
  addContact,
  appendAmendment,
  appendEntry,
  buildContactIndex,
  buildRepeatData,
  currentView,
  DEFAULT_REPEAT_SETTINGS,
  emptyBlockLog,
  formatLondon,
  guidanceFor,
  nearThreshold,
  newContact,
  repeatCallerList,
  userStatus,
  type Contact,
  type RepeatCallerEvent,
} from '../../lib/records';
import {
  accounts,
  advised,
  amendment,
  contact,
  daily,
  entry,
  jb,
  linked,
  localX,
  mainX,
  moderator,
  uuid,
} from './fixtures';

const NOW = new Date('2026-11-25T12:00:00.000Z');
const JB = 'x:jbloggs';

function status(contacts: Contact[], events: RepeatCallerEvent[] = [], now = NOW) {
  return userStatus(JB, buildRepeatData({ contacts, accounts, events }), now);
}

describe('the repeat-caller rule (Annex 1: five or more in one month)', () => {
  test.each([
    ['4 contacts in 4 days', daily('2026-11-20T10:00:00.000Z', 4), 'recorded', 4],
    ['5 contacts in 5 days', daily('2026-11-20T10:00:00.000Z', 5), 'repeat-caller', 5],
    ['6 contacts in 6 days', daily('2026-11-19T10:00:00.000Z', 6), 'repeat-caller', 6],
    // 5 contacts across 31 days: first and last are more than 30 × 24 h apart.
    [
      '5 contacts spread over 31 days',
      [
        '2026-10-01T10:00:00.000Z',
        '2026-10-08T10:00:00.000Z',
        '2026-10-15T10:00:00.000Z',
        '2026-10-22T10:00:00.000Z',
        '2026-11-01T10:00:00.000Z',
      ].map((at) => contact(at)),
      'recorded',
      1,
    ],
    ['no contacts', [], 'none', 0],
  ])('%s → %s', (_name, contacts, state, count) => {
    const s = status(contacts);
    expect(s.state).toBe(state);
    expect(s.countInWindow).toBe(count);
    expect(s.windowDays).toBe(30);
  });

  it('should treat exactly 30 × 24 hours apart as outside one window, and a millisecond less as inside', () => {
    const t0 = Date.parse('2026-10-01T10:00:00.000Z');
    const W = 30 * 86_400_000;
    const at = (ms: number) => new Date(ms).toISOString();
    const inner = [1, 2, 3].map((d) => contact(at(t0 + d * 86_400_000)));
    expect(
      status([contact(at(t0)), ...inner, contact(at(t0 + W))], [], new Date(t0 + W)).state,
    ).toBe('recorded');
    expect(
      status([contact(at(t0)), ...inner, contact(at(t0 + W - 1))], [], new Date(t0 + W)).state,
    ).toBe('repeat-caller');
  });

  it('should record when the threshold was reached and the contacts that did it', () => {
    const cs = daily('2026-11-10T10:00:00.000Z', 7);
    const s = status(cs);
    expect(s.reachedAt).toBe(cs[4]!.at);
    expect(s.triggeringContacts.map((c) => c.id)).toEqual(cs.slice(0, 5).map((c) => c.id));
    expect(s.lastContactAt).toBe(cs[6]!.at);
  });

  it('should count the same comment recorded twice once', () => {
    const cs = daily('2026-11-20T10:00:00.000Z', 4, {}).map((c, i) => ({
      ...c,
      commentKey: `https://x.com/jbloggs/status/${i}`,
    }));
    const again = { ...cs[3]!, id: uuid(), at: '2026-11-24T11:00:00.000Z' };
    const s = status([...cs, again]);
    expect(s.countInWindow).toBe(4);
    expect(s.state).toBe('recorded');
  });

  it('should not count contacts on accounts outside the scheme, but should keep them', () => {
    const cs = [
      ...daily('2026-11-20T10:00:00.000Z', 4),
      contact('2026-11-24T12:00:00.000Z', { accountId: localX.id }),
    ];
    const s = status(cs);
    expect(s.countInWindow).toBe(4);
    expect(s.notCounted).toBe(1);
    expect(s.state).toBe('recorded');
    // An account nobody configured is not enrolled either.
    expect(
      status([
        ...daily('2026-11-20T10:00:00.000Z', 4),
        contact('2026-11-24T12:00:00.000Z', { accountId: 'gone' }),
      ]).state,
    ).toBe('recorded');
  });

  it('should count linked identities together, on either platform', () => {
    const fb = {
      platform: 'facebook' as const,
      profileUrl: 'https://www.facebook.com/profile.php?id=1000123',
    };
    const cs = [
      ...daily('2026-11-20T10:00:00.000Z', 3),
      ...daily('2026-11-23T10:00:00.000Z', 2, {
        user: fb,
        userKey: 'facebook:id:1000123',
        platform: 'facebook',
        accountId: 'main-fb',
      }),
    ];
    expect(status(cs).state).toBe('recorded');
    const s = status(cs, [linked(JB, 'facebook:id:1000123')]);
    expect(s.state).toBe('repeat-caller');
    expect(s.countInWindow).toBe(5);
    expect(s.linkedKeys).toEqual(['facebook:id:1000123', JB]);
    const viaFacebook = userStatus(
      'facebook:id:1000123',
      buildRepeatData({ contacts: cs, accounts, events: [linked(JB, 'facebook:id:1000123')] }),
      NOW,
    );
    expect(viaFacebook.state).toBe('repeat-caller');
  });

  it('should ignore contacts after the moment asked about', () => {
    const cs = daily('2026-11-20T10:00:00.000Z', 5);
    expect(status(cs, [], new Date('2026-11-23T12:00:00.000Z')).countInWindow).toBe(4);
  });
});

describe('repeat-caller states', () => {
  const cs = daily('2026-11-01T10:00:00.000Z', 5);
  const adviceAt = '2026-11-06T10:00:00.000Z';

  it('should move to advised when advice is recorded after reaching the list', () => {
    const s = status(cs, [advised(JB, adviceAt)]);
    expect(s.state).toBe('advised');
    expect(s.advisedAt).toBe(adviceAt);
  });

  it('should not treat advice given before reaching the list as the list advice', () => {
    expect(status(cs, [advised(JB, '2026-10-01T00:00:00.000Z')]).state).toBe('repeat-caller');
  });

  it('should recommend a block after advice plus one more counted contact', () => {
    const more = contact('2026-11-20T10:00:00.000Z');
    const s = status([...cs, more], [advised(JB, adviceAt)]);
    expect(s.state).toBe('block-recommended');
    expect(s.contactsSinceAdvice.map((c) => c.id)).toEqual([more.id]);
  });

  it('should not recommend a block for a contact after advice on an account outside the scheme', () => {
    const more = contact('2026-11-20T10:00:00.000Z', { accountId: localX.id });
    expect(status([...cs, more], [advised(JB, adviceAt)]).state).toBe('advised');
  });

  it('should show continued-after-advice when the force wants more than one contact before blocking', () => {
    const more = contact('2026-11-20T10:00:00.000Z');
    const data = buildRepeatData({
      contacts: [...cs, more],
      accounts,
      events: [advised(JB, adviceAt)],
    });
    const settings = { ...DEFAULT_REPEAT_SETTINGS, contactsAfterAdvice: 2 };
    expect(userStatus(JB, data, NOW, settings).state).toBe('continued-after-advice');
  });

  it('should measure from the latest advice, so fresh advice resets the count', () => {
    const more = contact('2026-11-20T10:00:00.000Z');
    const s = status(
      [...cs, more],
      [advised(JB, adviceAt), advised(JB, '2026-11-21T10:00:00.000Z')],
    );
    expect(s.state).toBe('advised');
  });

  it('should show blocked once a block entry for them reads blocked, and not after an unblock', async () => {
    const more = contact('2026-11-20T10:00:00.000Z');
    const e = entry({ user: { platform: 'x', profileUrl: 'https://twitter.com/JBloggs' } });
    let log = await appendEntry(emptyBlockLog(), e);
    const pending = buildRepeatData({
      contacts: [...cs, more],
      accounts,
      events: [advised(JB, adviceAt)],
      blocks: currentView(log),
    });
    expect(userStatus(JB, pending, NOW).state).toBe('block-recommended');
    log = await appendAmendment(
      log,
      amendment(e.id, {
        kind: 'outcome',
        data: { kind: 'blocked', at: '2026-11-21T09:00:00.000Z' },
      }),
    );
    const blocked = buildRepeatData({
      contacts: [...cs, more],
      accounts,
      events: [advised(JB, adviceAt)],
      blocks: currentView(log),
    });
    const s = userStatus(JB, blocked, NOW);
    expect(s.state).toBe('blocked');
    expect(s.blockedAt).toBe('2026-11-21T09:00:00.000Z');
    expect(s.blockEntryId).toBe(e.id);
    expect(userStatus(JB, blocked, new Date('2026-11-21T08:00:00.000Z')).state).toBe(
      'block-recommended',
    );
    log = await appendAmendment(
      log,
      amendment(e.id, { kind: 'unblock', at: '2026-11-24T00:00:00.000Z' }),
    );
    const unblocked = buildRepeatData({
      contacts: [...cs, more],
      accounts,
      events: [advised(JB, adviceAt)],
      blocks: currentView(log),
    });
    expect(userStatus(JB, unblocked, NOW).state).toBe('block-recommended');
  });

  it('should take someone off the list when removed, counting only what follows', () => {
    const removed: RepeatCallerEvent = {
      id: uuid(),
      at: '2026-11-07T00:00:00.000Z',
      by: moderator,
      kind: 'removed',
      userKey: JB,
      why: 'Mistaken recordings.',
    };
    const s = status(cs, [advised(JB, adviceAt), removed]);
    expect(s.state).toBe('none');
    expect(s.totalCounted).toBe(0);
    expect(s.advisedAt).toBeUndefined();
  });
});

describe('lists', () => {
  it('should list repeat callers most recent first and people one short separately', () => {
    const a = daily('2026-11-01T10:00:00.000Z', 5, {
      user: { platform: 'x', handle: 'a' },
      userKey: 'x:a',
    });
    const b = daily('2026-11-10T10:00:00.000Z', 5, {
      user: { platform: 'x', handle: 'b' },
      userKey: 'x:b',
    });
    const c = daily('2026-11-20T10:00:00.000Z', 4, {
      user: { platform: 'x', handle: 'c' },
      userKey: 'x:c',
    });
    const d = daily('2026-11-20T10:00:00.000Z', 3, {
      user: { platform: 'x', handle: 'd' },
      userKey: 'x:d',
    });
    const data = buildRepeatData({ contacts: [...a, ...b, ...c, ...d], accounts, events: [] });
    expect(repeatCallerList(data, NOW).map((s) => s.personId)).toEqual(['x:b', 'x:a']);
    expect(nearThreshold(data, NOW).map((s) => s.personId)).toEqual(['x:c']);
  });

  it('should list linked identities as one person', () => {
    const a = daily('2026-11-01T10:00:00.000Z', 3, {
      user: { platform: 'x', handle: 'a' },
      userKey: 'x:a',
    });
    const b = daily('2026-11-10T10:00:00.000Z', 2, {
      user: { platform: 'x', handle: 'b' },
      userKey: 'x:b',
    });
    const data = buildRepeatData({
      contacts: [...a, ...b],
      accounts,
      events: [linked('x:a', 'x:b')],
    });
    const list = repeatCallerList(data, NOW);
    expect(list.map((s) => [s.personId, s.countInWindow])).toEqual([['x:a', 5]]);
  });
});

describe('contact index', () => {
  it('should keep the earliest of two recordings of one comment whatever order they arrive in', () => {
    const early = contact('2026-11-01T10:00:00.000Z', { commentKey: 'c1' });
    const late = contact('2026-11-02T10:00:00.000Z', { commentKey: 'c1' });
    const index = buildContactIndex([late]);
    expect(addContact(index, early)).toBe('added');
    expect(index.byUser.get(JB)!.map((i) => i.contact.id)).toEqual([early.id]);
    expect(addContact(index, late)).toBe('duplicate');
    expect(addContact(index, early)).toBe('duplicate');
  });

  it('should look a user up in under 10 ms among 100,000 contacts from 20,000 users', () => {
    const t0 = Date.parse('2026-09-01T00:00:00.000Z');
    const contacts: Contact[] = [];
    for (let i = 0; i < 100_000; i++) {
      const u = i % 20_000;
      const key = `x:user${u}`;
      contacts.push({
        id: `11111111-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
        userKey: key,
        user: { platform: 'x', handle: `user${u}` },
        platform: 'x',
        accountId: i % 7 === 0 ? localX.id : mainX.id,
        at: new Date(t0 + ((i * 7919) % (90 * 86_400_000))).toISOString(),
        reason: 'inappropriate',
        commentKey: `c${i}`,
        recordedBy: moderator,
      });
    }
    const buildStart = performance.now();
    const data = buildRepeatData({ contacts, accounts, events: [] });
    const buildMs = performance.now() - buildStart;
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const key = `x:user${(i * 97) % 20_000}`;
      const start = performance.now();
      const s = userStatus(key, data, NOW);
      times.push(performance.now() - start);
      expect(s.totalCounted + s.notCounted).toBe(5);
    }
    times.sort((a, b) => a - b);
    expect(times[Math.floor(times.length * 0.95)]!).toBeLessThan(10);
    expect(buildMs).toBeLessThan(5_000);
    const extra = contact('2026-11-24T10:00:00.000Z', {
      user: { platform: 'x', handle: 'user1' },
      userKey: 'x:user1',
    });
    const addStart = performance.now();
    expect(addContact(data.index, extra)).toBe('added');
    expect(performance.now() - addStart).toBeLessThan(10);
    expect(
      userStatus('x:user1', data, NOW).totalCounted + userStatus('x:user1', data, NOW).notCounted,
    ).toBe(6);
  });
});

describe('guidanceFor', () => {
  it('should send moderators on other accounts to engage first and then to the main accounts', () => {
    const g = guidanceFor(localX, accounts);
    expect(g.enrolled).toBe(false);
    expect(g.summary).toBe(
      'Engage first, then direct the user to the main accounts (@LeicsPolice or Leicestershire Police).',
    );
  });

  it('should set out the list steps for enrolled accounts', () => {
    const g = guidanceFor(mainX, accounts);
    expect(g.enrolled).toBe(true);
    expect(g.steps.join(' ')).toMatch(/5 or more recorded contacts within 30 days/);
  });
});

describe('newContact', () => {
  it('should key the user and validate', () => {
    const c = newContact(
      { user: jb, accountId: mainX.id, reason: 'too-frequent' },
      moderator,
      NOW,
      uuid(),
    );
    expect(c.userKey).toBe(JB);
    expect(c.at).toBe(NOW.toISOString());
    expect(() =>
      newContact(
        {
          user: { platform: 'x', displayName: 'No handle' } as never,
          accountId: 'a',
          reason: 'inappropriate',
        },
        moderator,
        NOW,
      ),
    ).toThrow();
  });
});

describe('formatLondon', () => {
  test.each([
    ['2026-11-03T14:05:00.000Z', '3 Nov 2026, 14:05'],
    ['2026-07-03T14:05:00.000Z', '3 Jul 2026, 15:05'],
    ['2026-09-03T14:05:00.000Z', '3 Sep 2026, 15:05'],
    // Spring forward, 29 Mar 2026 01:00 UTC: 00:59 GMT then 02:00 BST.
    ['2026-03-29T00:59:00.000Z', '29 Mar 2026, 00:59'],
    ['2026-03-29T01:00:00.000Z', '29 Mar 2026, 02:00'],
    // Fall back, 25 Oct 2026 01:00 UTC: 01:30 happens twice.
    ['2026-10-25T00:30:00.000Z', '25 Oct 2026, 01:30'],
    ['2026-10-25T01:30:00.000Z', '25 Oct 2026, 01:30'],
    ['2026-12-31T23:59:00.000Z', '31 Dec 2026, 23:59'],
  ])('should show %s as %s', (iso, expected) => {
    expect(formatLondon(iso)).toBe(expected);
  });
});

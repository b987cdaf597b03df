import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RecordsCache } from '../../lib/messages/cache';
import { handleMessage, type HandlerDeps } from '../../lib/messages/handler';
import { accountsItem } from '../../lib/storage/records';
import { DEFAULT_SETTINGS, settingsItem } from '../../lib/storage/settings';
import { contactStore } from '../../lib/storage/contactsDb';
import { contactGroup } from '../../lib/storage/contactsDocs';
import { recordsDb } from '../../lib/storage/recordsDb';
import { capture, clearContacts, seedBasics, storedContacts, testDeps } from './helpers';

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  await seedBasics();
});

async function record(deps: HandlerDeps, n: number, handle = 'jbloggs'): Promise<void> {
  for (let i = 1; i <= n; i++) {
    const reply = await handleMessage(
      {
        type: 'contact:record',
        comment: capture({
          key: `${handle}-${i}`,
          seenAt: `2026-11-1${i}T10:00:00.000Z`,
          author: { handle },
        }),
      },
      deps,
    );
    expect(reply.ok).toBe(true);
  }
}

function batch(
  deps: HandlerDeps,
  userKeys: string[],
  pageUrl = 'https://x.com/leicspolice/status/99',
) {
  return handleMessage({ type: 'status:batch', userKeys, platform: 'x', pageUrl }, deps);
}

describe.each([
  { name: 'without the cache', cache: false },
  { name: 'with the background cache', cache: true },
])('status:batch $name', ({ cache }) => {
  let deps: HandlerDeps;
  beforeEach(() => {
    deps = { ...testDeps().deps, ...(cache ? { cache: new RecordsCache() } : {}) };
  });

  it('should answer for every known author in one reply and leave out the unknown ones', async () => {
    await record(deps, 5, 'jbloggs');
    await record(deps, 2, 'other');
    const reply = await batch(deps, ['x:jbloggs', 'x:other', 'x:nobody']);
    expect(reply.ok && reply.batch).toBeTruthy();
    const b = reply.ok ? reply.batch! : null;
    expect(Object.keys(b!.statuses).sort()).toEqual(['x:jbloggs', 'x:other']);
    expect(b!.statuses['x:jbloggs']).toMatchObject({
      countInWindow: 5,
      windowDays: 30,
      state: 'repeat-caller',
      stateText: 'repeat caller',
    });
    expect(b!.statuses['x:other']).toMatchObject({ countInWindow: 2, state: 'recorded' });
    expect(b!.guidance).toMatchObject({ enrolled: true, accountLabel: '@leicspolice' });
  });

  it('should say "advised 3 Nov"-style dates and use the window from the settings', async () => {
    await record(deps, 5);
    await handleMessage(
      {
        type: 'repeat:advise',
        requestId: crypto.randomUUID(),
        userKey: 'x:jbloggs',
        how: 'private-message',
        advice: 'Please use 101.',
        at: '2026-11-16T10:00:00.000Z',
      },
      deps,
    );
    let reply = await batch(deps, ['x:jbloggs']);
    expect(reply.ok && reply.batch!.statuses['x:jbloggs']!.stateText).toBe('advised 16 Nov');
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, repeatWindowDays: 7 });
    reply = await batch(deps, ['x:jbloggs']);
    // Now 2026-11-20T12:00Z: the 7-day window holds the contacts of 14 and 15 Nov only.
    expect(reply.ok && reply.batch!.statuses['x:jbloggs']).toMatchObject({
      countInWindow: 2,
      windowDays: 7,
    });
    expect(reply.ok && reply.batch!.windowDays).toBe(7);
  });

  it('should give "engage first" guidance on an account outside the scheme', async () => {
    await accountsItem.item.setValue({
      schemaVersion: 1,
      accounts: [
        {
          id: 'main-x',
          platform: 'x',
          handle: 'leicspolice',
          label: '@leicspolice',
          enrolledInRepeatCallerScheme: true,
        },
        {
          id: 'local',
          platform: 'x',
          handle: 'nwleicspolice',
          label: '@NWLeicsPolice',
          enrolledInRepeatCallerScheme: false,
        },
      ],
    });
    const reply = await batch(deps, [], 'https://x.com/nwleicspolice/status/5');
    const g = reply.ok ? reply.batch!.guidance! : null;
    expect(g!.enrolled).toBe(false);
    expect(g!.accountLabel).toBe('@NWLeicsPolice');
    expect(g!.summary).toContain('Engage first, then direct the user to the main accounts');
    expect(g!.summary).toContain('@leicspolice');
  });
});

describe('the background cache', () => {
  it('should notice contacts written by someone else (storage.watch) and not serve its old copy', async () => {
    const deps = { ...testDeps().deps, cache: new RecordsCache() };
    await record(deps, 3);
    expect((await batch(deps, ['x:jbloggs'])).ok).toBe(true);
    // The options page clears the contacts: the next answer must not come from the cache.
    await clearContacts();
    await vi.waitFor(async () => {
      const reply = await batch(deps, ['x:jbloggs']);
      expect(reply.ok && reply.batch!.statuses).toEqual({});
    });
  });

  it('should keep its copy across its own writes, so recording does not re-read the store', async () => {
    const cache = new RecordsCache();
    const deps = { ...testDeps().deps, cache };
    await record(deps, 2);
    // Every contact read, as the background does soon after it starts.
    await contactStore.index(new Date());
    await new Promise((r) => setTimeout(r, 10));
    const spy = vi.spyOn(recordsDb(), 'allDocs');
    await record(deps, 1, 'third');
    await new Promise((r) => setTimeout(r, 10));
    const reply = await batch(deps, ['x:jbloggs', 'x:third']);
    const contactReads = spy.mock.calls.filter(([o]) =>
      String((o as { startkey?: string } | undefined)?.startkey).startsWith('contact:'),
    );
    expect(contactReads).toEqual([]);
    expect(reply.ok && Object.keys(reply.batch!.statuses).sort()).toEqual(['x:jbloggs', 'x:third']);
    expect(await storedContacts()).toHaveLength(3);
  });
});

describe('status questions to a background that has just started', () => {
  it('should answer from the asked-about people’s contacts, linked ones included, before reading every contact', async () => {
    const deps = { ...testDeps().deps, cache: new RecordsCache() };
    await record(deps, 3, 'jbloggs');
    await record(deps, 2, 'alt');
    await record(deps, 4, 'other');
    const link = await handleMessage(
      {
        type: 'repeat:link',
        requestId: '00000000-0000-4000-8000-00000000abcd',
        userKey: 'x:jbloggs',
        otherUserKey: 'x:alt',
        why: 'Same person, says so in bio.',
      },
      deps,
    );
    expect(link.ok).toBe(true);
    const warm = await batch(deps, ['x:jbloggs', 'x:other', 'x:nobody']);

    // A stopped worker: nothing read yet.
    contactStore.forget();
    const cold = { ...testDeps().deps, cache: new RecordsCache() };
    const ranges: string[] = [];
    const db = recordsDb();
    const allDocs = db.allDocs.bind(db);
    vi.spyOn(db, 'allDocs').mockImplementation(((opts: { startkey?: string }) => {
      if (opts?.startkey?.startsWith('contact:')) ranges.push(opts.startkey);
      return allDocs(opts as never);
    }) as typeof db.allDocs);
    const first = await batch(cold, ['x:jbloggs', 'x:other', 'x:nobody']);
    expect(first).toEqual(warm);
    expect(first.ok && first.batch!.statuses['x:jbloggs']).toMatchObject({ countInWindow: 5 });
    // The reply came from the people's own key ranges; the full read was only begun.
    const groups = ['x:jbloggs', 'x:alt', 'x:other', 'x:nobody'].map(
      (k) => `contact:${contactGroup(k)}:`,
    );
    expect(ranges.slice(0, 4).sort()).toEqual([...new Set(groups)].sort());
    await contactStore.index(new Date());
    expect(contactStore.ready()).toBe(true);
    expect(await batch(cold, ['x:jbloggs', 'x:other', 'x:nobody'])).toEqual(warm);
  });
});

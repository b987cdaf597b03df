import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { handleMessage } from '../../lib/messages/handler';
import {
  MANY_REMOVALS_THRESHOLD,
  RemovalsStoreSchema,
  postKeyOf,
  removalsItem,
} from '../../lib/storage/removals';
import { capture, seedBasics, testDeps } from './helpers';

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  await seedBasics();
});

const PAGE = 'https://x.com/leicspolice/status/99';
const KEY = 'https://x.com/i/status/99';

describe('postKeyOf', () => {
  it.each([
    ['https://x.com/leicspolice/status/99', KEY],
    ['https://twitter.com/LeicsPolice/status/99/photo/1?s=20&t=abc#top', KEY],
    ['https://mobile.x.com/i/web/status/99/', KEY],
    ['https://x.com/home?src=x', 'https://x.com/home'],
    [
      'https://m.facebook.com/permalink.php?story_fbid=9&id=4&comment_id=7&__cft__[0]=x',
      'https://www.facebook.com/permalink.php?id=4&story_fbid=9',
    ],
    [
      'https://www.facebook.com/leicspolice/posts/pfbid0abc/?comment_id=12&notif_id=3',
      'https://www.facebook.com/leicspolice/posts/pfbid0abc',
    ],
  ])('should key %s as %s', (url, key) => {
    expect(postKeyOf(url)).toBe(key);
  });

  it('should keep different posts apart', () => {
    expect(postKeyOf('https://x.com/a/status/1')).not.toBe(postKeyOf('https://x.com/a/status/2'));
    expect(postKeyOf('https://www.facebook.com/photo.php?fbid=1')).not.toBe(
      postKeyOf('https://www.facebook.com/photo.php?fbid=2'),
    );
  });
});

describe('handleMessage: removals', () => {
  it('should store one small record per post and comment and answer with the count', async () => {
    const { deps } = testDeps();
    const reply = await handleMessage(
      { type: 'removal:record', comment: capture({ pageUrl: `${PAGE}?s=20` }) },
      deps,
    );
    expect(reply).toMatchObject({
      ok: true,
      removals: { postKey: KEY, count: 1, threshold: MANY_REMOVALS_THRESHOLD, dismissed: false },
    });
    expect(reply.ok && reply.message).toMatch(/^Marked as removed \/ hidden \(1 removal marked/);
    const stored = await removalsItem.item.getValue();
    expect(RemovalsStoreSchema.parse(stored)).toEqual({
      schemaVersion: 1,
      removals: [
        {
          platform: 'x',
          postKey: KEY,
          commentKey: 'x:status:1',
          at: '2026-11-20T12:00:00.000Z',
          criteria: ['offensive-language'],
        },
      ],
      dismissed: [],
    });
    // Nothing about the author or the text is kept.
    expect(JSON.stringify(stored)).not.toContain('jbloggs');
    expect(JSON.stringify(stored)).not.toContain('useless');
  });

  it('should count a comment once however often it is marked', async () => {
    const { deps } = testDeps();
    await handleMessage({ type: 'removal:record', comment: capture() }, deps);
    const again = await handleMessage(
      { type: 'removal:record', comment: capture({ pageUrl: `${PAGE}#x` }) },
      deps,
    );
    expect(again).toMatchObject({ ok: true, removals: { count: 1 } });
    expect(again.ok && again.message).toMatch(/^Already marked/);
    expect((await removalsItem.item.getValue()).removals).toHaveLength(1);
  });

  it('should keep every removal when many arrive at once, and count per post', async () => {
    const { deps } = testDeps();
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        handleMessage(
          {
            type: 'removal:record',
            comment: capture({
              key: `c${i}`,
              pageUrl: i < 7 ? PAGE : 'https://x.com/leicspolice/status/100',
            }),
          },
          deps,
        ),
      ),
    );
    expect(replies.every((r) => r.ok)).toBe(true);
    expect((await removalsItem.item.getValue()).removals).toHaveLength(12);
    expect(await handleMessage({ type: 'removal:status', pageUrl: PAGE }, deps)).toEqual({
      ok: true,
      removals: { postKey: KEY, count: 7, threshold: 5, dismissed: false },
    });
    expect(
      await handleMessage(
        { type: 'removal:status', pageUrl: 'https://x.com/leicspolice/status/100' },
        deps,
      ),
    ).toMatchObject({ removals: { count: 5 } });
  });

  it('should remember a dismissal for that post only', async () => {
    const { deps } = testDeps();
    const reply = await handleMessage({ type: 'removal:dismiss', pageUrl: PAGE }, deps);
    expect(reply).toMatchObject({ ok: true, message: 'Reminder dismissed for this post.' });
    // A dismissal of a post with no removals has nothing to hold on to.
    expect((await removalsItem.item.getValue()).dismissed).toEqual([]);
    await handleMessage({ type: 'removal:record', comment: capture() }, deps);
    await handleMessage({ type: 'removal:dismiss', pageUrl: `${PAGE}?ref=1` }, deps);
    expect(await handleMessage({ type: 'removal:status', pageUrl: PAGE }, deps)).toMatchObject({
      removals: { count: 1, dismissed: true },
    });
    expect(
      await handleMessage(
        { type: 'removal:status', pageUrl: 'https://x.com/leicspolice/status/5' },
        deps,
      ),
    ).toMatchObject({ removals: { count: 0, dismissed: false } });
  });

  it('should drop removals older than 30 days when it next writes', async () => {
    const { deps, clock } = testDeps();
    await handleMessage({ type: 'removal:record', comment: capture({ key: 'old' }) }, deps);
    await handleMessage({ type: 'removal:dismiss', pageUrl: PAGE }, deps);
    clock.t += 31 * 24 * 60 * 60 * 1000;
    expect(await handleMessage({ type: 'removal:status', pageUrl: PAGE }, deps)).toMatchObject({
      removals: { count: 0, dismissed: false },
    });
    await handleMessage({ type: 'removal:record', comment: capture({ key: 'new' }) }, deps);
    const stored = await removalsItem.item.getValue();
    expect(stored.removals.map((r) => r.commentKey)).toEqual(['new']);
    expect(stored.dismissed).toEqual([]);
  });

  it('should refuse a request of the wrong shape and quarantine a bad stored value', async () => {
    const { deps } = testDeps();
    expect(await handleMessage({ type: 'removal:status' }, deps)).toMatchObject({ ok: false });
    await storage.setItem('local:removals', { schemaVersion: 1, removals: 'nope' });
    const reply = await handleMessage({ type: 'removal:record', comment: capture() }, deps);
    expect(reply).toMatchObject({ ok: true, removals: { count: 1 } });
    expect(reply.warnings?.[0]).toContain('Stored removals is not valid');
    const quarantined = Object.keys(await fakeBrowser.storage.local.get(null)).filter((k) =>
      k.startsWith('quarantine:removals:'),
    );
    expect(quarantined).toHaveLength(1);
  });
});

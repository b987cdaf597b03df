import { describe, expect, it } from 'vitest';
import type { Finding } from '../../lib/detect/types';
import { badgeText } from '../../lib/overlay/badge';
import {
  RecentByAuthor,
  criteriaOf,
  settingsKey,
  severityOf,
  visibleFindings,
} from '../../lib/overlay/findings';
import { captureComment, evidenceSummary, OverlayMessageSchema } from '../../lib/overlay/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/storage/settings';

function finding(partial: Partial<Finding>): Finding {
  return {
    criterion: 'offensive-language',
    action: 'remove',
    ruleId: 'r',
    start: 0,
    end: 1,
    excerpt: 'x',
    confidence: 'high',
    explanation: 'why',
    ...partial,
  };
}
const s = (o: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...o });

describe('visibleFindings', () => {
  it.each([
    ['low', ['low', 'medium', 'high']],
    ['medium', ['medium', 'high']],
    ['high', ['high']],
  ] as const)('should keep confidence at or above %s', (min, kept) => {
    const all = (['low', 'medium', 'high'] as const).map((confidence) => finding({ confidence }));
    expect(visibleFindings(all, s({ minConfidence: min })).map((f) => f.confidence)).toEqual(kept);
  });

  it('should drop criteria that are switched off', () => {
    const f = [finding({ criterion: 'spam' }), finding({ criterion: 'defamatory' })];
    expect(visibleFindings(f, s({ enabledCriteria: ['spam'] })).map((x) => x.criterion)).toEqual([
      'spam',
    ]);
  });
});

describe('severity and labels', () => {
  it('should call it a crime when any finding is a report-crime criterion', () => {
    expect(severityOf([finding({})])).toBe('remove');
    expect(
      severityOf([
        finding({}),
        finding({ criterion: 'crime-grossly-offensive', action: 'report-crime' }),
      ]),
    ).toBe('crime');
  });

  it('should list crime criteria first, once each, and say both icon and words', () => {
    const f = [
      finding({ criterion: 'spam' }),
      finding({ criterion: 'crime-credible-threat', action: 'report-crime' }),
      finding({ criterion: 'spam' }),
      finding({ criterion: 'identifies-person' }),
    ];
    expect(criteriaOf(f)).toEqual(['crime-credible-threat', 'identifies-person', 'spam']);
    expect(badgeText(f)).toBe('🚨 Crime: credible threat · ⚠ Remove: Identifies a person, Spam');
  });
});

describe('settingsKey', () => {
  it('should change with what affects findings and not with pause or site switches', () => {
    const base = settingsKey(s(), 'v1');
    expect(settingsKey(s({ paused: true, disabledSites: ['x'] }), 'v1')).toBe(base);
    expect(settingsKey(s({ minConfidence: 'high' }), 'v1')).not.toBe(base);
    expect(settingsKey(s({ allowList: ['word'] }), 'v1')).not.toBe(base);
    expect(settingsKey(s(), 'v2')).not.toBe(base);
  });
});

describe('RecentByAuthor', () => {
  it('should give earlier comments newest first, without the comment itself', () => {
    const r = new RecentByAuthor();
    r.remember({ handle: 'A' }, '1', 'first');
    r.remember({ handle: 'a' }, '2', 'second');
    r.remember({ handle: 'b' }, '3', 'other');
    expect(r.before({ handle: 'a' }, '3')).toEqual(['second', 'first']);
    expect(r.before({ handle: 'a' }, '2')).toEqual(['first']);
    expect(r.before({}, '2')).toEqual([]);
  });

  it('should cap comments per author and the number of authors', () => {
    const r = new RecentByAuthor(3, 2);
    for (let i = 0; i < 10; i += 1) r.remember({ handle: 'a' }, String(i), `t${i}`);
    expect(r.before({ handle: 'a' }, 'new')).toEqual(['t9', 't8', 't7']);
    r.remember({ handle: 'b' }, 'b1', 'tb');
    r.remember({ handle: 'c' }, 'c1', 'tc');
    expect(r.before({ handle: 'a' }, 'new')).toEqual([]);
    expect(r.before({ handle: 'c' }, 'new')).toEqual(['tc']);
  });
});

describe('messages', () => {
  it('should build a capture the background can validate', () => {
    const capture = captureComment(
      {
        site: 'facebook',
        element: {} as HTMLElement,
        textElement: null,
        text: 'some text',
        segments: [],
        key: 'c1',
        author: { displayName: 'Jo Bloggs', profileUrl: 'https://www.facebook.com/jo' },
        kind: 'comment',
        depth: 0,
      },
      [finding({ excerpt: 'text' })],
      'https://www.facebook.com/police/posts/1',
      new Date('2026-11-25T09:00:00Z'),
    );
    const parsed = OverlayMessageSchema.parse({ type: 'contact:record', comment: capture });
    expect('comment' in parsed && parsed.comment.url).toBe(
      'https://www.facebook.com/police/posts/1',
    );
    const summary = evidenceSummary(capture);
    expect(summary).toContain('Author: Jo Bloggs');
    expect(summary).toContain(
      'Permalink: not shown (page: https://www.facebook.com/police/posts/1)',
    );
    expect(summary).toContain('Time seen: 2026-11-25T09:00:00.000Z');
  });
});

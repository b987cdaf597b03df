import { describe, expect, it } from 'vitest';
import {
  BlockIndexSchema,
  appendAmendment,
  appendEntry,
  blockIndexOf,
  currentView,
  emptyBlockLog,
  filterBlockRows,
  filterBlockViews,
  type BlockLog,
  type BlockLogQuery,
} from '../../lib/records';
import { amendment, entry, mainFacebook, uuid } from './fixtures';

// The block log's list (local:blockLogIndex): what the Block log tab lists and searches without
// reading the log. It must say exactly what the log says, and know when it no longer fits it.

async function sample(): Promise<BlockLog> {
  let log = emptyBlockLog();
  log = await appendEntry(
    log,
    entry({
      id: uuid(201),
      user: { platform: 'x', handle: 'JBloggs', displayName: 'Joe Bloggs' },
      createdAt: '2026-03-29T00:30:00.000Z',
      criteria: ['spam'],
    }),
  );
  log = await appendEntry(
    log,
    entry({
      id: uuid(202),
      platform: 'facebook',
      account: mainFacebook,
      user: { platform: 'facebook', profileUrl: 'https://www.facebook.com/jane.doe.5' },
      createdAt: '2026-07-01T23:30:00.000Z',
    }),
  );
  log = await appendAmendment(
    log,
    amendment(uuid(202), {
      id: uuid(203),
      kind: 'outcome',
      data: { kind: 'blocked', at: '2026-07-02T10:00:00.000Z' },
    }),
  );
  log = await appendAmendment(
    log,
    amendment(uuid(201), {
      id: uuid(204),
      kind: 'correction',
      data: { criteria: ['offensive-language', 'spam'] },
    }),
  );
  log = await appendAmendment(log, amendment(uuid(202), { id: uuid(205), kind: 'unblock' }));
  return log;
}

describe('blockIndexOf', () => {
  it('should list each entry once, as it reads now, in log order, valid against its schema', async () => {
    const log = await sample();
    const index = blockIndexOf(log);
    expect(BlockIndexSchema.parse(index)).toEqual(index);
    expect(index.rows).toEqual([
      {
        id: uuid(201),
        createdAt: '2026-03-29T00:30:00.000Z',
        platform: 'x',
        account: { id: 'main-x', label: expect.any(String) },
        user: { handle: 'JBloggs', displayName: 'Joe Bloggs' },
        criteria: ['offensive-language', 'spam'],
        status: 'pending',
      },
      expect.objectContaining({
        id: uuid(202),
        platform: 'facebook',
        user: { profileUrl: 'https://www.facebook.com/jane.doe.5' },
        status: 'unblocked',
      }),
    ]);
  });

  it('should match exactly what the full views match, for every filter', async () => {
    const log = await sample();
    const views = currentView(log);
    const rows = blockIndexOf(log).rows;
    const queries: BlockLogQuery[] = [
      {},
      { search: '@jblog' },
      { search: 'JOE b' },
      { search: 'jane.doe' },
      { search: 'nobody' },
      { platform: 'facebook' },
      { accountId: 'main-x' },
      { criterion: 'offensive-language' },
      { criterion: 'threat-abuse-hate' },
      { status: 'unblocked' },
      { status: 'pending' },
      { from: '2026-07-02' },
      { to: '2026-07-01' },
      { from: '2026-03-29', to: '2026-03-29' },
    ];
    for (const q of queries) {
      expect(
        filterBlockRows(rows, q).map((r) => r.id),
        JSON.stringify(q),
      ).toEqual(filterBlockViews(views, q).map((v) => v.original.id));
    }
  });
});

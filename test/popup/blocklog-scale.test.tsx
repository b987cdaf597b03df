// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { App } from '../../components/App';
import { handleMessage } from '../../lib/messages/handler';
import type { BlockLog } from '../../lib/records';
import { recordsDb } from '../../lib/storage/recordsDb';
import { usePopup } from '../../lib/ui/store';
import { makeBlockLog } from '../../scripts/lib/records-data';
import { resetPopup } from './helpers';
import { seedBasics, testDeps } from '../background/helpers';
import { storeBlockLog } from '../blocklog-helpers';

let big: BlockLog;
beforeAll(async () => {
  big = await makeBlockLog(10_000);
}, 60_000);

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  await seedBasics();
  const { deps } = testDeps();
  resetPopup(deps, 'log');
});
afterEach(() => cleanup());

// The popup's list comes from the background, which first reads the log from the records
// database (seconds for 10,000 documents in the in-memory adapter, and the one queue may still be
// busy with an earlier test's reads): the first find of the list waits for that.

/** The rows drawn, as [aria-posinset, text]. */
function drawn(list: HTMLElement): [number, string][] {
  return within(list)
    .getAllByRole('listitem')
    .map((li) => [Number(li.getAttribute('aria-posinset')), li.textContent ?? '']);
}

/** The position in the list of the row whose button has focus. */
function focusedPosition(): number {
  const li = document.activeElement?.closest('li');
  return Number(li?.getAttribute('aria-posinset'));
}

describe('block log with 10,000 entries', () => {
  it('should open drawing only the rows in view, scroll, move by keyboard, and search every entry', async () => {
    await storeBlockLog(big);
    const user = userEvent.setup();
    const t0 = performance.now();
    render(<App />);
    const list = await screen.findByRole(
      'list',
      { name: /Block log entries/ },
      { timeout: 30_000 },
    );
    await waitFor(() => expect(within(list).getAllByRole('listitem').length).toBeGreaterThan(0));
    const openMs = performance.now() - t0;
    console.info(`block log with 10,000 entries opened in ${openMs.toFixed(0)} ms (happy-dom)`);
    expect(screen.getByText(/10000 of 10000 entries shown/)).toBeTruthy();

    // Virtualised: a few dozen rows at most are in the DOM, each saying where it sits in all 10,000.
    let rows = drawn(list);
    expect(rows.length).toBeLessThan(100);
    expect(rows[0]).toEqual([1, expect.stringMatching(/^@user999 /)]);
    for (const li of within(list).getAllByRole('listitem')) {
      expect(li.getAttribute('aria-setsize')).toBe('10000');
    }

    // Scrolling the list's own scroll area draws the rows there instead.
    const scroller = list.parentElement!;
    const total = parseFloat(list.style.height);
    expect(total).toBeGreaterThan(10_000);
    scroller.scrollTop = total / 2;
    fireEvent.scroll(scroller);
    await waitFor(() => expect(drawn(list)[0]![0]).toBeGreaterThan(4_000));
    rows = drawn(list);
    expect(rows.length).toBeLessThan(100);
    expect(rows.map(([pos]) => pos)).toContain(5_001);
    expect(rows.some(([pos]) => pos === 1)).toBe(false);

    // Keyboard: Tab and the arrow keys move row by row; End and Home reach the oldest and newest.
    const middle = within(list).getAllByRole('button')[0]!;
    const middlePos = Number(middle.closest('li')!.getAttribute('aria-posinset'));
    middle.focus();
    await user.tab();
    expect(focusedPosition()).toBe(middlePos + 1);
    await user.keyboard('{ArrowDown}');
    expect(focusedPosition()).toBe(middlePos + 2);
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(focusedPosition()).toBe(middlePos);
    await user.keyboard('{End}');
    await waitFor(() => expect(focusedPosition()).toBe(10_000));
    // The very first entry logged: user0 on 1 January.
    expect(document.activeElement!.textContent).toMatch(/^@user0 .*1 Jan 2026, 09:00/);
    expect(drawn(list).length).toBeLessThan(100);
    await user.keyboard('{ArrowUp}');
    expect(focusedPosition()).toBe(9_999);
    await user.keyboard('{Home}');
    await waitFor(() => expect(focusedPosition()).toBe(1));
    expect(document.activeElement!.textContent).toMatch(/^@user999 /);

    // Opening an entry and coming back returns focus to that entry in the list.
    await user.keyboard('{End}');
    await waitFor(() => expect(focusedPosition()).toBe(10_000));
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { name: /^@user0 .* on (X|Facebook)$/ });
    await user.click(screen.getByRole('button', { name: 'Back to the block log' }));
    await screen.findByRole('list', { name: /Block log entries/ });
    // A new search or filter draws a new list, so it is looked up again each time.
    const currentList = () => screen.getByRole('list', { name: /Block log entries/ });
    await waitFor(() => expect(focusedPosition()).toBe(10_000));
    expect(drawn(currentList()).length).toBeLessThan(100);

    // Search covers the whole log, not only the rows drawn: user0's oldest entry is the very
    // first of the 10,000, at the far end of the list.
    await user.type(screen.getByLabelText('Search by handle or name'), 'user0');
    await waitFor(() => expect(screen.getByText(/10 of 10000 entries shown/)).toBeTruthy());
    rows = drawn(currentList());
    expect(rows.map(([pos]) => pos)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rows.at(-1)![1]).toContain('1 Jan 2026, 09:00');
    expect(within(currentList()).getAllByRole('listitem')[0]!.getAttribute('aria-setsize')).toBe(
      '10',
    );

    // A filter matching thousands still draws only a screenful, and End reaches its last match.
    await user.clear(screen.getByLabelText('Search by handle or name'));
    await user.selectOptions(screen.getByLabelText('Criterion'), 'spam');
    const status = screen.getByText(/of 10000 entries shown/);
    const matching = Number(/^(\d+) of/.exec(status.textContent!)![1]);
    expect(matching).toBeGreaterThan(100);
    await waitFor(() => expect(drawn(currentList())[0]![0]).toBe(1));
    expect(drawn(currentList()).length).toBeLessThan(100);
    expect(within(currentList()).getAllByRole('listitem')[0]!.getAttribute('aria-setsize')).toBe(
      String(matching),
    );
    within(currentList()).getAllByRole('button')[0]!.focus();
    await user.keyboard('{End}');
    await waitFor(() => expect(focusedPosition()).toBe(matching));
    expect(openMs).toBeLessThan(30_000);
  }, 90_000);
});

describe('block log read after the rest of the popup', () => {
  it('should let the block workflow be used without reading the block log, and say while it loads', async () => {
    await storeBlockLog(big);
    // Holds the block log's read until released, as a slow read of a large log would.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const db = recordsDb();
    const allDocs = db.allDocs.bind(db);
    const read = vi.spyOn(db, 'allDocs').mockImplementation((async (
      ...args: Parameters<typeof allDocs>
    ) => {
      await held;
      return allDocs(...args);
    }) as typeof allDocs);
    usePopup.setState({ tab: 'block' });
    const user = userEvent.setup();
    render(<App />);

    // The workflow works before the log is read.
    await user.click(await screen.findByRole('button', { name: 'Start a block workflow' }));
    await screen.findByRole('heading', { name: /Step 1 of 5: Who/ });
    // Nor is the log read at all until its tab opens.
    const logReads = () => read.mock.calls.length;
    expect(logReads()).toBe(0);

    // The Block log tab says, politely, that the log is loading.
    await user.click(screen.getByRole('tab', { name: 'Block log' }));
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('Loading the block log…');
    expect(logReads()).toBeGreaterThan(0);
    expect(screen.queryByRole('list', { name: /Block log entries/ })).toBeNull();

    release();
    const list = await screen.findByRole(
      'list',
      { name: /Block log entries/ },
      { timeout: 30_000 },
    );
    expect(within(list).getAllByRole('listitem')[0]!.getAttribute('aria-setsize')).toBe('10000');
    expect(screen.queryByText('Loading the block log…')).toBeNull();
  }, 60_000);
});

describe('block log listed by the background', () => {
  it('should list and search without the popup reading the log, and ask the background for details', async () => {
    await storeBlockLog(big);
    const { deps } = testDeps();
    // Reads made while the background answers are the background's; the rest are the popup's.
    let inBackground = 0;
    const asked: string[] = [];
    usePopup.setState({
      transport: async (req) => {
        asked.push(req.type);
        inBackground++;
        try {
          return await handleMessage(req, deps);
        } finally {
          inBackground--;
        }
      },
    });
    const getItem = storage.getItem.bind(storage);
    const popupReads: string[] = [];
    vi.spyOn(storage, 'getItem').mockImplementation(async (key, ...rest) => {
      if (inBackground === 0) popupReads.push(key);
      return getItem(key, ...rest);
    });
    // The log is in the records database: a read of it by the popup is an allDocs outside the
    // background's answers.
    const db = recordsDb();
    const allDocs = db.allDocs.bind(db);
    vi.spyOn(db, 'allDocs').mockImplementation(((...args: Parameters<typeof allDocs>) => {
      if (inBackground === 0) popupReads.push('records database');
      return allDocs(...args);
    }) as typeof allDocs);
    const user = userEvent.setup();
    render(<App />);
    const currentList = () => screen.getByRole('list', { name: /Block log entries/ });
    await screen.findByRole('list', { name: /Block log entries/ }, { timeout: 30_000 });
    expect(screen.getByText(/10000 of 10000 entries shown/)).toBeTruthy();
    await user.type(screen.getByLabelText('Search by handle or name'), 'user0');
    // A handle alone (every platform) cannot name one user for exports: the status says so.
    expect((await screen.findByText(/^10 of 10000 entries shown/)).textContent).toMatch(
      /exports are not limited to one user until you choose the platform/,
    );
    await user.selectOptions(screen.getByLabelText('Platform'), 'x');
    expect((await screen.findByText(/entries shown/)).textContent).toMatch(
      /; exports use the user and date filters\.$/,
    );
    await user.selectOptions(screen.getByLabelText('Platform'), '');
    await screen.findByText(/^10 of 10000 entries shown/);
    expect(asked).toContain('block:list');
    expect(popupReads).not.toContain('records database');

    // The newest of user0's entries, with its whole chronology, from the background.
    await user.click(within(currentList()).getAllByRole('button')[0]!);
    await screen.findByRole('heading', { name: 'Chronology' }, { timeout: 10_000 });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toMatch(
      /^@user0 .* on (X|Facebook)$/,
    );
    expect(asked).toContain('block:entry');
    expect(popupReads).not.toContain('records database');
  }, 60_000);

  it('should say so when the entry has gone from the log since the list was drawn', async () => {
    const log = await makeBlockLog(3);
    await storeBlockLog(log);
    const user = userEvent.setup();
    render(<App />);
    const list = await screen.findByRole(
      'list',
      { name: /Block log entries/ },
      { timeout: 30_000 },
    );
    // The log loses its entries behind the popup's back (the list is not rewritten).
    await storeBlockLog({ schemaVersion: 1, records: [] });
    await user.click(within(list).getAllByRole('button')[0]!);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not read the entry: That entry is no longer in the block log (it may have been erased).',
    );
    await user.click(screen.getByRole('button', { name: 'Back to the block log' }));
    await screen.findByRole('list', { name: /Block log entries/ });
  });
});

describe('block log: printable report', () => {
  it('should open report.html in a tab with the current user and date filter', async () => {
    const log = await makeBlockLog(30);
    await storeBlockLog(log);
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    const user = userEvent.setup();
    render(<App />);
    await user.type(
      await screen.findByLabelText('Search by handle or name', {}, { timeout: 30_000 }),
      '@user2',
    );
    await user.selectOptions(screen.getByLabelText('Platform'), 'x');
    await user.type(screen.getByLabelText('From (date)'), '2026-01-01');
    await user.type(screen.getByLabelText('To (date)'), '2026-12-31');
    await user.click(screen.getByRole('button', { name: 'Printable report' }));
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    const url = new URL(create.mock.calls[0]![0].url!);
    expect(url.pathname).toBe('/report.html');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      user: 'x:user2',
      from: '2026-01-01',
      to: '2026-12-31',
    });
  });
});

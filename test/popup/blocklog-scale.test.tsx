// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../components/App';
import { PAGE_SIZE } from '../../components/BlockLog';
import { handleMessage } from '../../lib/messages/handler';
import type { BlockLog } from '../../lib/records';
import { blockLogItem } from '../../lib/storage/records';
import { usePopup } from '../../lib/ui/store';
import { makeBlockLog } from '../../scripts/lib/records-data';
import { seedBasics, testDeps } from '../background/helpers';

let big: BlockLog;
beforeAll(async () => {
  big = await makeBlockLog(10_000);
}, 60_000);

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  await seedBasics();
  const { deps } = testDeps();
  usePopup.setState({
    snapshot: null,
    loadError: null,
    tab: 'log',
    draftId: null,
    transport: (req) => handleMessage(req, deps),
    now: deps.now,
  });
});
afterEach(() => cleanup());

describe('block log with 10,000 entries', () => {
  it('should open, draw one page, and search and filter every entry', async () => {
    await blockLogItem.item.setValue(big);
    const user = userEvent.setup();
    const t0 = performance.now();
    render(<App />);
    const list = await screen.findByRole(
      'list',
      { name: /Block log entries/ },
      { timeout: 30_000 },
    );
    const openMs = performance.now() - t0;
    expect(screen.getByText(/10000 of 10000 entries shown/)).toBeTruthy();
    expect(within(list).getAllByRole('button')).toHaveLength(PAGE_SIZE);
    // Newest first: the last generated entry (user999) heads the list.
    expect(within(list).getAllByRole('button')[0]!.textContent).toMatch(/^@user999 /);

    // Search covers the whole log, not only the rows drawn: user0's oldest entry is the very
    // first of the 10,000, far past the first page.
    await user.type(screen.getByLabelText('Search by handle or name'), 'user0');
    await waitFor(() => expect(screen.getByText(/10 of 10000 entries shown/)).toBeTruthy());
    const rows = within(list).getAllByRole('button');
    expect(rows).toHaveLength(10);
    expect(rows.at(-1)!.textContent).toContain('1 Jan 2026, 09:00');

    // A filter that matches more than a page draws a page and offers the rest.
    await user.clear(screen.getByLabelText('Search by handle or name'));
    await user.selectOptions(screen.getByLabelText('Criterion'), 'spam');
    const status = screen.getByText(/of 10000 entries shown/);
    const matching = Number(/^(\d+) of/.exec(status.textContent!)![1]);
    expect(matching).toBeGreaterThan(PAGE_SIZE);
    expect(within(list).getAllByRole('button')).toHaveLength(PAGE_SIZE);
    await user.click(screen.getByRole('button', { name: `Show ${PAGE_SIZE} more` }));
    expect(within(list).getAllByRole('button')).toHaveLength(2 * PAGE_SIZE);
    // Opening took seconds at most under happy-dom (a real popup is faster); reported for the record.
    expect(openMs).toBeLessThan(30_000);
  }, 90_000);
});

describe('block log: printable report', () => {
  it('should open report.html in a tab with the current user and date filter', async () => {
    const log = await makeBlockLog(30);
    await blockLogItem.item.setValue(log);
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    const user = userEvent.setup();
    render(<App />);
    await user.type(await screen.findByLabelText('Search by handle or name'), '@user2');
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

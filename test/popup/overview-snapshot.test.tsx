// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../components/App';
import { handleMessage } from '../../lib/messages/handler';
import type { Reply, Request } from '../../lib/messages/protocol';
import { writeOverviewSnapshot, type RepeatOverview } from '../../lib/storage/overview';
import { usePopup } from '../../lib/ui/store';
import { capture, seedBasics, testDeps } from '../background/helpers';
import { resetPopup } from './helpers';

// A popup opened while the background has just started: the list it last stored is shown at
// once (with its time when it is older than a few minutes), then replaced by the current one.

let deps: ReturnType<typeof testDeps>['deps'];
/** Lets the background's answer to `repeat:overview` through (it is held until then). */
let release: () => void;

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  await seedBasics();
  ({ deps } = testDeps('2026-11-20T12:00:00.000Z'));
  for (let i = 1; i <= 5; i++) {
    const reply = await handleMessage(
      { type: 'contact:record', comment: capture({ key: `x:status:${i}` }) },
      deps,
    );
    expect(reply.ok).toBe(true);
  }
  const held = new Promise<void>((resolve) => (release = resolve));
  resetPopup(deps, 'repeat', async (req: Request): Promise<Reply> => {
    if (req.type === 'repeat:overview') await held;
    return handleMessage(req, deps);
  });
});

afterEach(() => cleanup());

function storedList(computedAt: string): RepeatOverview {
  return {
    list: [
      {
        personId: 'x:olduser',
        userKey: 'x:olduser',
        state: 'repeat-caller',
        countInWindow: 5,
        windowDays: 30,
        lastContactAt: '2026-11-20T09:00:00.000Z',
      },
    ],
    near: [],
    counts: { contacts: 5, users: 1 },
    windowDays: 30,
    threshold: 5,
    computedAt,
  };
}

async function openRepeatTab() {
  render(<App />);
  await screen.findByRole('heading', { name: 'Repeat callers' });
}

function listText(): string {
  return screen.getByRole('heading', { name: /On the repeat-caller list/ }).nextElementSibling!
    .textContent!;
}

describe('popup: the stored repeat-caller list', () => {
  it('should show an older stored list with its time at once, then replace it with the current one', async () => {
    await writeOverviewSnapshot(storedList('2026-11-20T11:40:00.000Z'));
    await openRepeatTab();
    const list = await screen.findByRole('list', { name: /On the repeat-caller list/ });
    expect(within(list).getByText('x:olduser')).toBeTruthy();
    expect(
      screen.getByText('List as of 11:40; working out the current list…', { exact: true }),
    ).toBeTruthy();

    release();
    await waitFor(() => expect(listText()).toContain('x:jbloggs'));
    expect(listText()).not.toContain('x:olduser');
    expect(screen.queryByText(/as of 11:40/)).toBeNull();
    expect(screen.queryByText(/working out the current list/)).toBeNull();
  });

  it('should show a recent stored list without a time, and say it is being brought up to date', async () => {
    await writeOverviewSnapshot(storedList('2026-11-20T11:58:00.000Z'));
    await openRepeatTab();
    await screen.findByText('x:olduser');
    expect(screen.queryByText(/as of/)).toBeNull();
    expect(screen.getByText(/Last stored list; working out the current list…/)).toBeTruthy();
    release();
    await waitFor(() => expect(listText()).toContain('x:jbloggs'));
    expect(screen.queryByText(/Last stored list/)).toBeNull();
  });

  it('should keep the stored list, labelled with its time, when the background cannot answer', async () => {
    await writeOverviewSnapshot(storedList('2026-11-20T11:58:00.000Z'));
    usePopup.setState({
      transport: async (req) =>
        req.type === 'repeat:overview'
          ? { ok: false, error: 'The extension’s background did not answer. Try again.' }
          : handleMessage(req, deps),
    });
    await openRepeatTab();
    await screen.findByText(/background did not answer/);
    await waitFor(() => expect(screen.getByText('List as of 11:58.')).toBeTruthy());
    expect(listText()).toContain('x:olduser');
  });

  it('should not show a stored list that fails its schema, but wait for the current one', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({
      repeatOverview: { ...storedList('2026-11-20T11:40:00.000Z'), schemaVersion: 1, near: 'x' },
    });
    await openRepeatTab();
    // Give the stored list every chance to appear.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(listText()).toBe('Loading…');
    expect(screen.queryByText('x:olduser')).toBeNull();
    expect(screen.queryByText(/as of|Last stored list/)).toBeNull();
    release();
    await waitFor(() => expect(listText()).toContain('x:jbloggs'));
  });

  it('should show a list it has had open for a while with its time', async () => {
    release();
    await openRepeatTab();
    await waitFor(() => expect(listText()).toContain('x:jbloggs'));
    expect(screen.queryByText(/as of/)).toBeNull();
    // Ten minutes later the popup is still open and something else makes it draw again.
    const later = new Date(deps.now().getTime() + 10 * 60_000);
    usePopup.setState({ now: () => later, tab: 'block' });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('tab', { name: 'Repeat callers' }));
    await waitFor(() => expect(listText()).toContain('x:jbloggs'));
    expect(screen.getByText(/^List as of 12:00/)).toBeTruthy();
  });
});

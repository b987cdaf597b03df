// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { App } from '../../components/App';
import { handleMessage } from '../../lib/messages/handler';
import {
  appendEntry,
  captureEvidence,
  currentView,
  emptyBlockLog,
  type BlockEntry,
} from '../../lib/records';
import { draftsItem, moderatorItem } from '../../lib/storage/records';
import { usePopup } from '../../lib/ui/store';
import { capture, moderator, seedBasics, storedContacts, testDeps } from '../background/helpers';
import { resetPopup } from './helpers';
import { storeBlockLog, storedBlockLog } from '../blocklog-helpers';

let deps: ReturnType<typeof testDeps>['deps'];
let clock: ReturnType<typeof testDeps>['clock'];

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  await seedBasics();
  ({ deps, clock } = testDeps());
  resetPopup(deps);
});

afterEach(() => cleanup());

async function noAxeViolations(container: HTMLElement) {
  const r = await axe.run(container, {
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
  });
  expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}

async function renderApp() {
  const user = userEvent.setup();
  const view = render(<App />);
  await screen.findByRole('tablist');
  return { user, ...view };
}

describe('popup: first use', () => {
  it('should ask for the moderator’s name and staff number, then show the tabs', async () => {
    await storage.removeItem('local:moderator');
    const user = userEvent.setup();
    const { container } = render(<App />);
    await screen.findByRole('heading', { name: 'Who is moderating?' });
    await noAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Save my details' }));
    expect(screen.getByText('Enter your staff number.')).toBeTruthy();
    expect(screen.getByLabelText(/Staff number/).getAttribute('aria-describedby')).toBe(
      'mod-staff-error',
    );
    await user.type(screen.getByLabelText(/^Name/), 'Sam Mod');
    await user.type(screen.getByLabelText(/Staff number/), '9876');
    await user.click(screen.getByRole('button', { name: 'Save my details' }));
    await screen.findByRole('tablist');
    expect(await moderatorItem.item.getValue()).toEqual({ name: 'Sam Mod', staffNumber: '9876' });
  });

  it('should move between tabs with the arrow keys', async () => {
    const { user } = await renderApp();
    const first = screen.getByRole('tab', { name: 'Block workflow' });
    expect(first.getAttribute('aria-selected')).toBe('true');
    first.focus();
    await user.keyboard('{ArrowRight}');
    const log = screen.getByRole('tab', { name: 'Block log' });
    expect(log.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(log);
    expect(first.getAttribute('tabindex')).toBe('-1');
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Repeat callers' }).getAttribute('aria-selected')).toBe(
      'true',
    );
  });
});

describe('popup: block workflow', () => {
  it('should take a draft started in the page through every step to the block log', async () => {
    await handleMessage({ type: 'block:start-draft', comment: capture() }, deps);
    const { user, container } = await renderApp();
    expect((screen.getByLabelText(/User’s handle/) as HTMLInputElement).value).toBe('jbloggs');
    expect((screen.getByLabelText('Display name') as HTMLInputElement).value).toBe('Joe Bloggs');
    await noAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    // Engage first: cannot continue without an attempt.
    await screen.findByRole('heading', { name: /Engage first/ });
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const add = screen.getByRole('button', { name: 'Add an engagement attempt' });
    expect(add.getAttribute('aria-describedby')).toBe('engagements-error');
    expect(screen.getByText(/Add at least one attempt to engage/)).toBeTruthy();
    await user.click(add);
    await user.type(screen.getByLabelText('What was said'), 'Please keep it civil.');
    await noAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    await screen.findByRole('heading', { name: /Advice/ });
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByText('Enter the advice given.')).toBeTruthy();
    await user.type(screen.getByLabelText(/Who advised/), 'DMT duty officer');
    await user.type(screen.getByLabelText(/^When/), '2026-11-19T10:00');
    await user.type(screen.getByLabelText(/Advice given/), 'Block and log.');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    await screen.findByRole('heading', { name: /Reason/ });
    expect((screen.getByLabelText('Offensive language') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText(/^[0-9a-f]{64}$/)).toBeTruthy();
    await user.type(screen.getByLabelText(/Why blocking is justified/), 'Abuse continued.');
    await noAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    await screen.findByRole('heading', { name: /Review & confirm/ });
    expect(screen.getByText('A. Moderator (staff number 12345)')).toBeTruthy();
    await noAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Confirm and log' }));

    // The first write opens the records database (and checks for an older version's log).
    await screen.findByText(/never blocks anyone by itself/, {}, { timeout: 10_000 });
    expect(screen.getByText(/Block or mute the account/)).toBeTruthy();
    await noAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Record the outcome' }));
    await screen.findByText('Outcome recorded in the block log.', {}, { timeout: 10_000 });

    const log = await storedBlockLog();
    const [view] = currentView(log);
    expect(view!.status).toBe('blocked');
    expect(view!.entry).toMatchObject({
      moderator,
      user: { handle: 'jbloggs' },
      criteria: ['offensive-language'],
      advice: { from: 'DMT duty officer', at: '2026-11-19T10:00:00.000Z' },
    });
    expect(view!.entry.engagements[0]!.said).toBe('Please keep it civil.');
    expect((await draftsItem.item.getValue()).drafts).toEqual([]);
  });

  it('should accept an exception with a written reason instead of engagement', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Start a block workflow' }));
    await user.selectOptions(await screen.findByLabelText('Platform'), 'x');
    await user.type(screen.getByLabelText(/User’s handle/), 'spambot99');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(await screen.findByLabelText(/Automated spam account/));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByText('Explain why engaging first was not appropriate.')).toBeTruthy();
    await user.type(
      screen.getByLabelText(/Why engaging first/),
      'Posts the same link every minute.',
    );
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByText(/Optional here because an exception applies/);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(await screen.findByLabelText('Spam'));
    await user.type(screen.getByLabelText(/Why blocking is justified/), 'Automated spam.');
    await user.type(screen.getByLabelText('Content text'), 'Cheap pills at example.com');
    await user.type(screen.getByLabelText('Content link'), 'https://x.com/spambot99/status/5');
    await user.click(screen.getByRole('button', { name: 'Add snapshot' }));
    await screen.findByText('Cheap pills at example.com');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(await screen.findByRole('button', { name: 'Confirm and log' }));
    await screen.findByText(/never blocks anyone by itself/);
    const [view] = currentView(await storedBlockLog());
    expect(view!.entry.exception).toEqual({
      kind: 'automated-spam-account',
      why: 'Posts the same link every minute.',
    });
    expect(view!.entry.advice).toBeUndefined();
    expect(view!.entry.evidence).toHaveLength(1);
  });

  it('should keep what was typed when the popup closes and reopens', async () => {
    const first = await renderApp();
    await first.user.click(screen.getByRole('button', { name: 'Start a block workflow' }));
    await first.user.type(await screen.findByLabelText(/User’s handle/), 'recover_me');
    await first.user.type(screen.getByLabelText('Display name'), 'Half typed');
    first.unmount();
    await waitFor(async () => {
      const [d] = (await draftsItem.item.getValue()).drafts;
      expect(d?.displayName).toBe('Half typed');
    });
    act(() => usePopup.setState({ snapshot: null, draftId: null }));
    await renderApp();
    expect((screen.getByLabelText(/User’s handle/) as HTMLInputElement).value).toBe('recover_me');
    expect((screen.getByLabelText('Display name') as HTMLInputElement).value).toBe('Half typed');
  });
});

async function entryFor(
  handle: string,
  n: number,
  platform: 'x' | 'facebook',
): Promise<BlockEntry> {
  const account =
    platform === 'x'
      ? {
          id: 'main-x',
          platform,
          handle: 'leicspolice',
          label: '@leicspolice',
          enrolledInRepeatCallerScheme: true,
        }
      : {
          id: 'main-facebook',
          platform,
          pageUrl: 'https://www.facebook.com/leicspolice',
          label: 'Leicestershire Police',
          enrolledInRepeatCallerScheme: true,
        };
  return {
    id: `00000000-0000-4000-8000-00000000010${n}`,
    createdAt: `2026-11-1${n}T10:00:00.000Z`,
    moderator,
    platform,
    account,
    user: { platform, handle },
    engagements: [{ at: '2026-11-01T09:00:00.000Z', method: 'public-reply', said: 'Stop please.' }],
    advice: { from: 'DMT', at: '2026-11-02T09:00:00.000Z', advice: 'Block.' },
    criteria: ['spam'],
    justification: `Spam from ${handle}.`,
    evidence: [
      await captureEvidence(
        { text: 'spam', author: { handle }, url: 'https://example.com/1' },
        new Date('2026-11-10T10:00:00Z'),
      ),
    ],
    outcome: { kind: 'pending' },
  };
}

describe('popup: block log', () => {
  beforeEach(async () => {
    let log = emptyBlockLog();
    log = await appendEntry(log, await entryFor('alice', 1, 'x'));
    log = await appendEntry(log, await entryFor('bob', 2, 'facebook'));
    log = await appendEntry(log, await entryFor('carol', 3, 'x'));
    await storeBlockLog(log);
  });

  it('should list newest first, search and filter, and verify an intact chain', async () => {
    const { user, container } = await renderApp();
    await user.click(screen.getByRole('tab', { name: 'Block log' }));
    await screen.findByRole('list', { name: /Block log entries/ });
    // A new search or filter draws a new list, so it is looked up again each time.
    const list = () => screen.getByRole('list', { name: /Block log entries/ });
    expect(
      within(list())
        .getAllByRole('button')
        .map((b) => b.textContent?.split(' ')[0]),
    ).toEqual(['@carol', '@bob', '@alice']);
    await noAxeViolations(container);
    await user.type(screen.getByLabelText('Search by handle or name'), 'ali');
    expect(within(list()).getAllByRole('button')).toHaveLength(1);
    await user.clear(screen.getByLabelText('Search by handle or name'));
    await user.selectOptions(screen.getByLabelText('Platform'), 'facebook');
    expect(
      within(list())
        .getAllByRole('button')
        .map((b) => b.textContent?.split(' ')[0]),
    ).toEqual(['@bob']);
    await user.type(screen.getByLabelText('From (date)'), '2026-11-13');
    expect(within(list()).queryAllByRole('button')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Verify chain' }));
    await screen.findByText(
      /^Chain verified: all 3 records are intact\. The chain ends at record 2, head hash [0-9a-f]{64}\.$/,
    );
  });

  it('should name the tampered entry when verification fails', async () => {
    const log = await storedBlockLog();
    const tampered = structuredClone(log);
    const link = tampered.records[1]!;
    if (link.kind === 'entry') link.record.justification = 'Quietly rewritten.';
    await storage.setItem('local:blockLog', tampered);
    const { user } = await renderApp();
    await user.click(screen.getByRole('tab', { name: 'Block log' }));
    await user.click(await screen.findByRole('button', { name: 'Verify chain' }));
    const alert = await screen.findByText(/Verification failed/);
    expect(alert.textContent).toContain(
      'record 1 (entry for bob, id 00000000-0000-4000-8000-000000000102)',
    );
    expect(alert.textContent).toContain('altered');
  });

  it('should show the chronology and append an amendment from the detail view', async () => {
    const { user, container } = await renderApp();
    await user.click(screen.getByRole('tab', { name: 'Block log' }));
    await user.click(await screen.findByRole('button', { name: /^@bob/ }));
    await screen.findByRole('heading', { name: '@bob on Facebook' });
    expect(screen.getByText(/Record 1: entry logged/)).toBeTruthy();
    await noAxeViolations(container);
    await user.type(screen.getByLabelText('Note'), 'Called DMT again.');
    await user.click(screen.getByRole('button', { name: 'Add amendment' }));
    await screen.findByText(/Record 3: note amendment/);
    const views = currentView(await storedBlockLog());
    expect(views.find((v) => v.entry.user.handle === 'bob')!.notes[0]!.text).toBe(
      'Called DMT again.',
    );
  });

  it('should export the filtered log through the downloads API', async () => {
    const download = vi.spyOn(browser.downloads, 'download').mockResolvedValue(1 as never);
    const { user } = await renderApp();
    await user.click(screen.getByRole('tab', { name: 'Block log' }));
    await user.type(await screen.findByLabelText('Search by handle or name'), '@alice');
    await user.selectOptions(screen.getByLabelText('Platform'), 'x');
    await user.click(screen.getByRole('button', { name: 'Export JSON' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    const arg = download.mock.calls[0]![0];
    expect(arg.filename).toMatch(
      /^block-log_x-alice_start_to_2026-11-20_exported-2026-11-20T1200Z\.json$/,
    );
    expect(arg.url).toMatch(/^blob:/);
  });
});

describe('popup: repeat callers', () => {
  it('should look a user up as it is typed and show "5 in 30 days" and "repeat caller"', async () => {
    for (let i = 1; i <= 5; i++) {
      await handleMessage(
        {
          type: 'contact:record',
          comment: capture({ key: `c${i}`, seenAt: `2026-11-1${i}T10:00:00.000Z` }),
        },
        deps,
      );
    }
    expect(await storedContacts()).toHaveLength(5);
    const { user, container } = await renderApp();
    await user.click(screen.getByRole('tab', { name: 'Repeat callers' }));
    await user.type(await screen.findByLabelText('Look up a handle or profile URL'), '@JBloggs');
    const card = await screen.findByRole('article');
    expect(card.textContent).toContain('5 in 30 days');
    expect(card.textContent).toContain('repeat caller');
    expect(within(card).getAllByRole('listitem')).toHaveLength(5);
    await noAxeViolations(container);

    // Advice, then one more contact: block recommended, and the workflow starts prefilled.
    await user.type(within(card).getByLabelText('Advice given'), 'Please use 101.');
    await user.click(within(card).getByRole('button', { name: 'Record advice' }));
    await screen.findByText(/Advice recorded/);
    clock.t = Date.parse('2026-11-20T13:00:00.000Z');
    await handleMessage(
      {
        type: 'contact:record',
        comment: capture({ key: 'c6', seenAt: '2026-11-20T12:30:00.000Z' }),
      },
      deps,
    );
    await act(() => usePopup.getState().load());
    expect((await screen.findByRole('article')).textContent).toContain('block recommended');
    await user.click(screen.getByRole('button', { name: 'Start block workflow' }));
    await screen.findByRole('heading', { name: /Step 1 of 5/ });
    const [draft] = (await draftsItem.item.getValue()).drafts;
    expect(draft!.source).toBe('repeat-caller');
    expect(draft!.engagements.map((e) => e.said)).toEqual(['Please use 101.']);
    expect(draft!.evidence).toHaveLength(6);
  });

  it('should record a contact by hand and show guidance for accounts outside the scheme', async () => {
    const { user, container } = await renderApp();
    await user.click(screen.getByRole('tab', { name: 'Repeat callers' }));
    await user.click(await screen.findByRole('button', { name: 'Record contact' }));
    expect(screen.getByText('Enter a handle or profile URL.')).toBeTruthy();
    await user.selectOptions(
      screen.getByLabelText('Platform', { selector: '#manual-platform' }),
      'facebook',
    );
    await user.type(
      screen.getByLabelText('User’s handle or profile URL'),
      'https://www.facebook.com/jane.doe.5',
    );
    await user.click(screen.getByRole('button', { name: 'Record contact' }));
    await screen.findByText('Recorded. 1 in 30 days');
    expect((await storedContacts())[0]!.userKey).toBe('facebook:jane.doe.5');
    await noAxeViolations(container);
  });
});

// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../components/App';
import { handleMessage } from '../../lib/messages/handler';
import { repeatEventsItem } from '../../lib/storage/records';
import { capture, seedBasics, testDeps } from '../background/helpers';
import { resetPopup } from './helpers';

let deps: ReturnType<typeof testDeps>['deps'];

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  await seedBasics();
  ({ deps } = testDeps());
  resetPopup(deps);
});

afterEach(() => cleanup());

/** Three contacts from an X handle and two from a Facebook profile: neither alone is on the list. */
async function seedTwoIdentities(): Promise<void> {
  for (let i = 1; i <= 3; i++) {
    await handleMessage(
      {
        type: 'contact:record',
        comment: capture({ key: `x${i}`, seenAt: `2026-11-1${i}T10:00:00.000Z` }),
      },
      deps,
    );
  }
  for (let i = 1; i <= 2; i++) {
    await handleMessage(
      {
        type: 'contact:record',
        comment: capture({
          platform: 'facebook',
          key: `fb${i}`,
          seenAt: `2026-11-1${i + 4}T10:00:00.000Z`,
          author: {
            displayName: 'Joe Bloggs',
            profileUrl: 'https://www.facebook.com/profile.php?id=1000123',
          },
          url: 'https://www.facebook.com/leicspolice/posts/1',
          permalink: undefined,
          pageUrl: 'https://www.facebook.com/leicspolice/posts/1',
        }),
      },
      deps,
    );
  }
}

describe('popup: linking two identities of one person', () => {
  it('should link a Facebook profile to an X handle so their contacts count together', async () => {
    await seedTwoIdentities();
    const user = userEvent.setup();
    const { container } = render(<App />);
    await user.click(await screen.findByRole('tab', { name: 'Repeat callers' }));
    await user.type(await screen.findByLabelText('Look up a handle or profile URL'), '@jbloggs');
    const card = await screen.findByRole('article');
    expect(card.textContent).toContain('3 in 30 days');
    expect(card.textContent).not.toContain('repeat caller');

    const form = within(card).getByRole('form', { name: 'Link another identity of this person' });
    // Nothing typed: both problems are named next to their fields.
    await user.click(within(form).getByRole('button', { name: 'Link identities' }));
    expect(within(form).getByText('Enter the other handle or profile URL.')).toBeTruthy();
    expect(within(form).getByText('Say why you are sure these are the same person.')).toBeTruthy();
    expect((await repeatEventsItem.item.getValue()).events).toHaveLength(0);

    expect(
      (within(form).getByLabelText('Platform of the other identity') as HTMLSelectElement).value,
    ).toBe('facebook');
    await user.type(
      within(form).getByLabelText('Other handle or profile URL'),
      'https://www.facebook.com/profile.php?id=1000123',
    );
    await user.type(
      within(form).getByLabelText('Why they are the same person'),
      'Same name and photo; the Facebook profile links to this X account.',
    );
    await user.click(within(form).getByRole('button', { name: 'Link identities' }));
    await screen.findByText(/Linked x:jbloggs and facebook:id:1000123/);

    const [event] = (await repeatEventsItem.item.getValue()).events;
    expect(event).toMatchObject({
      kind: 'linked',
      userKey: 'x:jbloggs',
      otherUserKey: 'facebook:id:1000123',
    });
    await waitFor(() => expect(screen.getByRole('article').textContent).toContain('5 in 30 days'));
    const after = screen.getByRole('article');
    expect(after.textContent).toContain('repeat caller');
    expect(after.textContent).toContain('Counted together with: facebook:id:1000123');
    // The timeline shows the contacts from both identities.
    expect(
      within(after).getByRole('list', { name: 'Timeline, newest first' }).children,
    ).toHaveLength(5);
    const r = await axe.run(container, {
      rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
    });
    expect(r.violations.map((v) => v.id)).toEqual([]);
  });

  it('should refuse to link an identity to itself', async () => {
    const reply = await handleMessage(
      {
        type: 'repeat:link',
        requestId: crypto.randomUUID(),
        userKey: 'x:jbloggs',
        otherUserKey: 'x:jbloggs',
        why: 'same',
      },
      deps,
    );
    expect(reply.ok).toBe(false);
    expect((await repeatEventsItem.item.getValue()).events).toHaveLength(0);
  });
});

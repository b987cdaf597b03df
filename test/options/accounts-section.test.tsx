// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AccountsSection, SCHEME_RULE } from '../../components/options/AccountsSection';
import { handleMessage } from '../../lib/messages/handler';
import { accountsItem, DEFAULT_ACCOUNTS, readChecked } from '../../lib/storage/records';
import { seedBasics, testDeps } from '../background/helpers';

beforeEach(async () => {
  fakeBrowser.reset();
  await seedBasics();
});
afterEach(() => cleanup());

async function stored() {
  return (await readChecked(accountsItem, { quarantine: false, now: new Date() })).value.accounts;
}

async function noAxeViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { region: { enabled: false } } });
  expect(result.violations.map((v) => v.id)).toEqual([]);
}

function setup() {
  const { deps } = testDeps();
  const transport = vi.fn((req: Parameters<typeof handleMessage>[0]) => handleMessage(req, deps));
  const announce = vi.fn();
  const user = userEvent.setup();
  const view = render(<AccountsSection announce={announce} transport={transport} />);
  return { deps, transport, announce, user, ...view };
}

const list = () => screen.findByRole('list', { name: 'Force accounts' });

describe('Force accounts section', () => {
  it('should list the stored accounts with their enrolment in words, and explain the rule', async () => {
    const { container } = setup();
    const items = within(await list()).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('p')?.textContent)).toEqual([
      'Leicestershire PoliceFacebook: https://www.facebook.com/leicspoliceRepeat-caller scheme: enrolled (contacts here count towards the list)',
      '@leicspoliceX: @leicspoliceRepeat-caller scheme: enrolled (contacts here count towards the list)',
    ]);
    const box = screen.getByRole('checkbox', { name: 'Enrolled in the repeat-caller scheme' });
    expect(box.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(box.getAttribute('aria-describedby')!)?.textContent).toBe(
      SCHEME_RULE,
    );
    expect(SCHEME_RULE).toMatch(/^The repeat-caller list runs only on accounts enrolled here/);
    await noAxeViolations(container);
  });

  it('should add, edit and remove an account through the background', async () => {
    const { user, announce, container } = setup();
    await list();
    await user.type(screen.getByLabelText('X handle or profile address'), 'x.com/NWLeicsPolice');
    await user.type(screen.getByLabelText('Name shown for the account'), 'NW Leics');
    await user.click(screen.getByRole('button', { name: 'Add account' }));
    await waitFor(() => expect(announce).toHaveBeenCalledWith('Added: NW Leics.'));
    const added = (await stored())[2]!;
    expect(added).toMatchObject({
      platform: 'x',
      handle: 'nwleicspolice',
      label: 'NW Leics',
      enrolledInRepeatCallerScheme: false,
    });
    const row = await waitFor(() => within(screen.getByRole('list')).getByText('NW Leics'));
    expect(row.closest('p')?.textContent).toContain('Repeat-caller scheme: not enrolled');
    expect(screen.getByLabelText('X handle or profile address')).toHaveProperty('value', '');

    await user.click(screen.getByRole('button', { name: 'Edit NW Leics' }));
    expect(screen.getByRole('group', { name: 'Edit NW Leics' })).toBeTruthy();
    const address = screen.getByLabelText('X handle or profile address');
    expect(address).toHaveProperty('value', '@nwleicspolice');
    await user.clear(address);
    await user.type(address, '@NWLeics');
    await user.click(
      screen.getByRole('checkbox', { name: 'Enrolled in the repeat-caller scheme' }),
    );
    await noAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(announce).toHaveBeenCalledWith('Saved: NW Leics.'));
    expect((await stored())[2]).toEqual({
      id: added.id,
      platform: 'x',
      handle: 'nwleics',
      label: 'NW Leics',
      enrolledInRepeatCallerScheme: true,
    });

    await user.click(await screen.findByRole('button', { name: 'Remove NW Leics…' }));
    expect((await screen.findByText(/No contacts are recorded on it/)).textContent).toMatch(
      /^Remove NW Leics\?/,
    );
    await noAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Yes, remove NW Leics' }));
    await waitFor(() => expect(announce).toHaveBeenCalledWith('Removed NW Leics.'));
    expect(await stored()).toEqual(DEFAULT_ACCOUNTS);
    await waitFor(() => expect(screen.queryByText('NW Leics')).toBeNull());
  });

  it('should refuse an invalid handle with a message beside it and save nothing', async () => {
    const { user, transport, container } = setup();
    await list();
    await user.type(screen.getByLabelText('X handle or profile address'), '@NW Leics!');
    await user.click(screen.getByRole('button', { name: 'Add account' }));
    const field = screen.getByLabelText('X handle or profile address');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field);
    const described = field
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' ');
    expect(described).toMatch(/“@NW Leics!” is not an X handle/);
    expect(screen.getByText(/Enter a name for the account/)).toBeTruthy();
    expect(transport).not.toHaveBeenCalled();
    expect(await stored()).toEqual(DEFAULT_ACCOUNTS);
    await noAxeViolations(container);

    // A Facebook address under X is named as such; choosing Facebook accepts it.
    await user.clear(field);
    await user.type(field, 'facebook.com/LeicsPoliceNW');
    await user.click(screen.getByRole('button', { name: 'Add account' }));
    expect(screen.getByText(/That is a Facebook address/)).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Platform'), 'facebook');
    await user.type(screen.getByLabelText('Name shown for the account'), 'NW Leics Facebook');
    await user.click(screen.getByRole('button', { name: 'Add account' }));
    await waitFor(async () =>
      expect((await stored())[2]).toMatchObject({
        platform: 'facebook',
        pageUrl: 'https://www.facebook.com/leicspolicenw',
      }),
    );
  });

  it('should warn before removing an account with recorded contacts, which then count as not enrolled', async () => {
    const { user, deps, announce } = setup();
    for (let i = 1; i <= 2; i++) {
      const r = await handleMessage(
        {
          type: 'contact:add-manual',
          requestId: crypto.randomUUID(),
          platform: 'x',
          user: `@jbloggs${i}`,
          accountId: 'main-x',
          reason: 'too-frequent',
        },
        deps,
      );
      expect(r.ok).toBe(true);
    }
    await list();
    await user.click(screen.getByRole('button', { name: 'Remove @leicspolice…' }));
    const warning = await screen.findByText(/^Remove @leicspolice\? Warning: 2 recorded contacts/);
    expect(warning.textContent).toMatch(/count as “not enrolled”/);
    expect(document.activeElement).toBe(warning);
    expect(await stored()).toEqual(DEFAULT_ACCOUNTS);
    await user.click(screen.getByRole('button', { name: 'Yes, remove @leicspolice' }));
    await waitFor(() =>
      expect(announce).toHaveBeenCalledWith(
        'Removed @leicspolice. Its 2 recorded contacts stay in the records and now count as not enrolled.',
      ),
    );
    expect((await stored()).map((a) => a.id)).toEqual(['main-facebook']);
  });
});

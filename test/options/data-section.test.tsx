// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BackupSection, RetentionSection } from '../../components/options/DataSection';
import { currentBackup } from '../../lib/messages/data';
import { handleMessage } from '../../lib/messages/handler';
import { backupJson } from '../../lib/records/backup';
import { readSettings, type Settings } from '../../lib/storage/settings';
import {
  capture,
  clearContacts,
  seedBasics,
  storedContacts,
  testDeps,
} from '../background/helpers';

beforeEach(async () => {
  fakeBrowser.reset();
  await seedBasics();
});
afterEach(() => cleanup());

async function noAxeViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { region: { enabled: false } } });
  expect(result.violations.map((v) => v.id)).toEqual([]);
}

describe('Backup and restore section', () => {
  it('should preview a restore, change nothing until confirmed, then restore through the background', async () => {
    const { deps } = testDeps();
    await handleMessage({ type: 'contact:record', comment: capture() }, deps);
    const text = backupJson(await currentBackup(new Date()));
    await clearContacts();
    const transport = vi.fn((req: Parameters<typeof handleMessage>[0]) => handleMessage(req, deps));
    const announce = vi.fn();
    const user = userEvent.setup();
    const { container } = render(<BackupSection announce={announce} transport={transport} />);
    await user.upload(
      screen.getByLabelText(/Backup file/),
      new File([text], 'backup.json', { type: 'application/json' }),
    );
    const table = await screen.findByRole('table', { name: 'What restoring this file will do' });
    const row = within(table).getByRole('row', { name: /^Contacts/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1', '0', '0', '0']);
    expect(await storedContacts()).toHaveLength(0);
    await noAxeViolations(container);
    await user.click(screen.getByRole('button', { name: /^Restore \d+ new items/ }));
    await waitFor(() => expect(announce).toHaveBeenCalledWith(expect.stringMatching(/^Restored/)));
    expect(await storedContacts()).toHaveLength(1);
  });

  it('should show a clear message for a file that is not a backup', async () => {
    const user = userEvent.setup();
    render(<BackupSection announce={vi.fn()} transport={vi.fn()} />);
    await user.upload(
      screen.getByLabelText(/Backup file/),
      new File(['{"format":"moderator-assist-backup","schemaVersion":1,"da'], 'b.json'),
    );
    expect((await screen.findByRole('alert')).textContent).toMatch(/truncated/);
  });
});

describe('Retention and rights section', () => {
  it('should save a retention period, list records past it, and erase a person after confirmation', async () => {
    const { deps } = testDeps('2026-11-20T12:00:00.000Z');
    await handleMessage({ type: 'contact:record', comment: capture() }, deps);
    let settings: Settings = await readSettings();
    const update = vi.fn(async (change: (s: Settings) => Settings) => {
      settings = change(settings);
      return null;
    });
    const transport = vi.fn((req: Parameters<typeof handleMessage>[0]) => handleMessage(req, deps));
    const announce = vi.fn();
    const user = userEvent.setup();
    const now = () => new Date('2028-01-01T00:00:00Z');
    const { container } = render(
      <RetentionSection
        settings={settings}
        update={update}
        announce={announce}
        transport={transport}
        now={now}
      />,
    );
    const list = await screen.findByRole('list', { name: 'Records past retention' });
    expect(within(list).getByText(/Contact: x:jbloggs/)).toBeTruthy();
    await noAxeViolations(container);
    const field = screen.getByLabelText('Contacts (days)');
    // The page re-renders with the saved settings; here one change event stands for the typing.
    fireEvent.change(field, { target: { value: '2000' } });
    expect(settings.retentionDays.contacts).toBe(2000);

    await user.type(screen.getByLabelText(/Profile URL or user key/), 'https://x.com/jbloggs');
    await user.click(screen.getByRole('button', { name: 'Erase this person…' }));
    expect(await storedContacts()).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: /^Yes, erase everything/ }));
    await waitFor(() =>
      expect(announce).toHaveBeenCalledWith(expect.stringMatching(/^Erased 1 contact/)),
    );
    expect(await storedContacts()).toHaveLength(0);
    expect((await screen.findByRole('list', { name: 'Audit log' })).textContent).toMatch(/erasure/);
  });
});

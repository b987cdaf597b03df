// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '../../components/options/OptionsApp';
import { parseWindowDays } from '../../components/options/RepeatWindowSection';
import { handleMessage } from '../../lib/messages/handler';
import { readSettings } from '../../lib/storage/settings';
import { seedBasics, testDeps } from '../background/helpers';

beforeEach(async () => {
  fakeBrowser.reset();
  await seedBasics();
});
afterEach(() => cleanup());

async function renderPage() {
  const user = userEvent.setup();
  const view = render(<OptionsApp today="2026-06-01" />);
  const field = await screen.findByRole('spinbutton', { name: 'Repeat-caller window (days)' });
  return { user, field: field as HTMLInputElement, ...view };
}

function describedBy(el: HTMLElement): string {
  return (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

describe('repeat-caller window', () => {
  it('should show 30 days with the policy’s words, and save a change that the background uses', async () => {
    const { user, field, container } = await renderPage();
    expect(field.value).toBe('30');
    expect(describedBy(field)).toContain(
      '“five or more recorded, inappropriate contacts in the space of one month”',
    );
    const axeResult = await axe.run(container, { rules: { region: { enabled: false } } });
    expect(axeResult.violations.map((v) => v.id)).toEqual([]);

    await user.clear(field);
    await user.type(field, '45');
    expect(await screen.findByText('Saved: repeat-caller window 45 days.')).toBeTruthy();
    expect((await readSettings()).repeatWindowDays).toBe(45);

    const { deps } = testDeps();
    const reply = await handleMessage(
      { type: 'status:lookup', query: '@jbloggs', platform: 'x' },
      deps,
    );
    expect(reply.ok && reply.status?.windowDays).toBe(45);

    await user.click(screen.getByRole('button', { name: 'Use the default, 30 days' }));
    await waitFor(async () => expect((await readSettings()).repeatWindowDays).toBe(30));
    expect(field.value).toBe('30');
  });

  it.each(['0', '366', '2.5', '', '-3'])(
    'should refuse %j with a message and keep the saved window',
    async (typed) => {
      const { field } = await renderPage();
      fireEvent.change(field, { target: { value: '60' } });
      await waitFor(async () => expect((await readSettings()).repeatWindowDays).toBe(60));

      fireEvent.change(field, { target: { value: typed } });
      const message = await screen.findByText(
        'Not saved: enter a whole number of days from 1 to 365.',
      );
      expect(field.getAttribute('aria-invalid')).toBe('true');
      expect(describedBy(field)).toContain(message.textContent);
      expect((await readSettings()).repeatWindowDays).toBe(60);

      // A valid value clears the message and saves.
      fireEvent.change(field, { target: { value: '365' } });
      await waitFor(async () => expect((await readSettings()).repeatWindowDays).toBe(365));
      expect(screen.queryByText(/Not saved/)).toBeNull();
      expect(field.getAttribute('aria-invalid')).toBeNull();
    },
  );

  it('should accept only whole numbers of days from 1 to 365', () => {
    expect(['1', ' 30 ', '365'].map(parseWindowDays)).toEqual([
      { ok: true, days: 1 },
      { ok: true, days: 30 },
      { ok: true, days: 365 },
    ]);
    expect(['0', '366', '1e2', '30.0', 'thirty'].map((t) => parseWindowDays(t).ok)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

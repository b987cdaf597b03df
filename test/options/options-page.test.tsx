// @vitest-environment happy-dom
import { act, cleanup, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '../../components/options/OptionsApp';
import { useStoredSettings } from '../../components/options/useSettings';
import { CRITERION_IDS } from '../../lib/policy';
import { DEFAULT_SETTINGS, settingsItem, type Settings } from '../../lib/storage/settings';

const TODAY = '2026-06-01';

async function stored(): Promise<Record<string, unknown> | undefined> {
  const { settings } = await fakeBrowser.storage.local.get('settings');
  return settings as Record<string, unknown> | undefined;
}

async function renderPage(seed?: Partial<Settings>) {
  if (seed) await settingsItem.setValue({ ...DEFAULT_SETTINGS, ...seed });
  const user = userEvent.setup();
  const view = render(<OptionsApp today={TODAY} />);
  await screen.findByRole('checkbox', { name: /^Identifies a person/ });
  return { user, ...view };
}

async function tryIt(user: ReturnType<typeof userEvent.setup>, text: string) {
  const box = screen.getByRole('textbox', { name: 'Comment to try' });
  await user.clear(box);
  await user.type(box, text);
}

const findings = () => screen.queryByRole('list', { name: /would be highlighted/ });

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  cleanup();
});

describe('options page', () => {
  it('should flag a newly added protected name in Try it as identifying a person', async () => {
    const { user } = await renderPage();
    await tryIt(user, 'Saw Jane Doe at the shops today');
    expect(await screen.findByText('Nothing would be highlighted.')).toBeTruthy();

    await user.type(screen.getByRole('textbox', { name: 'Name to protect' }), 'Jane Doe');
    await user.type(screen.getByLabelText(/Other spellings/), 'J Doe, Janey');
    await user.selectOptions(screen.getByLabelText('Role'), 'witness');
    await user.type(screen.getByLabelText(/Case reference/), '24/1234');
    await user.click(screen.getByRole('button', { name: 'Add protected name' }));

    expect(await screen.findByText('Saved: protected name Jane Doe added.')).toBeTruthy();
    expect((await stored())?.protectedNames).toEqual([
      { name: 'Jane Doe', variants: ['J Doe', 'Janey'], role: 'witness', caseRef: '24/1234' },
    ]);
    const list = await waitFor(() => {
      const l = findings();
      expect(l).toBeTruthy();
      return l!;
    });
    const item = within(list).getByText('Identifies a person').closest('li')!;
    expect(item.textContent).toContain('“Jane Doe”');
    expect(item.textContent).toContain('24/1234');
    // The form is ready for the next name.
    expect(screen.getByRole('textbox', { name: 'Name to protect' })).toHaveProperty('value', '');
  });

  it('should show a typed protected name in Try it before it is saved', async () => {
    const { user } = await renderPage();
    await tryIt(user, 'Janey was there');
    await user.type(screen.getByRole('textbox', { name: 'Name to protect' }), 'Janey');
    await waitFor(() => expect(findings()?.textContent).toContain('Identifies a person'));
    expect(screen.getByText(/including changes you have typed but not yet added/)).toBeTruthy();
    expect(await stored()).toBeUndefined();
  });

  it('should save enabledCriteria without a criterion that is switched off', async () => {
    const { user } = await renderPage();
    const box = screen.getByRole('checkbox', { name: /^Offensive language/ });
    expect(box).toHaveProperty('checked', true);
    await user.click(box);
    await screen.findByText('Saved: Offensive language off.');
    expect((await stored())?.enabledCriteria).toEqual(
      CRITERION_IDS.filter((id) => id !== 'offensive-language'),
    );
    expect(box).toHaveProperty('checked', false);

    // And back on, in the policy's order.
    await user.click(box);
    await screen.findByText('Saved: Offensive language on.');
    expect((await stored())?.enabledCriteria).toEqual([...CRITERION_IDS]);
  });

  it('should describe each criterion with its Annex 1 clause', async () => {
    await renderPage();
    const box = screen.getByRole('checkbox', { name: /^Spam/ });
    expect(box.getAttribute('aria-describedby')).toBeTruthy();
    const clause = document.getElementById(box.getAttribute('aria-describedby')!);
    expect(clause?.textContent).toContain('website links, promotional content');
    expect(
      screen.getAllByRole('checkbox', { name: /\((consider removing|report as a crime)\)/ }),
    ).toHaveLength(12);
  });

  it('should save the minimum confidence, site switches and pause', async () => {
    const { user } = await renderPage();
    await user.click(screen.getByRole('radio', { name: 'High only' }));
    await user.click(screen.getByRole('checkbox', { name: 'Highlight comments on Facebook' }));
    await user.click(screen.getByRole('checkbox', { name: 'Pause all highlighting' }));
    await screen.findByText('Saved: paused.');
    expect(await stored()).toMatchObject({
      minConfidence: 'high',
      disabledSites: ['facebook'],
      paused: true,
    });
  });

  it.each([
    ['(', /not a valid regular expression: a "\(" is never closed/],
    ['(a+)+$', /could take so long on some comments that the page would freeze/],
  ])('should refuse the pattern %s with a message and save nothing', async (pattern, message) => {
    const { user } = await renderPage();
    await user.type(screen.getByLabelText('Rule name'), 'bad one');
    await user.click(screen.getByRole('radio', { name: 'A regular expression' }));
    const field = screen.getByRole('textbox', { name: 'Regular expression' });
    await user.type(field, pattern);
    // Shown as it is typed, tied to the field.
    const error = await screen.findByText(message);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain(error.closest('p')!.id);

    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    expect(screen.getByText(message)).toBeTruthy();
    expect(document.activeElement).toBe(field);
    expect(await stored()).toBeUndefined();
    expect(screen.getByRole('heading', { name: 'Custom rules (0)' })).toBeTruthy();
  });

  it('should save a valid custom pattern and flag it in Try it', async () => {
    const { user } = await renderPage();
    await user.type(screen.getByLabelText('Rule name'), 'Pill spam');
    await user.selectOptions(screen.getByLabelText('Criterion it meets'), 'spam');
    await user.click(screen.getByRole('radio', { name: 'A regular expression' }));
    await user.type(screen.getByRole('textbox', { name: 'Regular expression' }), 'che+p\\s+pills');
    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    await screen.findByText('Saved: custom rule Pill spam added.');
    expect((await stored())?.customRules).toEqual([
      { id: 'Pill spam', criterion: 'spam', pattern: 'che+p\\s+pills' },
    ]);

    await tryIt(user, 'Get CHEEEP   pills now');
    await waitFor(() => expect(findings()?.textContent).toContain('Spam'));
    expect(findings()?.textContent).toContain('“CHEEEP   pills”');
    expect(findings()?.textContent).toContain('Pill spam');
  });

  it('should save a custom rule of words and remove it again', async () => {
    const { user } = await renderPage();
    await user.type(screen.getByLabelText('Rule name'), 'Local slur');
    await user.selectOptions(screen.getByLabelText('Criterion it meets'), 'offensive-language');
    await user.type(screen.getByRole('textbox', { name: 'Words or phrases' }), 'grockle, emmet');
    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    await screen.findByText('Saved: custom rule Local slur added.');
    expect((await stored())?.customRules).toEqual([
      { id: 'Local slur', criterion: 'offensive-language', words: ['grockle', 'emmet'] },
    ]);
    await tryIt(user, 'typical Emmet driving');
    await waitFor(() => expect(findings()?.textContent).toContain('Offensive language'));

    await user.click(screen.getByRole('button', { name: 'Remove rule Local slur' }));
    await screen.findByText('Saved: custom rule Local slur removed.');
    expect((await stored())?.customRules).toEqual([]);
    await waitFor(() => expect(findings()).toBeNull());
  });

  it('should refuse a custom rule without a name or with a name already used', async () => {
    const { user } = await renderPage({
      customRules: [{ id: 'Pills', criterion: 'spam', words: ['pills'] }],
    });
    await user.type(screen.getByRole('textbox', { name: 'Words or phrases' }), 'tablets');
    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    expect(screen.getByText(/Give the rule a name/)).toBeTruthy();
    await user.type(screen.getByLabelText('Rule name'), 'pills');
    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    expect(screen.getByText(/already a rule called pills/)).toBeTruthy();
    expect((await stored())?.customRules).toEqual([
      { id: 'Pills', criterion: 'spam', words: ['pills'] },
    ]);
  });

  it('should list names past their review date for review, and only those', async () => {
    await renderPage({
      protectedNames: [
        { name: 'Old Case', role: 'victim', reviewBy: '2026-01-31' },
        { name: 'Current Case', role: 'witness', reviewBy: '2026-12-31' },
        { name: 'No Date', role: 'suspect' },
        { name: 'Due Today', role: 'victim', reviewBy: TODAY },
      ],
    });
    const review = screen.getByRole('region', { name: 'For review: past their review date' });
    expect(within(review).getAllByRole('listitem')).toHaveLength(1);
    expect(review.textContent).toContain('Old Case');
    expect(review.textContent).toContain('2026-01-31');
    // It sits above the form, at the top of the section.
    const section = screen.getByRole('region', { name: 'Protected names' });
    expect(section.querySelector('h3')?.textContent).toBe('For review: past their review date');
    expect(screen.getByRole('list', { name: /^Protected names \(4\)/ }).textContent).toContain(
      'Old Case: Victim; review by 2026-01-31 (past review date)',
    );
  });

  it('should edit a protected name, moving it out of review, and remove one', async () => {
    const { user } = await renderPage({
      protectedNames: [
        { name: 'Old Case', role: 'victim', reviewBy: '2026-01-31' },
        { name: 'Other Person', role: 'suspect' },
      ],
    });
    const review = screen.getByRole('region', { name: /For review/ });
    await user.click(within(review).getByRole('button', { name: 'Edit Old Case' }));
    const name = screen.getByRole('textbox', { name: 'Name to protect' });
    expect(document.activeElement).toBe(name);
    expect(name).toHaveProperty('value', 'Old Case');
    const date = screen.getByLabelText(/Review by/);
    await user.clear(date);
    await user.type(date, '2027-01-31');
    await user.selectOptions(screen.getByLabelText('Role'), 'protected-by-order');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Saved: Old Case updated.');
    expect((await stored())?.protectedNames).toEqual([
      { name: 'Old Case', role: 'protected-by-order', reviewBy: '2027-01-31' },
      { name: 'Other Person', role: 'suspect' },
    ]);
    expect(screen.queryByRole('region', { name: /For review/ })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Remove Other Person' }));
    await screen.findByText('Saved: Other Person removed.');
    expect((await stored())?.protectedNames).toEqual([
      { name: 'Old Case', role: 'protected-by-order', reviewBy: '2027-01-31' },
    ]);
    expect(document.activeElement?.textContent).toBe('Protected names (1)');
  });

  it('should refuse a protected name with no name, or one already listed', async () => {
    const { user } = await renderPage({ protectedNames: [{ name: 'Jane Doe', role: 'victim' }] });
    await user.click(screen.getByRole('button', { name: 'Add protected name' }));
    expect(screen.getByRole('alert').textContent).toContain('Enter the name to protect.');
    await user.type(screen.getByRole('textbox', { name: 'Name to protect' }), 'jane doe');
    await user.click(screen.getByRole('button', { name: 'Add protected name' }));
    expect(screen.getByRole('alert').textContent).toContain('jane doe is already listed');
    expect((await stored())?.protectedNames).toEqual([{ name: 'Jane Doe', role: 'victim' }]);
  });

  it('should save active cases, operations and allowed terms when leaving each box', async () => {
    const { user } = await renderPage();
    await tryIt(user, 'Heard Operation Falcon are hitting the estate next week');
    expect(await screen.findByText('Nothing would be highlighted.')).toBeTruthy();
    await user.type(
      screen.getByLabelText('Operation names'),
      'Operation Falcon{Enter}{Enter} Operation Falcon ',
    );
    // Shown in Try it while typing, but saved only when the box is left.
    await waitFor(() => expect(findings()?.textContent).toContain('Sensitive information'));
    expect(await stored()).toBeUndefined();

    await user.click(screen.getByLabelText('Active case names and references'));
    await screen.findByText('Saved: operation names.');
    expect((await stored())?.operations).toEqual(['Operation Falcon']);
    await user.type(screen.getByLabelText('Active case names and references'), 'R v Mills');
    await user.tab();
    await screen.findByText('Saved: active case names and references.');
    expect((await stored())?.activeCases).toEqual(['R v Mills']);
  });

  it('should save the moderator as {name, staffNumber, team} at local:moderator', async () => {
    const { user } = await renderPage();
    await user.click(screen.getByRole('button', { name: 'Save your details' }));
    expect(screen.getByText('Enter your name.')).toBeTruthy();
    expect(screen.getByText('Enter your staff or collar number.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Your name' }));
    expect(await fakeBrowser.storage.local.get('moderator')).toEqual({});

    await user.type(screen.getByRole('textbox', { name: 'Your name' }), '  A. Moderator ');
    await user.type(screen.getByLabelText('Staff or collar number'), '4471');
    await user.click(screen.getByRole('button', { name: 'Save your details' }));
    await screen.findByText('Saved: your details.');
    expect(await fakeBrowser.storage.local.get('moderator')).toEqual({
      moderator: { name: 'A. Moderator', staffNumber: '4471' },
    });
    await user.type(screen.getByLabelText(/^Team/), 'Digital Media');
    await user.click(screen.getByRole('button', { name: 'Save your details' }));
    await waitFor(async () =>
      expect(await fakeBrowser.storage.local.get('moderator')).toEqual({
        moderator: { name: 'A. Moderator', staffNumber: '4471', team: 'Digital Media' },
      }),
    );
  });

  it('should show stored moderator details when it opens', async () => {
    await fakeBrowser.storage.local.set({
      moderator: { name: 'B. Smith', staffNumber: '99', team: 'Response' },
    });
    await renderPage();
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Your name' })).toHaveProperty(
        'value',
        'B. Smith',
      ),
    );
    expect(screen.getByLabelText(/^Team/)).toHaveProperty('value', 'Response');
  });

  it('should follow a change made elsewhere, such as the overlay pause button', async () => {
    await renderPage();
    const pause = screen.getByRole('checkbox', { name: 'Pause all highlighting' });
    expect(pause).toHaveProperty('checked', false);
    await act(() => settingsItem.setValue({ ...DEFAULT_SETTINGS, paused: true }));
    // The page hears of it from the background (lib/messages/relay.ts), not from storage: a change
    // to other records alone is not a reason to read the settings again.
    await act(() =>
      fakeBrowser.runtime.onMessage.trigger(
        { type: 'storage:changed', keys: ['blockLog'] },
        {},
        () => {},
      ),
    );
    expect(pause).toHaveProperty('checked', false);
    await act(() =>
      fakeBrowser.runtime.onMessage.trigger(
        { type: 'storage:changed', keys: ['settings'] },
        {},
        () => {},
      ),
    );
    await waitFor(() => expect(pause).toHaveProperty('checked', true));
  });

  it('should be operable from the keyboard: skip link, then space on a checkbox', async () => {
    const { user } = await renderPage();
    await user.tab();
    expect(document.activeElement?.textContent).toBe('Skip to settings');
    expect(document.activeElement?.getAttribute('href')).toBe('#main');
    const box = screen.getByRole('checkbox', { name: /^Defamatory/ });
    box.focus();
    await user.keyboard(' ');
    await screen.findByText('Saved: Defamatory off.');
    expect((await stored())?.enabledCriteria).not.toContain('defamatory');
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    for (const link of within(nav).getAllByRole('link')) {
      expect(document.getElementById(link.getAttribute('href')!.slice(1))).toBeTruthy();
    }
  });

  it('should have no axe violations, with every section filled in', async () => {
    const { container, user } = await renderPage({
      protectedNames: [
        { name: 'Old Case', role: 'victim', reviewBy: '2026-01-31', variants: ['O Case'] },
        { name: 'Jane Doe', role: 'witness', caseRef: '24/1' },
      ],
      customRules: [{ id: 'Pills', criterion: 'spam', words: ['pills'] }],
      operations: ['Operation Falcon'],
    });
    await user.click(screen.getByRole('button', { name: 'Save your details' }));
    await user.click(screen.getByRole('radio', { name: 'A regular expression' }));
    await user.type(screen.getByRole('textbox', { name: 'Regular expression' }), '(');
    await tryIt(user, 'Jane Doe sells pills');
    await waitFor(() => expect(findings()).toBeTruthy());
    const r = await axe.run(container, {
      rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
    });
    expect(r.violations).toEqual([]);
  });
});

describe('useStoredSettings', () => {
  it('should refuse a change that fails the schema, saying why, and save nothing', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, paused: true });
    const { result } = renderHook(() => useStoredSettings());
    await waitFor(() => expect(result.current.settings?.paused).toBe(true));
    let message: string | null = null;
    await act(async () => {
      message = await result.current.update(
        (s) => ({ ...s, minConfidence: 'sometimes' as never }),
        'confidence',
      );
    });
    expect(message).toMatch(/^Not saved\..*minConfidence/s);
    expect(result.current.status).toBe('');
    expect((await stored())?.minConfidence).toBe('medium');
    expect(result.current.settings?.minConfidence).toBe('medium');
  });
});

// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { EvidenceReport, parseReportQuery } from '../../components/Report';
import { criterion } from '../../lib/policy';
import {
  appendAmendment,
  appendEntry,
  captureEvidence,
  emptyBlockLog,
  type BlockEntry,
  type BlockLog,
} from '../../lib/records';
import { moderator, seedBasics } from '../background/helpers';
import { storeBlockLog } from '../blocklog-helpers';
import { otherChainsStore } from '../../lib/storage/otherChains';

const now = () => new Date('2026-11-20T12:00:00.000Z');
const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

async function entryFor(handle: string, n: number, over: Partial<BlockEntry> = {}) {
  return {
    id: id(100 + n),
    createdAt: `2026-11-1${n}T10:00:00.000Z`,
    moderator,
    platform: 'x',
    account: {
      id: 'main-x',
      platform: 'x',
      handle: 'leicspolice',
      label: '@leicspolice',
      enrolledInRepeatCallerScheme: true,
    },
    user: { platform: 'x', handle, displayName: `${handle} display` },
    content: { url: `https://x.com/${handle}/status/${n}` },
    engagements: [
      { at: '2026-11-01T09:00:00.000Z', method: 'public-reply', said: 'Please keep it civil.' },
    ],
    advice: { from: 'DMT duty officer', at: '2026-11-02T09:00:00.000Z', advice: 'Block and log.' },
    criteria: ['threat-abuse-hate'],
    justification: `Abuse from ${handle} continued after advice.`,
    evidence: [
      await captureEvidence(
        {
          text: `<b>not bold</b> =cmd|' /C calc'!A0 from ${handle}`,
          author: { handle, displayName: `${handle} display` },
          url: `https://x.com/${handle}/status/${n}`,
        },
        new Date(`2026-11-1${n}T09:55:00.000Z`),
      ),
    ],
    outcome: { kind: 'pending' },
    ...over,
  } satisfies BlockEntry;
}

async function seedLog(): Promise<BlockLog> {
  let log = emptyBlockLog();
  log = await appendEntry(log, await entryFor('alice', 1));
  log = await appendEntry(
    log,
    await entryFor('spambot', 2, {
      engagements: [],
      advice: undefined,
      exception: { kind: 'automated-spam-account', why: 'Posts a link every minute.' },
      criteria: ['spam'],
    }),
  );
  log = await appendAmendment(log, {
    id: id(201),
    entryId: id(101),
    at: '2026-11-11T11:00:00.000Z',
    moderator,
    kind: 'outcome',
    why: 'Blocked on X.',
    data: { kind: 'blocked', at: '2026-11-11T11:00:00.000Z' },
  });
  log = await appendAmendment(log, {
    id: id(202),
    entryId: id(101),
    at: '2026-11-12T09:00:00.000Z',
    moderator,
    kind: 'correction',
    why: 'Typo in the reason.',
    data: { justification: 'Abuse from alice continued after engagement and advice.' },
  });
  log = await appendEntry(log, await entryFor('alice', 3));
  await storeBlockLog(log);
  return log;
}

async function noAxeViolations(container: HTMLElement) {
  const r = await axe.run(container, {
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
  });
  expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  await seedBasics();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('parseReportQuery', () => {
  it('should read the user and London date range, and refuse nonsense', () => {
    expect(parseReportQuery('?user=x:alice&from=2026-11-01&to=2026-11-30')).toEqual({
      ok: true,
      filter: { user: 'x:alice', from: '2026-11-01', to: '2026-11-30' },
    });
    expect(parseReportQuery('')).toEqual({ ok: true, filter: {} });
    expect(parseReportQuery('?user=@@@').ok).toBe(false);
    expect(parseReportQuery('?from=2026-13-45').ok).toBe(false);
    expect(parseReportQuery('?from=2026-12-01&to=2026-11-01').ok).toBe(false);
  });
});

describe('the printable evidence report', () => {
  it('should show one user’s full chronology with clauses, evidence, amendments and hashes', async () => {
    const log = await seedLog();
    // happy-dom has no window.print; the page calls the browser's.
    const print = vi.fn();
    vi.stubGlobal('print', print);
    window.print = print;
    const user = userEvent.setup();
    const { container } = render(<EvidenceReport search="?user=x:alice" now={now} />);

    const verified = await screen.findByText(/Chain verified: all 5 records are intact\./);
    expect(verified.closest('section')!.querySelector('h2')!.textContent).toContain('passed');
    expect(document.title).toBe(
      'block-log-report_x-alice_start_to_2026-11-20_exported-2026-11-20T1200Z',
    );
    // Only alice's two entries: spambot is another user.
    const sections = container.querySelectorAll('section.user');
    expect(sections).toHaveLength(1);
    expect(screen.queryByText(/spambot/)).toBeNull();
    const section = sections[0] as HTMLElement;
    expect(within(section).getByRole('heading', { level: 2 }).textContent).toBe(
      '@alice (alice display) on X',
    );
    const entries = within(section).getAllByRole('article');
    expect(entries).toHaveLength(2);

    const first = entries[0]!;
    const text = first.textContent!.replace(/\s+/g, ' ');
    const clause = criterion('threat-abuse-hate');
    expect(text).toContain(clause.label);
    expect(text).toContain(clause.clause.replace(/\s+/g, ' '));
    expect(text).toContain('Please keep it civil.');
    expect(text).toContain('DMT duty officer');
    // The entry reads as corrected, and the correction is in the chronology.
    expect(text).toContain('Abuse from alice continued after engagement and advice.');
    expect(text).toContain('Corrected justification');
    expect(text).toContain('Blocked on the platform');
    // Evidence text is text: markup in it is shown, not interpreted.
    expect(first.querySelector('b')).toBeNull();
    expect(text).toContain(`<b>not bold</b> =cmd|' /C calc'!A0 from alice`);
    const stored = log.records[0]!;
    if (stored.kind !== 'entry') throw new Error('expected an entry');
    expect(text).toContain(stored.record.evidence[0]!.sha256);
    expect(text).toContain('https://x.com/alice/status/1');
    // Every record of this entry, with its hash, in chain order.
    const chronology = within(first)
      .getAllByRole('listitem')
      .filter((li) => /^Record \d/.test(li.textContent ?? ''));
    expect(chronology.map((li) => li.textContent!.match(/^Record (\d+)/)![1])).toEqual([
      '0',
      '2',
      '3',
    ]);
    for (const seq of [0, 2, 3]) expect(text).toContain(log.records[seq]!.hash);

    await noAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Print or save as PDF' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('should put every user in a date range in its own section and show exceptions', async () => {
    await seedLog();
    const { container } = render(
      <EvidenceReport search="?from=2026-11-12&to=2026-11-13" now={now} />,
    );
    await screen.findByText(/Chain verified/);
    const sections = Array.from(container.querySelectorAll('section.user'));
    expect(sections.map((s) => s.querySelector('h2')!.textContent)).toEqual([
      '@spambot (spambot display) on X',
      '@alice (alice display) on X',
    ]);
    const spam = sections[0]!.textContent!;
    expect(spam).toContain('Automated spam account');
    expect(spam).toContain('Posts a link every minute.');
    expect(spam).toContain('None recorded before acting: the exception above applies.');
    expect(screen.getByText(/2 entries for 2 users/)).toBeTruthy();
  });

  it('should name the tampered entry when the chain does not verify', async () => {
    const log = await seedLog();
    const tampered = structuredClone(log);
    const link = tampered.records[1]!;
    if (link.kind === 'entry') link.record.justification = 'Quietly rewritten.';
    await storage.setItem('local:blockLog', tampered);
    const { container } = render(<EvidenceReport search="" now={now} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      `Verification failed at record 1 (entry for spambot, id ${id(102)}): content does not match its hash (altered).`,
    );
    expect(screen.getByRole('heading', { name: 'Chain verification: FAILED' })).toBeTruthy();
    expect(screen.queryByText(/Chain verified/)).toBeNull();
    await noAxeViolations(container);
  });

  it('should verify and list every chain, with each chain’s head and where imported entries came from', async () => {
    const own = await seedLog();
    const other = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const theirs = await appendEntry(
      emptyBlockLog(),
      await entryFor('alice', 4, {
        id: id(400),
        moderator: { name: 'B. Elsewhere', staffNumber: '9' },
      }),
    );
    await otherChainsStore.add([
      {
        installationId: other,
        add: theirs,
        carried: [],
        provenance: {
          installationId: other,
          file: 'their-backup.json',
          by: moderator,
          at: '2026-11-19T09:00:00.000Z',
          firstSeq: 0,
          lastSeq: 0,
          headHash: theirs.records[0]!.hash,
          recordIds: [id(400)],
        },
      },
    ]);
    const { container } = render(<EvidenceReport search="?user=x:alice" now={now} />);
    const status = await screen.findByText(/Chain verified/);
    expect(status.textContent).toContain(
      'This installation’s chain: Chain verified: all 5 records are intact.',
    );
    expect(status.textContent).toContain(
      `Installation ${other}’s chain (1 link, imported from backup their-backup.json, by A. Moderator (12345), 19 Nov 2026, 09:00): Chain verified: all 1 records are intact.`,
    );
    const heads = Array.from(container.querySelectorAll('dl.head')).map((d) => d.textContent);
    expect(heads).toHaveLength(2);
    expect(heads[0]).toContain(own.records.at(-1)!.hash);
    expect(heads[1]).toContain(other);
    expect(heads[1]).toContain(theirs.records[0]!.hash);
    const entries = Array.from(container.querySelectorAll('article.entry'));
    expect(entries).toHaveLength(3);
    expect(entries[2]!.textContent).toContain(
      `ProvenanceAnother installation’s record (${other}), imported from backup their-backup.json`,
    );
    expect(entries[0]!.textContent).not.toContain('Provenance');
  });

  it('should refuse a bad address and say so', async () => {
    render(<EvidenceReport search="?user=not%20a%20user" now={now} />);
    expect(screen.getByRole('alert').textContent).toMatch(/report address is not valid/);
  });
});

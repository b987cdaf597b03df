import type { CommentCapture } from '../../lib/overlay/messages';
import type { HandlerDeps } from '../../lib/messages/handler';
import { DEFAULT_ACCOUNTS, accountsItem, moderatorItem } from '../../lib/storage/records';
import { loadContacts, replaceContacts } from '../../lib/storage/contactsDb';
import type { Contact, Moderator } from '../../lib/records';
import { fakeBrowser } from 'wxt/testing/fake-browser';
// Aliased: the name reads as a React hook to the linter, and this is not one.
import { useMemoryRecordsDb as openMemoryRecordsDb } from '../../scripts/lib/memory-db';

export const moderator: Moderator = { name: 'A. Moderator', staffNumber: '12345', team: 'DMT' };

/** Deps with a fixed clock (advanced with `clock.set`) and deterministic v4-shaped ids. */
export function testDeps(start = '2026-11-20T12:00:00.000Z') {
  let n = 0;
  const clock = { t: Date.parse(start) };
  const deps: HandlerDeps = {
    now: () => new Date(clock.t),
    newId: () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`,
  };
  return { deps, clock };
}

export async function seedBasics(): Promise<void> {
  await moderatorItem.item.setValue(moderator);
  await accountsItem.item.setValue({
    schemaVersion: 1,
    accounts: DEFAULT_ACCOUNTS.map((a) => ({ ...a })),
  });
}

export function capture(over: Partial<CommentCapture> = {}): CommentCapture {
  return {
    platform: 'x',
    key: 'x:status:1',
    text: 'You lot are useless, I will keep posting until you answer',
    author: { handle: 'jbloggs', displayName: 'Joe Bloggs', profileUrl: 'https://x.com/jbloggs' },
    url: 'https://x.com/jbloggs/status/1',
    permalink: 'https://x.com/jbloggs/status/1',
    pageUrl: 'https://x.com/leicspolice/status/99',
    seenAt: '2026-11-20T11:00:00.000Z',
    criteria: ['offensive-language'],
    findings: [],
    policyVersion: '2026-11-25.1',
    ...over,
  };
}

/** Every stored contact, read as the popup and options page read them. */
export async function storedContacts(): Promise<Contact[]> {
  return (await loadContacts(new Date())).contacts;
}

let emptied = 0;

/** A browser with nothing stored: storage reset and a new, empty records database. */
export async function emptyBrowser(): Promise<void> {
  fakeBrowser.reset();
  await openMemoryRecordsDb(`emptied-${++emptied}`);
}

/** Deletes every stored contact, as data cleared from outside the background would be. */
export function clearContacts(): Promise<void> {
  return replaceContacts([]);
}

export { completeDraft } from '../records/fixtures';

import type { CommentCapture } from '../../lib/overlay/messages';
import type { HandlerDeps } from '../../lib/messages/handler';
import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_ACCOUNTS,
  accountsItem,
  contactBucketWrites,
  moderatorItem,
  readContacts,
} from '../../lib/storage/records';
import { splitContacts, type Contact, type Moderator } from '../../lib/records';

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

/** Every stored contact, read as the popup and options page read them (all buckets). */
export async function storedContacts(): Promise<Contact[]> {
  return (await readContacts({ quarantine: false, now: new Date() })).contacts;
}

/** Empties every contact bucket, as the options page clearing data would. */
export async function clearContacts(): Promise<void> {
  await storage.setItems(contactBucketWrites(splitContacts([])));
}

export { completeDraft } from '../records/fixtures';

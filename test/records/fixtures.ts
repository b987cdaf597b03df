import {
  captureEvidence,
  sha256Hex,
  type Amendment,
  type BlockEntry,
  type Contact,
  type ForceAccount,
  type Moderator,
  type RepeatCallerEvent,
  type UserIdentity,
} from '../../lib/records';
import { userKey } from '../../lib/records/identity';
import type { Request } from '../../lib/messages/protocol';
import type { Draft } from '../../lib/storage/records';

let counter = 0;
/** Deterministic v4-shaped UUIDs so failures are reproducible. */
export function uuid(n: number = ++counter): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** The installation id the tests' exports name as their chain's keeper. */
export const INSTALLATION = '5c0c1c52-8d55-4d5e-b1c3-8a9f0d1e2f30';

export const moderator: Moderator = {
  name: 'A. Moderator',
  staffNumber: '12345',
  team: 'Digital Media',
};

export const mainX: ForceAccount = {
  id: 'main-x',
  platform: 'x',
  handle: 'LeicsPolice',
  label: '@LeicsPolice',
  enrolledInRepeatCallerScheme: true,
};
export const mainFacebook: ForceAccount = {
  id: 'main-fb',
  platform: 'facebook',
  pageUrl: 'https://www.facebook.com/leicspolice',
  label: 'Leicestershire Police',
  enrolledInRepeatCallerScheme: true,
};
export const localX: ForceAccount = {
  id: 'local-x',
  platform: 'x',
  handle: 'CharnwoodPolice',
  label: '@CharnwoodPolice',
  enrolledInRepeatCallerScheme: false,
};
export const accounts = [mainX, mainFacebook, localX];

export const jb: UserIdentity = { platform: 'x', handle: 'JBloggs', displayName: 'Joe Bloggs' };

export function entry(over: Partial<BlockEntry> = {}): BlockEntry {
  return {
    id: uuid(),
    createdAt: '2026-11-03T14:05:00.000Z',
    moderator,
    platform: 'x',
    account: mainX,
    user: jb,
    content: { url: 'https://x.com/JBloggs/status/1' },
    engagements: [
      { at: '2026-11-01T09:00:00.000Z', method: 'public-reply', said: 'Please keep it civil.' },
    ],
    advice: {
      from: 'Digital Media Team',
      at: '2026-11-02T10:00:00.000Z',
      advice: 'Block and log.',
    },
    criteria: ['threat-abuse-hate'],
    justification: 'Continued abuse after advice.',
    evidence: [],
    outcome: { kind: 'pending' },
    ...over,
  };
}

export async function evidence(text: string, at = '2026-11-03T14:00:00.000Z') {
  return captureEvidence(
    { text, author: { handle: 'JBloggs' }, url: 'https://x.com/JBloggs/status/1' },
    new Date(at),
  );
}

export function amendment(
  entryId: string,
  over: Partial<Amendment> & Pick<Amendment, 'kind'>,
): Amendment {
  return {
    id: uuid(),
    entryId,
    at: '2026-11-04T09:00:00.000Z',
    moderator,
    why: 'Because.',
    ...over,
  } as Amendment;
}

export function contact(
  at: string,
  over: Partial<Contact> & { user?: UserIdentity } = {},
): Contact {
  const user = over.user ?? jb;
  return {
    id: uuid(),
    userKey: userKey(user),
    user,
    platform: user.platform,
    accountId: user.platform === 'x' ? mainX.id : mainFacebook.id,
    at,
    reason: 'inappropriate',
    recordedBy: moderator,
    ...over,
  };
}

/** `n` contacts one day apart starting at `start`. */
export function daily(start: string, n: number, over: Partial<Contact> = {}): Contact[] {
  const t0 = Date.parse(start);
  return Array.from({ length: n }, (_, i) =>
    contact(new Date(t0 + i * 86_400_000).toISOString(), over),
  );
}

export function advised(key: string, at: string): RepeatCallerEvent {
  return {
    id: uuid(),
    at,
    by: moderator,
    kind: 'advised',
    userKey: key,
    how: 'private-message',
    advice: 'Please call 101 for non-emergencies.',
  };
}

export function linked(
  a: string,
  b: string,
  at = '2026-01-01T00:00:00.000Z',
): Extract<RepeatCallerEvent, { kind: 'linked' }> {
  return {
    id: uuid(),
    at,
    by: moderator,
    kind: 'linked',
    userKey: a,
    otherUserKey: b,
    why: 'Same person.',
  };
}

/** The `block:amend` request the popup sends to record that an entry's user was blocked on X. */
export function blockedOnX(
  entryId: string,
  // A form chooses its id at random, as the popup does, so it never meets a fixture's counted id.
  requestId: string = crypto.randomUUID(),
): Extract<Request, { type: 'block:amend' }> {
  return {
    type: 'block:amend',
    requestId,
    entryId,
    amendment: {
      kind: 'outcome',
      why: 'Blocked on X.',
      data: { kind: 'blocked', at: '2026-11-20T12:00:00.000Z' },
    },
  };
}

/**
 * A block-workflow draft with every step complete, ready for `block:confirm`, by `handle` on X
 * through `main-x`. Built from records only (no storage), so the real-browser tests can use it.
 */
export async function completeDraft(id: string, handle = 'jbloggs'): Promise<Draft> {
  const at = '2026-11-20T10:00:00.000Z';
  return {
    id,
    createdAt: at,
    updatedAt: at,
    source: 'manual',
    step: 'who',
    platform: 'x',
    accountId: 'main-x',
    handle,
    profileUrl: '',
    displayName: '',
    contentUrl: '',
    contentExcerpt: '',
    engagements: [
      { at: '2026-11-18T09:00', method: 'public-reply', said: 'Please keep it civil.', link: '' },
    ],
    exceptionKind: 'none',
    exceptionWhy: '',
    adviceFrom: 'DMT duty officer',
    adviceAt: '2026-11-19T10:00',
    adviceText: 'Block and log it.',
    criteria: ['threat-abuse-hate'],
    justification: 'Continued abuse after engagement and advice.',
    evidence: [
      {
        text: 'abuse',
        author: { handle },
        url: `https://x.com/${handle}/status/1`,
        capturedAt: at,
        sha256: await sha256Hex('abuse'),
      },
    ],
  };
}

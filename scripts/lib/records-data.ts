/**
 * A large, valid block log for the records benchmark and the scale tests: `n` entries spread over
 * a year, over both platforms and about n/10 users, with a third of them amended (outcome, note or
 * correction). Links are hashed as `appendEntry` hashes them, so `verifyChain` accepts the log;
 * building it link by link avoids copying the whole log on every append.
 */
import { POLICY } from '../../lib/policy';
import {
  GENESIS_HASH,
  linkHash,
  sha256Hex,
  type Amendment,
  type BlockEntry,
  type BlockLog,
  type ChainedRecord,
  type Contact,
  type ForceAccount,
  type Moderator,
} from '../../lib/records';

const MODERATOR: Moderator = {
  name: 'Bench Moderator',
  staffNumber: '4242',
  team: 'Digital Media',
};

const ACCOUNTS: Record<'x' | 'facebook', ForceAccount> = {
  x: {
    id: 'main-x',
    platform: 'x',
    handle: 'leicspolice',
    label: '@leicspolice',
    enrolledInRepeatCallerScheme: true,
  },
  facebook: {
    id: 'main-facebook',
    platform: 'facebook',
    pageUrl: 'https://www.facebook.com/leicspolice',
    label: 'Leicestershire Police',
    enrolledInRepeatCallerScheme: true,
  },
};

/** A v4-shaped UUID from a counter, so runs are reproducible. */
function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

const START = Date.parse('2026-01-01T09:00:00.000Z');
const STEP_MS = Math.floor((365 * 24 * 3600 * 1000) / 10_000);

/**
 * The handle of the i-th entry's user: `user0` … `user<n/10>`, so each user has about ten entries.
 *
 * @example
 * benchHandle(123, 10_000); // 'user123'
 */
export function benchHandle(i: number, n: number): string {
  return `user${i % Math.max(1, Math.floor(n / 10))}`;
}

/**
 * Builds the log. Async because every hash is WebCrypto SHA-256.
 *
 * @example
 * const log = await makeBlockLog(10_000);
 */
export async function makeBlockLog(n: number): Promise<BlockLog> {
  const records: ChainedRecord[] = [];
  let prevHash = GENESIS_HASH;
  let id = 1;
  const push = async (body: Pick<ChainedRecord, 'kind' | 'record'>) => {
    const seq = records.length;
    const hash = await linkHash({ ...body, seq, prevHash } as ChainedRecord);
    records.push({ ...body, seq, prevHash, hash } as ChainedRecord);
    prevHash = hash;
  };
  const criteria = POLICY.criteria.map((c) => c.id);
  for (let i = 0; i < n; i++) {
    const platform = i % 3 === 0 ? 'facebook' : 'x';
    const handle = benchHandle(i, n);
    const at = new Date(START + i * STEP_MS).toISOString();
    const text = `Comment ${i} from ${handle}: =HYPERLINK("http://example.com") you lot are useless`;
    const entry: BlockEntry = {
      id: uuid(id++),
      createdAt: at,
      moderator: MODERATOR,
      platform,
      account: ACCOUNTS[platform],
      user: { platform, handle, displayName: `Bench User ${i % 97}` },
      content: { url: `https://example.com/${handle}/status/${i}`, excerpt: text.slice(0, 40) },
      engagements:
        i % 5 === 0
          ? []
          : [{ at, method: 'public-reply', said: 'Please keep it civil or we will block you.' }],
      ...(i % 5 === 0
        ? { exception: { kind: 'automated-spam-account' as const, why: 'Posts a link a minute.' } }
        : { advice: { from: 'Digital Media Team', at, advice: 'Block and log.' } }),
      criteria: [criteria[i % criteria.length]!],
      justification: `Continued abuse after engagement (entry ${i}).`,
      evidence: [
        {
          text,
          author: { handle },
          url: `https://example.com/${handle}/status/${i}`,
          capturedAt: at,
          sha256: await sha256Hex(text),
        },
      ],
      outcome: { kind: 'pending' },
    };
    await push({ kind: 'entry', record: entry });
    if (i % 3 === 1) {
      const later = new Date(START + i * STEP_MS + 3_600_000).toISOString();
      const base = { id: uuid(id++), entryId: entry.id, at: later, moderator: MODERATOR };
      const amendment: Amendment =
        i % 9 === 1
          ? { ...base, kind: 'note', why: 'Called the Digital Media Team again.' }
          : i % 9 === 4
            ? {
                ...base,
                kind: 'correction',
                why: 'Typo.',
                data: { justification: `Corrected reason ${i}.` },
              }
            : {
                ...base,
                kind: 'outcome',
                why: 'Blocked on the platform.',
                data: { kind: 'blocked', at: later },
              };
      await push({ kind: 'amendment', record: amendment });
    }
  }
  return { schemaVersion: 1, records };
}

/**
 * `count` contacts over `users` X users, deterministic: most users have a handful over the year
 * before `now`, one in fifty many recent ones (so the repeat-caller list has people on it), one
 * in ten on a local account outside the scheme.
 *
 * @example
 * const contacts = makeContacts(100_000, 20_000, new Date('2026-11-25T12:00:00Z'));
 */
export function makeContacts(count: number, users: number, now: Date): Contact[] {
  let seed = 42;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const out: Contact[] = [];
  for (let i = 0; i < count; i++) {
    const u = i < users ? i : Math.floor(rand() ** 2 * users);
    const recent = u % 50 === 0;
    const ageMs = (recent ? rand() * 25 : rand() * 365) * 24 * 3600 * 1000;
    const handle = `user${u}`;
    out.push({
      id: uuid(i + 1),
      userKey: `x:${handle}`,
      user: { platform: 'x', handle },
      platform: 'x',
      accountId: u % 10 === 0 ? 'local-x' : 'main-x',
      at: new Date(now.getTime() - ageMs).toISOString(),
      reason: 'inappropriate',
      commentKey: `x:status:${i}`,
      link: `https://x.com/${handle}/status/${i}`,
      note: 'Abusive reply to an appeal.',
      recordedBy: MODERATOR,
    });
  }
  return out;
}

/**
 * The overlay's capture of the `i`-th new abusive reply (by one of `user0` … `user96`), for
 * recording contacts in the benchmarks.
 *
 * @example
 * await handleMessage({ type: 'contact:record', comment: benchComment(1, now) }, deps);
 */
export function benchComment(i: number, now: Date) {
  return {
    platform: 'x' as const,
    key: `x:status:new-${i}`,
    text: 'You lot are useless',
    author: { handle: `user${i % 97}` },
    url: `https://x.com/user${i % 97}/status/new-${i}`,
    permalink: `https://x.com/user${i % 97}/status/new-${i}`,
    pageUrl: 'https://x.com/leicspolice/status/1',
    seenAt: now.toISOString(),
    criteria: ['offensive-language' as const],
    findings: [],
    policyVersion: 'bench',
  };
}

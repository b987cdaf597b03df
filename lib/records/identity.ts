import type { Platform } from '../policy/schema';
import type { RepeatCallerEvent, UserIdentity } from './schemas';

/** X paths that are pages of the site, not profiles. */
const X_RESERVED = new Set([
  'home',
  'i',
  'search',
  'explore',
  'notifications',
  'messages',
  'settings',
  'intent',
  'share',
  'hashtag',
  'compose',
  'login',
  'logout',
  'signup',
  'tos',
  'privacy',
]);

/** Facebook first path segments that are never a vanity name. */
const FACEBOOK_RESERVED = new Set([
  'groups',
  'events',
  'watch',
  'pages',
  'hashtag',
  'share',
  'sharer',
  'sharer.php',
  'login',
  'login.php',
  'home.php',
  'photo.php',
  'photo',
  'photos',
  'story.php',
  'permalink.php',
  'marketplace',
  'gaming',
  'reel',
  'reels',
  'stories',
  'search',
  'notifications',
  'messages',
  'friends',
  'settings',
  'help',
  'policies',
]);

const X_HOSTS = new Set(['x.com', 'twitter.com']);
const FACEBOOK_HOSTS = new Set(['facebook.com', 'fb.com']);

/** `www.`, `m.`, `mobile.` and `web.` are the same site as far as a profile is concerned. */
function bareHost(host: string): string {
  return host.toLowerCase().replace(/^(?:www\.|m\.|mobile\.|web\.|touch\.|mbasic\.)+/, '');
}

function parseUrl(input: string): URL | null {
  const trimmed = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(withScheme);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * Which platform a profile or content URL belongs to, or null for any other site.
 *
 * @example
 * platformOfUrl('https://mobile.twitter.com/jbloggs'); // 'x'
 * platformOfUrl('https://example.com/'); // null
 */
export function platformOfUrl(input: string): Platform | null {
  const url = parseUrl(input);
  if (!url) return null;
  const host = bareHost(url.hostname);
  if (X_HOSTS.has(host)) return 'x';
  if (FACEBOOK_HOSTS.has(host)) return 'facebook';
  return null;
}

function pathSegments(url: URL): string[] {
  return url.pathname
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

const X_HANDLE = /^[a-z0-9_]{1,50}$/;
const FACEBOOK_VANITY = /^[a-z0-9.]{1,80}$/;
const DIGITS = /^\d{1,30}$/;

/**
 * The bare X handle (lower case, no "@") from a handle or a profile/status URL; null when the
 * input names no user (a search page, another site, an impossible handle).
 *
 * @example
 * normaliseXHandle('@JBloggs'); // 'jbloggs'
 * normaliseXHandle('https://mobile.twitter.com/JBloggs/status/1?s=20'); // 'jbloggs'
 * normaliseXHandle('https://x.com/search?q=police'); // null
 */
export function normaliseXHandle(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed.includes('/') || trimmed.includes('.')) {
    const url = parseUrl(trimmed);
    if (!url || !X_HOSTS.has(bareHost(url.hostname))) return null;
    const first = pathSegments(url)[0]?.replace(/^@/, '').toLowerCase();
    if (first === undefined || X_RESERVED.has(first) || !X_HANDLE.test(first)) return null;
    return first;
  }
  const handle = trimmed.replace(/^@/, '').toLowerCase();
  return X_HANDLE.test(handle) && !X_RESERVED.has(handle) ? handle : null;
}

/**
 * A Facebook profile reference: a numeric id (stable for life) or a vanity name (can change).
 *
 * @example
 * const ref: FacebookRef = { kind: 'vanity', name: 'jane.doe.5' };
 */
export type FacebookRef = { kind: 'id'; id: string } | { kind: 'vanity'; name: string };

/**
 * The profile a Facebook handle or URL refers to; null when it is not a profile.
 * `profile.php?id=` keeps the id and drops everything else; vanity names are lower-cased.
 *
 * @example
 * normaliseFacebook('https://m.facebook.com/profile.php?id=1000123&sk=about'); // { kind: 'id', id: '1000123' }
 * normaliseFacebook('https://www.facebook.com/Jane.Doe.5/'); // { kind: 'vanity', name: 'jane.doe.5' }
 */
export function normaliseFacebook(input: string): FacebookRef | null {
  const trimmed = input.trim();
  if (!trimmed.includes('/') && !/facebook\.com|fb\.com/i.test(trimmed)) {
    const handle = trimmed.replace(/^@/, '').toLowerCase();
    if (DIGITS.test(handle)) return { kind: 'id', id: handle };
    if (FACEBOOK_VANITY.test(handle) && !FACEBOOK_RESERVED.has(handle)) {
      return { kind: 'vanity', name: handle };
    }
    return null;
  }
  const url = parseUrl(trimmed);
  if (!url || !FACEBOOK_HOSTS.has(bareHost(url.hostname))) return null;
  const segments = pathSegments(url);
  const first = segments[0]?.toLowerCase();
  if (first === undefined) return null;
  if (first === 'profile.php') {
    const id = url.searchParams.get('id');
    return id !== null && DIGITS.test(id) ? { kind: 'id', id } : null;
  }
  // /people/Jane-Doe/1000123/ and /groups/<g>/user/1000123/ name the profile by id.
  if (first === 'people') {
    const id = segments[2];
    return id !== undefined && DIGITS.test(id) ? { kind: 'id', id } : null;
  }
  if (first === 'groups') {
    const at = segments.findIndex((s) => s.toLowerCase() === 'user');
    const id = at >= 0 ? segments[at + 1] : undefined;
    return id !== undefined && DIGITS.test(id) ? { kind: 'id', id } : null;
  }
  if (FACEBOOK_RESERVED.has(first)) return null;
  if (DIGITS.test(first)) return { kind: 'id', id: first };
  return FACEBOOK_VANITY.test(first) ? { kind: 'vanity', name: first } : null;
}

function facebookKey(ref: FacebookRef): string {
  return ref.kind === 'id' ? `facebook:id:${ref.id}` : `facebook:${ref.name}`;
}

/**
 * The normalised key for a user, or null when the identity names nobody we can key.
 * On Facebook a numeric id wins over a vanity name because it never changes.
 *
 * @example
 * tryUserKey({ platform: 'x', profileUrl: 'https://twitter.com/JBloggs' }); // 'x:jbloggs'
 * tryUserKey({ platform: 'x', displayName: 'Joe' }); // null
 */
export function tryUserKey(
  identity: Pick<UserIdentity, 'platform' | 'handle' | 'profileUrl'>,
): string | null {
  if (identity.platform === 'x') {
    const fromHandle = identity.handle === undefined ? null : normaliseXHandle(identity.handle);
    const fromUrl =
      identity.profileUrl === undefined ? null : normaliseXHandle(identity.profileUrl);
    const handle = fromHandle ?? fromUrl;
    return handle === null ? null : `x:${handle}`;
  }
  const refs = [identity.profileUrl, identity.handle]
    .filter((s): s is string => s !== undefined)
    .map(normaliseFacebook)
    .filter((r): r is FacebookRef => r !== null);
  const best = refs.find((r) => r.kind === 'id') ?? refs[0];
  return best === undefined ? null : facebookKey(best);
}

/**
 * The normalised key for a user: `x:<handle>`, `facebook:id:<id>` or `facebook:<vanity>`.
 * Throws when the identity has no usable handle or profile URL (see `tryUserKey`).
 *
 * @example
 * userKey({ platform: 'x', handle: '@JBloggs' }); // 'x:jbloggs'
 * userKey({ platform: 'facebook', profileUrl: 'https://facebook.com/profile.php?id=1000123' }); // 'facebook:id:1000123'
 * userKey({ platform: 'facebook', profileUrl: 'https://web.facebook.com/jane.doe.5/' }); // 'facebook:jane.doe.5'
 */
export function userKey(
  identity: Pick<UserIdentity, 'platform' | 'handle' | 'profileUrl'>,
): string {
  const key = tryUserKey(identity);
  if (key === null) {
    throw new Error(
      `cannot make a user key for ${identity.platform} user ` +
        `(handle ${JSON.stringify(identity.handle)}, profile ${JSON.stringify(identity.profileUrl)})`,
    );
  }
  return key;
}

/**
 * What a moderator typed or pasted into a lookup box, as a user key. A URL says its own platform;
 * a bare handle needs `platform`.
 *
 * @example
 * parseUserInput('https://twitter.com/jbloggs/status/9'); // 'x:jbloggs'
 * parseUserInput('@jbloggs', 'x'); // 'x:jbloggs'
 * parseUserInput('x:jbloggs'); // 'x:jbloggs'
 */
export function parseUserInput(input: string, platform?: Platform): string | null {
  const trimmed = input.trim();
  const prefixed = /^(x|facebook):(.+)$/i.exec(trimmed);
  if (prefixed && !trimmed.includes('//')) {
    const p = prefixed[1]!.toLowerCase() as Platform;
    const rest = prefixed[2]!;
    const idForm = /^id:(\d+)$/i.exec(rest);
    if (p === 'facebook' && idForm) return `facebook:id:${idForm[1]}`;
    return tryUserKey({ platform: p, handle: rest });
  }
  const fromUrl = platformOfUrl(trimmed);
  if (fromUrl !== null && trimmed.includes('/')) {
    return tryUserKey({ platform: fromUrl, profileUrl: trimmed });
  }
  return platform === undefined ? null : tryUserKey({ platform, handle: trimmed });
}

/**
 * Which user keys are one person. `personOf` maps every linked key to its person id (the
 * alphabetically first key of the group, so the id is stable for a given set of links); keys with
 * no links are their own person and do not appear.
 *
 * @example
 * const links: LinkTable = buildLinkTable(events);
 * links.members.get('facebook:id:1'); // ['facebook:id:1', 'x:jb']
 */
export interface LinkTable {
  readonly personOf: ReadonlyMap<string, string>;
  readonly members: ReadonlyMap<string, readonly string[]>;
}

function edgeKey(a: string, b: string): string {
  return a < b ? `${a}\n${b}` : `${b}\n${a}`;
}

/**
 * Builds the link table from `linked` / `unlinked` events, applied in time order, so an unlink
 * undoes an earlier link and linking is transitive (A~B and B~C make A, B and C one person).
 *
 * @example
 * const links = buildLinkTable([{ kind: 'linked', userKey: 'x:jb', otherUserKey: 'facebook:id:1', ...rest }]);
 * resolvePerson(links, 'facebook:id:1'); // 'facebook:id:1' (the alphabetically first key)
 * resolvePerson(links, 'x:jb'); // 'facebook:id:1'
 */
export function buildLinkTable(events: readonly RepeatCallerEvent[]): LinkTable {
  const edges = new Map<string, [string, string]>();
  const ordered = events
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.kind === 'linked' || e.kind === 'unlinked')
    .sort((p, q) => (p.e.at < q.e.at ? -1 : p.e.at > q.e.at ? 1 : p.i - q.i));
  for (const { e } of ordered) {
    if (e.kind !== 'linked' && e.kind !== 'unlinked') continue;
    if (e.userKey === e.otherUserKey) continue;
    const key = edgeKey(e.userKey, e.otherUserKey);
    if (e.kind === 'linked') edges.set(key, [e.userKey, e.otherUserKey]);
    else edges.delete(key);
  }

  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root)!;
    let cur = k;
    while (cur !== root) {
      const next = parent.get(cur)!;
      parent.set(cur, root);
      cur = next;
    }
    return root;
  };
  for (const [a, b] of edges.values()) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    // The smaller key becomes the root so the root is the person id.
    if (ra !== rb) {
      if (ra < rb) parent.set(rb, ra);
      else parent.set(ra, rb);
    }
  }

  const personOf = new Map<string, string>();
  const members = new Map<string, string[]>();
  for (const k of parent.keys()) {
    const root = find(k);
    personOf.set(k, root);
    const list = members.get(root) ?? [];
    list.push(k);
    members.set(root, list);
  }
  for (const list of members.values()) list.sort();
  return { personOf, members };
}

/**
 * A link table with no links, for callers that have no events yet.
 *
 * @example
 * blockLogCsv(log, { user: 'x:jbloggs' }, NO_LINKS);
 */
export const NO_LINKS: LinkTable = { personOf: new Map(), members: new Map() };

/**
 * The person id for a user key: itself unless it has been linked to others.
 *
 * @example
 * resolvePerson(NO_LINKS, 'x:jbloggs'); // 'x:jbloggs'
 */
export function resolvePerson(table: LinkTable, key: string): string {
  return table.personOf.get(key) ?? key;
}

/**
 * Every user key that belongs to the same person as `key` (including `key`), sorted.
 *
 * @example
 * personKeys(NO_LINKS, 'x:jbloggs'); // ['x:jbloggs']
 */
export function personKeys(table: LinkTable, key: string): readonly string[] {
  return table.members.get(resolvePerson(table, key)) ?? [key];
}

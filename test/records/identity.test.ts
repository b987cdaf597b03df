import { describe, expect, it, test } from 'vitest';
import {
  buildLinkTable,
  normaliseFacebook,
  normaliseXHandle,
  parseUserInput,
  personKeys,
  platformOfUrl,
  resolvePerson,
  tryUserKey,
  userKey,
} from '../../lib/records/identity';
import { linked } from './fixtures';

describe('normaliseXHandle', () => {
  test.each([
    ['jbloggs', 'jbloggs'],
    ['@JBloggs', 'jbloggs'],
    ['  @jbloggs  ', 'jbloggs'],
    ['https://x.com/JBloggs', 'jbloggs'],
    ['https://twitter.com/jbloggs/', 'jbloggs'],
    ['https://mobile.twitter.com/jbloggs/status/123?s=20', 'jbloggs'],
    ['https://www.x.com/jbloggs/with_replies', 'jbloggs'],
    ['http://m.twitter.com/JBloggs?lang=en#top', 'jbloggs'],
    ['x.com/jbloggs', 'jbloggs'],
    ['twitter.com/@jbloggs', 'jbloggs'],
    ['j_bloggs_99', 'j_bloggs_99'],
  ])('should read %j as %j', (input, expected) => {
    expect(normaliseXHandle(input)).toBe(expected);
  });

  test.each([
    'https://x.com/search?q=police',
    'https://x.com/home',
    'https://x.com/i/status/1',
    'https://x.com/',
    'https://example.com/jbloggs',
    'https://facebook.com/jbloggs',
    'j bloggs',
    '@',
    '',
    'jane.doe',
  ])('should find no user in %j', (input) => {
    expect(normaliseXHandle(input)).toBeNull();
  });
});

describe('normaliseFacebook', () => {
  test.each([
    ['https://www.facebook.com/profile.php?id=1000123', { kind: 'id', id: '1000123' }],
    ['https://m.facebook.com/profile.php?id=1000123&sk=about', { kind: 'id', id: '1000123' }],
    ['https://web.facebook.com/profile.php?sk=photos&id=1000123', { kind: 'id', id: '1000123' }],
    ['facebook.com/profile.php?id=1000123', { kind: 'id', id: '1000123' }],
    ['https://www.facebook.com/Jane.Doe.5', { kind: 'vanity', name: 'jane.doe.5' }],
    ['https://www.facebook.com/jane.doe.5/', { kind: 'vanity', name: 'jane.doe.5' }],
    [
      'https://m.facebook.com/jane.doe.5/posts/987?ref=share',
      { kind: 'vanity', name: 'jane.doe.5' },
    ],
    ['https://web.facebook.com/jane.doe.5', { kind: 'vanity', name: 'jane.doe.5' }],
    ['https://www.facebook.com/people/Jane-Doe/1000123/', { kind: 'id', id: '1000123' }],
    ['https://www.facebook.com/groups/leics/user/1000123/', { kind: 'id', id: '1000123' }],
    ['https://fb.com/jane.doe.5', { kind: 'vanity', name: 'jane.doe.5' }],
    ['jane.doe.5', { kind: 'vanity', name: 'jane.doe.5' }],
    ['1000123', { kind: 'id', id: '1000123' }],
  ])('should read %j', (input, expected) => {
    expect(normaliseFacebook(input)).toEqual(expected);
  });

  test.each([
    'https://www.facebook.com/',
    'https://www.facebook.com/profile.php',
    'https://www.facebook.com/profile.php?id=abc',
    'https://www.facebook.com/groups/leics/',
    'https://www.facebook.com/watch?v=1',
    'https://www.facebook.com/photo.php?fbid=1',
    'https://x.com/jane.doe.5',
    'not a profile!',
  ])('should find no profile in %j', (input) => {
    expect(normaliseFacebook(input)).toBeNull();
  });
});

describe('userKey', () => {
  test.each([
    [{ platform: 'x', handle: '@JBloggs' }, 'x:jbloggs'],
    [{ platform: 'x', profileUrl: 'https://mobile.twitter.com/JBloggs/status/1' }, 'x:jbloggs'],
    [{ platform: 'x', handle: 'JBloggs', profileUrl: 'https://x.com/jbloggs' }, 'x:jbloggs'],
    [
      { platform: 'facebook', profileUrl: 'https://facebook.com/profile.php?id=1000123' },
      'facebook:id:1000123',
    ],
    [
      { platform: 'facebook', profileUrl: 'https://m.facebook.com/jane.doe.5/' },
      'facebook:jane.doe.5',
    ],
    [{ platform: 'facebook', handle: 'Jane.Doe.5' }, 'facebook:jane.doe.5'],
    // The numeric id is permanent; a vanity name can change, so the id wins.
    [
      {
        platform: 'facebook',
        handle: 'jane.doe.5',
        profileUrl: 'https://www.facebook.com/profile.php?id=42',
      },
      'facebook:id:42',
    ],
  ] as const)('should key %j as %j', (identity, expected) => {
    expect(userKey(identity)).toBe(expected);
  });

  it('should throw with the identity in the message when nothing can be keyed', () => {
    expect(() => userKey({ platform: 'x', handle: 'https://x.com/search' })).toThrow(
      /cannot make a user key/,
    );
    expect(tryUserKey({ platform: 'facebook', profileUrl: 'https://facebook.com/' })).toBeNull();
  });

  it('should give every spelling of one X profile the same key', () => {
    const spellings = [
      'jbloggs',
      '@JBLOGGS',
      'https://x.com/jbloggs',
      'https://twitter.com/JBloggs/',
      'https://mobile.twitter.com/jbloggs/status/5?s=20',
    ];
    const keys = new Set(spellings.map((h) => userKey({ platform: 'x', handle: h })));
    expect([...keys]).toEqual(['x:jbloggs']);
  });
});

describe('parseUserInput', () => {
  test.each([
    ['https://twitter.com/jbloggs/status/9', undefined, 'x:jbloggs'],
    ['https://m.facebook.com/profile.php?id=7', undefined, 'facebook:id:7'],
    ['@jbloggs', 'x', 'x:jbloggs'],
    ['@jbloggs', undefined, null],
    ['x:JBloggs', undefined, 'x:jbloggs'],
    ['facebook:id:1000123', undefined, 'facebook:id:1000123'],
    ['facebook:jane.doe.5', undefined, 'facebook:jane.doe.5'],
  ] as const)('should read %j (platform %j) as %j', (input, platform, expected) => {
    expect(parseUserInput(input, platform)).toBe(expected);
  });

  it('should say which platform a URL is on', () => {
    expect(platformOfUrl('https://mobile.twitter.com/a')).toBe('x');
    expect(platformOfUrl('https://web.facebook.com/a')).toBe('facebook');
    expect(platformOfUrl('https://example.com/a')).toBeNull();
    expect(platformOfUrl('javascript:alert(1)')).toBeNull();
  });
});

describe('link table', () => {
  it('should make linked identities one person, transitively, named by the first key', () => {
    const links = buildLinkTable([
      linked('x:jb', 'facebook:id:1'),
      linked('facebook:id:1', 'x:joe'),
    ]);
    expect(resolvePerson(links, 'x:jb')).toBe('facebook:id:1');
    expect(resolvePerson(links, 'x:joe')).toBe('facebook:id:1');
    expect(personKeys(links, 'x:joe')).toEqual(['facebook:id:1', 'x:jb', 'x:joe']);
    expect(resolvePerson(links, 'x:other')).toBe('x:other');
    expect(personKeys(links, 'x:other')).toEqual(['x:other']);
  });

  it('should undo a link when a later unlink arrives, whatever the array order', () => {
    const link = linked('x:a', 'x:b', '2026-01-01T00:00:00.000Z');
    const unlink = {
      ...linked('x:b', 'x:a', '2026-02-01T00:00:00.000Z'),
      kind: 'unlinked' as const,
    };
    expect(resolvePerson(buildLinkTable([unlink, link]), 'x:b')).toBe('x:b');
    expect(resolvePerson(buildLinkTable([link]), 'x:b')).toBe('x:a');
  });
});

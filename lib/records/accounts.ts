import { z } from 'zod';
import { PlatformSchema, type Platform } from '../policy/schema';
import { normaliseFacebook, normaliseXHandle, platformOfUrl } from './identity';
import { ForceAccountSchema, type ForceAccount } from './schemas';

/**
 * A force account as the options page's form holds it: the handle or page address as typed. The
 * background turns it into a `ForceAccount` with `checkAccount`, as the page does before sending,
 * so nothing typed reaches storage without being normalised.
 *
 * @example
 * AccountInputSchema.parse({
 *   platform: 'x', address: '@LeicsPolice', label: 'Leicestershire Police',
 *   enrolledInRepeatCallerScheme: true,
 * });
 */
export const AccountInputSchema = z.object({
  /** The account being edited; absent when adding one. */
  id: z.string().min(1).max(200).optional(),
  platform: PlatformSchema,
  /** An X handle or profile address, or a Facebook page address or vanity name, as typed. */
  address: z.string().max(2000),
  label: z.string().max(200),
  enrolledInRepeatCallerScheme: z.boolean(),
});
export type AccountInput = z.infer<typeof AccountInputSchema>;

/** The form fields a problem can belong to. */
export type AccountField = 'address' | 'label';

export type AccountCheck =
  | { ok: true; account: Omit<ForceAccount, 'id'> }
  | { ok: false; errors: Partial<Record<AccountField, string>> };

/** X allows at most 15 characters in a handle (older, longer ones no longer exist). */
const X_HANDLE_MAX = 15;

const PLATFORM_NAMES: Record<Platform, string> = { x: 'X', facebook: 'Facebook' };

/**
 * The platform's name as the page shows it.
 *
 * @example
 * platformName('x'); // 'X'
 */
export function platformName(platform: Platform): string {
  return PLATFORM_NAMES[platform];
}

/**
 * Where an account is, as a moderator reads it: `@handle` on X, the page address on Facebook.
 *
 * @example
 * accountAddress({ id: 'main-x', platform: 'x', handle: 'leicspolice', label: 'L', enrolledInRepeatCallerScheme: true }); // '@leicspolice'
 */
export function accountAddress(account: ForceAccount): string {
  if (account.handle !== undefined) return `@${account.handle.replace(/^@/, '')}`;
  return account.pageUrl ?? '';
}

/** The value the form starts from when an account is edited. */
export function inputOf(account: ForceAccount): AccountInput {
  return {
    id: account.id,
    platform: account.platform,
    address:
      account.platform === 'x' && account.handle !== undefined
        ? `@${account.handle.replace(/^@/, '')}`
        : (account.pageUrl ?? account.handle ?? ''),
    label: account.label,
    enrolledInRepeatCallerScheme: account.enrolledInRepeatCallerScheme,
  };
}

type Where = { handle: string } | { pageUrl: string };

/**
 * Normalises what was typed into where the account is: a bare lower-case X handle, or a Facebook
 * page address `https://www.facebook.com/<name or numeric id>`. Returns a message to show beside
 * the field when the text cannot be that.
 *
 * @example
 * normaliseAccountAddress('x', 'https://x.com/LeicsPolice'); // { ok: true, where: { handle: 'leicspolice' } }
 * normaliseAccountAddress('facebook', 'leicspolice'); // { ok: true, where: { pageUrl: 'https://www.facebook.com/leicspolice' } }
 */
export function normaliseAccountAddress(
  platform: Platform,
  typed: string,
): { ok: true; where: Where } | { ok: false; error: string } {
  const text = typed.trim();
  const elsewhere = text.includes('/') || text.includes('.') ? platformOfUrl(text) : null;
  if (platform === 'x') {
    if (text === '')
      return {
        ok: false,
        error:
          'Enter the account’s X handle, such as @LeicsPolice, or its address, such as x.com/LeicsPolice.',
      };
    if (elsewhere === 'facebook')
      return {
        ok: false,
        error:
          'That is a Facebook address. Choose Facebook as the platform, or enter an X handle such as @LeicsPolice.',
      };
    const handle = normaliseXHandle(text);
    if (handle === null)
      return {
        ok: false,
        error: `“${text}” is not an X handle. Enter a handle such as @LeicsPolice (letters, numbers and underscores only) or an address such as x.com/LeicsPolice.`,
      };
    if (handle.length > X_HANDLE_MAX)
      return {
        ok: false,
        error: `X handles are at most ${X_HANDLE_MAX} characters; “${handle}” has ${handle.length}.`,
      };
    return { ok: true, where: { handle } };
  }
  if (text === '')
    return {
      ok: false,
      error:
        'Enter the Facebook page’s address, such as facebook.com/leicspolice, or the name at the end of it, such as leicspolice.',
    };
  if (elsewhere === 'x')
    return {
      ok: false,
      error:
        'That is an X address. Choose X as the platform, or enter a Facebook page address such as facebook.com/leicspolice.',
    };
  const ref = normaliseFacebook(text);
  if (ref === null)
    return {
      ok: false,
      error: `“${text}” is not a Facebook page address. Enter an address such as facebook.com/leicspolice, or the name at the end of it, such as leicspolice.`,
    };
  const path = ref.kind === 'id' ? ref.id : ref.name;
  return { ok: true, where: { pageUrl: `https://www.facebook.com/${path}` } };
}

/** Whether two accounts are at the same place (same platform, same normalised handle or page). */
function samePlace(a: Omit<ForceAccount, 'id' | 'label'>, b: ForceAccount): boolean {
  if (a.platform !== b.platform) return false;
  const key = (x: Pick<ForceAccount, 'handle' | 'pageUrl'>) =>
    (x.handle?.replace(/^@/, '') ?? x.pageUrl ?? '').toLowerCase().replace(/\/+$/, '');
  return key(a) === key(b);
}

/**
 * Checks a typed account against the accounts already stored: the address must name an account
 * on the chosen platform, the label must not be empty, and no other stored account may be at the
 * same address. Every problem comes back keyed by its field, worded for the moderator.
 *
 * @example
 * checkAccount({ platform: 'x', address: '@Leics Police', label: 'L', enrolledInRepeatCallerScheme: false }, []);
 * // { ok: false, errors: { address: '“@Leics Police” is not an X handle. …' } }
 */
export function checkAccount(input: AccountInput, accounts: readonly ForceAccount[]): AccountCheck {
  const errors: Partial<Record<AccountField, string>> = {};
  const where = normaliseAccountAddress(input.platform, input.address);
  if (!where.ok) errors.address = where.error;
  const label = input.label.trim().replace(/\s+/g, ' ');
  if (label === '') errors.label = 'Enter a name for the account, such as Leicestershire Police.';
  if (!where.ok || errors.label) return { ok: false, errors };
  const account = {
    platform: input.platform,
    ...where.where,
    label,
    enrolledInRepeatCallerScheme: input.enrolledInRepeatCallerScheme,
  };
  const clash = accounts.find((a) => a.id !== input.id && samePlace(account, a));
  if (clash)
    return {
      ok: false,
      errors: { address: `This account is already listed, as “${clash.label}”.` },
    };
  // The stored shape is checked here too, so the page and the background refuse the same things.
  const parsed = ForceAccountSchema.safeParse({ id: input.id ?? 'new', ...account });
  if (!parsed.success) return { ok: false, errors: { address: parsed.error.issues[0]!.message } };
  return { ok: true, account };
}

import { checkAccount, platformName } from '../records/accounts';
import { accountsItem, readChecked } from '../storage/records';
import { contactStore } from '../storage/contactsDb';
import type { Reply, Request } from './protocol';

type AccountRequest = Extract<Request, { type: 'accounts:save' | 'accounts:remove' }>;

/**
 * Adds, edits or removes a force account (from the options page). Called by `handleMessage`
 * inside its one write queue; the typed handle or address is normalised and checked here with
 * the same `checkAccount` the page uses, so nothing reaches storage that the page would refuse.
 * An edit keeps the account's id (contacts and drafts refer to it) and cannot change its platform
 * (the contacts recorded on it are on that platform). Removing an account keeps its contacts:
 * with no account to say it is enrolled, they count as "not enrolled".
 *
 * @example
 * await handleAccounts({ now, warnings: [], newId }, { type: 'accounts:remove', id: 'local-1' });
 */
export async function handleAccounts(
  ctx: { now: Date; warnings: string[]; newId: () => string },
  req: AccountRequest,
): Promise<Reply> {
  const read = await readChecked(accountsItem, { quarantine: true, now: ctx.now });
  if (read.problem) ctx.warnings.push(read.problem.message);
  const accounts = read.value.accounts;

  if (req.type === 'accounts:remove') {
    const gone = accounts.find((a) => a.id === req.id);
    if (!gone)
      return { ok: false, error: 'That account is no longer stored; nothing was removed.' };
    if (accounts.length === 1)
      return {
        ok: false,
        error:
          'Keep at least one force account: every contact and block is recorded against one. Add the replacement first.',
      };
    await accountsItem.item.setValue({
      ...read.value,
      accounts: accounts.filter((a) => a.id !== req.id),
    });
    const held = (await contactStore.read(ctx.now)).contacts.filter(
      (c) => c.accountId === req.id,
    ).length;
    const note =
      held === 0
        ? ''
        : ` Its ${held} recorded contact${held === 1 ? '' : 's'} stay in the records and now count as not enrolled.`;
    return { ok: true, message: `Removed ${gone.label}.${note}` };
  }

  const before = req.account.id ? accounts.find((a) => a.id === req.account.id) : undefined;
  if (req.account.id && !before)
    return { ok: false, error: 'That account is no longer stored; nothing was saved.' };
  if (before && before.platform !== req.account.platform)
    return {
      ok: false,
      error: `${before.label} is a ${platformName(before.platform)} account and its contacts are on ${platformName(before.platform)}, so its platform cannot change. Add the ${platformName(req.account.platform)} account separately.`,
    };
  const checked = checkAccount(req.account, accounts);
  if (!checked.ok)
    return {
      ok: false,
      error: `Not saved. ${[checked.errors.address, checked.errors.label].filter(Boolean).join(' ')}`,
    };
  const account = { id: before?.id ?? `local-${ctx.newId()}`, ...checked.account };
  await accountsItem.item.setValue({
    ...read.value,
    accounts: before
      ? accounts.map((a) => (a.id === before.id ? account : a))
      : [...accounts, account],
  });
  return {
    ok: true,
    message: before ? `Saved: ${account.label}.` : `Added: ${account.label}.`,
  };
}

import type { Platform } from '../policy/schema';
import {
  BlockEntrySchema,
  londonOffsetMinutes,
  type BlockEntry,
  type ForceAccount,
  type Moderator,
  type RepeatState,
  type UserIdentity,
} from '../records';
import type { Draft, DraftStep } from '../storage/records';

/**
 * A `datetime-local` value (London wall-clock time, as the moderator typed it) as a UTC instant.
 * Null when the text is not a date and time.
 *
 * @example
 * londonLocalToIso('2026-07-03T15:05'); // '2026-07-03T14:05:00.000Z'
 */
export function londonLocalToIso(local: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!m) return null;
  const asUtc = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  if (!Number.isFinite(asUtc)) return null;
  // The offset at the guessed instant is right except in the hour around a clock change.
  const first = asUtc - londonOffsetMinutes(asUtc) * 60_000;
  const ms = asUtc - londonOffsetMinutes(first) * 60_000;
  return new Date(ms).toISOString();
}

/**
 * A UTC instant as a `datetime-local` value in London time.
 *
 * @example
 * isoToLondonLocal('2026-07-03T14:05:00.000Z'); // '2026-07-03T15:05'
 */
export function isoToLondonLocal(iso: string | Date): string {
  const ms = typeof iso === 'string' ? Date.parse(iso) : iso.getTime();
  const shifted = new Date(ms + londonOffsetMinutes(ms) * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/**
 * A handle or profile URL as typed, made into an identity for `platform`.
 *
 * @example
 * identityFromInput('x', '@jbloggs'); // { platform: 'x', handle: '@jbloggs' }
 */
export function identityFromInput(
  platform: Platform,
  input: string,
  displayName?: string,
): UserIdentity {
  const text = input.trim();
  const isUrl = /^https?:\/\//i.test(text) || /(^|\.)(x|twitter|facebook|fb)\.com\//i.test(text);
  const name = displayName?.trim();
  return {
    platform,
    ...(isUrl ? { profileUrl: text } : { handle: text }),
    ...(name ? { displayName: name } : {}),
  };
}

/** Plain-language names for the repeat-caller states. */
export const STATE_TEXT: Record<RepeatState, string> = {
  none: 'nothing recorded',
  recorded: 'recorded',
  'repeat-caller': 'repeat caller',
  advised: 'advised',
  'continued-after-advice': 'continued after advice',
  'block-recommended': 'block recommended',
  blocked: 'blocked',
};

/**
 * A new, empty draft.
 *
 * @example
 * const d = emptyDraft(crypto.randomUUID(), new Date(), 'x', 'main-x');
 */
export function emptyDraft(id: string, now: Date, platform: Platform, accountId: string): Draft {
  const at = now.toISOString();
  return {
    id,
    createdAt: at,
    updatedAt: at,
    source: 'manual',
    step: 'who',
    platform,
    accountId,
    handle: '',
    profileUrl: '',
    displayName: '',
    contentUrl: '',
    contentExcerpt: '',
    engagements: [],
    exceptionKind: 'none',
    exceptionWhy: '',
    adviceFrom: '',
    adviceAt: '',
    adviceText: '',
    criteria: [],
    justification: '',
    evidence: [],
  };
}

/** Field id → message. Field ids match the form controls' ids in the block workflow. */
export type FieldErrors = Record<string, string>;

function userIdentityOf(draft: Draft): UserIdentity | null {
  const handle = draft.handle.trim();
  const profileUrl = draft.profileUrl.trim();
  if (!handle && !profileUrl) return null;
  const name = draft.displayName.trim();
  return {
    platform: draft.platform,
    ...(handle ? { handle } : {}),
    ...(profileUrl ? { profileUrl } : {}),
    ...(name ? { displayName: name } : {}),
  };
}

/**
 * What stops a step from being complete, as messages per field. Annex 1: engage first (unless an
 * exception applies, with a written reason), take Digital Media Team advice, log the reasoning.
 *
 * @example
 * validateStep(draft, 'engage', accounts); // { engagements: 'Add at least one …' }
 */
export function validateStep(
  draft: Draft,
  step: DraftStep,
  accounts: readonly ForceAccount[],
): FieldErrors {
  const errors: FieldErrors = {};
  const exception = draft.exceptionKind !== 'none';
  switch (step) {
    case 'who': {
      const account = accounts.find((a) => a.id === draft.accountId);
      if (!account) errors.accountId = 'Choose the force account the user contacted.';
      else if (account.platform !== draft.platform)
        errors.accountId = 'That account is on another platform.';
      if (!userIdentityOf(draft))
        errors.handle =
          'Enter the user’s handle or profile URL (a display name alone is not enough).';
      break;
    }
    case 'engage':
      if (exception) {
        if (!draft.exceptionWhy.trim())
          errors.exceptionWhy = 'Explain why engaging first was not appropriate.';
      } else if (draft.engagements.length === 0) {
        errors.engagements =
          'Add at least one attempt to engage with the user, or choose an exception and give the reason.';
      }
      draft.engagements.forEach((e, i) => {
        if (!londonLocalToIso(e.at)) errors[`engagement-${i}-at`] = 'Enter when you engaged.';
        if (!e.said.trim()) errors[`engagement-${i}-said`] = 'Enter what was said.';
      });
      break;
    case 'advice': {
      const any = draft.adviceFrom.trim() || draft.adviceAt.trim() || draft.adviceText.trim();
      if (!exception || any) {
        if (!draft.adviceFrom.trim())
          errors.adviceFrom = 'Enter who in the Digital Media Team advised.';
        if (!londonLocalToIso(draft.adviceAt)) errors.adviceAt = 'Enter when the advice was given.';
        if (!draft.adviceText.trim()) errors.adviceText = 'Enter the advice given.';
      }
      break;
    }
    case 'reason':
      if (draft.criteria.length === 0) errors.criteria = 'Choose at least one policy criterion.';
      if (!draft.justification.trim())
        errors.justification = 'Write why blocking is justified (the reasoning must be logged).';
      if (draft.evidence.length === 0)
        errors.evidence = 'Add at least one evidence snapshot of the content.';
      break;
    case 'review':
      break;
  }
  return errors;
}

/** Every step's errors together, keyed by step. */
export function validateDraft(
  draft: Draft,
  accounts: readonly ForceAccount[],
): Partial<Record<DraftStep, FieldErrors>> {
  const out: Partial<Record<DraftStep, FieldErrors>> = {};
  for (const step of ['who', 'engage', 'advice', 'reason'] as const) {
    const e = validateStep(draft, step, accounts);
    if (Object.keys(e).length > 0) out[step] = e;
  }
  return out;
}

/**
 * The block entry a complete draft makes, or the first problem as a message.
 *
 * @example
 * const r = entryFromDraft(draft, accounts, moderator, new Date(), crypto.randomUUID());
 */
export function entryFromDraft(
  draft: Draft,
  accounts: readonly ForceAccount[],
  moderator: Moderator,
  now: Date,
  id: string,
): { ok: true; entry: BlockEntry } | { ok: false; error: string } {
  const problems = validateDraft(draft, accounts);
  const firstStep = Object.values(problems)[0];
  if (firstStep) return { ok: false, error: Object.values(firstStep)[0]! };
  const account = accounts.find((a) => a.id === draft.accountId)!;
  const user = userIdentityOf(draft)!;
  const content = {
    ...(draft.contentUrl.trim() ? { url: draft.contentUrl.trim() } : {}),
    ...(draft.contentExcerpt.trim() ? { excerpt: draft.contentExcerpt.trim() } : {}),
    ...(draft.commentKey ? { commentKey: draft.commentKey } : {}),
  };
  const adviceAt = londonLocalToIso(draft.adviceAt);
  const entry: BlockEntry = {
    id,
    createdAt: now.toISOString(),
    moderator,
    platform: draft.platform,
    account,
    user,
    ...(Object.keys(content).length > 0 ? { content } : {}),
    engagements: draft.engagements.map((e) => ({
      at: londonLocalToIso(e.at)!,
      method: e.method,
      said: e.said.trim(),
      ...(e.link.trim() ? { link: e.link.trim() } : {}),
    })),
    ...(draft.adviceText.trim() && adviceAt
      ? { advice: { from: draft.adviceFrom.trim(), at: adviceAt, advice: draft.adviceText.trim() } }
      : {}),
    ...(draft.exceptionKind !== 'none'
      ? { exception: { kind: draft.exceptionKind, why: draft.exceptionWhy.trim() } }
      : {}),
    criteria: draft.criteria,
    justification: draft.justification.trim(),
    evidence: draft.evidence,
    outcome: { kind: 'pending' },
  };
  const parsed = BlockEntrySchema.safeParse(entry);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, entry: parsed.data };
}

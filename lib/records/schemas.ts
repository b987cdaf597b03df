import { z } from 'zod';
import { CriterionIdSchema, PlatformSchema } from '../policy/schema';
import { tryUserKey } from './identity';

/**
 * An instant in UTC, ISO 8601 with a `Z` suffix (as `Date.prototype.toISOString` writes it).
 * Offsets such as `+01:00` are refused so that every stored time compares and sorts as text.
 *
 * @example
 * IsoUtcSchema.parse('2026-11-03T14:05:00.000Z');
 */
export const IsoUtcSchema = z.iso.datetime();

/**
 * A SHA-256 digest as 64 lower-case hex digits.
 *
 * @example
 * Sha256HexSchema.parse('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
 */
export const Sha256HexSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits');

/**
 * A normalised user key as produced by `userKey()` in identity.ts:
 * `x:<handle>`, `facebook:id:<digits>` or `facebook:<vanity>`.
 *
 * @example
 * UserKeySchema.parse('facebook:id:1000123');
 */
export const UserKeySchema = z
  .string()
  .regex(/^(x:[a-z0-9_]{1,50}|facebook:id:\d{1,30}|facebook:[a-z0-9.]{1,80})$/, 'not a user key');

const text = z.string().min(1);

/**
 * The person doing the moderating. The staff number is what a complaint investigator asks for.
 *
 * @example
 * ModeratorSchema.parse({ name: 'A. Moderator', staffNumber: '12345', team: 'Digital Media' });
 */
export const ModeratorSchema = z.object({
  name: text,
  staffNumber: text,
  team: z.string().min(1).optional(),
});
export type Moderator = z.infer<typeof ModeratorSchema>;

/**
 * One of the force's own social media accounts. Only accounts enrolled in the repeat-caller
 * scheme (Annex 1 names the main Facebook page and the main X account) count towards the list.
 *
 * @example
 * ForceAccountSchema.parse({
 *   id: 'main-x', platform: 'x', handle: 'LeicsPolice', label: '@LeicsPolice',
 *   enrolledInRepeatCallerScheme: true,
 * });
 */
export const ForceAccountSchema = z
  .object({
    id: text,
    platform: PlatformSchema,
    handle: z.string().min(1).optional(),
    pageUrl: z.url().optional(),
    label: text,
    enrolledInRepeatCallerScheme: z.boolean(),
  })
  .refine((a) => a.handle !== undefined || a.pageUrl !== undefined, {
    message: 'an account needs a handle or a page URL',
    path: ['handle'],
  });
export type ForceAccount = z.infer<typeof ForceAccountSchema>;

/**
 * A member of the public as seen on one platform. At least a handle or a profile URL is needed,
 * because that is what `userKey()` is made from; the display name alone is not an identity.
 *
 * @example
 * UserIdentitySchema.parse({ platform: 'x', handle: 'jbloggs', displayName: 'Joe Bloggs' });
 */
export const UserIdentitySchema = z
  .object({
    platform: PlatformSchema,
    handle: z.string().min(1).optional(),
    profileUrl: z.string().min(1).optional(),
    displayName: z.string().optional(),
  })
  .refine((u) => u.handle !== undefined || u.profileUrl !== undefined, {
    message: 'a user needs a handle or a profile URL',
    path: ['handle'],
  });
export type UserIdentity = z.infer<typeof UserIdentitySchema>;

/**
 * The author of captured content, as far as the page showed it.
 *
 * @example
 * AuthorSchema.parse({ handle: 'jbloggs' });
 */
export const AuthorSchema = z.object({
  handle: z.string().optional(),
  displayName: z.string().optional(),
  profileUrl: z.string().optional(),
});
export type EvidenceAuthor = z.infer<typeof AuthorSchema>;

/**
 * What the moderator saw, frozen at capture time. `sha256` is the digest of `text` (UTF-8), so a
 * later edit to the text is detectable; `verifyChain` rechecks it. Make one with
 * `captureEvidence()` in chain.ts rather than by hand.
 *
 * @example
 * EvidenceSnapshotSchema.parse({
 *   text: 'hello', author: { handle: 'jbloggs' }, url: 'https://x.com/jbloggs/status/1',
 *   capturedAt: '2026-11-03T14:05:00.000Z',
 *   sha256: '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
 * });
 */
export const EvidenceSnapshotSchema = z.object({
  text: z.string(),
  author: AuthorSchema,
  url: z.string().min(1),
  capturedAt: IsoUtcSchema,
  sha256: Sha256HexSchema,
});
export type EvidenceSnapshot = z.infer<typeof EvidenceSnapshotSchema>;

/**
 * One attempt to engage with the user before blocking ("An effort should be made to engage with
 * the user first").
 *
 * @example
 * EngagementSchema.parse({ at: '2026-11-01T09:00:00.000Z', method: 'public-reply', said: 'Please keep it civil.' });
 */
export const EngagementSchema = z.object({
  at: IsoUtcSchema,
  method: z.enum(['public-reply', 'private-message', 'other']),
  said: text,
  link: z.string().min(1).optional(),
});
export type Engagement = z.infer<typeof EngagementSchema>;

/**
 * Advice taken before acting ("Contact the Digital Media Team for advice before taking action").
 *
 * @example
 * AdviceSchema.parse({ from: 'Digital Media Team', at: '2026-11-01T10:00:00.000Z', advice: 'Block.' });
 */
export const AdviceSchema = z.object({ from: text, at: IsoUtcSchema, advice: text });
export type Advice = z.infer<typeof AdviceSchema>;

/**
 * Why engaging first was not appropriate: nobody should be asked to reply to a credible threat,
 * and a bot cannot be engaged with.
 *
 * @example
 * BlockExceptionSchema.parse({ kind: 'automated-spam-account', why: 'Posts the same link every minute.' });
 */
export const BlockExceptionSchema = z.object({
  kind: z.enum(['credible-threat-or-crime-reported', 'automated-spam-account']),
  why: text,
});
export type BlockException = z.infer<typeof BlockExceptionSchema>;

/**
 * Where a block decision ended up. An entry starts `pending`; amendments of kind `outcome` move
 * it on without rewriting the original entry.
 *
 * @example
 * OutcomeSchema.parse({ kind: 'blocked', at: '2026-11-02T10:00:00.000Z' });
 */
export const OutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pending') }),
  z.object({ kind: z.literal('blocked'), at: IsoUtcSchema }),
  z.object({ kind: z.literal('resolved-without-block'), at: IsoUtcSchema, note: text }),
]);
export type Outcome = z.infer<typeof OutcomeSchema>;

/**
 * The outcomes an amendment may set: going back to `pending` would hide a decision.
 *
 * @example
 * SettledOutcomeSchema.parse({ kind: 'resolved-without-block', at: '2026-11-02T10:00:00.000Z', note: 'Apologised.' });
 */
export const SettledOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('blocked'), at: IsoUtcSchema }),
  z.object({ kind: z.literal('resolved-without-block'), at: IsoUtcSchema, note: text }),
]);
export type SettledOutcome = z.infer<typeof SettledOutcomeSchema>;

/**
 * The content that prompted the block, as a pointer (the evidence holds the frozen text).
 *
 * @example
 * ContentRefSchema.parse({ url: 'https://x.com/jbloggs/status/1', excerpt: 'you lot are…' });
 */
export const ContentRefSchema = z.object({
  url: z.string().min(1).optional(),
  excerpt: z.string().optional(),
  commentKey: z.string().min(1).optional(),
});
export type ContentRef = z.infer<typeof ContentRefSchema>;

/**
 * One decision to block (or to consider blocking) a user: who, on which account, why, what was
 * tried first, and the evidence. Blocking is "a last resort and reasoning should be logged".
 *
 * @example
 * BlockEntrySchema.parse({
 *   id: '0b6f4a64-6f0e-4d1c-9a59-3f6f2b7d1c11', createdAt: '2026-11-03T14:05:00.000Z',
 *   moderator: { name: 'A. Moderator', staffNumber: '12345' }, platform: 'x',
 *   account: { id: 'main-x', platform: 'x', handle: 'LeicsPolice', label: '@LeicsPolice', enrolledInRepeatCallerScheme: true },
 *   user: { platform: 'x', handle: 'jbloggs' }, engagements: [], criteria: ['threat-abuse-hate'],
 *   justification: 'Repeated abuse after advice.', evidence: [], outcome: { kind: 'pending' },
 * });
 */
export const BlockEntrySchema = z
  .object({
    id: z.uuid(),
    createdAt: IsoUtcSchema,
    moderator: ModeratorSchema,
    platform: PlatformSchema,
    /** A copy of the account as configured at the time, so later renames do not rewrite history. */
    account: ForceAccountSchema,
    user: UserIdentitySchema,
    content: ContentRefSchema.optional(),
    engagements: z.array(EngagementSchema),
    advice: AdviceSchema.optional(),
    exception: BlockExceptionSchema.optional(),
    criteria: z.array(CriterionIdSchema),
    justification: text,
    evidence: z.array(EvidenceSnapshotSchema),
    outcome: OutcomeSchema,
  })
  .superRefine((e, ctx) => {
    if (e.account.platform !== e.platform) {
      ctx.addIssue({
        code: 'custom',
        path: ['account', 'platform'],
        message: 'account is on another platform',
      });
    }
    if (e.user.platform !== e.platform) {
      ctx.addIssue({
        code: 'custom',
        path: ['user', 'platform'],
        message: 'user is on another platform',
      });
    }
  });
export type BlockEntry = z.infer<typeof BlockEntrySchema>;

/**
 * The parts of an entry a correction may change. Identity of the record (id, time, moderator),
 * the evidence and the outcome are not correctable: outcomes have their own amendment kind.
 *
 * @example
 * CorrectionPatchSchema.parse({ justification: 'Typo fixed.' });
 */
export const CorrectionPatchSchema = z
  .object({
    account: ForceAccountSchema,
    user: UserIdentitySchema,
    content: ContentRefSchema,
    engagements: z.array(EngagementSchema),
    advice: AdviceSchema,
    exception: BlockExceptionSchema,
    criteria: z.array(CriterionIdSchema),
    justification: text,
  })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'a correction must change something' });
export type CorrectionPatch = z.infer<typeof CorrectionPatchSchema>;

const amendmentBase = {
  id: z.uuid(),
  entryId: z.uuid(),
  at: IsoUtcSchema,
  moderator: ModeratorSchema,
  /** Why the amendment was made; for a `note` this is the note itself. */
  why: text,
};

/**
 * A later change to a block entry. The original entry is never edited; `currentView()` folds
 * amendments over it in chain order.
 *
 * @example
 * AmendmentSchema.parse({
 *   id: '7d1f7f8e-2c1b-4c55-8b0a-7b8a3f3e9a10', entryId: '0b6f4a64-6f0e-4d1c-9a59-3f6f2b7d1c11',
 *   at: '2026-11-04T09:00:00.000Z', moderator: { name: 'A. Moderator', staffNumber: '12345' },
 *   kind: 'outcome', why: 'Blocked after DMT advice.', data: { kind: 'blocked', at: '2026-11-04T09:00:00.000Z' },
 * });
 */
export const AmendmentSchema = z.discriminatedUnion('kind', [
  z.object({ ...amendmentBase, kind: z.literal('correction'), data: CorrectionPatchSchema }),
  z.object({ ...amendmentBase, kind: z.literal('unblock') }),
  z.object({ ...amendmentBase, kind: z.literal('note') }),
  z.object({ ...amendmentBase, kind: z.literal('outcome'), data: SettledOutcomeSchema }),
]);
export type Amendment = z.infer<typeof AmendmentSchema>;

/**
 * The three ways Annex 1 says contact becomes a problem: "too frequent, inappropriate or … abusing
 * the contact method". Every recorded contact is an inappropriate one and counts.
 *
 * @example
 * ContactReasonSchema.parse('too-frequent');
 */
export const ContactReasonSchema = z.enum([
  'too-frequent',
  'inappropriate',
  'abusing-contact-method',
]);
export type ContactReason = z.infer<typeof ContactReasonSchema>;

/**
 * One recorded inappropriate contact from a user to a force account.
 * `commentKey` (the permalink or comment id) makes a second recording of the same comment count
 * once. `userKey` must be `userKey(user)`; it is stored so lookups need no normalising.
 *
 * @example
 * ContactSchema.parse({
 *   id: '5c0c1c52-8d55-4d5e-b1c3-8a9f0d1e2f30', userKey: 'x:jbloggs',
 *   user: { platform: 'x', handle: 'jbloggs' }, platform: 'x', accountId: 'main-x',
 *   at: '2026-11-03T14:05:00.000Z', reason: 'too-frequent',
 *   recordedBy: { name: 'A. Moderator', staffNumber: '12345' },
 * });
 */
export const ContactSchema = z
  .object({
    id: z.uuid(),
    userKey: UserKeySchema,
    user: UserIdentitySchema,
    platform: PlatformSchema,
    accountId: text,
    at: IsoUtcSchema,
    reason: ContactReasonSchema,
    note: z.string().min(1).optional(),
    link: z.string().min(1).optional(),
    commentKey: z.string().min(1).optional(),
    evidence: EvidenceSnapshotSchema.optional(),
    findings: z.array(CriterionIdSchema).optional(),
    recordedBy: ModeratorSchema,
  })
  .superRefine((c, ctx) => {
    if (c.user.platform !== c.platform) {
      ctx.addIssue({
        code: 'custom',
        path: ['user', 'platform'],
        message: 'user is on another platform',
      });
    }
    // A contact filed under the wrong key would count towards the wrong person.
    const expected = tryUserKey(c.user);
    if (expected !== c.userKey) {
      ctx.addIssue({
        code: 'custom',
        path: ['userKey'],
        message: `user key should be ${expected ?? '(none: the user has no usable handle or URL)'}`,
      });
    }
  });
export type Contact = z.infer<typeof ContactSchema>;

const eventBase = { id: z.uuid(), at: IsoUtcSchema, by: ModeratorSchema };

/**
 * Things that happen to a user on the repeat-caller list other than contacts:
 * - `advised`: "They will be given advice" — when, how, and what was said.
 * - `linked` / `unlinked`: two user keys are (or are no longer) one person, so they count together.
 * - `removed`: taken off the list; contacts and advice up to `at` no longer count.
 *
 * @example
 * RepeatCallerEventSchema.parse({
 *   id: '9a1e5a8e-3b3d-4f0e-8d8c-1a2b3c4d5e6f', at: '2026-11-05T10:00:00.000Z',
 *   by: { name: 'A. Moderator', staffNumber: '12345' }, kind: 'advised', userKey: 'x:jbloggs',
 *   how: 'private-message', advice: 'Please use 101 for non-emergency reports.',
 * });
 */
export const RepeatCallerEventSchema = z.discriminatedUnion('kind', [
  z.object({
    ...eventBase,
    kind: z.literal('advised'),
    userKey: UserKeySchema,
    how: z.enum(['public-reply', 'private-message', 'other']),
    advice: text,
  }),
  z.object({
    ...eventBase,
    kind: z.literal('linked'),
    userKey: UserKeySchema,
    otherUserKey: UserKeySchema,
    why: text,
  }),
  z.object({
    ...eventBase,
    kind: z.literal('unlinked'),
    userKey: UserKeySchema,
    otherUserKey: UserKeySchema,
    why: text,
  }),
  z.object({ ...eventBase, kind: z.literal('removed'), userKey: UserKeySchema, why: text }),
]);
export type RepeatCallerEvent = z.infer<typeof RepeatCallerEventSchema>;

/**
 * One link of the block log's hash chain. `hash` is SHA-256 over the canonical JSON of
 * `{seq, kind, prevHash, record}`; `prevHash` is the previous link's hash (64 zeros for seq 0).
 *
 * @example
 * // see appendEntry() in chain.ts, which is the only way links should be made
 */
export const ChainedRecordSchema = z.discriminatedUnion('kind', [
  z.object({
    seq: z.int().min(0),
    kind: z.literal('entry'),
    record: BlockEntrySchema,
    prevHash: Sha256HexSchema,
    hash: Sha256HexSchema,
  }),
  z.object({
    seq: z.int().min(0),
    kind: z.literal('amendment'),
    record: AmendmentSchema,
    prevHash: Sha256HexSchema,
    hash: Sha256HexSchema,
  }),
]);
export type ChainedRecord = z.infer<typeof ChainedRecordSchema>;

/**
 * A link in an exported chain. Links for other users' records keep their hashes but drop the
 * record, so the chain still verifies end to end without disclosing anyone else's data.
 *
 * @example
 * ExportLinkSchema.parse({ seq: 0, kind: 'entry', prevHash: '0'.repeat(64), hash: 'a'.repeat(64) });
 */
export const ExportLinkSchema = z.union([
  ChainedRecordSchema,
  z
    .object({
      seq: z.int().min(0),
      kind: z.enum(['entry', 'amendment']),
      prevHash: Sha256HexSchema,
      hash: Sha256HexSchema,
      /** Set when the record was erased in the exporting log (not merely left out of the file). */
      erased: z.literal(true).optional(),
      /** Set when the exporting log had set the record aside as unreadable (see `TombstoneSchema`). */
      setAside: z.literal(true).optional(),
    })
    .strict(),
]);
export type ExportLink = z.infer<typeof ExportLinkSchema>;

/**
 * What stays of a block-log link whose record was erased under retention or an erasure request:
 * its place in the chain (`seq`, `prevHash`, and the `hash` the record had) and the ids, never the
 * content. `verifyChain` checks the linkage across it, so the rest of the log still verifies and a
 * link that was removed without leaving a tombstone still shows.
 *
 * `reason: 'set-aside'` marks a stored link whose record failed its schema when read
 * (`salvageBlockLog`): its place and hash are kept here so the chain goes on past it, `problem`
 * says why, and the stored value, the record included, is kept under the quarantine key named in
 * the data problems. It was not erased: Verify and the report list it as set aside.
 *
 * @example
 * TombstoneSchema.parse({
 *   seq: 0, kind: 'entry', prevHash: '0'.repeat(64), hash: 'a'.repeat(64),
 *   id: '0b6f4a64-6f0e-4d1c-9a59-3f6f2b7d1c11', entryId: '0b6f4a64-6f0e-4d1c-9a59-3f6f2b7d1c11',
 *   erasedAt: '2032-11-03T14:05:00.000Z', reason: 'retention',
 * });
 */
export const TombstoneSchema = z.object({
  seq: z.int().min(0),
  kind: z.enum(['entry', 'amendment']),
  prevHash: Sha256HexSchema,
  hash: Sha256HexSchema,
  /** The erased record's id, so a restore from an older backup does not bring it back. */
  id: z.uuid(),
  /** The entry the record belonged to (its own id for an entry). */
  entryId: z.uuid(),
  erasedAt: IsoUtcSchema,
  reason: z.enum(['retention', 'erasure-request', 'set-aside']),
  /** For a set-aside link: why its record failed its schema. */
  problem: z.string().optional(),
});
export type Tombstone = z.infer<typeof TombstoneSchema>;

/**
 * The stored block log (storage item `blockLog`).
 *
 * @example
 * BlockLogSchema.parse({ schemaVersion: 1, records: [] });
 */
export const BlockLogSchema = z.object({
  schemaVersion: z.literal(1),
  records: z.array(ChainedRecordSchema),
  /** Links whose record was erased (retention or an erasure request); see `eraseRecords`. */
  erased: z.array(TombstoneSchema).optional(),
});
export type BlockLog = z.infer<typeof BlockLogSchema>;

/**
 * The stored contacts (storage item `contacts`).
 *
 * @example
 * ContactsStoreSchema.parse({ schemaVersion: 1, contacts: [] });
 */
export const ContactsStoreSchema = z.object({
  schemaVersion: z.literal(1),
  contacts: z.array(ContactSchema),
});
export type ContactsStore = z.infer<typeof ContactsStoreSchema>;

/**
 * The stored repeat-caller events (storage item `repeatCallerEvents`).
 *
 * @example
 * RepeatCallerEventsStoreSchema.parse({ schemaVersion: 1, events: [] });
 */
export const RepeatCallerEventsStoreSchema = z.object({
  schemaVersion: z.literal(1),
  events: z.array(RepeatCallerEventSchema),
});
export type RepeatCallerEventsStore = z.infer<typeof RepeatCallerEventsStoreSchema>;

/**
 * The stored force accounts (storage item `forceAccounts`).
 *
 * @example
 * ForceAccountsStoreSchema.parse({ schemaVersion: 1, accounts: [] });
 */
export const ForceAccountsStoreSchema = z.object({
  schemaVersion: z.literal(1),
  accounts: z.array(ForceAccountSchema),
});
export type ForceAccountsStore = z.infer<typeof ForceAccountsStoreSchema>;

/**
 * What an export was limited to. `from` and `to` are calendar days in Europe/London, inclusive.
 *
 * @example
 * ExportFilterSchema.parse({ user: 'x:jbloggs', from: '2026-01-01', to: '2026-11-25' });
 */
export const ExportFilterSchema = z.object({
  user: UserKeySchema.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type ExportFilter = z.infer<typeof ExportFilterSchema>;

const exportBase = {
  format: z.literal('moderator-assist-export'),
  schemaVersion: z.literal(1),
  exportedAt: IsoUtcSchema,
  exportedBy: ModeratorSchema,
  filter: ExportFilterSchema,
};

/**
 * Where one installation's chain ended when it was exported: the `seq` and `hash` of its last link
 * (an erased or redacted link counts: its hash stays in the chain) and how many links it had. An
 * empty chain's head is `lastSeq: -1`, `headHash` the genesis hash (64 zeros: the `prevHash` its
 * first link will carry) and `count: 0`. Anyone who wrote a head hash down (from a report or an
 * earlier export) can later check that a chain still contains it, so the newest records cannot be
 * dropped unnoticed.
 *
 * @example
 * ChainHeadSchema.parse({
 *   installationId: '5c0c1c52-8d55-4d5e-b1c3-8a9f0d1e2f30', lastSeq: 11,
 *   headHash: 'a'.repeat(64), count: 12,
 * });
 */
export const ChainHeadSchema = z.object({
  /** The installation that keeps the chain (`local:installationId`, lib/storage/installation.ts). */
  installationId: z.uuid(),
  lastSeq: z.int().min(-1),
  headHash: Sha256HexSchema,
  count: z.int().min(0),
});
export type ChainHead = z.infer<typeof ChainHeadSchema>;

/**
 * How another installation's records came to be held here: which backup file they were restored
 * from, by whom and when, and the ids of the records that restore added (a later restore of a
 * newer backup of the same installation adds the rest, under its own provenance). The chain's
 * links themselves are stored exactly as they were in the backup; this is kept beside them.
 *
 * @example
 * ImportProvenanceSchema.parse({
 *   installationId: '5c0c1c52-8d55-4d5e-b1c3-8a9f0d1e2f30', file: 'moderator-assist-backup_2026-11-25T1405Z.json',
 *   by: { name: 'A. Moderator', staffNumber: '1' }, at: '2026-11-25T15:00:00.000Z',
 *   firstSeq: 0, lastSeq: 3, headHash: 'a'.repeat(64), recordIds: [],
 * });
 */
export const ImportProvenanceSchema = z.object({
  installationId: z.uuid(),
  /** The backup file's name as the moderator chose it ('' when it was not known). */
  file: z.string().max(255),
  by: ModeratorSchema,
  at: IsoUtcSchema,
  /** The links this restore added: `firstSeq` to `lastSeq`, the last one's hash. */
  firstSeq: z.int().min(0),
  lastSeq: z.int().min(0),
  headHash: Sha256HexSchema,
  recordIds: z.array(z.uuid()),
});
export type ImportProvenance = z.infer<typeof ImportProvenanceSchema>;

/**
 * A JSON export file. A block-log export carries the whole hash chain, with other users' records
 * redacted to their hashes when filtered. `complete` is true only when every link carries its
 * record: no redacted and no erased links (files made before `heads` existed also said `true`
 * with erased links; `verifyExport` warns about those rather than failing them).
 *
 * `heads` lists each chain's head: this installation's (`chain`) and each of `otherChains`. New exports always write it; it
 * is optional so that exports made before it existed, already handed out as evidence, still read
 * and verify. It is an addition older readers ignore, so `schemaVersion` stays 1.
 *
 * @example
 * ExportFileSchema.parse({
 *   format: 'moderator-assist-export', schemaVersion: 1, kind: 'contacts',
 *   exportedAt: '2026-11-25T14:05:00.000Z', exportedBy: { name: 'A. Moderator', staffNumber: '1' },
 *   filter: {}, contacts: [], events: [],
 * });
 */
export const ExportFileSchema = z.discriminatedUnion('kind', [
  z.object({
    ...exportBase,
    kind: z.literal('block-log'),
    complete: z.boolean(),
    heads: z.array(ChainHeadSchema).optional(),
    chain: z.array(ExportLinkSchema),
    /**
     * Other installations' chains held by the exporting installation (restored from their
     * backups), each exactly as held, with how it came to be held; `heads` names each one's head.
     */
    otherChains: z
      .array(
        z.object({
          installationId: z.uuid(),
          chain: z.array(ExportLinkSchema),
          imports: z.array(ImportProvenanceSchema),
        }),
      )
      .optional(),
  }),
  z.object({
    ...exportBase,
    kind: z.literal('contacts'),
    contacts: z.array(ContactSchema),
    events: z.array(RepeatCallerEventSchema),
  }),
]);
export type ExportFile = z.infer<typeof ExportFileSchema>;
export type BlockLogExport = Extract<ExportFile, { kind: 'block-log' }>;
export type ContactsExport = Extract<ExportFile, { kind: 'contacts' }>;

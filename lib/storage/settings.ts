import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import type { CustomRuleSpec, ProtectedName } from '../detect/types';
import { CRITERION_IDS, CriterionIdSchema, PlatformSchema } from '../policy/schema';
import { DEFAULT_RETENTION_DAYS } from '../records/retentionDays';

export const ConfidenceSchema = z.enum(['low', 'medium', 'high']);

export const ProtectedNameSchema = z.object({
  name: z.string().trim().min(1),
  variants: z.array(z.string().trim().min(1)).optional(),
  role: z.enum(['victim', 'witness', 'suspect', 'officer', 'protected-by-order']),
  caseRef: z.string().optional(),
  /** ISO date (YYYY-MM-DD) after which the entry should be checked and kept or removed. */
  reviewBy: z.iso.date().optional(),
});

export const CustomRuleSpecSchema = z.object({
  id: z.string().min(1),
  criterion: CriterionIdSchema,
  words: z.array(z.string().min(1)).optional(),
  pattern: z.string().min(1).optional(),
});

export const RetentionDaysSchema = z.object({
  blockLog: z.int().min(1).max(36_500),
  contacts: z.int().min(1).max(36_500),
  repeatEvents: z.int().min(1).max(36_500),
});

/**
 * Version 1 -> 2: adds the retention periods, written out in full so that the stored settings say
 * which periods apply (a later change to the defaults must not silently shorten retention).
 * Everything else is carried over unchanged; a value that is not an object becomes `{}` so the
 * defaults apply rather than the migration throwing.
 *
 * @example
 * migrateSettingsV1ToV2({ paused: true }); // { paused: true, retentionDays: { blockLog: 2192, … } }
 */
export function migrateSettingsV1ToV2(v1: unknown): Record<string, unknown> {
  const base =
    v1 && typeof v1 === 'object' && !Array.isArray(v1)
      ? { ...(v1 as Record<string, unknown>) }
      : {};
  const current = RetentionDaysSchema.safeParse(base.retentionDays);
  return {
    ...base,
    retentionDays: current.success ? current.data : { ...DEFAULT_RETENTION_DAYS },
  };
}

// Each field has its own default so that a settings object written by an older version (missing
// a newer field) still parses instead of throwing every other setting away.
export const SettingsSchema = z.object({
  enabledCriteria: z.array(CriterionIdSchema).default(() => [...CRITERION_IDS]),
  /** Findings below this confidence are not shown. */
  minConfidence: ConfidenceSchema.default('medium'),
  disabledSites: z.array(PlatformSchema).default(() => []),
  paused: z.boolean().default(false),
  protectedNames: z.array(ProtectedNameSchema).default(() => []),
  activeCases: z.array(z.string().trim().min(1)).default(() => []),
  operations: z.array(z.string().trim().min(1)).default(() => []),
  allowList: z.array(z.string().trim().min(1)).default(() => []),
  customRules: z.array(CustomRuleSpecSchema).default(() => []),
  /** The repeat-caller window: Annex 1's "one month", taken as a rolling number of days. */
  repeatWindowDays: z.int().min(1).max(366).default(30),
  /**
   * Days each kind of record is kept after it last changed (see lib/records/retention.ts). The
   * defaults are starting points; the force sets the real periods under its MOPI review schedule.
   */
  retentionDays: RetentionDaysSchema.default(() => ({ ...DEFAULT_RETENTION_DAYS })),
});

/** Settings as version 1 stored them: the same, without retention periods (kept for the migration test). */
export const SettingsV1Schema = SettingsSchema.omit({ retentionDays: true });

export type Settings = z.output<typeof SettingsSchema>;
export type MinConfidence = z.output<typeof ConfidenceSchema>;

// Compile-time guarantee that what the settings hold is what the engine accepts.
type Assignable<T, U extends T> = U;
export type _ProtectedNamesFit = Assignable<ProtectedName, Settings['protectedNames'][number]>;
export type _CustomRulesFit = Assignable<CustomRuleSpec, Settings['customRules'][number]>;

/** Every criterion on, medium confidence and above, every site, not paused, nothing configured. */
export const DEFAULT_SETTINGS: Settings = deepFreeze(SettingsSchema.parse({}));

// The defaults object is shared by every caller; freezing it turns an accidental mutation into a
// visible error instead of a silent change to everyone's settings.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: { 2: migrateSettingsV1ToV2 },
});

/**
 * Checks a value read from storage (or an import). Anything that does not fit the schema gives the
 * defaults, with the reason on the console, rather than a half-applied configuration.
 *
 * @example
 * parseSettings({ paused: true }).paused; // true, every other field defaulted
 * parseSettings({ minConfidence: 'sometimes' }); // DEFAULT_SETTINGS, and a console warning
 */
export function parseSettings(value: unknown): Settings {
  if (value == null) return DEFAULT_SETTINGS;
  const result = SettingsSchema.safeParse(value);
  if (result.success) return result.data;
  console.warn(
    `Moderator Assist: stored settings are not valid, so the defaults are in use.\n${z.prettifyError(result.error)}`,
  );
  return DEFAULT_SETTINGS;
}

/** The moderator's settings, always valid. */
export async function readSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue());
}

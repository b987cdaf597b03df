// Kept apart from retention.ts so that the settings (which every page and the content script
// read) do not pull the record schemas and the chain code into those bundles.

/** How long each kind of record is kept, in days after it was last changed. */
export interface RetentionDays {
  blockLog: number;
  contacts: number;
  repeatEvents: number;
}

/**
 * Starting points only: the force's MOPI review schedule and data protection officer set the real
 * periods. Six years for block decisions (complaints and civil claims run that long), one year
 * for contacts and repeat-caller events (the scheme looks back 30 days; a year covers appeals).
 *
 * @example
 * DEFAULT_RETENTION_DAYS.blockLog; // 2192
 */
export const DEFAULT_RETENTION_DAYS: Readonly<RetentionDays> = Object.freeze({
  blockLog: 6 * 365 + 2,
  contacts: 365,
  repeatEvents: 365,
});

import { z } from 'zod';
import { bareKey } from '../storage/keys';
import { REMOVALS_STORAGE_KEY } from '../storage/removals';
import { STATUS_STORAGE_KEYS } from './repeat';

/**
 * What the background tells every tab when stored data the overlay shows has changed: which parts
 * to read again. The content script does not listen to storage itself, because a storage listener
 * is handed every changed value, and one block logged with 10,000 entries in the log is 22 MB
 * copied into every open X and Facebook tab (about a second of frozen page each time).
 */
export const OverlayChangedSchema = z.object({
  type: z.literal('overlay:changed'),
  /** The moderator's settings (criteria, sites, pause, protected names…). */
  settings: z.boolean(),
  /** Anything a repeat-caller status depends on (contacts, advice, blocks, accounts). */
  statuses: z.boolean(),
  /** Removals marked on posts (the many-removals reminder). */
  removals: z.boolean(),
});
export type OverlayChanged = z.infer<typeof OverlayChangedSchema>;

const STATUS_KEYS: ReadonlySet<string> = new Set(STATUS_STORAGE_KEYS.map(bareKey));
const REMOVALS_KEY = bareKey(REMOVALS_STORAGE_KEY);
const SETTINGS_KEY = 'settings';

/**
 * The message for a set of changed `storage.local` keys (as `storage.onChanged` names them), or
 * null when none of them is anything the overlay shows.
 *
 * @example
 * overlayChangeOf(['contacts:07']); // { type: 'overlay:changed', settings: false, statuses: true, removals: false }
 * overlayChangeOf(['drafts']); // null
 */
export function overlayChangeOf(keys: Iterable<string>): OverlayChanged | null {
  const change: OverlayChanged = {
    type: 'overlay:changed',
    settings: false,
    statuses: false,
    removals: false,
  };
  for (const key of keys) {
    if (key === SETTINGS_KEY) change.settings = true;
    else if (key === REMOVALS_KEY) change.removals = true;
    else if (STATUS_KEYS.has(key)) change.statuses = true;
  }
  return change.settings || change.statuses || change.removals ? change : null;
}

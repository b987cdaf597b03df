import { storage } from 'wxt/utils/storage';
import { ModeratorSchema, type Moderator } from '../../lib/records/schemas';

/**
 * Who is moderating, as the popup and the records read it: `{ name, staffNumber, team? }` under
 * `local:moderator`. Null until the moderator fills in the options page.
 */
export const moderatorItem = storage.defineItem<Moderator | null>('local:moderator', {
  fallback: null,
});

/** The stored moderator, or null when none is stored or what is stored does not fit the schema. */
export async function readModerator(): Promise<Moderator | null> {
  const parsed = ModeratorSchema.safeParse(await moderatorItem.getValue());
  return parsed.success ? parsed.data : null;
}

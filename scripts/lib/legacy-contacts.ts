import { splitContacts, type Contact } from '../../lib/records';
import { contactBucketItems } from '../../lib/storage/records';

/**
 * The storage writes that keep `contacts` as earlier versions kept them (64 bucket keys, see
 * `contactBucketItems`), for one `storage.setItems` call: the tests and benchmarks seed an older
 * version's data with it, to check and time its move into the records database.
 *
 * @example
 * await storage.setItems(legacyContactWrites(contacts));
 */
export function legacyContactWrites(
  contacts: readonly Contact[],
): { key: `local:${string}`; value: unknown }[] {
  const buckets = splitContacts(contacts);
  return contactBucketItems.map((item, i) => ({
    key: item.key as `local:${string}`,
    value: buckets[i]!,
  }));
}

/**
 * A WXT storage key (`local:blockLog`) as `storage.onChanged` names it (`blockLog`).
 *
 * @example
 * bareKey('local:blockLog'); // 'blockLog'
 */
export function bareKey(key: string): string {
  return key.replace(/^local:/, '');
}

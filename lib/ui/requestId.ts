import { useCallback, useState } from 'react';

/**
 * The id a confirm button's record will have, chosen when its form opens, so that pressing the
 * button twice, or again after no answer came, writes the record once: the background answers
 * "already recorded" for an id it holds. `renew` gives the form a fresh id once a record has been
 * written and the form is ready for another.
 *
 * @example
 * const [requestId, renew] = useRequestId();
 * const reply = await send({ type: 'repeat:advise', requestId, userKey, how, advice });
 * if (reply.ok) renew();
 */
export function useRequestId(): [string, () => void] {
  const [id, setId] = useState(() => globalThis.crypto.randomUUID());
  const renew = useCallback(() => setId(globalThis.crypto.randomUUID()), []);
  return [id, renew];
}

import { handleMessage } from '../../lib/messages/handler';
import { usePopup, type TabId, type Transport } from '../../lib/ui/store';
import type { testDeps } from '../background/helpers';

type Deps = ReturnType<typeof testDeps>['deps'];

/**
 * Puts the popup's store back to how a freshly opened popup starts, on `tab`, talking to the
 * background's handler directly (or through `transport`).
 */
export function resetPopup(
  deps: Deps,
  tab: TabId = 'block',
  transport: Transport = (req) => handleMessage(req, deps),
): void {
  usePopup.setState({
    snapshot: null,
    loadError: null,
    blockIndex: null,
    blockLogProblem: null,
    blockLogError: null,
    tab,
    draftId: null,
    transport,
    now: deps.now,
  });
}

// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as records from '../../lib/storage/records';
import { usePopup } from '../../lib/ui/store';
import { seedBasics, testDeps } from '../background/helpers';
import { resetPopup } from './helpers';

// After its own write the popup reads again at once; the background's change message, ~0.1 s
// later, names a change the popup has read already and must not read the (large) list again.
describe('popup store: reading again after a change', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    await seedBasics();
    resetPopup(testDeps().deps);
  });

  it('should skip a change heard before its latest read began, and read one heard after', async () => {
    // The list is asked of the background (`block:list`).
    const transport = usePopup.getState().transport;
    const readIndex = vi.fn(transport);
    usePopup.setState({ transport: readIndex });
    const readSnapshot = vi.spyOn(records, 'loadPopupSnapshot');
    const changedBefore = Date.now() - 1;
    await usePopup.getState().loadBlockLog();
    await usePopup.getState().load();
    expect(usePopup.getState().blockIndex).not.toBeNull();
    const reads = () => [readIndex.mock.calls.length, readSnapshot.mock.calls.length];
    const first = reads();
    expect(first[0]).toBeGreaterThan(0);
    expect(first[1]).toBe(1);

    await usePopup.getState().refreshBlockLog(changedBefore);
    await usePopup.getState().load(changedBefore);
    expect(reads()).toEqual(first);

    const changedAfter = Date.now() + 1;
    await usePopup.getState().refreshBlockLog(changedAfter);
    await usePopup.getState().load(changedAfter);
    const second = reads();
    expect(second[0]).toBeGreaterThan(first[0]!);
    expect(second[1]).toBe(2);
    // Without a time (a message from an older background), always read.
    await usePopup.getState().refreshBlockLog();
    expect(readIndex.mock.calls.length).toBeGreaterThan(second[0]!);
  });

  it('should not skip a change because of a read that failed', async () => {
    const readSnapshot = vi
      .spyOn(records, 'loadPopupSnapshot')
      .mockRejectedValueOnce(new Error('storage is unavailable'));
    // A change heard after every earlier read, then a read that fails.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const changed = Date.now();
    await usePopup.getState().load();
    expect(usePopup.getState().loadError).toBe('storage is unavailable');
    await usePopup.getState().load(changed);
    expect(readSnapshot).toHaveBeenCalledTimes(2);
    expect(usePopup.getState().loadError).toBeNull();
  });
});

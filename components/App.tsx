import { useEffect } from 'react';
import { watchStorageChanges } from '../lib/messages/relay';
import { BLOCK_LOG_KEYS, POPUP_RECORD_KEYS } from '../lib/storage/records';
import { usePopup, type TabId } from '../lib/ui/store';
import { BlockLog } from './BlockLog';
import { BlockWorkflow } from './BlockWorkflow';
import { ModeratorForm } from './ModeratorForm';
import { RepeatCallers } from './RepeatCallers';
import { Tabs, type TabSpec } from './ui';

const TABS: readonly TabSpec<TabId>[] = [
  { id: 'block', label: 'Block workflow' },
  { id: 'log', label: 'Block log' },
  { id: 'repeat', label: 'Repeat callers' },
];

/** The toolbar popup: asks who is moderating on first use, then the three tabs. */
export function App() {
  const snapshot = usePopup((s) => s.snapshot);
  const loadError = usePopup((s) => s.loadError);
  const load = usePopup((s) => s.load);
  const refreshBlockLog = usePopup((s) => s.refreshBlockLog);
  const blockLogProblem = usePopup((s) => s.blockLogProblem);
  const tab = usePopup((s) => s.tab);
  const setTab = usePopup((s) => s.setTab);

  useEffect(() => {
    // Only the small items are read here, so the popup can be used at once. The block log's list
    // is read when its tab first opens, so reading it never holds up the block workflow; after
    // that it is read again whenever the log changes. Changes are heard from the background
    // (watchStorageChanges), not from storage, whose listeners are handed every changed value:
    // the whole block log, tens of megabytes at scale, each time a block is logged or amended.
    void load();
    return watchStorageChanges((keys, at) => {
      if (BLOCK_LOG_KEYS.some((k) => keys.has(k))) void refreshBlockLog(at);
      if (POPUP_RECORD_KEYS.some((k) => keys.has(k))) void load(at);
    });
  }, [load, refreshBlockLog]);

  const problems = snapshot
    ? blockLogProblem
      ? [...snapshot.problems, blockLogProblem]
      : snapshot.problems
    : [];

  return (
    <main className="popup">
      <h1>Moderator Assist</h1>
      {loadError ? <p role="alert">Could not read the stored records: {loadError}</p> : null}
      {!snapshot ? (
        <p role="status">Loading…</p>
      ) : (
        <>
          {problems.length > 0 ? (
            <div role="alert" className="notice fail">
              <p className="strong">Some stored data was not valid and has been set aside:</p>
              <ul>
                {problems.map((p, i) => (
                  <li key={i}>{p.message}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {!snapshot.moderator ? (
            <ModeratorForm />
          ) : (
            <>
              <p className="hint">
                Signed in as {snapshot.moderator.name} (staff number{' '}
                {snapshot.moderator.staffNumber}
                {snapshot.moderator.team ? `, ${snapshot.moderator.team}` : ''})
              </p>
              <Tabs tabs={TABS} selected={tab} onSelect={setTab} label="Moderator Assist sections">
                {tab === 'block' ? <BlockWorkflow /> : null}
                {tab === 'log' ? <BlockLog /> : null}
                {tab === 'repeat' ? <RepeatCallers /> : null}
              </Tabs>
            </>
          )}
        </>
      )}
    </main>
  );
}

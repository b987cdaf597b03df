import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { AccountsSection } from './AccountsSection';
import { CriteriaSection } from './CriteriaSection';
import { CustomRulesSection } from './CustomRulesSection';
import { BackupSection, RetentionSection } from './DataSection';
import { withDrafts, type Drafts, type SetDraft } from './drafts';
import { ListsSection } from './ListsSection';
import { ModeratorSection } from './ModeratorSection';
import { ProtectedNamesSection } from './ProtectedNamesSection';
import { RepeatWindowSection } from './RepeatWindowSection';
import { TryIt } from './TryIt';
import { useStoredSettings } from './useSettings';

const SECTIONS = [
  { id: 'moderator', title: 'Your details' },
  { id: 'criteria', title: 'Criteria and sites' },
  { id: 'accounts', title: 'Force accounts' },
  { id: 'repeat-window', title: 'Repeat-caller window' },
  { id: 'protected-names', title: 'Protected names' },
  { id: 'cases', title: 'Cases, operations and allowed terms' },
  { id: 'custom-rules', title: 'Custom rules' },
  { id: 'try-it', title: 'Try it' },
  { id: 'backup', title: 'Backup and restore' },
  { id: 'retention', title: 'Retention and rights' },
] as const;

type SectionId = (typeof SECTIONS)[number]['id'];

function Section({ id, children }: { id: SectionId; children: ReactNode }) {
  const title = SECTIONS.find((s) => s.id === id)?.title;
  return (
    <section id={id} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}

/** The options page: every setting the moderator controls, each change saved as it is made. */
export function OptionsApp({ today }: { today?: string }) {
  const { settings, update, status, announce } = useStoredSettings();
  const [drafts, setDrafts] = useState<Drafts>({});
  const setDraft = useCallback<SetDraft>((key, value) => {
    setDrafts((d) => {
      if (d[key] === value) return d;
      const next = { ...d };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return next;
    });
  }, []);
  const preview = useMemo(
    () => (settings ? withDrafts(settings, drafts) : null),
    [settings, drafts],
  );

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to settings
      </a>
      <header>
        <h1>Moderator Assist settings</h1>
        <p>
          Changes are saved as you make them and apply to open X and Facebook pages without
          reloading.
        </p>
        <p role="status" className="status">
          {status}
        </p>
      </header>
      <nav aria-label="Sections">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <Section id="moderator">
          <ModeratorSection announce={announce} />
        </Section>
        {!settings || !preview ? (
          <p>Loading settings…</p>
        ) : (
          <>
            <Section id="criteria">
              <CriteriaSection settings={settings} update={update} />
            </Section>
            <Section id="accounts">
              <AccountsSection announce={announce} />
            </Section>
            <Section id="repeat-window">
              <RepeatWindowSection settings={settings} update={update} />
            </Section>
            <Section id="protected-names">
              <p>
                Comments naming these people are highlighted as identifying a person (or an
                officer), with the case reference shown.
              </p>
              <ProtectedNamesSection
                settings={settings}
                update={update}
                setDraft={setDraft}
                today={today}
              />
            </Section>
            <Section id="cases">
              <ListsSection settings={settings} update={update} setDraft={setDraft} />
            </Section>
            <Section id="custom-rules">
              <p>
                Your own words or patterns, each highlighted under the criterion you choose. A
                pattern that is not valid, or that could freeze the page, is refused and not saved.
              </p>
              <CustomRulesSection settings={settings} update={update} setDraft={setDraft} />
            </Section>
            <Section id="try-it">
              <TryIt settings={preview} unsaved={Object.keys(drafts).length > 0} />
            </Section>
            <Section id="backup">
              <BackupSection announce={announce} />
            </Section>
            <Section id="retention">
              <RetentionSection settings={settings} update={update} announce={announce} />
            </Section>
          </>
        )}
      </main>
    </>
  );
}

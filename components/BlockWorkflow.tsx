import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { POLICY, type CriterionId, type Platform } from '../lib/policy';
import {
  emptyDraft,
  isoToLondonLocal,
  londonLocalToIso,
  validateStep,
  type FieldErrors,
} from '../lib/messages/draft';
import { captureEvidence, formatLondon, type ForceAccount } from '../lib/records';
import { DRAFT_STEPS, type Draft, type DraftStep } from '../lib/storage/records';
import { usePopup } from '../lib/ui/store';
import { Field, FieldError, Notice, Select } from './ui';
import { useRequestId } from '../lib/ui/requestId';

const STEP_LABELS: Record<DraftStep, string> = {
  who: 'Who',
  engage: 'Engage first',
  advice: 'Advice',
  reason: 'Reason',
  review: 'Review & confirm',
};

const METHODS = [
  { value: 'public-reply', label: 'Public reply' },
  { value: 'private-message', label: 'Private message' },
  { value: 'other', label: 'Other' },
] as const;

const EXCEPTIONS = [
  { value: 'none', label: 'No exception: I engaged with the user first' },
  {
    value: 'credible-threat-or-crime-reported',
    label: 'Credible threat, or a crime has been reported',
  },
  { value: 'automated-spam-account', label: 'Automated spam account (cannot be engaged with)' },
] as const;

export const PLATFORM_NAME: Record<Platform, string> = { facebook: 'Facebook', x: 'X' };

type Notice = { ok: boolean; text: string } | null;

/** The block workflow tab: resumes the latest draft, or offers to start one. */
export function BlockWorkflow() {
  const snapshot = usePopup((s) => s.snapshot)!;
  const draftId = usePopup((s) => s.draftId);
  const openDraft = usePopup((s) => s.openDraft);
  const send = usePopup((s) => s.send);
  const now = usePopup((s) => s.now);
  const [confirmed, setConfirmed] = useState<{ entryId: string; platform: Platform } | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const accounts = snapshot.accounts.accounts;
  const drafts = [...snapshot.drafts.drafts].sort((a, b) =>
    a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0,
  );
  const current = drafts.find((d) => d.id === draftId) ?? drafts[0];

  if (confirmed) {
    return <AfterConfirm {...confirmed} onDone={() => setConfirmed(null)} />;
  }

  const start = async () => {
    const first = accounts[0];
    const draft = emptyDraft(
      globalThis.crypto.randomUUID(),
      now(),
      first?.platform ?? 'facebook',
      first?.id ?? '',
    );
    const reply = await send({ type: 'block:save-draft', draft });
    if (reply.ok) openDraft(draft.id);
    setNotice(reply.ok ? null : { ok: false, text: reply.error });
  };

  return (
    <section aria-labelledby="block-heading">
      <h2 id="block-heading">Block workflow</h2>
      <p className="hint">
        Blocking is a last resort: engage first, take Digital Media Team advice, and log the
        reasoning.
      </p>
      <div className="row">
        {drafts.length > 1 ? (
          <Select
            id="draft-pick"
            label="Draft in progress"
            value={current?.id ?? ''}
            onChange={(id) => openDraft(id)}
            options={drafts.map((d) => ({
              value: d.id,
              label: `${d.handle || d.profileUrl || d.displayName || 'Unnamed user'} (${PLATFORM_NAME[d.platform]}, changed ${formatLondon(d.updatedAt)})`,
            }))}
          />
        ) : null}
        <button type="button" onClick={() => void start()}>
          {current ? 'Start another block workflow' : 'Start a block workflow'}
        </button>
      </div>
      <Notice notice={notice} />
      {current ? (
        <DraftEditor
          key={current.id}
          initial={current}
          accounts={accounts}
          onConfirmed={(entryId, platform) => setConfirmed({ entryId, platform })}
        />
      ) : (
        <p>No block workflow in progress. Start one here, or from a comment on the page.</p>
      )}
    </section>
  );
}

function DraftEditor({
  initial,
  accounts,
  onConfirmed,
}: {
  initial: Draft;
  accounts: readonly ForceAccount[];
  onConfirmed: (entryId: string, platform: Platform) => void;
}) {
  const send = usePopup((s) => s.send);
  const moderator = usePopup((s) => s.snapshot?.moderator ?? null);
  const [draft, setDraft] = useState(initial);
  const [shown, setShown] = useState<Partial<Record<DraftStep, boolean>>>({});
  const [saveNotice, setSaveNotice] = useState<Notice>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const latest = useRef(draft);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Saves what is typed: after 300 ms of quiet, on blur, when the popup is hidden and when this
  // editor goes away, so closing the popup mid-sentence loses nothing.
  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    if (!dirty.current) return;
    dirty.current = false;
    const reply = await send({ type: 'block:save-draft', draft: latest.current });
    setSaveNotice(
      reply.ok
        ? { ok: true, text: 'Draft saved.' }
        : { ok: false, text: `The draft was not saved: ${reply.error}` },
    );
    if (!reply.ok) dirty.current = true;
  }, [send]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      void flush();
    };
  }, [flush]);

  const update = (patch: Partial<Draft>) => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    dirty.current = true;
    setDraft(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), 300);
  };

  const step = draft.step;
  const stepIndex = DRAFT_STEPS.indexOf(step);
  const errorsOf = (s: DraftStep): FieldErrors => validateStep(draft, s, accounts);
  const firstInvalid = DRAFT_STEPS.findIndex((s) => Object.keys(errorsOf(s)).length > 0);
  const reachable = (i: number) => firstInvalid < 0 || i <= firstInvalid;
  const errors = shown[step] ? errorsOf(step) : {};

  const goTo = (s: DraftStep) => {
    update({ step: s });
    void flush();
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  const next = () => {
    const stepErrors = errorsOf(step);
    setShown((x) => ({ ...x, [step]: true }));
    if (Object.keys(stepErrors).length > 0) {
      const first = Object.keys(stepErrors)[0]!;
      requestAnimationFrame(() => document.getElementById(first)?.focus());
      return;
    }
    goTo(DRAFT_STEPS[stepIndex + 1]!);
  };

  const discard = async () => {
    clearTimeout(timer.current);
    dirty.current = false;
    const reply = await send({ type: 'block:discard-draft', id: draft.id });
    setNotice(reply.ok ? null : { ok: false, text: reply.error });
  };

  const confirm = async () => {
    const all = DRAFT_STEPS.filter((s) => Object.keys(errorsOf(s)).length > 0);
    if (all.length > 0) {
      setShown({ who: true, engage: true, advice: true, reason: true });
      setNotice({
        ok: false,
        text: `Complete these steps first: ${all.map((s) => STEP_LABELS[s]).join(', ')}.`,
      });
      return;
    }
    clearTimeout(timer.current);
    dirty.current = false;
    const reply = await send({ type: 'block:confirm', draft: latest.current });
    if (reply.ok && reply.entryId) onConfirmed(reply.entryId, draft.platform);
    else if (!reply.ok) setNotice({ ok: false, text: reply.error });
  };

  return (
    <div onBlur={() => void flush()}>
      <nav aria-label="Block workflow steps">
        <ol className="stepper">
          {DRAFT_STEPS.map((s, i) => (
            <li key={s}>
              <button
                type="button"
                aria-current={s === step ? 'step' : undefined}
                disabled={!reachable(i)}
                onClick={() => goTo(s)}
              >
                {i + 1}. {STEP_LABELS[s]}
                {s === step ? <span className="visually-hidden"> (current step)</span> : null}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <h3 ref={headingRef} tabIndex={-1}>
        Step {stepIndex + 1} of {DRAFT_STEPS.length}: {STEP_LABELS[step]}
      </h3>
      {step === 'who' ? (
        <WhoStep draft={draft} update={update} accounts={accounts} errors={errors} />
      ) : null}
      {step === 'engage' ? <EngageStep draft={draft} update={update} errors={errors} /> : null}
      {step === 'advice' ? <AdviceStep draft={draft} update={update} errors={errors} /> : null}
      {step === 'reason' ? <ReasonStep draft={draft} update={update} errors={errors} /> : null}
      {step === 'review' ? (
        <ReviewStep
          draft={draft}
          accounts={accounts}
          moderatorText={
            moderator ? `${moderator.name} (staff number ${moderator.staffNumber})` : 'not set'
          }
        />
      ) : null}
      <div className="row">
        {stepIndex > 0 ? (
          <button type="button" onClick={() => goTo(DRAFT_STEPS[stepIndex - 1]!)}>
            Back
          </button>
        ) : null}
        {step !== 'review' ? (
          <button type="button" className="primary" onClick={next}>
            Continue
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => void confirm()}>
            Confirm and log
          </button>
        )}
        <button type="button" onClick={() => void discard()}>
          Discard draft
        </button>
      </div>
      <Notice notice={notice} />
      <p className="hint" aria-live="polite">
        {saveNotice?.ok === false ? null : saveNotice?.text}
      </p>
      {saveNotice?.ok === false ? <Notice notice={saveNotice} /> : null}
    </div>
  );
}

interface StepProps {
  draft: Draft;
  update: (patch: Partial<Draft>) => void;
  errors: FieldErrors;
}

function WhoStep({
  draft,
  update,
  errors,
  accounts,
}: StepProps & { accounts: readonly ForceAccount[] }) {
  const onPlatform = accounts.filter((a) => a.platform === draft.platform);
  return (
    <div>
      <Select
        id="platform"
        label="Platform"
        value={draft.platform}
        onChange={(v) => {
          const platform = v as Platform;
          update({ platform, accountId: accounts.find((a) => a.platform === platform)?.id ?? '' });
        }}
        options={[
          { value: 'facebook', label: 'Facebook' },
          { value: 'x', label: 'X' },
        ]}
      />
      <Select
        id="accountId"
        label="Force account contacted"
        value={draft.accountId}
        onChange={(accountId) => update({ accountId })}
        options={[
          {
            value: '',
            label: onPlatform.length ? 'Choose an account' : 'No accounts on this platform',
          },
          ...onPlatform.map((a) => ({ value: a.id, label: a.label })),
        ]}
        error={errors.accountId}
      />
      <Field
        id="handle"
        label="User’s handle"
        value={draft.handle}
        onChange={(handle) => update({ handle })}
        hint="A handle or a profile URL is needed."
        error={errors.handle}
      />
      <Field
        id="profileUrl"
        label="Profile URL"
        type="url"
        value={draft.profileUrl}
        onChange={(profileUrl) => update({ profileUrl })}
      />
      <Field
        id="displayName"
        label="Display name"
        value={draft.displayName}
        onChange={(displayName) => update({ displayName })}
      />
      <Field
        id="contentUrl"
        label="Link to the content"
        type="url"
        value={draft.contentUrl}
        onChange={(contentUrl) => update({ contentUrl })}
      />
      <Field
        id="contentExcerpt"
        label="The content"
        multiline
        value={draft.contentExcerpt}
        onChange={(contentExcerpt) => update({ contentExcerpt })}
      />
    </div>
  );
}

function EngageStep({ draft, update, errors }: StepProps) {
  const setEngagement = (i: number, patch: Partial<Draft['engagements'][number]>) =>
    update({ engagements: draft.engagements.map((e, j) => (j === i ? { ...e, ...patch } : e)) });
  return (
    <div>
      <p className="hint">
        Annex 1: “An effort should be made to engage with the user first.” Record each attempt.
      </p>
      {draft.engagements.map((e, i) => (
        <fieldset key={i}>
          <legend>Engagement attempt {i + 1}</legend>
          <Field
            id={`engagement-${i}-at`}
            label="When"
            type="datetime-local"
            value={e.at}
            onChange={(at) => setEngagement(i, { at })}
            error={errors[`engagement-${i}-at`]}
          />
          <Select
            id={`engagement-${i}-method`}
            label="How"
            value={e.method}
            onChange={(m) => setEngagement(i, { method: m as (typeof METHODS)[number]['value'] })}
            options={METHODS}
          />
          <Field
            id={`engagement-${i}-said`}
            label="What was said"
            multiline
            value={e.said}
            onChange={(said) => setEngagement(i, { said })}
            error={errors[`engagement-${i}-said`]}
          />
          <Field
            id={`engagement-${i}-link`}
            label="Link (optional)"
            type="url"
            value={e.link}
            onChange={(link) => setEngagement(i, { link })}
          />
          <button
            type="button"
            onClick={() => update({ engagements: draft.engagements.filter((_, j) => j !== i) })}
          >
            Remove attempt {i + 1}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        id="engagements"
        aria-describedby={errors.engagements ? 'engagements-error' : undefined}
        onClick={() =>
          update({
            engagements: [
              ...draft.engagements,
              { at: isoToLondonLocal(new Date()), method: 'public-reply', said: '', link: '' },
            ],
          })
        }
      >
        Add an engagement attempt
      </button>
      <FieldError id="engagements" error={errors.engagements} />
      <fieldset>
        <legend>Exception to engaging first</legend>
        {EXCEPTIONS.map((x) => (
          <div key={x.value} className="check">
            <input
              type="radio"
              id={`exception-${x.value}`}
              name="exceptionKind"
              checked={draft.exceptionKind === x.value}
              onChange={() => update({ exceptionKind: x.value })}
            />
            <label htmlFor={`exception-${x.value}`}>{x.label}</label>
          </div>
        ))}
      </fieldset>
      {draft.exceptionKind !== 'none' ? (
        <Field
          id="exceptionWhy"
          label="Why engaging first was not appropriate"
          multiline
          required
          value={draft.exceptionWhy}
          onChange={(exceptionWhy) => update({ exceptionWhy })}
          error={errors.exceptionWhy}
        />
      ) : null}
    </div>
  );
}

function AdviceStep({ draft, update, errors }: StepProps) {
  const optional = draft.exceptionKind !== 'none';
  return (
    <div>
      <p className="hint">
        Annex 1: “Contact the Digital Media Team for advice before taking action.”{' '}
        {POLICY.digitalMediaTeam}.
        {optional
          ? ' Optional here because an exception applies, but record it if you had advice.'
          : ''}
      </p>
      <Field
        id="adviceFrom"
        label="Who advised"
        required={!optional}
        value={draft.adviceFrom}
        onChange={(adviceFrom) => update({ adviceFrom })}
        error={errors.adviceFrom}
      />
      <Field
        id="adviceAt"
        label="When"
        type="datetime-local"
        required={!optional}
        value={draft.adviceAt}
        onChange={(adviceAt) => update({ adviceAt })}
        error={errors.adviceAt}
      />
      <Field
        id="adviceText"
        label="Advice given"
        multiline
        required={!optional}
        value={draft.adviceText}
        onChange={(adviceText) => update({ adviceText })}
        error={errors.adviceText}
      />
    </div>
  );
}

function ReasonStep({ draft, update, errors }: StepProps) {
  const [evText, setEvText] = useState('');
  const [evUrl, setEvUrl] = useState(draft.contentUrl);
  const [evError, setEvError] = useState<string | undefined>();
  const now = usePopup((s) => s.now);
  const toggle = (id: CriterionId, on: boolean) =>
    update({
      criteria: on
        ? POLICY.criteria.map((c) => c.id).filter((c) => c === id || draft.criteria.includes(c))
        : draft.criteria.filter((c) => c !== id),
    });
  const addEvidence = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!evText.trim() || !evUrl.trim()) {
      setEvError('Paste the content and give its link to add a snapshot.');
      return;
    }
    setEvError(undefined);
    const author = {
      ...(draft.handle ? { handle: draft.handle } : {}),
      ...(draft.displayName ? { displayName: draft.displayName } : {}),
      ...(draft.profileUrl ? { profileUrl: draft.profileUrl } : {}),
    };
    const ev = await captureEvidence({ text: evText, author, url: evUrl.trim() }, now());
    update({ evidence: [...draft.evidence, ev] });
    setEvText('');
  };
  return (
    <div>
      <fieldset aria-describedby={errors.criteria ? 'criteria-error' : undefined}>
        <legend>Policy criteria met</legend>
        {POLICY.criteria.map((c, i) => (
          <div key={c.id} className="check">
            <input
              type="checkbox"
              id={i === 0 ? 'criteria' : `criterion-${c.id}`}
              checked={draft.criteria.includes(c.id)}
              onChange={(e) => toggle(c.id, e.target.checked)}
            />
            <label htmlFor={i === 0 ? 'criteria' : `criterion-${c.id}`}>{c.label}</label>
          </div>
        ))}
        <FieldError id="criteria" error={errors.criteria} />
      </fieldset>
      <Field
        id="justification"
        label="Why blocking is justified"
        multiline
        required
        value={draft.justification}
        onChange={(justification) => update({ justification })}
        error={errors.justification}
      />
      <h4 id="evidence-heading">Evidence snapshots</h4>
      {draft.evidence.length === 0 ? (
        <p>No evidence captured yet.</p>
      ) : (
        <ul aria-labelledby="evidence-heading" className="evidence">
          {draft.evidence.map((ev, i) => (
            <li key={`${ev.sha256}-${i}`}>
              <p className="quote">{ev.text}</p>
              <p>
                Link: <span className="break">{ev.url}</span>
              </p>
              <p>Captured {formatLondon(ev.capturedAt)}</p>
              <p>
                SHA-256: <code className="break">{ev.sha256}</code>
              </p>
            </li>
          ))}
        </ul>
      )}
      <fieldset>
        <legend>Add an evidence snapshot</legend>
        <Field
          id="evidence"
          label="Content text"
          multiline
          value={evText}
          onChange={setEvText}
          error={evError ?? errors.evidence}
        />
        <Field
          id="evidence-url"
          label="Content link"
          type="url"
          value={evUrl}
          onChange={setEvUrl}
        />
        <button type="button" onClick={() => void addEvidence()}>
          Add snapshot
        </button>
      </fieldset>
    </div>
  );
}

function ReviewStep({
  draft,
  accounts,
  moderatorText,
}: {
  draft: Draft;
  accounts: readonly ForceAccount[];
  moderatorText: string;
}) {
  const account = accounts.find((a) => a.id === draft.accountId);
  const exception = EXCEPTIONS.find((x) => x.value === draft.exceptionKind)!;
  return (
    <div>
      <dl className="summary">
        <dt>Moderator</dt>
        <dd>{moderatorText}</dd>
        <dt>Platform and account</dt>
        <dd>
          {PLATFORM_NAME[draft.platform]}, {account?.label ?? 'no account chosen'}
        </dd>
        <dt>User</dt>
        <dd className="break">
          {[draft.handle, draft.displayName, draft.profileUrl].filter(Boolean).join(' · ')}
        </dd>
        <dt>Engagement</dt>
        <dd>
          {draft.engagements.length} attempt{draft.engagements.length === 1 ? '' : 's'}
          {draft.exceptionKind !== 'none'
            ? `; exception: ${exception.label} (${draft.exceptionWhy})`
            : ''}
        </dd>
        <dt>Digital Media Team advice</dt>
        <dd>{draft.adviceText ? `${draft.adviceFrom}: ${draft.adviceText}` : 'None recorded'}</dd>
        <dt>Criteria</dt>
        <dd>
          {POLICY.criteria
            .filter((c) => draft.criteria.includes(c.id))
            .map((c) => c.label)
            .join(', ')}
        </dd>
        <dt>Justification</dt>
        <dd>{draft.justification}</dd>
        <dt>Evidence</dt>
        <dd>
          {draft.evidence.length} snapshot{draft.evidence.length === 1 ? '' : 's'}
        </dd>
      </dl>
      <p>
        Confirming adds this decision to the block log (it cannot be edited afterwards, only
        amended). You then take the action on the platform yourself.
      </p>
    </div>
  );
}

function AfterConfirm({
  entryId,
  platform,
  onDone,
}: {
  entryId: string;
  platform: Platform;
  onDone: () => void;
}) {
  const send = usePopup((s) => s.send);
  const now = usePopup((s) => s.now);
  const [kind, setKind] = useState<'blocked' | 'resolved-without-block'>('blocked');
  const [at, setAt] = useState(() => isoToLondonLocal(now()));
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<Notice>(null);
  const steps = POLICY.platforms[platform].canDo.filter((s) => /block|ban/i.test(s));
  // One id while this form is shown: the outcome of a block just logged is recorded once, however
  // often the button is pressed (a later change is an amendment in the Block log tab).
  const [requestId] = useRequestId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const iso = londonLocalToIso(at);
    const next: FieldErrors = {};
    if (!iso) next['outcome-at'] = 'Enter when.';
    if (kind === 'resolved-without-block' && !note.trim())
      next['outcome-note'] = 'Say how it was resolved.';
    setErrors(next);
    if (Object.keys(next).length > 0 || !iso) return;
    const reply = await send({
      type: 'block:amend',
      requestId,
      entryId,
      amendment:
        kind === 'blocked'
          ? {
              kind: 'outcome',
              why: `Blocked on ${PLATFORM_NAME[platform]}.`,
              data: { kind, at: iso },
            }
          : { kind: 'outcome', why: note.trim(), data: { kind, at: iso, note: note.trim() } },
    });
    setNotice(
      reply.ok
        ? { ok: true, text: 'Outcome recorded in the block log.' }
        : { ok: false, text: reply.error },
    );
  };
  return (
    <section aria-labelledby="after-heading">
      <h2 id="after-heading">Logged: now act on {PLATFORM_NAME[platform]}</h2>
      <p className="strong">
        Moderator Assist never blocks anyone by itself. If you go ahead, do it on{' '}
        {PLATFORM_NAME[platform]} yourself:
      </p>
      <ol>
        {steps.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>Outcome</legend>
          <div className="check">
            <input
              type="radio"
              id="outcome-blocked"
              name="outcome"
              checked={kind === 'blocked'}
              onChange={() => setKind('blocked')}
            />
            <label htmlFor="outcome-blocked">Blocked on the platform</label>
          </div>
          <div className="check">
            <input
              type="radio"
              id="outcome-resolved"
              name="outcome"
              checked={kind === 'resolved-without-block'}
              onChange={() => setKind('resolved-without-block')}
            />
            <label htmlFor="outcome-resolved">Resolved without blocking</label>
          </div>
        </fieldset>
        <Field
          id="outcome-at"
          label="When"
          type="datetime-local"
          value={at}
          onChange={setAt}
          error={errors['outcome-at']}
        />
        {kind === 'resolved-without-block' ? (
          <Field
            id="outcome-note"
            label="How it was resolved"
            multiline
            value={note}
            onChange={setNote}
            error={errors['outcome-note']}
          />
        ) : null}
        <button type="submit" className="primary">
          Record the outcome
        </button>
      </form>
      <Notice notice={notice} />
      <button type="button" onClick={onDone}>
        Back to the block workflow
      </button>
    </section>
  );
}

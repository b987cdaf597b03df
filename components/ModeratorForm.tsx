import { useState, type FormEvent } from 'react';
import type { Moderator } from '../lib/records';
import { usePopup } from '../lib/ui/store';
import { Field, Notice } from './ui';

/** Asks who is moderating, once: every record carries the name and staff number. */
export function ModeratorForm({ current }: { current?: Moderator | null }) {
  const send = usePopup((s) => s.send);
  const [name, setName] = useState(current?.name ?? '');
  const [staffNumber, setStaffNumber] = useState(current?.staffNumber ?? '');
  const [team, setTeam] = useState(current?.team ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!name.trim()) next.name = 'Enter your name.';
    if (!staffNumber.trim()) next.staffNumber = 'Enter your staff number.';
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const reply = await send({
      type: 'moderator:set',
      moderator: {
        name: name.trim(),
        staffNumber: staffNumber.trim(),
        ...(team.trim() ? { team: team.trim() } : {}),
      },
    });
    setNotice(reply.ok ? { ok: true, text: 'Saved.' } : { ok: false, text: reply.error });
  };

  return (
    <form onSubmit={submit} aria-labelledby="moderator-heading" noValidate>
      <h2 id="moderator-heading">Who is moderating?</h2>
      <p>
        Every record you make carries your name and staff number, so decisions can be evidenced.
      </p>
      <Field
        id="mod-name"
        label="Name"
        value={name}
        onChange={setName}
        error={errors.name}
        required
      />
      <Field
        id="mod-staff"
        label="Staff number"
        value={staffNumber}
        onChange={setStaffNumber}
        error={errors.staffNumber}
        required
      />
      <Field id="mod-team" label="Team (optional)" value={team} onChange={setTeam} />
      <button type="submit">Save my details</button>
      <Notice notice={notice} />
    </form>
  );
}

import { FormEvent, useState } from 'react';
import { ScheduleMeetingDocument, type MeetingKind } from '../../../gql/graphql';
import { hasDraft, useDraft } from '../../../graphql/drafts';
import { useMutation } from '../../../graphql/hooks';
import { useT } from '../../../i18n/I18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { Field } from '../../../ui/Field';
import { todayInDenmark, withoutFieldPrefix } from '../../../ui/format';
import type { MeetingData } from '../types';
import { Clash } from './Clash';

const KINDS: MeetingKind[] = ['FOLLOW_UP', 'NETWORK_MEETING', 'WALK_AND_TALK', 'HOME_VISIT', 'PLACEMENT_KICKOFF', 'PLACEMENT_FOLLOW_UP'];

/** A Copenhagen wall-clock date and time as an instant (ISO, UTC). */
export function copenhagenInstant(date: string, time: string): string {
  const guess = new Date(`${date}T${time}:00Z`);
  const offsetMinutes = (d: Date) => {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', timeZoneName: 'shortOffset' }).formatToParts(d);
    const match = /GMT([+-]\d+)(?::(\d+))?/.exec(parts.find((p) => p.type === 'timeZoneName')?.value ?? '');
    return match ? Number(match[1]) * 60 + Math.sign(Number(match[1])) * Number(match[2] ?? 0) : 0;
  };
  const first = new Date(guess.getTime() - offsetMinutes(guess) * 60_000);
  return new Date(guess.getTime() - offsetMinutes(first) * 60_000).toISOString();
}

/**
 * Books a meeting for the signed-in staff member (the service adds them as participant). A double
 * booking comes back as CONFLICT with the clashing booking, shown right under the form.
 */
export function ScheduleForm({ citizenId, meetings, onBooked }: { citizenId: string; meetings: MeetingData[]; onBooked(): void }) {
  const t = useT();
  const [open, setOpen] = useState(() => hasDraft(`schedule-meeting:${citizenId}`));
  const [draft, update, clear] = useDraft(`schedule-meeting:${citizenId}`, {
    kind: 'FOLLOW_UP',
    date: todayInDenmark(),
    time: '10:00',
    durationMinutes: '60',
    location: '',
  });
  const [schedule, state] = useMutation(ScheduleMeetingDocument);
  const [booked, setBooked] = useState(false);
  const errors = state.error?.fieldErrors ?? {};
  const at = (field: string) => {
    const message = errors[field] ?? errors[`input.${field}`];
    return message && withoutFieldPrefix(message);
  };
  const send = async () => {
    setBooked(false);
    const input = {
      citizenId,
      kind: draft.kind as MeetingKind,
      scheduledAt: copenhagenInstant(draft.date, draft.time),
      durationMinutes: Number(draft.durationMinutes),
      location: draft.location.trim() || null,
    };
    if (await schedule({ input })) {
      clear();
      setBooked(true);
      onBooked();
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send();
  };
  return (
    <details className="add-form" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('meetings.schedule')}</summary>
      <form onSubmit={submit}>
        <Field label={t('meetings.kind')} error={at('kind')}>
          <select value={draft.kind} onChange={(e) => update({ kind: e.target.value })}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t.label('enum.meetingKind', k)}
              </option>
            ))}
          </select>
        </Field>
        <div className="row">
          <Field label={t('meetings.date')} error={at('scheduledAt')}>
            <input type="date" required value={draft.date} onChange={(e) => update({ date: e.target.value })} />
          </Field>
          <Field label={t('meetings.time')}>
            <input type="time" required value={draft.time} onChange={(e) => update({ time: e.target.value })} />
          </Field>
          <Field label={t('meetings.duration')} error={at('durationMinutes')}>
            <input
              type="number"
              inputMode="numeric"
              value={draft.durationMinutes}
              onChange={(e) => update({ durationMinutes: e.target.value })}
            />
          </Field>
        </div>
        <Field label={t('meetings.place')} error={at('location')}>
          <input value={draft.location} onChange={(e) => update({ location: e.target.value })} />
        </Field>
        {state.error?.kind === 'conflict' && state.error.errors[0]?.extensions?.clash ? (
          <Clash clash={state.error.errors[0].extensions.clash as never} meetings={meetings} />
        ) : (
          <ErrorNotice error={state.error} onRetry={send} />
        )}
        {booked && <p role="status">{t('meetings.booked')}</p>}
        <button type="submit" disabled={state.loading}>
          {t('meetings.book')}
        </button>
      </form>
    </details>
  );
}

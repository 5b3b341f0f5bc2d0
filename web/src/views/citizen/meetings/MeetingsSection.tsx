import { useT } from '../../../i18n/I18n';
import { useActor } from '../../../session/session';
import { useFormat } from '../../../ui/format';
import type { CitizenData, MeetingData } from '../types';
import { OutcomeForm } from './OutcomeForm';
import { ScheduleForm } from './ScheduleForm';

/** Meetings: upcoming first, then past ones with minutes and agreements; book one; record an outcome. */
export function MeetingsSection({ citizen, onChanged }: { citizen: CitizenData; onChanged(): void }) {
  const t = useT();
  const now = Date.now();
  const upcoming = citizen.meetings.filter((m) => new Date(m.endsAt).getTime() >= now && m.status === 'PLANNED');
  const past = citizen.meetings.filter((m) => !upcoming.includes(m)).reverse();
  return (
    <>
      <ScheduleForm citizenId={citizen.id} meetings={citizen.meetings} onBooked={onChanged} />
      <h3>{t('meetings.upcoming')}</h3>
      <MeetingList meetings={upcoming} onChanged={onChanged} />
      <h3>{t('meetings.past')}</h3>
      <MeetingList meetings={past} onChanged={onChanged} />
    </>
  );
}

function MeetingList({ meetings, onChanged }: { meetings: MeetingData[]; onChanged(): void }) {
  const t = useT();
  if (!meetings.length) return <p className="muted">{t('meetings.none')}</p>;
  return (
    <ul className="meetings">
      {meetings.map((m) => (
        <MeetingItem key={m.id} meeting={m} onChanged={onChanged} />
      ))}
    </ul>
  );
}

function MeetingItem({ meeting: m, onChanged }: { meeting: MeetingData; onChanged(): void }) {
  const t = useT();
  const f = useFormat();
  const actor = useActor();
  const started = new Date(m.scheduledAt).getTime() <= Date.now();
  const mayRecord = started && m.status !== 'CANCELLED' && actor.role !== 'ANALYST';
  const names = m.participants.map((p) => p.staff?.name ?? p.name ?? t.label('enum.participantRole', p.role)).join(', ');
  return (
    <li id={`meeting-${m.id}`} className="panel meeting" tabIndex={-1} aria-labelledby={`meeting-${m.id}-title`}>
      <h4 id={`meeting-${m.id}-title`}>
        {t.label('enum.meetingKind', m.kind)} · {t('meetings.when', { start: f.dateTime(m.scheduledAt), end: f.time(m.endsAt) })}
      </h4>
      <p>
        <span className="badge">{t.label('enum.meetingStatus', m.status)}</span>{' '}
        {m.location && t('meetings.location', { location: m.location })}
      </p>
      {names && <p className="muted">{t('meetings.participants', { names })}</p>}
      {m.reason && <p>{m.reason}</p>}
      {m.summary && (
        <>
          <h5>{t('meetings.minutes')}</h5>
          <p className="pre">{m.summary}</p>
        </>
      )}
      {m.agreements.length > 0 && (
        <>
          <h5>{t('meetings.agreements')}</h5>
          <ul>
            {m.agreements.map((a) => (
              <li key={a.id}>
                {a.text}
                <span className="muted">
                  {' '}
                  – {a.responsibleStaff?.name ?? t.label('enum.participantRole', a.responsible)}
                  {a.deadline && `, ${t('meetings.agreementDeadline', { date: f.date(a.deadline) })}`}
                </span>{' '}
                <span className={a.overdue ? 'badge badge-danger' : 'badge'}>
                  {a.overdue ? t('agreements.overdue') : t.label('agreements.statuses', a.status)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {mayRecord && <OutcomeForm meeting={m} onSaved={onChanged} />}
    </li>
  );
}

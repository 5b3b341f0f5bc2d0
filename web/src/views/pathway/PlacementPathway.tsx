import { FormEvent, useState } from 'react';
import {
  BookKickoffDocument,
  PlacementPathwayDocument,
  ProposeContinuationDocument,
  StartPlacementFromPathwayDocument,
  type PlacementKind,
  type PlacementPathwayQuery,
} from '../../gql/graphql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import { todayInDenmark, useFormat, withoutFieldPrefix } from '../../ui/format';
import { copenhagenInstant } from '../citizen/meetings/ScheduleForm';
import { ShareFollowUpNotes } from '../consent/ShareFollowUpNotes';
import './pathway.css';

type Placement = NonNullable<PlacementPathwayQuery['placement']>;
const CONTINUATION_KINDS: PlacementKind[] = ['WAGE_SUBSIDY_PRIVATE', 'WAGE_SUBSIDY_PUBLIC', 'ORDINARY_JOB', 'FLEXJOB', 'INTERNSHIP'];
const addDay = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * One placement's pathway at its company as one history (previous → this → next), its kick-off
 * meeting (booked in meetings with the placement), how it started (or why without a kick-off),
 * and what the job consultant does from here: book the kick-off, start, propose the next step.
 */
export function PlacementPathway({ placementId, onChanged }: { placementId: string; onChanged?: () => void }) {
  const { data, error, refetch } = useQuery(PlacementPathwayDocument, { id: placementId });
  const placement = data?.placement;
  const [news, setNews] = useState('');
  const changed = async () => {
    await refetch();
    onChanged?.();
  };
  if (!placement) return <ErrorNotice error={error} onRetry={() => void refetch()} />;
  return (
    <div className="pathway">
      <ErrorNotice error={error} onRetry={() => void refetch()} />
      <Steps placement={placement} />
      <Kickoff placement={placement} onBooked={changed} />
      {news && <p role="status">{news}</p>}
      {placement.status === 'AGREED' && <StartForm placement={placement} onStarted={changed} announce={setNews} />}
      {(placement.status === 'ACTIVE' || placement.status === 'COMPLETED') && !placement.next && (
        <ContinueForm placement={placement} onProposed={changed} announce={setNews} />
      )}
      <Shared placement={placement} />
      {(placement.status === 'ACTIVE' || placement.status === 'COMPLETED') && (
        <ShareFollowUpNotes placementId={placement.id} onShared={changed} />
      )}
    </div>
  );
}

function Steps({ placement }: { placement: Placement }) {
  const t = useT();
  const f = useFormat();
  if (placement.pathway.length < 2) return null;
  return (
    <section aria-label={t('pathway.title')}>
      <h4>{t('pathway.title')}</h4>
      <ol className="pathway-steps" aria-label={t('pathway.steps')}>
        {placement.pathway.map((step) => (
          <li key={step.id} aria-current={step.id === placement.id ? 'step' : undefined}>
            {t('pathway.step', {
              kind: t.label('enum.placementKind', step.kind),
              start: f.date(step.startDate),
              end: f.date(step.endDate),
            })}{' '}
            <span className="badge">{t.label('enum.placementStatus', step.status)}</span>
            {step.id === placement.id && ` ${t('pathway.current')}`}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Kickoff({ placement, onBooked }: { placement: Placement; onBooked(): void }) {
  const t = useT();
  const f = useFormat();
  const kickoff = placement.kickoff;
  const when = kickoff ? f.dateTime(kickoff.scheduledAt) : '';
  return (
    <div className="pathway-kickoff">
      <p>
        <strong>{t('pathway.kickoffTitle')}:</strong>{' '}
        {!kickoff
          ? t('pathway.kickoffNone')
          : kickoff.status === 'HELD'
            ? t('pathway.kickoffHeld', { when })
            : kickoff.status === 'PLANNED'
              ? t('pathway.kickoffPlanned', { when })
              : t('pathway.kickoffStatus', { status: t.label('enum.meetingStatus', kickoff.status), when })}{' '}
        {kickoff && <a href="#meetings">{t('pathway.kickoffLink')}</a>}
      </p>
      {placement.startWithoutKickoffReason && <p>{t('pathway.withoutKickoff', { reason: placement.startWithoutKickoffReason })}</p>}
      {(placement.status === 'PROPOSED' || placement.status === 'AGREED') && (!kickoff || kickoff.status !== 'HELD') && (
        <BookKickoff placement={placement} onBooked={onBooked} />
      )}
    </div>
  );
}

function BookKickoff({ placement, onBooked }: { placement: Placement; onBooked(): void }) {
  const t = useT();
  const [book, state] = useMutation(BookKickoffDocument);
  const [form, setForm] = useState({ date: addDay(placement.startDate, -3), time: '10:00', location: placement.company.name });
  const [done, setDone] = useState(false);
  const errors = state.error?.fieldErrors ?? {};
  const send = async () => {
    const input = {
      citizenId: placement.citizen.id,
      kind: 'PLACEMENT_KICKOFF' as const,
      scheduledAt: copenhagenInstant(form.date, form.time),
      durationMinutes: 60,
      location: form.location.trim() || null,
      placementId: placement.id,
    };
    if (await book({ input })) {
      setDone(true);
      onBooked();
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send();
  };
  return (
    <details className="add-form">
      <summary>{t('pathway.book')}</summary>
      <form onSubmit={submit} aria-label={t('pathway.book')}>
        <div className="row">
          <Field label={t('pathway.date')} error={errors.scheduledAt && withoutFieldPrefix(errors.scheduledAt)}>
            <input type="date" required value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} />
          </Field>
          <Field label={t('pathway.time')}>
            <input type="time" required value={form.time} onChange={(e) => setForm({ ...form, time: e.target.value })} />
          </Field>
        </div>
        <Field label={t('pathway.place')} error={errors.location && withoutFieldPrefix(errors.location)}>
          <input value={form.location} onChange={(e) => setForm({ ...form, location: e.target.value })} />
        </Field>
        <ErrorNotice error={state.error} onRetry={send} />
        {done && <p role="status">{t('pathway.booked')}</p>}
        <button type="submit" disabled={state.loading}>
          {t('pathway.bookSave')}
        </button>
      </form>
    </details>
  );
}

function StartForm({ placement, onStarted, announce }: { placement: Placement; onStarted(): void; announce(text: string): void }) {
  const t = useT();
  const [start, state] = useMutation(StartPlacementFromPathwayDocument);
  const [reason, setReason] = useState('');
  const held = placement.kickoff?.status === 'HELD';
  const send = async () => {
    if (await start({ id: placement.id, reason: reason.trim() || null })) {
      announce(t('pathway.started'));
      onStarted();
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send();
  };
  return (
    <form onSubmit={submit} aria-label={t('pathway.start')} className="pathway-start">
      {!held && (
        <Field label={t('pathway.startReason')} hint={t('pathway.startReasonHint')}>
          <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
      )}
      <ErrorNotice error={state.error} onRetry={send} />
      <button type="submit" disabled={state.loading}>
        {t('pathway.startSave')}
      </button>
    </form>
  );
}

function ContinueForm({ placement, onProposed, announce }: { placement: Placement; onProposed(): void; announce(text: string): void }) {
  const t = useT();
  const [propose, state] = useMutation(ProposeContinuationDocument);
  const firstDay = placement.endDate < todayInDenmark() ? todayInDenmark() : addDay(placement.endDate, 1);
  const [form, setForm] = useState({ kind: 'WAGE_SUBSIDY_PRIVATE' as PlacementKind, startDate: firstDay, endDate: addDay(firstDay, 182) });
  const [open, setOpen] = useState(false);
  const errors = state.error?.fieldErrors ?? {};
  const at = (field: string) => {
    const message = errors[field] ?? errors[`input.${field}`];
    return message && withoutFieldPrefix(message);
  };
  const send = async () => {
    const input = {
      citizenId: placement.citizen.id,
      companyId: placement.company.id,
      kind: form.kind,
      startDate: form.startDate,
      endDate: form.endDate,
      continuesPlacementId: placement.id,
    };
    if (await propose({ input })) {
      setOpen(false);
      announce(t('pathway.proposed'));
      onProposed();
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send();
  };
  return (
    <details className="add-form" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('pathway.continueTitle')}</summary>
      <form onSubmit={submit} aria-label={t('pathway.continueTitle')}>
        <Field label={t('pathway.kind')} error={at('kind')}>
          <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as PlacementKind })}>
            {CONTINUATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t.label('enum.placementKind', k)}
              </option>
            ))}
          </select>
        </Field>
        <div className="row">
          <Field label={t('pathway.firstDay')} error={at('startDate')}>
            <input type="date" required value={form.startDate} onChange={(e) => setForm({ ...form, startDate: e.target.value })} />
          </Field>
          <Field label={t('pathway.lastDay')} error={at('endDate')}>
            <input type="date" required value={form.endDate} onChange={(e) => setForm({ ...form, endDate: e.target.value })} />
          </Field>
        </div>
        {at('continuesPlacementId') && <p className="field-error">{at('continuesPlacementId')}</p>}
        <ErrorNotice error={state.error && !at('startDate') && !at('endDate') && !at('kind') ? state.error : undefined} onRetry={send} />
        <FormActions save={t('pathway.continueSave')} cancel={t('pathway.cancel')} busy={state.loading} onCancel={() => setOpen(false)} />
      </form>
    </details>
  );
}

function Shared({ placement }: { placement: Placement }) {
  const t = useT();
  const f = useFormat();
  if (placement.disclosures.length === 0) return null;
  return (
    <section aria-label={t('pathway.sharedTitle')}>
      <h4>{t('pathway.sharedTitle')}</h4>
      <ul className="plain-list">
        {placement.disclosures.map((d) => (
          <li key={d.id}>
            {t('pathway.shared', {
              when: f.dateTime(d.disclosedAt),
              count: d.followUpCount,
              contact: d.contact ?? placement.company.name,
              who: d.sharedBy.name,
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

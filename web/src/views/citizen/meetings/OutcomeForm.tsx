import { FormEvent, useState } from 'react';
import { RecordMeetingOutcomeDocument, type MeetingStatus, type ParticipantRole } from '../../../gql/graphql';
import { hasDraft, useDraft } from '../../../graphql/drafts';
import { useMutation } from '../../../graphql/hooks';
import { useT } from '../../../i18n/I18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { Field } from '../../../ui/Field';
import { FormActions } from '../../../ui/FormActions';
import { withoutFieldPrefix } from '../../../ui/format';
import type { MeetingData } from '../types';

const OUTCOMES: MeetingStatus[] = ['HELD', 'NO_SHOW', 'EXCUSED'];

/** Records how a meeting went: held with minutes and agreements (who carries each), or a no-show or lawful excuse with its reason. */
export function OutcomeForm({ meeting, onSaved }: { meeting: MeetingData; onSaved(): void }) {
  const t = useT();
  const [open, setOpen] = useState(() => hasDraft(draftKey(meeting.id)));
  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)} aria-describedby={`meeting-${meeting.id}-title`}>
        {meeting.outcomeRecordedAt ? t('meetings.amendOutcome') : t('meetings.recordOutcome')}
      </button>
    );
  }
  return (
    <OutcomeFields
      meeting={meeting}
      onClose={(saved) => {
        setOpen(false);
        if (saved) onSaved();
      }}
    />
  );
}

const draftKey = (id: string) => `meeting-outcome:${id}`;

function OutcomeFields({ meeting, onClose }: { meeting: MeetingData; onClose(saved: boolean): void }) {
  const t = useT();
  const [draft, update, clear] = useDraft(draftKey(meeting.id), {
    status: meeting.status === 'PLANNED' ? 'HELD' : (meeting.status as string),
    summary: meeting.summary ?? '',
    reason: meeting.reason ?? '',
    agreements: meeting.agreements.map((a) => ({
      text: a.text,
      deadline: a.deadline ?? '',
      carrier: a.responsibleStaff ? `${a.responsible}|${a.responsibleStaff.id}` : (a.responsible as string),
    })),
  });
  // Who can carry an agreement: the citizen, the staff taking part (by id), or someone from the network.
  const carriers = [
    { value: 'CITIZEN', label: t.label('enum.participantRole', 'CITIZEN') },
    ...meeting.participants.flatMap((p) =>
      p.staff ? [{ value: `${p.role}|${p.staff.id}`, label: `${p.staff.name} (${t.label('enum.participantRole', p.role)})` }] : [],
    ),
    ...(['RELATIVE', 'SUPPORT_PERSON', 'EMPLOYER', 'OTHER'] as const).map((r) => ({ value: r, label: t.label('enum.participantRole', r) })),
  ];
  const [record, state] = useMutation(RecordMeetingOutcomeDocument);
  const errors = state.error?.fieldErrors ?? {};
  const at = (field: string) => {
    const message = errors[field] ?? errors[`input.${field}`];
    return message && withoutFieldPrefix(message);
  };
  const setAgreement = (i: number, patch: Partial<{ text: string; deadline: string; carrier: string }>) =>
    update({ agreements: draft.agreements.map((a, j) => (j === i ? { ...a, ...patch } : a)) });
  const send = async () => {
    const held = draft.status === 'HELD';
    const input = {
      status: draft.status as MeetingStatus,
      summary: held ? draft.summary.trim() || null : null,
      reason: held ? null : draft.reason.trim() || null,
      agreements: held
        ? draft.agreements
            .filter((a) => a.text.trim())
            .map((a) => {
              const [responsible, responsibleStaffId] = (a.carrier || 'CITIZEN').split('|');
              return {
                text: a.text.trim(),
                deadline: a.deadline || null,
                responsible: responsible as ParticipantRole,
                responsibleStaffId: responsibleStaffId ?? null,
              };
            })
        : [],
    };
    if (await record({ id: meeting.id, input })) {
      clear();
      onClose(true);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send();
  };
  return (
    <form onSubmit={submit} aria-label={t('meetings.recordOutcome')}>
      <fieldset>
        <legend>{t('meetings.outcome')}</legend>
        {OUTCOMES.map((s) => (
          <label key={s} className="radio">
            <input
              type="radio"
              name={`outcome-${meeting.id}`}
              value={s}
              checked={draft.status === s}
              onChange={() => update({ status: s })}
            />{' '}
            {t.label('enum.meetingStatus', s)}
          </label>
        ))}
        {at('status') && <p className="field-error">{at('status')}</p>}
      </fieldset>
      {draft.status === 'HELD' && (
        <>
          <Field label={t('meetings.summary')} error={at('summary')}>
            <textarea value={draft.summary} onChange={(e) => update({ summary: e.target.value })} />
          </Field>
          {draft.agreements.map((a, i) => (
            <div className="row" key={i}>
              <Field label={t('meetings.agreementText', { n: i + 1 })} error={at(`agreements.${i}.text`)}>
                <input value={a.text} onChange={(e) => setAgreement(i, { text: e.target.value })} />
              </Field>
              <Field label={t('meetings.agreementDate', { n: i + 1 })} error={at(`agreements.${i}.deadline`)}>
                <input type="date" value={a.deadline} onChange={(e) => setAgreement(i, { deadline: e.target.value })} />
              </Field>
              <Field
                label={t('agreements.responsible', { n: i + 1 })}
                error={at(`agreements.${i}.responsible`) ?? at(`agreements.${i}.responsibleStaffId`)}
              >
                <select value={a.carrier} onChange={(e) => setAgreement(i, { carrier: e.target.value })}>
                  {carriers.map((c) => (
                    <option key={c.value} value={c.value}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </Field>
              <button
                type="button"
                className="secondary"
                onClick={() => update({ agreements: draft.agreements.filter((_, j) => j !== i) })}
              >
                {t('meetings.removeAgreement', { n: i + 1 })}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="secondary"
            onClick={() => update({ agreements: [...draft.agreements, { text: '', deadline: '', carrier: 'CITIZEN' }] })}
          >
            {t('meetings.addAgreement')}
          </button>
        </>
      )}
      {draft.status !== 'HELD' && (
        <Field label={t('agreements.reason')} error={at('reason') ?? at('summary')}>
          <textarea value={draft.reason} onChange={(e) => update({ reason: e.target.value })} />
        </Field>
      )}
      <ErrorNotice error={state.error} onRetry={send} />
      <FormActions
        save={t('meetings.saveOutcome')}
        cancel={t('plan.cancel')}
        busy={state.loading}
        onCancel={() => {
          clear();
          onClose(false);
        }}
      />
    </form>
  );
}

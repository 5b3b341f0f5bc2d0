import { FormEvent, useState } from 'react';
import {
  CitizenAgreementsDocument,
  SetAgreementStatusDocument,
  type AgreementStatus,
  type CitizenAgreementsQuery,
} from '../../gql/graphql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import { useFormat, withoutFieldPrefix } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import './co-ownership.css';

type AgreementRow = NonNullable<CitizenAgreementsQuery['citizen']>['openAgreements'][number];

/**
 * The citizen's open agreements (aftaler) from all meetings: who carries each, by when, overdue
 * marked. Staff set any status with a note; the citizen (`mine`) sees only the ones they carry
 * and marks them done.
 */
export function Agreements({ citizenId, mine = false }: { citizenId: string; mine?: boolean }) {
  const t = useT();
  const f = useFormat();
  const { data, error, loading, refetch } = useQuery(CitizenAgreementsDocument, { id: citizenId });
  const all = data?.citizen?.openAgreements ?? [];
  const rows = mine ? all.filter((a) => a.responsible === 'CITIZEN') : all;
  return (
    <section aria-labelledby="agreements-heading" className="agreements">
      <h2 id="agreements-heading">{mine ? t('agreements.mine') : t('agreements.title')}</h2>
      <ErrorNotice error={error} onRetry={() => void refetch()} />
      {!data && loading && <Loading />}
      {data && rows.length === 0 && <p className="muted">{t('agreements.none')}</p>}
      {rows.length > 0 && (
        <ul className="plain-list agreement-list">
          {rows.map((a) => (
            <li key={a.id} className={a.overdue ? 'overdue' : undefined}>
              <strong>{a.text}</strong>
              <span>
                {' '}
                · {a.responsibleStaff?.name ?? t.label('enum.participantRole', a.responsible)}
                {a.deadline && ` · ${t('agreements.deadline', { date: f.date(a.deadline) })}`}
                {` · ${t('agreements.from', { date: f.dayOf(a.meeting.scheduledAt) })}`}
              </span>{' '}
              {a.overdue && <span className="badge badge-danger">{t('agreements.overdue')}</span>}
              <StatusForm agreement={a} mine={mine} onSaved={() => void refetch()} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function StatusForm({ agreement, mine, onSaved }: { agreement: AgreementRow; mine: boolean; onSaved(): void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<AgreementStatus>('DONE');
  const [note, setNote] = useState('');
  const [save, state] = useMutation(SetAgreementStatusDocument);
  const choices: AgreementStatus[] = mine ? ['DONE'] : ['DONE', 'DROPPED'];
  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        {mine ? t('agreements.markDone') : t('agreements.setStatus')}
        <span className="visually-hidden">: {agreement.text}</span>
      </button>
    );
  }
  const send = async () => {
    if (await save({ id: agreement.id, status, note: note.trim() || null })) {
      setOpen(false);
      setNote('');
      onSaved();
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send();
  };
  const noteError = state.error?.fieldErrors.note;
  return (
    <form onSubmit={submit} aria-label={t('agreements.setStatusFor', { text: agreement.text })}>
      {choices.length > 1 && (
        <fieldset>
          <legend>{t('agreements.status')}</legend>
          {choices.map((s) => (
            <label key={s} className="radio">
              <input type="radio" name={`status-${agreement.id}`} value={s} checked={status === s} onChange={() => setStatus(s)} />{' '}
              {t.label('agreements.statuses', s)}
            </label>
          ))}
        </fieldset>
      )}
      <Field label={t('agreements.note')} error={noteError && withoutFieldPrefix(noteError)}>
        <input value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <ErrorNotice error={state.error} onRetry={send} />
      <FormActions save={t('agreements.save')} cancel={t('plan.cancel')} busy={state.loading} onCancel={() => setOpen(false)} />
    </form>
  );
}

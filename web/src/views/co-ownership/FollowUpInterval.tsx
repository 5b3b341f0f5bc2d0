import { FormEvent, useState } from 'react';
import { FollowUpRhythmDocument, SetFollowUpIntervalDocument } from '../../gql/graphql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import { useFormat, withoutFieldPrefix } from '../../ui/format';

/** The follow-up rhythm: interval (own or the target group's default), next due date, overdue; staff set the interval. */
export function FollowUpInterval({ citizenId }: { citizenId: string }) {
  const t = useT();
  const f = useFormat();
  const { data, error, refetch } = useQuery(FollowUpRhythmDocument, { id: citizenId });
  const [save, state] = useMutation(SetFollowUpIntervalDocument);
  const [days, setDays] = useState('');
  const [open, setOpen] = useState(false);
  const rhythm = data?.followUpRhythm;
  const send = async () => {
    if (await save({ citizenId, days: Number(days) })) {
      setOpen(false);
      await refetch();
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send();
  };
  const daysError = state.error?.fieldErrors.days;
  return (
    <section aria-labelledby="follow-up-heading">
      <h3 id="follow-up-heading">{t('followUp.title')}</h3>
      <ErrorNotice error={error} onRetry={() => void refetch()} />
      {rhythm && (
        <p>
          {t(rhythm.custom ? 'followUp.everyCustom' : 'followUp.everyDefault', { days: rhythm.intervalDays })}
          {rhythm.nextDue && ` ${t('followUp.nextDue', { date: f.date(rhythm.nextDue) })}`}{' '}
          {rhythm.overdue && <span className="badge badge-danger">{t('followUp.overdue')}</span>}
        </p>
      )}
      {!open ? (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setDays(String(rhythm?.intervalDays ?? 14));
            setOpen(true);
          }}
        >
          {t('followUp.change')}
        </button>
      ) : (
        <form onSubmit={submit} aria-label={t('followUp.change')}>
          <Field label={t('followUp.days')} hint={t('followUp.hint')} error={daysError && withoutFieldPrefix(daysError)}>
            <input type="number" min={7} max={90} value={days} onChange={(e) => setDays(e.target.value)} />
          </Field>
          <ErrorNotice error={state.error && !daysError ? state.error : undefined} onRetry={send} />
          <FormActions save={t('followUp.save')} cancel={t('plan.cancel')} busy={state.loading} onCancel={() => setOpen(false)} />
        </form>
      )}
    </section>
  );
}

import { FormEvent, useState } from 'react';
import { RecordFollowUpDocument } from '../../gql/graphql';
import { useDraft } from '../../graphql/drafts';
import { useMutation } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import { todayInCopenhagen } from '../../ui/dates';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import { fieldMessages } from './field-errors';

/** Records a dated follow-up (opfølgning) on one placement; opens on demand under its row. */
export function FollowUpForm({
  placementId,
  who,
  onRecorded,
}: {
  placementId: string;
  who: string;
  onRecorded(message: string): Promise<void>;
}) {
  const t = useT();
  const today = todayInCopenhagen();
  const [open, setOpen] = useState(false);
  const [values, update, clear] = useDraft(`follow-up:${placementId}`, { date: today, note: '' });
  const [record, state] = useMutation(RecordFollowUpDocument);
  const errors = fieldMessages(state.error);
  const [noteMissing, setNoteMissing] = useState(false);

  const send = async () => {
    if (!values.note.trim()) {
      setNoteMissing(true);
      return;
    }
    setNoteMissing(false);
    const done = await record({ id: placementId, input: { date: values.date || null, note: values.note } });
    if (done) {
      clear();
      setOpen(false);
      await onRecorded(t('myDay.followUp.recorded', { who }));
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send();
  };

  if (!open && !values.note) {
    return (
      <button type="button" onClick={() => setOpen(true)} aria-label={t('myDay.followUp.openFor', { who })}>
        {t('myDay.followUp.open')}
      </button>
    );
  }
  return (
    <form className="follow-up-form" onSubmit={submit} aria-label={t('myDay.followUp.formFor', { who })}>
      <Field label={t('myDay.followUp.date')} error={errors.date}>
        <input type="date" value={values.date} max={today} onChange={(e) => update({ date: e.target.value })} />
      </Field>
      <Field
        label={t('myDay.followUp.note')}
        hint={t('myDay.followUp.noteHint')}
        error={noteMissing ? t('myDay.followUp.noteRequired') : errors.note}
      >
        <textarea value={values.note} onChange={(e) => update({ note: e.target.value })} autoFocus />
      </Field>
      <ErrorNotice error={state.error} onRetry={() => void send()} />
      <FormActions
        save={t('myDay.followUp.save')}
        cancel={t('myDay.followUp.cancel')}
        busy={state.loading}
        onCancel={() => {
          clear();
          state.reset();
          setOpen(false);
        }}
      />
    </form>
  );
}

import { FormEvent, useState } from 'react';
import { ProposeMilestoneDocument } from '../../gql/graphql';
import { useDraft } from '../../graphql/drafts';
import { useMutation } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';

/** The citizen proposes a milestone for their plan; staff accept or decline it. */
export function ProposeMilestoneForm({ planId, onSaved }: { planId: string; onSaved(): Promise<unknown> }) {
  const t = useT();
  const [values, update, clear] = useDraft(`propose-milestone:${planId}`, { title: '', deadline: '', description: '' });
  const [propose, state] = useMutation(ProposeMilestoneDocument);
  const [saved, setSaved] = useState('');
  const send = () =>
    propose({ planId, input: { title: values.title, deadline: values.deadline, description: values.description.trim() || null } });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved('');
    if (!(await send())) return;
    clear();
    await onSaved();
    setSaved(t('voice.propose.saved'));
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="propose-milestone">
      <Field label={t('voice.propose.title')} error={state.error?.fieldErrors.title}>
        <input type="text" value={values.title} maxLength={200} required onChange={(e) => update({ title: e.target.value })} />
      </Field>
      <Field label={t('voice.propose.deadline')} error={state.error?.fieldErrors.deadline}>
        <input type="date" value={values.deadline} required onChange={(e) => update({ deadline: e.target.value })} />
      </Field>
      <Field label={t('voice.propose.description')} error={state.error?.fieldErrors.description}>
        <textarea value={values.description} maxLength={4000} rows={2} onChange={(e) => update({ description: e.target.value })} />
      </Field>
      <ErrorNotice error={state.error} onRetry={() => void send()} />
      <button type="submit" disabled={state.loading}>
        {t('voice.propose.send')}
      </button>
      <p role="status" className="saved-message">
        {saved}
      </p>
    </form>
  );
}

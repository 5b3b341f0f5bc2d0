import { FormEvent, useState } from 'react';
import { AddMilestoneDocument, type MilestoneResponsible } from '../../../gql/graphql';
import { hasDraft, useDraft } from '../../../graphql/drafts';
import { useMutation } from '../../../graphql/hooks';
import { useT } from '../../../i18n/I18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { Field } from '../../../ui/Field';
import { withoutFieldPrefix } from '../../../ui/format';

const RESPONSIBLE: MilestoneResponsible[] = ['SHARED', 'CITIZEN', 'STAFF'];

/** Adds a milestone to the plan; the service's objections show at their fields. */
export function AddMilestoneForm({ planId, onAdded }: { planId: string; onAdded(): void }) {
  const t = useT();
  const [open, setOpen] = useState(() => hasDraft(`add-milestone:${planId}`));
  const [draft, update, clear] = useDraft(`add-milestone:${planId}`, { title: '', deadline: '', description: '', responsible: 'SHARED' });
  const [add, state] = useMutation(AddMilestoneDocument);
  const [added, setAdded] = useState(false);
  const errors = state.error?.fieldErrors ?? {};
  const at = (field: string) => {
    const message = errors[field] ?? errors[`input.${field}`];
    return message && withoutFieldPrefix(message);
  };
  const send = async () => {
    setAdded(false);
    const input = {
      title: draft.title,
      deadline: draft.deadline,
      description: draft.description.trim() || null,
      responsible: draft.responsible as MilestoneResponsible,
    };
    if (await add({ planId, input })) {
      clear();
      setAdded(true);
      onAdded();
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send();
  };
  return (
    <details className="add-form" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('plan.addMilestone')}</summary>
      <form onSubmit={submit} noValidate>
        <Field label={t('plan.milestoneTitle')} error={at('title')}>
          <input value={draft.title} required onChange={(e) => update({ title: e.target.value })} />
        </Field>
        <Field label={t('plan.milestoneDeadline')} error={at('deadline')}>
          <input type="date" value={draft.deadline} required onChange={(e) => update({ deadline: e.target.value })} />
        </Field>
        <Field label={t('plan.milestoneResponsible')} error={at('responsible')}>
          <select value={draft.responsible} onChange={(e) => update({ responsible: e.target.value })}>
            {RESPONSIBLE.map((r) => (
              <option key={r} value={r}>
                {t.label('enum.milestoneResponsible', r)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('plan.milestoneDescription')} error={at('description')}>
          <textarea value={draft.description} onChange={(e) => update({ description: e.target.value })} />
        </Field>
        <ErrorNotice error={state.error} onRetry={send} />
        {added && <p role="status">{t('plan.saved')}</p>}
        <button type="submit" disabled={state.loading}>
          {t('plan.add')}
        </button>
      </form>
    </details>
  );
}

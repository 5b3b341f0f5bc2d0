import { FormEvent, useEffect, useRef } from 'react';
import { SetMilestoneStatusDocument, type MilestoneStatus } from '../../../gql/graphql';
import { useDraft } from '../../../graphql/drafts';
import { useMutation } from '../../../graphql/hooks';
import { useT } from '../../../i18n/I18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { Field } from '../../../ui/Field';
import { FormActions } from '../../../ui/FormActions';
import { todayInDenmark, withoutFieldPrefix } from '../../../ui/format';
import type { MilestoneData } from '../types';

const CHOICES: MilestoneStatus[] = ['PLANNED', 'IN_PROGRESS', 'ACHIEVED', 'MISSED', 'REVISED', 'DROPPED'];

/** Changes a milestone's status with a note; ACHIEVED asks the date, REVISED the new deadline. */
export function MilestoneStatusForm({ milestone, onDone }: { milestone: MilestoneData; onDone(saved: boolean): void }) {
  const t = useT();
  const [draft, update, clear] = useDraft(`milestone-status:${milestone.id}`, {
    status: (milestone.status === 'PLANNED' ? 'IN_PROGRESS' : milestone.status) as string,
    note: '',
    achievedOn: todayInDenmark(),
    revisedDeadline: '',
  });
  const [save, state] = useMutation(SetMilestoneStatusDocument);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const errors = state.error?.fieldErrors ?? {};
  const send = async () => {
    const saved = await save({
      id: milestone.id,
      status: draft.status as MilestoneStatus,
      note: draft.note.trim() || null,
      achievedOn: draft.status === 'ACHIEVED' ? draft.achievedOn || null : null,
      revision: draft.status === 'REVISED' ? { deadline: draft.revisedDeadline } : null,
    });
    if (saved) {
      clear();
      onDone(true);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send();
  };
  return (
    <form onSubmit={submit} className="panel" aria-label={`${t('plan.changeStatus')}: ${milestone.title}`}>
      <Field label={t('plan.newStatus')} error={errors.status && withoutFieldPrefix(errors.status)}>
        <select ref={first} value={draft.status} onChange={(e) => update({ status: e.target.value })}>
          {CHOICES.map((s) => (
            <option key={s} value={s}>
              {t.label('enum.milestoneStatus', s)}
            </option>
          ))}
        </select>
      </Field>
      {draft.status === 'ACHIEVED' && (
        <Field label={t('plan.achievedDate')} error={errors.achievedOn && withoutFieldPrefix(errors.achievedOn)}>
          <input type="date" value={draft.achievedOn} onChange={(e) => update({ achievedOn: e.target.value })} />
        </Field>
      )}
      {draft.status === 'REVISED' && (
        <Field
          label={t('plan.revisedDeadline')}
          error={(errors.revision ?? errors['revision.deadline']) && withoutFieldPrefix(errors.revision ?? errors['revision.deadline'])}
        >
          <input type="date" required value={draft.revisedDeadline} onChange={(e) => update({ revisedDeadline: e.target.value })} />
        </Field>
      )}
      <Field label={t('plan.note')} error={errors.note && withoutFieldPrefix(errors.note)}>
        <textarea value={draft.note} onChange={(e) => update({ note: e.target.value })} />
      </Field>
      <ErrorNotice error={state.error} onRetry={send} />
      <FormActions
        save={t('plan.save')}
        cancel={t('plan.cancel')}
        busy={state.loading}
        onCancel={() => {
          clear();
          onDone(false);
        }}
      />
    </form>
  );
}

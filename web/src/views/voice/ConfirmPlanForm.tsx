import { FormEvent, useState } from 'react';
import { ConfirmPlanDocument } from '../../gql/graphql';
import { useMutation } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';

/** The citizen confirms the plan as it stands, or says they disagree and why (then a comment is needed). */
export function ConfirmPlanForm({ planId, onSaved }: { planId: string; onSaved(): Promise<unknown> }) {
  const t = useT();
  const [confirm, state] = useMutation(ConfirmPlanDocument);
  const [disagreeing, setDisagreeing] = useState(false);
  const [comment, setComment] = useState('');
  const [saved, setSaved] = useState('');
  const send = async (agrees: boolean) => {
    setSaved('');
    if (!(await confirm({ planId, agrees, comment: comment.trim() || null }))) return;
    setDisagreeing(false);
    setComment('');
    await onSaved();
    setSaved(agrees ? t('voice.confirm.savedAgree') : t('voice.confirm.savedDisagree'));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(false);
  };
  return (
    <div className="confirm-plan">
      {!disagreeing ? (
        <p className="button-row">
          <button type="button" onClick={() => void send(true)} disabled={state.loading}>
            {t('voice.confirm.agree')}
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setDisagreeing(true)}>
            {t('voice.confirm.disagree')}
          </button>
        </p>
      ) : (
        <form onSubmit={submit}>
          <Field label={t('voice.confirm.why')} error={state.error?.fieldErrors.comment}>
            <textarea value={comment} maxLength={4000} rows={3} onChange={(e) => setComment(e.target.value)} autoFocus />
          </Field>
          <p className="button-row">
            <button type="submit" disabled={state.loading}>
              {t('voice.confirm.sendDisagree')}
            </button>{' '}
            <button type="button" className="secondary" onClick={() => setDisagreeing(false)}>
              {t('voice.confirm.cancel')}
            </button>
          </p>
        </form>
      )}
      <ErrorNotice error={state.error?.fieldErrors.comment ? undefined : state.error} onRetry={() => void send(!disagreeing)} />
      <p role="status" className="saved-message">
        {saved}
      </p>
    </div>
  );
}

import { FormEvent, useState } from 'react';
import { DecideMilestoneProposalDocument } from '../../gql/graphql';
import { useMutation } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';

/** Staff accept a citizen's proposed milestone into the plan, or decline it with a reason the citizen sees. */
export function ProposalDecision({ milestoneId, labelledBy, onDone }: { milestoneId: string; labelledBy: string; onDone(): void }) {
  const t = useT();
  const [decide, state] = useMutation(DecideMilestoneProposalDocument);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const send = async (accept: boolean) => {
    if (await decide({ id: milestoneId, accept, reason: reason.trim() || null })) onDone();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(false);
  };
  return (
    <div className="proposal-decision">
      {!declining ? (
        <p className="button-row">
          <button type="button" onClick={() => void send(true)} disabled={state.loading} aria-describedby={labelledBy}>
            {t('voice.decide.accept')}
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setDeclining(true)} aria-describedby={labelledBy}>
            {t('voice.decide.decline')}
          </button>
        </p>
      ) : (
        <form onSubmit={submit}>
          <Field label={t('voice.decide.reason')} hint={t('voice.decide.reasonHint')} error={state.error?.fieldErrors.reason}>
            <textarea value={reason} maxLength={4000} rows={2} onChange={(e) => setReason(e.target.value)} autoFocus />
          </Field>
          <p className="button-row">
            <button type="submit" disabled={state.loading}>
              {t('voice.decide.sendDecline')}
            </button>{' '}
            <button type="button" className="secondary" onClick={() => setDeclining(false)}>
              {t('voice.decide.cancel')}
            </button>
          </p>
        </form>
      )}
      <ErrorNotice error={state.error?.fieldErrors.reason ? undefined : state.error} onRetry={() => void send(!declining)} />
    </div>
  );
}

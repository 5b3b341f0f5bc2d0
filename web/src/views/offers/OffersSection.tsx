import { FormEvent, useState } from 'react';
import {
  CitizenReferralsDocument,
  RenewReferralDocument,
  SetReferralStatusDocument,
  type ReferralResult,
  type ReferralStatus,
} from '../../gql/graphql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import { useFormat } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { NEXT_STATUSES, offerFieldError, RESULTS } from './labels';
import { ReferForm } from './ReferForm';
import { ReferralList, type ReferralRow } from './ReferralList';
import './offers.css';

/** "Tilbud" on the citizen page (staff): the referrals, a status change with outcome and result, renewal of a mentor agreement, and a new referral. */
export function OffersSection({ citizenId }: { citizenId: string }) {
  const t = useT();
  const { data, error, loading, refetch } = useQuery(CitizenReferralsDocument, { id: citizenId });
  const [referring, setReferring] = useState(false);
  const reload = () => void refetch();
  return (
    <section aria-labelledby="offers" className="citizen-section offers">
      <h2 id="offers" tabIndex={-1}>
        {t('offers.title')}
      </h2>
      <ErrorNotice error={error} onRetry={reload} />
      {!data && loading && <Loading />}
      {data?.citizen && (
        <ReferralList referrals={data.citizen.referrals} actions={(r) => <ReferralActions referral={r} onChanged={reload} />} />
      )}
      {referring ? (
        <ReferForm
          citizenId={citizenId}
          onDone={(saved) => {
            setReferring(false);
            if (saved) reload();
          }}
        />
      ) : (
        <button type="button" onClick={() => setReferring(true)}>
          {t('offers.refer')}
        </button>
      )}
    </section>
  );
}

function ReferralActions({ referral, onChanged }: { referral: ReferralRow; onChanged(): void }) {
  const t = useT();
  const f = useFormat();
  const [renew, renewing] = useMutation(RenewReferralDocument);
  const [open, setOpen] = useState(false);
  const next = NEXT_STATUSES[referral.status] ?? [];
  if (!next.length) return null;
  return (
    <div className="offers-actions">
      {!open && (
        <button type="button" className="secondary" onClick={() => setOpen(true)}>
          {t('offers.changeStatus')}
        </button>
      )}
      {referral.renewable && referral.endDate && !open && (
        <button
          type="button"
          className="secondary"
          disabled={renewing.loading}
          onClick={async () => {
            if (await renew({ id: referral.id })) onChanged();
          }}
        >
          {t('offers.renew', { date: f.date(referral.endDate) })}
        </button>
      )}
      <ErrorNotice error={renewing.error} />
      {open && (
        <StatusForm
          referral={referral}
          options={next}
          onDone={(saved) => {
            setOpen(false);
            if (saved) onChanged();
          }}
        />
      )}
    </div>
  );
}

function StatusForm({ referral, options, onDone }: { referral: ReferralRow; options: readonly string[]; onDone(saved: boolean): void }) {
  const t = useT();
  const [save, state] = useMutation(SetReferralStatusDocument);
  const [status, setStatus] = useState(options[0]);
  const [outcome, setOutcome] = useState('');
  const [result, setResult] = useState('');
  const ends = status === 'COMPLETED' || status === 'CANCELLED';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await save({
      id: referral.id,
      status: status as ReferralStatus,
      outcome: outcome.trim() || null,
      result: ends && result ? (result as ReferralResult) : null,
    });
    if (saved) onDone(true);
  };
  const errors = state.error?.fieldErrors ?? {};
  const at = (field: string) => errors[field] && offerFieldError(t, field, errors[field]);
  return (
    <form onSubmit={submit} aria-label={t('offers.changeStatusOf', { kind: t.label('offers.kind', referral.kind) })}>
      <Field label={t('offers.newStatus')}>
        <select value={status} onChange={(e) => setStatus(e.target.value)}>
          {options.map((s) => (
            <option key={s} value={s}>
              {t.label('offers.status', s)}
            </option>
          ))}
        </select>
      </Field>
      {ends && (
        <Field label={t('offers.resultLabel')} hint={t('offers.resultHint')} error={at('result')}>
          <select value={result} onChange={(e) => setResult(e.target.value)}>
            <option value="">{t('offers.noResult')}</option>
            {RESULTS.map((r) => (
              <option key={r} value={r}>
                {t.label('offers.result', r)}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label={t('offers.outcome')} error={at('outcome')}>
        <textarea rows={2} value={outcome} onChange={(e) => setOutcome(e.target.value)} />
      </Field>
      <ErrorNotice error={state.error && !Object.keys(errors).length ? state.error : undefined} />
      <FormActions save={t('offers.saveStatus')} cancel={t('offers.cancel')} busy={state.loading} onCancel={() => onDone(false)} />
    </form>
  );
}

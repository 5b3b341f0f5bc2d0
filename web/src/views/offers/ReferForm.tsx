import { FormEvent, useState } from 'react';
import { OfferProvidersDocument, ReferCitizenDocument, type OfferKind } from '../../gql/graphql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import { OFFER_KINDS, offerFieldError } from './labels';

/** Refer the citizen to a provider: kind first, then a provider that gives that kind, dates and purpose. */
export function ReferForm({ citizenId, onDone }: { citizenId: string; onDone(saved: boolean): void }) {
  const t = useT();
  const [kind, setKind] = useState<OfferKind>('UPSKILLING');
  const providers = useQuery(OfferProvidersDocument, { kind });
  const [save, state] = useMutation(ReferCitizenDocument);
  const [providerId, setProviderId] = useState('');
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const [purpose, setPurpose] = useState('');
  const list = providers.data?.providers ?? [];
  const chosen = list.some((p) => p.id === providerId) ? providerId : '';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await save({
      input: { citizenId, kind, providerId: chosen, startDate, endDate: endDate || null, purpose: purpose.trim() || null },
    });
    if (saved) onDone(true);
  };
  const errors = state.error?.fieldErrors ?? {};
  const at = (field: string) => errors[field] && offerFieldError(t, field, errors[field]);
  return (
    <form onSubmit={submit} aria-label={t('offers.refer')} className="offers-form">
      <Field label={t('offers.kindLabel')} error={at('kind')}>
        <select value={kind} onChange={(e) => setKind(e.target.value as OfferKind)}>
          {OFFER_KINDS.map((k) => (
            <option key={k} value={k}>
              {t.label('offers.kind', k)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('offers.provider')} hint={t('offers.providerHint')} error={at('providerId')}>
        <select value={chosen} onChange={(e) => setProviderId(e.target.value)} required>
          <option value="">{list.length ? t('offers.chooseProvider') : t('offers.noProviders')}</option>
          {list.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {p.civilSociety ? ` (${t('offers.civilSociety')})` : ''}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('offers.startDate')} error={at('startDate')}>
        <input type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} required />
      </Field>
      <Field label={t('offers.endDate')} hint={kind === 'MENTOR' ? t('offers.mentorHint') : t('offers.endDateHint')} error={at('endDate')}>
        <input type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} />
      </Field>
      <Field label={t('offers.purpose')} error={at('purpose')}>
        <textarea rows={2} value={purpose} onChange={(e) => setPurpose(e.target.value)} />
      </Field>
      <ErrorNotice error={state.error && !Object.keys(errors).length ? state.error : undefined} />
      <FormActions save={t('offers.saveReferral')} cancel={t('offers.cancel')} busy={state.loading} onCancel={() => onDone(false)} />
    </form>
  );
}

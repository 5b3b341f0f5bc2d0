import { FormEvent, useState } from 'react';
import { CitizenConsentsDocument, RecordConsentDocument, type ConsentPartyKind } from '../../gql/graphql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import { todayInDenmark, withoutFieldPrefix } from '../../ui/format';
import { ConsentList } from './ConsentList';

const KINDS: ConsentPartyKind[] = ['EMPLOYER', 'DOCTOR', 'RELATIVE', 'ASSOCIATION', 'PROVIDER', 'OTHER'];

/** "Samtykker" on the citizen's page: the consents, recording one with the citizen's agreement, withdrawing on their behalf. */
export function ConsentsSection({ citizenId }: { citizenId: string }) {
  const t = useT();
  const { data, error, refetch } = useQuery(CitizenConsentsDocument, { id: citizenId });
  const citizen = data?.citizen;
  const companies = [...new Map((citizen?.placements ?? []).map((p) => [p.company.id, p.company])).values()];
  return (
    <section aria-labelledby="consents" className="citizen-section">
      <h2 id="consents" tabIndex={-1}>
        {t('consent.title')}
      </h2>
      <ErrorNotice error={error} onRetry={() => void refetch()} />
      {citizen && <ConsentList consents={citizen.consents} onChanged={() => void refetch()} />}
      <RecordConsentForm citizenId={citizenId} companies={companies} onRecorded={() => void refetch()} />
    </section>
  );
}

function RecordConsentForm({
  citizenId,
  companies,
  onRecorded,
}: {
  citizenId: string;
  companies: { id: string; name: string }[];
  onRecorded(): void;
}) {
  const t = useT();
  const [record, state] = useMutation(RecordConsentDocument);
  const empty = {
    party: '',
    partyKind: 'EMPLOYER' as ConsentPartyKind,
    companyId: '',
    purpose: '',
    from: todayInDenmark(),
    to: '',
    agreed: false,
  };
  const [form, setForm] = useState(empty);
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const errors = state.error?.fieldErrors ?? {};
  const at = (field: string) => {
    const message = errors[field] ?? errors[`input.${field}`];
    return message && withoutFieldPrefix(message);
  };
  const send = async () => {
    const input = {
      party: form.party,
      purpose: form.purpose,
      partyKind: form.partyKind,
      companyId: form.partyKind === 'EMPLOYER' && form.companyId ? form.companyId : null,
      from: form.from || null,
      to: form.to || null,
    };
    if (await record({ citizenId, input })) {
      setForm(empty);
      setDone(true);
      setOpen(false);
      onRecorded();
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send();
  };
  const fieldError = ['party', 'purpose', 'from', 'to', 'companyId', 'partyKind'].some((f) => at(f));
  return (
    <>
      {done && <p role="status">{t('consent.recorded')}</p>}
      <details className="add-form" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('consent.record')}</summary>
        <form onSubmit={submit} aria-label={t('consent.record')}>
          <Field label={t('consent.party')} hint={t('consent.partyHint')} error={at('party')}>
            <input required value={form.party} onChange={(e) => setForm({ ...form, party: e.target.value })} />
          </Field>
          <div className="row">
            <Field label={t('consent.partyKind')} error={at('partyKind')}>
              <select value={form.partyKind} onChange={(e) => setForm({ ...form, partyKind: e.target.value as ConsentPartyKind })}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t.label('consent.kind', k)}
                  </option>
                ))}
              </select>
            </Field>
            {form.partyKind === 'EMPLOYER' && (
              <Field label={t('consent.company')} error={at('companyId')}>
                <select value={form.companyId} onChange={(e) => setForm({ ...form, companyId: e.target.value })}>
                  <option value="">{t('consent.noCompany')}</option>
                  {companies.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </Field>
            )}
          </div>
          <Field label={t('consent.purposeLabel')} error={at('purpose')}>
            <input required value={form.purpose} onChange={(e) => setForm({ ...form, purpose: e.target.value })} />
          </Field>
          <div className="row">
            <Field label={t('consent.fromLabel')} error={at('from')}>
              <input type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
            </Field>
            <Field label={t('consent.toLabel')} error={at('to')}>
              <input type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
            </Field>
          </div>
          <label className="checkbox">
            <input type="checkbox" required checked={form.agreed} onChange={(e) => setForm({ ...form, agreed: e.target.checked })} />{' '}
            {t('consent.agreed')}
          </label>
          <ErrorNotice error={state.error && !fieldError ? state.error : undefined} onRetry={send} />
          <FormActions save={t('consent.save')} cancel={t('consent.cancel')} busy={state.loading} onCancel={() => setOpen(false)} />
        </form>
      </details>
    </>
  );
}

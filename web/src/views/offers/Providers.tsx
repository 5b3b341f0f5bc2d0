import { FormEvent, useState } from 'react';
import { OfferProvidersDocument, RegisterProviderDocument, type OfferKind } from '../../gql/graphql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { OFFER_KINDS, offerFieldError } from './labels';
import './offers.css';

/** The provider register (tilbudsgivere), for staff: the list, and a form to register one. */
export default function Providers() {
  const t = useT();
  const { data, error, loading, refetch } = useQuery(OfferProvidersDocument, { kind: null });
  const [open, setOpen] = useState(false);
  const providers = data?.providers ?? [];
  return (
    <Page title={t('offers.providers.title')}>
      <div className="offers">
        <ErrorNotice error={error} onRetry={() => void refetch()} />
        {!data && loading && <Loading />}
        {data && (
          <div className="table-scroll">
            <table className="providers-table">
              <caption>{t('offers.providers.caption', { count: providers.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('offers.providers.name')}</th>
                  <th scope="col">{t('offers.providers.kinds')}</th>
                  <th scope="col">{t('offers.providers.cvr')}</th>
                  <th scope="col">{t('offers.providers.contact')}</th>
                </tr>
              </thead>
              <tbody>
                {providers.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      {p.name}
                      {p.civilSociety && <span className="badge">{t('offers.civilSociety')}</span>}
                    </th>
                    <td>{p.kinds.map((k) => t.label('offers.kind', k)).join(', ')}</td>
                    <td>{p.cvr ?? '–'}</td>
                    <td>{p.contact ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {open ? (
          <RegisterProviderForm
            onDone={(saved) => {
              setOpen(false);
              if (saved) void refetch();
            }}
          />
        ) : (
          <button type="button" onClick={() => setOpen(true)}>
            {t('offers.providers.register')}
          </button>
        )}
      </div>
    </Page>
  );
}

function RegisterProviderForm({ onDone }: { onDone(saved: boolean): void }) {
  const t = useT();
  const [save, state] = useMutation(RegisterProviderDocument);
  const [name, setName] = useState('');
  const [kinds, setKinds] = useState<OfferKind[]>([]);
  const [cvr, setCvr] = useState('');
  const [civilSociety, setCivilSociety] = useState(false);
  const [contact, setContact] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await save({ input: { name, kinds, cvr: cvr.trim() || null, civilSociety, contact: contact.trim() || null } });
    if (saved) onDone(true);
  };
  const errors = state.error?.fieldErrors ?? {};
  const at = (field: string) => errors[field] && offerFieldError(t, field, errors[field]);
  const toggle = (k: OfferKind) => setKinds((list) => (list.includes(k) ? list.filter((x) => x !== k) : [...list, k]));
  return (
    <form onSubmit={submit} aria-label={t('offers.providers.register')} className="offers-form">
      <Field label={t('offers.providers.name')} error={at('name')}>
        <input value={name} onChange={(e) => setName(e.target.value)} required />
      </Field>
      <fieldset aria-invalid={errors.kinds ? true : undefined}>
        <legend>{t('offers.providers.kinds')}</legend>
        {OFFER_KINDS.map((k) => (
          <label key={k} className="checkbox">
            <input type="checkbox" checked={kinds.includes(k)} onChange={() => toggle(k)} /> {t.label('offers.kind', k)}
          </label>
        ))}
        {at('kinds') && <p className="field-error">{at('kinds')}</p>}
      </fieldset>
      <Field label={t('offers.providers.cvr')} hint={t('offers.providers.cvrHint')} error={at('cvr')}>
        <input value={cvr} onChange={(e) => setCvr(e.target.value)} inputMode="numeric" />
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={civilSociety} onChange={(e) => setCivilSociety(e.target.checked)} />{' '}
        {t('offers.providers.civilSocietyLabel')}
      </label>
      <Field label={t('offers.providers.contact')} error={at('contact')}>
        <input value={contact} onChange={(e) => setContact(e.target.value)} />
      </Field>
      <ErrorNotice error={state.error && !Object.keys(errors).length ? state.error : undefined} />
      <FormActions save={t('offers.providers.save')} cancel={t('offers.cancel')} busy={state.loading} onCancel={() => onDone(false)} />
    </form>
  );
}

import { FormEvent, useState } from 'react';
import { CompanyByCvrDocument } from '../../gql/graphql';
import { request } from '../../graphql/client';
import { useT } from '../../i18n/I18n';
import { Field } from '../../ui/Field';

export interface CompanyChoice {
  id: string;
  name: string;
  cvr: string;
}

/** Finds a registered company by CVR number, for a placement at a company not in the list yet. */
export function CompanyLookup({ onFound }: { onFound(company: CompanyChoice): void }) {
  const t = useT();
  const [cvr, setCvr] = useState('');
  const [message, setMessage] = useState<{ error?: string; found?: string }>({});
  const find = async (e?: FormEvent) => {
    e?.preventDefault();
    const digits = cvr.replace(/\s/g, '');
    if (!/^\d{8}$/.test(digits)) {
      setMessage({ error: t('myDay.company.invalid') });
      return;
    }
    try {
      const { companyByCvr } = await request(CompanyByCvrDocument, { cvr: digits });
      if (!companyByCvr) setMessage({ error: t('myDay.company.notFound', { cvr: digits }) });
      else {
        setMessage({ found: t('myDay.company.found', { name: companyByCvr.name }) });
        onFound(companyByCvr);
      }
    } catch {
      setMessage({ error: t('myDay.company.failed') });
    }
  };
  // Not a nested <form>: Enter in the field looks the company up instead of submitting the proposal.
  return (
    <div className="company-lookup">
      <Field label={t('myDay.company.cvr')} hint={t('myDay.company.hint')} error={message.error}>
        <input
          inputMode="numeric"
          autoComplete="off"
          value={cvr}
          onChange={(e) => setCvr(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void find();
            }
          }}
        />
      </Field>
      <button type="button" className="secondary" onClick={() => void find()}>
        {t('myDay.company.find')}
      </button>
      <p role="status" className="hint">
        {message.found ?? ''}
      </p>
    </div>
  );
}

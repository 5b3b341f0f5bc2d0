import { RecordExportDocument } from '../../gql/graphql';
import { useMutation } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import { formatDateTime } from '../../ui/dates';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useState } from 'react';
import './record-export.css';

interface Made {
  generatedAt: string;
  pdfUrl: string;
  jsonUrl: string;
}

/**
 * "Hent alt, vi har om dig" (GDPR Art. 15): on request, the whole record from every part of the
 * jobcentre, with the access log, as a readable PDF and as JSON. In "Min plan" for the citizen;
 * on the citizen page for the staff answering a request (Indsigtsanmodning). The files are
 * served at the workbench's own origin with the session cookie, for 24 hours.
 */
export function RecordExport({ citizenId, asCitizen = false }: { citizenId: string; asCitizen?: boolean }) {
  const t = useT();
  const [run, state] = useMutation(RecordExportDocument);
  const [made, setMade] = useState<Made | null>(null);
  const produce = async () => {
    const data = await run({ citizenId });
    if (data) setMade(data.recordExport);
  };
  return (
    <section aria-labelledby="record-export-heading" className="record-export">
      <h2 id="record-export-heading">{asCitizen ? t('export.citizenTitle') : t('export.staffTitle')}</h2>
      <p>{asCitizen ? t('export.citizenIntro') : t('export.staffIntro')}</p>
      <button type="button" onClick={() => void produce()} disabled={state.loading}>
        {asCitizen ? t('export.citizenButton') : t('export.staffButton')}
      </button>
      <div aria-live="polite">
        {state.loading && <p>{t('export.working')}</p>}
        {made && !state.loading && (
          <div className="record-export-result">
            <p>{t('export.ready', { at: formatDateTime(t.intl, made.generatedAt) })}</p>
            <ul className="plain-list">
              <li>
                <a href={made.pdfUrl} target="_blank" rel="noopener">
                  {t('export.pdf')}
                </a>
              </li>
              <li>
                <a href={made.jsonUrl} download>
                  {t('export.json')}
                </a>
              </li>
            </ul>
            <p className="muted">{t('export.kept')}</p>
          </div>
        )}
      </div>
      <ErrorNotice error={state.error} onRetry={() => void produce()} />
    </section>
  );
}

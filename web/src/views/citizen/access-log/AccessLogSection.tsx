import { useState } from 'react';
import { CitizenAccessLogDocument } from '../../../gql/graphql';
import { useQuery } from '../../../graphql/hooks';
import { useT } from '../../../i18n/I18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { useFormat } from '../../../ui/format';
import { Loading } from '../../../ui/Loading';
import { AccessLogCells } from './AccessLogCells';

/**
 * The citizen's access log, fetched only when asked for: reading it is itself logged, and the
 * service lets only the citizen and their team lead see it (others get a plain FORBIDDEN sentence).
 */
export function AccessLogSection({ citizenId }: { citizenId: string }) {
  const t = useT();
  const [shown, setShown] = useState(false);
  return (
    <>
      <p className="muted">{t('accessLog.intro')}</p>
      {shown ? (
        <AccessLog citizenId={citizenId} />
      ) : (
        <button type="button" className="secondary" onClick={() => setShown(true)}>
          {t('accessLog.show')}
        </button>
      )}
    </>
  );
}

function AccessLog({ citizenId }: { citizenId: string }) {
  const t = useT();
  const f = useFormat();
  const { data, error, loading, refetch } = useQuery(CitizenAccessLogDocument, { id: citizenId });
  if (error) return <ErrorNotice error={error} onRetry={refetch} />;
  if (loading && !data) return <Loading />;
  const entries = data?.citizen?.accessLog ?? [];
  if (!entries.length) return <p>{t('accessLog.empty')}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{t('accessLog.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('accessLog.at')}</th>
            <th scope="col">{t('accessLog.who')}</th>
            <th scope="col">{t('accessLog.what')}</th>
            <th scope="col">{t('accessLog.purpose')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e, i) => (
            <tr key={`${e.at}:${e.domain}:${i}`}>
              <td>{f.dateTime(e.at)}</td>
              <td>{t.label('role', e.actorRole)}</td>
              <AccessLogCells entry={e} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

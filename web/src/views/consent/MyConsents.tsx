import { useState } from 'react';
import { CitizenConsentsDocument } from '../../gql/graphql';
import { useQuery } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { ConsentList } from './ConsentList';

/** "Mine samtykker" in Min plan: the citizen sees what they have allowed to be shared, and withdraws it. */
export function MyConsents({ citizenId }: { citizenId: string }) {
  const t = useT();
  const { data, error, refetch } = useQuery(CitizenConsentsDocument, { id: citizenId });
  const [withdrawn, setWithdrawn] = useState(false);
  const changed = async () => {
    setWithdrawn(true);
    await refetch();
  };
  return (
    <section aria-labelledby="consents-heading">
      <h2 id="consents-heading">{t('consent.mineTitle')}</h2>
      <p>{t('consent.mineIntro')}</p>
      <ErrorNotice error={error} onRetry={() => void refetch()} />
      {withdrawn && <p role="status">{t('consent.withdrawn')}</p>}
      {data?.citizen && <ConsentList consents={data.citizen.consents} onChanged={() => void changed()} />}
    </section>
  );
}

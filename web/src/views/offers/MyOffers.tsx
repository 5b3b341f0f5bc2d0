import { CitizenReferralsDocument } from '../../gql/graphql';
import { useQuery } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { ReferralList } from './ReferralList';
import './offers.css';

/** "Mine tilbud" in Min plan: the citizen's own referrals, read-only. */
export function MyOffers({ citizenId }: { citizenId: string }) {
  const t = useT();
  const { data, error, refetch } = useQuery(CitizenReferralsDocument, { id: citizenId });
  return (
    <section aria-labelledby="my-offers-heading" className="offers">
      <h2 id="my-offers-heading">{t('offers.mine')}</h2>
      <ErrorNotice error={error} onRetry={() => void refetch()} />
      {data?.citizen && <ReferralList referrals={data.citizen.referrals} />}
    </section>
  );
}

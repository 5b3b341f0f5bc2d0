import type { ReactNode } from 'react';
import type { CitizenReferralsQuery } from '../../gql/graphql';
import { useT } from '../../i18n/I18n';
import { useFormat } from '../../ui/format';

export type ReferralRow = NonNullable<CitizenReferralsQuery['citizen']>['referrals'][number];

/** A citizen's referrals to offers, newest start first: kind, provider, status, period, the rule's latest end, how it went. */
export function ReferralList({ referrals, actions }: { referrals: readonly ReferralRow[]; actions?: (r: ReferralRow) => ReactNode }) {
  const t = useT();
  const f = useFormat();
  if (!referrals.length) return <p className="muted">{t('offers.none')}</p>;
  return (
    <ul className="cards offers-list">
      {referrals.map((r) => (
        <li key={r.id} className="panel" data-referral={r.id}>
          <h3 className="h4">
            {t.label('offers.kind', r.kind)} · {r.provider.name}
          </h3>
          <p>
            <span className="badge">{t.label('offers.status', r.status)}</span>{' '}
            {r.endDate
              ? t('offers.period', { start: f.date(r.startDate), end: f.date(r.endDate) })
              : t('offers.from', { start: f.date(r.startDate) })}
          </p>
          {r.maxEndDate && r.rule && <p className="muted">{t('offers.maxEnd', { date: f.date(r.maxEndDate), source: r.rule.source })}</p>}
          {r.purpose && <p>{r.purpose}</p>}
          {r.endedOn && <p>{t('offers.endedOn', { date: f.date(r.endedOn) })}</p>}
          {r.result && <p>{t('offers.resultIs', { result: t.label('offers.result', r.result) })}</p>}
          {r.outcome && <p>{t('offers.outcomeIs', { outcome: r.outcome })}</p>}
          {actions?.(r)}
        </li>
      ))}
    </ul>
  );
}

import { useT } from '../../i18n/I18n';
import { formatDay } from '../../ui/dates';
import type { Me } from './types';

/** My placement at a company (praktik, løntilskud, job), when one is under way. */
export function Placement({ placement }: { placement: Me['activePlacement'] }) {
  const t = useT();
  return (
    <section aria-labelledby="placement-heading">
      <h2 id="placement-heading">{t('minPlan.placement.title')}</h2>
      {!placement ? (
        <p>{t('minPlan.placement.none')}</p>
      ) : (
        <dl className="facts">
          <dt>{t('minPlan.placement.company')}</dt>
          <dd>{placement.company.name}</dd>
          <dt>{t('minPlan.placement.kind')}</dt>
          <dd>{t(`enum.placementKind.${placement.kind}`)}</dd>
          <dt>{t('minPlan.placement.period')}</dt>
          <dd>
            {formatDay(t.intl, placement.startDate)} – {formatDay(t.intl, placement.endDate)}
          </dd>
          {placement.hoursPerWeek != null && (
            <>
              <dt>{t('minPlan.placement.hours')}</dt>
              <dd>{t.intl.formatNumber(placement.hoursPerWeek)}</dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}

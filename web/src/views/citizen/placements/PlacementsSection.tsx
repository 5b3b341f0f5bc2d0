import { useT } from '../../../i18n/I18n';
import { useFormat } from '../../../ui/format';
import type { CitizenData } from '../types';
import { PlacementPathway } from '../../pathway/PlacementPathway';

/** The citizen's placements (internships, wage subsidy, jobs), newest first. */
export function PlacementsSection({ placements }: { placements: CitizenData['placements'] }) {
  const t = useT();
  const f = useFormat();
  if (!placements.length) return <p className="muted">{t('placements.none')}</p>;
  return (
    <ul className="cards">
      {placements.map((p) => (
        <li key={p.id} className="panel">
          <h3 className="h4">
            {t.label('enum.placementKind', p.kind)} · {p.company.name}
          </h3>
          <p>
            <span className="badge">{t.label('enum.placementStatus', p.status)}</span>{' '}
            {t('placements.period', { start: f.date(p.startDate), end: f.date(p.endDate) })}
            {p.hoursPerWeek != null && ` · ${t('placements.hours', { hours: p.hoursPerWeek })}`}
          </p>
          {p.jobConsultant && <p className="muted">{t('placements.consultant', { name: p.jobConsultant.name })}</p>}
          {p.outcome && <p>{t('placements.outcome', { outcome: t.label('enum.placementOutcome', p.outcome) })}</p>}
          <PlacementPathway placementId={p.id} />
        </li>
      ))}
    </ul>
  );
}

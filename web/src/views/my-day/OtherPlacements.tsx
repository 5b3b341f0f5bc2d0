import { useT } from '../../i18n/I18n';
import { formatDay } from '../../ui/dates';
import type { OwnPlacement } from './types';

const OPEN = ['PROPOSED', 'AGREED', 'ACTIVE'];

/** The job consultant's other open placements (proposed, agreed, under way), by end date. */
export function OtherPlacements({ placements }: { placements: OwnPlacement[] }) {
  const t = useT();
  const open = placements.filter((p) => OPEN.includes(p.status));
  return (
    <section aria-labelledby="other-heading">
      <h2 id="other-heading">{t('myDay.other.title')}</h2>
      {open.length === 0 ? (
        <p>{t('myDay.other.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('myDay.other.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('myDay.placement.citizen')}</th>
                <th scope="col">{t('myDay.placement.company')}</th>
                <th scope="col">{t('myDay.placement.kind')}</th>
                <th scope="col">{t('myDay.placement.status')}</th>
                <th scope="col">{t('myDay.placement.period')}</th>
                <th scope="col">{t('myDay.placement.lastFollowUp')}</th>
              </tr>
            </thead>
            <tbody>
              {open.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    {p.citizen.firstName} {p.citizen.lastName}
                  </th>
                  <td>{p.company.name}</td>
                  <td>{t(`enum.placementKind.${p.kind}`)}</td>
                  <td>{t(`enum.placementStatus.${p.status}`)}</td>
                  <td>
                    {formatDay(t.intl, p.startDate)} – {formatDay(t.intl, p.endDate)}
                  </td>
                  <td>{p.lastFollowUpDate ? formatDay(t.intl, p.lastFollowUpDate) : t('myDay.placement.noFollowUp')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

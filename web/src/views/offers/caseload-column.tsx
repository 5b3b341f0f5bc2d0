import type { useT } from '../../i18n/I18n';
import type { useFormat } from '../../ui/format';
import type { Column } from '../../ui/SortableTable';

type Row = { id: string; activeReferrals: readonly { id: string; kind: string; endDate?: string | null; provider: { name: string } }[] };

/** The caseload's "Active offers" column: each offer under way with its provider and end date; sorted by how many. */
export function activeOffersColumn<R extends Row>(t: ReturnType<typeof useT>, f: ReturnType<typeof useFormat>): Column<R> {
  return {
    key: 'offers',
    label: t('offers.caseloadColumn'),
    sortValue: (r) => -r.activeReferrals.length,
    render: (r) =>
      r.activeReferrals.length ? (
        r.activeReferrals
          .map(
            (o) =>
              `${t.label('offers.kind', o.kind)}, ${o.provider.name}${o.endDate ? ` (${t('caseload.until', { date: f.date(o.endDate) })})` : ''}`,
          )
          .join('; ')
      ) : (
        <span className="muted">{t('caseload.none')}</span>
      ),
  };
}

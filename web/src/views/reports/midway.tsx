import { Link } from 'react-router';
import type { useT } from '../../i18n/I18n';
import type { Column } from '../../ui/SortableTable';

type T = ReturnType<typeof useT>;
type DueRow = { id: string; midwayReportDueOn?: string | null };

/** The caseload's column "Statusrapport": due since the midway date, while no midway report is drafted. */
export function midwayReportColumn<Row extends DueRow>(t: T, date: (d?: string | null) => string): Column<Row> {
  return {
    key: 'midway-report',
    label: t('reports.caseloadColumn'),
    sortValue: (r) => r.midwayReportDueOn ?? '9999',
    render: (r) =>
      r.midwayReportDueOn ? (
        <Link to={`/citizens/${r.id}#reports`} className="badge">
          {t('reports.dueSince', { date: date(r.midwayReportDueOn) })}
        </Link>
      ) : (
        <span className="muted">–</span>
      ),
  };
}

/** The digest's group of citizens whose midway status report is due. */
export function midwayReportDigestItems(
  caseload: { id: string; firstName: string; lastName: string; midwayReportDueOn?: string | null }[],
  t: T,
  date: (d?: string | null) => string,
) {
  return caseload
    .filter((c) => c.midwayReportDueOn)
    .map((c) => ({
      key: `midway-${c.id}`,
      citizenId: c.id,
      name: `${c.firstName} ${c.lastName}`,
      detail: t('reports.dueSince', { date: date(c.midwayReportDueOn) }),
    }));
}

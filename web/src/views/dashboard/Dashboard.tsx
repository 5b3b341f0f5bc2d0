import { useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { DashboardDocument } from '../../gql/graphql';
import { useQuery } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { dashboardFigures } from './figures';
import { FigurePanel } from './FigurePanel';
import { periodFromSearch, today as todayInCopenhagen, type Period } from './period';
import { PeriodPicker } from './PeriodPicker';
import { TrendPanel } from './TrendPanel';
import './dashboard.css';

/** Set once the first figures are on screen: `npm run measure:dashboard` reads it (navigation → drawn). */
export const DRAWN_MARK = 'dashboard:drawn';

/**
 * The analyst's municipal dashboard (ANALYST, TEAM_LEAD): every figure of the statistics for a
 * period, aggregated only. Figures of 1–4 people come withheld from the services and read "<5".
 */
export default function Dashboard() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const today = useMemo(() => todayInCopenhagen(), []);
  const period = periodFromSearch(params, today);
  const { data, error, loading, refetch } = useQuery(DashboardDocument, period);
  const figures = useMemo(() => (data ? dashboardFigures(data) : null), [data]);

  useEffect(() => {
    document.title = `${t('dashboard.title')} – ${t('app.name')}`;
  }, [t]);
  useEffect(() => {
    if (!figures || performance.getEntriesByName(DRAWN_MARK).length > 0) return;
    // After the browser has painted the figures, not merely when React committed them.
    requestAnimationFrame(() => setTimeout(() => performance.mark(DRAWN_MARK), 0));
  }, [figures]);

  const choose = (p: Period) => setParams({ from: p.from, to: p.to });
  return (
    <div className="dashboard">
      <div className="dashboard-head">
        <h1>{t('dashboard.title')}</h1>
        <button type="button" className="no-print" onClick={() => window.print()}>
          {t('dashboard.print')}
        </button>
      </div>
      <PeriodPicker key={`${period.from}/${period.to}`} period={period} today={today} onChange={choose} />
      <p className="print-only">{t('dashboard.printedPeriod', { from: period.from, to: period.to, today })}</p>
      <div className="notice suppression-note" id="suppression-note">
        <p>
          <strong>{t('dashboard.suppressed.heading')}</strong> {t('dashboard.suppressed.explanation')}
        </p>
      </div>
      <ErrorNotice error={error} onRetry={() => void refetch()} />
      {!figures && loading && <Loading />}
      {figures && (
        <div className="dashboard-figures" aria-busy={loading}>
          <FigurePanel figure={figures.keyFigures} period={period} today={today} />
          <TrendPanel period={period} today={today} />
          <div className="panel-grid">
            {figures.panels.map((f) => (
              <FigurePanel key={f.id} figure={f} period={period} today={today} />
            ))}
          </div>
        </div>
      )}
    </div>
  );
}

import { useId, useMemo, useState } from 'react';
import { DashboardSeriesDocument, type Breakdown, type Measure } from '../../gql/graphql';
import { useQuery } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import type { MessageKey } from '../../i18n/I18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { LineChart } from '../../ui/LineChart';
import { Loading } from '../../ui/Loading';
import { downloadCsv, toCsv } from './csv';
import { PanelTools } from './FigurePanel';
import { breakdownsFor, last12Months, MEASURES, measureFormat, seriesCsvRows, seriesLines, type SeriesLine } from './series';
import { Value } from './Value';

/** Breakdown keys that are enum values the workbench has labels for. */
const KEY_LABELS: Partial<Record<Breakdown, string>> = {
  TARGET_GROUP: 'enum.targetGroup',
  OFFER_KIND: 'offers.kind',
  RESULT: 'offers.result',
};

/**
 * Trend lines: one measure over the last 12 months from the insights subgraph's series, one line
 * per breakdown key. Withheld months are gaps (and "<5" in the table); the panel says when the
 * figures are from ("as of") and that they are perturbed.
 */
export function TrendPanel({ today }: { today: string }) {
  const t = useT();
  const id = useId();
  const [measure, setMeasure] = useState<Measure>('CITIZENS_ACTIVE');
  const [breakdown, setBreakdown] = useState<Breakdown>('NONE');
  const [asTable, setAsTable] = useState(false);
  const { fromMonth, toMonth, months } = useMemo(() => last12Months(today), [today]);
  const { data, error, loading, refetch } = useQuery(DashboardSeriesDocument, { measure, breakdown, fromMonth, toMonth });
  const series = data?.series;
  const lines = useMemo(() => (series ? seriesLines(series.points, months) : []), [series, months]);
  const format = measureFormat(measure);
  const title = t('dashboard.trend.title');
  const measureName = t(`dashboard.trend.measure.${measure}` as MessageKey);
  const keyName = (key: string) => {
    const group = series && KEY_LABELS[series.breakdown];
    return key === '' ? measureName : group ? t.label(group, key) : key;
  };
  const monthName = (month: string) => t.intl.formatDate(`${month}-15`, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const asOf = series && Date.parse(series.asOf) > 0 ? series.asOf : null;
  const withheld = lines.some((l) => l.cells.some((c) => c.suppressed));
  const values = lines.flatMap((l) => l.cells.map((c) => c.value).filter((v): v is number => v !== null));
  const scale = format === 'percent' ? 100 : 1;
  const min = Math.min(0, ...values.map((v) => v * scale));
  const max = Math.max(format === 'percent' ? 100 : 10, ...values.map((v) => v * scale));
  const download = () =>
    series && downloadCsv(`series_${series.measure}_${series.breakdown}_${fromMonth}_${toMonth}.csv`, toCsv(seriesCsvRows(series.points)));

  return (
    <section className="panel panel-trend" id="trend" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="panel-scope">{t('dashboard.trend.scope', { from: monthName(fromMonth), to: monthName(toMonth) })}</p>
      <div className="trend-controls no-print">
        <Choice
          label={t('dashboard.trend.measureLabel')}
          value={measure}
          options={MEASURES}
          optionLabel={(m) => t(`dashboard.trend.measure.${m}` as MessageKey)}
          onChange={(m) => {
            setMeasure(m);
            if (!breakdownsFor(m).includes(breakdown)) setBreakdown('NONE');
          }}
        />
        <Choice
          label={t('dashboard.trend.breakdownLabel')}
          value={breakdown}
          options={breakdownsFor(measure)}
          optionLabel={(b) => t(`dashboard.trend.breakdown.${b}` as MessageKey)}
          onChange={setBreakdown}
        />
      </div>
      <ErrorNotice error={error} onRetry={() => void refetch()} />
      {!series && loading && <Loading />}
      {series && (
        <div aria-busy={loading}>
          <p className="trend-as-of" data-as-of={asOf ?? ''}>
            {asOf
              ? t('dashboard.trend.asOf', {
                  time: t.intl.formatDate(asOf, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Copenhagen' }),
                })
              : t('dashboard.trend.asOfNone')}
          </p>
          <p className="panel-note trend-method">{t('dashboard.trend.perturbed', { method: series.method })}</p>
          {lines.length === 0 ? (
            <p>{t('dashboard.noData')}</p>
          ) : asTable ? (
            <TrendTable
              lines={lines}
              months={months}
              caption={`${title}: ${measureName}`}
              keyName={keyName}
              monthName={monthName}
              format={format}
            />
          ) : (
            <>
              <LineChart
                lines={lines.map((l) => ({
                  key: l.key,
                  points: l.cells.map((c, x) => ({ x, y: c.value === null ? null : c.value * scale })),
                }))}
                min={min}
                max={max}
                width={560}
                height={200}
                label={t('dashboard.trend.chartLabel', {
                  measure: measureName,
                  lines: lines.length,
                  from: monthName(fromMonth),
                  to: monthName(toMonth),
                })}
              />
              <ul className="trend-legend">
                {lines.map((l, i) => (
                  <li key={l.key} data-key={l.key}>
                    <span className={`swatch line-${i}`} aria-hidden="true" /> {keyName(l.key)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {withheld && <p className="panel-note trend-gaps">{t('dashboard.trend.gaps')}</p>}
          <PanelTools title={title} asTable={asTable} onToggleTable={() => setAsTable((v) => !v)} onDownload={download} />
        </div>
      )}
    </section>
  );
}

/** A labelled drop-down of a fixed list of API values. */
function Choice<T extends string>({
  label,
  value,
  options,
  optionLabel,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly T[];
  optionLabel: (option: T) => string;
  onChange: (option: T) => void;
}) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {optionLabel(o)}
          </option>
        ))}
      </select>
    </label>
  );
}

function TrendTable({
  lines,
  months,
  caption,
  keyName,
  monthName,
  format,
}: {
  lines: SeriesLine[];
  months: readonly string[];
  caption: string;
  keyName: (key: string) => string;
  monthName: (month: string) => string;
  format: ReturnType<typeof measureFormat>;
}) {
  const t = useT();
  return (
    <div className="table-scroll">
      <table className="figure-table trend-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.trend.month')}</th>
            {lines.map((l) => (
              <th scope="col" key={l.key} className="num">
                {keyName(l.key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {months.map((month, i) => (
            <tr key={month} data-month={month}>
              <th scope="row">{monthName(month)}</th>
              {lines.map((l) => (
                <td key={l.key} className="num">
                  <Value value={{ ...l.cells[i], format }} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

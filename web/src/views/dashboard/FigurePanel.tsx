import { useId, useState } from 'react';
import { useT } from '../../i18n/I18n';
import { formatDay } from '../../ui/dates';
import { BarChart } from './charts/BarChart';
import { ProgressionChart } from './charts/ProgressionChart';
import { downloadCsv, toCsv } from './csv';
import type { FigureSpec } from './figures';
import { csvValue } from './format';
import type { Period } from './period';
import { Value } from './Value';

/**
 * One figure of the dashboard: its chart (or key figures), a table alternative with the same
 * numbers, and a CSV download of that table.
 */
export function FigurePanel({ figure, period, today }: { figure: FigureSpec; period: Period; today: string }) {
  const t = useT();
  const id = useId();
  const [asTable, setAsTable] = useState(false);
  const title = t(figure.title);
  const scope =
    figure.scope === 'now'
      ? t('dashboard.scope.now', { today: formatDay(t.intl, today) })
      : t('dashboard.scope.period', {
          from: formatDay(t.intl, period.from),
          to: formatDay(t.intl, period.to),
        });
  const download = () => {
    const header = [t('dashboard.column.figure'), ...figure.columns.map((c) => t(c))];
    const rows = figure.rows.map((r) => [t(r.label), ...r.values.map(csvValue)]);
    const dates = figure.scope === 'now' ? today : `${period.from}_${period.to}`;
    downloadCsv(`${figure.id}_${dates}.csv`, toCsv([header, ...rows]));
  };
  return (
    <section className={`panel panel-${figure.chart}`} id={figure.id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="panel-scope">{scope}</p>
      {figure.note && <p className="panel-note">{t(figure.note)}</p>}
      {figure.chart === 'keys' ? (
        <KeyFigures figure={figure} />
      ) : asTable ? (
        <FigureTable figure={figure} caption={title} />
      ) : figure.chart === 'progression' ? (
        <ProgressionChart rows={figure.rows} label={title} />
      ) : (
        <BarChart rows={figure.rows} label={title} />
      )}
      <PanelTools
        title={title}
        asTable={figure.chart === 'keys' ? undefined : asTable}
        onToggleTable={() => setAsTable((v) => !v)}
        onDownload={download}
      />
    </section>
  );
}

/** A panel's tools: "show as table" (when `asTable` is given, pressed while the table shows) and "download CSV". */
export function PanelTools({
  title,
  asTable,
  onToggleTable,
  onDownload,
}: {
  title: string;
  asTable?: boolean;
  onToggleTable: () => void;
  onDownload: () => void;
}) {
  const t = useT();
  return (
    <div className="panel-tools no-print">
      {asTable !== undefined && (
        <button type="button" aria-pressed={asTable} onClick={onToggleTable} aria-label={t('dashboard.showTableOf', { title })}>
          {t('dashboard.showTable')}
        </button>
      )}
      <button type="button" onClick={onDownload} aria-label={t('dashboard.downloadCsvOf', { title })}>
        {t('dashboard.downloadCsv')}
      </button>
    </div>
  );
}

function KeyFigures({ figure }: { figure: FigureSpec }) {
  const t = useT();
  return (
    <dl className="key-figures">
      {figure.rows.map((r) => (
        <div key={r.key} className="key-figure" data-figure={r.key}>
          <dt>{t(r.label)}</dt>
          <dd>
            <Value value={r.values[0]} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function FigureTable({ figure, caption }: { figure: FigureSpec; caption: string }) {
  const t = useT();
  return (
    <div className="table-scroll">
      <table className="figure-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.column.figure')}</th>
            {figure.columns.map((c) => (
              <th scope="col" key={c} className="num">
                {t(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {figure.rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{t(r.label)}</th>
              {r.values.map((v, i) => (
                <td key={i} className="num">
                  <Value value={v} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

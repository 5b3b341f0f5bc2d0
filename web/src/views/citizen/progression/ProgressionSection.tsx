import { useT } from '../../../i18n/I18n';
import { LineChart } from '../../../ui/LineChart';
import { useFormat } from '../../../ui/format';
import type { CitizenData } from '../types';

/**
 * Progression (progressionsmåling): one small chart per dimension over time on the 1–10 scale,
 * and the same numbers as a table (the charts' text alternative).
 */
export function ProgressionSection({ assessments }: { assessments: CitizenData['progress'] }) {
  const t = useT();
  const f = useFormat();
  if (!assessments.length) return <p className="muted">{t('progression.none')}</p>;
  const ordered = [...assessments].sort((a, b) => a.assessedAt.localeCompare(b.assessedAt));
  const dimensions = [...new Set(ordered.flatMap((a) => a.scores.map((s) => s.dimension)))];
  const series = dimensions.map((dimension) => ({
    dimension,
    points: ordered.flatMap((a) => {
      const score = a.scores.find((s) => s.dimension === dimension)?.score;
      return score == null ? [] : [{ x: Date.parse(a.assessedAt), y: score }];
    }),
  }));
  return (
    <>
      <ul className="chart-grid">
        {series.map(({ dimension, points }) => {
          const name = t.label('enum.progressDimension', dimension);
          return (
            <li key={dimension}>
              <h3 className="h5">{name}</h3>
              <LineChart
                points={points}
                min={1}
                max={10}
                label={t('progression.chartLabel', {
                  dimension: name,
                  first: points[0].y,
                  latest: points[points.length - 1].y,
                  count: points.length,
                })}
              />
            </li>
          );
        })}
      </ul>
      <details>
        <summary>{t('progression.showTable')}</summary>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('progression.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('progression.date')}</th>
                {dimensions.map((d) => (
                  <th scope="col" key={d}>
                    {t.label('enum.progressDimension', d)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ordered.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{f.date(a.assessedAt)}</th>
                  {dimensions.map((d) => (
                    <td key={d}>{a.scores.find((s) => s.dimension === d)?.score ?? '–'}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}

import './voice.css';
import { useT } from '../../i18n/I18n';
import { useFormat } from '../../ui/format';

interface Assessment {
  id: string;
  assessedAt: string;
  assessedBy: 'STAFF' | 'CITIZEN';
  scores: { dimension: string; score: number }[];
}

/**
 * The staff's and the citizen's scores side by side over time, per dimension (Outcomes Star
 * practice: the score is agreed in conversation, and a difference is worth talking about). A
 * table, so the numbers are the text; `own` is whose view it is (the citizen's own page or staff's).
 */
export function ScoresSideBySide({ assessments, own }: { assessments: Assessment[]; own: 'citizen' | 'staff' }) {
  const t = useT();
  const f = useFormat();
  const ordered = [...assessments].sort((a, b) => a.assessedAt.localeCompare(b.assessedAt));
  const dimensions = [...new Set(ordered.flatMap((a) => a.scores.map((s) => s.dimension)))];
  const series = (who: Assessment['assessedBy'], dimension: string) =>
    ordered.flatMap((a) => {
      const s = a.assessedBy === who ? a.scores.find((x) => x.dimension === dimension) : undefined;
      return s ? [{ at: a.assessedAt, score: s.score }] : [];
    });
  const cell = (points: { at: string; score: number }[]) =>
    points.length === 0 ? (
      <span className="muted">{t('voice.scores.none')}</span>
    ) : (
      <ol className="score-series">
        {points.map((p) => (
          <li key={p.at}>
            <strong>{p.score}</strong> <span className="muted">{f.date(p.at)}</span>
          </li>
        ))}
      </ol>
    );
  if (dimensions.length === 0) return <p className="muted">{t('voice.scores.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="side-by-side" data-testid="scores-side-by-side">
        <caption>{t('voice.scores.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('voice.scores.dimension')}</th>
            <th scope="col">{own === 'citizen' ? t('voice.scores.staffForCitizen') : t('voice.scores.staff')}</th>
            <th scope="col">{own === 'citizen' ? t('voice.scores.mine') : t('voice.scores.citizen')}</th>
          </tr>
        </thead>
        <tbody>
          {dimensions.map((d) => (
            <tr key={d}>
              <th scope="row">{t.label('enum.progressDimension', d)}</th>
              <td>{cell(series('STAFF', d))}</td>
              <td>{cell(series('CITIZEN', d))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

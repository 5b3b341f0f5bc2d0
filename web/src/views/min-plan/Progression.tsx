import { useT } from '../../i18n/I18n';
import { formatDay } from '../../ui/dates';
import type { MyAssessment } from './types';

/**
 * My progression on the 1–10 ladder: per dimension, the first and the latest score, with a bar
 * for the latest. The numbers are the text; the bar is decoration.
 */
export function Progression({ assessments }: { assessments: MyAssessment[] }) {
  const t = useT();
  if (assessments.length === 0) {
    return (
      <section aria-labelledby="progress-heading">
        <h2 id="progress-heading">{t('minPlan.progress.title')}</h2>
        <p>{t('minPlan.progress.none')}</p>
      </section>
    );
  }
  const first = new Map<string, number>();
  const latest = new Map<string, number>();
  for (const a of assessments) {
    for (const s of a.scores) {
      if (!first.has(s.dimension)) first.set(s.dimension, s.score);
      latest.set(s.dimension, s.score);
    }
  }
  const from = assessments[0].assessedAt;
  const to = assessments[assessments.length - 1].assessedAt;
  return (
    <section aria-labelledby="progress-heading">
      <h2 id="progress-heading">{t('minPlan.progress.title')}</h2>
      <p className="muted">
        {assessments.length > 1
          ? t('minPlan.progress.between', { from: formatDay(t.intl, from), to: formatDay(t.intl, to), count: assessments.length })
          : t('minPlan.progress.once', { date: formatDay(t.intl, from) })}
      </p>
      <ul className="progress-list">
        {[...latest.entries()].map(([dimension, score]) => {
          const start = first.get(dimension)!;
          return (
            <li key={dimension}>
              <span className="progress-label">{t(`enum.progressDimension.${dimension}` as 'enum.progressDimension.COPING')}</span>
              <span className="progress-value">
                {assessments.length > 1
                  ? t('minPlan.progress.fromTo', { first: start, latest: score })
                  : t('minPlan.progress.score', { score })}
              </span>
              <svg className="progress-bar" viewBox="0 0 10 1" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect x="0" y="0" width={score} height="1" />
              </svg>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

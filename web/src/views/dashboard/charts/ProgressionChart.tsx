import { useT } from '../../../i18n/I18n';
import type { FigureRow } from '../figures';
import { Value } from '../Value';

/**
 * Average progression per dimension on the 1–10 ladder: a line from the first to the latest
 * average, the first as a hollow dot and the latest as a filled one. The numbers beside it are
 * the text; the drawing is decoration. Dimensions with fewer than 5 citizens read "<5".
 */
export function ProgressionChart({ rows, label }: { rows: FigureRow[]; label: string }) {
  const t = useT();
  const x = (score: number) => ((score - 1) / 9) * 96 + 2;
  return (
    <ul className="progression-chart" aria-label={label}>
      {rows.map((row) => {
        const [citizens, first, latest, change] = row.values;
        return (
          <li key={row.key} className="progression-row">
            <span className="bar-label">{t(row.label)}</span>
            <svg className="progression-track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <line className="progression-axis" x1="2" x2="98" y1="5" y2="5" />
              {first.value !== null && latest.value !== null && (
                <>
                  <line className="progression-change" x1={x(first.value)} x2={x(latest.value)} y1="5" y2="5" />
                  <rect className="progression-first" x={x(first.value) - 1} y="2" width="2" height="6" />
                  <rect className="progression-latest" x={x(latest.value) - 1} y="2" width="2" height="6" />
                </>
              )}
            </svg>
            <span className="bar-value">
              {first.suppressed ? (
                <Value value={citizens} />
              ) : (
                <>
                  <Value value={first} /> → <Value value={latest} /> (<Value value={change} />)
                </>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

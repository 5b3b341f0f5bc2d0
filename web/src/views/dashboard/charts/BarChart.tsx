import { useT } from '../../../i18n/I18n';
import type { FigureRow } from '../figures';
import { Value } from '../Value';

/**
 * Horizontal bars, one per row, drawn in SVG inside a list: the label and the value are text (read
 * by a screen reader as "Active: 3"), the bar itself is decoration. A withheld cell has no bar and
 * reads "<5" (the number cannot be drawn). Percentages are drawn on a 0–100 % scale, counts against the largest count.
 */
export function BarChart({ rows, label }: { rows: FigureRow[]; label: string }) {
  const t = useT();
  const percent = rows.some((r) => r.values[0]?.format === 'percent');
  const max = percent ? 1 : Math.max(1, ...rows.map((r) => r.values[0]?.value ?? 0));
  return (
    <ul className="bar-chart" aria-label={label}>
      {rows.map((row) => {
        const value = row.values[0];
        const share = value.value === null ? 0 : Math.max(0, Math.min(1, value.value / max));
        return (
          <li key={row.key} className="bar-row">
            <span className="bar-label">{t(row.label)}</span>
            <svg className="bar-track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              {!value.suppressed && <rect className="bar" x="0" y="1" width={share * 100} height="8" />}
            </svg>
            <span className="bar-value">
              <Value value={value} />
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** One line of a chart: its points in order; a point whose `y` is null is a gap (the line breaks there). */
export interface ChartLine {
  key: string;
  points: { x: number; y: number | null }[];
}

/**
 * A small line chart (inline SVG, no chart library): points over time on a fixed value scale,
 * one line or several (`lines`, drawn in the order given, each with its own class `line-<i>`).
 * A null value breaks the line (a gap). It is an image with a text alternative (`label`); the
 * page gives the numbers as a table too.
 */
export function LineChart({
  points,
  lines,
  min,
  max,
  label,
  xLabels,
  width = 260,
  height = 110,
}: {
  points?: { x: number; y: number | null }[];
  lines?: ChartLine[];
  min: number;
  max: number;
  label: string;
  /** A label under each x (index into this list), e.g. month names; at most about 12 are shown, evenly spaced. */
  xLabels?: readonly string[];
  width?: number;
  height?: number;
}) {
  const all: ChartLine[] = lines ?? [{ key: '', points: points ?? [] }];
  // Room under the chart for the x labels, and at the right for the last one's second half.
  const pad = { left: 24, right: xLabels ? 24 : 8, top: 8, bottom: xLabels ? 24 : 8 };
  const labelStep = xLabels ? Math.ceil(xLabels.length / 12) : 1;
  const xs = all.flatMap((l) => l.points.map((p) => p.x));
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const sx = (x: number) =>
    pad.left + (x1 === x0 ? (width - pad.left - pad.right) / 2 : ((x - x0) / (x1 - x0)) * (width - pad.left - pad.right));
  const sy = (y: number) => pad.top + (1 - (y - min) / (max - min || 1)) * (height - pad.top - pad.bottom);
  /** "M…L…" per unbroken run of points: a null starts a new run. */
  const path = (line: ChartLine) => {
    let move = true;
    return line.points
      .map((p) => {
        if (p.y === null) {
          move = true;
          return '';
        }
        const step = `${move ? 'M' : 'L'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`;
        move = false;
        return step;
      })
      .filter(Boolean)
      .join(' ');
  };
  return (
    <svg className="line-chart" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={label}>
      {[min, (min + max) / 2, max].map((v) => (
        <g key={v}>
          <line x1={pad.left} x2={width - pad.right} y1={sy(v)} y2={sy(v)} className="grid" />
          <text x={pad.left - 4} y={sy(v) + 4} textAnchor="end" className="axis">
            {Math.round(v)}
          </text>
        </g>
      ))}
      {xLabels?.map((text, x) =>
        x % labelStep === 0 ? (
          <text key={x} x={sx(x)} y={height - 6} textAnchor="middle" className="axis axis-x">
            {text}
          </text>
        ) : null,
      )}
      {all.map((line, i) => (
        <g key={line.key} className={`series line-${i}`} data-key={line.key}>
          <path d={path(line)} className="line" />
          {line.points.map((p, j) => (p.y === null ? null : <circle key={j} cx={sx(p.x)} cy={sy(p.y)} r={3.5} className="point" />))}
        </g>
      ))}
    </svg>
  );
}

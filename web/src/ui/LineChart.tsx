/**
 * A small line chart (inline SVG, no chart library): points over time on a fixed value scale.
 * It is an image with a text alternative (`label`); the page gives the numbers as a table too.
 */
export function LineChart({
  points,
  min,
  max,
  label,
  width = 260,
  height = 110,
}: {
  points: { x: number; y: number }[];
  min: number;
  max: number;
  label: string;
  width?: number;
  height?: number;
}) {
  const pad = { left: 24, right: 8, top: 8, bottom: 8 };
  const xs = points.map((p) => p.x);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const sx = (x: number) =>
    pad.left + (x1 === x0 ? (width - pad.left - pad.right) / 2 : ((x - x0) / (x1 - x0)) * (width - pad.left - pad.right));
  const sy = (y: number) => pad.top + (1 - (y - min) / (max - min)) * (height - pad.top - pad.bottom);
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
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
      <path d={path} className="line" />
      {points.map((p, i) => (
        <circle key={i} cx={sx(p.x)} cy={sy(p.y)} r={3.5} className="point" />
      ))}
    </svg>
  );
}

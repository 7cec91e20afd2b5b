import type { ScaleLinear } from 'd3';

/** Drawing area of the panels' SVG charts (viewBox units; the SVG scales to its box). */
export const CHART = { width: 560, height: 240, top: 16, right: 16, bottom: 34, left: 56 } as const;

/** Component colours, from the app palette (app.css): navy, blue, amber, green. */
export const COMPONENT_COLOURS = { wage: '#12385c', operating: '#2c7fb8', property: '#c98a00', transfer: '#2e8b57' } as const;

/** Rising / flat / falling / no comparison colours (green, grey, accent red, pale line). */
export const CHANGE_COLOURS = { rising: '#2e8b57', flat: '#9aa7b4', falling: '#b8322b', noComparison: '#d7dde4' } as const;

/** A left axis with grid lines for a linear y scale, ticks formatted by `format`. */
export function YAxis({ y, format, ticks = 5, label }: { y: ScaleLinear<number, number>; format: (v: number) => string; ticks?: number; label?: string }) {
  return (
    <g className="axis y-axis" aria-hidden="true">
      {y.ticks(ticks).map((v) => (
        <g key={v} transform={`translate(0,${y(v)})`}>
          <line x1={CHART.left} x2={CHART.width - CHART.right} className="grid" />
          <text x={CHART.left - 6} dy="0.32em" textAnchor="end">
            {format(v)}
          </text>
        </g>
      ))}
      {label && (
        <text x={4} y={CHART.top - 4} className="axis-label">
          {label}
        </text>
      )}
    </g>
  );
}

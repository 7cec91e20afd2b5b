import { line, scaleLinear } from 'd3';
import { formatInteger, formatYuan } from '../../i18n/format';
import { CHART, YAxis } from './chart';
import { boldLabelWidth, labelBox, placeLabels, type Box, type LabelRequest } from './label-placement';
import { fullYearPerCapita, projectedPerCapita } from './composition';
import { PanelFrame } from './PanelFrame';
import type { ReferenceSeries } from './reference-series';
import type { PanelContext } from './types';
import { useUnitPeriodSums } from './use-unit-sums';

/** A target value of a year (a plan's level target, e.g. seed 004: ≈ 19,000 yuan in 2024). */
export interface TrendTarget {
  label: string;
  year: number;
  value: number;
}

export interface TrendPanelProps extends PanelContext {
  /** Target values to mark; the caller takes them from the plan files. */
  targets?: TrendTarget[];
  /** Reference series to draw (see `referencesFor` in reference-series.ts). */
  references?: ReferenceSeries[];
  /**
   * The as-of year's projected full-year value, drawn dashed from the last full year. `'auto'`
   * projects it from the panel's own (cross-filtered) sums with `projectedPerCapita`, so it always
   * describes the same households as the solid line.
   */
  projected?: { year: number; value: number } | 'auto';
}

/** Value labels on the chart: font size (app: .chart .bar-value, .target-label), box height, baseline. */
const LABEL_FONT = 11;
const { height: LABEL_HEIGHT, baseline: LABEL_BASELINE } = labelBox(LABEL_FONT);

/** Reference line colours (blue, amber, green, grey from the app palette), then repeated. */
const REF_COLOURS = ['#2c7fb8', '#c98a00', '#2e8b57', '#6b7a8a'];
const ACTUAL = '#12385c';
const TARGET = '#b8322b';

/**
 * Per-capita net income of `scope.within` (with the cross-filter) for every full year, with
 * optional targets, reference series and a projected value. Only full years are drawn: a
 * year-to-date figure is not comparable with a year's (the composition panel shows it).
 */
export function TrendPanel({ t, lang, db, scope, years, asOf, childName, preSums, unitSeries, targets = [], references = [], projected: projectedProp }: TrendPanelProps) {
  const p = t.panels;
  const q = useUnitPeriodSums({ db, scope, preSums, unitSeries }, 'trend');
  const actual = q.data ? fullYearPerCapita(q.data, scope.within.code) : [];
  const projected = projectedProp === 'auto' ? (q.data ? projectedPerCapita(q.data, scope.within.code, asOf, Math.min(...years)) : undefined) : projectedProp;
  const targetLabels = [...new Set(targets.map((g) => g.label))];
  const place = childName(scope.within.code);

  return (
    <PanelFrame t={t} id="trend-panel" title={p.trendTitle} subtitle={p.trendCaption(place)} state={q}>
      {q.data && actual.length === 0 && <p className="analysis-empty">{p.empty}</p>}
      {actual.length > 0 && (
        <>
          <Chart actual={actual} targets={targets} references={references} projected={projected} lang={lang} yLabel={p.yuanPerPerson} projectedLabel={p.projected} />
          <ul className="chart-legend">
            <li>
              <span className="line-key" style={{ borderColor: ACTUAL }} aria-hidden="true" />
              {p.trendActual}
            </li>
            {projected && (
              <li>
                <span className="line-key dashed" style={{ borderColor: ACTUAL }} aria-hidden="true" />
                {p.projected}
              </li>
            )}
            {references.map((r, i) => (
              <li key={r.label}>
                <span className="line-key thin" style={{ borderColor: REF_COLOURS[i % REF_COLOURS.length] }} aria-hidden="true" />
                {r.label}
              </li>
            ))}
            {targetLabels.map((label) => (
              <li key={label} className="target-legend" title={label}>
                <span className="target-key" style={{ background: TARGET }} aria-hidden="true" />
                {p.chipLabel(p.target, label)}
              </li>
            ))}
          </ul>
          <table className="sr-only" data-testid="trend-table">
            <caption>{p.trendCaption(place)}</caption>
            <tbody>
              {actual.map((a) => (
                <tr key={a.year} data-year={a.year} data-value={a.value}>
                  <th scope="row">{a.year}</th>
                  <td>{formatYuan(a.value, lang)}</td>
                </tr>
              ))}
              {projected && (
                <tr data-projected={projected.value}>
                  <th scope="row">{`${projected.year} ${p.projected}`}</th>
                  <td>{formatYuan(projected.value, lang)}</td>
                </tr>
              )}
              {targets.map((g) => (
                <tr key={`${g.label}-${g.year}`}>
                  <th scope="row">{`${g.year} ${p.target}: ${g.label}`}</th>
                  <td>{formatYuan(g.value, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </PanelFrame>
  );
}

type Point = { year: number; value: number };

function Chart({ actual, targets, references, projected, lang, yLabel, projectedLabel }: {
  actual: Point[]; targets: TrendTarget[]; references: ReferenceSeries[]; projected?: Point; lang: PanelContext['lang']; yLabel: string; projectedLabel: string;
}) {
  const all: Point[] = [...actual, ...targets, ...references.flatMap((r) => r.points), ...(projected ? [projected] : [])];
  const years = all.map((d) => d.year);
  const x = scaleLinear()
    .domain([Math.min(...years), Math.max(...years)])
    .range([CHART.left + 14, CHART.width - CHART.right - 14]);
  const y = scaleLinear().domain([0, Math.max(...all.map((d) => d.value))]).nice().range([CHART.height - CHART.bottom, CHART.top]);
  const path = line<Point>().x((d) => x(d.year)).y((d) => y(d.value));
  const last = actual[actual.length - 1];
  const yearTicks = [...new Set(years)].sort((a, b) => a - b);
  // Target values and the projected value as labels that avoid each other and the data points
  // (a 2024 target and the projection from 2024 sat on top of each other).
  const projectedText = projected ? `${projectedLabel} ${formatInteger(projected.value, lang)}` : '';
  const around = (cx: number, cy: number, w: number, gap: number) => [
    { x: cx - w / 2, y: cy - gap - LABEL_HEIGHT + 2 },
    { x: cx - w / 2, y: cy + gap - 2 },
    { x: cx - gap - 6 - w, y: cy - LABEL_HEIGHT / 2 },
    { x: cx + gap + 6, y: cy - LABEL_HEIGHT / 2 },
  ];
  const requests: LabelRequest[] = targets.map((g, i) => {
    const w = boldLabelWidth(formatInteger(g.value, lang), LABEL_FONT);
    return { id: `target-${i}`, width: w, height: LABEL_HEIGHT, candidates: around(x(g.year), y(g.value), w, 4) };
  });
  if (projected) {
    const w = boldLabelWidth(projectedText, LABEL_FONT);
    const px = x(projected.year);
    const py = y(projected.value);
    requests.push({
      id: 'projected', width: w, height: LABEL_HEIGHT,
      candidates: [
        { x: px - 8 - w, y: py + 6 }, { x: px - 8 - w, y: py - 6 - LABEL_HEIGHT }, { x: px - 10 - w, y: py - LABEL_HEIGHT / 2 }, ...around(px, py, w, 6),
        { x: px - 8 - w, y: py + 6 + LABEL_HEIGHT }, { x: px - 8 - w, y: py - 6 - 2 * LABEL_HEIGHT },
      ],
    });
  }
  const points: Box[] = [...actual, ...(projected ? [projected] : [])].map((d) => ({ x: x(d.year) - 4, y: y(d.value) - 4, width: 8, height: 8 }));
  const labels = new Map(placeLabels(requests, { bounds: { x: CHART.left, y: 0, width: CHART.width - CHART.left, height: CHART.height - CHART.bottom }, obstacles: points }).map((l) => [l.id, l]));
  return (
    <svg className="chart" viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-label={yLabel} data-testid="trend-chart">
      <YAxis y={y} format={(v) => formatInteger(v, lang)} label={yLabel} />
      {yearTicks.map((yr) => (
        <text key={yr} x={x(yr)} y={CHART.height - CHART.bottom + 14} textAnchor="middle" className="tick">
          {yr}
        </text>
      ))}
      {references.map((r, i) => (
        <path key={r.label} d={path(r.points) ?? ''} fill="none" stroke={REF_COLOURS[i % REF_COLOURS.length]} strokeWidth={1.5} />
      ))}
      <path d={path(actual) ?? ''} fill="none" stroke={ACTUAL} strokeWidth={2.5} data-testid="trend-actual" />
      {actual.map((d) => (
        <circle key={d.year} cx={x(d.year)} cy={y(d.value)} r={3.5} fill={ACTUAL} />
      ))}
      {projected && last && (
        <g data-testid="trend-projected">
          <path d={path([last, projected]) ?? ''} fill="none" stroke={ACTUAL} strokeWidth={2.5} strokeDasharray="6 4" />
          <circle cx={x(projected.year)} cy={y(projected.value)} r={4} fill="#fff" stroke={ACTUAL} strokeWidth={2} />
        </g>
      )}
      {targets.map((g, i) => (
        <g key={`${g.label}-${g.year}`} data-testid="trend-target">
          <line x1={x(g.year) - 10} x2={x(g.year) + 10} y1={y(g.value)} y2={y(g.value)} stroke={TARGET} strokeWidth={3} />
          {labels.get(`target-${i}`) && (
            <text x={labels.get(`target-${i}`)!.x + labels.get(`target-${i}`)!.width / 2} y={labels.get(`target-${i}`)!.y + LABEL_BASELINE} textAnchor="middle" className="target-label">
              {formatInteger(g.value, lang)}
            </text>
          )}
        </g>
      ))}
      {projected && last && labels.get('projected') && (
        <text x={labels.get('projected')!.x + labels.get('projected')!.width / 2} y={labels.get('projected')!.y + LABEL_BASELINE} textAnchor="middle" className="bar-value" data-testid="trend-projected-label">
          {projectedText}
        </text>
      )}
    </svg>
  );
}

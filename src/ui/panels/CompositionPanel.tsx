import { scaleBand, scaleLinear } from 'd3';
import { useId } from 'react';
import { formatInteger, formatYuan } from '../../i18n/format';
import { CHART, COMPONENT_COLOURS, YAxis } from './chart';
import { COMPONENTS, compositionBars, stackSegments, type CompositionBar } from './composition';
import { PanelFrame } from './PanelFrame';
import type { PanelContext } from './types';
import { useUnitPeriodSums } from './use-unit-sums';

export type CompositionPanelProps = PanelContext;

/**
 * Per-capita income by component (wage, operating, property, transfer) for every full year up to
 * the as-of period, plus that period year-to-date (hatched and tagged, as it is not comparable
 * with a full year). Sums come from `queryRegionPeriodSums` inside `scope.within` with the cross-filter.
 */
export function CompositionPanel({ t, lang, db, scope, years, asOf, childName, preSums, unitSeries }: CompositionPanelProps) {
  const p = t.panels;
  const q = useUnitPeriodSums({ db, scope, preSums, unitSeries }, 'composition');
  const bars = q.data ? compositionBars(q.data, scope.within.code, years, asOf) : [];
  const place = childName(scope.within.code);
  const yearLabel = (b: CompositionBar) => (b.yearToDate ? `${b.year} ${p.ytdShort(b.quarter)}` : String(b.year));

  return (
    <PanelFrame t={t} id="composition-panel" title={p.compositionTitle} subtitle={p.compositionCaption(place)} state={q}>
      {q.data && bars.length === 0 && <p className="analysis-empty">{p.empty}</p>}
      {bars.length > 0 && (
        <>
          <Chart bars={bars} lang={lang} yLabel={p.yuanPerPerson} ytdTag={t.ytdTag} ytdShort={p.ytdShort} />
          <ul className="chart-legend" aria-hidden="true">
            {COMPONENTS.map((c) => (
              <li key={c}>
                <span className="swatch" style={{ background: COMPONENT_COLOURS[c] }} />
                {p.components[c]}
              </li>
            ))}
          </ul>
          <table className="figures composition" data-testid="composition-table">
            <caption className="sr-only">{p.compositionCaption(place)}</caption>
            <thead>
              <tr>
                <th scope="col">{p.year}</th>
                {COMPONENTS.map((c) => (
                  <th scope="col" key={c}>
                    {p.components[c]}
                  </th>
                ))}
                <th scope="col">{p.components.net}</th>
              </tr>
            </thead>
            <tbody>
              {bars.map((b) => (
                <tr key={b.year} data-year={b.year} data-quarter={b.quarter}>
                  <th scope="row">
                    {yearLabel(b)}
                    {b.yearToDate && <>{' '}<span className="ytd-tag small">{t.ytdTag}</span></>}
                  </th>
                  {COMPONENTS.map((c) => (
                    <td key={c} data-component={c} data-value={b[c]}>
                      {formatYuan(b[c], lang)}
                    </td>
                  ))}
                  <td data-component="net" data-value={b.net}>
                    {formatYuan(b.net, lang)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </PanelFrame>
  );
}

function Chart({ bars, lang, yLabel, ytdTag, ytdShort }: { bars: CompositionBar[]; lang: PanelContext['lang']; yLabel: string; ytdTag: string; ytdShort: (q: number) => string }) {
  const hatch = `hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const x = scaleBand<number>()
    .domain(bars.map((b) => b.year))
    .range([CHART.left, CHART.width - CHART.right])
    .padding(0.28);
  const top = Math.max(...bars.map((b) => stackSegments(b)[3][2]));
  const y = scaleLinear().domain([0, top]).nice().range([CHART.height - CHART.bottom, CHART.top]);
  return (
    <svg className="chart" viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-label={yLabel} data-testid="composition-chart">
      <defs>
        <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="6" stroke="#fff" strokeWidth="2" strokeOpacity="0.55" />
        </pattern>
      </defs>
      <YAxis y={y} format={(v) => formatInteger(v, lang)} label={yLabel} />
      {bars.map((b) => (
        <g key={b.year} data-year={b.year}>
          {stackSegments(b).map(([c, lo, hi]) => (
            <g key={c}>
              <rect x={x(b.year)} width={x.bandwidth()} y={y(hi)} height={Math.max(0, y(lo) - y(hi))} fill={COMPONENT_COLOURS[c]} data-component={c} />
              {b.yearToDate && <rect x={x(b.year)} width={x.bandwidth()} y={y(hi)} height={Math.max(0, y(lo) - y(hi))} fill={`url(#${hatch})`} />}
            </g>
          ))}
          <text x={(x(b.year) ?? 0) + x.bandwidth() / 2} y={y(b.net) - 4} textAnchor="middle" className="bar-value">
            {formatInteger(b.net, lang)}
          </text>
          <text x={(x(b.year) ?? 0) + x.bandwidth() / 2} y={CHART.height - CHART.bottom + 14} textAnchor="middle" className="tick">
            {b.year}
          </text>
          {b.yearToDate && (
            <text x={(x(b.year) ?? 0) + x.bandwidth() / 2} y={CHART.height - CHART.bottom + 27} textAnchor="middle" className="tick ytd">
              {`${ytdShort(b.quarter)} ${ytdTag}`}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}

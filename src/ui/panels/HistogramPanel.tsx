import { brushX, scaleLinear, select, type BrushBehavior, type D3BrushEvent } from 'd3';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { queryIncomeHistogram, type HistogramBin } from '../../data/queries/panels';
import { INCOME_LINES, type IncomeLine } from '../../domain/income-lines';
import { formatInteger } from '../../i18n/format';
import { CHART, YAxis } from './chart';
import { histogramMarks, formatFactor } from './basis';
import type { ProjectionFactor } from '../../targets/projection';
import { binInRange, HISTOGRAM_MAX, HISTOGRAM_WIDTH, householdsInRange, snapRange, withoutIncomeRange } from './histogram';
import { besideLineCandidates, boldLabelWidth, labelBox, placeLabels } from './label-placement';
import { scopePeriodLabel } from './labels';
import { PanelFrame } from './PanelFrame';
import type { PanelContext } from './types';
import { useQuery } from './use-query';

export interface HistogramPanelProps extends PanelContext {
  /** The year's monitoring income line (reference series `monitoring_line`), yuan per person. */
  monitoringLine?: number;
  /** Called with the brushed or typed range [lo, hi) in yuan, or null when it is cleared. */
  onBrush: (range: [number, number] | null) => void;
  /** Fixed lines to mark (default: 10,000 and 12,000 yuan, see src/domain/income-lines.ts). */
  lines?: readonly IncomeLine[];
  /**
   * For a year-to-date period, the factor that projects year-to-date income to the year (the
   * targets' projection): the annual lines are drawn at line ÷ factor, on the bars' basis; null
   * when no earlier year allows it (no lines then). Undefined for a full year.
   */
  basis?: ProjectionFactor | null;
}

const BAR = '#2c7fb8';
const BAR_IN = '#12385c';
const LINE_COLOURS: Record<string, string> = { monitoring: '#b8322b', floor_10000: '#c98a00', low_income_12000: '#6b7a8a' };

/** Line labels: font size (app: .chart .mark-label), row height and baseline, in chart units. */
const MARK_FONT = 11;
const { height: MARK_ROW, baseline: MARK_BASELINE } = labelBox(MARK_FONT);

const x = scaleLinear()
  .domain([0, HISTOGRAM_MAX + HISTOGRAM_WIDTH])
  .range([CHART.left, CHART.width - CHART.right]);

/**
 * Households of the scope by per-capita net income, in 1,000-yuan bins with an open last bin.
 * Computed without the view's own income range (so brushing never empties it); the range shows
 * as the brushed span and darker bars. A d3 brush, or the two number fields, set the range.
 */
export function HistogramPanel({ t, lang, db, scope, childName, monitoringLine, onBrush, lines = INCOME_LINES, basis }: HistogramPanelProps) {
  const p = t.panels;
  const histScope = { ...scope, filter: withoutIncomeRange(scope.filter) };
  const key = JSON.stringify(['histogram', histScope]);
  const q = useQuery(db, key, (c) => queryIncomeHistogram(c, histScope, HISTOGRAM_WIDTH, HISTOGRAM_MAX));
  const range = scope.filter.incomeRange;
  const place = childName(scope.within.code);
  const bins = q.data;
  const total = bins?.reduce((n, b) => n + b.households, 0) ?? 0;
  const aligned = range !== null && range[0] % HISTOGRAM_WIDTH === 0 && range[1] % HISTOGRAM_WIDTH === 0;

  return (
    <PanelFrame t={t} id="histogram-panel" title={p.histogramTitle} subtitle={p.histogramCaption(place, scopePeriodLabel(t, scope.period))} state={q}>
      {bins && total === 0 && <p className="analysis-empty">{p.empty}</p>}
      {bins && total > 0 && (
        <>
          <Chart bins={bins} range={range} lang={lang} monitoringLine={monitoringLine} lines={lines} onBrush={onBrush} t={t} basis={basis} />
          {basis !== undefined && (
            <p className="basis-note" data-testid="histogram-basis">
              {basis ? t.population.linesProrated(formatFactor(basis.factor, lang), basis.years.join(lang === 'zh' ? '、' : ', ')) : t.population.noProjection}
            </p>
          )}
          <p className="brush-status" data-testid="histogram-brushed" aria-live="polite">
            {range
              ? aligned
                ? p.brushed(formatInteger(range[0], lang), formatInteger(range[1], lang), formatInteger(householdsInRange(bins, range), lang))
                : p.incomeRangeChip(formatInteger(range[0], lang), formatInteger(range[1], lang))
              : ''}
          </p>
        </>
      )}
      {bins && <RangeForm key={JSON.stringify(range)} t={t} range={range} onBrush={onBrush} />}
      {bins && (
        <table className="sr-only">
          <caption>{p.histogramCaption(place, scopePeriodLabel(t, scope.period))}</caption>
          <tbody>
            {bins.map((b) => (
              <tr key={b.lo}>
                <th scope="row">{binText(t, lang, b)}</th>
                <td>{formatInteger(b.households, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PanelFrame>
  );
}

function binText(t: PanelContext['t'], lang: PanelContext['lang'], b: HistogramBin): string {
  return Number.isFinite(b.hi) ? t.panels.binLabel(formatInteger(b.lo, lang), formatInteger(b.hi, lang)) : t.panels.binOpen(formatInteger(b.lo, lang));
}

function Chart({ bins, range, lang, monitoringLine, lines, onBrush, t, basis }: {
  bins: HistogramBin[]; range: [number, number] | null; lang: PanelContext['lang']; monitoringLine?: number; lines: readonly IncomeLine[];
  onBrush: (r: [number, number] | null) => void; t: PanelContext['t']; basis?: ProjectionFactor | null;
}) {
  const p = t.panels;
  const brushRef = useRef<SVGGElement>(null);
  const brush = useRef<BrushBehavior<unknown> | null>(null);
  const onBrushRef = useRef(onBrush);
  onBrushRef.current = onBrush;
  const y = scaleLinear().domain([0, Math.max(1, ...bins.map((b) => b.households))]).nice().range([CHART.height - CHART.bottom, CHART.top]);
  const bottom = CHART.height - CHART.bottom;

  useEffect(() => {
    const g = brushRef.current;
    if (!g) return;
    const b = brushX<unknown>()
      .extent([[CHART.left, CHART.top], [x(HISTOGRAM_MAX), bottom]])
      .on('end', (event: D3BrushEvent<unknown>) => {
        if (!event.sourceEvent) return; // moved by the code below, not by the user
        const s = event.selection as [number, number] | null;
        onBrushRef.current(s ? snapRange(x.invert(s[0]), x.invert(s[1])) : null);
      });
    brush.current = b;
    select(g).call(b);
    return () => {
      select(g).on('.brush', null);
      brush.current = null;
    };
  }, [bottom]);

  useEffect(() => {
    const g = brushRef.current;
    if (!g || !brush.current) return;
    select(g).call(brush.current.move, range ? [x(Math.min(range[0], HISTOGRAM_MAX)), x(Math.min(range[1], HISTOGRAM_MAX))] : null);
  }, [range]);

  const marks = histogramMarks([
    ...(monitoringLine !== undefined ? [{ id: 'monitoring', value: monitoringLine, label: p.monitoringLine(formatInteger(monitoringLine, lang)) }] : []),
    ...lines.map((l) => ({ id: l.id, value: l.value, label: l.id === 'floor_10000' ? p.floor10000 : p.lowIncome12000 })),
  ], basis, (label, v) => t.population.proratedLine(label, formatInteger(v, lang)));
  const xTicks = x.ticks(8).filter((v) => v <= HISTOGRAM_MAX);
  // Line labels beside their lines; close lines (e.g. 7,500, 10,000 and 12,000) step down a row
  // or go left of the line instead of printing over each other.
  const placed = new Map(placeLabels(
    [...marks].sort((a, b) => a.value - b.value).map((m) => {
      const width = boldLabelWidth(m.label, MARK_FONT);
      return { id: m.id, width, height: MARK_ROW, candidates: besideLineCandidates(x(m.value), width, CHART.top - 4, MARK_ROW + 2, 4) };
    }),
    { bounds: { x: CHART.left, y: 0, width: CHART.width - CHART.left, height: bottom }, padding: 1 },
  ).map((l) => [l.id, l]));

  return (
    <svg className="chart histogram" viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-label={p.histogramX} data-testid="histogram-chart">
      <YAxis y={y} format={(v) => formatInteger(v, lang)} label={p.histogramY} />
      {bins.map((b) => {
        const hi = Number.isFinite(b.hi) ? b.hi : b.lo + HISTOGRAM_WIDTH;
        const inRange = binInRange(b, range);
        return (
          <rect
            key={b.lo}
            className={inRange ? 'bin in-range' : 'bin'}
            x={x(b.lo) + 0.5}
            width={Math.max(0, x(hi) - x(b.lo) - 1)}
            y={y(b.households)}
            height={bottom - y(b.households)}
            fill={range === null || inRange ? (inRange ? BAR_IN : BAR) : '#9fc3e0'}
            data-lo={b.lo}
            data-households={b.households}
          >
            <title>{`${binText(t, lang, b)}: ${formatInteger(b.households, lang)}`}</title>
          </rect>
        );
      })}
      {marks.map((m) => {
        const at = placed.get(m.id);
        return (
          <g key={m.id} data-testid={`histogram-mark-${m.id}`} pointerEvents="none">
            <line x1={x(m.value)} x2={x(m.value)} y1={CHART.top + 2} y2={bottom} stroke={LINE_COLOURS[m.id] ?? '#6b7a8a'} strokeWidth={1.5} strokeDasharray="4 3" />
            {at && (
              // Even candidates lie right of the line: start there; odd ones left of it: end there
              // (widths are estimated wide, so the text stays next to its line either way).
              <text x={at.candidate % 2 === 1 ? at.x + at.width : at.x} y={at.y + MARK_BASELINE} textAnchor={at.candidate % 2 === 1 ? 'end' : 'start'} className="mark-label" fill={LINE_COLOURS[m.id] ?? '#6b7a8a'}>
                {m.label}
              </text>
            )}
          </g>
        );
      })}
      {xTicks.map((v) => (
        <text key={v} x={x(v)} y={bottom + 14} textAnchor="middle" className="tick">
          {v === HISTOGRAM_MAX ? `${formatInteger(v, lang)}+` : formatInteger(v, lang)}
        </text>
      ))}
      <text x={CHART.width - CHART.right} y={bottom + 28} textAnchor="end" className="axis-label">
        {p.histogramX}
      </text>
      <g ref={brushRef} className="brush" data-testid="histogram-brush" />
    </svg>
  );
}

/** The keyboard way to set the range: two number fields, apply and clear. */
function RangeForm({ t, range, onBrush }: { t: PanelContext['t']; range: [number, number] | null; onBrush: (r: [number, number] | null) => void }) {
  const p = t.panels;
  const [lo, setLo] = useState(range ? String(range[0]) : '');
  const [hi, setHi] = useState(range ? String(range[1]) : '');
  const a = Number(lo);
  const b = Number(hi);
  const valid = lo !== '' && hi !== '' && Number.isFinite(a) && Number.isFinite(b) && a >= 0 && b > a;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (valid) onBrush([a, b]);
  };
  return (
    <form className="range-form" onSubmit={submit} aria-label={p.brushLabel} data-testid="histogram-range-form">
      <label>
        {p.brushFrom}
        <input type="number" min={0} step={100} value={lo} onChange={(e) => setLo(e.target.value)} name="lo" />
      </label>
      <label>
        {p.brushTo}
        <input type="number" min={0} step={100} value={hi} onChange={(e) => setHi(e.target.value)} name="hi" />
      </label>
      <button type="submit" disabled={!valid}>
        {p.brushApply}
      </button>
      <button type="button" onClick={() => onBrush(null)} disabled={range === null}>
        {p.brushClear}
      </button>
    </form>
  );
}

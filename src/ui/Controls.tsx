import { useId } from 'react';
import type { BreakMethod } from '../domain/classify';
import type { Messages } from '../i18n';
import { YearSlider } from './YearSlider';
import { BREAK_METHODS, METRICS, type Metric } from '../state/view-state';

export interface ControlsProps {
  t: Messages;
  /** Metrics offered (default all; public mode has no target maps). */
  metrics?: readonly Metric[];
  years: { year: number; quarter: number }[];
  year: number;
  metric: Metric;
  breaks: BreakMethod;
  onYear: (year: number, playing: boolean) => void;
  /** Playback starts. */
  onPlay?: () => void;
  onMetric: (metric: Metric) => void;
  onBreaks: (breaks: BreakMethod) => void;
  /** Targets the gap and status maps can show (id, label), the one shown, and how to choose. */
  targets: { id: string; label: string }[];
  target: string | null;
  onTarget: (id: string) => void;
  /** A line under the target choice (evaluating, none to show). */
  targetNote: string | null;
}

/** Year slider, indicator and class-break choice. Native inputs and radio groups: keyboard and screen-reader ready. */
export function Controls(p: ControlsProps) {
  // Buttons carry the short names (English's full names wrapped to four lines); the title the full one.
  const metricLabel: Record<Metric, string> = p.t.metricShort;
  const metricTitle: Record<Metric, string> = { income: p.t.metricIncome, growth: p.t.metricGrowth, gap: p.t.metricGap, status: p.t.metricStatus };
  const byTarget = p.metric === 'gap' || p.metric === 'status';
  const breaksLabel: Record<BreakMethod, string> = { quantile: p.t.quantile, jenks: p.t.jenks };
  return (
    <form className="controls panel" aria-label={p.t.controlsGroup} onSubmit={(e) => e.preventDefault()}>
      <YearSlider t={p.t} years={p.years} year={p.year} onYear={p.onYear} onPlay={p.onPlay} />
      <Segmented name="metric" legend={p.t.metric} options={p.metrics ?? METRICS} labels={metricLabel} titles={metricTitle} value={p.metric} onChange={p.onMetric} />
      {byTarget && p.targets.length > 0 && (
        <label className="control target-select">
          <span>{p.t.mapTarget}</span>
          <select data-testid="map-target" value={p.target ?? ''} onChange={(e) => p.onTarget(e.target.value)}>
            {p.targets.map((g) => (
              <option key={g.id} value={g.id}>{g.label}</option>
            ))}
          </select>
        </label>
      )}
      {byTarget && p.targetNote && <p className="control-note" role="status">{p.targetNote}</p>}
      {p.metric !== 'status' && (
        <Segmented name="breaks" legend={p.t.breaks} options={BREAK_METHODS} labels={breaksLabel} value={p.breaks} onChange={p.onBreaks} />
      )}
    </form>
  );
}

function Segmented<T extends string>(p: { name: string; legend: string; options: readonly T[]; labels: Record<T, string>; titles?: Record<T, string>; value: T; onChange: (v: T) => void }) {
  const name = `${p.name}-${useId()}`;
  return (
    <fieldset className="control segmented" data-testid={`${p.name}-switch`}>
      <legend>{p.legend}</legend>
      <div className="segments">
        {p.options.map((o) => (
          <label key={o} className={o === p.value ? 'checked' : undefined} title={p.titles && p.titles[o] !== p.labels[o] ? p.titles[o] : undefined}>
            <input type="radio" name={name} value={o} checked={o === p.value} onChange={() => p.onChange(o)} />
            <span>{p.labels[o]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

import type { LocalizedText } from '../domain/dataset';
import { valueForYear } from './plan';
import { perCapitaOf, projectionFactor, type SumsAt } from './projection';
import type { Basis, EvaluationDetail, Population, ReferenceSpec, ReferenceStatus, Status, Target, TargetEvaluation, UnitRef, ValueUnit } from './types';

/**
 * The pure evaluation engine: turns metric values (fetched by named queries elsewhere) into
 * `{actual, target, gap, status, projected}` for one target, one unit and one year.
 *
 * Status rule (README "Target status"):
 * - A complete year (before the as-of year, or the as-of year at quarter 4): `met` when the actual
 *   satisfies the target's comparator (within its tolerance for "about" targets), else `missed`.
 * - The incomplete as-of year: the actual is the year-end projection for flows (income, floors)
 *   and the latest collected value for stocks (people in work, facilities, shares). `on_track`
 *   when it satisfies the target; `at_risk` when it falls short by no more than the at-risk band
 *   (1 percentage point for rates and shares; 3% of the target for yuan, ratios and counts; for a
 *   count that must reach zero, at most 1% of the households counted); `missed` beyond that.
 * - `no_data` when the data needed is absent (a period not collected, a reference value not
 *   published, a unit without households) or the plan marks the target as needing data the
 *   dataset does not hold.
 * Gap = actual − target for "at least" targets and target − actual for "at most" ones, so a
 * negative gap is always a shortfall. It is computed from the unrounded actual and target; the
 * display rounds all three alike (src/i18n/targets.ts).
 *
 * Every row also says what it rests on (`basis`, see `Basis` in types.ts): the dataset alone, a
 * published reference value, an estimate, an extrapolated reference, or — for no_data — which
 * value is missing. A reference series never stands in for another: a year a series has no value
 * for is `missing_reference`, whatever other series hold.
 */

export const AT_RISK_RATE_POINTS = 0.01;
export const AT_RISK_RELATIVE = 0.03;
export const AT_RISK_ZERO_SHARE = 0.01;

export interface Period {
  year: number;
  quarter: number;
  complete: boolean;
}

/** The period a year is judged on: quarter 4 when complete, else the as-of quarter. */
export function periodOf(year: number, asOf: { year: number; quarter: number }): Period | undefined {
  if (year > asOf.year) return undefined;
  if (year < asOf.year || asOf.quarter >= 4) return { year, quarter: 4, complete: true };
  return { year, quarter: asOf.quarter, complete: false };
}

/** Whether a target binds on a unit (see `AppliesTo`). */
export function targetApplies(t: Target, unit: UnitRef, rootCode: string): boolean {
  const a = t.appliesTo;
  if (!a) return true;
  if (a.root && unit.code !== rootCode) return false;
  if (a.codes && !a.codes.includes(unit.code)) return false;
  if (a.tag && !unit.tags.includes(a.tag)) return false;
  return true;
}

/** Years a target can be evaluated in a dataset, latest first. */
export function evaluableYears(t: Target, years: number[], asOf: { year: number }): number[] {
  return t.years.filter((y) => y <= asOf.year && years.includes(y)).sort((a, b) => b - a);
}

export interface EvaluationContext {
  planId: string;
  rootCode: string;
  unit: UnitRef;
  year: number;
  asOf: { year: number; quarter: number };
  /** First year of the dataset (projection factors pool the years from here). */
  firstYear: number;
  /** Demo scale (manifest.generator.scale) for count targets marked `scaleWithDemo`; 1 for real data. */
  scale: number;
  /** Income sums of a population in the unit, in the plan's region, or in the unit's parent. */
  sums: (population: Population, which: 'self' | 'root' | 'parent') => SumsAt;
  /** A reference series value; undefined when the dataset does not hold it. */
  reference: (series: string, regionCode: string, year: number) => number | undefined;
  /** The status of a reference value (default: every value `published`). */
  referenceStatus?: (series: string, regionCode: string, year: number) => ReferenceStatus | undefined;
  /** Numerator and denominator of a household, village or facility metric at the judged period. */
  counts?: { numerator: number; denominator: number };
}

const NATIONAL = '000000000000';

/** Evaluates one target for one unit and year. */
export function evaluateTarget(t: Target, ctx: EvaluationContext): TargetEvaluation {
  const base = {
    planId: ctx.planId,
    targetId: t.id,
    regionCode: ctx.unit.code,
    regionName: ctx.unit.name,
    year: ctx.year,
    unit: unitOf(t),
    population: t.population,
  };
  const none = (reason: LocalizedText, basis: Basis, projected = false, series?: string): TargetEvaluation => ({
    ...base, actual: null, target: null, gap: null, status: 'no_data', projected, basis,
    detail: series ? { reason, referenceSeries: series } : { reason },
  });
  if (t.noData) return none(t.noData, 'not_evaluable');
  const period = periodOf(ctx.year, ctx.asOf);
  if (!period) return none(NOT_COLLECTED(ctx.year), 'missing_data');

  // A floor whose line is a reference series (the monitoring line of the year) leans on that value.
  let line: SeriesValue | undefined;
  if (typeof t.line === 'object') {
    const s = seriesIn(ctx, t.line.series, referenceRegion(t.line.region, ctx.rootCode, ctx.unit.code), period.year, period.complete);
    if ('reason' in s) return none(s.reason, 'missing_reference', false, t.line.series);
    line = s;
  }
  const r = isIncomeMetric(t) ? incomeTarget(t, ctx, period) : countTarget(t, ctx, period);
  if ('reason' in r) return none(r.reason, r.basis ?? 'missing_data', r.projected ?? false, r.series);
  if (line) {
    r.detail.referenceSeries ??= (t.line as { series: string }).series;
    r.refs.push(line);
  }
  const comparator = t.comparator ?? 'gte';
  // From the unrounded values: the display rounds actual, target and gap alike.
  const gap = comparator === 'lte' ? r.target - r.actual : r.actual - r.target;
  const status = judge(r.actual, r.target, comparator, t.tolerance ?? 0, period.complete, base.unit, r.detail.denominator);
  if (r.refs.some((x) => x.projected)) r.detail.referenceProjected = true;
  return { ...base, actual: r.actual, target: r.target, gap, status, projected: r.projected, basis: basisOf(r.refs), detail: r.detail };
}

/** The basis of an evaluated row from the reference values it used (none: the dataset alone). */
function basisOf(refs: SeriesValue[]): Basis {
  if (refs.length === 0) return 'data';
  if (refs.some((x) => x.estimate)) return 'estimate';
  if (refs.some((x) => x.projected)) return 'projected_reference';
  return 'published';
}

interface Outcome {
  actual: number;
  target: number;
  projected: boolean;
  detail: EvaluationDetail;
  /** Reference values the target was computed from. */
  refs: SeriesValue[];
}
type Missing = { reason: LocalizedText; projected?: boolean; basis?: Basis; series?: string };
/** A reference value as used: extrapolated (`projected`) or resting on an `estimate`. */
interface SeriesValue {
  value: number;
  projected: boolean;
  estimate: boolean;
}

/** Met / on track / at risk / missed, as the rule at the top of this file says. */
export function judge(
  actual: number,
  target: number,
  comparator: 'gte' | 'gt' | 'lte',
  tolerance: number,
  complete: boolean,
  unit: ValueUnit,
  denominator?: number,
): Status {
  const threshold = comparator === 'lte' ? target : target - Math.abs(target) * tolerance;
  const pass = comparator === 'lte' ? actual <= threshold : comparator === 'gt' && tolerance === 0 ? actual > threshold : actual >= threshold;
  if (complete) return pass ? 'met' : 'missed';
  if (pass) return 'on_track';
  const shortfall = comparator === 'lte' ? actual - threshold : threshold - actual;
  let band: number;
  if (unit === 'rate' || unit === 'share') band = AT_RISK_RATE_POINTS;
  else if (comparator === 'lte' && target === 0) band = denominator && denominator > 0 ? AT_RISK_ZERO_SHARE * denominator : 0;
  else band = AT_RISK_RELATIVE * Math.abs(target);
  return shortfall <= band ? 'at_risk' : 'missed';
}

function unitOf(t: Target): ValueUnit {
  switch (t.kind) {
    case 'level':
      return 'yuan';
    case 'growth':
      return 'rate';
    case 'ratio':
      return 'ratio';
    case 'relative':
      return isIncomeMetric(t) ? (t.measure === 'growth' ? 'rate' : 'yuan') : 'share';
    case 'floor':
      return 'count';
    case 'share':
      return 'share';
    case 'count':
      return t.metric === 'employed_persons' || t.metric === 'facility_jobs' ? 'persons' : 'count';
  }
}

/** Per-capita income of a population in a year: the full-year figure, or the projection of the year to date. */
function incomeIn(sumsAt: SumsAt, period: Period, firstYear: number): { value: number; projected: boolean } | Missing {
  if (period.complete) {
    const v = perCapitaOf(sumsAt(period.year, 4));
    return Number.isFinite(v) ? { value: v, projected: false } : { reason: NOT_COLLECTED(period.year) };
  }
  const ytd = perCapitaOf(sumsAt(period.year, period.quarter));
  if (!Number.isFinite(ytd)) return { reason: NOT_COLLECTED(period.year) };
  const f = projectionFactor(sumsAt, period.year, period.quarter, firstYear);
  if (!f) return { reason: NO_PROJECTION, projected: true };
  return { value: ytd * f.factor, projected: true };
}

function fullYear(sumsAt: SumsAt, year: number): number | Missing {
  const v = perCapitaOf(sumsAt(year, 4));
  return Number.isFinite(v) ? v : { reason: NOT_COLLECTED(year) };
}

/** Growth to `period` from the previous full year, or average annual growth from `from`. */
function growthIn(sumsAt: SumsAt, period: Period, firstYear: number, from?: number): { value: number; projected: boolean } | Missing {
  const now = incomeIn(sumsAt, period, firstYear);
  if ('reason' in now) return now;
  const baseYear = from ?? period.year - 1;
  const base = fullYear(sumsAt, baseYear);
  if (typeof base !== 'number') return base;
  const n = period.year - baseYear;
  if (n <= 0 || !(base > 0)) return { reason: NOT_COLLECTED(baseYear) };
  return { value: Math.pow(now.value / base, 1 / n) - 1, projected: now.projected };
}

/** The 12-digit code a reference region names: 'national', 'root' (the plan's region), 'self' (the unit) or a code. */
export function referenceRegion(spec: string, rootCode: string, unitCode: string): string {
  if (spec === 'national') return NATIONAL;
  if (spec === 'root') return rootCode;
  if (spec === 'self') return unitCode;
  return spec;
}

function regionOf(spec: string, ctx: EvaluationContext): string {
  return referenceRegion(spec, ctx.rootCode, ctx.unit.code);
}

/**
 * A reference series value; in the incomplete year, when not yet published, extrapolated from its
 * last growth (value(Y−1)² / value(Y−2)) and marked projected. Undefined when neither is possible:
 * only the series asked for answers, never another one. `estimate` when a value it rests on has
 * status `estimate` (`status` omitted: every value published).
 */
export function referenceValue(
  reference: EvaluationContext['reference'],
  series: string,
  region: string,
  year: number,
  complete: boolean,
  status: EvaluationContext['referenceStatus'] = () => 'published',
): SeriesValue | undefined {
  const isEstimate = (y: number) => status(series, region, y) === 'estimate';
  const v = reference(series, region, year);
  if (v !== undefined) return { value: v, projected: false, estimate: isEstimate(year) };
  if (!complete) {
    const a = reference(series, region, year - 1);
    const b = reference(series, region, year - 2);
    if (a !== undefined && b !== undefined && b > 0) {
      return { value: (a * a) / b, projected: true, estimate: isEstimate(year - 1) || isEstimate(year - 2) };
    }
  }
  return undefined;
}

function seriesIn(ctx: EvaluationContext, series: string, region: string, year: number, complete: boolean): SeriesValue | Missing {
  return referenceValue(ctx.reference, series, region, year, complete, ctx.referenceStatus)
    ?? { reason: NO_REFERENCE(series, region, year), basis: 'missing_reference', series };
}

/** Whether a target's actual is an income figure (per-capita income or a reference series of the unit). */
export function isIncomeMetric(t: Target): boolean {
  return t.metric === 'per_capita_income' || t.metric === 'reference_series';
}

/** The references of a target as a list (a single spec or several, see `Target.reference`). */
export function referenceSpecs(t: Target): ReferenceSpec[] {
  if (!t.reference) return [];
  return Array.isArray(t.reference) ? t.reference : [t.reference];
}

/**
 * The unit's own value of a reference series (`reference_series` targets): its level, or its
 * growth on the previous year (average annual growth since `from`), from the series alone.
 */
function seriesMeasure(ctx: EvaluationContext, series: string, period: Period, measure: 'level' | 'growth', from?: number): { value: number; projected: boolean; refs: SeriesValue[] } | Missing {
  const s = seriesIn(ctx, series, ctx.unit.code, period.year, period.complete);
  if ('reason' in s) return s;
  if (measure === 'level') return { value: s.value, projected: s.projected, refs: [s] };
  const baseYear = from ?? period.year - 1;
  const base = ctx.reference(series, ctx.unit.code, baseYear);
  const n = period.year - baseYear;
  if (base === undefined || !(base > 0) || n <= 0) return { reason: NO_REFERENCE(series, ctx.unit.code, baseYear), basis: 'missing_reference', series };
  const prev: SeriesValue = { value: base, projected: false, estimate: ctx.referenceStatus?.(series, ctx.unit.code, baseYear) === 'estimate' };
  return { value: Math.pow(s.value / base, 1 / n) - 1, projected: s.projected, refs: [s, prev] };
}

/** The value one reference spec sets for the actual to reach (before the comparator), with what it rests on. */
function referenceTarget(
  spec: ReferenceSpec,
  t: Target,
  ctx: EvaluationContext,
  period: Period,
  measure: 'level' | 'growth',
): { target: number; projected: boolean; refs: SeriesValue[]; series?: string } | Missing {
  const margin = t.margin ?? 0;
  if ('series' in spec) {
    const region = regionOf(spec.region, ctx);
    const s = seriesIn(ctx, spec.series, region, period.year, period.complete);
    if ('reason' in s) return s;
    if (measure === 'growth') {
      const prev = ctx.reference(spec.series, region, period.year - 1);
      if (prev === undefined || !(prev > 0)) {
        return { reason: NO_REFERENCE(spec.series, region, period.year - 1), basis: 'missing_reference', series: spec.series };
      }
      const p: SeriesValue = { value: prev, projected: false, estimate: ctx.referenceStatus?.(spec.series, region, period.year - 1) === 'estimate' };
      return { target: s.value / prev - 1 + margin, projected: s.projected, refs: [s, p], series: spec.series };
    }
    return { target: s.value + margin, projected: s.projected, refs: [s], series: spec.series };
  }
  const other = ctx.sums(spec.population ?? t.population, spec.unit);
  const r = measure === 'growth' ? growthIn(other, period, ctx.firstYear, t.cumulativeFrom) : incomeIn(other, period, ctx.firstYear);
  if ('reason' in r) return r;
  return { target: r.value + margin, projected: r.projected, refs: [] };
}

function incomeTarget(t: Target, ctx: EvaluationContext, period: Period): Outcome | Missing {
  const measure: 'level' | 'growth' = t.kind === 'growth' ? 'growth' : t.kind === 'relative' ? (t.measure ?? 'level') : 'level';
  const refs: SeriesValue[] = [];
  let actual: { value: number; projected: boolean };
  if (t.metric === 'reference_series') {
    if (!t.series) return { reason: UNSUPPORTED(t) };
    const a = seriesMeasure(ctx, t.series, period, measure, t.cumulativeFrom);
    if ('reason' in a) return a;
    refs.push(...a.refs);
    actual = a;
  } else {
    const own = ctx.sums(t.population, 'self');
    const a = measure === 'growth' ? growthIn(own, period, ctx.firstYear, t.cumulativeFrom) : incomeIn(own, period, ctx.firstYear);
    if ('reason' in a) return a;
    actual = a;
  }
  const detail: EvaluationDetail = {};
  const specs = referenceSpecs(t);

  if (t.kind === 'ratio') {
    const ref = specs.length === 1 && 'series' in specs[0]! ? specs[0] : undefined;
    const ratio = valueForYear(t.ratio, period.year);
    if (!ref || ratio === undefined) return { reason: NO_THRESHOLD(period.year) };
    const s = seriesIn(ctx, ref.series, regionOf(ref.region, ctx), period.year, period.complete);
    if ('reason' in s) return s;
    detail.reference = s.value;
    detail.referenceSeries = ref.series;
    return { actual: actual.value / s.value, target: ratio, projected: actual.projected || s.projected, detail, refs: [...refs, s] };
  }

  let target: number;
  let projected = actual.projected;
  if (specs.length > 0) {
    // Beating several references means beating the strictest of them; every one must be known.
    let chosen: { target: number; series?: string } | undefined;
    for (const spec of specs) {
      const r = referenceTarget(spec, t, ctx, period, measure);
      if ('reason' in r) return r;
      refs.push(...r.refs);
      projected ||= r.projected;
      if (!chosen || (t.comparator === 'lte' ? r.target < chosen.target : r.target > chosen.target)) chosen = r;
    }
    target = chosen!.target;
    detail.reference = target;
    if (chosen!.series) detail.referenceSeries = chosen!.series;
  } else {
    const fixed = valueForYear(t.value, period.year);
    if (fixed === undefined) return { reason: NO_THRESHOLD(period.year) };
    target = fixed;
  }
  if (t.metric === 'reference_series') detail.referenceSeries ??= t.series;
  return { actual: actual.value, target, projected, detail, refs };
}

function countTarget(t: Target, ctx: EvaluationContext, period: Period): Outcome | Missing {
  const c = ctx.counts;
  if (!c) return { reason: NOT_COLLECTED(period.year) };
  const detail: EvaluationDetail = { denominator: c.denominator };
  switch (t.kind) {
    case 'floor': {
      // Households below the line; the count is projected when the year is incomplete.
      if (c.denominator === 0) return { reason: NO_HOUSEHOLDS };
      detail.count = c.numerator;
      detail.share = c.numerator / c.denominator;
      return { actual: c.numerator, target: valueForYear(t.value, period.year) ?? 0, projected: !period.complete, detail, refs: [] };
    }
    case 'share': {
      if (c.denominator === 0) return { reason: NO_HOUSEHOLDS };
      const v = valueForYear(t.value, period.year);
      if (v === undefined) return { reason: NO_THRESHOLD(period.year) };
      detail.count = c.numerator;
      return { actual: c.numerator / c.denominator, target: v, projected: false, detail, refs: [] };
    }
    case 'count': {
      const v = valueForYear(t.value, period.year);
      if (v === undefined) return { reason: NO_THRESHOLD(period.year) };
      let target = v;
      if (t.scaleWithDemo && ctx.scale !== 1) {
        target = v * ctx.scale;
        detail.scale = ctx.scale;
        detail.planValue = v;
      }
      return { actual: c.numerator, target, projected: false, detail, refs: [] };
    }
    default:
      return { reason: UNSUPPORTED(t) };
  }
}

const NOT_COLLECTED = (year: number): LocalizedText => ({
  zh: `数据集中没有${year}年的相应数据`,
  en: `The dataset holds no figures for ${year}`,
});
const NO_PROJECTION: LocalizedText = {
  zh: '没有往年同期数据，无法推算全年',
  en: 'No earlier year has the same quarters, so the year cannot be projected',
};
const NO_REFERENCE = (series: string, region: string, year: number): LocalizedText => ({
  zh: `参考序列 ${series}（${region}）缺少${year}年的数值`,
  en: `Reference series ${series} (${region}) has no value for ${year}`,
});
const NO_THRESHOLD = (year: number): LocalizedText => ({ zh: `方案没有给出${year}年的目标值`, en: `The plan sets no value for ${year}` });
const NO_HOUSEHOLDS: LocalizedText = { zh: '该地区没有此类户', en: 'No households of this kind in the unit' };
const UNSUPPORTED = (t: Target): LocalizedText => ({
  zh: `不支持的目标组合：${t.kind} / ${t.metric}`,
  en: `Unsupported target: ${t.kind} of ${t.metric}`,
});

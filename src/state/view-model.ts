import type { Manifest } from '../domain/dataset';
import type { RegionStats, SumsIndex } from '../domain/income';
import { resolvePeriod, selectableYears, type Period } from './period';
import type { Metric, ViewState } from './view-state';

/** What the screen shows for a view state, derived from the loaded sums; no I/O, no React. */
export interface ViewModel {
  period: Period | null;
  /** Years the selector offers, each with the quarter it stands for (< 4: year to date). */
  years: { year: number; quarter: number }[];
  /** Stats of the unit on screen (the KPI strip) for the period. */
  unit: RegionStats | undefined;
  /** Stats per code of the regions on the map for the period (regions without data are absent). */
  children: Map<string, RegionStats>;
  /** The sums the map regions' figures come from (every period they hold). */
  childSums: SumsIndex;
}

/**
 * The period comes from the dataset root's sums (which years hold data), so every level of a
 * drill shows the same period; the unit's and the map regions' figures come from `unitSums` and
 * `childSums` — pre-aggregates, or the engine's sums under a cross-filter.
 */
export function deriveViewModel(
  state: Pick<ViewState, 'year' | 'quarter'>,
  manifest: Pick<Manifest, 'asOf' | 'years' | 'root'>,
  rootSums: SumsIndex,
  unit: { code: string; sums: SumsIndex },
  childSums: SumsIndex,
  childCodes: string[],
): ViewModel {
  const rootCode = manifest.root.code;
  const has = (y: number, q: number) => rootSums.get(rootCode, y, q) !== undefined;
  const period = resolvePeriod(state, manifest, has);
  const children = new Map<string, RegionStats>();
  if (period) {
    for (const code of childCodes) {
      const s = childSums.stats(code, period.year, period.quarter);
      if (s) children.set(code, s);
    }
  }
  return {
    period,
    years: selectableYears(manifest, has),
    unit: period ? unit.sums.stats(unit.code, period.year, period.quarter) : undefined,
    children,
    childSums,
  };
}

/** The number a metric shows for a region: per-capita net income (yuan) or its growth (0.163). */
export function metricValue(stats: RegionStats | undefined, metric: Metric): number {
  if (!stats) return Number.NaN;
  if (metric === 'income') return stats.perCapita;
  if (metric === 'growth') return stats.growth;
  return Number.NaN; // gap and status come from the targets engine, not from the sums

}

/**
 * A metric's values of the map regions over every year the selector offers (each year at its own
 * quarter): the pool the map's classes are found from when they are kept across years.
 */
export function poolValues(years: { year: number; quarter: number }[], childSums: SumsIndex, codes: string[], metric: Metric): number[] {
  const out: number[] = [];
  for (const { year, quarter } of years) {
    for (const code of codes) {
      const v = metricValue(childSums.stats(code, year, quarter), metric);
      if (Number.isFinite(v)) out.push(v);
    }
  }
  return out;
}

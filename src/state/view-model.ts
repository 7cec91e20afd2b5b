import type { Manifest } from '../domain/dataset';
import type { RegionStats, SumsIndex } from '../domain/income';
import { resolvePeriod, selectableYears, type Period } from './period';
import type { Metric, ViewState } from './view-state';

/** What the screen shows for a view state, derived from the loaded sums; no I/O, no React. */
export interface ViewModel {
  period: Period | null;
  /** Years the selector offers, each with the quarter it stands for (< 4: year to date). */
  years: { year: number; quarter: number }[];
  /** Stats of the dataset's root region for the period. */
  root: RegionStats | undefined;
  /** Stats per county code for the period (counties without data are absent). */
  counties: Map<string, RegionStats>;
}

export function deriveViewModel(
  state: Pick<ViewState, 'year' | 'quarter'>,
  manifest: Pick<Manifest, 'asOf' | 'years' | 'root'>,
  rootSums: SumsIndex,
  countySums: SumsIndex,
  countyCodes: string[],
): ViewModel {
  const rootCode = manifest.root.code;
  const has = (y: number, q: number) => rootSums.get(rootCode, y, q) !== undefined;
  const period = resolvePeriod(state, manifest, has);
  const counties = new Map<string, RegionStats>();
  if (period) {
    for (const code of countyCodes) {
      const s = countySums.stats(code, period.year, period.quarter);
      if (s) counties.set(code, s);
    }
  }
  return {
    period,
    years: selectableYears(manifest, has),
    root: period ? rootSums.stats(rootCode, period.year, period.quarter) : undefined,
    counties,
  };
}

/** The number a metric shows for a region: per-capita net income (yuan) or its growth (0.163). */
export function metricValue(stats: RegionStats | undefined, metric: Metric): number {
  if (!stats) return Number.NaN;
  return metric === 'income' ? stats.perCapita : stats.growth;
}

import { villagePairs, type FullYearIndex } from './full-years';
import { fullestWindow, round4 } from './stats';
import { IDENTICAL_GROWTH as T } from './thresholds';
import type { IntegrityFlag } from './types';

/** The measures of growth compared; a village is flagged on the one most concentrated. */
export type GrowthMeasure = 'per_capita_rate' | 'household_increase' | 'per_capita_increase';

/**
 * identical_growth: the share of a village's households (with full years `year − 1` and `year`,
 * and positive per-capita income the year before) whose growth falls in one window of the
 * tolerance — the same per-capita growth rate to 0.1 point, or the same increase to the yuan, of
 * household net or per-capita income. Flagged at `T.share` or more with `T.minHouseholds`
 * compared. detail: `measure` (GrowthMeasure), `value` (the window's middle: a rate or yuan).
 */
export function identicalGrowthFlags(index: FullYearIndex, villageCode: string, year: number): IntegrityFlag[] {
  const pairs = villagePairs(index, villageCode, year).filter((p) => p.prev.perCapita > 0);
  if (pairs.length < T.minHouseholds) return [];
  const measures: [GrowthMeasure, number[], number][] = [
    ['per_capita_rate', pairs.map((p) => p.cur.perCapita / p.prev.perCapita - 1), T.rateTolerance],
    ['household_increase', pairs.map((p) => p.cur.net - p.prev.net), T.increaseTolerance],
    ['per_capita_increase', pairs.map((p) => p.cur.perCapita - p.prev.perCapita), T.increaseTolerance],
  ];
  let best: { measure: GrowthMeasure; count: number; centre: number } | null = null;
  for (const [measure, values, tolerance] of measures) {
    const w = fullestWindow(values, tolerance);
    if (!best || w.count > best.count) best = { measure, ...w };
  }
  const share = best!.count / pairs.length;
  if (share < T.share) return [];
  return [{
    level: 'village', code: villageCode, villageCode, flag: 'identical_growth',
    statistic: round4(share), threshold: T.share, households: best!.count, year,
    detail: { measure: best!.measure, value: round4(best!.centre), compared: pairs.length },
  }];
}

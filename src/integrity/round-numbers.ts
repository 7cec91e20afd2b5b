import { villageYears, type FullYearIndex } from './full-years';
import { binomialCriticalCount, binomialUpperTail, round4 } from './stats';
import { ROUND_NUMBERS as T } from './thresholds';
import type { IntegrityFlag } from './types';

/** Whether a yuan figure is a whole multiple of `unit` (figures stored as DOUBLE, so within float error). */
export function isRound(value: number, unit: number): boolean {
  const q = value / unit;
  return Math.abs(q - Math.round(q)) < 1e-9 * Math.max(1, Math.abs(q));
}

/**
 * round_numbers: the share of the village's non-zero full-year wage and operating figures of
 * `year` that are multiples of `T.unit`. Flagged when there are at least `T.minValues` figures,
 * the share is at least `T.minShare` and the count's binomial tail probability at
 * `T.expectedShare` is below `T.alpha`. Statistic: the share; threshold: the smallest share that
 * would have been flagged with that many figures. households: those with a round figure.
 * detail: `round`, `values`, `unit`, `p`.
 */
export function roundNumberFlags(index: FullYearIndex, villageCode: string, year: number): IntegrityFlag[] {
  let values = 0;
  let round = 0;
  let households = 0;
  for (const y of villageYears(index, villageCode, year)) {
    let any = false;
    for (const v of [y.wage, y.operating]) {
      if (v === 0) continue;
      values++;
      if (isRound(v, T.unit)) {
        round++;
        any = true;
      }
    }
    if (any) households++;
  }
  if (values < T.minValues) return [];
  const share = round / values;
  const p = binomialUpperTail(round, values, T.expectedShare);
  if (share < T.minShare || p >= T.alpha) return [];
  const k = binomialCriticalCount(values, T.expectedShare, T.alpha) ?? values;
  return [{
    level: 'village', code: villageCode, villageCode, flag: 'round_numbers',
    statistic: round4(share), threshold: round4(Math.max(T.minShare, k / values)), households, year,
    detail: { round, values, unit: T.unit, p: Number(p.toPrecision(3)) },
  }];
}

import { villagePairs, type FullYearIndex } from './full-years';
import { round4 } from './stats';
import { PERSONS_CHANGE as T } from './thresholds';
import type { IntegrityFlag } from './types';

/**
 * persons_change: households whose persons (from the income rows' own `persons`, the optional
 * per-period column) fell from full year `year − 1` to `year` while net income did not fall (by more than
 * `T.netTolerance`).
 * Statistic: persons before / persons after − 1, the per-capita rise the smaller denominator
 * alone gives; threshold: `T.minGain`. Datasets with one persons value per household (the
 * contract's households.parquet alone, e.g. the demos) cannot show a change and are not checked.
 * detail: `from`, `to` (persons), `prevNet`, `net` (household yuan).
 */
export function personsChangeFlags(index: FullYearIndex, villageCode: string, year: number): IntegrityFlag[] {
  const flags: IntegrityFlag[] = [];
  for (const { prev, cur } of villagePairs(index, villageCode, year)) {
    if (!prev.periodPersons || !cur.periodPersons || cur.persons >= prev.persons || cur.net < prev.net * (1 - T.netTolerance)) continue;
    const gain = prev.persons / cur.persons - 1;
    if (gain < T.minGain) continue;
    flags.push({
      level: 'household', code: cur.hhId, villageCode, flag: 'persons_change',
      statistic: round4(gain), threshold: T.minGain, households: 1, year,
      detail: { from: prev.persons, to: cur.persons, prevNet: round4(prev.net), net: round4(cur.net) },
    });
  }
  return flags;
}

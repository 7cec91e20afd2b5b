import { round4 } from './stats';
import { COMPONENTS_MISMATCH as T } from './thresholds';
import type { IntegrityFlag, IntegrityHousehold, IntegrityIncome } from './types';

/**
 * components_mismatch: income rows of `year` (any quarter) whose stated total
 * (`net_income_stated`) differs from wage + operating + property + transfer by more than
 * `T.relative` of the larger and more than `T.absolute` yuan. One flag per household and year, on
 * its worst row. Statistic: |stated − sum| / max(stated, sum); threshold: `T.relative`. Rows
 * without a stated total (and datasets without the column) are not checked. detail: `stated`,
 * `sum`, `quarter`.
 */
export function componentsMismatchFlags(
  households: ReadonlyMap<string, IntegrityHousehold>,
  income: readonly IntegrityIncome[],
  year: number,
): IntegrityFlag[] {
  const worst = new Map<string, IntegrityFlag>();
  for (const r of income) {
    if (r.year !== year || r.net_income_stated === null || r.net_income_stated === undefined) continue;
    const h = households.get(r.hh_id);
    if (!h) continue;
    const stated = r.net_income_stated;
    const sum = r.wage + r.operating + r.property + r.transfer;
    const diff = Math.abs(stated - sum);
    const scale = Math.max(Math.abs(stated), Math.abs(sum));
    const relative = scale > 0 ? diff / scale : 0;
    if (diff <= T.absolute || relative <= T.relative) continue;
    const before = worst.get(r.hh_id);
    if (before && before.statistic >= round4(relative)) continue;
    worst.set(r.hh_id, {
      level: 'household', code: r.hh_id, villageCode: h.village_code, flag: 'components_mismatch',
      statistic: round4(relative), threshold: T.relative, households: 1, year,
      detail: { stated: round4(stated), sum: round4(sum), quarter: r.quarter },
    });
  }
  return [...worst.values()];
}

import { zeroSums, type RegionPeriodSums } from '../../domain/dataset';
import { filterUsesPeriod, isEmptyFilter, type HouseholdFilter } from '../../domain/filter';
import type { Connector } from '../engine/connector';
import type { Within } from './filter';
import { incomeSumsSql } from './region-sums';
import { withinExpr } from './sql';

const INCOME_PARTS = ['net', 'wage', 'operating', 'property', 'transfer'] as const;

/**
 * The sums of one unit for every period, split by the household attributes a cross-filter can test
 * without a period: category, management class, relocated. The trend and composition panels show a
 * unit's sums over all years; under such a filter they are answered from these few hundred rows in
 * JavaScript instead of a join of every income row with the filtered households (0.2–0.4 s at the
 * Ningxia root in the page). One engine query builds it, at about the cost of one filtered query,
 * so the first filter of a unit costs what it did and the next ones nothing. Filters on the
 * selected period (decline cause, income range) still go to `regionPeriodSumsSql`.
 *
 * The sums equal `regionPeriodSumsSql` under the same filter (test/integration/unit-series.test.ts),
 * up to the order of floating-point additions.
 */

/** One row of the series: a period × category × management class × relocated cell. */
type SeriesCell = Pick<RegionPeriodSums, 'year' | 'quarter' | 'households' | 'persons' | 'net' | 'wage' | 'operating' | 'property' | 'transfer'> & {
  category: string | null;
  mgmt_class: string | null;
  relocated: boolean | null;
};

/** SQL of the series' cells of `within`. */
export function unitSeriesSql(within: Within): string {
  return `SELECT i.year AS year, i.quarter AS quarter, h.category AS category, h.mgmt_class AS mgmt_class, h.relocated AS relocated,
  ${incomeSumsSql('h')}
FROM income i JOIN households h ON i.hh_key = h.hh_key
WHERE ${withinExpr('h.village_code', within.code, within.level)}
GROUP BY ALL
ORDER BY 1, 2, 3, 4, 5`;
}

export class UnitSeries {
  private constructor(
    readonly within: Within,
    private readonly cells: SeriesCell[],
  ) {}

  /** Runs `unitSeriesSql` for `within`. */
  static async build(db: Connector, within: Within): Promise<UnitSeries> {
    const rows = await db.query<SeriesCell>(unitSeriesSql(within));
    return new UnitSeries(within, rows);
  }

  /** Whether `filter` is answered here: not empty (the pre-aggregates answer that) and not on a period. */
  static answers(filter: HouseholdFilter): boolean {
    return !isEmptyFilter(filter) && !filterUsesPeriod(filter);
  }

  /**
   * The unit's sums per period under `filter`, as `queryRegionPeriodSums({level: within.level,
   * within, filter})` gives them: one row per period with households, ordered by period.
   */
  sums(filter: HouseholdFilter): RegionPeriodSums[] {
    if (filterUsesPeriod(filter)) throw new Error('A filter on a period is not answered by the unit series');
    const cats = filter.categories.length ? new Set<string>(filter.categories) : null;
    const mgmt = filter.mgmtClasses.length ? new Set<string>(filter.mgmtClasses) : null;
    const out: RegionPeriodSums[] = [];
    let row: RegionPeriodSums | null = null;
    for (const c of this.cells) {
      // As the filter's SQL: a NULL attribute passes no condition on it (`IN`, `h.relocated`, `NOT h.relocated`).
      if (cats && (c.category === null || !cats.has(c.category))) continue;
      if (mgmt && (c.mgmt_class === null || !mgmt.has(c.mgmt_class))) continue;
      if (filter.relocated !== null && c.relocated !== filter.relocated) continue;
      if (!row || row.year !== c.year || row.quarter !== c.quarter) {
        row = zeroSums(this.within.code, c.year, c.quarter);
        out.push(row);
      }
      // As `h.category <> 'tuopin'` in SQL: NULL is not monitored.
      const monitored = c.category !== null && c.category !== 'tuopin';
      const households = Number(c.households);
      row.households += households;
      row.persons += Number(c.persons);
      if (c.relocated === true) row.relocated_households += households;
      if (monitored) {
        row.monitored_households += households;
        row.monitored_persons += Number(c.persons);
        if (c.relocated === true) row.monitored_relocated_households += households;
      }
      for (const f of INCOME_PARTS) {
        row[f] += c[f];
        if (monitored) row[`monitored_${f}`] += c[f];
      }
    }
    return out.filter((r) => r.households > 0);
  }
}

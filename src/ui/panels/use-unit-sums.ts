import type { Connector } from '../../data/engine/connector';
import { queryRegionPeriodSums } from '../../data/queries/region-sums';
import { UnitSeries } from '../../data/queries/unit-series';
import type { RegionPeriodSums } from '../../domain/dataset';
import { populationOfFilter, restrictRows } from '../../domain/population';
import type { PanelContext } from './types';
import { useQuery, type QueryState } from './use-query';

/** The source of a unit's sums without a cross-filter: the pre-aggregated files. */
const PRE_AGGREGATES = 'pre-aggregates' as const;
/** The source under a filter on household attributes only: the unit's series (`UnitSeries`). */
const SERIES = 'series' as const;

/**
 * Sums of the panel's unit (`scope.within`) for every period: from the pre-aggregates when the
 * filter is no more than a population (src/domain/population.ts) and they are given (a drill then needs no engine for them); from the
 * unit's series by household attributes when the filter tests only those (`UnitSeries`, built
 * once per unit by the engine); else from the engine with the filter (`queryRegionPeriodSums`).
 * All give the same rows (the engine status checks the pre-aggregates against the household
 * records; test/integration/unit-series.test.ts the series against the query).
 */
export function useUnitPeriodSums(
  { db, scope, preSums, unitSeries }: Pick<PanelContext, 'db' | 'scope' | 'preSums' | 'unitSeries'>,
  panel: string,
): QueryState<RegionPeriodSums[]> {
  // A filter that is only a population (脱贫人口, 监测对象, all) is answered by the pre-aggregates.
  const population = populationOfFilter(scope.filter);
  const pre = population !== null && preSums ? preSums : null;
  const series = !pre && unitSeries && UnitSeries.answers(scope.filter) ? unitSeries : null;
  const kind = pre ? PRE_AGGREGATES : series ? SERIES : 'engine';
  const key = JSON.stringify([panel, scope, kind]);
  // The series needs the engine too; without one, wait for it as a query would.
  const source = pre ? PRE_AGGREGATES : series ? (db ? SERIES : null) : db;
  return useQuery<RegionPeriodSums[], Connector | typeof PRE_AGGREGATES | typeof SERIES>(source, key, async (s) => {
    if (s === PRE_AGGREGATES) return restrictRows(await pre!(scope.within), population!);
    if (s === SERIES) return (await series!(scope.within)).sums(scope.filter);
    return queryRegionPeriodSums(s, { level: scope.within.level, within: scope.within, filter: scope.filter, period: scope.period });
  });
}

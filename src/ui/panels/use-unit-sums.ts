import type { Connector } from '../../data/engine/connector';
import { queryRegionPeriodSums } from '../../data/queries/region-sums';
import type { RegionPeriodSums } from '../../domain/dataset';
import { isEmptyFilter } from '../../domain/filter';
import type { PanelContext } from './types';
import { useQuery, type QueryState } from './use-query';

/** The source of a unit's sums without a cross-filter: the pre-aggregated files. */
const PRE_AGGREGATES = 'pre-aggregates' as const;

/**
 * Sums of the panel's unit (`scope.within`) for every period: from the pre-aggregates when the
 * cross-filter is empty and they are given (a drill then needs no engine for them), else from the
 * engine with the filter (`queryRegionPeriodSums`). Both give the same rows (the engine status
 * checks the pre-aggregates against the household records).
 */
export function useUnitPeriodSums({ db, scope, preSums }: Pick<PanelContext, 'db' | 'scope' | 'preSums'>, panel: string): QueryState<RegionPeriodSums[]> {
  const pre = isEmptyFilter(scope.filter) && preSums ? preSums : null;
  const key = JSON.stringify([panel, scope, pre ? PRE_AGGREGATES : 'engine']);
  return useQuery<RegionPeriodSums[], Connector | typeof PRE_AGGREGATES>(pre ? PRE_AGGREGATES : db, key, (source) =>
    source === PRE_AGGREGATES
      ? pre!(scope.within)
      : queryRegionPeriodSums(source, { level: scope.within.level, within: scope.within, filter: scope.filter, period: scope.period }),
  );
}

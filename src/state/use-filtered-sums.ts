import { useEffect, useState } from 'react';
import type { DatasetClient } from '../data/dataset-client';
import { queryRegionPeriodSums } from '../data/queries/region-sums';
import type { Level } from '../domain/dataset';
import { isEmptyFilter, type HouseholdFilter, type Period } from '../domain/filter';
import { SumsIndex } from '../domain/income';
import type { MapScope } from '../domain/drill';
import { serializeFilter } from './filter-param';

export type FilteredSums =
  | { state: 'off' }
  | { state: 'running' }
  | { state: 'ready'; childSums: SumsIndex; unitSums: SumsIndex }
  | { state: 'error'; message: string };

/**
 * Sums under a non-empty cross-filter. 'off' when the filter is empty (the view then uses the
 * pre-aggregates). With a period, they come from the scope's cross-filter cube
 * (`DatasetClient.filterCube`: one engine query per map scope and period, then any filter in
 * JavaScript) — the regions on the map and the unit itself, for the period and a year before, which
 * is all the map and the KPI strip show. A filter the cube cannot answer exactly (an income range
 * off its bin grid) is asked of the engine (`queryRegionPeriodSums`): one query for the regions on
 * the map, one for the unit.
 */
export function useFilteredSums(
  client: DatasetClient,
  unit: { code: string; level: Level } | null,
  scope: MapScope | null,
  filter: HouseholdFilter,
  period: Period | null,
): FilteredSums {
  // The result is tagged with the question it answers, so a stale answer is never shown for a new unit.
  const [result, setResult] = useState<{ key: string; sums: FilteredSums }>({ key: '', sums: { state: 'off' } });
  const empty = isEmptyFilter(filter);
  const key = empty || !unit || !scope ? '' : `${unit.code}|${scope.level}|${scope.scope}|${serializeFilter(filter)}|${period?.year}|${period?.quarter}`;

  useEffect(() => {
    if (!key || !unit || !scope) {
      setResult({ key, sums: { state: 'off' } });
      return;
    }
    let cancelled = false;
    setResult({ key, sums: { state: 'running' } });
    (async () => {
      if (period) {
        const cube = await client.filterCube(scope, period);
        if (cube.answers(filter)) {
          if (!cancelled) setResult({ key, sums: { state: 'ready', childSums: new SumsIndex(cube.sums(filter)), unitSums: new SumsIndex(cube.sums(filter, unit)) } });
          return;
        }
      }
      const db = await client.engineFor(scope.scope);
      const [children, own] = await Promise.all([
        queryRegionPeriodSums(db, { level: scope.level, within: { code: scope.scope, level: scope.scopeLevel }, filter, period }),
        queryRegionPeriodSums(db, { level: unit.level, within: { code: unit.code, level: unit.level }, filter, period }),
      ]);
      if (!cancelled) setResult({ key, sums: { state: 'ready', childSums: new SumsIndex(children), unitSums: new SumsIndex(own) } });
    })().catch((e: unknown) => {
      if (!cancelled) setResult({ key, sums: { state: 'error', message: e instanceof Error ? e.message : String(e) } });
    });
    return () => {
      cancelled = true;
    };
    // `key` stands for unit, scope, filter and period.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key]);

  if (result.key === key) return result.sums;
  return key ? { state: 'running' } : { state: 'off' };
}

import { useEffect, useState } from 'react';
import { PartitionScopeError, type DatasetClient } from '../data/dataset-client';
import { availablePlans, loadBundledPlan } from '../data/plans';
import type { IntegrityRun, VillagePlace } from '../data/queries/integrity';
import type { Level, Manifest } from '../domain/dataset';
import { ancestorCode } from '../domain/region-code';

/** The integrity flags of a scope and year, with the flagged villages' names and centres. */
export interface IntegrityResult extends IntegrityRun {
  villages: Map<string, VillagePlace>;
  /** The region whose households were checked (whole counties: the unit, or its county). */
  checked: { code: string; level: Level };
}

export type IntegrityState =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'ready'; value: IntegrityResult }
  | { state: 'error'; message: string; partition: boolean };

/**
 * The region to check for `unit`: the unit itself at county level or above, else its county, so
 * that each village's peer group (its village, township or county, src/integrity/implausible-jump.ts)
 * is whole and the page gives exactly the flags `npm run integrity` gives for the same villages.
 */
export function integrityScope(unit: { code: string; level: Level }): { code: string; level: Level } {
  return unit.level <= 3 ? unit : { code: ancestorCode(unit.code, 3), level: 3 };
}

/** The full year the checks speak of for a period on screen: its own, or the year before a year-to-date one. */
export function integrityYear(period: { year: number; quarter: number }): number {
  return period.quarter === 4 ? period.year : period.year - 1;
}

const runs = new WeakMap<DatasetClient, Map<string, Promise<IntegrityResult>>>();
/** Checked scopes kept per client (each holds only flags; the rows are not kept here). */
const RUNS_KEPT = 4;

function run(client: DatasetClient, manifest: Manifest, scope: { code: string; level: Level }, year: number): Promise<IntegrityResult> {
  let cache = runs.get(client);
  if (!cache) runs.set(client, (cache = new Map()));
  const key = `${scope.code}|${year}`;
  let p = cache.get(key);
  if (!p) {
    p = (async () => {
      // The checks' code is its own chunk, fetched when the panel is first opened (not on the first screen).
      const [db, plans, { queryIntegrityFlags, queryVillagePlaces }] = await Promise.all([
        client.engineFor(scope.code),
        Promise.all(availablePlans(manifest.plans).map((id) => loadBundledPlan(id))),
        import('../data/queries/integrity'),
      ]);
      const within = scope.code === manifest.root.code ? undefined : scope;
      const result = await queryIntegrityFlags(db, { rootCode: manifest.root.code, plans, within, years: [year] });
      const villages = await queryVillagePlaces(db, result.flags.map((f) => f.villageCode));
      return { ...result, villages, checked: scope };
    })();
    p.catch(() => cache!.delete(key));
    cache.set(key, p);
    while (cache.size > RUNS_KEPT) cache.delete(cache.keys().next().value!);
  }
  return p;
}

/** Runs the checks for the unit's county (or the unit) and year once `enabled`; the last answer wins. */
export function useIntegrity(client: DatasetClient, manifest: Manifest, unit: { code: string; level: Level }, year: number | null, enabled: boolean): IntegrityState {
  const scope = integrityScope(unit);
  const key = enabled && year !== null ? `${scope.code}|${year}` : null;
  const [result, setResult] = useState<{ key: string | null; state: IntegrityState }>({ key: null, state: { state: 'idle' } });
  useEffect(() => {
    if (key === null || year === null) return;
    let live = true;
    setResult({ key, state: { state: 'running' } });
    run(client, manifest, scope, year).then(
      (value) => live && setResult({ key, state: { state: 'ready', value } }),
      (e: unknown) => live && setResult({ key, state: { state: 'error', message: e instanceof Error ? e.message : String(e), partition: e instanceof PartitionScopeError } }),
    );
    return () => {
      live = false;
    };
    // `scope` and `year` are named by `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, client, manifest]);
  return key === null ? { state: 'idle' } : result.key === key ? result.state : { state: 'running' };
}

import { useEffect, useState } from 'react';
import type { DatasetClient } from '../data/dataset-client';
import { evaluatePlan } from '../data/plan-evaluation';
import { loadBundledPlan } from '../data/plans';
import type { Manifest } from '../domain/dataset';
import { levelOfCode } from '../domain/drill';
import type { Plan, TargetEvaluation } from '../targets/types';

export type TargetMap =
  | { state: 'idle' | 'loading' }
  | { state: 'ready'; plan: Plan; byTarget: Map<string, Map<string, TargetEvaluation>> }
  | { state: 'error'; message: string };

/**
 * Every target of the plan evaluated on the units the map shows, for the gap and status maps.
 * Runs only when `enabled` (one of those maps is chosen) and the engine has been started.
 */
export function useTargetMap(
  client: DatasetClient,
  enabled: boolean,
  manifest: Manifest,
  planId: string | null,
  codes: string[],
  year: number | null,
  /** The region whose children `codes` are (its households must be in the engine: `engineFor`). */
  scopeCode: string,
): TargetMap {
  const [out, setOut] = useState<TargetMap>({ state: 'idle' });
  const key = codes.join(',');
  useEffect(() => {
    if (!enabled || !planId || year === null || codes.length === 0) {
      setOut({ state: 'idle' });
      return;
    }
    let live = true;
    setOut({ state: 'loading' });
    void (async () => {
      const plan = await loadBundledPlan(planId);
      // Above county level the plan's report evaluated ahead answers (`manifest.reports`: the root,
      // cities and counties) when it holds every unit shown; otherwise the engine.
      const report = levelOfCode(scopeCode) < 3 ? await client.precomputedReport(planId) : null;
      const wanted = new Set(codes);
      const covered = report && new Set(report.map((r) => r.regionCode));
      const rows = report && codes.every((c) => covered!.has(c))
        ? report.filter((r) => r.year === year && wanted.has(r.regionCode))
        : await evaluatePlan(await client.engineFor(scopeCode), { plan, manifest, codes, year });
      const byTarget = new Map<string, Map<string, TargetEvaluation>>();
      for (const r of rows) {
        if (!byTarget.has(r.targetId)) byTarget.set(r.targetId, new Map());
        byTarget.get(r.targetId)!.set(r.regionCode, r);
      }
      if (live) setOut({ state: 'ready', plan, byTarget });
    })().catch((error: unknown) => live && setOut({ state: 'error', message: (error as Error).message }));
    return () => {
      live = false;
    };
    // `key` stands for `codes`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, enabled, manifest, planId, key, year, scopeCode]);
  return out;
}

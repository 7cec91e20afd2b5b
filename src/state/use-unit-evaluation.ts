import { useEffect, useState } from 'react';
import type { DatasetClient } from '../data/dataset-client';
import { evaluatePlan } from '../data/plan-evaluation';
import { loadBundledPlan } from '../data/plans';
import type { Plan, TargetEvaluation } from '../targets/types';
import { evaluateFromAggregates, unitRefOf } from '../briefing/public-targets';
import { levelOfCode } from '../domain/drill';
import { ancestorCode } from '../domain/region-code';
import type { Level } from '../domain/dataset';
import type { SumsIndex } from '../domain/income';

export type UnitEvaluation =
  | { state: 'loading' }
  | { state: 'ready'; plan: Plan; rows: TargetEvaluation[]; source: 'report' | 'engine' | 'aggregates' }
  | { state: 'none' }
  | { state: 'error'; message: string };

/**
 * The plan's targets evaluated on one unit for one year, as the scorecard shows them: from the
 * report computed ahead (root, cities, counties) when it holds the unit, else from the engine
 * once `engineReady` (the same `evaluatePlan` as `npm run report`). A public build's dataset has
 * neither: its per-capita income targets are evaluated from the published aggregates
 * (`evaluateFromAggregates`), nothing else.
 */
export function useUnitEvaluation(client: DatasetClient, planId: string | null, unitCode: string, year: number | null, engineReady: boolean): UnitEvaluation {
  const key = `${client.baseUrl}|${planId}|${unitCode}|${year}|${engineReady}`;
  const [answer, setAnswer] = useState<{ key: string; value: UnitEvaluation }>({ key: '', value: { state: 'loading' } });
  useEffect(() => {
    if (planId === null || year === null) {
      setAnswer({ key, value: { state: 'none' } });
      return;
    }
    let live = true;
    const done = (value: UnitEvaluation) => live && setAnswer({ key, value });
    void (async () => {
      const plan = await loadBundledPlan(planId);
      if (client.manifest.public) {
        const level = levelOfCode(unitCode);
        const rootLevel = client.manifest.root.level;
        const levels = [...new Set([level, rootLevel, ...(level > rootLevel ? [(level - 1) as Level] : [])])];
        const indexes = new Map<Level, SumsIndex>();
        for (const l of levels) indexes.set(l, await client.regionSums(l));
        const parent = level > rootLevel ? ancestorCode(unitCode, (level - 1) as Level) : null;
        const rows = evaluateFromAggregates(plan, client.manifest, unitRefOf(unitCode, level, unitCode, parent), year,
          (code, y, q) => indexes.get(levelOfCode(code))?.get(code, y, q));
        return done({ state: 'ready', plan, rows, source: 'aggregates' });
      }
      const report = await client.precomputedReport(planId).catch(() => null);
      const ahead = report?.filter((r) => r.regionCode === unitCode && r.year === year && r.planId === planId) ?? [];
      if (ahead.length) return done({ state: 'ready', plan, rows: ahead, source: 'report' });
      if (!engineReady) return done({ state: 'loading' });
      const db = await client.engineFor(unitCode);
      done({ state: 'ready', plan, rows: await evaluatePlan(db, { plan, manifest: client.manifest, codes: [unitCode], year }), source: 'engine' });
    })().catch((e: unknown) => done({ state: 'error', message: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
    // `key` names every input.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return answer.key === key ? answer.value : { state: 'loading' };
}

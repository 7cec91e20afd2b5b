import type { Level, Manifest, RegionPeriodSums } from '../domain/dataset';
import { isPopulationId, restrictSums } from '../domain/population';
import { evaluateTarget, isIncomeMetric, targetApplies } from '../targets/evaluate';
import type { IncomeSums, SumsAt } from '../targets/projection';
import type { Plan, TargetEvaluation, UnitRef } from '../targets/types';

/** The published sums of a region in a period (undefined when the region has no such row). */
export type PublishedSums = (code: string, year: number, quarter: number) => RegionPeriodSums | undefined;

/**
 * The plan's per-capita income targets evaluated from published aggregates only (a public build
 * has no household records): the same `evaluateTarget` as `npm run report`, over 全部, 脱贫人口 and
 * 监测对象 sums of the unit, its parent and the plan's region. A figure suppressed by the build
 * (NaN) makes the row `no_data`, never a number; targets that need household records (counts,
 * shares), reference series or tags are left out. Pure: the page and the tests share it.
 */
export function evaluateFromAggregates(plan: Plan, manifest: Manifest, unit: UnitRef, year: number, sums: PublishedSums): TargetEvaluation[] {
  const at = (code: string | null, population: string): SumsAt => (y, q) => {
    if (!code || !isPopulationId(population)) return undefined;
    const row = sums(code, y, q);
    if (!row) return undefined;
    const r = restrictSums(row, population);
    const out: IncomeSums = { households: r.households, persons: r.persons, net: r.net };
    return Number.isFinite(out.households) && Number.isFinite(out.persons) && Number.isFinite(out.net) && out.persons > 0 ? out : undefined;
  };
  const out: TargetEvaluation[] = [];
  for (const t of plan.targets) {
    if (!isIncomeMetric(t) || t.noData || !['all', 'tuopin', 'monitored'].includes(t.population)) continue;
    if (t.reference !== undefined || typeof t.line === 'object') continue;
    if (!t.years.includes(year) || !targetApplies(t, unit, plan.region)) continue;
    const row = evaluateTarget(t, {
      planId: plan.id,
      rootCode: plan.region,
      unit,
      year,
      asOf: manifest.asOf,
      firstYear: Math.min(...manifest.years),
      scale: manifest.synthetic ? (manifest.generator?.scale ?? 1) : 1,
      sums: (population, which) => at(which === 'self' ? unit.code : which === 'root' ? plan.region : unit.parentCode, population),
      reference: () => undefined,
    });
    if (row.status !== 'no_data') out.push(row);
  }
  return out;
}

/** The unit reference of a code as the targets engine wants it (no tags: a public build has none). */
export function unitRefOf(code: string, level: Level, name: string, parentCode: string | null): UnitRef {
  return { code, level, name, tags: [], parentCode };
}

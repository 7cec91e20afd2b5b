import type { Level, Manifest } from '../domain/dataset';
import { evaluableYears, evaluateTarget, isIncomeMetric, periodOf, referenceRegion, referenceValue, targetApplies, type EvaluationContext } from '../targets/evaluate';
import { projectionFactor, type IncomeSums, type SumsAt } from '../targets/projection';
import type { Plan, Population, ReferenceStatus, Target, TargetEvaluation, UnitRef } from '../targets/types';
import type { Connector } from './engine/connector';
import { queryReference } from './queries/reference';
import { codeLiteral, intLiteral } from './queries/sql';
import { groupInPopulation, queryCollectiveYears, queryCounts, queryGroupSums, type CountRow, type GroupSums } from './queries/targets';

/**
 * Evaluates a plan's targets on a dataset: fetches the metric values with the named queries of
 * `queries/targets.ts` and hands them to the pure engine (`src/targets/evaluate.ts`). The app's
 * scorecard, its map of target status and `npm run report` all call this one function.
 */
export interface PlanEvaluationRequest {
  plan: Plan;
  manifest: Manifest;
  /** Units to evaluate (12-digit codes). */
  codes?: string[];
  /** Or every unit at this level inside the plan's region. Without codes or level: the plan's
   * region and every unit a target names (by code or tag). */
  level?: Level;
  /** The year; without it each target is evaluated in the latest of its years the data can answer. */
  year?: number;
}

/** Units of the plan's region by code or level, with names and tags, from the `regions` table. */
export async function queryUnits(db: Connector, where: { codes?: string[]; level?: Level; tags?: string[] }, root: string): Promise<UnitRef[]> {
  const parts: string[] = [];
  if (where.codes?.length) parts.push(`code IN (${where.codes.map(codeLiteral).join(', ')})`);
  if (where.level) parts.push(`level = ${intLiteral(where.level)}`);
  for (const tag of where.tags ?? []) {
    if (!/^[a-z_]+$/.test(tag)) throw new Error(`Not a tag: ${tag}`);
    parts.push(`list_contains(tags, '${tag}')`);
  }
  if (parts.length === 0) return [];
  const rows = await db.query<{ code: string; name: string; level: Level; parent_code: string | null; tags: string[] }>(
    `SELECT code, name, level, parent_code, tags FROM regions WHERE (${parts.join(' OR ')}) ORDER BY level, code`,
  );
  const keep = rootPrefix(root);
  return rows
    .filter((r) => r.code.startsWith(keep))
    .map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code, tags: r.tags ?? [] }));
}

function rootPrefix(code: string): string {
  return code.replace(/0+$/, '').padEnd(2, '0');
}

/** The units a request names (see `PlanEvaluationRequest`). */
async function resolveUnits(db: Connector, req: PlanEvaluationRequest): Promise<UnitRef[]> {
  const root = req.plan.region;
  if (req.codes?.length) return queryUnits(db, { codes: req.codes }, root);
  if (req.level) return queryUnits(db, { level: req.level }, root);
  const codes = new Set<string>([root]);
  const tags = new Set<string>();
  for (const t of req.plan.targets) {
    for (const c of t.appliesTo?.codes ?? []) codes.add(c);
    if (t.appliesTo?.tag) tags.add(t.appliesTo.tag);
  }
  const byCode = await queryUnits(db, { codes: [...codes] }, root);
  const tagged = tags.size ? await queryUnits(db, { tags: [...tags] }, root) : [];
  const seen = new Set<string>();
  return [...byCode, ...tagged].filter((u) => !seen.has(u.code) && seen.add(u.code));
}

/** Sums of one population of one unit by period, from the group rows. */
function sumsOf(rows: GroupSums[] | undefined, population: Population): SumsAt {
  const byPeriod = new Map<string, IncomeSums>();
  for (const g of rows ?? []) {
    if (!groupInPopulation(g, population)) continue;
    const k = `${g.year}|${g.quarter}`;
    const s = byPeriod.get(k) ?? { households: 0, persons: 0, net: 0 };
    s.households += g.households;
    s.persons += g.persons;
    s.net += g.net;
    byPeriod.set(k, s);
  }
  return (year, quarter) => byPeriod.get(`${year}|${quarter}`);
}

const INCOME_POPULATIONS: Population[] = ['tuopin', 'all', 'monitored', 'relocated', 'with_labour', 'relocated_with_labour'];
const VILLAGE_METRICS = new Set(['collective_income_share', 'collective_income_below']);

/** Evaluates every target of the plan that applies to the requested units. */
export async function evaluatePlan(db: Connector, req: PlanEvaluationRequest): Promise<TargetEvaluation[]> {
  const { plan, manifest } = req;
  const asOf = manifest.asOf;
  const firstYear = Math.min(...manifest.years);
  const scale = manifest.synthetic ? (manifest.generator?.scale ?? 1) : 1;
  const units = await resolveUnits(db, req);
  const [root] = await queryUnits(db, { codes: [plan.region] }, plan.region);
  if (!root) throw new Error(`The dataset has no region ${plan.region} (plan ${plan.id})`);

  // Income sums of every unit, its parent and the root, by level.
  const wanted = new Map<Level, Set<string>>();
  const want = (code: string | null, level: Level) => {
    if (!code) return;
    if (!wanted.has(level)) wanted.set(level, new Set());
    wanted.get(level)!.add(code);
  };
  want(root.code, root.level);
  for (const u of units) {
    want(u.code, u.level);
    if (u.parentCode && u.level > 1) want(u.parentCode, (u.level - 1) as Level);
  }
  const groups = new Map<string, GroupSums[]>();
  for (const [level, codes] of wanted) {
    for (const g of await queryGroupSums(db, level, [...codes])) {
      if (!groups.has(g.code)) groups.set(g.code, []);
      groups.get(g.code)!.push(g);
    }
  }
  const sumsCache = new Map<string, SumsAt>();
  const sums = (code: string | null, population: Population): SumsAt => {
    const key = `${code}|${population}`;
    if (!sumsCache.has(key)) sumsCache.set(key, code && INCOME_POPULATIONS.includes(population) ? sumsOf(groups.get(code), population) : () => undefined);
    return sumsCache.get(key)!;
  };
  const rootAll = sums(root.code, 'all');

  // Each series answers for itself only (the 脱贫县 series never stands in for the 脱贫人口 one), with its status.
  const reference = new Map<string, number>();
  const referenceStatus = new Map<string, ReferenceStatus>();
  for (const r of await queryReference(db)) {
    reference.set(`${r.series}|${r.region_code}|${r.year}`, r.value);
    referenceStatus.set(`${r.series}|${r.region_code}|${r.year}`, r.status ?? 'published');
  }
  const collectiveYears = new Set(await queryCollectiveYears(db));

  // Counts for the non-income metrics, one query per (target, year, level) over all units at that level.
  const countCache = new Map<string, Promise<Map<string, CountRow>>>();
  const counts = async (t: Target, unit: UnitRef, year: number): Promise<{ numerator: number; denominator: number } | undefined> => {
    if (isIncomeMetric(t) || t.noData) return undefined;
    const period = periodOf(year, asOf);
    if (!period) return undefined;
    if (VILLAGE_METRICS.has(t.metric) && !collectiveYears.has(year)) return undefined;
    // A floor whose line series has no value for the year: the engine reports the missing reference.
    const line = typeof t.line === 'number' ? t.line : t.line ? lineValue(t, year, period.complete) : undefined;
    if (t.line !== undefined && line === undefined) return undefined;
    const householdMetric = !VILLAGE_METRICS.has(t.metric) && !t.metric.startsWith('facility') && t.metric !== 'villages_with_facility_share';
    if (householdMetric && !rootAll(year, period.quarter)) return undefined;
    let factor = 1;
    if (!period.complete && (t.metric === 'households_below' || t.population === 'low_income_group')) {
      const f = projectionFactor(rootAll, year, period.quarter, firstYear);
      if (!f) return undefined;
      factor = f.factor;
    }
    const sameLevel = units.filter((u) => u.level === unit.level).map((u) => u.code);
    const key = `${t.id}|${year}|${unit.level}`;
    if (!countCache.has(key)) {
      countCache.set(key, queryCounts(db, {
        metric: t.metric,
        population: t.population,
        level: unit.level,
        codes: sameLevel,
        year,
        quarter: period.quarter,
        line,
        factor,
        exclude: t.exclude,
        destination: t.destination,
        facilityKinds: t.facilityKinds,
        everyQuarter: t.everyQuarter,
      }));
    }
    return (await countCache.get(key)!).get(unit.code);
  };
  const refValue = (series: string, region: string, year: number) => reference.get(`${series}|${region}|${year}`);
  const refStatus = (series: string, region: string, year: number) => referenceStatus.get(`${series}|${region}|${year}`);
  /** A floor line given as a reference series (e.g. the monitoring line of the year). */
  const lineValue = (t: Target, year: number, complete: boolean): number | undefined =>
    typeof t.line === 'object' ? referenceValue(refValue, t.line.series, referenceRegion(t.line.region, plan.region, ''), year, complete)?.value : undefined;

  // By default the plan's region answers every target it binds, and the units a target names only those targets.
  const named = !req.codes?.length && !req.level;
  const out: TargetEvaluation[] = [];
  for (const unit of units) {
    for (const t of plan.targets) {
      if (!targetApplies(t, unit, plan.region)) continue;
      if (named && unit.code !== plan.region && !t.appliesTo?.codes && !t.appliesTo?.tag) continue;
      const years = req.year !== undefined ? (t.years.includes(req.year) ? [req.year] : []) : evaluableYears(t, manifest.years, asOf);
      if (years.length === 0) continue;
      // Without a year asked for, an earlier year answers when the latest has no data yet.
      let first: TargetEvaluation | undefined;
      let result: TargetEvaluation | undefined;
      for (const year of years) {
        const ctx = ctxFor(unit, year);
        ctx.counts = await counts(t, unit, year);
        const r = evaluateTarget(t, ctx);
        first ??= r;
        if (r.status !== 'no_data' || t.noData) {
          result = r;
          break;
        }
      }
      result ??= first;
      if (result) out.push(result);
    }
  }
  return out;

  function ctxFor(unit: UnitRef, year: number): EvaluationContext {
    return {
      planId: plan.id,
      rootCode: plan.region,
      unit,
      year,
      asOf,
      firstYear,
      scale,
      sums: (population, which) => sums(which === 'self' ? unit.code : which === 'root' ? plan.region : unit.parentCode, population),
      reference: refValue,
      referenceStatus: refStatus,
    };
  }
}

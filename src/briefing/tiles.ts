import type { Plan, Status, TargetEvaluation } from '../targets/types';

/**
 * Which evaluated targets a briefing shows as tiles, worst first. Pure: the briefing page,
 * the PNG/PDF exports and the tests pick the same rows.
 */

const SEVERITY: Record<Status, number> = { missed: 0, at_risk: 1, on_track: 2, met: 3, no_data: 4 };

export interface TileRow {
  row: TargetEvaluation;
  label: { zh: string; en: string };
}

/**
 * The headline target of a population (the first per-capita income level target of the plan that
 * counts it, evaluated with data), and up to `more` other evaluated targets, the worst first (missed,
 * at risk, on track, met; plan order within a status). Rows without data are left out.
 */
export function pickTiles(plan: Plan, rows: readonly TargetEvaluation[], population: string, more = 3): { headline: TileRow | null; growth: TileRow | null; others: TileRow[]; counts: Record<Status, number> } {
  const byId = new Map(plan.targets.map((t, i) => [t.id, { t, i }]));
  const withData = rows.filter((r) => r.status !== 'no_data' && byId.has(r.targetId));
  const income = (kind: string) => withData.find((r) => {
    const t = byId.get(r.targetId)!.t;
    return t.metric === 'per_capita_income' && t.population === population && t.kind === kind;
  });
  const headRow = income('level') ?? income('floor') ?? income('relative') ?? income('ratio') ?? null;
  const growthRow = income('growth') ?? null;
  const used = new Set([headRow?.targetId, growthRow?.targetId]);
  const others = withData
    .filter((r) => !used.has(r.targetId))
    .sort((a, b) => SEVERITY[a.status] - SEVERITY[b.status] || byId.get(a.targetId)!.i - byId.get(b.targetId)!.i)
    .slice(0, more);
  const tile = (r: TargetEvaluation | null): TileRow | null => (r ? { row: r, label: byId.get(r.targetId)!.t.label } : null);
  const counts: Record<Status, number> = { met: 0, on_track: 0, at_risk: 0, missed: 0, no_data: 0 };
  for (const r of rows) if (byId.has(r.targetId)) counts[r.status]++;
  return { headline: tile(headRow), growth: tile(growthRow), others: others.map((r) => tile(r)!), counts };
}

export interface Ranked {
  code: string;
  value: number;
}

/**
 * The `n` weakest units: the lowest values first (for a gap, the largest shortfall), units without a
 * finite value left out, ties by code so the order is stable.
 */
export function weakestUnits(values: ReadonlyMap<string, number>, n = 5): Ranked[] {
  return [...values]
    .filter(([, v]) => Number.isFinite(v))
    .map(([code, value]) => ({ code, value }))
    .sort((a, b) => a.value - b.value || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .slice(0, n);
}

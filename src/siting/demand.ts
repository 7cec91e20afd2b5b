import type { LonLat } from './geo';

/**
 * The demand populations of CONTRACT.md "Site selection", for a year Y:
 *  - `low_income_labour`: labour > 0, full-year (quarter 4) per-capita net income in Y below
 *    12,000 yuan and not above Y−1's (seed 004's 低收入组; a household without both years'
 *    full-year rows is not counted);
 *  - `monitoring_labour`: category other than `tuopin` and labour > 0;
 *  - `zero_employment`: labour > 0 and no one employed in Y (the three employed columns of Y's
 *    full-year row sum to 0; a household without that row is not counted);
 *  - `labour`: labour > 0.
 */
export const SITING_POPULATIONS = ['low_income_labour', 'monitoring_labour', 'zero_employment', 'labour'] as const;
export type SitingPopulation = (typeof SITING_POPULATIONS)[number];
export const DEFAULT_SITING_POPULATION: SitingPopulation = 'low_income_labour';
/** Seed 004 §二(一)4: the low-income group's line, yuan per person per year. */
export const LOW_INCOME_LINE = 12000;

export function isSitingPopulation(value: unknown): value is SitingPopulation {
  return typeof value === 'string' && (SITING_POPULATIONS as readonly string[]).includes(value);
}

/**
 * Households of one village sharing the two flags weights can depend on (monitoring object,
 * relocated), with their counts: all households, persons, labour (persons able to work) and the
 * households of each demand population. What the demand query returns (src/data/queries/siting.ts).
 */
export interface DemandCell {
  villageCode: string;
  monitored: boolean;
  relocated: boolean;
  households: number;
  persons: number;
  labour: number;
  populations: Record<SitingPopulation, number>;
}

/** A village centre (regions.parquet level 5 `lon`/`lat`). */
export interface Village extends LonLat {
  code: string;
  name: string;
}

/**
 * Weights of household groups (`--weight monitored=2`): a household counts the product of the
 * weights of the groups it belongs to (1 when it belongs to none).
 */
export interface Weights {
  monitored?: number;
  tuopin?: number;
  relocated?: number;
}
export const WEIGHT_GROUPS = ['monitored', 'tuopin', 'relocated'] as const;

/** `monitored=2,relocated=1.5` → weights; throws with the reason on anything else. */
export function parseWeights(text: string): Weights {
  const out: Weights = {};
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([a-z_]+)\s*=\s*([0-9]*\.?[0-9]+(?:e[+-]?\d+)?)$/i.exec(part);
    if (!m) throw new Error(`Bad weight "${part}": expected <group>=<number>, groups ${WEIGHT_GROUPS.join(', ')}`);
    const group = m[1] as (typeof WEIGHT_GROUPS)[number];
    if (!(WEIGHT_GROUPS as readonly string[]).includes(group)) throw new Error(`Unknown weight group "${m[1]}" (groups: ${WEIGHT_GROUPS.join(', ')})`);
    const value = Number(m[2]);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`Weight of ${group} must be a positive number, not ${m[2]}`);
    if (out[group] !== undefined) throw new Error(`Weight of ${group} given twice`);
    out[group] = value;
  }
  return out;
}

export function hasWeights(w: Weights | undefined): w is Weights {
  return !!w && Object.keys(w).length > 0;
}

/** `monitored=2` back from weights (groups in a fixed order), or '' for none. */
export function formatWeights(w: Weights | undefined): string {
  if (!hasWeights(w)) return '';
  return WEIGHT_GROUPS.filter((g) => w[g] !== undefined).map((g) => `${g}=${w[g]}`).join(',');
}

export function cellWeight(cell: Pick<DemandCell, 'monitored' | 'relocated'>, w: Weights | undefined): number {
  if (!w) return 1;
  let f = 1;
  if (cell.monitored) f *= w.monitored ?? 1;
  else f *= w.tuopin ?? 1;
  if (cell.relocated) f *= w.relocated ?? 1;
  return f;
}

/** A village's demand: households of the population there, and their weighted count. */
export interface DemandPoint extends Village {
  households: number;
  weighted: number;
}

export interface Demand {
  points: DemandPoint[];
  /** Households of the population whose village has no centre in the regions table (not placed). */
  unplaced: number;
  unplacedVillages: string[];
}

/** The population's demand per village centre, villages in code order; villages without any left out. */
export function demandPoints(cells: readonly DemandCell[], villages: readonly Village[], population: SitingPopulation, weights?: Weights): Demand {
  const byCode = new Map(villages.map((v) => [v.code, v]));
  const acc = new Map<string, { households: number; weighted: number }>();
  for (const c of cells) {
    const n = c.populations[population];
    if (!n) continue;
    const a = acc.get(c.villageCode) ?? { households: 0, weighted: 0 };
    a.households += n;
    a.weighted += n * cellWeight(c, weights);
    acc.set(c.villageCode, a);
  }
  const points: DemandPoint[] = [];
  let unplaced = 0;
  const unplacedVillages: string[] = [];
  for (const code of [...acc.keys()].sort()) {
    const v = byCode.get(code);
    const a = acc.get(code)!;
    if (!v || !Number.isFinite(v.lon) || !Number.isFinite(v.lat)) {
      unplaced += a.households;
      unplacedVillages.push(code);
      continue;
    }
    points.push({ ...v, households: a.households, weighted: a.weighted });
  }
  return { points, unplaced, unplacedVillages };
}

import type { RegionPeriodSums } from './dataset';
import { CATEGORY_IDS, NO_FILTER, type CategoryId, type HouseholdFilter } from './filter';
import { SumsIndex } from './income';

/**
 * The populations a figure speaks of (DOMAIN.md "Who is counted"), one definition shared by the
 * KPI strip, the map, the panels, the targets engine and the tools:
 *  - `tuopin`: 脱贫人口 — households of category `tuopin` (DOMAIN.md: 脱贫户 / 脱贫人口 (tuopin));
 *  - `monitored`: 防止返贫监测对象 — the three monitoring kinds (`unstable`, `marginal`, `sudden`);
 *  - `all`: both together (seeds 000 and 003 call them "脱贫人口" together for their targets).
 * A household has one category, so the two are disjoint: a 脱贫不稳定户 counts as a monitoring
 * object (src/targets/types.ts `Population` says the same).
 *
 * A population is a restriction on household category, so it is the cross-filter's category
 * condition (`applyPopulation`), and the pre-aggregates answer it without the engine: each row
 * carries the monitoring objects' own sums (`monitored_*`), and 脱贫人口 = all − monitored
 * (`restrictSums`). Which one a dataset shows first is the plan's (`defaultPopulation`).
 */
export const POPULATION_IDS = ['tuopin', 'monitored', 'all'] as const;
export type PopulationId = (typeof POPULATION_IDS)[number];

/** The categories a population keeps; empty = every household. */
export const POPULATION_CATEGORIES: Readonly<Record<PopulationId, readonly CategoryId[]>> = {
  tuopin: ['tuopin'],
  monitored: CATEGORY_IDS.filter((c) => c !== 'tuopin'),
  all: [],
};

/** SQL condition on a households table alias keeping a population's households. */
export function populationCondition(population: PopulationId, alias: string): string {
  if (!/^[a-z_]+$/.test(alias)) throw new Error(`Bad alias ${alias}`);
  const cats = POPULATION_CATEGORIES[population];
  return cats.length === 0 ? 'TRUE' : `${alias}.category IN (${cats.map((c) => `'${c}'`).join(', ')})`;
}

export function isPopulationId(value: unknown): value is PopulationId {
  return typeof value === 'string' && (POPULATION_IDS as readonly string[]).includes(value);
}

/**
 * The filter the data layer applies: the user's cross-filter within the population. Categories the
 * user chose outside the population are dropped (they would keep nobody); when none is left, the
 * population's own categories stand.
 */
export function applyPopulation(filter: HouseholdFilter, population: PopulationId): HouseholdFilter {
  const allowed = POPULATION_CATEGORIES[population];
  if (allowed.length === 0) return filter;
  const chosen = filter.categories.filter((c) => allowed.includes(c));
  return { ...filter, categories: chosen.length > 0 ? chosen : [...allowed] };
}

/** The user's categories that lie inside the population (the ones `applyPopulation` keeps). */
export function categoriesWithin(filter: HouseholdFilter, population: PopulationId): CategoryId[] {
  const allowed = POPULATION_CATEGORIES[population];
  return allowed.length === 0 ? filter.categories : filter.categories.filter((c) => allowed.includes(c));
}

/**
 * The population a filter is exactly (a category condition and nothing else), or null. Such a filter
 * is answered by the pre-aggregates through `restrictSums`.
 */
export function populationOfFilter(filter: HouseholdFilter): PopulationId | null {
  if (filter.mgmtClasses.length || filter.relocated !== null || filter.causes.length || filter.incomeRange) return null;
  const cats = new Set(filter.categories);
  for (const id of POPULATION_IDS) {
    const want = POPULATION_CATEGORIES[id];
    if (want.length === cats.size && want.every((c) => cats.has(c))) return id;
  }
  // Every category chosen keeps every household that has one: as good as `all` only if no
  // household lacks a category, which the sums cannot tell; leave it to the engine.
  return null;
}

/** The sums of one population from a row of all households' sums. */
export function restrictSums(row: RegionPeriodSums, population: PopulationId): RegionPeriodSums {
  if (population === 'all') return row;
  const out = { ...row };
  const parts = ['net', 'wage', 'operating', 'property', 'transfer'] as const;
  if (population === 'monitored') {
    out.households = row.monitored_households;
    out.persons = row.monitored_persons;
    for (const f of parts) out[f] = row[`monitored_${f}`];
    out.relocated_households = row.monitored_relocated_households;
    return out;
  }
  // 脱贫人口 = all − monitoring objects; it holds none of them.
  out.households = row.households - row.monitored_households;
  out.persons = row.persons - row.monitored_persons;
  for (const f of parts) {
    out[f] = row[f] - row[`monitored_${f}`];
    out[`monitored_${f}`] = 0;
  }
  out.relocated_households = row.relocated_households - row.monitored_relocated_households;
  out.monitored_households = 0;
  out.monitored_persons = 0;
  out.monitored_relocated_households = 0;
  return out;
}

/** Rows of one population, periods without any of its households left out (as the engine's GROUP BY would). */
export function restrictRows(rows: readonly RegionPeriodSums[], population: PopulationId): RegionPeriodSums[] {
  if (population === 'all') return [...rows];
  return rows.map((r) => restrictSums(r, population)).filter((r) => r.households > 0);
}

const restricted = new WeakMap<SumsIndex, Map<PopulationId, SumsIndex>>();

/** An index of one population's sums (cached per index and population). */
export function restrictIndex(index: SumsIndex, population: PopulationId): SumsIndex {
  if (population === 'all') return index;
  let byPop = restricted.get(index);
  if (!byPop) restricted.set(index, (byPop = new Map()));
  let out = byPop.get(population);
  if (!out) byPop.set(population, (out = new SumsIndex(restrictRows(index.rows(), population))));
  return out;
}

/**
 * The population a dataset shows first: the manifest's (`population`, written from the population
 * of its plan's headline per-capita income target), else all households.
 */
export function defaultPopulation(manifest: { population?: string }): PopulationId {
  return isPopulationId(manifest.population) ? manifest.population : 'all';
}

/** The population of a plan's headline figure: its first per-capita income target on a named population. */
export function planPopulation(plan: { targets: readonly { metric: string; population: string }[] }): PopulationId {
  const t = plan.targets.find((g) => g.metric === 'per_capita_income' && isPopulationId(g.population));
  return t ? (t.population as PopulationId) : 'all';
}

/** No filter but the population's own. */
export function populationFilter(population: PopulationId): HouseholdFilter {
  return applyPopulation(NO_FILTER, population);
}

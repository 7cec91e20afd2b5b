/**
 * Types of a dataset folder (see shared CONTRACT.md "A dataset folder"). Pure types, no I/O.
 */

/** Administrative level as stored in `regions.parquet` `level`. */
export type Level = 1 | 2 | 3 | 4 | 5;

/** File-name stem of each level, used for `boundaries/<name>.geojson` and `agg/<name>.json`. */
export const LEVEL_NAMES: Record<Level, LevelName> = {
  1: 'province',
  2: 'city',
  3: 'county',
  4: 'township',
  5: 'village',
};
export type LevelName = 'province' | 'city' | 'county' | 'township' | 'village';

export interface LocalizedText {
  zh: string;
  en: string;
}

export interface FileEntry {
  rows: number;
  bytes: number;
  sha256: string;
}

/** `manifest.json`. Fields beyond the contract are marked optional. */
export interface Manifest {
  id: string;
  name: LocalizedText;
  root: { code: string; level: Level };
  asOf: { year: number; quarter: number };
  years: number[];
  synthetic: boolean;
  plans: string[];
  files: Record<string, FileEntry>;
  provenance: string;
  /** Generator seed and scale, when synthetic. */
  generator?: { seed: number; scale: number; version: string; fingerprint?: string };
  /** Which geometry is synthetic (township and village polygons always are). */
  syntheticGeometry?: LevelName[];
  /**
   * Present when the household tables, township / village boundaries and their pre-aggregates are
   * split by county (`npm run data -- --partition county`): the folder then has no
   * `households.parquet`, `income.parquet`, `boundaries/{township,village}.geojson` or
   * `agg/{township,village}.json`; each county's slice is under `parts/<county6>/` (same columns /
   * properties / columnar JSON, that county's rows only). Every county of the root gets an entry,
   * also one without households (its files then have no rows).
   */
  partitions?: {
    by: 'county';
    /** 12-digit county code → its files, relative to the dataset folder (each also in `files`). */
    counties: Record<string, { households: string; income: string; boundaries: { township: string; village: string }; agg: { township: string; village: string } }>;
  };
  /**
   * Plan id → a JSON file (relative to the dataset folder, also in `files`) with the rows of
   * `npm run report -- --format json` for the root, its cities and its counties, for each year of
   * `years`. The scorecard and target maps of those units read it instead of the engine; a
   * partitioned dataset's engine never holds the households above county level.
   */
  reports?: Record<string, string>;
  /**
   * The population (src/domain/population.ts: `tuopin`, `monitored`, `all`) the app shows first:
   * that of the first plan's headline per-capita income target. Absent: all households.
   */
  population?: string;
  /**
   * Present in a public build's datasets (`npm run build:public`, CONTRACT.md "Public build"):
   * aggregates only, figures resting on fewer than `k` households, and those that would let one be
   * recomputed, are null. The page then runs in public mode (read-only, no engine, no household
   * panels) and shows a hidden figure as "—" (不公布).
   */
  public?: { k: number; hiddenCells: number; protection?: number };
}

/** One row of `regions.parquet`. */
export interface RegionRow {
  code: string;
  name: string;
  /** Pinyin / English name, an addition to the contract for the English UI. */
  name_en: string;
  level: Level;
  parent_code: string | null;
  lon: number;
  lat: number;
  area_km2: number;
  tags: string[];
}

/**
 * Additive sums for one region and one collected period (year-to-date; quarter 4 = full year).
 * Every ratio shown in the product (per-capita income, growth, shares) is derived from these sums,
 * so aggregation stays population-weighted at every level. Written by the generator as
 * `agg/<level>.json` (columnar) and produced identically by the engine from the household tables.
 */
export interface RegionPeriodSums {
  code: string;
  year: number;
  quarter: number;
  households: number;
  persons: number;
  /** Sum of household net income (yuan) = wage + operating + property + transfer. */
  net: number;
  wage: number;
  operating: number;
  property: number;
  transfer: number;
  /** Households whose category is one of the three monitoring kinds. */
  monitored_households: number;
  monitored_persons: number;
  relocated_households: number;
  /**
   * The same sums over the monitoring objects only (category not `tuopin`), so that every named
   * population (src/domain/population.ts) is derived from one row without the engine:
   * 监测对象 = monitored_*, 脱贫人口 = all − monitored.
   */
  monitored_net: number;
  monitored_wage: number;
  monitored_operating: number;
  monitored_property: number;
  monitored_transfer: number;
  monitored_relocated_households: number;
}

/** The additive fields of `RegionPeriodSums`, in the order the files and the engine write them. */
export const SUM_FIELDS = [
  'households', 'persons', 'net', 'wage', 'operating', 'property', 'transfer',
  'monitored_households', 'monitored_persons', 'relocated_households',
  'monitored_net', 'monitored_wage', 'monitored_operating', 'monitored_property', 'monitored_transfer',
  'monitored_relocated_households',
] as const satisfies readonly (keyof RegionPeriodSums)[];

/** Sums of nobody for a region and period (every additive field 0). */
export function zeroSums(code: string, year: number, quarter: number): RegionPeriodSums {
  const out = { code, year, quarter } as RegionPeriodSums;
  for (const f of SUM_FIELDS) out[f] = 0;
  return out;
}

/** One row of `households.parquet` (CONTRACT.md): an anonymised household, no names, IDs or places finer than the village. */
export interface HouseholdRecord {
  hh_id: string;
  village_code: string;
  persons: number;
  labour: number;
  category: string;
  mgmt_class: string;
  no_labour: boolean;
  safety_net: boolean;
  relocated: boolean;
  relocation_site: string | null;
  risk_tags: string[];
  measures: string[];
  risk_cleared: boolean;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Level, LocalizedText } from '../../domain/dataset';

/**
 * Calibration of one synthetic region: the published figures the demo data must reproduce and
 * the shape of the population behind them. Lives in `data/profiles/<id>.json` so every number
 * carries its source and none is a literal in code.
 */
export interface RegionProfile {
  id: string;
  name: LocalizedText;
  rootCode: string;
  rootLevel: Level;
  plans: string[];
  /** Years with full-year (quarter 4) figures. */
  years: number[];
  asOf: { year: number; quarter: number };
  /** Years that also carry year-to-date quarters 1–3 (the as-of year always does). */
  quarterlyYears: number[];
  seed: number;
  /** Households at scale 1 (the region's full size). */
  households: number;
  /** Scale used when `--scale` is not given (default 1); lets a large region ship a lighter demo. */
  defaultScale?: number;
  /** Free-text notes on the calibration (what is sourced, what is an illustrative estimate). */
  notes?: string[];
  /** P(persons = 1), P(persons = 2), … */
  personsDistribution: number[];
  /** Weight of a household landing in an urban community (居委会) relative to a village (村委会). */
  communityWeight: number;
  population: {
    /** Shares of all households in the three monitoring kinds. */
    unstable: number;
    marginal: number;
    sudden: number;
    /** Share of households with no member able to work. */
    noLabour: number;
    /** Share of households on 低保 / 特困 among those with labour (all no-labour households are). */
    safetyNetWithLabour: number;
    /** Share of households with a development-type measure, among those with labour. */
    measuresWithLabour: number;
    /** Share of monitoring objects whose risk has been cleared. */
    riskCleared: number;
  };
  income: {
    /** Regional population-weighted per-capita net income in the first year. */
    base: { year: number; perCapita: number; source: string };
    /** Regional growth of per-capita net income by year (the as-of year's is its full-year latent growth). */
    growth: Record<string, number>;
    growthSource: string;
    /** Sigma of log household per-capita income within a county. */
    dispersion: number;
    /** Sigma of yearly household growth around the county's growth. */
    growthNoise: number;
    /** Share of households whose income falls in a year, before calibration of the low-income group. */
    fallingShare: number;
    /** Component shares for households with and without labour. */
    mixWithLabour: ComponentShares;
    mixWithoutLabour: ComponentShares;
    /** Year-to-date share of the full year at the end of quarters 1–3, by component. */
    quarterShares: Record<keyof ComponentShares, [number, number, number]>;
    /** Income factor of monitoring objects and safety-net households relative to others. */
    monitoredFactor: number;
    safetyNetFactor: number;
    /**
     * Population whose per-capita income the base and growth figures describe (default `all`, every
     * household: 脱贫人口 + 监测对象): `tuopin` = 脱贫人口 that are not monitoring objects (category
     * tuopin), when the seed's figure speaks of them alone. The figure is hit exactly on that population.
     */
    calibrate?: 'all' | 'tuopin';
    /** Added to the yearly growth of relocated households (易地扶贫搬迁), default 0. */
    relocatedGrowth?: number;
  };
  lowIncomeGroup?: { year: number; line: number; households: number; source: string };
  employment: {
    perLabourRate: number;
    outProvince: number;
    inProvince: number;
    inCounty: number;
    source: string;
    /**
     * When present, the per-labourer rate is solved each year so the population's employed persons
     * hit `persons` × scale × `byYear[year]` (default factor 1); `perLabourRate` is then unused.
     */
    target?: { persons: number; population: 'all' | 'tuopin'; byYear?: Record<string, number>; source: string };
    /**
     * Shares of households with labour that have at least one person in work whatever the draw
     * (零就业家庭清零 / 搬迁家庭每户至少一人就业 efforts); the rest keep the drawn outcome.
     */
    atLeastOne?: { withLabour: number; relocatedWithLabour: number; source: string };
  };
  relocation: {
    /** Number of relocation sites to create. */
    sites: number;
    /** Township codes that concentrate a county's relocated households, with the share they take. */
    hubs: Record<string, number>;
  };
  /**
   * Calibration units by 12-digit code: the counties of a province, or the townships / villages of a
   * county or township root. Households are spread over each unit's villages.
   */
  counties: Record<string, CountyProfile>;
  /** Region tags by code (regions.parquet `tags`). */
  tags: Record<string, string[]>;
  /** Villages tagged `key_village` (e.g. former poverty villages), chosen among rural villages. */
  keyVillages?: { count: number; keyCountyWeight: number; source: string };
  facilities: FacilityProfile;
  collectiveIncome: { medianFirstYear: number; sigma: number; growth: number };
  /** Synthetic county values of a reference series (`county-reference.ts`); none without. */
  countyReference?: CountyReferenceProfile;
}

/**
 * Synthetic values of `series` for every county tagged `tag`, following the `anchor` region's
 * values in data/reference/reference.csv (which must hold every year of `years`).
 */
export interface CountyReferenceProfile {
  series: string;
  tag: string;
  /** 12-digit code of the region whose series the counties follow (the province). */
  anchor: string;
  years: number[];
  /** County value / anchor value in the first year: uniform between the two. */
  level: [number, number];
  /** Mean of county growth minus anchor growth, each year (0.004 = 0.4 points). */
  growthOffset: number;
  /** Standard deviation of that difference. */
  growthSpread: number;
  /** Why these figures (the calibration and its sources). */
  source: string;
}

export interface ComponentShares {
  wage: number;
  operating: number;
  property: number;
  transfer: number;
}

export interface CountyProfile {
  /** Relative number of households. */
  weight: number;
  /** Relative income level (multiplies the regional base before calibration). */
  level: number;
  /** Added to the regional growth each year (before calibration keeps the regional figure). */
  growth: number;
  /** Share of the county's households that were relocated (易地扶贫搬迁). */
  relocation: number;
}

export interface FacilityProfile {
  /** Industry → counties (12-digit codes) where its bases cluster, with relative weights. */
  industries: Record<string, Record<string, number>>;
  industryBases: number;
  coops: number;
  workshops: number;
  workshopJobs: [number, number];
  pvStations: number;
  industrialParks: number;
  /** Share of `key_village` villages given their own village-level industry base (seed 003 §二2). */
  keyVillageBaseShare?: number;
}

/** Reads and checks `data/profiles/<id>.json`. */
export function loadProfile(id: string, dataDir = 'data'): RegionProfile {
  const path = join(dataDir, 'profiles', `${id}.json`);
  let profile: RegionProfile;
  try {
    profile = JSON.parse(readFileSync(path, 'utf8')) as RegionProfile;
  } catch (error) {
    throw new Error(`Cannot read region profile ${path}: ${(error as Error).message}`);
  }
  checkProfile(profile, path);
  return profile;
}

function checkProfile(p: RegionProfile, path: string): void {
  const problems: string[] = [];
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (Math.abs(sum(p.personsDistribution) - 1) > 1e-6) problems.push('personsDistribution must sum to 1');
  for (const [name, mix] of [['mixWithLabour', p.income.mixWithLabour], ['mixWithoutLabour', p.income.mixWithoutLabour]] as const) {
    if (Math.abs(sum(Object.values(mix)) - 1) > 1e-6) problems.push(`income.${name} must sum to 1`);
  }
  for (let y = p.years[0] + 1; y <= p.asOf.year; y++) {
    if (p.income.growth[String(y)] === undefined) problems.push(`income.growth has no ${y}`);
  }
  if (!p.years.includes(p.income.base.year)) problems.push('income.base.year must be one of years');
  if (Object.keys(p.counties).length === 0) problems.push('counties is empty');
  if (p.defaultScale !== undefined && !(p.defaultScale > 0 && p.defaultScale <= 50)) problems.push('defaultScale must be in (0, 50]');
  const e = p.employment;
  if (Math.abs(e.outProvince + e.inProvince + e.inCounty - 1) > 1e-6) problems.push('employment destinations must sum to 1');
  for (const code of Object.keys(p.counties)) {
    if (!/^\d{12}$/.test(code)) problems.push(`county code ${code} is not 12 digits`);
  }
  if (problems.length) throw new Error(`Region profile ${path}: ${problems.join('; ')}`);
}

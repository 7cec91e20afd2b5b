import type { Level, LocalizedText } from '../domain/dataset';

/**
 * A plan and its targets (CONTRACT.md "A plan file"), as read from `data/plans/<id>.json`.
 * Every threshold, reference series and county list is data here; the evaluation engine holds
 * none. Pure types, no I/O.
 */
export interface Plan {
  id: string;
  title: LocalizedText;
  issuer: LocalizedText;
  docNo: string;
  /** Root region of the plan: 12-digit code. */
  region: string;
  period: [number, number];
  /** Seed file name (shared/seeds/…). */
  source: string;
  /** How the plan uses its terms (e.g. whether 脱贫人口 includes monitoring objects). */
  note?: LocalizedText;
  targets: Target[];
}

export const TARGET_KINDS = ['level', 'growth', 'ratio', 'relative', 'floor', 'count', 'share'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/**
 * Who a target counts (DOMAIN.md "Who is counted"):
 * - `tuopin`: 脱贫人口 — households lifted out of poverty that are not monitoring objects (category `tuopin`);
 *   a 脱贫不稳定户 (category `unstable`) is one of the three kinds of monitoring objects (seed 001 preamble)
 *   and counts under `monitored`, so `tuopin` and `monitored` are disjoint and together make `all`;
 * - `all`: 脱贫人口 + 监测对象 — every household in the data (seeds 000 and 001 call them together 脱贫人口;
 *   seed 003 names them 脱贫人口和监测对象);
 * - `monitored`: the three kinds of monitoring objects (categories unstable, marginal, sudden);
 * - `relocated`: 易地扶贫搬迁 households;
 * - `with_labour`: households with at least one member able to work;
 * - `relocated_with_labour`: relocated households with labour;
 * - `low_income_group`: per-capita net income below the plan's line (`line`) and not rising on last year (seed 004);
 * - `villages`: administrative villages (村委会), for collective-income targets;
 * - `key_villages`: villages tagged `key_village`.
 */
export const POPULATIONS = [
  'tuopin',
  'all',
  'monitored',
  'relocated',
  'with_labour',
  'relocated_with_labour',
  'low_income_group',
  'villages',
  'key_villages',
] as const;
export type Population = (typeof POPULATIONS)[number];

/**
 * What a target measures. Each metric is computed by a named query (src/data/plan-evaluation.ts)
 * and is the same in the app and in `npm run report`.
 * - `per_capita_income`: population-weighted per-capita net income (sum of net / sum of persons);
 * - `households_below`: households of the population (after exclusions) whose per-capita income is below `line`;
 * - `employed_persons`: persons in work (optionally one destination: out_province, in_province, in_county);
 * - `zero_employment_households`: households with labour and nobody in work;
 * - `employed_household_share`: share of the population's households with at least one person in work;
 * - `measure_share`: share of the population's households with at least one development-type measure;
 * - `surveyed_share`: share of households with income collected for every quarter of the year (or the year's figure);
 * - `class_assigned_share`: share of households with one of the four management classes;
 * - `collective_income_below`: villages whose collective income is below `line` (flagged, 防止返薄);
 * - `collective_income_share`: share of villages with collective income at least `line`;
 * - `facility_count`: facilities of `facilityKinds` (not idle), counted;
 * - `facility_jobs`: jobs at facilities of `facilityKinds`;
 * - `villages_with_facility_share`: share of the population's villages with at least one facility of `facilityKinds`;
 * - `falling_share`: share of the population's persons whose income fell on last year;
 * - `reference_series`: the unit's own value of the reference series named by `series` (e.g. a
 *   county's rural disposable income of all rural residents, from the statistical yearbook or a
 *   user's reference CSV): a figure the household data cannot give.
 */
export const METRICS = [
  'per_capita_income',
  'households_below',
  'employed_persons',
  'zero_employment_households',
  'employed_household_share',
  'measure_share',
  'surveyed_share',
  'class_assigned_share',
  'collective_income_below',
  'collective_income_share',
  'facility_count',
  'facility_jobs',
  'villages_with_facility_share',
  'falling_share',
  'reference_series',
] as const;
export type MetricId = (typeof METRICS)[number];

/** Floor-target exclusions (seeds 001 §二.3, 003 §一(二)). */
export const EXCLUSIONS = ['no_labour', 'safety_net', 'no_labour_safety_net'] as const;
export type Exclusion = (typeof EXCLUSIONS)[number];

/**
 * A value to compare with: a reference series (`reference.parquet`) for a region, or the same
 * metric of another unit (`unit: 'root'` the plan's region, `'parent'` the unit's parent).
 * `region`: 'national' (000000000000), 'root' (the plan's region), 'self' (the unit evaluated) or a 12-digit code.
 */
export type ReferenceSpec =
  | { series: string; region: 'national' | 'root' | 'self' | string }
  | { unit: 'root' | 'parent'; population?: Population };

/** Where a target binds. Omitted: every unit the user looks at (the plan's goal applied to it). */
export interface AppliesTo {
  /** Only the plan's own region. */
  root?: boolean;
  /** Only these units (12-digit codes). */
  codes?: string[];
  /** Only units carrying this tag in regions.parquet. */
  tag?: string;
}

export interface Target {
  id: string;
  label: LocalizedText;
  kind: TargetKind;
  metric: MetricId;
  population: Population;
  /** Years the target is evaluated in. */
  years: number[];
  /** Threshold: level (yuan), growth rate (0.2 = 20%), ratio, count, share (0–1). Per year when an object. */
  value?: number | Record<string, number>;
  /**
   * Series or unit compared with (growth, ratio, relative, or floor when the line is a series). A
   * list (growth and relative only): the actual must beat each of them, so the target is the
   * highest of them (the lowest for `lte`), e.g. "faster than the national and provincial averages".
   */
  reference?: ReferenceSpec | ReferenceSpec[];
  /** `reference_series`: the series whose value for the unit evaluated is the actual. */
  series?: string;
  /** `ratio`: metric / reference ≥ ratio (per year when an object). */
  ratio?: number | Record<string, number>;
  /** Added to the reference (growth in rate points, e.g. 0.002 = 0.2 points; level in yuan). */
  margin?: number;
  /** `relative`: compare the level (default) or the growth with the reference. */
  measure?: 'level' | 'growth';
  /** `surveyed_share`: every quarter of the year up to the evaluated one must be collected, not just that quarter. */
  everyQuarter?: boolean;
  /** `growth` only: average annual growth since this base year (年均), instead of year on year. */
  cumulativeFrom?: number;
  /** `floor`: the line (yuan per person per year) — a number or a reference series. */
  line?: number | { series: string; region: 'national' | 'root' | string };
  /** Households a floor or share target leaves out. */
  exclude?: Exclusion[];
  /** `employed_persons`: one destination only. */
  destination?: 'out_province' | 'in_province' | 'in_county';
  /** Facility kinds counted by facility metrics. */
  facilityKinds?: string[];
  /** `gte` (default): actual ≥ target is met; `lte`: actual ≤ target is met (counts that must reach zero). */
  comparator?: 'gte' | 'lte' | 'gt';
  /** Relative tolerance for "about" (左右) targets: met when actual ≥ target × (1 − tolerance). */
  tolerance?: number;
  /** Count targets in a synthetic demo at `--scale s` are compared with value × s (shown as a note). */
  scaleWithDemo?: boolean;
  appliesTo?: AppliesTo;
  /** Seed file and section, e.g. "004_27a939b436fbdcb9.txt §一". */
  source: string;
  /** The seed's own words (Chinese), shown on hover. */
  quote: string;
  /** How the target is read, when the seed's wording needs interpretation. */
  note?: LocalizedText;
  /** When the target cannot be evaluated from the contract's data: why (status no_data). */
  noData?: LocalizedText;
}

export const STATUSES = ['met', 'on_track', 'at_risk', 'missed', 'no_data'] as const;
export type Status = (typeof STATUSES)[number];

/**
 * What an evaluation rests on, machine-readable (report field `basis`), so a reader knows when a
 * status leans on an estimate or a missing value:
 * - `data`: the dataset's own figures against the plan's fixed value or another unit's figure;
 * - `published`: against reference values with status `published` (reference.parquet `status`);
 * - `estimate`: against at least one reference value with status `estimate` (illustrative or unverified);
 * - `projected_reference`: against a published series extrapolated to a year it has no value for yet;
 * - `missing_reference`: no_data because a reference value the target compares with is absent;
 * - `missing_data`: no_data because the dataset lacks the figures (period not collected, no such households);
 * - `not_evaluable`: no_data because the plan marks the target as needing data the contract does not hold.
 */
/** A reference value's status (reference.parquet `status`): from a cited source, or illustrative / unverified. */
export type ReferenceStatus = 'published' | 'estimate';

export const BASES = ['data', 'published', 'estimate', 'projected_reference', 'missing_reference', 'missing_data', 'not_evaluable'] as const;
export type Basis = (typeof BASES)[number];

/** Unit a value is expressed in, for formatting. */
export type ValueUnit = 'yuan' | 'rate' | 'ratio' | 'count' | 'share' | 'persons';

/** One target evaluated on one unit for one year (CONTRACT.md report row, plus display fields). */
export interface TargetEvaluation {
  planId: string;
  targetId: string;
  regionCode: string;
  regionName: string;
  year: number;
  /** Actual value; a year-end projection when `projected`. null when no data. */
  actual: number | null;
  /** The threshold the actual is compared with (after reference, margin, ratio and scale). */
  target: number | null;
  /** Distance beyond the target in the good direction: negative is a shortfall. */
  gap: number | null;
  status: Status;
  projected: boolean;
  unit: ValueUnit;
  /** The target's population (who the actual is computed over). Always set by `evaluateTarget`;
   * optional only so rows of an older report file still type-check. */
  population?: Population;
  /** What the comparison rests on (see `Basis`). Always set by `evaluateTarget` (optional as above). */
  basis?: Basis;
  /** Extra facts (households counted, share, reference used, scale note). */
  detail?: EvaluationDetail;
}

export interface EvaluationDetail {
  /** Reference value used (already with margin), when any. */
  reference?: number;
  /** The reference series compared with (or the floor's line series), when any. */
  referenceSeries?: string;
  /** Whether the reference itself was extrapolated for an incomplete year. */
  referenceProjected?: boolean;
  /** Count and share for floor targets (households below the line). */
  count?: number;
  share?: number;
  /** Households or units the metric was computed over. */
  denominator?: number;
  /** Demo scale applied to a count target. */
  scale?: number;
  /** Why no_data. */
  reason?: LocalizedText;
  /** Seed's target value before the demo scale was applied. */
  planValue?: number;
}

/** The level a target binds at, for the drill-down. */
export interface UnitRef {
  code: string;
  level: Level;
  name: string;
  tags: string[];
  parentCode: string | null;
}

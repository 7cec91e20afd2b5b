/**
 * Types of the integrity checks against 数字增收 (income that exists only on paper; DOMAIN.md "Who
 * uses the dashboard", issue 13 item 7). Pure: plain rows in, plain flags out, so `npm run
 * integrity` (Node) and the app's data-quality panel (browser) run the same code on the same rows.
 */

export const FLAG_CODES = [
  'identical_growth',
  'bunching',
  'implausible_jump',
  'components_mismatch',
  'round_numbers',
  'persons_change',
] as const;

export type FlagCode = (typeof FLAG_CODES)[number];

/** Whether a flag speaks of a whole village or of one household. */
export const FLAG_LEVEL: Record<FlagCode, 'village' | 'household'> = {
  identical_growth: 'village',
  bunching: 'village',
  implausible_jump: 'household',
  components_mismatch: 'household',
  round_numbers: 'village',
  persons_change: 'household',
};

/**
 * One flag (CONTRACT.md "Integrity flags"): the seven contract fields, then `year` (the full year
 * the statistic is about; comparisons are `year` against `year − 1`) and `detail` (what the
 * statistic rests on: the line, the measure, the figures compared), which the panel and the
 * table show. Flags are warnings, never reasons to refuse data.
 */
export interface IntegrityFlag {
  level: 'village' | 'household';
  /** The village code (village flags) or the anonymised household id (household flags). */
  code: string;
  villageCode: string;
  flag: FlagCode;
  statistic: number;
  threshold: number;
  /** Households the flag concerns (1 for a household flag). */
  households: number;
  year: number;
  detail: FlagDetail;
}

/** Numbers (and a few words) behind a flag; keys per flag are documented in each check. */
export type FlagDetail = Record<string, number | string>;

/** A household as the checks need it (households.parquet). */
export interface IntegrityHousehold {
  hh_id: string;
  village_code: string;
  /** The household's persons (the latest period's, as the import keeps it). */
  persons: number;
}

/**
 * One income row (income.parquet; year-to-date, quarter 4 = the full year). `net_income_stated`
 * and `persons` are optional columns (README "Users' own files"): the total the source stated and
 * the persons of that period; null or absent when the dataset does not carry them.
 */
export interface IntegrityIncome {
  hh_id: string;
  year: number;
  quarter: number;
  wage: number;
  operating: number;
  property: number;
  transfer: number;
  net_income_stated?: number | null;
  persons?: number | null;
}

/** An income line (yuan per person per year) that figures may be pushed just above. */
export interface IncomeLineInput {
  value: number;
  /** The year it applies to; null = every year (e.g. `--lines`). */
  year: number | null;
  /** Where it comes from: `monitoring_line`, `plan:<plan id>/<target id>`, `--lines`. */
  source: string;
}

export interface IntegrityInput {
  households: readonly IntegrityHousehold[];
  income: readonly IntegrityIncome[];
  lines: readonly IncomeLineInput[];
}

export interface IntegrityOptions {
  /** Full years to check (each against the year before where a comparison is needed); default every full year in the rows. */
  years?: readonly number[];
}

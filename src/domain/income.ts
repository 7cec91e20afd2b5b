import { SUM_FIELDS, zeroSums, type RegionPeriodSums } from './dataset';

/**
 * The income measure (DOMAIN.md "The income measure"): per-capita net income of a group is the
 * sum of household net incomes divided by the sum of persons — population-weighted, never a mean
 * of household ratios. Growth compares the same period (year-to-date quarter) of consecutive years.
 */

/** Population-weighted per-capita net income, or NaN when there are no persons. */
export function perCapita(sums: Pick<RegionPeriodSums, 'net' | 'persons'>): number {
  return sums.persons > 0 ? sums.net / sums.persons : Number.NaN;
}

/** Growth rate from `previous` to `current` (0.163 = 16.3%), NaN when either is missing. */
export function growthRate(current: number, previous: number): number {
  return Number.isFinite(current) && Number.isFinite(previous) && previous > 0 ? current / previous - 1 : Number.NaN;
}

/** Adds additive sums together (for a group of regions or filtered subsets). */
export function addSums(rows: RegionPeriodSums[], code: string, year: number, quarter: number): RegionPeriodSums {
  const out = zeroSums(code, year, quarter);
  for (const r of rows) for (const f of SUM_FIELDS) out[f] += r[f];
  return out;
}

/** What a region shows for one period: its sums plus the derived per-capita figure and growth. */
export interface RegionStats {
  code: string;
  year: number;
  quarter: number;
  sums: RegionPeriodSums;
  perCapita: number;
  /** Growth over the same quarter of the previous year; NaN when that period is missing. */
  growth: number;
  /** Share of households that are monitoring objects. */
  monitoredShare: number;
}

/** Index of sums by region and period, answering stats for any (code, year, quarter). */
export class SumsIndex {
  private readonly map = new Map<string, RegionPeriodSums>();

  constructor(rows: Iterable<RegionPeriodSums>) {
    for (const r of rows) this.map.set(key(r.code, r.year, r.quarter), r);
  }

  get(code: string, year: number, quarter: number): RegionPeriodSums | undefined {
    return this.map.get(key(code, year, quarter));
  }

  /** Stats of a region for a period; undefined when the region has no data for it. */
  stats(code: string, year: number, quarter: number): RegionStats | undefined {
    const sums = this.get(code, year, quarter);
    if (!sums) return undefined;
    const prev = this.get(code, year - 1, quarter);
    const pc = perCapita(sums);
    return {
      code,
      year,
      quarter,
      sums,
      perCapita: pc,
      growth: prev ? growthRate(pc, perCapita(prev)) : Number.NaN,
      monitoredShare: sums.households > 0 ? sums.monitored_households / sums.households : Number.NaN,
    };
  }

  /** Every row of the index. */
  rows(): RegionPeriodSums[] {
    return [...this.map.values()];
  }

  /** Every period's sums of `code`, ordered by year and quarter. */
  rowsOf(code: string): RegionPeriodSums[] {
    return [...this.map.values()].filter((r) => r.code === code).sort((a, b) => a.year - b.year || a.quarter - b.quarter);
  }

  /** Codes present in the index. */
  codes(): string[] {
    return [...new Set([...this.map.values()].map((r) => r.code))].sort();
  }
}

function key(code: string, year: number, quarter: number): string {
  return `${code}|${year}|${quarter}`;
}

import type { Manifest } from '../domain/dataset';

/** A collected period: year and year-to-date quarter (4 = full year). */
export interface Period {
  year: number;
  quarter: number;
  /** True when the figures cover part of the year only (年初至今). */
  yearToDate: boolean;
}

/** Which (year, quarter) periods have data, e.g. `(y, q) => index.get(rootCode, y, q) !== undefined`. */
export type HasPeriod = (year: number, quarter: number) => boolean;

/**
 * The period a year stands for: the full year (Q4) when collected, else the latest year-to-date
 * quarter up to the dataset's as-of quarter; null when the year has no data at all.
 */
export function defaultQuarter(year: number, manifest: Pick<Manifest, 'asOf'>, has: HasPeriod): number | null {
  if (has(year, 4)) return 4;
  const last = year === manifest.asOf.year ? manifest.asOf.quarter : 3;
  for (let q = last; q >= 1; q--) if (has(year, q)) return q;
  return null;
}

/** Years of the manifest that have data, ascending, each with the quarter it shows by default. */
export function selectableYears(manifest: Pick<Manifest, 'asOf' | 'years'>, has: HasPeriod): { year: number; quarter: number }[] {
  const out: { year: number; quarter: number }[] = [];
  for (const year of [...manifest.years].sort((a, b) => a - b)) {
    const quarter = defaultQuarter(year, manifest, has);
    if (quarter !== null) out.push({ year, quarter });
  }
  return out;
}

/**
 * The period a view shows. Default: the latest full year (e.g. 2024 Q4 when the dataset runs to
 * 2025 Q3); if no year is complete, the latest year-to-date period. A requested year without
 * data, or a requested quarter without data, falls back to the default. Null only when the
 * dataset has no data at all.
 */
export function resolvePeriod(
  requested: { year: number | null; quarter: number | null },
  manifest: Pick<Manifest, 'asOf' | 'years'>,
  has: HasPeriod,
): Period | null {
  const years = selectableYears(manifest, has);
  if (years.length === 0) return null;
  const pick = (year: number, quarter: number): Period => ({ year, quarter, yearToDate: quarter < 4 });

  const asked = requested.year === null ? undefined : years.find((y) => y.year === requested.year);
  if (asked) {
    const q = requested.quarter !== null && has(asked.year, requested.quarter) ? requested.quarter : asked.quarter;
    return pick(asked.year, q);
  }
  const full = [...years].reverse().find((y) => y.quarter === 4);
  const chosen = full ?? years[years.length - 1];
  return pick(chosen.year, chosen.quarter);
}

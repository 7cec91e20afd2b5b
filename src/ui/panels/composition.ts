import type { RegionPeriodSums } from '../../domain/dataset';
import { perCapita } from '../../domain/income';
import { projectionFactor } from '../../targets/projection';

/** The four income components (DOMAIN.md "四轮驱动"), bottom to top of a stack. */
export const COMPONENTS = ['wage', 'operating', 'property', 'transfer'] as const;
export type Component = (typeof COMPONENTS)[number];

/** One year of a composition chart: per-capita amount of each component, yuan per person. */
export interface CompositionBar {
  year: number;
  /** 4 for a full year; less for the as-of year's year-to-date figure. */
  quarter: number;
  yearToDate: boolean;
  persons: number;
  wage: number;
  operating: number;
  property: number;
  transfer: number;
  /** Per-capita net income (the sum of the four). */
  net: number;
}

/**
 * The period each year is shown for: the full year (quarter 4) up to the as-of period, and the
 * as-of year's year-to-date quarter when that year is not complete. Years after `asOf` are left out.
 */
export function shownPeriods(years: number[], asOf: { year: number; quarter: number }): { year: number; quarter: number }[] {
  return [...years]
    .sort((a, b) => a - b)
    .filter((y) => y <= asOf.year)
    .map((year) => ({ year, quarter: year === asOf.year ? asOf.quarter : 4 }));
}

/**
 * Per-capita composition of region `code` for each shown period, from additive sums: each
 * component's sum divided by the sum of persons (population-weighted, DOMAIN.md). Periods without
 * sums or persons are skipped.
 */
export function compositionBars(rows: RegionPeriodSums[], code: string, years: number[], asOf: { year: number; quarter: number }): CompositionBar[] {
  const out: CompositionBar[] = [];
  for (const p of shownPeriods(years, asOf)) {
    const r = rows.find((x) => x.code === code && x.year === p.year && x.quarter === p.quarter);
    if (!r || !(r.persons > 0)) continue;
    out.push({
      year: p.year,
      quarter: p.quarter,
      yearToDate: p.quarter < 4,
      persons: r.persons,
      wage: r.wage / r.persons,
      operating: r.operating / r.persons,
      property: r.property / r.persons,
      transfer: r.transfer / r.persons,
      net: perCapita(r),
    });
  }
  return out;
}

/** Full-year (quarter 4) per-capita net income of region `code`, by year, ascending. */
export function fullYearPerCapita(rows: RegionPeriodSums[], code: string): { year: number; value: number }[] {
  return rows
    .filter((r) => r.code === code && r.quarter === 4 && r.persons > 0)
    .map((r) => ({ year: r.year, value: perCapita(r) }))
    .sort((a, b) => a.year - b.year);
}

/** Stack segments of one bar: [component, lower, upper] in yuan per person, negatives clipped at 0. */
export function stackSegments(bar: CompositionBar): [Component, number, number][] {
  let y = 0;
  return COMPONENTS.map((c) => {
    const v = Math.max(0, bar[c]);
    const seg: [Component, number, number] = [c, y, y + v];
    y += v;
    return seg;
  });
}

/**
 * The as-of year's projected full-year per-capita income of region `code` when that year is
 * collected only up to `asOf.quarter` < 4: year-to-date per-capita × the projection factor of
 * `src/targets/projection.ts` (same quarters' share of the year in earlier years). Undefined for a
 * complete year or without the figures.
 */
export function projectedPerCapita(rows: RegionPeriodSums[], code: string, asOf: { year: number; quarter: number }, firstYear: number): { year: number; value: number } | undefined {
  if (asOf.quarter >= 4) return undefined;
  const at = (year: number, quarter: number) => rows.find((r) => r.code === code && r.year === year && r.quarter === quarter);
  const f = projectionFactor(at, asOf.year, asOf.quarter, firstYear);
  const ytd = at(asOf.year, asOf.quarter);
  if (!f || !ytd || !(ytd.persons > 0)) return undefined;
  return { year: asOf.year, value: perCapita(ytd) * f.factor };
}

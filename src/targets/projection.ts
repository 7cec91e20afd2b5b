/**
 * In-year projection (issue: "project the year from year-to-date quarters using the same
 * quarter's share of the full year in earlier years").
 *
 * For a unit and population whose year Y is collected up to quarter q < 4:
 *
 *   factor(q) = Σ_y net(y, full year) / Σ_y net(y, quarters 1..q)   over earlier years y < Y having both
 *   projected net(Y) = net(Y, 1..q) × factor(q)
 *
 * i.e. the year-to-date figure divided by the share of the full year that the same quarters
 * brought in earlier years (pooled over those years, so one odd year weighs by its size). Persons
 * do not change within a year, so projected per-capita income = year-to-date per-capita × factor.
 * Household-level floors use the factor of the plan's whole region (one household's own history
 * is too noisy), see `src/data/plan-evaluation.ts`.
 */

/** Additive income sums of one group for one collected period. */
export interface IncomeSums {
  households: number;
  persons: number;
  net: number;
}

/** Sums of one group for (year, quarter), or undefined when that period was not collected. */
export type SumsAt = (year: number, quarter: number) => IncomeSums | undefined;

export interface ProjectionFactor {
  factor: number;
  /** Earlier years the factor pooled. */
  years: number[];
}

/** The projection factor for quarter `quarter` of `year`, or undefined when no earlier year has both figures. */
export function projectionFactor(sums: SumsAt, year: number, quarter: number, firstYear: number): ProjectionFactor | undefined {
  if (quarter >= 4) return { factor: 1, years: [] };
  let full = 0;
  let ytd = 0;
  const years: number[] = [];
  for (let y = firstYear; y < year; y++) {
    const f = sums(y, 4);
    const p = sums(y, quarter);
    if (!f || !p || !(p.net > 0)) continue;
    full += f.net;
    ytd += p.net;
    years.push(y);
  }
  return years.length && ytd > 0 ? { factor: full / ytd, years } : undefined;
}

/** Population-weighted per-capita net income of sums (NaN without persons). */
export function perCapitaOf(s: IncomeSums | undefined): number {
  return s && s.persons > 0 ? s.net / s.persons : Number.NaN;
}

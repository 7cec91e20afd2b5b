import type { HistogramBin } from '../../data/queries/panels';
import type { HouseholdFilter } from '../../domain/filter';

/** Bin width and upper end of the income histogram, yuan per person. The last bin is open. */
export const HISTOGRAM_WIDTH = 1000;
export const HISTOGRAM_MAX = 40000;

/**
 * The filter a histogram is computed with: the view's filter without its own income range, so
 * brushing a range does not empty the bars outside it (queryIncomeHistogram's contract).
 */
export function withoutIncomeRange(filter: HouseholdFilter): HouseholdFilter {
  return filter.incomeRange === null ? filter : { ...filter, incomeRange: null };
}

/**
 * A brushed span [a, b] in yuan snapped to bin edges, as a half-open range [lo, hi) with
 * 0 ≤ lo < hi ≤ max. The open last bin (≥ max) cannot be selected as a range: the filter needs a
 * finite upper end. Null when the span is empty after snapping.
 */
export function snapRange(a: number, b: number, width = HISTOGRAM_WIDTH, max = HISTOGRAM_MAX): [number, number] | null {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
  const [x0, x1] = a <= b ? [a, b] : [b, a];
  const lo = Math.min(max, Math.max(0, Math.round(x0 / width) * width));
  const hi = Math.min(max, Math.max(0, Math.round(x1 / width) * width));
  return hi > lo ? [lo, hi] : null;
}

/** True when the whole bin lies inside the range [lo, hi). */
export function binInRange(bin: HistogramBin, range: [number, number] | null): boolean {
  return range !== null && bin.lo >= range[0] && bin.hi <= range[1];
}

/** Households of the bins wholly inside the range. */
export function householdsInRange(bins: HistogramBin[], range: [number, number] | null): number {
  return bins.reduce((n, b) => n + (binInRange(b, range) ? b.households : 0), 0);
}

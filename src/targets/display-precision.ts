import type { ValueUnit } from './types';

/**
 * How many decimals a scorecard row shows its actual, target and gap with, so the numbers a reader
 * sees agree: the shown actual minus the shown target equals the shown gap (for "at most" targets,
 * target minus actual), and a gap that is not zero does not show as zero — except a surplus in
 * yuan or a count (0.04 yuan above 19,000 shows as 0, not as 19,000.04). A rate a hair above its
 * reference (a `gt` target met by 0.03 points) shows the decimals that make it visible. The gap itself is always
 * computed from the unrounded values (src/targets/evaluate.ts); only the display precision adapts.
 *
 * Decimals count in the unit shown: percentage points for rates and shares (0.171 is "17.1%", one
 * decimal), yuan and persons for amounts and counts, the ratio itself for ratios. The search starts
 * at the unit's usual precision (one decimal of a percent, whole yuan, three places of a ratio) and
 * adds decimals up to `MAX_EXTRA`; if none agrees (rounding each of three numbers can always leave
 * the last digit one off), the finest is used and the gap printed is the shown actual minus the shown
 * target, which differs from the computed gap by less than one unit of that last decimal.
 */
export const MAX_EXTRA = 2;

/** Usual decimals of a unit, in the unit shown. */
export function baseDecimals(unit: ValueUnit): number {
  switch (unit) {
    case 'rate':
    case 'share':
      return 1;
    case 'ratio':
      return 3;
    default:
      return 0;
  }
}

/** The factor from a stored value to the unit shown (rates and shares are shown in percent). */
export function shownScale(unit: ValueUnit): number {
  return unit === 'rate' || unit === 'share' ? 100 : 1;
}

/** Rounds as the display does (the double's exact decimal value, ties away from zero, like Intl and toFixed). */
function roundTo(x: number, decimals: number): number {
  return Number(x.toFixed(decimals));
}

/** How a row is shown: decimals in the unit shown, and the gap value to print with them. */
export interface RowDisplay {
  decimals: number;
  /** The gap to format: the computed gap, or — when no precision up to `MAX_EXTRA` makes its rounding
   * agree — the difference of the shown actual and target (within one unit of the last decimal of it). */
  gap: number | null;
}

/**
 * Decimals (in the unit shown) for one row, and the gap to print. `comparator` 'lte' means
 * gap = target − actual. Rows without an actual, target or gap use the unit's usual precision.
 */
export function rowDisplay(
  actual: number | null,
  target: number | null,
  gap: number | null,
  unit: ValueUnit,
  comparator: 'gte' | 'gt' | 'lte' = 'gte',
): RowDisplay {
  const base = baseDecimals(unit);
  if (actual === null || target === null || gap === null || ![actual, target, gap].every(Number.isFinite)) return { decimals: base, gap };
  const k = shownScale(unit);
  const shownDifference = (d: number) => {
    const a = roundTo(actual * k, d);
    const t = roundTo(target * k, d);
    return roundTo(comparator === 'lte' ? t - a : a - t, d);
  };
  const mayShowZero = gap === 0 || (gap > 0 && (unit === 'yuan' || unit === 'count' || unit === 'persons'));
  for (let d = base; d <= base + MAX_EXTRA; d++) {
    const g = roundTo(gap * k, d);
    if (shownDifference(d) === g && (g !== 0 || mayShowZero)) return { decimals: d, gap };
  }
  const d = base + MAX_EXTRA;
  return { decimals: d, gap: shownDifference(d) / k };
}

/** The decimals of `rowDisplay`. */
export function rowDecimals(
  actual: number | null,
  target: number | null,
  gap: number | null,
  unit: ValueUnit,
  comparator: 'gte' | 'gt' | 'lte' = 'gte',
): number {
  return rowDisplay(actual, target, gap, unit, comparator).decimals;
}

import type { ValueUnit } from './types';

/**
 * How many decimals a scorecard row shows its actual, target and gap with, so the numbers a reader
 * sees agree: the shown actual minus the shown target equals the shown gap (for "at most" targets,
 * target minus actual), and a gap that is not zero never shows as zero. The gap itself is always
 * computed from the unrounded values (src/targets/evaluate.ts); only the display precision adapts.
 *
 * Decimals count in the unit shown: percentage points for rates and shares (0.171 is "17.1%", one
 * decimal), yuan and persons for amounts and counts, the ratio itself for ratios. The search starts
 * at the unit's usual precision (one decimal of a percent, whole yuan, three places of a ratio) and
 * adds decimals up to `MAX_EXTRA`; if none agrees (a float edge), the finest is used.
 */
export const MAX_EXTRA = 3;

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

function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/**
 * Decimals (in the unit shown) for one row. `comparator` 'lte' means gap = target − actual.
 * Rows without an actual, target or gap use the unit's usual precision.
 */
export function rowDecimals(
  actual: number | null,
  target: number | null,
  gap: number | null,
  unit: ValueUnit,
  comparator: 'gte' | 'gt' | 'lte' = 'gte',
): number {
  const base = baseDecimals(unit);
  if (actual === null || target === null || gap === null || ![actual, target, gap].every(Number.isFinite)) return base;
  const k = shownScale(unit);
  for (let d = base; d <= base + MAX_EXTRA; d++) {
    const a = roundTo(actual * k, d);
    const t = roundTo(target * k, d);
    const g = roundTo(gap * k, d);
    const shownGap = roundTo(comparator === 'lte' ? t - a : a - t, d);
    if (shownGap === g && (g !== 0 || gap === 0)) return d;
  }
  return base + MAX_EXTRA;
}

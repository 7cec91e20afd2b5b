/** Small statistics the checks share. Pure. */

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms; ~15 significant digits). */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** ln of the binomial probability P(X = k), X ~ Bin(n, p), 0 < p < 1. */
function logBinomialPmf(k: number, n: number, p: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log(1 - p);
}

/** P(X ≥ k) for X ~ Bin(n, p): the one-sided tail probability of seeing k or more successes by chance. */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  let sum = 0;
  for (let i = k; i <= n; i++) sum += Math.exp(logBinomialPmf(i, n, p));
  return Math.min(1, sum);
}

/**
 * The smallest k with P(X ≥ k) < alpha for X ~ Bin(n, p), or null when even k = n is not that
 * unlikely (too few trials for the test to say anything).
 */
export function binomialCriticalCount(n: number, p: number, alpha: number): number | null {
  if (n <= 0) return null;
  // The tail only shrinks as k grows: walk down from n while it stays below alpha.
  let k = n + 1;
  let tail = 0;
  while (k > 0) {
    const next = tail + Math.exp(logBinomialPmf(k - 1, n, p));
    if (next >= alpha) break;
    tail = next;
    k--;
  }
  return k <= n ? k : null;
}

/** Quantile of sorted values by linear interpolation between order statistics (type 7, as R and numpy default). */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function median(values: readonly number[]): number {
  return quantileSorted([...values].sort((a, b) => a - b), 0.5);
}

/**
 * The fullest window of width `tolerance` over the values: how many lie within [v, v + tolerance]
 * for the best v, and the window's middle value (its median member). Two pointers over the sorted values.
 */
export function fullestWindow(values: readonly number[], tolerance: number): { count: number; centre: number } {
  const sorted = [...values].sort((a, b) => a - b);
  let best = 0;
  let bestStart = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    // A hair of slack so that values meant equal but computed with float error stay together.
    while (sorted[end]! - sorted[start]! > tolerance + 1e-9 * Math.max(1, Math.abs(sorted[end]!))) start++;
    if (end - start + 1 > best) {
      best = end - start + 1;
      bestStart = start;
    }
  }
  return { count: best, centre: best ? sorted[bestStart + Math.floor((best - 1) / 2)]! : Number.NaN };
}

/** A figure as printed in flags: at most 4 decimals, so the page and the command line print the same text. */
export function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

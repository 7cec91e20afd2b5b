/**
 * Class breaks for choropleths. A break list `[b1 … b(k-1)]` splits values into k classes:
 * class i holds values v with b(i) ≤ v < b(i+1) (class 0 below b1, the last at or above b(k-1)).
 */

export type BreakMethod = 'quantile' | 'jenks';

/** Finite values, sorted ascending. */
function sortedFinite(values: Iterable<number>): number[] {
  return [...values].filter(Number.isFinite).sort((a, b) => a - b);
}

/** Quantile breaks: each class holds (about) the same number of units. Duplicates removed. */
export function quantileBreaks(values: Iterable<number>, k: number): number[] {
  const v = sortedFinite(values);
  if (v.length === 0 || k < 2) return [];
  const out: number[] = [];
  for (let i = 1; i < k; i++) {
    const pos = (i * v.length) / k;
    const b = v[Math.min(v.length - 1, Math.ceil(pos - 1e-9))];
    if (out.length === 0 || b > out[out.length - 1]) out.push(b);
  }
  return out.filter((b) => b > v[0]);
}

/**
 * Natural breaks (Jenks / Fisher): classes that minimise the within-class sum of squared
 * deviations, by dynamic programming (exact; O(k·n²), fine for the few thousand units a map shows).
 * Returns the lower bound of classes 2…k.
 */
export function jenksBreaks(values: Iterable<number>, k: number): number[] {
  const v = sortedFinite(values);
  const n = v.length;
  if (n === 0 || k < 2) return [];
  const classes = Math.min(k, new Set(v).size);
  if (classes < 2) return [];
  // Prefix sums for O(1) within-class variance of v[i..j].
  const s1 = new Float64Array(n + 1);
  const s2 = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    s1[i + 1] = s1[i] + v[i];
    s2[i + 1] = s2[i] + v[i] * v[i];
  }
  const ssd = (i: number, j: number) => {
    const m = j - i + 1;
    const sum = s1[j + 1] - s1[i];
    return s2[j + 1] - s2[i] - (sum * sum) / m;
  };
  // cost[c][j]: best cost of splitting v[0..j] into c+1 classes; start[c][j]: first index of the last class.
  const cost: Float64Array[] = [];
  const start: Int32Array[] = [];
  cost.push(Float64Array.from({ length: n }, (_, j) => ssd(0, j)));
  start.push(new Int32Array(n));
  for (let c = 1; c < classes; c++) {
    const cc = new Float64Array(n).fill(Infinity);
    const st = new Int32Array(n);
    for (let j = c; j < n; j++) {
      for (let i = c; i <= j; i++) {
        const x = cost[c - 1][i - 1] + ssd(i, j);
        if (x < cc[j]) {
          cc[j] = x;
          st[j] = i;
        }
      }
    }
    cost.push(cc);
    start.push(st);
  }
  const breaks: number[] = [];
  let j = n - 1;
  for (let c = classes - 1; c >= 1; c--) {
    const i = start[c][j];
    breaks.unshift(v[i]);
    j = i - 1;
  }
  return breaks;
}

/** Class index (0 … breaks.length) of `value`; -1 for a missing value. */
export function classOf(value: number, breaks: number[]): number {
  if (!Number.isFinite(value)) return -1;
  let c = 0;
  while (c < breaks.length && value >= breaks[c]) c++;
  return c;
}

/** Breaks by the chosen method. */
export function breaksFor(method: BreakMethod, values: Iterable<number>, k: number): number[] {
  return method === 'quantile' ? quantileBreaks(values, k) : jenksBreaks(values, k);
}

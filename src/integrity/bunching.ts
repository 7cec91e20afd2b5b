import { villageYears, type FullYearIndex } from './full-years';
import { binomialCriticalCount, binomialUpperTail, round4 } from './stats';
import { BUNCHING as T } from './thresholds';
import type { IncomeLineInput, IntegrityFlag } from './types';

/** The lines that apply to `year`, each value once (the first source named wins), ascending. */
export function linesForYear(lines: readonly IncomeLineInput[], year: number): IncomeLineInput[] {
  const seen = new Map<number, IncomeLineInput>();
  for (const l of lines) {
    if (!(l.value > 0) || (l.year !== null && l.year !== year)) continue;
    if (!seen.has(l.value)) seen.set(l.value, l);
  }
  return [...seen.values()].sort((a, b) => a.value - b.value);
}

/**
 * bunching: for each line L of the year, the village's households with full-year per-capita
 * income in [L·(1−band), L) (below) and [L, L·(1+band)) (above). A smooth distribution puts
 * about `T.expectedAbove` of the two bands above; flagged when the count above is at least
 * `T.minAbove` and its binomial tail probability is below `T.alpha`. Statistic: the share
 * above; threshold: the smallest share that would have been flagged with that many households
 * in the bands. The line with the smallest tail probability is reported. detail: `line`,
 * `source`, `above`, `below`, `p` (the tail probability).
 */
export function bunchingFlags(index: FullYearIndex, villageCode: string, year: number, lines: readonly IncomeLineInput[]): IntegrityFlag[] {
  const applicable = linesForYear(lines, year);
  if (!applicable.length) return [];
  const perCapita = villageYears(index, villageCode, year).map((y) => y.perCapita);
  let best: IntegrityFlag | null = null;
  let bestP = Infinity;
  for (const line of applicable) {
    const lo = line.value * (1 - T.band);
    const hi = line.value * (1 + T.band);
    let above = 0;
    let below = 0;
    for (const v of perCapita) {
      if (v >= lo && v < line.value) below++;
      else if (v >= line.value && v < hi) above++;
    }
    const n = above + below;
    if (above < T.minAbove) continue;
    const p = binomialUpperTail(above, n, T.expectedAbove);
    if (p >= T.alpha || p >= bestP) continue;
    const k = binomialCriticalCount(n, T.expectedAbove, T.alpha)!;
    bestP = p;
    best = {
      level: 'village', code: villageCode, villageCode, flag: 'bunching',
      statistic: round4(above / n), threshold: round4(Math.max(k, T.minAbove) / n), households: above, year,
      detail: { line: line.value, source: line.source, above, below, p: Number(p.toPrecision(3)) },
    };
  }
  return best ? [best] : [];
}

/**
 * Figures in the CONTRACT.md shape `{value, unit, n, min, median, max}` (value = median), and a
 * timer that discards warm-up runs. The median comes from the parquet-path benchmark's helpers.
 */
import { median, type Figure } from '../parquet-path/lib/stats';

export type { Figure };
export { median };

/** Summarises samples as one figure; throws on an empty or non-finite sample list. */
export function figure(samples: number[], unit: string): Figure {
  if (samples.length === 0) throw new Error('figure: no samples');
  if (samples.some((x) => !Number.isFinite(x))) throw new Error(`figure: non-finite sample in ${samples.join(', ')}`);
  const m = median(samples);
  return { value: m, unit, n: samples.length, min: Math.min(...samples), median: m, max: Math.max(...samples) };
}

/**
 * Runs `fn` `warmup` times untimed, then `runs` times timed with `performance.now()`; returns
 * the timed durations in ms. `fn`'s result of the last run is passed to `keep` (for checks).
 */
export async function timeRuns<T>(fn: () => T | Promise<T>, opts: { runs: number; warmup: number }, keep?: (result: T) => void): Promise<number[]> {
  for (let i = 0; i < opts.warmup; i++) await fn();
  const out: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < opts.runs; i++) {
    const t0 = performance.now();
    last = await fn();
    out.push(performance.now() - t0);
  }
  if (keep && opts.runs > 0) keep(last as T);
  return out;
}

/** One row of the readable table: "min / median / max unit". */
export function formatFigure(f: Figure): string {
  const d = f.unit === 'ms' ? (f.median < 10 ? 2 : f.median < 100 ? 1 : 0) : f.unit === 'MB' ? 1 : f.unit === 'ratio' ? 2 : 0;
  const one = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  return f.n === 1 || f.min === f.max ? `${one(f.median)} ${f.unit}` : `${one(f.median)} ${f.unit}  (min ${one(f.min)}, max ${one(f.max)}, n ${f.n})`;
}

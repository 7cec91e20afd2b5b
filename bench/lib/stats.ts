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

/**
 * A ratio figure from paired samples (`num[i]` measured right beside `den[i]`, interleaved, so the
 * machine's drift cancels within a pair): value = median of the pairwise ratios.
 */
export function pairedRatio(num: number[], den: number[]): Figure {
  if (num.length !== den.length) throw new Error(`pairedRatio: ${num.length} vs ${den.length} samples`);
  return figure(num.map((x, i) => x / den[i]!), 'ratio');
}

/** A ratio of two figures' medians (samples not paired): n 1. */
export function medianRatio(num: Figure, den: Figure): Figure {
  const r = num.median / den.median;
  return { value: r, unit: 'ratio', n: 1, min: r, median: r, max: r };
}

/**
 * Runs the named functions interleaved, `warmup` rounds untimed then `runs` rounds timed, the order
 * rotated every round so none always runs first; returns each one's durations in ms. `keep` gets
 * each function's last result (for checks).
 */
export async function timeInterleaved<K extends string>(
  fns: Record<K, () => unknown>,
  opts: { runs: number; warmup: number },
  keep?: (name: K, result: unknown) => void,
): Promise<Record<K, number[]>> {
  const names = Object.keys(fns) as K[];
  const out = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < opts.warmup + opts.runs; round++) {
    for (let j = 0; j < names.length; j++) {
      const name = names[(round + j) % names.length]!;
      const t0 = performance.now();
      const result = await fns[name]();
      const ms = performance.now() - t0;
      if (round >= opts.warmup) out[name].push(ms);
      if (round === opts.warmup + opts.runs - 1) keep?.(name, result);
    }
  }
  return out;
}

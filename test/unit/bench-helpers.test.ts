/**
 * The pure parts of `npm run bench`: the figure summary and the typed-array loop aggregation on a
 * tiny hand-made table with exact per-capita and growth; the ratios to the floor and the trace
 * summary. (The bench itself is not part of npm test.)
 */
import { describe, expect, test } from 'vitest';
import { compareResults, loopAggregate, type HouseholdColumns, type IncomeColumns } from '../../bench/lib/aggregate';
import { figure, medianRatio, pairedRatio, timeInterleaved, timeRuns } from '../../bench/lib/stats';
import { markTs, summarizeTrace, type TraceEvent } from '../../bench/lib/trace';

describe('figure', () => {
  test('median of an odd and an even count, with min, max and n', () => {
    expect(figure([5, 1, 3], 'ms')).toEqual({ value: 3, unit: 'ms', n: 3, min: 1, median: 3, max: 5 });
    expect(figure([4, 1, 3, 10], 'bytes')).toEqual({ value: 3.5, unit: 'bytes', n: 4, min: 1, median: 3.5, max: 10 });
  });

  test('refuses empty and non-finite samples', () => {
    expect(() => figure([], 'ms')).toThrow(/no samples/);
    expect(() => figure([1, Number.NaN], 'ms')).toThrow(/non-finite/);
  });

  test('timeRuns discards the warm-up runs', async () => {
    let calls = 0;
    let kept = -1;
    const xs = await timeRuns(() => ++calls, { runs: 3, warmup: 2 }, (r) => (kept = r));
    expect(calls).toBe(5);
    expect(xs).toHaveLength(3);
    expect(kept).toBe(5);
  });
});

describe('loopAggregate', () => {
  // Households: h0 and h1 in county 640104, h2 in county 640422.
  const hh: HouseholdColumns = {
    county: Float64Array.from([640104, 640104, 640422]),
    persons: Int32Array.from([2, 3, 4]),
  };
  // Income rows: 2023 Q4 and 2024 Q4 for every household, 2024 Q1 for h2 only, one orphan row.
  const inc: IncomeColumns = {
    hhRow: Int32Array.from([0, 1, 2, 0, 1, 2, 2, -1]),
    year: Int32Array.from([2023, 2023, 2023, 2024, 2024, 2024, 2024, 2024]),
    quarter: Int32Array.from([4, 4, 4, 4, 4, 4, 1, 4]),
    wage: Float64Array.from([100, 200, 400, 150, 250, 400, 90, 1e9]),
    operating: Float64Array.from([0, 0, 0, 0, 0, 0, 0, 0]),
    property: Float64Array.from([0, 0, 0, 0, 0, 0, 10, 0]),
    transfer: Float64Array.from([0, 0, 0, 0, 0, 40, 0, 0]),
  };

  test('sums per county and period, population-weighted per capita, growth over the same quarter', () => {
    const out = loopAggregate(hh, inc);
    expect(out.map((r) => `${r.code} ${r.year}Q${r.quarter}`)).toEqual([
      '640104000000 2023Q4', '640104000000 2024Q4', '640422000000 2023Q4', '640422000000 2024Q1', '640422000000 2024Q4',
    ]);
    const [a23, a24, b23, b24q1, b24] = out;
    expect(a23).toMatchObject({ persons: 5, net: 300, perCapita: 60 });
    expect(a23!.growth).toBeNaN();
    // 400 / 5 = 80, against 60 → +1/3; a mean of household ratios would give (75 + 83.3) / 2 instead.
    expect(a24).toMatchObject({ persons: 5, net: 400, perCapita: 80 });
    expect(a24!.growth).toBeCloseTo(1 / 3, 12);
    expect(b23).toMatchObject({ persons: 4, net: 400, perCapita: 100 });
    expect(b24q1).toMatchObject({ persons: 4, net: 100, perCapita: 25 });
    expect(b24q1!.growth).toBeNaN(); // no 2023 Q1
    expect(b24).toMatchObject({ persons: 4, net: 440, perCapita: 110 });
    expect(b24!.growth).toBeCloseTo(0.1, 12);
  });

  test('compareResults accepts equal results and names the differences', () => {
    const out = loopAggregate(hh, inc);
    expect(compareResults(out, [...out].reverse())).toEqual([]);
    const off = out.map((r, i) => (i === 1 ? { ...r, perCapita: r.perCapita * (1 + 1e-5) } : r));
    expect(compareResults(out, off)).toEqual([expect.stringContaining('640104000000 2024Q4 perCapita')]);
    expect(compareResults(out, out.slice(1))[0]).toMatch(/row counts differ/);
  });
});

describe('ratios against the floor', () => {
  test('pairedRatio is the median of the pairwise ratios, not the ratio of medians', () => {
    // Pairs (10/5, 30/10, 40/40) → ratios 2, 3, 1 → median 2; the medians' ratio would be 30/10 = 3.
    expect(pairedRatio([10, 30, 40], [5, 10, 40])).toMatchObject({ value: 2, unit: 'ratio', n: 3, min: 1, max: 3 });
    expect(() => pairedRatio([1, 2], [1])).toThrow(/2 vs 1/);
  });

  test('medianRatio divides the medians, n 1', () => {
    expect(medianRatio(figure([3, 9, 6], 'ms'), figure([2, 3, 4], 'ms'))).toEqual({ value: 2, unit: 'ratio', n: 1, min: 2, median: 2, max: 2 });
  });

  test('timeInterleaved rotates the order every round and keeps only the timed rounds', async () => {
    const order: string[] = [];
    const out = await timeInterleaved({ a: () => order.push('a'), b: () => order.push('b'), c: () => order.push('c') }, { runs: 2, warmup: 1 });
    expect(order.join('')).toBe('abcbcacab');
    expect(out.a).toHaveLength(2);
    expect(out.b).toHaveLength(2);
  });
});

describe('summarizeTrace', () => {
  const meta = (tid: number, name: string): TraceEvent => ({ name: 'thread_name', ph: 'M', ts: 0, pid: 1, tid, args: { name } });
  const x = (tid: number, name: string, ts: number, dur: number, url?: string): TraceEvent => ({ name, ph: 'X', ts, dur, pid: 1, tid, args: url ? { data: { url } } : {} });

  test('busy time of top-level tasks, self time of nested events by kind and by file, clipped to the window', () => {
    const events = [
      meta(1, 'CrRendererMain'),
      meta(2, 'DedicatedWorker thread'),
      meta(3, 'CrBrowserMain'),
      // Main thread: a 10 ms task holding a 6 ms call of app.js, which holds a 2 ms layout.
      x(1, 'RunTask', 1000, 10_000),
      x(1, 'FunctionCall', 2000, 6000, 'http://h/assets/app.js'),
      x(1, 'Layout', 3000, 2000),
      // A task half inside the window (window ends at 20 ms).
      x(1, 'RunTask', 16_000, 8000),
      x(1, 'ParseHTML', 16_000, 8000),
      // Worker: a call with a GC inside it.
      x(2, 'RunTask', 0, 5000),
      x(2, 'FunctionCall', 0, 5000, 'http://h/assets/worker.js'),
      x(2, 'V8.GC_SCAVENGER', 1000, 1000),
      // Browser process threads are not the page's.
      x(3, 'RunTask', 0, 9000),
    ];
    const s = summarizeTrace(events, 0, 20_000);
    expect(s.window).toBe(20);
    expect(s.threads.map((t) => t.thread.split(' (')[0])).toEqual(['CrRendererMain', 'DedicatedWorker thread']);
    const main = s.threads[0]!;
    expect(main.busy).toBe(14); // 10 + the 4 ms inside the window
    expect(main.byKind.script).toBe(4); // 6 − the 2 ms layout
    expect(main.byKind.style_layout).toBe(2);
    expect(main.byKind.html).toBe(4);
    expect(main.byKind.other).toBe(4); // the first task's own 10 − 6
    expect(main.byScript).toEqual({ 'app.js': 4 });
    const worker = s.threads[1]!;
    expect(worker.byKind.gc).toBe(1);
    expect(worker.byScript).toEqual({ 'worker.js': 4 });
  });

  test('markTs finds the first user-timing mark of a name', () => {
    const ev: TraceEvent[] = [
      { name: 'bench-start', cat: 'blink.user_timing', ph: 'R', ts: 50, pid: 1, tid: 1 },
      { name: 'bench-start', cat: 'blink.user_timing', ph: 'R', ts: 20, pid: 1, tid: 1 },
      { name: 'bench-start', cat: 'devtools.timeline', ph: 'I', ts: 5, pid: 1, tid: 1 },
    ];
    expect(markTs(ev, 'bench-start')).toBe(20);
    expect(markTs(ev, 'bench-end')).toBeNull();
  });
});

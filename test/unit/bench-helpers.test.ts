/**
 * The pure parts of `npm run bench`: the figure summary and the typed-array loop aggregation on a
 * tiny hand-made table with exact per-capita and growth. (The bench itself is not part of npm test.)
 */
import { describe, expect, test } from 'vitest';
import { compareResults, loopAggregate, type HouseholdColumns, type IncomeColumns } from '../../bench/lib/aggregate';
import { figure, timeRuns } from '../../bench/lib/stats';

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

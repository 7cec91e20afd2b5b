import { describe, expect, test } from 'vitest';
import { evaluateTarget, judge, periodOf, type EvaluationContext } from '../../src/targets/evaluate';
import { checkPlan } from '../../src/targets/plan';
import { projectionFactor, type IncomeSums } from '../../src/targets/projection';
import type { Target } from '../../src/targets/types';

const sumsFrom = (table: Record<string, IncomeSums>) => (y: number, q: number) => table[`${y}|${q}`];

describe('in-year projection factor', () => {
  test('pools earlier years: (100 + 120) / (30 + 40) for quarter 2', () => {
    const s = sumsFrom({
      '2022|4': { households: 1, persons: 1, net: 100 },
      '2022|2': { households: 1, persons: 1, net: 30 },
      '2023|4': { households: 1, persons: 1, net: 120 },
      '2023|2': { households: 1, persons: 1, net: 40 },
      '2024|4': { households: 1, persons: 1, net: 999 }, // no quarter 2: left out
    });
    expect(projectionFactor(s, 2025, 2, 2020)).toEqual({ factor: 220 / 70, years: [2022, 2023] });
  });

  test('no earlier year with both figures: no projection', () => {
    expect(projectionFactor(sumsFrom({ '2024|4': { households: 1, persons: 1, net: 1 } }), 2025, 3, 2020)).toBeUndefined();
  });

  test('a full year needs none', () => {
    expect(projectionFactor(() => undefined, 2024, 4, 2020)).toEqual({ factor: 1, years: [] });
  });
});

describe('status rule', () => {
  test('complete years are met or missed only', () => {
    expect(judge(100, 100, 'gte', 0, true, 'yuan')).toBe('met');
    expect(judge(99.99, 100, 'gte', 0, true, 'yuan')).toBe('missed');
    expect(judge(100, 100, 'gt', 0, true, 'rate')).toBe('missed');
    expect(judge(0, 0, 'lte', 0, true, 'count')).toBe('met');
  });

  test('"about" targets pass within their tolerance', () => {
    expect(judge(18999, 19000, 'gte', 0.01, true, 'yuan')).toBe('met');
    expect(judge(18800, 19000, 'gte', 0.01, true, 'yuan')).toBe('missed');
  });

  test('incomplete years: on track, at risk within the band, missed beyond', () => {
    expect(judge(101, 100, 'gte', 0, false, 'yuan')).toBe('on_track');
    expect(judge(97.5, 100, 'gte', 0, false, 'yuan')).toBe('at_risk');
    expect(judge(96, 100, 'gte', 0, false, 'yuan')).toBe('missed');
    expect(judge(0.155, 0.16, 'gte', 0, false, 'rate')).toBe('at_risk');
    expect(judge(0.145, 0.16, 'gte', 0, false, 'rate')).toBe('missed');
    expect(judge(5, 0, 'lte', 0, false, 'count', 1000)).toBe('at_risk');
    expect(judge(11, 0, 'lte', 0, false, 'count', 1000)).toBe('missed');
  });

  test('the period judged: quarter 4 when complete, the as-of quarter otherwise, none after', () => {
    expect(periodOf(2024, { year: 2025, quarter: 3 })).toEqual({ year: 2024, quarter: 4, complete: true });
    expect(periodOf(2025, { year: 2025, quarter: 3 })).toEqual({ year: 2025, quarter: 3, complete: false });
    expect(periodOf(2022, { year: 2022, quarter: 4 })).toEqual({ year: 2022, quarter: 4, complete: true });
    expect(periodOf(2026, { year: 2025, quarter: 3 })).toBeUndefined();
  });
});

describe('evaluateTarget on hand-made sums', () => {
  const table = sumsFrom({
    '2023|4': { households: 2, persons: 10, net: 100000 },
    '2023|3': { households: 2, persons: 10, net: 75000 },
    '2024|4': { households: 2, persons: 10, net: 120000 },
    '2024|3': { households: 2, persons: 10, net: 90000 },
    '2025|3': { households: 2, persons: 10, net: 99000 },
  });
  const ctx = (year: number): EvaluationContext => ({
    planId: 'p', rootCode: '640000000000', unit: { code: '640000000000', level: 1, name: '宁夏', tags: [], parentCode: null },
    year, asOf: { year: 2025, quarter: 3 }, firstYear: 2023, scale: 1, sums: () => table, reference: () => undefined,
  });
  const t = (x: Partial<Target>): Target => ({ id: 'x', label: { zh: '', en: '' }, kind: 'level', metric: 'per_capita_income', population: 'all', years: [2025], source: 's §1', quote: 'q', ...x });

  test('projected level: 9,900 × (220,000 / 165,000) = 13,200', () => {
    const r = evaluateTarget(t({ value: 13000 }), ctx(2025));
    expect(r.actual).toBeCloseTo(13200, 9);
    expect(r).toMatchObject({ projected: true, status: 'on_track', gap: expect.closeTo(200, 9) });
  });

  test('projected growth: 13,200 / 12,000 − 1 = 10%', () => {
    const r = evaluateTarget(t({ kind: 'growth', value: 0.12 }), ctx(2025));
    expect(r.actual).toBeCloseTo(0.1, 12);
    expect(r.status).toBe('missed');
  });

  test('a target marked as needing data the dataset lacks is no_data with its reason', () => {
    const r = evaluateTarget(t({ noData: { zh: '无', en: 'none' } }), ctx(2025));
    expect(r).toMatchObject({ status: 'no_data', actual: null, detail: { reason: { en: 'none' } } });
  });
});

describe('plan files are checked', () => {
  const good = {
    id: 'p', title: { zh: 'a', en: 'a' }, docNo: '', region: '640000000000', period: [2024, 2025], source: 's',
    targets: [{ id: 'a', label: { zh: 'a', en: 'a' }, kind: 'level', metric: 'per_capita_income', population: 'all', years: [2024], value: 1, source: 's §1', quote: 'q' }],
  };
  test('a good plan passes', () => {
    expect(checkPlan(good).targets).toHaveLength(1);
  });
  test('every problem is named', () => {
    const bad = { ...good, region: '64', targets: [{ ...good.targets[0], kind: 'bogus', source: 'no section' }, { ...good.targets[0], kind: 'floor', metric: 'households_below' }] };
    expect(() => checkPlan(bad, 'bad.json')).toThrow(/region.*12-digit.*target a: unknown kind bogus.*cite the seed.*floor target needs "line".*duplicate id/s);
  });
});

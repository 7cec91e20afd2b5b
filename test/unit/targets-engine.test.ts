import { describe, expect, test } from 'vitest';
import { evaluateTarget, judge, periodOf, type EvaluationContext } from '../../src/targets/evaluate';
import { checkPlan } from '../../src/targets/plan';
import { projectionFactor, type IncomeSums } from '../../src/targets/projection';
import { rowDecimals, rowDisplay } from '../../src/targets/display-precision';
import type { Target, ValueUnit } from '../../src/targets/types';
import { formatGap, formatTargetValue } from '../../src/i18n/targets';

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
    expect(r).toMatchObject({ status: 'no_data', actual: null, basis: 'not_evaluable', detail: { reason: { en: 'none' } } });
  });

  test('the gap is computed from the unrounded actual and target: 12,000 − 11,999.6 = 0.4', () => {
    const r = evaluateTarget(t({ value: 11999.6, years: [2024] }), ctx(2024));
    expect(r.gap).toBeCloseTo(0.4, 9);
    expect(r).toMatchObject({ basis: 'data', population: 'all' });
  });

  describe('basis: what a row rests on', () => {
    // Rural income 2023 10,000 (published), 2024 11,000 (estimate); 脱贫县 series 2024 11,500 (published).
    const values: Record<string, number> = { 'rural|2023': 10000, 'rural|2024': 11000, 'county|2024': 11500 };
    const withRefs = (year: number): EvaluationContext => ({
      ...ctx(year),
      reference: (series, _region, y) => values[`${series}|${y}`],
      referenceStatus: (series, _region, y) => (series === 'rural' && y === 2024 ? 'estimate' : values[`${series}|${y}`] !== undefined ? 'published' : undefined),
    });

    test('against a published value: published; against an estimate: estimate', () => {
      expect(evaluateTarget(t({ kind: 'relative', reference: { series: 'rural', region: 'root' }, years: [2023] }), withRefs(2023)).basis).toBe('published');
      expect(evaluateTarget(t({ kind: 'relative', reference: { series: 'rural', region: 'root' }, years: [2024] }), withRefs(2024)).basis).toBe('estimate');
    });

    test('growth of a series leans on both years: 11,000 / 10,000 − 1 = 10%, an estimate', () => {
      const r = evaluateTarget(t({ kind: 'growth', reference: { series: 'rural', region: 'root' }, years: [2024] }), withRefs(2024));
      expect(r.target).toBeCloseTo(0.1, 12);
      expect(r).toMatchObject({ basis: 'estimate', detail: { referenceSeries: 'rural' } });
    });

    test('a series without the year is missing_reference, even when another series has it', () => {
      const r = evaluateTarget(t({ kind: 'relative', reference: { series: 'tuopin', region: 'national' }, years: [2024] }), withRefs(2024));
      expect(r).toMatchObject({ status: 'no_data', basis: 'missing_reference', actual: null, target: null, gap: null, detail: { referenceSeries: 'tuopin' } });
      expect(evaluateTarget(t({ kind: 'relative', reference: { series: 'county', region: 'national' }, years: [2024] }), withRefs(2024)))
        .toMatchObject({ status: 'met', target: 11500, basis: 'published' });
    });

    test('a period not collected is missing_data', () => {
      expect(evaluateTarget(t({ years: [2022], value: 1 }), ctx(2022))).toMatchObject({ status: 'no_data', basis: 'missing_data' });
    });
  });

  describe('reference_series: the unit\'s own value of a series (a county\'s rural disposable income)', () => {
    // County 640100: 2023 9,000, 2024 9,720 (+8%, published); province 640000: 10,000 → 10,700 (+7%); nation: 20,000 → 21,600 (+8%); 2025 none.
    const values: Record<string, number> = {
      'rural|640100000000|2023': 9000, 'rural|640100000000|2024': 9720,
      'rural|640000000000|2023': 10000, 'rural|640000000000|2024': 10700,
      'rural|000000000000|2023': 20000, 'rural|000000000000|2024': 21600,
    };
    const county = (year: number, extra: Record<string, number> = {}): EvaluationContext => ({
      ...ctx(year),
      unit: { code: '640100000000', level: 3, name: '某县', tags: ['key_county'], parentCode: '640000000000' },
      reference: (series, region, y) => ({ ...values, ...extra })[`${series}|${region}|${y}`],
      referenceStatus: (_series, region, y) => (region === '640100000000' && y === 2024 ? 'estimate' : 'published'),
    });
    const growthOfSeries = (x: Partial<Target> = {}) => t({
      kind: 'relative', metric: 'reference_series', series: 'rural', measure: 'growth', years: [2024], comparator: 'gt',
      reference: [{ series: 'rural', region: 'national' }, { series: 'rural', region: 'root' }], ...x,
    });

    test('growth 9,720 / 9,000 − 1 = 8% against the higher of national 8% and provincial 7%: not above, missed', () => {
      const r = evaluateTarget(growthOfSeries(), county(2024));
      expect(r.actual).toBeCloseTo(0.08, 12);
      expect(r.target).toBeCloseTo(0.08, 12);
      expect(r).toMatchObject({ status: 'missed', unit: 'rate', basis: 'estimate', detail: { referenceSeries: 'rural' } });
    });

    test('with the national series at 21,500 (+7.5%) the provincial 7% is lower still: 8% beats both, met', () => {
      const r = evaluateTarget(growthOfSeries(), county(2024, { 'rural|000000000000|2024': 21500 }));
      expect(r.target).toBeCloseTo(0.075, 12);
      expect(r.status).toBe('met');
    });

    test('one reference of the list missing makes the row missing_reference', () => {
      const r = evaluateTarget(growthOfSeries({ reference: [{ series: 'rural', region: 'national' }, { series: 'other', region: 'root' }] }), county(2024));
      expect(r).toMatchObject({ status: 'no_data', basis: 'missing_reference', detail: { referenceSeries: 'other' } });
    });

    test('the unit without its own series is missing_reference, naming the unit', () => {
      const r = evaluateTarget(growthOfSeries(), { ...county(2024), unit: { code: '640200000000', level: 3, name: '另一县', tags: [], parentCode: '640000000000' } });
      expect(r).toMatchObject({ status: 'no_data', basis: 'missing_reference' });
      expect(r.detail?.reason?.en).toBe('Reference series rural (640200000000) has no value for 2024');
    });

    test('the incomplete year extrapolates every series (county 9,720² / 9,000 → +8%) and marks the row projected', () => {
      // Nation +8% too: not above it, but within the 1-point band: at risk.
      const even = evaluateTarget(growthOfSeries({ years: [2025] }), county(2025));
      expect(even.actual).toBeCloseTo(0.08, 12);
      expect(even.target).toBeCloseTo(0.08, 12);
      expect(even).toMatchObject({ projected: true, status: 'at_risk' });
      // Nation 21,500 in 2024 (+7.5%, so 2025 +7.5% too): 8% is above both, on track.
      const ahead = evaluateTarget(growthOfSeries({ years: [2025] }), county(2025, { 'rural|000000000000|2024': 21500 }));
      expect(ahead.target).toBeCloseTo(0.075, 12);
      expect(ahead).toMatchObject({ projected: true, status: 'on_track' });
    });

    test('per-capita income growth (10%, 2024 on 2023) against the unit\'s own series growth (8%): met', () => {
      const r = evaluateTarget(t({ kind: 'relative', measure: 'growth', years: [2024], comparator: 'gt', reference: { series: 'rural', region: 'self' } }), county(2024));
      expect(r.actual).toBeCloseTo(0.2, 12);
      expect(r.target).toBeCloseTo(0.08, 12);
      expect(r).toMatchObject({ status: 'met', basis: 'estimate' });
    });
  });
});

describe('display precision: a row\'s shown actual − shown target = shown gap', () => {
  /** The number a formatted value or gap shows ("+17.14%", "−0.58 pts", "18,999.6"). */
  const shown = (text: string): number => Number(text.replace(/[,%]|pts|个百分点/g, '').replace('−', '-').trim());

  test('17.14% against 16.56%: one decimal would show 17.1 − 16.6 next to a gap of 0.6, so two decimals', () => {
    expect(rowDecimals(0.1714, 0.1656, 0.1714 - 0.1656, 'rate')).toBe(2);
    expect(formatTargetValue(0.1714, 'rate', 'zh', 2)).toBe('+17.14%');
    expect(formatTargetValue(0.1656, 'rate', 'zh', 2)).toBe('+16.56%');
    expect(formatGap(0.1714 - 0.1656, 'rate', 'zh', 2)).toBe('+0.58个百分点');
  });

  test('17.064% against 16.646% (the scorecard once read "+0.4个百分点" next to 17.1% and 16.6%): three decimals', () => {
    expect(rowDisplay(0.17064, 0.16646, 0.17064 - 0.16646, 'rate')).toEqual({ decimals: 3, gap: 0.17064 - 0.16646 });
    expect(formatGap(0.17064 - 0.16646, 'rate', 'en', 3)).toBe('+0.418 pts');
  });

  test('when no precision agrees, the finest is used and the printed gap is the shown difference: 4.6253…% − 2.5537…%', () => {
    const [a, t] = [0.046253415942192073, 0.02553672194480896];
    const r = rowDisplay(a, t, a - t, 'rate');
    expect(r.decimals).toBe(3);
    expect(formatTargetValue(a, 'rate', 'en', 3)).toBe('+4.625%');
    expect(formatTargetValue(t, 'rate', 'en', 3)).toBe('+2.554%');
    expect(formatGap(r.gap, 'rate', 'en', 3)).toBe('+2.071 pts');
  });

  test('one decimal when it agrees: 17.1% − 16.5% = 0.6 points', () => {
    expect(rowDecimals(0.171, 0.165, 0.171 - 0.165, 'rate')).toBe(1);
  });

  test('a gap does not show as zero: 18,999.6 against 19,000 yuan shows one decimal; a surplus of 0.04 yuan may show as 0', () => {
    expect(rowDecimals(18999.6, 19000, -0.4, 'yuan')).toBe(1);
    expect(formatGap(-0.4, 'yuan', 'en', 1)).toBe('−0.4');
    expect(rowDecimals(18000, 19000, -1000, 'yuan')).toBe(0);
    expect(rowDecimals(19000.04, 19000, 0.04, 'yuan')).toBe(0);
    expect(formatGap(0.04, 'yuan', 'zh', 0)).toBe('0');
    // 16.46% against 16.5%: one decimal would show 16.5 − 16.5 = 0.0 next to "missed"; 16.53% above 16.5%
    // would show 0.0 next to "met" for a "greater than" target.
    expect(rowDecimals(0.1646, 0.165, 0.1646 - 0.165, 'rate')).toBe(2);
    expect(rowDecimals(0.1653, 0.165, 0.1653 - 0.165, 'rate', 'gt')).toBe(2);
  });

  test('"at most" targets: gap = target − actual (12 households against 0)', () => {
    expect(rowDecimals(12, 0, -12, 'count', 'lte')).toBe(0);
  });

  test('rows without values use the unit\'s usual precision', () => {
    expect(rowDecimals(null, null, null, 'rate')).toBe(1);
    expect(rowDecimals(null, 0.909, null, 'ratio')).toBe(3);
  });

  test('holds for many values of every unit, in both languages', () => {
    let seed = 12345;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const cases: [ValueUnit, number][] = [['rate', 0.3], ['share', 1], ['ratio', 1.2], ['yuan', 30000], ['persons', 5000]];
    for (const [unit, range] of cases) {
      for (let i = 0; i < 400; i++) {
        const actual = next() * range;
        const target = next() * range;
        const gap = actual - target;
        const { decimals: d, gap: printed } = rowDisplay(actual, target, gap, unit);
        // The printed gap is the computed one, or within one unit of the last decimal shown.
        expect(Math.abs(printed! - gap) * (unit === 'rate' || unit === 'share' ? 100 : 1)).toBeLessThanOrEqual(10 ** -d);
        for (const lang of ['zh', 'en'] as const) {
          const a = shown(formatTargetValue(actual, unit, lang, d));
          const tg = shown(formatTargetValue(target, unit, lang, d));
          const g = shown(formatGap(printed, unit, lang, d));
          expect(Math.abs(a - tg - g), `${unit} ${actual} ${target} (${d} decimals, ${lang})`).toBeLessThan(10 ** -(d + 3));
        }
      }
    }
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
  test('reference_series needs "series"; a list of references only for growth and relative targets', () => {
    const series = { ...good.targets[0], kind: 'relative', metric: 'reference_series', reference: [{ series: 'r', region: 'root' }] };
    expect(checkPlan({ ...good, targets: [{ ...series, series: 'r' }] }).targets).toHaveLength(1);
    expect(() => checkPlan({ ...good, targets: [series] }, 'a.json')).toThrow(/a reference_series target needs "series"/);
    expect(() => checkPlan({ ...good, targets: [{ ...good.targets[0], kind: 'level', reference: [{ series: 'r', region: 'root' }] }] }, 'b.json'))
      .toThrow(/only growth and relative targets compare with a list of references/);
  });
});

import { describe, expect, it } from 'vitest';
import type { HouseholdRow } from '../../src/data/queries/households';
import type { ReferenceValue } from '../../src/data/queries/reference';
import type { RegionPeriodSums } from '../../src/domain/dataset';
import { NO_FILTER } from '../../src/domain/filter';
import { messages } from '../../src/i18n';
import { compositionBars, fullYearPerCapita, projectedPerCapita, shownPeriods, stackSegments } from '../../src/ui/panels/composition';
import { binInRange, householdsInRange, snapRange, withoutIncomeRange } from '../../src/ui/panels/histogram';
import { summarizeLedger } from '../../src/ui/panels/ledger-summary';
import { filterChips } from '../../src/ui/panels/ChipBar';
import { regionNamer } from '../../src/ui/panels/labels';
import { monitoringLineFor, referencesFor } from '../../src/ui/panels/reference-series';

const sums = (year: number, quarter: number, persons: number, wage: number, operating: number, property: number, transfer: number): RegionPeriodSums => ({
  code: 'C', year, quarter, households: 1, persons, net: wage + operating + property + transfer, wage, operating, property, transfer,
  monitored_households: 0, monitored_persons: 0, relocated_households: 0, monitored_net: 0, monitored_wage: 0, monitored_operating: 0, monitored_property: 0, monitored_transfer: 0, monitored_relocated_households: 0,
});

describe('composition', () => {
  it('shows full years up to the as-of year and that year to date', () => {
    expect(shownPeriods([2025, 2023, 2024, 2026], { year: 2025, quarter: 3 })).toEqual([
      { year: 2023, quarter: 4 }, { year: 2024, quarter: 4 }, { year: 2025, quarter: 3 },
    ]);
    expect(shownPeriods([2024], { year: 2024, quarter: 4 })).toEqual([{ year: 2024, quarter: 4 }]);
  });

  it('divides each component sum by the sum of persons', () => {
    const rows = [sums(2024, 4, 4, 8000, 4000, 400, 2000), sums(2025, 3, 4, 6000, 2000, 0, 1000), sums(2025, 4, 4, 1, 1, 1, 1), sums(2024, 3, 4, 1, 1, 1, 1)];
    expect(compositionBars(rows, 'C', [2024, 2025], { year: 2025, quarter: 3 })).toEqual([
      { year: 2024, quarter: 4, yearToDate: false, persons: 4, wage: 2000, operating: 1000, property: 100, transfer: 500, net: 3600 },
      { year: 2025, quarter: 3, yearToDate: true, persons: 4, wage: 1500, operating: 500, property: 0, transfer: 250, net: 2250 },
    ]);
  });

  it('skips periods without persons or rows, and other codes', () => {
    expect(compositionBars([sums(2024, 4, 0, 0, 0, 0, 0), { ...sums(2023, 4, 2, 2, 2, 2, 2), code: 'D' }], 'C', [2023, 2024], { year: 2024, quarter: 4 })).toEqual([]);
  });

  it('stacks segments bottom-up, clipping a negative operating income at zero', () => {
    const bar = compositionBars([sums(2024, 4, 1, 100, -50, 10, 20)], 'C', [2024], { year: 2024, quarter: 4 })[0];
    expect(stackSegments(bar)).toEqual([['wage', 0, 100], ['operating', 100, 100], ['property', 100, 110], ['transfer', 110, 130]]);
  });

  it('keeps full years only for the trend', () => {
    expect(fullYearPerCapita([sums(2025, 3, 2, 10, 0, 0, 0), sums(2024, 4, 2, 30, 0, 0, 0), sums(2023, 4, 2, 20, 0, 0, 0)], 'C')).toEqual([
      { year: 2023, value: 10 }, { year: 2024, value: 15 },
    ]);
  });
});

describe('projection', () => {
  it('scales the year to date by the earlier years’ full-year / same-quarters ratio', () => {
    // 2024: 30,000 by Q3 of 40,000 → factor 4/3; 2025 by Q3: 3,000 per person × 4/3 = 4,000.
    const rows = [sums(2024, 3, 10, 30000, 0, 0, 0), sums(2024, 4, 10, 40000, 0, 0, 0), sums(2025, 3, 2, 6000, 0, 0, 0)];
    expect(projectedPerCapita(rows, 'C', { year: 2025, quarter: 3 }, 2020)).toEqual({ year: 2025, value: 4000 });
  });

  it('projects nothing for a complete year or without earlier years', () => {
    expect(projectedPerCapita([sums(2024, 4, 1, 1, 0, 0, 0)], 'C', { year: 2024, quarter: 4 }, 2020)).toBeUndefined();
    expect(projectedPerCapita([sums(2025, 3, 1, 1, 0, 0, 0)], 'C', { year: 2025, quarter: 3 }, 2020)).toBeUndefined();
  });
});

describe('histogram brushing', () => {
  it('snaps a brushed span to bin edges, in either direction', () => {
    expect(snapRange(5400, 9600)).toEqual([5000, 10000]);
    expect(snapRange(9600, 5400)).toEqual([5000, 10000]);
  });

  it('clamps to [0, max] and refuses empty spans', () => {
    expect(snapRange(-500, 1600)).toEqual([0, 2000]);
    expect(snapRange(39000, 45000)).toEqual([39000, 40000]);
    expect(snapRange(5100, 5400)).toBeNull();
    expect(snapRange(Number.NaN, 100)).toBeNull();
  });

  it('counts households of the bins wholly inside the range', () => {
    const bins = [
      { lo: 0, hi: 1000, households: 1, persons: 1 },
      { lo: 1000, hi: 2000, households: 2, persons: 2 },
      { lo: 2000, hi: Infinity, households: 4, persons: 4 },
    ];
    expect(householdsInRange(bins, [1000, 2000])).toBe(2);
    expect(householdsInRange(bins, [0, 2000])).toBe(3);
    expect(householdsInRange(bins, null)).toBe(0);
    expect(binInRange(bins[2], [0, 40000])).toBe(false);
  });

  it('computes the histogram without its own income range but with every other filter', () => {
    const f = { ...NO_FILTER, categories: ['unstable' as const], incomeRange: [0, 5000] as [number, number] };
    expect(withoutIncomeRange(f)).toEqual({ ...NO_FILTER, categories: ['unstable'] });
    expect(withoutIncomeRange(NO_FILTER)).toBe(NO_FILTER);
  });
});

describe('reference series', () => {
  const ref: ReferenceValue[] = [
    { series: 'rural_disposable_income', region_code: '640000000000', year: 2023, value: 17772, source: '' },
    { series: 'rural_disposable_income', region_code: '640000000000', year: 2022, value: 16430, source: '' },
    { series: 'rural_disposable_income', region_code: '000000000000', year: 2023, value: 21691, source: '' },
    { series: 'tuopin_income_national', region_code: '000000000000', year: 2022, value: 14342, source: '' },
    { series: 'tuopin_county_rural_income_national', region_code: '000000000000', year: 2024, value: 17522, source: '', status: 'published' },
    { series: 'monitoring_line', region_code: '000000000000', year: 2024, value: 7500, source: '' },
  ];
  const t = messages('en');

  it('picks the province’s rural income, the national 脱贫人口 average and, apart, the 脱贫县 series for a county', () => {
    expect(referencesFor(ref, '640422000000', t)).toEqual([
      { label: t.panels.refProvinceRural, points: [{ year: 2022, value: 16430 }, { year: 2023, value: 17772 }] },
      { label: t.panels.refNationalTuopin, points: [{ year: 2022, value: 14342 }] },
      { label: t.panels.refNationalTuopinCounty, points: [{ year: 2024, value: 17522 }] },
    ]);
  });

  it('says in the label when a series holds estimates, and marks those points', () => {
    const est: ReferenceValue[] = [
      { series: 'rural_disposable_income', region_code: '360000000000', year: 2023, value: 21358, source: '', status: 'estimate' },
      { series: 'rural_disposable_income', region_code: '360000000000', year: 2022, value: 19936, source: '', status: 'published' },
    ];
    expect(referencesFor(est, '360000000000', t)).toEqual([{
      label: t.panels.refProvinceRural + t.panels.refEstimateMark, estimate: true,
      points: [{ year: 2022, value: 19936 }, { year: 2023, value: 21358, estimate: true }],
    }]);
  });

  it('falls back to the national rural income for a province without its own', () => {
    expect(referencesFor(ref, '360000000000', t)[0]).toEqual({ label: t.panels.refNationalRural, points: [{ year: 2023, value: 21691 }] });
  });

  it('finds the year’s monitoring line, undefined for a year without one', () => {
    expect(monitoringLineFor(ref, '640422000000', 2024)).toBe(7500);
    expect(monitoringLineFor(ref, '640422000000', 2019)).toBeUndefined();
  });
});

describe('ledger summary', () => {
  const row = (hh_id: string, village_code: string, persons: number, wage: number, transfer: number) =>
    ({ hh_id, village_code, persons, wage, operating: 0, property: 0, transfer }) as HouseholdRow;

  it('counts households and persons, groups villages into townships, and shares income by component', () => {
    const s = summarizeLedger([row('A', '640422100200', 2, 3000, 1000), row('B', '640422101200', 3, 0, 2000), row('C', '640422101201', 1, 1000, 1000)], 4);
    expect(s.households).toBe(3);
    expect(s.persons).toBe(6);
    expect(s.byUnit).toEqual([{ code: '640422101000', households: 2 }, { code: '640422100000', households: 1 }]);
    expect(s.structure).toEqual({ wage: 0.5, operating: 0, property: 0, transfer: 0.5 });
  });

  it('gives NaN shares for an empty ledger', () => {
    expect(summarizeLedger([], 4).structure.wage).toBeNaN();
  });
});

describe('filter chips', () => {
  it('makes one chip per active value, each removing only itself', () => {
    const f = { ...NO_FILTER, categories: ['unstable' as const, 'marginal' as const], relocated: true, causes: [3], incomeRange: [5000, 10000] as [number, number] };
    const chips = filterChips(messages('zh'), 'zh', f);
    expect(chips.map((c) => c.label)).toEqual(['类别：脱贫不稳定户', '类别：边缘易致贫户', '搬迁户', '减收原因：失业、工资降低或务工时间缩短', '人均纯收入 5,000—10,000 元']);
    expect(chips[0].without).toEqual({ ...f, categories: ['marginal'] });
    expect(chips[4].without).toEqual({ ...f, incomeRange: null });
    expect(filterChips(messages('en'), 'en', { ...NO_FILTER, mgmtClasses: ['safety_net'] }).map((c) => c.label)).toEqual(['Management class: Safety net']);
  });

  it('has no chip for an empty filter', () => {
    expect(filterChips(messages('zh'), 'zh', NO_FILTER)).toEqual([]);
  });
});

describe('region names', () => {
  const rows = [
    { code: '640422000000', level: 3 as const, name: '西吉县', name_en: 'Xiji County' },
    { code: '640422100200', level: 5 as const, name: '某村', name_en: '' },
  ];

  it('names in the UI language, falling back to Chinese and then to the code', () => {
    expect(regionNamer(rows, 'zh')('640422000000')).toBe('西吉县');
    expect(regionNamer(rows, 'en')('640422000000')).toBe('Xiji County');
    expect(regionNamer(rows, 'en')('640422100200')).toBe('某村');
    expect(regionNamer(rows, 'en')('640522000000')).toBe('640522000000');
  });
});

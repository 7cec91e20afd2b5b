import { describe, expect, test } from 'vitest';
import {
  binomialCriticalCount, binomialUpperTail, checkIntegrity, countByFlag, flagsWithin, fullestWindow, hbBounds, hbEffect, integrityLines,
  isRound, linesForYear, type IntegrityFlag, type IntegrityIncome,
} from '../../src/integrity';
import type { Plan } from '../../src/targets/types';
import { EXPECTED_FLAGS, integrityFixtureInput, integrityFixtureRows, V, type FixtureRow } from '../helpers/integrity-fixture';

const LINES = [
  { value: 7000, year: 2023, source: 'monitoring_line' },
  { value: 7500, year: 2024, source: 'monitoring_line' },
];

function run(rows: FixtureRow[] = integrityFixtureRows(), strip: { stated?: boolean; persons?: boolean } = {}): IntegrityFlag[] {
  const input = integrityFixtureInput(rows);
  const income: IntegrityIncome[] = input.income.map((r) => ({
    ...r,
    net_income_stated: strip.stated ? undefined : r.net_income_stated,
    persons: strip.persons ? undefined : r.persons,
  }));
  return checkIntegrity({ households: input.households, income, lines: LINES });
}

const brief = (f: IntegrityFlag) => ({ flag: f.flag, village: f.villageCode, ...(f.level === 'household' ? { rawId: f.code } : {}), year: f.year });

describe('statistics', () => {
  test('binomial tail and critical count, hand-checked', () => {
    expect(binomialUpperTail(2, 3, 0.5)).toBeCloseTo(0.5, 12); // (3 + 1) / 8
    expect(binomialUpperTail(0, 3, 0.5)).toBe(1);
    expect(binomialUpperTail(4, 3, 0.5)).toBe(0);
    expect(binomialUpperTail(20, 20, 0.55)).toBeCloseTo(0.55 ** 20, 15);
    // P(X ≥ 19 | 20, 0.55) = 20·0.55^19·0.45 + 0.55^20 ≈ 1.10e-4 ≥ 1e-4, P(X ≥ 20) ≈ 6.4e-6 < 1e-4
    expect(binomialCriticalCount(20, 0.55, 1e-4)).toBe(20);
    expect(binomialCriticalCount(10, 0.55, 1e-4)).toBeNull(); // 0.55^10 ≈ 2.5e-3: too few to say anything
    expect(binomialCriticalCount(100, 0.01, 1e-6)).toBe(9);
    expect(binomialUpperTail(9, 100, 0.01)).toBeLessThan(1e-6);
    expect(binomialUpperTail(8, 100, 0.01)).toBeGreaterThanOrEqual(1e-6);
  });

  test('fullest window counts values within the tolerance', () => {
    expect(fullestWindow([0.1, 0.1004, 0.1009, 0.2, 0.1012], 0.001)).toEqual({ count: 3, centre: 0.1004 });
    expect(fullestWindow([], 1)).toEqual({ count: 0, centre: Number.NaN });
    expect(fullestWindow([5, 5, 5], 0).count).toBe(3);
  });

  test('Hidiroglou–Berthelot effect: a doubling and a halving are equally far, scaled by size^0.5', () => {
    expect(hbEffect(100, 400, 1)).toBeCloseTo(3 * 20, 12); // (4 − 1) · 400^0.5
    expect(hbEffect(400, 100, 1)).toBeCloseTo(-3 * 20, 12); // (1 − 4) · 400^0.5
    expect(hbEffect(100, 110, 1.1)).toBe(0);
    // ratios 1.0, 1.1, 1.2 of x = 100: median 1.1; E = (1 − 1.1)·100^0.5·… , 0, (1.2/1.1 − 1)·120^0.5
    const b = hbBounds([{ x: 100, y: 100 }, { x: 100, y: 110 }, { x: 100, y: 120 }]);
    expect(b.medianRatio).toBeCloseTo(1.1, 12);
    const e3 = (1.2 / 1.1 - 1) * Math.sqrt(120);
    expect(b.upper).toBeCloseTo(7 * (e3 / 2), 10); // E_M = 0, E_Q3 = e3 / 2 (type-7 quantile), C = 7
  });

  test('round figures', () => {
    expect(isRound(3400, 100)).toBe(true);
    expect(isRound(3400.0000001, 100)).toBe(true);
    expect(isRound(3450, 100)).toBe(false);
  });
});

describe('checks on the crafted county', () => {
  test('each planted anomaly is flagged, and nothing else', () => {
    const flags = run();
    expect(flags.map(brief).sort((a, b) => a.flag.localeCompare(b.flag))).toEqual([...EXPECTED_FLAGS].sort((a, b) => a.flag.localeCompare(b.flag)));
    for (const f of flags) expect(f.statistic, f.flag).toBeGreaterThanOrEqual(f.threshold);
    // the decoys and the ordinary villages stay quiet
    expect(flagsWithin(flags, V(6))).toEqual([]);
    expect(flagsWithin(flags, V(7))).toEqual([]);
  });

  test('identical_growth: three quarters of the village at +10%', () => {
    const f = run().find((x) => x.flag === 'identical_growth')!;
    expect(f).toMatchObject({ level: 'village', code: V(3), statistic: 0.75, threshold: 0.5, households: 30, detail: { measure: 'per_capita_rate', value: 0.1, compared: 40 } });
  });

  test('bunching: 20 households just above the 2024 line, none just below', () => {
    const f = run().find((x) => x.flag === 'bunching')!;
    expect(f).toMatchObject({ code: V(4), year: 2024, statistic: 1, threshold: 1, households: 20, detail: { line: 7500, source: 'monitoring_line', above: 20, below: 0 } });
    // the same village against the 2023 line, or no line at all: nothing
    const input = integrityFixtureInput();
    expect(checkIntegrity({ ...input, lines: [] }).some((x) => x.flag === 'bunching')).toBe(false);
    expect(checkIntegrity({ ...input, lines: [{ value: 7500, year: 2023, source: '--lines' }] }).some((x) => x.flag === 'bunching')).toBe(false);
  });

  test('implausible_jump: per-capita income ×4 while the village grows ~9%', () => {
    const f = run().find((x) => x.flag === 'implausible_jump')!;
    expect(f).toMatchObject({ level: 'household', code: 'JUMP-1', villageCode: V(0), households: 1, detail: { ratio: 4, prev: 10000, cur: 40000, peerGroup: 'village', peers: 41 } });
    expect(f.statistic).toBeCloseTo((4 / Number(f.detail.medianRatio) - 1) * Math.sqrt(40000), 1);
  });

  test('components_mismatch: 3,000 yuan over 56,000 in 2024 Q4; 5 yuan off is within tolerance', () => {
    const f = run().find((x) => x.flag === 'components_mismatch')!;
    expect(f).toMatchObject({ code: 'MISMATCH-1', statistic: 0.0508, threshold: 0.01, detail: { stated: 59000, sum: 56000, quarter: 4 } });
    expect(run(undefined, { stated: true }).some((x) => x.flag === 'components_mismatch')).toBe(false);
  });

  test('round_numbers: every 2024 wage and operating figure a multiple of 100', () => {
    const f = run().find((x) => x.flag === 'round_numbers')!;
    expect(f).toMatchObject({ code: V(5), year: 2024, statistic: 1, threshold: 0.3, households: 40, detail: { round: 80, values: 80, unit: 100 } });
  });

  test('persons_change: six persons become five with the same income; not without per-period persons', () => {
    const f = run().find((x) => x.flag === 'persons_change')!;
    expect(f).toMatchObject({ code: 'SHRINK-1', statistic: 0.2, threshold: 0.1, detail: { from: 6, to: 5 } });
    expect(run(undefined, { persons: true }).some((x) => x.flag === 'persons_change')).toBe(false);
  });

  test('without the planted anomalies the county is quiet', () => {
    // the ordinary villages alone, with the household anomalies removed
    const ordinary = integrityFixtureRows().filter((r) => [V(0), V(1), V(2), V(6), V(7)].includes(r.village) && !['JUMP-1', 'MISMATCH-1', 'SHRINK-1'].includes(r.rawId));
    expect(run(ordinary)).toEqual([]);
  });

  test('flags are sorted and counted per kind', () => {
    const flags = run();
    expect(flags.map((f) => f.villageCode)).toEqual([...flags.map((f) => f.villageCode)].sort());
    expect(countByFlag(flags)).toEqual({ identical_growth: 1, bunching: 1, implausible_jump: 1, components_mismatch: 1, round_numbers: 1, persons_change: 1 });
  });

  test('only the years asked for are checked', () => {
    const input = integrityFixtureInput();
    expect(checkIntegrity({ ...input, lines: LINES }, { years: [2023] })).toEqual([]);
    expect(checkIntegrity({ ...input, lines: LINES }, { years: [2024] })).toHaveLength(EXPECTED_FLAGS.length);
  });
});

describe('income lines', () => {
  const reference = [
    { series: 'monitoring_line', region_code: '000000000000', year: 2024, value: 7500 },
    { series: 'monitoring_line', region_code: '000000000000', year: 2025, value: 7800 },
    { series: 'monitoring_line', region_code: '360000000000', year: 2025, value: 8000 },
  ];
  const plan = {
    id: 'p', targets: [
      { id: 'floor-number', kind: 'floor', years: [2025], line: 10000 },
      { id: 'floor-series', kind: 'floor', years: [2024], line: { series: 'monitoring_line', region: 'national' } },
      { id: 'level', kind: 'level', years: [2025], value: 20000 },
    ],
  } as unknown as Plan;

  test('monitoring line (province before nation), plan floors in their years, extra lines every year', () => {
    const lines = integrityLines({ reference, plans: [plan], rootCode: '360000000000', years: [2024, 2025], extra: [12000] });
    expect(lines).toEqual([
      { value: 7500, year: 2024, source: 'monitoring_line' },
      { value: 8000, year: 2025, source: 'monitoring_line' },
      { value: 10000, year: 2025, source: 'plan:p/floor-number' },
      { value: 7500, year: 2024, source: 'plan:p/floor-series' },
      { value: 12000, year: null, source: '--lines' },
    ]);
    expect(linesForYear(lines, 2024).map((l) => [l.value, l.source])).toEqual([[7500, 'monitoring_line'], [12000, '--lines']]);
    expect(linesForYear(lines, 2025).map((l) => l.value)).toEqual([8000, 10000, 12000]);
  });
});

describe('the app side', () => {
  test('the page checks whole counties and full years', async () => {
    const { integrityScope, integrityYear } = await import('../../src/state/use-integrity');
    expect(integrityScope({ code: '640324103203', level: 5 })).toEqual({ code: '640324000000', level: 3 });
    expect(integrityScope({ code: '640324103000', level: 4 })).toEqual({ code: '640324000000', level: 3 });
    expect(integrityScope({ code: '640324000000', level: 3 })).toEqual({ code: '640324000000', level: 3 });
    expect(integrityScope({ code: '640000000000', level: 1 })).toEqual({ code: '640000000000', level: 1 });
    expect(integrityYear({ year: 2025, quarter: 3 })).toBe(2024);
    expect(integrityYear({ year: 2024, quarter: 4 })).toBe(2024);
  });

  test('map marks: flagged villages of the scope at their centres, counted, coloured by count', async () => {
    const { integrityColor, integrityLayer, integrityMarks, INTEGRITY_CLASSES } = await import('../../src/map/integrity/layer');
    const flags = run();
    const villages = new Map([V(0), V(1), V(3), V(4), V(5)].map((code, i) => [code, { code, name: code, name_en: null, lon: 106 + i, lat: 37 }]));
    villages.set(V(2), { code: V(2), name: V(2), name_en: null, lon: null, lat: null } as never);
    const doubled = [...flags, { ...flags.find((f) => f.villageCode === V(3))!, flag: 'round_numbers' as const }];
    const marks = integrityMarks(doubled, villages, { code: '640324103000', level: 4 });
    // V(2) has no centre and is left out; V(3) has two flags
    expect(marks.map((m) => [m.code, m.flags])).toEqual([[V(0), 1], [V(1), 1], [V(3), 2], [V(4), 1], [V(5), 1]]);
    expect(integrityMarks(doubled, villages, { code: '640324104000', level: 4 })).toEqual([]);
    expect(integrityColor(1)).toEqual(INTEGRITY_CLASSES[0]!.color);
    expect(integrityColor(2)).toEqual(INTEGRITY_CLASSES[1]!.color);
    expect(integrityColor(7)).toEqual(INTEGRITY_CLASSES[2]!.color);
    const layer = integrityLayer(marks, true);
    expect(layer).toMatchObject({ spec: 'points', id: 'integrity-villages', pickable: false, visible: true });
    expect(layer.radius(marks[2]!)).toBe(10);
    expect(layer.position(marks[0]!)).toEqual([106, 37]);
  });
});

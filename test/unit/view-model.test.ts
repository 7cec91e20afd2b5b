import { describe, expect, it } from 'vitest';
import type { RegionPeriodSums } from '../../src/domain/dataset';
import { SumsIndex } from '../../src/domain/income';
import { deriveViewModel, metricValue } from '../../src/state/view-model';

function row(code: string, year: number, quarter: number, persons: number, net: number, households = 1, monitored = 0): RegionPeriodSums {
  return { code, year, quarter, households, persons, net, wage: net, operating: 0, property: 0, transfer: 0,
    monitored_households: monitored, monitored_persons: 0, relocated_households: 0, monitored_net: 0, monitored_wage: 0, monitored_operating: 0, monitored_property: 0, monitored_transfer: 0, monitored_relocated_households: 0 };
}

const manifest = { asOf: { year: 2025, quarter: 2 }, years: [2023, 2024, 2025], root: { code: 'R', level: 1 as const } };
const root = new SumsIndex([row('R', 2023, 4, 10, 100_000, 4, 1), row('R', 2024, 4, 10, 115_000, 4, 1), row('R', 2024, 2, 10, 50_000, 4, 1), row('R', 2025, 2, 10, 56_000, 4, 2)]);
const counties = new SumsIndex([
  row('A', 2023, 4, 4, 40_000),
  row('A', 2024, 4, 4, 48_000),
  row('B', 2024, 4, 6, 67_000),
  row('A', 2024, 2, 4, 20_000),
  row('A', 2025, 2, 4, 22_000),
]);

describe('view model', () => {
  it('shows the latest full year by default, with root and county stats', () => {
    const vm = deriveViewModel({ year: null, quarter: null }, manifest, root, { code: 'R', sums: root }, counties, ['A', 'B', 'C']);
    expect(vm.period).toEqual({ year: 2024, quarter: 4, yearToDate: false });
    expect(vm.unit?.perCapita).toBe(11_500);
    expect(vm.unit?.growth).toBeCloseTo(0.15, 12);
    expect(vm.unit?.monitoredShare).toBe(0.25);
    expect(metricValue(vm.children.get('A'), 'income')).toBe(12_000);
    expect(metricValue(vm.children.get('A'), 'growth')).toBeCloseTo(0.2, 12);
    // B has no 2023 row: income known, growth missing. C has no data at all.
    expect(metricValue(vm.children.get('B'), 'income')).toBeCloseTo(11_166.667, 3);
    expect(metricValue(vm.children.get('B'), 'growth')).toBeNaN();
    expect(vm.children.has('C')).toBe(false);
    expect(metricValue(undefined, 'income')).toBeNaN();
  });

  it('shows a drilled-into unit from its own sums, in the period the root defines', () => {
    const vm = deriveViewModel({ year: null, quarter: null }, manifest, root, { code: 'A', sums: counties }, counties, ['A']);
    expect(vm.period).toEqual({ year: 2024, quarter: 4, yearToDate: false });
    expect(vm.unit?.perCapita).toBe(12_000);
    expect(vm.unit?.growth).toBeCloseTo(0.2, 12);
  });

  it('compares a year-to-date period with the same quarter a year earlier', () => {
    const vm = deriveViewModel({ year: 2025, quarter: null }, manifest, root, { code: 'R', sums: root }, counties, ['A']);
    expect(vm.period).toEqual({ year: 2025, quarter: 2, yearToDate: true });
    expect(vm.unit?.growth).toBeCloseTo(0.12, 12);
    expect(metricValue(vm.children.get('A'), 'growth')).toBeCloseTo(0.1, 12);
    expect(vm.years).toEqual([
      { year: 2023, quarter: 4 },
      { year: 2024, quarter: 4 },
      { year: 2025, quarter: 2 },
    ]);
  });
});

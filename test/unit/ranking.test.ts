import { describe, expect, it } from 'vitest';
import type { RegionPeriodSums } from '../../src/domain/dataset';
import { SumsIndex } from '../../src/domain/income';
import { rankCodes } from '../../src/ui/side/RankingList';

function row(code: string, year: number, persons: number, net: number, households: number): RegionPeriodSums {
  return { code, year, quarter: 4, households, persons, net, wage: net, operating: 0, property: 0, transfer: 0, monitored_households: 0, monitored_persons: 0, relocated_households: 0, monitored_net: 0, monitored_wage: 0, monitored_operating: 0, monitored_property: 0, monitored_transfer: 0, monitored_relocated_households: 0 };
}

// A: 10,000 → 12,000 (+20%), 3 households; B: 11,000 → 11,550 (+5%), 9; C: 13,000, no 2023 (growth unknown), 1; D: no data.
const index = new SumsIndex([row('A', 2023, 10, 100_000, 3), row('A', 2024, 10, 120_000, 3), row('B', 2023, 10, 110_000, 9), row('B', 2024, 10, 115_500, 9), row('C', 2024, 2, 26_000, 1)]);
const stats = new Map(['A', 'B', 'C'].map((c) => [c, index.stats(c, 2024, 4)!]));
const codes = ['D', 'C', 'B', 'A'];

describe('ranking list order', () => {
  it('sorts by per-capita income, largest first, regions without data last', () => {
    expect(rankCodes(codes, stats, 'perCapita')).toEqual(['C', 'A', 'B', 'D']);
    expect(rankCodes(codes, stats, 'perCapita', true)).toEqual(['B', 'A', 'C', 'D']);
  });
  it('sorts by growth, unknown growth after the known ones', () => {
    expect(rankCodes(codes, stats, 'growth')).toEqual(['A', 'B', 'C', 'D']);
    expect(rankCodes(codes, stats, 'growth', true)).toEqual(['B', 'A', 'C', 'D']);
  });
  it('sorts by households', () => {
    expect(rankCodes(codes, stats, 'households')).toEqual(['B', 'A', 'C', 'D']);
  });
  it('sorts by gap to a target, the largest shortfall first, units the target does not cover last', () => {
    const gaps = new Map([['A', 0.02], ['B', -0.05], ['C', -0.01]]);
    expect(rankCodes(codes, stats, 'gap', true, gaps)).toEqual(['B', 'C', 'A', 'D']);
  });
});

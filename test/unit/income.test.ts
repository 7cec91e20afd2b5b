import { describe, expect, it } from 'vitest';
import type { RegionPeriodSums } from '../../src/domain/dataset';
import { addSums, growthRate, perCapita, SumsIndex } from '../../src/domain/income';

function sums(code: string, year: number, persons: number, net: number): RegionPeriodSums {
  return { code, year, quarter: 4, households: 1, persons, net, wage: net, operating: 0, property: 0, transfer: 0,
    monitored_households: 0, monitored_persons: 0, relocated_households: 0, monitored_net: 0, monitored_wage: 0, monitored_operating: 0, monitored_property: 0, monitored_transfer: 0, monitored_relocated_households: 0 };
}

describe('perCapita', () => {
  it('weights by persons: two households 1 person/10,000 and 4 persons/20,000 give 6,000, not the mean 7,500', () => {
    const total = addSums([sums('a', 2024, 1, 10000), sums('a', 2024, 4, 20000)], 'a', 2024, 4);
    expect(perCapita(total)).toBe(6000);
    expect((10000 / 1 + 20000 / 4) / 2).toBe(7500);
  });
  it('is NaN with no persons', () => {
    expect(perCapita({ net: 5, persons: 0 })).toBeNaN();
  });
});

describe('growthRate', () => {
  it('is value / previous - 1', () => {
    expect(growthRate(11630, 10000)).toBeCloseTo(0.163, 12);
  });
  it('is NaN when the previous value is missing or zero', () => {
    expect(growthRate(5, Number.NaN)).toBeNaN();
    expect(growthRate(5, 0)).toBeNaN();
  });
});

describe('SumsIndex', () => {
  it('derives growth against the same quarter of the previous year', () => {
    const index = new SumsIndex([sums('x', 2023, 2, 20000), sums('x', 2024, 2, 23000)]);
    const s = index.stats('x', 2024, 4);
    expect(s?.perCapita).toBe(11500);
    expect(s?.growth).toBeCloseTo(0.15, 12);
    expect(index.stats('x', 2023, 4)?.growth).toBeNaN();
    expect(index.stats('y', 2024, 4)).toBeUndefined();
  });
});

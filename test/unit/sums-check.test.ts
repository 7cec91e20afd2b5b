import { describe, expect, it } from 'vitest';
import type { RegionPeriodSums } from '../../src/domain/dataset';
import { compareSums } from '../../src/domain/sums-check';

function row(code: string, net: number, households = 2): RegionPeriodSums {
  return { code, year: 2024, quarter: 4, households, persons: 5, net, wage: net, operating: 0, property: 0, transfer: 0,
    monitored_households: 0, monitored_persons: 0, relocated_households: 0, monitored_net: 0, monitored_wage: 0, monitored_operating: 0, monitored_property: 0, monitored_transfer: 0, monitored_relocated_households: 0 };
}

describe('compareSums', () => {
  it('accepts identical sums whatever the row order', () => {
    const r = compareSums([row('a', 10), row('b', 20)], [row('b', 20), row('a', 10)]);
    expect(r).toEqual({ checked: 2, mismatches: [], mismatchCount: 0 });
  });
  it('accepts a difference within the relative tolerance', () => {
    expect(compareSums([row('a', 1e9)], [row('a', 1e9 + 0.5)]).mismatchCount).toBe(0);
  });
  it('names each differing field', () => {
    const r = compareSums([row('a', 10, 2)], [row('a', 11, 3)]);
    expect(r.mismatchCount).toBe(3);
    expect(r.mismatches).toEqual(['a|2024|4 households: 2 ≠ 3', 'a|2024|4 net: 10 ≠ 11', 'a|2024|4 wage: 10 ≠ 11']);
  });
  it('reports rows missing on either side', () => {
    const r = compareSums([row('a', 1)], [row('b', 1)]);
    expect(r.mismatches).toEqual(['a|2024|4 missing', 'b|2024|4 unexpected']);
  });
});

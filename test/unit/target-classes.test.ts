import { describe, expect, test } from 'vitest';
import { fillOf, NO_DATA_HEX } from '../../src/map/choropleth/classes';
import { gapClassification, STATUS_COLORS, statusClassification } from '../../src/map/choropleth/target-classes';
import type { Status, TargetEvaluation } from '../../src/targets/types';

const ev = (code: string, status: Status, gap: number | null): TargetEvaluation => ({
  planId: 'p', targetId: 't', regionCode: code, regionName: code, year: 2024, actual: 1, target: 1, gap, status, projected: false, unit: 'yuan',
});

describe('target status and gap classes for the map', () => {
  const evals = new Map([
    ['A', ev('A', 'met', 10)],
    ['B', ev('B', 'missed', -30)],
    ['C', ev('C', 'missed', -5)],
    ['D', ev('D', 'no_data', null)],
  ]);

  test('a class per status present, in the fixed order; no_data and absent units get the no-data fill', () => {
    const c = statusClassification(evals, ['A', 'B', 'C', 'D', 'E']);
    expect(c.categories).toEqual(['met', 'missed']);
    expect(c.classes.map((k) => k.count)).toEqual([1, 2]);
    expect(fillOf(c, 'A')).toBe(STATUS_COLORS.met);
    expect(fillOf(c, 'B')).toBe(STATUS_COLORS.missed);
    expect(c.noData).toEqual(['D', 'E']);
    expect(fillOf(c, 'D')).toBe(NO_DATA_HEX);
  });

  test('gaps on a diverging ramp centred on zero: shortfalls and surpluses get different hues', () => {
    const c = gapClassification(evals, ['A', 'B', 'C', 'D'], 'quantile', 3);
    expect(c.center).toBe(0);
    expect(c.noData).toEqual(['D']);
    expect(fillOf(c, 'A')).not.toBe(fillOf(c, 'B'));
  });
});

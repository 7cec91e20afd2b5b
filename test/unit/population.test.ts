import { describe, expect, it } from 'vitest';
import { zeroSums, type RegionPeriodSums } from '../../src/domain/dataset';
import { NO_FILTER } from '../../src/domain/filter';
import { SumsIndex } from '../../src/domain/income';
import {
  applyPopulation, categoriesWithin, defaultPopulation, planPopulation, populationCondition, populationOfFilter, restrictIndex, restrictRows, restrictSums,
} from '../../src/domain/population';
import { parseFilter } from '../../src/state/filter-param';

/**
 * A county of four households in 2024: A tuopin (3 persons, 30,000 yuan, relocated), B unstable
 * (2 persons, 12,000), C marginal (4 persons, 20,000, relocated), D sudden (1 person, 4,000).
 * 脱贫人口 = A, 监测对象 = B + C + D.
 */
const ROW: RegionPeriodSums = {
  ...zeroSums('640422000000', 2024, 4),
  households: 4, persons: 10, net: 66000, wage: 40000, operating: 16000, property: 2000, transfer: 8000,
  monitored_households: 3, monitored_persons: 7, relocated_households: 2,
  monitored_net: 36000, monitored_wage: 20000, monitored_operating: 10000, monitored_property: 1000, monitored_transfer: 5000,
  monitored_relocated_households: 1,
};

describe('populations', () => {
  it('derives 脱贫人口 as all − monitoring objects', () => {
    const t = restrictSums(ROW, 'tuopin');
    expect([t.households, t.persons, t.net, t.wage, t.operating, t.property, t.transfer, t.relocated_households]).toEqual([1, 3, 30000, 20000, 6000, 1000, 3000, 1]);
    expect([t.monitored_households, t.monitored_persons, t.monitored_net, t.monitored_relocated_households]).toEqual([0, 0, 0, 0]);
  });

  it('takes the monitoring objects from their own sums', () => {
    const m = restrictSums(ROW, 'monitored');
    expect([m.households, m.persons, m.net, m.wage, m.transfer, m.relocated_households, m.monitored_households]).toEqual([3, 7, 36000, 20000, 5000, 1, 3]);
  });

  it('leaves all households as they are, and drops periods a population has nobody in', () => {
    expect(restrictSums(ROW, 'all')).toBe(ROW);
    const onlyTuopin = { ...ROW, year: 2023, monitored_households: 0, monitored_persons: 0, monitored_net: 0 };
    expect(restrictRows([ROW, onlyTuopin], 'monitored').map((r) => r.year)).toEqual([2024]);
  });

  it('indexes one population, cached, with growth on the same population', () => {
    const prev = { ...ROW, year: 2023, net: 55000, monitored_net: 30000 };
    const index = new SumsIndex([prev, ROW]);
    const tuopin = restrictIndex(index, 'tuopin');
    expect(restrictIndex(index, 'tuopin')).toBe(tuopin);
    const s = tuopin.stats('640422000000', 2024, 4)!;
    expect(s.perCapita).toBe(30000 / 3);
    // 2023: 55,000 − 30,000 = 25,000 over 3 persons.
    expect(s.growth).toBeCloseTo(30000 / 25000 - 1, 12);
  });

  it('applies the population to a filter and recognises a filter that is only a population', () => {
    expect(applyPopulation(NO_FILTER, 'tuopin').categories).toEqual(['tuopin']);
    expect(applyPopulation(NO_FILTER, 'all')).toBe(NO_FILTER);
    // A category outside the population keeps nobody: it is dropped, the population stands.
    expect(applyPopulation(parseFilter('cat:marginal'), 'tuopin').categories).toEqual(['tuopin']);
    expect(applyPopulation(parseFilter('cat:marginal,tuopin;reloc:1'), 'monitored')).toMatchObject({ categories: ['marginal'], relocated: true });
    expect(categoriesWithin(parseFilter('cat:marginal,tuopin'), 'tuopin')).toEqual(['tuopin']);
    expect(populationOfFilter(applyPopulation(NO_FILTER, 'tuopin'))).toBe('tuopin');
    expect(populationOfFilter(parseFilter('cat:sudden,unstable,marginal'))).toBe('monitored');
    expect(populationOfFilter(NO_FILTER)).toBe('all');
    expect(populationOfFilter(parseFilter('cat:tuopin'))).toBe('tuopin');
    expect(populationOfFilter(parseFilter('cat:tuopin,unstable'))).toBeNull();
    expect(populationOfFilter(parseFilter('cat:tuopin;reloc:0'))).toBeNull();
  });

  it('writes the same groups as SQL, and takes a dataset’s population from its plan', () => {
    expect(populationCondition('tuopin', 'h')).toBe("h.category IN ('tuopin')");
    expect(populationCondition('monitored', 'h')).toBe("h.category IN ('unstable', 'marginal', 'sudden')");
    expect(populationCondition('all', 'h')).toBe('TRUE');
    expect(() => populationCondition('tuopin', 'h; DROP')).toThrow();
    expect(planPopulation({ targets: [{ metric: 'households_below', population: 'monitored' }, { metric: 'per_capita_income', population: 'tuopin' }] })).toBe('tuopin');
    expect(planPopulation({ targets: [{ metric: 'per_capita_income', population: 'relocated' }] })).toBe('all');
    expect(defaultPopulation({ population: 'monitored' })).toBe('monitored');
    expect(defaultPopulation({ population: 'everyone' })).toBe('all');
    expect(defaultPopulation({})).toBe('all');
  });
});

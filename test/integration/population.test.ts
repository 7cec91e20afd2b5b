/**
 * Every population (src/domain/population.ts) derived from the pre-aggregates equals the engine's
 * sums of that population's households: the generated Ningxia demo's `agg/<level>.json`, restricted
 * in JavaScript, against `regionPeriodSumsSql` under the population's category filter, and the
 * targets engine's group sums (the scorecard's 脱贫人口) against the same.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fromColumnar, type ColumnarJson } from '../../src/data/columnar';
import { queryRegionPeriodSums } from '../../src/data/queries/region-sums';
import { groupInPopulation, queryGroupSums } from '../../src/data/queries/targets';
import { SUM_FIELDS, type RegionPeriodSums } from '../../src/domain/dataset';
import { POPULATION_IDS, populationFilter, restrictRows } from '../../src/domain/population';
import type { NativeDuckDB } from '../../src/pipeline/native-duckdb';
import { openNingxiaEngine } from '../fixtures/ningxia-engine';

const agg = (level: string) => fromColumnar<RegionPeriodSums>(JSON.parse(readFileSync(`public/data/ningxia/agg/${level}.json`, 'utf8')) as ColumnarJson);
const key = (r: RegionPeriodSums) => `${r.code}|${r.year}|${r.quarter}`;

describe('populations from the pre-aggregates (Ningxia demo)', () => {
  let db: NativeDuckDB;
  beforeAll(async () => {
    db = await openNingxiaEngine();
  }, 120_000);
  afterAll(async () => db?.close());

  for (const [level, name] of [[3, 'county'], [1, 'province']] as const) {
    test(`equal the engine's sums of each population at the ${name} level`, async () => {
      const rows = agg(name);
      for (const population of POPULATION_IDS) {
        const got = restrictRows(rows, population).sort((a, b) => (key(a) < key(b) ? -1 : 1));
        const want = (await queryRegionPeriodSums(db, { level, filter: populationFilter(population) })).sort((a, b) => (key(a) < key(b) ? -1 : 1));
        expect(got.map(key), population).toEqual(want.map(key));
        got.forEach((r, i) => {
          for (const f of ['households', 'persons', 'net', 'wage', 'operating', 'property', 'transfer', 'relocated_households'] as const) {
            const w = Number(want[i]![f]);
            expect(Math.abs(r[f] - w), `${population} ${key(r)} ${f}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(w)));
          }
        });
      }
    }, 180_000);
  }

  test('the 脱贫人口 of the KPI strip is the scorecard’s: the targets engine’s group sums agree', async () => {
    const root = agg('province').filter((r) => r.year === 2024 && r.quarter === 4)[0]!;
    const tuopin = restrictRows([root], 'tuopin')[0]!;
    const groups = (await queryGroupSums(db, 1, ['640000000000'])).filter((g) => g.year === 2024 && g.quarter === 4 && groupInPopulation(g, 'tuopin'));
    const net = groups.reduce((a, g) => a + g.net, 0);
    const persons = groups.reduce((a, g) => a + Number(g.persons), 0);
    expect(persons).toBe(tuopin.persons);
    expect(net / persons).toBeCloseTo(tuopin.net / tuopin.persons, 6);
    // The population really is a part: fewer than all, more than nobody.
    expect(tuopin.households).toBeLessThan(root.households);
    expect(tuopin.households).toBeGreaterThan(root.households / 2);
  }, 120_000);

  test('every additive field is in the files', () => {
    const cols = Object.keys((JSON.parse(readFileSync('public/data/ningxia/agg/county.json', 'utf8')) as ColumnarJson).columns);
    for (const f of SUM_FIELDS) expect(cols, f).toContain(f);
  });
});

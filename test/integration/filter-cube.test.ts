/**
 * The cross-filter cube (src/data/queries/filter-cube.ts) against the engine's filtered SQL
 * (`regionPeriodSumsSql`): hand-checked on the four-household fixture in DuckDB-WASM, and over
 * the generated Ningxia demo (200,000 households) in native DuckDB for every kind of filter at
 * three map scopes, for the map's regions and for the unit itself.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Connector } from '../../src/data/engine/connector';
import { createNodeConnector } from '../../src/data/engine/node';
import { CUBE_BIN_WIDTH, FilterCube } from '../../src/data/queries/filter-cube';
import { HISTOGRAM_WIDTH } from '../../src/ui/panels/histogram';
import { queryRegionPeriodSums } from '../../src/data/queries/region-sums';
import { SUM_FIELDS, type RegionPeriodSums } from '../../src/domain/dataset';
import { levelOfCode, mapScopeOf } from '../../src/domain/drill';
import { NO_FILTER, type HouseholdFilter, type Period } from '../../src/domain/filter';
import { parseFilter } from '../../src/state/filter-param';
import type { NativeDuckDB } from '../../src/pipeline/native-duckdb';
import { openNingxiaEngine } from '../fixtures/ningxia-engine';
import { createTinyDataset } from '../fixtures/tiny-dataset';

const Y2024: Period = { year: 2024, quarter: 4 };
const f = (part: Partial<HouseholdFilter>): HouseholdFilter => ({ ...NO_FILTER, ...part });

describe('on the four-household fixture (DuckDB-WASM)', () => {
  let db: Connector;
  let cube: FilterCube;
  beforeAll(async () => {
    db = createNodeConnector();
    await createTinyDataset(db);
    cube = await FilterCube.build(db, mapScopeOf('640000000000'), Y2024);
  });
  afterAll(async () => db.close());

  test('keeps only the chosen categories, in both periods (same population)', () => {
    const rows = cube.sums(f({ categories: ['unstable', 'marginal'] }), { code: '640000000000', level: 1 });
    expect(rows.map((r) => [r.code, r.year, r.households, r.net])).toEqual([['640000000000', 2023, 2, 70000], ['640000000000', 2024, 2, 66050]]);
  });

  test('every range the histogram brush can set lies on the cube\'s bin grid', () => {
    expect(HISTOGRAM_WIDTH % CUBE_BIN_WIDTH).toBe(0);
  });

  test('keeps households by per-capita income of the selected period, on the bin grid', () => {
    const filter = f({ incomeRange: [8000, 10000] });
    expect(cube.answers(filter)).toBe(true);
    const rows = cube.sums(filter, { code: '640000000000', level: 1 });
    expect(rows.map((r) => [r.year, r.households, r.persons])).toEqual([[2023, 1, 4], [2024, 1, 4]]);
    expect(cube.answers(f({ incomeRange: [8000, 10500] }))).toBe(false);
  });

  test('splits by county and keeps households by decline cause and relocation', () => {
    const byCause = cube.sums(f({ causes: [4] }));
    expect(byCause.find((r) => r.year === 2024)!.net).toBe(6000);
    const notRelocated = cube.sums(f({ relocated: false }));
    expect(notRelocated.filter((r) => r.year === 2024).map((r) => [r.code, r.households])).toEqual([['640422000000', 2], ['640522000000', 1]]);
  });
});

function close(actual: RegionPeriodSums[], expected: RegionPeriodSums[]): void {
  expect(actual.map((r) => [r.code, r.year, r.quarter])).toEqual(expected.map((r) => [r.code, r.year, r.quarter]));
  actual.forEach((r, i) => {
    // Every additive field, the populations' own sums included; counts exactly, money to 1e-9.
    for (const m of SUM_FIELDS) {
      const e = Number(expected[i]![m]);
      expect(Math.abs(r[m] - e), `${r.code} ${r.year} ${m}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e)));
    }
  });
}

describe('over the Ningxia demo (native DuckDB), equal to the filtered SQL', () => {
  let db: NativeDuckDB;
  let county = '';
  let township = '';
  const period: Period = { year: 2024, quarter: 4 };
  const inPeriods = (rows: RegionPeriodSums[]) => rows.filter((r) => r.quarter === period.quarter && (r.year === period.year || r.year === period.year - 1));

  beforeAll(async () => {
    db = await openNingxiaEngine();
    // The county with the most households, and its largest township.
    county = (await db.query<{ c: string }>('SELECT county_code AS c FROM households GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1'))[0]!.c;
    township = (await db.query<{ c: string }>(`SELECT township_code AS c FROM households WHERE county_code = '${county}' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`))[0]!.c;
  }, 120_000);
  afterAll(async () => db.close());

  const FILTERS = [
    'cat:tuopin', 'cat:unstable,marginal,sudden', 'mgmt:stable', 'mgmt:high_quality,key_monitoring', 'reloc:1', 'reloc:0',
    'cause:1', 'cause:2,5,8', 'inc:0,8000', 'inc:8000,12000', 'inc:12000,40000', 'inc:-5000,3000',
    'cat:tuopin;reloc:1;inc:6000,20000', 'mgmt:key_monitoring;cause:3', 'cat:sudden;mgmt:safety_net;reloc:0;cause:1,2,3,4,5,6,7,8;inc:0,100000',
  ];

  async function check(unit: string, filters: string[]): Promise<number> {
    const scope = mapScopeOf(unit);
    const cube = await FilterCube.build(db, scope, period);
    let nonEmpty = 0;
    for (const text of filters) {
      const filter = parseFilter(text);
      expect(cube.answers(filter), text).toBe(true);
      const children = inPeriods(await queryRegionPeriodSums(db, { level: scope.level, within: { code: scope.scope, level: scope.scopeLevel }, filter, period }));
      close(cube.sums(filter), children);
      const level = levelOfCode(unit);
      const own = inPeriods(await queryRegionPeriodSums(db, { level, within: { code: unit, level }, filter, period }));
      close(cube.sums(filter, { code: unit, level }), own);
      if (children.length) nonEmpty++;
    }
    return nonEmpty;
  }

  test('at the province: counties', async () => {
    expect(await check('640000000000', FILTERS)).toBeGreaterThanOrEqual(FILTERS.length - 2);
  }, 300_000);

  test('at a county: its townships', async () => {
    expect(await check(county, FILTERS.slice(0, 10))).toBeGreaterThanOrEqual(6);
  }, 300_000);

  test('at a village: the villages of its township', async () => {
    const village = (await db.query<{ c: string }>(`SELECT village_code AS c FROM households WHERE township_code = '${township}' ORDER BY 1 LIMIT 1`))[0]!.c;
    expect(await check(village, ['cat:tuopin', 'reloc:1', 'cause:1', 'inc:8000,12000'])).toBeGreaterThanOrEqual(2);
  }, 300_000);
});

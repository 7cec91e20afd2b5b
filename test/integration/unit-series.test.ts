/**
 * The unit series (`src/data/queries/unit-series.ts`): a unit's sums per period by category,
 * management class and relocated, from which the trend and composition panels answer a filter on
 * those attributes. Its answers must equal `regionPeriodSumsSql` under the same filter.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Connector } from '../../src/data/engine/connector';
import { createNodeConnector } from '../../src/data/engine/node';
import type { Within } from '../../src/data/queries/filter';
import { queryRegionPeriodSums } from '../../src/data/queries/region-sums';
import { UnitSeries } from '../../src/data/queries/unit-series';
import { SUM_FIELDS, type RegionPeriodSums } from '../../src/domain/dataset';
import { NO_FILTER } from '../../src/domain/filter';
import type { NativeDuckDB } from '../../src/pipeline/native-duckdb';
import { openNingxiaEngine } from '../fixtures/ningxia-engine';
import { parseFilter } from '../../src/state/filter-param';
import { createTinyDataset } from '../fixtures/tiny-dataset';

const PERIOD = { year: 2024, quarter: 4 };

function expectSameSums(got: RegionPeriodSums[], want: RegionPeriodSums[], label: string): void {
  expect(got.map((r) => [r.code, r.year, r.quarter]), label).toEqual(want.map((r) => [r.code, r.year, r.quarter]));
  got.forEach((r, i) => {
    const w = want[i]!;
    for (const k of SUM_FIELDS) {
      // Counts exactly, money to the 4th decimal.
      if (k.endsWith('households') || k.endsWith('persons')) expect(r[k], `${label} ${r.year}-${r.quarter} ${k}`).toBe(Number(w[k]));
      else expect(r[k], `${label} ${r.year}-${r.quarter} ${k}`).toBeCloseTo(w[k], 4);
    }
  });
}

describe('UnitSeries', () => {
  test('answers filters on household attributes only, not an empty filter or one on a period', () => {
    expect(UnitSeries.answers(NO_FILTER)).toBe(false);
    expect(UnitSeries.answers(parseFilter('cat:tuopin'))).toBe(true);
    expect(UnitSeries.answers(parseFilter('mgmt:stable;reloc:0'))).toBe(true);
    expect(UnitSeries.answers(parseFilter('cause:2'))).toBe(false);
    expect(UnitSeries.answers(parseFilter('cat:tuopin;inc:8000,12000'))).toBe(false);
  });

  describe('on the four-household fixture (DuckDB-WASM)', () => {
    let db: Connector;
    beforeAll(async () => {
      db = createNodeConnector();
      await createTinyDataset(db);
    });
    afterAll(async () => db.close());

    test('equals the filtered query, and a filter keeping no household gives no rows', async () => {
      const within: Within = { code: '640000000000', level: 1 };
      const series = await UnitSeries.build(db, within);
      for (const f of ['cat:tuopin', 'reloc:1', 'reloc:0', 'mgmt:stable', 'cat:tuopin;reloc:1']) {
        const filter = parseFilter(f);
        const want = await queryRegionPeriodSums(db, { level: 1, within, filter, period: PERIOD });
        expectSameSums(series.sums(filter), want, f);
      }
      const none = parseFilter('cat:tuopin;mgmt:stable;reloc:1');
      expect(await queryRegionPeriodSums(db, { level: 1, within, filter: none, period: PERIOD })).toEqual(series.sums(none));
      expect(() => series.sums(parseFilter('cause:1'))).toThrow(/period/);
    });

    test('a household with NULL category, class and relocated counts as the filter SQL counts it', async () => {
      await db.query(`INSERT INTO households BY NAME SELECT 99 AS hh_key, * EXCLUDE (hh_key, category, mgmt_class, relocated), NULL AS category, NULL AS mgmt_class, NULL AS relocated FROM households WHERE hh_key = 1`);
      await db.query(`INSERT INTO income SELECT 99 AS hh_key, * EXCLUDE (hh_key) FROM income WHERE hh_key = 1`);
      const within: Within = { code: '640000000000', level: 1 };
      const series = await UnitSeries.build(db, within);
      for (const f of ['cat:tuopin', 'reloc:1', 'reloc:0', 'mgmt:stable', 'cat:unstable,marginal,sudden']) {
        const filter = parseFilter(f);
        expectSameSums(series.sums(filter), await queryRegionPeriodSums(db, { level: 1, within, filter, period: PERIOD }), `with NULLs ${f}`);
      }
    });
  });

  describe('over the Ningxia demo (native DuckDB)', () => {
    let db: NativeDuckDB;
    beforeAll(async () => {
      db = await openNingxiaEngine();
    }, 120_000);
    afterAll(async () => db.close());

    test('equals regionPeriodSumsSql for attribute filters at province, county, township and village', async () => {
      const [{ county, township, village }] = await db.query<{ county: string; township: string; village: string }>(
        `SELECT county_code AS county, township_code AS township, village_code AS village FROM households GROUP BY 1, 2, 3 ORDER BY count(*) DESC, 3 LIMIT 1`,
      );
      const units: Within[] = [
        { code: '640000000000', level: 1 },
        { code: county!, level: 3 },
        { code: township!, level: 4 },
        { code: village!, level: 5 },
      ];
      const filters = ['cat:tuopin', 'reloc:1', 'cat:tuopin;reloc:1', 'reloc:0', 'mgmt:stable', 'mgmt:high_quality', 'cat:tuopin;reloc:0', 'mgmt:key_monitoring;reloc:1'];
      let rows = 0;
      for (const within of units) {
        const series = await UnitSeries.build(db, within);
        for (const f of filters) {
          const filter = parseFilter(f);
          const want = await queryRegionPeriodSums(db, { level: within.level, within, filter, period: PERIOD });
          expectSameSums(series.sums(filter), want, `${within.code} ${f}`);
          rows += want.length;
        }
      }
      // Every unit and filter had periods to compare (the demo has 11 collected periods).
      expect(rows).toBeGreaterThan(units.length * filters.length * 5);
    }, 120_000);
  });
});

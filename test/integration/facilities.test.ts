/**
 * The facility layers' queries on the Ningxia demo in DuckDB-WASM (the app's engine, Node build),
 * against independent SQL in native DuckDB over the same parquet files.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Connector } from '../../src/data/engine/connector';
import { prepareHouseholdTables } from '../../src/data/engine/household-tables';
import { createNodeConnector } from '../../src/data/engine/node';
import { queryVillageDemandLayer } from '../../src/data/queries/demand-layer';
import { queryFacilities, queryRelocationEmployment } from '../../src/data/queries/facilities';
import { NO_FILTER } from '../../src/domain/filter';
import { NativeDuckDB } from '../../src/pipeline/native-duckdb';

const DATA = 'public/data/ningxia';
let wasm: Connector;
let native: NativeDuckDB;

beforeAll(async () => {
  wasm = createNodeConnector();
  native = await NativeDuckDB.open();
  for (const t of ['regions', 'facilities', 'households', 'income']) {
    await wasm.registerParquet(t, `${DATA}/${t}.parquet`);
    await native.registerParquet(t, `${DATA}/${t}.parquet`);
  }
  await prepareHouseholdTables(wasm);
}, 180_000);
afterAll(async () => {
  await wasm?.close();
  await native?.close();
});

describe('facilities of the Ningxia demo', () => {
  test('every facility, typed, with the parquet totals per kind', async () => {
    const list = await queryFacilities(wasm);
    const expected = await native.query<{ kind: string; n: number; jobs: number; persons: number; linked: number }>(
      `SELECT kind, count(*)::INTEGER AS n, sum(jobs)::INTEGER AS jobs, sum(relocated_persons)::INTEGER AS persons, sum(households_linked)::INTEGER AS linked
       FROM facilities GROUP BY 1 ORDER BY 1`);
    expect(list).toHaveLength(expected.reduce((s, r) => s + Number(r.n), 0));
    for (const r of expected) {
      const own = list.filter((f) => f.kind === r.kind);
      expect(own.length, r.kind).toBe(Number(r.n));
      expect(own.reduce((s, f) => s + f.jobs, 0), r.kind).toBe(Number(r.jobs));
      expect(own.reduce((s, f) => s + f.relocatedPersons, 0), r.kind).toBe(Number(r.persons));
      expect(own.reduce((s, f) => s + f.householdsLinked, 0), r.kind).toBe(Number(r.linked));
    }
    const rs = list.find((f) => f.id === 'RS0008')!;
    expect(rs).toMatchObject({ kind: 'relocation_site', relocatedHouseholds: 1276, relocatedPersons: 5032 });
    expect(typeof rs.lon).toBe('number');
  });

  test('employment of relocated households with labour per site equals an independent count', async () => {
    const rows = await queryRelocationEmployment(wasm, { year: 2024, quarter: 4 });
    const expected = await native.query<{ site: string; lab: number; emp: number }>(`SELECT h.relocation_site AS site, count(*)::INTEGER AS lab,
        sum(CASE WHEN i.employed_out_province + i.employed_in_province + i.employed_in_county > 0 THEN 1 ELSE 0 END)::INTEGER AS emp
      FROM households h JOIN income i ON i.hh_id = h.hh_id
      WHERE i.year = 2024 AND i.quarter = 4 AND h.relocated AND h.labour > 0 GROUP BY 1 ORDER BY 1`);
    expect(rows.map((r) => [r.siteId, r.withLabour, r.employed])).toEqual(expected.map((r) => [r.site, Number(r.lab), Number(r.emp)]));
    expect(rows.length).toBe(141);
  });

  test('demand per village: low-income households with labour among 脱贫人口 of 西吉县, 2024', async () => {
    const xiji = { code: '640422000000', level: 3 as const };
    const rows = await queryVillageDemandLayer(wasm, { population: 'low_income_labour', year: 2024, within: xiji, filter: { ...NO_FILTER, categories: ['tuopin'] }, period: { year: 2024, quarter: 4 } });
    const expected = await native.query<{ v: string; n: number }>(`WITH c AS (SELECT hh_id, wage + operating + property + transfer AS net FROM income WHERE year = 2024 AND quarter = 4),
        p AS (SELECT hh_id, wage + operating + property + transfer AS net FROM income WHERE year = 2023 AND quarter = 4)
      SELECT h.village_code AS v, count(*)::INTEGER AS n FROM households h JOIN c USING (hh_id) JOIN p USING (hh_id)
      WHERE h.category = 'tuopin' AND h.labour > 0 AND c.net / h.persons < 12000 AND c.net / h.persons <= p.net / h.persons
        AND h.village_code LIKE '640422%' GROUP BY 1 ORDER BY 1`);
    expect(rows.map((r) => [r.villageCode, r.households])).toEqual(expected.map((r) => [r.v, Number(r.n)]));
    expect(rows.length).toBeGreaterThan(10);
    const [centre] = await native.query<{ lon: number; lat: number }>(`SELECT lon, lat FROM regions WHERE code = '${rows[0]!.villageCode}'`);
    expect([rows[0]!.lon, rows[0]!.lat]).toEqual([centre!.lon, centre!.lat]);
  });

  test('demand: zero employment and monitoring labour follow the cross-filter (relocated only)', async () => {
    const root = { code: '640000000000', level: 1 as const };
    for (const [population, cond] of [
      ['zero_employment', `h.labour > 0 AND c.emp = 0`],
      ['monitoring_labour', `h.labour > 0 AND h.category <> 'tuopin'`],
    ] as const) {
      const rows = await queryVillageDemandLayer(wasm, { population, year: 2024, within: root, filter: { ...NO_FILTER, relocated: true }, period: { year: 2024, quarter: 4 } });
      const [e] = await native.query<{ n: number }>(`WITH c AS (SELECT hh_id, employed_out_province + employed_in_province + employed_in_county AS emp FROM income WHERE year = 2024 AND quarter = 4)
        SELECT count(*)::INTEGER AS n FROM households h LEFT JOIN c USING (hh_id) WHERE h.relocated AND ${cond}`);
      expect(rows.reduce((s, r) => s + r.households, 0), population).toBe(Number(e!.n));
    }
  });
});

/**
 * The Node connector over the real DuckDB-WASM 1.28 (blocking Node build): exact figures on
 * five-row inline tables, a parquet round trip, result conversion and error propagation.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Connector } from '../../src/data/engine/connector';
import { createNodeConnector } from '../../src/data/engine/node';
import { TINY_HOUSEHOLDS_ROWS, TINY_HOUSEHOLDS_SQL, writeParquetFixtures } from '../fixtures/parquet';

let db: Connector;

beforeAll(async () => {
  db = createNodeConnector();
  // Two counties: 640104 with households of 1, 4 and 5 persons, 640105 with 2 and 3.
  await db.query('CREATE TABLE households (hh_id VARCHAR, village_code VARCHAR, persons INTEGER)');
  await db.query(`INSERT INTO households VALUES
      ('H1', '640104001201', 1), ('H2', '640104001202', 4), ('H3', '640104002201', 5),
      ('H4', '640105001201', 2), ('H5', '640105001202', 3)`);
  // Full-year (quarter 4) household income of 2024, split into the four components.
  await db.query(`CREATE TABLE income (hh_id VARCHAR, year INTEGER, quarter INTEGER,
      wage DOUBLE, operating DOUBLE, property DOUBLE, transfer DOUBLE)`);
  await db.query(`INSERT INTO income VALUES
      ('H1', 2024, 4, 6000.0, 2000.0, 500.0, 1500.0),
      ('H2', 2024, 4, 20000.0, 6000.0, 1000.0, 3000.0),
      ('H3', 2024, 4, 30000.0, 9000.0, 2000.0, 4000.0),
      ('H4', 2024, 4, 12000.0, 5000.0, 0.0, 3000.0),
      ('H5', 2024, 4, 15000.0, 4000.0, 1000.0, 4000.0)`);
});

afterAll(async () => {
  await db.close();
});

describe('per-county per-capita income', () => {
  test('is population-weighted: sum of net income over sum of persons', async () => {
    const rows = await db.query<{ county: string; net: number; persons: number; per_capita: number; households: number }>(`
      SELECT substr(h.village_code, 1, 6) AS county,
             sum(i.wage + i.operating + i.property + i.transfer) AS net,
             sum(h.persons) AS persons,
             sum(i.wage + i.operating + i.property + i.transfer) / sum(h.persons) AS per_capita,
             count(*) AS households
      FROM income i JOIN households h USING (hh_id)
      WHERE i.quarter = 4 AND i.year = 2024
      GROUP BY 1 ORDER BY 1`);
    // 640104: (10000 + 30000 + 45000) / (1 + 4 + 5) = 85000 / 10 = 8500
    // 640105: (20000 + 24000) / (2 + 3) = 44000 / 5 = 8800
    expect(rows).toEqual([
      { county: '640104', net: 85000, persons: 10, per_capita: 8500, households: 3 },
      { county: '640105', net: 44000, persons: 5, per_capita: 8800, households: 2 },
    ]);
  });

  test('differs from the mean of household ratios, which the product must not use', async () => {
    const rows = await db.query<{ county: string; mean_of_ratios: number }>(`
      SELECT substr(h.village_code, 1, 6) AS county,
             avg((i.wage + i.operating + i.property + i.transfer) / h.persons) AS mean_of_ratios
      FROM income i JOIN households h USING (hh_id)
      GROUP BY 1 ORDER BY 1`);
    // 640104: (10000/1 + 30000/4 + 45000/5) / 3 = (10000 + 7500 + 9000) / 3 = 8833.33…
    // 640105: (20000/2 + 24000/3) / 2 = (10000 + 8000) / 2 = 9000
    expect(rows[0]!.county).toBe('640104');
    expect(rows[0]!.mean_of_ratios).toBeCloseTo(26500 / 3, 9);
    expect(rows[0]!.mean_of_ratios).not.toBe(8500);
    expect(rows[1]).toEqual({ county: '640105', mean_of_ratios: 9000 });
  });
});

describe('result conversion', () => {
  test('turns BIGINT, HUGEINT and DECIMAL into numbers, lists into arrays, structs into objects', async () => {
    const [row] = await db.query(`
      SELECT count(*) AS n, sum(persons) AS hugeint_sum, 9007199254740991::BIGINT AS max_safe,
             -12.34::DECIMAL(10, 2) AS dec, -123456789012.345::DECIMAL(18, 3) AS dec18,
             ['a', NULL]::VARCHAR[] AS list, [[1], [2, 3]] AS nested, {'k': 2::BIGINT} AS st,
             DATE '2024-01-02' AS day, NULL::INTEGER AS nothing
      FROM households`);
    expect(row).toEqual({
      n: 5,
      hugeint_sum: 15,
      max_safe: 9007199254740991,
      dec: -12.34,
      dec18: -123456789012.345,
      list: ['a', null],
      nested: [[1], [2, 3]],
      st: { k: 2 },
      day: Date.UTC(2024, 0, 2),
      nothing: null,
    });
  });

  test('keeps extension autoloading off', async () => {
    const [row] = await db.query<{ load: boolean; install: boolean }>(
      `SELECT current_setting('autoload_known_extensions') AS load,
              current_setting('autoinstall_known_extensions') AS install`,
    );
    expect(row).toEqual({ load: false, install: false });
  });
});

describe('registerParquet', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await writeParquetFixtures({
      'tiny.parquet': TINY_HOUSEHOLDS_SQL,
      'other.parquet': `SELECT 'H9' AS hh_id, 7 AS persons`,
    });
  });

  test('reads a parquet file back with VARCHAR[], NULLs, BIGINT and DECIMAL converted', async () => {
    const progress: [number, number][] = [];
    const file = join(dir, 'tiny.parquet');
    await db.registerParquet('tiny', file, { onProgress: (loaded, total) => progress.push([loaded, total]) });
    expect(await db.query('SELECT * FROM tiny ORDER BY hh_id')).toEqual(TINY_HOUSEHOLDS_ROWS);
    const size = statSync(file).size;
    expect(progress.at(-1)).toEqual([size, size]);
  });

  test('replaces an earlier table of the same name', async () => {
    await db.registerParquet('swap', join(dir, 'tiny.parquet'));
    expect(await db.query('SELECT count(*) AS n FROM swap')).toEqual([{ n: 3 }]);
    await db.registerParquet('swap', join(dir, 'other.parquet'));
    expect(await db.query('SELECT * FROM swap')).toEqual([{ hh_id: 'H9', persons: 7 }]);
  });

  test('rejects a missing file and a name that is not an identifier', async () => {
    await expect(db.registerParquet('nope', join(dir, 'missing.parquet'))).rejects.toThrow(/ENOENT/);
    await expect(db.registerParquet('bad name', join(dir, 'tiny.parquet'))).rejects.toThrow(/invalid table name/);
  });
});

describe('errors', () => {
  test('a failing query rejects with DuckDB\'s message', async () => {
    await expect(db.query('SELECT * FROM no_such_table')).rejects.toThrow(
      /Catalog Error: Table with name no_such_table does not exist/,
    );
  });

  test('the connector still answers after an error', async () => {
    await expect(db.query('SELEC 1')).rejects.toThrow(/Parser Error/);
    expect(await db.query('SELECT 42 AS answer')).toEqual([{ answer: 42 }]);
  });

  test('a closed connector rejects', async () => {
    const other = createNodeConnector();
    expect(await other.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await other.close();
    await expect(other.query('SELECT 1')).rejects.toThrow(/closed/);
  });
});

import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEVEL_NAMES, SUM_FIELDS, type Level, type Manifest } from '../../src/domain/dataset';
import { prepareHouseholdTables } from '../../src/data/engine/household-tables';
import { regionPeriodSumsSql } from '../../src/data/queries/region-sums';
import { aggregateDataset } from '../../src/pipeline/aggregate/run';
import { writeColumnarJson } from '../../src/pipeline/aggregate/columnar';
import { parseLevels } from '../../src/pipeline/aggregate/levels';
import { additiveColumns, rollupSql } from '../../src/pipeline/aggregate/rollup';
import { generateNational } from '../../src/pipeline/national/generate';
import { NATIONAL_PERIODS } from '../../src/pipeline/national/geography';
import { NativeDuckDB } from '../../src/pipeline/native-duckdb';
import { toColumnarJson } from '../../src/pipeline/write/files';

const NINGXIA = 'public/data/ningxia';
const dirs: string[] = [];
const tmp = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface Columnar {
  level: number;
  rows: number;
  columns: Record<string, (string | number)[]>;
}
const readAgg = (dir: string, level: Level) =>
  JSON.parse(readFileSync(join(dir, 'agg', `${LEVEL_NAMES[level]}.json`), 'utf8')) as Columnar;

/** Same keys in the same order and every number equal to 1e-9 relative. */
function expectSameSums(actual: Columnar, expected: Columnar, what: string): void {
  expect(actual.level, what).toBe(expected.level);
  expect(actual.rows, what).toBe(expected.rows);
  expect(Object.keys(actual.columns), what).toEqual(Object.keys(expected.columns));
  for (const key of ['code', 'year', 'quarter']) expect(actual.columns[key], `${what} ${key}`).toEqual(expected.columns[key]);
  for (const [name, values] of Object.entries(expected.columns)) {
    values.forEach((e, i) => {
      const a = actual.columns[name][i] as number;
      if (typeof e !== 'number') return;
      const tol = 1e-9 * Math.max(1, Math.abs(e));
      if (!(Math.abs(a - e) <= tol)) throw new Error(`${what}: ${name}[${i}] = ${a}, expected ${e}`);
    });
  }
}

/** Rows of a query as a map key → row, for comparing two queries regardless of float noise. */
async function rowsByKey(db: NativeDuckDB, sql: string): Promise<Map<string, Record<string, number | string>>> {
  const rows = await db.query<Record<string, number | string>>(sql);
  return new Map(rows.map((r) => [`${r.code}|${r.year}|${r.quarter}`, r]));
}

/** The roll-up from village sums equals `regionPeriodSumsSql` at each coarser level, run directly. */
async function expectRollupEqualsDirect(db: NativeDuckDB): Promise<number> {
  await db.run(`CREATE OR REPLACE TEMP TABLE agg_5 AS ${regionPeriodSumsSql({ level: 5 })}`);
  const additive = additiveColumns((await db.query<{ column_name: string }>('DESCRIBE agg_5')).map((d) => d.column_name));
  expect(additive).toEqual([...SUM_FIELDS]);
  let compared = 0;
  for (const level of [1, 2, 3, 4] as Level[]) {
    const direct = await rowsByKey(db, regionPeriodSumsSql({ level }));
    const rolled = await rowsByKey(db, rollupSql('agg_5', level, additive));
    expect(rolled.size, `level ${level}`).toBe(direct.size);
    for (const [key, d] of direct) {
      const r = rolled.get(key);
      expect(r, `level ${level} ${key}`).toBeDefined();
      expect(Object.keys(r!)).toEqual(Object.keys(d));
      for (const c of additive) {
        const e = d[c] as number;
        if (!(Math.abs((r![c] as number) - e) <= 1e-9 * Math.max(1, Math.abs(e)))) throw new Error(`level ${level} ${key} ${c}: ${r![c]} vs ${e}`);
        compared++;
      }
    }
  }
  return compared;
}

describe('aggregate on the Ningxia demo (single dataset folder)', () => {
  let out: string;
  let manifest: Manifest;
  beforeAll(async () => {
    manifest = JSON.parse(readFileSync(join(NINGXIA, 'manifest.json'), 'utf8')) as Manifest;
    out = tmp('agg-nx-');
    await aggregateDataset({ input: NINGXIA, out, threads: 2 });
  });

  it('writes the same agg/<level>.json as the generator, every level', () => {
    for (let level = manifest.root.level; level <= 5; level++) {
      const mine = readAgg(out, level as Level);
      const theirs = readAgg(NINGXIA, level as Level);
      expect(mine.rows).toBeGreaterThan(0);
      expectSameSums(mine, theirs, `level ${level}`);
    }
  });

  it('writes agg/<level>.parquet with the same rows as the JSON', async () => {
    const db = await NativeDuckDB.open();
    try {
      for (let level = manifest.root.level; level <= 5; level++) {
        const json = readAgg(out, level as Level);
        const rows = await db.query<Record<string, number | string>>(
          `SELECT * FROM read_parquet('${join(out, 'agg', `${LEVEL_NAMES[level as Level]}.parquet`)}') ORDER BY code, year, quarter`,
        );
        expect(rows.length).toBe(json.rows);
        expect(Object.keys(rows[0])).toEqual(Object.keys(json.columns));
        expect(rows.map((r) => r.code)).toEqual(json.columns.code);
        expect(rows.map((r) => r.net)).toEqual(json.columns.net);
        expect(rows.map((r) => r.persons)).toEqual(json.columns.persons);
      }
    } finally {
      await db.close();
    }
  });

  it('rolls village sums up to exactly what regionPeriodSumsSql gives at each level', async () => {
    const db = await NativeDuckDB.open();
    try {
      await db.registerParquet('households', join(NINGXIA, 'households.parquet'));
      await db.registerParquet('income', join(NINGXIA, 'income.parquet'));
      await prepareHouseholdTables(db);
      expect(await expectRollupEqualsDirect(db)).toBeGreaterThan(1000);
    } finally {
      await db.close();
    }
  });
});

describe('data:national + aggregate (tiny national run, partitioned folder)', () => {
  const HOUSEHOLDS = 20_000;
  let data: string;
  let out: string;
  beforeAll(async () => {
    data = tmp('nat-');
    out = tmp('nat-agg-');
    await generateNational({ households: HOUSEHOLDS, out: data, seed: 7, threads: 2 });
    await aggregateDataset({ input: data, out, threads: 2, levels: parseLevels('1-5') });
  });

  it('writes the contract columns and types per county folder and says it is synthetic', async () => {
    const summary = JSON.parse(readFileSync(join(data, 'national.json'), 'utf8'));
    expect(summary.synthetic).toBe(true);
    expect(summary.note).toMatch(/SYNTHETIC/);
    expect(summary.provinces).toBe(31);
    expect(summary.counties).toBeGreaterThan(2500);
    expect(summary.townships).toBeGreaterThan(30_000);
    expect(summary.villages).toBeGreaterThan(400_000);
    const counties = readdirSync(join(data, 'parts'));
    expect(counties.every((c) => /^\d{6}$/.test(c))).toBe(true);
    expect(counties.length).toBe(summary.countiesWithHouseholds);
    const db = await NativeDuckDB.open();
    try {
      const types = async (f: string) =>
        Object.fromEntries((await db.query<{ column_name: string; column_type: string }>(
          `DESCRIBE SELECT * FROM read_parquet('${join(data, 'parts', '*', f)}')`)).map((d) => [d.column_name, d.column_type]));
      expect(await types('households.parquet')).toEqual({
        hh_id: 'VARCHAR', village_code: 'VARCHAR', persons: 'INTEGER', labour: 'INTEGER', category: 'VARCHAR',
        mgmt_class: 'VARCHAR', no_labour: 'BOOLEAN', safety_net: 'BOOLEAN', relocated: 'BOOLEAN', relocation_site: 'VARCHAR',
        risk_tags: 'VARCHAR[]', measures: 'VARCHAR[]', risk_cleared: 'BOOLEAN',
      });
      expect(await types('income.parquet')).toEqual({
        hh_id: 'VARCHAR', year: 'INTEGER', quarter: 'INTEGER', wage: 'DOUBLE', operating: 'DOUBLE', property: 'DOUBLE',
        transfer: 'DOUBLE', employed_out_province: 'INTEGER', employed_in_province: 'INTEGER', employed_in_county: 'INTEGER',
        decline_cause: 'INTEGER',
      });
      const [hh] = await db.query<{ n: number; ids: number; bad: number; misplaced: number }>(
        `SELECT count(*) AS n, count(DISTINCT hh_id) AS ids,
                count(*) FILTER (WHERE NOT regexp_matches(village_code, '^\\d{12}$') OR persons < 1 OR labour > persons
                                 OR category NOT IN ('tuopin', 'unstable', 'marginal', 'sudden')) AS bad,
                count(*) FILTER (WHERE substr(village_code, 1, 6) <> regexp_extract(filename, '/(\\d{6})/households', 1)) AS misplaced
         FROM read_parquet('${join(data, 'parts', '*', 'households.parquet')}', filename = true)`,
      );
      expect(hh).toEqual({ n: HOUSEHOLDS, ids: HOUSEHOLDS, bad: 0, misplaced: 0 });
      const [inc] = await db.query<{ n: number; periods: number; causes: number }>(
        `SELECT count(*) AS n, count(DISTINCT year * 10 + quarter) AS periods, count(DISTINCT decline_cause) AS causes
         FROM read_parquet('${join(data, 'parts', '*', 'income.parquet')}')`,
      );
      expect(inc).toEqual({ n: HOUSEHOLDS * NATIONAL_PERIODS.length, periods: NATIONAL_PERIODS.length, causes: 8 });
    } finally {
      await db.close();
    }
  });

  it('county sums add up to province sums, and province sums to all households', () => {
    const county = readAgg(out, 3);
    const province = readAgg(out, 1);
    expect(province.rows).toBe(31 * NATIONAL_PERIODS.length);
    const fromCounties = new Map<string, number[]>();
    const cols = ['households', 'persons', 'net', 'wage', 'transfer', 'monitored_persons', 'relocated_households'];
    county.columns.code.forEach((code, i) => {
      const key = `${String(code).slice(0, 2)}0000000000|${county.columns.year[i]}|${county.columns.quarter[i]}`;
      const acc = fromCounties.get(key) ?? cols.map(() => 0);
      cols.forEach((c, k) => (acc[k] += county.columns[c][i] as number));
      fromCounties.set(key, acc);
    });
    expect(fromCounties.size).toBe(province.rows);
    province.columns.code.forEach((code, i) => {
      const acc = fromCounties.get(`${code}|${province.columns.year[i]}|${province.columns.quarter[i]}`)!;
      cols.forEach((c, k) => expect(acc[k], `${code} ${c}`).toBeCloseTo(province.columns[c][i] as number, 3));
    });
    for (const p of NATIONAL_PERIODS) {
      const total = province.columns.households
        .filter((_, i) => province.columns.year[i] === p.year && province.columns.quarter[i] === p.quarter)
        .reduce<number>((s, v) => s + (v as number), 0);
      expect(total).toBe(HOUSEHOLDS);
    }
  });

  it('households per county folder equal the county sums’ households in every period', async () => {
    const county = readAgg(out, 3);
    const db = await NativeDuckDB.open();
    try {
      const rows = await db.query<{ c: string; n: number }>(
        `SELECT regexp_extract(filename, '/(\\d{6})/households', 1) AS c, count(*) AS n
         FROM read_parquet('${join(data, 'parts', '*', 'households.parquet')}', filename = true) GROUP BY 1`,
      );
      const perFolder = new Map(rows.map((r) => [`${r.c}000000`, r.n]));
      expect(county.rows).toBe(perFolder.size * NATIONAL_PERIODS.length);
      county.columns.code.forEach((code, i) => expect(county.columns.households[i], String(code)).toBe(perFolder.get(String(code))));
    } finally {
      await db.close();
    }
  });

  it('rolls village sums up to exactly what regionPeriodSumsSql gives, over the parquet glob', async () => {
    const db = await NativeDuckDB.open();
    try {
      await db.registerParquet('households', join(data, 'parts', '*', 'households.parquet'));
      await db.registerParquet('income', join(data, 'parts', '*', 'income.parquet'));
      await prepareHouseholdTables(db);
      expect(await expectRollupEqualsDirect(db)).toBeGreaterThan(1000);
      const village = readAgg(out, 5);
      const direct = await db.query<{ n: number }>(`SELECT count(*) AS n FROM (${regionPeriodSumsSql({ level: 5 })})`);
      expect(village.rows).toBe(direct[0].n);
    } finally {
      await db.close();
    }
  });

  it('is deterministic for a seed, and a different seed differs', async () => {
    const hashes = async (seed: number) => {
      const d = tmp('nat-det-');
      await generateNational({ households: 300, out: d, seed, threads: 2 });
      const h = createHash('sha256');
      for (const c of readdirSync(join(d, 'parts')).sort()) {
        for (const f of ['households.parquet', 'income.parquet']) h.update(c + f).update(readFileSync(join(d, 'parts', c, f)));
      }
      return h.digest('hex');
    };
    const a = await hashes(11);
    expect(await hashes(11)).toBe(a);
    expect(await hashes(12)).not.toBe(a);
  });
});

describe('aggregate input errors name the file', () => {
  it('a dataset folder without income.parquet', async () => {
    const d = tmp('agg-bad-');
    copyFileSync(join(NINGXIA, 'households.parquet'), join(d, 'households.parquet'));
    await expect(aggregateDataset({ input: d, out: tmp('agg-out-') })).rejects.toThrow(`missing ${join(d, 'income.parquet')}`);
  });

  it('a county folder without income.parquet', async () => {
    const d = tmp('agg-bad-');
    mkdirSync(join(d, 'parts', '640402'), { recursive: true });
    copyFileSync(join(NINGXIA, 'households.parquet'), join(d, 'parts', '640402', 'households.parquet'));
    await expect(aggregateDataset({ input: d, out: tmp('agg-out-') })).rejects.toThrow(`missing ${join(d, 'parts', '640402', 'income.parquet')}`);
  });

  it('a households file lacking a column, and a wrongly typed one', async () => {
    const d = tmp('agg-bad-');
    const db = await NativeDuckDB.open();
    try {
      await db.run(`COPY (SELECT * EXCLUDE (persons) FROM read_parquet('${NINGXIA}/households.parquet')) TO '${d}/households.parquet' (FORMAT PARQUET)`);
      await db.run(`COPY (SELECT * REPLACE (year::VARCHAR AS year) FROM read_parquet('${NINGXIA}/income.parquet') LIMIT 100) TO '${d}/income.parquet' (FORMAT PARQUET)`);
    } finally {
      await db.close();
    }
    const error = await aggregateDataset({ input: d, out: tmp('agg-out-') }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(`${join(d, 'households.parquet')}: missing column persons`);
    expect((error as Error).message).toContain(`${join(d, 'income.parquet')}: column year is VARCHAR, expected integer`);
  });

  it('a folder with neither layout', async () => {
    const d = tmp('agg-empty-');
    await expect(aggregateDataset({ input: d, out: tmp('agg-out-') })).rejects.toThrow(/expected .*households\.parquet/);
  });
});

describe('aggregate helpers', () => {
  it('streams the same text as toColumnarJson', () => {
    const rows = [
      { code: '640000000000', year: 2024, quarter: 4, households: 3, net: 1234.5, x: null },
      { code: '650000000000', year: 2025, quarter: 1, households: 0, net: 0.1 + 0.2, x: 'a"b' },
    ];
    const d = tmp('col-');
    const names = Object.keys(rows[0]) as (keyof (typeof rows)[0])[];
    writeColumnarJson(join(d, 'a.json'), names.map((n) => ({ name: n, values: rows.map((r) => r[n]) })), { level: 1 });
    expect(readFileSync(join(d, 'a.json'), 'utf8')).toBe(toColumnarJson(rows, { level: 1 }));
    writeColumnarJson(join(d, 'b.json'), [], { level: 2 });
    expect(readFileSync(join(d, 'b.json'), 'utf8')).toBe(toColumnarJson([], { level: 2 }));
  });

  it('parses --levels', () => {
    expect(parseLevels('1-5')).toEqual([1, 2, 3, 4, 5]);
    expect(parseLevels('5,3,3-4')).toEqual([3, 4, 5]);
    expect(() => parseLevels('0-6')).toThrow(/--levels/);
    expect(() => parseLevels('4-2')).toThrow(/backwards/);
  });
});

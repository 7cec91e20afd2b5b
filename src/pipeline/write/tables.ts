import { BOOLEAN, DOUBLE, DuckDBDataChunk, INTEGER, LIST, VARCHAR, listValue, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';

const VARCHAR_LIST = LIST(VARCHAR);
import type { RegionNode } from '../geography/region-tree';
import { CATEGORIES, MGMT_CLASSES, type Households } from '../generate/households';
import type { CollectiveRow, FacilityRow } from '../generate/facilities';
import type { IncomeTable } from '../generate/income-rows';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { quoteString, type NativeDuckDB } from '../native-duckdb';

/** One row of `reference.parquet` (the type the user's series are read into, src/import/reference.ts). */
export type { ReferenceRow } from '../../import/reference';
import type { ReferenceRow } from '../../import/reference';

/** Parquet options of every file: ZSTD and format V2 (12% smaller than V1 at the same load time in
 * DuckDB-WASM 1.28; bench/parquet-path/RESULTS.md), default row groups. */
const PARQUET = "FORMAT PARQUET, COMPRESSION ZSTD, PARQUET_VERSION V2";

async function copyOut(db: NativeDuckDB, select: string, path: string): Promise<void> {
  await db.run(`COPY (${select}) TO ${quoteString(path)} (${PARQUET})`);
}

/** Appends columns to `table` in chunks of DuckDB's vector size (much faster than row by row). */
async function appendColumns(db: NativeDuckDB, table: string, types: DuckDBType[], rows: number, column: (k: number, from: number, to: number) => DuckDBValue[]): Promise<void> {
  const appender = await db.connection.createAppender(table);
  for (let from = 0; from < rows; from += CHUNK) {
    const to = Math.min(rows, from + CHUNK);
    const chunk = DuckDBDataChunk.create(types, to - from);
    for (let k = 0; k < types.length; k++) chunk.setColumnValues(k, column(k, from, to));
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
}
const CHUNK = 2048;

function slice<T>(values: ArrayLike<T>, from: number, to: number, map?: (v: T, i: number) => DuckDBValue): DuckDBValue[] {
  const out: DuckDBValue[] = new Array(to - from);
  for (let i = from; i < to; i++) out[i - from] = map ? map(values[i], i) : (values[i] as DuckDBValue);
  return out;
}

/** Loads households into table `households` (kept for the income join and aggregation) and writes
 * them to `path` (null: load only, e.g. when the files are written per county by `writeCountyParts`). */
export async function writeHouseholds(db: NativeDuckDB, hh: Households, path: string | null): Promise<void> {
  await db.run(`CREATE OR REPLACE TABLE households_raw (idx INTEGER, hh_id VARCHAR, village_code VARCHAR, persons INTEGER,
    labour INTEGER, category VARCHAR, mgmt_class VARCHAR, no_labour BOOLEAN, safety_net BOOLEAN, relocated BOOLEAN,
    relocation_site VARCHAR, risk_tags VARCHAR, measures VARCHAR, risk_cleared BOOLEAN)`);
  const types = [INTEGER, VARCHAR, VARCHAR, INTEGER, INTEGER, VARCHAR, VARCHAR, BOOLEAN, BOOLEAN, BOOLEAN, VARCHAR, VARCHAR, VARCHAR, BOOLEAN];
  const bool = (v: number) => v === 1;
  const columns: ((from: number, to: number) => DuckDBValue[])[] = [
    (f, t) => slice(Array.from({ length: t - f }, (_, i) => f + i), 0, t - f),
    (f, t) => slice(hh.hhId, f, t),
    (f, t) => slice(hh.village, f, t, (v) => v.code),
    (f, t) => slice(hh.persons, f, t),
    (f, t) => slice(hh.labour, f, t),
    (f, t) => slice(hh.category, f, t, (v) => CATEGORIES[v]),
    (f, t) => slice(hh.mgmtClass, f, t, (v) => MGMT_CLASSES[v]),
    (f, t) => slice(hh.noLabour, f, t, bool),
    (f, t) => slice(hh.safetyNet, f, t, bool),
    (f, t) => slice(hh.relocated, f, t, bool),
    (f, t) => slice(hh.site, f, t, (v) => (v < 0 ? null : hh.sites[v].id)),
    (f, t) => slice(hh.riskTags, f, t, (v) => v.join('|')),
    (f, t) => slice(hh.measures, f, t, (v) => v.join('|')),
    (f, t) => slice(hh.riskCleared, f, t, bool),
  ];
  await appendColumns(db, 'households_raw', types, hh.count, (k, f, t) => columns[k](f, t));
  const list = (c: string) => `CASE WHEN ${c} = '' THEN []::VARCHAR[] ELSE string_split(${c}, '|') END AS ${c}`;
  await db.run(`CREATE OR REPLACE TABLE households AS SELECT idx, hh_id, village_code, persons, labour, category, mgmt_class,
    no_labour, safety_net, relocated, relocation_site, ${list('risk_tags')}, ${list('measures')}, risk_cleared
    FROM households_raw ORDER BY village_code, hh_id`);
  await db.run('DROP TABLE households_raw');
  if (path !== null) await copyOut(db, 'SELECT * EXCLUDE (idx) FROM households ORDER BY village_code, hh_id', path);
}

/** Loads the income rows into table `income` (household order as in households.parquet) and writes
 * them to `path` (null: load only). */
export async function writeIncome(db: NativeDuckDB, t: IncomeTable, path: string | null): Promise<void> {
  await db.run(`CREATE OR REPLACE TABLE income_raw (idx INTEGER, year INTEGER, quarter INTEGER, wage DOUBLE,
    operating DOUBLE, property DOUBLE, transfer DOUBLE, employed_out_province INTEGER, employed_in_province INTEGER,
    employed_in_county INTEGER, decline_cause INTEGER)`);
  const types = [INTEGER, INTEGER, INTEGER, DOUBLE, DOUBLE, DOUBLE, DOUBLE, INTEGER, INTEGER, INTEGER, INTEGER];
  const arrays: ArrayLike<number>[] = [t.hhIndex, t.year, t.quarter, t.wage, t.operating, t.property, t.transfer,
    t.employedOutProvince, t.employedInProvince, t.employedInCounty];
  await appendColumns(db, 'income_raw', types, t.rows, (k, f, to) =>
    k < arrays.length ? slice(arrays[k], f, to) : slice(t.declineCause, f, to, (v) => (v === 0 ? null : v)),
  );
  await db.run(`CREATE OR REPLACE TABLE income AS
    SELECT h.hh_id, i.year, i.quarter, i.wage, i.operating, i.property, i.transfer, i.employed_out_province,
      i.employed_in_province, i.employed_in_county, i.decline_cause
    FROM income_raw i JOIN households h ON i.idx = h.idx
    ORDER BY h.village_code, h.hh_id, i.year, i.quarter`);
  await db.run('DROP TABLE income_raw');
  if (path !== null) await copyOut(db, 'SELECT * FROM income', path);
}

/** One county's household files written by `writeCountyParts`, paths relative to the dataset folder. */
export interface CountyPart {
  /** 6-digit county prefix, the folder name under `parts/`. */
  county6: string;
  households: { path: string; rows: number };
  income: { path: string; rows: number };
}

/**
 * Writes the loaded `households` and `income` tables (`writeHouseholds` / `writeIncome` with a null
 * path) as `parts/<county6>/households.parquet` (ordered by village_code, hh_id, as the single file)
 * and `parts/<county6>/income.parquet` (ordered by hh_id, year, quarter) under `out`, one pair for
 * every county prefix in `counties6` (a county without households gets files with no rows).
 */
export async function writeCountyParts(db: NativeDuckDB, out: string, counties6: string[]): Promise<CountyPart[]> {
  await db.run(`CREATE OR REPLACE TEMP TABLE income_by_county AS
    SELECT substr(h.village_code, 1, 6) AS county6, i.*
    FROM income i JOIN households h ON h.hh_id = i.hh_id
    ORDER BY county6, i.hh_id, i.year, i.quarter`);
  const parts: CountyPart[] = [];
  for (const c of counties6) {
    if (!/^\d{6}$/.test(c)) throw new Error(`not a 6-digit county prefix: ${c}`);
    const dir = join(out, 'parts', c);
    mkdirSync(dir, { recursive: true });
    const hhPath = `parts/${c}/households.parquet`;
    const incPath = `parts/${c}/income.parquet`;
    await copyOut(db, `SELECT * EXCLUDE (idx) FROM households WHERE substr(village_code, 1, 6) = '${c}' ORDER BY village_code, hh_id`, join(out, hhPath));
    await copyOut(db, `SELECT * EXCLUDE (county6) FROM income_by_county WHERE county6 = '${c}' ORDER BY hh_id, year, quarter`, join(out, incPath));
    const [h] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM households WHERE substr(village_code, 1, 6) = '${c}'`);
    const [i] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM income_by_county WHERE county6 = '${c}'`);
    parts.push({ county6: c, households: { path: hhPath, rows: Number(h.n) }, income: { path: incPath, rows: Number(i.n) } });
  }
  await db.run('DROP TABLE income_by_county');
  return parts;
}

/** A column of a plain table: name, SQL type, the node-api type, and how to read it from a row. */
export type Column<T> = [name: string, sql: string, type: DuckDBType, get: (row: T) => DuckDBValue];

export const str = <T>(name: string, get: (r: T) => string | null): Column<T> => [name, 'VARCHAR', VARCHAR, get];
export const int = <T>(name: string, get: (r: T) => number): Column<T> => [name, 'INTEGER', INTEGER, get];
export const dbl = <T>(name: string, get: (r: T) => number): Column<T> => [name, 'DOUBLE', DOUBLE, get];
export const bool = <T>(name: string, get: (r: T) => boolean): Column<T> => [name, 'BOOLEAN', BOOLEAN, get];
export const strList = <T>(name: string, get: (r: T) => string[]): Column<T> => [name, 'VARCHAR[]', VARCHAR_LIST, (r) => listValue(get(r))];

/** Creates `table` from `columns`, appends `rows` in chunks and writes it as parquet ordered by `orderBy`. */
export async function writeRows<T>(db: NativeDuckDB, table: string, columns: Column<T>[], rows: T[], orderBy: string, path: string): Promise<void> {
  await db.run(`CREATE OR REPLACE TABLE ${table} (${columns.map(([n, sql]) => `${n} ${sql}`).join(', ')})`);
  await appendColumns(db, table, columns.map((c) => c[2]), rows.length, (k, f, t) => slice(rows, f, t, columns[k][3]));
  await copyOut(db, `SELECT * FROM ${table} ORDER BY ${orderBy}`, path);
}

/** Writes `regions.parquet` (CONTRACT.md), ordered by code. */
export async function writeRegions(db: NativeDuckDB, regions: RegionNode[], path: string): Promise<void> {
  await writeRows<RegionNode>(db, 'regions', [
    str('code', (r) => r.code),
    str('name', (r) => r.name),
    str('name_en', (r) => r.name_en),
    int('level', (r) => r.level),
    str('parent_code', (r) => r.parent_code),
    dbl('lon', (r) => r.lon),
    dbl('lat', (r) => r.lat),
    dbl('area_km2', (r) => r.area_km2),
    ['tags', 'VARCHAR[]', VARCHAR_LIST, (r) => listValue(r.tags)],
  ], regions, 'code', path);
}

/** Writes `villages.parquet`: collective income per village and year. */
export async function writeCollective(db: NativeDuckDB, rows: CollectiveRow[], path: string): Promise<void> {
  await writeRows<CollectiveRow>(db, 'villages', [
    str('village_code', (r) => r.village_code),
    int('year', (r) => r.year),
    dbl('collective_income', (r) => r.collective_income),
  ], rows, 'village_code, year', path);
}

/** Writes `facilities.parquet`. */
export async function writeFacilities(db: NativeDuckDB, rows: FacilityRow[], path: string): Promise<void> {
  await writeRows<FacilityRow>(db, 'facilities', [
    str('id', (r) => r.id),
    str('kind', (r) => r.kind),
    str('name', (r) => r.name),
    str('industry', (r) => r.industry),
    dbl('lon', (r) => r.lon),
    dbl('lat', (r) => r.lat),
    str('county_code', (r) => r.county_code),
    str('village_code', (r) => r.village_code),
    int('opened_year', (r) => r.opened_year),
    str('status', (r) => r.status),
    int('households_linked', (r) => r.households_linked),
    int('jobs', (r) => r.jobs),
    int('relocated_households', (r) => r.relocated_households),
    int('relocated_persons', (r) => r.relocated_persons),
  ], rows, 'id', path);
}

/** Writes `reference.parquet`. */
export async function writeReference(db: NativeDuckDB, rows: ReferenceRow[], path: string): Promise<void> {
  await writeRows<ReferenceRow>(db, 'reference', [
    str('series', (r) => r.series),
    str('region_code', (r) => r.region_code),
    int('year', (r) => r.year),
    dbl('value', (r) => r.value),
    str('source', (r) => r.source),
    str('status', (r) => r.status),
  ], rows, 'series, region_code, year', path);
}

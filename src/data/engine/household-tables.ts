import type { Level } from '../../domain/dataset';
import { prefixDigits } from '../../domain/region-code';
import type { Connector } from './connector';

/**
 * The in-engine layout of the household tables. The files carry `hh_id` (opaque VARCHAR) on both
 * tables and only the village code on households; joining 2.2 M income rows on a string key and
 * cutting every joined row's code to its county with `substr`/`rpad` was most of the time of
 * every household query (docs/BENCHMARKS.md, "History"). After `prepareHouseholdTables`:
 *  - `households` has `hh_key INTEGER` (1…n, unique) and the 12-digit code of each ancestor level
 *    (`province_code`, `city_code`, `county_code`, `township_code`) beside `village_code`;
 *  - `income` has `hh_key` in place of `hh_id`, sorted by period then household, so a query of one
 *    period reads only that period's row groups (DuckDB skips the others by their min/max).
 * Queries join on `hh_key` and group by the code columns (`householdCode`).
 */

const LEVEL_COLUMNS: Record<Level, string> = {
  1: 'province_code',
  2: 'city_code',
  3: 'county_code',
  4: 'township_code',
  5: 'village_code',
};

/** SQL of the 12-digit `level` ancestor code of a household row aliased `alias` (a prepared column). */
export function householdCode(alias: string, level: Level): string {
  if (!/^[a-z_]+$/.test(alias)) throw new Error(`Bad alias ${alias}`);
  return `${alias}.${LEVEL_COLUMNS[level]}`;
}

async function kindOf(db: Connector, name: string): Promise<'table' | 'view' | null> {
  const rows = await db.query<{ t: string }>(`SELECT table_type AS t FROM information_schema.tables WHERE table_name = '${name}'`);
  const t = rows[0]?.t;
  return t === undefined ? null : t === 'VIEW' ? 'view' : 'table';
}

async function dropRelation(db: Connector, name: string): Promise<void> {
  const kind = await kindOf(db, name);
  if (kind) await db.query(`DROP ${kind === 'view' ? 'VIEW' : 'TABLE'} ${name}`);
}

/** SQL select list: the 12-digit code of each ancestor level, cut from `village_code`. */
function ancestorCodes(): string {
  return ([1, 2, 3, 4] as Level[])
    .map((level) => `rpad(substr(village_code, 1, ${prefixDigits(level)}), 12, '0') AS ${LEVEL_COLUMNS[level]}`)
    .join(', ');
}

/** SQL: the prepared households rows of relation `source`, keys starting after `offset`. */
function householdsSelect(source: string, offset: number): string {
  return `SELECT (${offset} + row_number() OVER ())::INTEGER AS hh_key, *, ${ancestorCodes()} FROM ${source}`;
}

/** SQL: income rows of relation `source` keyed by the prepared households of `households`. */
function incomeSelect(source: string, households: string): string {
  return `SELECT h.hh_key, i.* EXCLUDE (hh_id) FROM ${source} i JOIN ${households} h ON h.hh_id = i.hh_id ORDER BY i.year, i.quarter, h.hh_key`;
}

/**
 * Turns the registered raw `households` and `income` relations (tables or views over parquet,
 * as `registerParquet` makes them) into the prepared layout above, in place. Income rows without
 * a household are dropped, as the inner joins of every query dropped them before.
 */
export async function prepareHouseholdTables(db: Connector): Promise<void> {
  await db.query(`CREATE TABLE households__prepared AS ${householdsSelect('households', 0)}`);
  await db.query(`CREATE TABLE income__prepared AS ${incomeSelect('income', 'households__prepared')}`);
  await dropRelation(db, 'income');
  await dropRelation(db, 'households');
  await db.query('ALTER TABLE households__prepared RENAME TO households');
  await db.query('ALTER TABLE income__prepared RENAME TO income');
}

/**
 * Adds the raw relations `householdsIn` / `incomeIn` (e.g. one county's partition) to the
 * prepared tables, creating them on first use, and drops the raw relations. Household keys
 * continue after the largest key already present.
 */
export async function appendHouseholdTables(db: Connector, householdsIn: string, incomeIn: string): Promise<void> {
  if (!(await kindOf(db, 'households'))) {
    await db.query(`CREATE TABLE households AS ${householdsSelect(householdsIn, 0)}`);
    await db.query(`CREATE TABLE income AS ${incomeSelect(incomeIn, 'households')}`);
  } else {
    const [{ k }] = await db.query<{ k: number }>('SELECT coalesce(max(hh_key), 0)::INTEGER AS k FROM households');
    await db.query(`CREATE TABLE households__new AS ${householdsSelect(householdsIn, Number(k))}`);
    await db.query(`INSERT INTO households SELECT * FROM households__new`);
    await db.query(`INSERT INTO income ${incomeSelect(incomeIn, 'households__new')}`);
    await db.query('DROP TABLE households__new');
  }
  await dropRelation(db, incomeIn);
  await dropRelation(db, householdsIn);
}

/**
 * The prepared layout as views straight over raw relations (`read_parquet(...)` of a file or a
 * glob), for native DuckDB over data too large to copy (the national `aggregate` step): the views
 * stream, and `hh_key` is `hh_id` itself — the same join, only on the string key.
 */
export function preparedViewsSql(householdsFrom: string, incomeFrom: string): string[] {
  return [
    `CREATE OR REPLACE VIEW households AS SELECT hh_id AS hh_key, *, ${ancestorCodes()} FROM ${householdsFrom}`,
    `CREATE OR REPLACE VIEW income AS SELECT hh_id AS hh_key, * EXCLUDE (hh_id) FROM ${incomeFrom}`,
  ];
}

import type { ReferenceStatus } from '../../targets/types';
import type { Connector } from '../engine/connector';
import { quoteLiteral } from '../engine/statements';
import { codeLiteral, intLiteral } from './sql';

export type { ReferenceStatus };

/**
 * One value of a reference series (`reference.parquet`, CONTRACT.md): rural disposable income
 * (`rural_disposable_income`), the national 脱贫人口 average (`tuopin_income_national`), the national
 * 脱贫县 rural residents' income (`tuopin_county_rural_income_national`, a different series), the
 * monitoring line (`monitoring_line`), …
 */
export interface ReferenceValue {
  series: string;
  region_code: string;
  year: number;
  value: number;
  source: string;
  /** `estimate` for illustrative or unverified values (and any status other than `published`); absent or `published`: published. */
  status?: ReferenceStatus;
}

/**
 * Every reference value of the dataset (`reference` table). A table written before the `status`
 * column existed (or a user's own) has every value read as `published`, as its source column says.
 */
export async function queryReference(db: Connector): Promise<ReferenceValue[]> {
  const columns = await db.query<{ name: string }>("SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'reference'");
  const status = columns.some((c) => c.name === 'status')
    ? "CASE WHEN status = 'published' THEN 'published' ELSE 'estimate' END"
    : "'published'";
  return db.query<ReferenceValue>(
    `SELECT series, region_code, year, value, source, ${status} AS status FROM reference ORDER BY series, region_code, year`,
  );
}

/** Rows per INSERT statement of `replaceReferenceRows`. */
const INSERT_BATCH = 500;

/**
 * Inserts reference values into the engine's `reference` table, each replacing the value of the
 * same series, region and year if there is one (a user's series over the project's): the data
 * layer's one way to add series, used by `DatasetClient.addReference` and `npm run report
 * --reference`. A table without the `status` column gains it (existing rows `published`, as
 * `queryReference` reads them). Returns how many existing values were replaced. Throws on a row
 * that is not a reference value (empty series, code not 12 digits, year not an integer, value not
 * finite) before changing anything.
 */
export async function replaceReferenceRows(db: Connector, rows: readonly ReferenceValue[]): Promise<number> {
  for (const r of rows) {
    if (typeof r.series !== 'string' || r.series.trim() === '' || !Number.isInteger(r.year) || !Number.isFinite(r.value)) {
      throw new Error(`Not a reference value: ${JSON.stringify(r)}`);
    }
    codeLiteral(r.region_code);
  }
  if (rows.length === 0) return 0;
  const columns = await db.query<{ name: string }>("SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'reference'");
  if (columns.length === 0) throw new Error('The engine has no reference table');
  if (!columns.some((c) => c.name === 'status')) await db.query("ALTER TABLE reference ADD COLUMN status VARCHAR DEFAULT 'published'");
  await db.query('DROP TABLE IF EXISTS reference_in');
  await db.query('CREATE TEMP TABLE reference_in (series VARCHAR, region_code VARCHAR, year INTEGER, value DOUBLE, source VARCHAR, status VARCHAR)');
  try {
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      const values = rows.slice(i, i + INSERT_BATCH).map((r) =>
        `(${quoteLiteral(r.series)}, ${codeLiteral(r.region_code)}, ${intLiteral(r.year)}, ${String(r.value)}, ${quoteLiteral(r.source ?? '')}, ${r.status === 'estimate' ? "'estimate'" : "'published'"})`);
      await db.query(`INSERT INTO reference_in VALUES ${values.join(', ')}`);
    }
    const key = "series || '|' || region_code || '|' || CAST(year AS VARCHAR)";
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM reference WHERE ${key} IN (SELECT ${key} FROM reference_in)`);
    await db.query(`DELETE FROM reference WHERE ${key} IN (SELECT ${key} FROM reference_in)`);
    await db.query('INSERT INTO reference (series, region_code, year, value, source, status) SELECT series, region_code, year, value, source, status FROM reference_in');
    return n ?? 0;
  } finally {
    await db.query('DROP TABLE IF EXISTS reference_in');
  }
}

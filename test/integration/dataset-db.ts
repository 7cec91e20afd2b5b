/** Opens a generated dataset folder in native DuckDB for the calibration tests. */
import { readFileSync } from 'node:fs';
import type { Manifest } from '../../src/domain/dataset';
import { NativeDuckDB } from '../../src/pipeline/native-duckdb';

export interface DatasetDb {
  db: NativeDuckDB;
  manifest: Manifest;
  one<T>(sql: string): Promise<T>;
  /** Population-weighted per-capita net income of a period (`where` filters the `pc` table). */
  perCapita(year: number, quarter?: number, where?: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * Registers every table and a `pc` table: one row per household and period with the household's
 * columns, `county` (12 digits), `township` (12 digits) and `net` income.
 */
export async function openDataset(dir: string): Promise<DatasetDb> {
  const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')) as Manifest;
  const db = await NativeDuckDB.open();
  for (const t of ['households', 'income', 'regions', 'facilities', 'villages', 'reference']) {
    await db.registerParquet(t, `${dir}/${t}.parquet`);
  }
  await db.run(`CREATE TABLE pc AS SELECT i.*, h.persons, h.labour, h.village_code, h.category, h.no_labour, h.safety_net,
      h.relocated, h.measures, h.mgmt_class,
      substr(h.village_code, 1, 6) || '000000' AS county, substr(h.village_code, 1, 9) || '000' AS township,
      i.wage + i.operating + i.property + i.transfer AS net,
      i.employed_out_province + i.employed_in_province + i.employed_in_county AS employed
    FROM income i JOIN households h USING (hh_id)`);
  const one = async <T>(sql: string): Promise<T> => (await db.query<T>(sql))[0] as T;
  return {
    db,
    manifest,
    one,
    perCapita: async (year, quarter = 4, where = 'TRUE') =>
      (await one<{ v: number }>(`SELECT sum(net) / sum(persons) AS v FROM pc WHERE year = ${year} AND quarter = ${quarter} AND (${where})`)).v,
    close: () => db.close(),
  };
}

/**
 * 脱贫人口 that are not monitoring objects (src/targets population `tuopin`): category tuopin. The
 * three kinds of monitoring objects (unstable, marginal, sudden) are the population `monitored`;
 * together they are `all`, which seeds 000 and 001 call 脱贫人口 (see each plan's note).
 */
export const TUOPIN = "category = 'tuopin'";

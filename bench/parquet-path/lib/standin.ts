/**
 * Writes the stand-in households/income parquet files with native DuckDB (`@duckdb/node-api`),
 * once per compression × row-group-size variant.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { HOUSEHOLD_COLUMNS, INCOME_COLUMNS, standinSql } from './standin-sql';

export interface StandinOptions {
  out: string;
  households: number;
  villages: number;
  /** `codec:rowGroupRows[:v2]`, e.g. `zstd:122880`; `:v2` writes PARQUET_VERSION V2 encodings. */
  variants: string[];
  log?: (line: string) => void;
}

export interface StandinResult {
  incomeRows: number;
  /** Variant folder name → file sizes in bytes. */
  sizes: Record<string, { dir: string; households: number; income: number }>;
}

export async function writeStandin(opts: StandinOptions): Promise<StandinResult> {
  const log = opts.log ?? (() => {});
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const conn = await instance.connect();
  try {
    const t0 = performance.now();
    for (const sql of standinSql(opts)) await conn.run(sql);
    const check = await conn.runAndReadAll(
      `SELECT (SELECT count(*) FROM households), (SELECT count(DISTINCT hh_id) FROM households),
              (SELECT count(DISTINCT village_code) FROM households), (SELECT count(*) FROM income)`,
    );
    const [hh, ids, villages, incomeRows] = check.getRows()[0]!.map(Number) as [number, number, number, number];
    if (hh !== ids) throw new Error(`hh_id not unique: ${hh} rows, ${ids} distinct ids`);
    log(`built ${hh} households in ${villages} villages, ${incomeRows} income rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const sizes: StandinResult['sizes'] = {};
    for (const spec of opts.variants) {
      const [codec, rows, version] = spec.split(':') as [string, string, string?];
      const v2 = version === 'v2';
      const name = `${codec}-rg${rows}${v2 ? '-v2' : ''}`;
      const dir = join(opts.out, name);
      mkdirSync(dir, { recursive: true });
      const copy = `FORMAT parquet, COMPRESSION ${codec}, ROW_GROUP_SIZE ${Number(rows)}${v2 ? ', PARQUET_VERSION V2' : ''}`;
      const hhFile = join(dir, 'households.parquet');
      const incFile = join(dir, 'income.parquet');
      await conn.run(`COPY (SELECT ${HOUSEHOLD_COLUMNS} FROM households ORDER BY hh_id) TO '${hhFile}' (${copy})`);
      await conn.run(`COPY (SELECT ${INCOME_COLUMNS} FROM income ORDER BY hh_id, year, quarter) TO '${incFile}' (${copy})`);
      sizes[name] = { dir, households: statSync(hhFile).size, income: statSync(incFile).size };
      log(`${name}: households ${mb(sizes[name].households)}, income ${mb(sizes[name].income)}`);
    }
    return { incomeRows, sizes };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}

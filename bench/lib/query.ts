/**
 * Query figures, one Node process, the same Ningxia households + income rows for all three:
 * DuckDB-WASM through the project's Node connector, Arquero, and the typed-array loop. Loading
 * and preparing the rows is setup (untimed); each engine runs `warmup` untimed times first.
 * The three results must agree to 1e-6 relative or the benchmark fails.
 */
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import * as aq from 'arquero';
import { parquetRead } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { createNodeConnector } from '../../src/data/engine/node';
import { prepareHouseholdTables } from '../../src/data/engine/household-tables';
import type { Connector } from '../../src/data/engine/connector';
import { compareResults, loopAggregate, sortResults, type CountyPeriod, type HouseholdColumns, type IncomeColumns } from './aggregate';
import { figure, pairedRatio, timeInterleaved, type Figure } from './stats';

/**
 * The DuckDB SQL: per county and period, sum of persons and of net income over the prepared
 * tables (integer household key, county code column — `prepareHouseholdTables`, the layout the
 * app queries), then per-capita and growth on the same quarter a year earlier. Arquero and the
 * loop get the same two columns per household (key, county) and the same income rows.
 * The sums are `MATERIALIZED`: DuckDB 0.9 inlines a CTE at each reference, and EXPLAIN ANALYZE
 * showed the self-join aggregating all 2.2 M income rows twice (two HASH_GROUP_BY of ~85 ms each;
 * the query 368 → 163 ms in Node).
 */
export function countyGrowthSql(): string {
  return `WITH s AS MATERIALIZED (
  SELECT h.county_code AS code, i.year, i.quarter, sum(h.persons)::DOUBLE AS persons,
    sum(i.wage + i.operating + i.property + i.transfer) AS net
  FROM income i JOIN households h ON i.hh_key = h.hh_key
  GROUP BY 1, 2, 3)
SELECT a.code, a.year, a.quarter, a.persons, a.net,
  CASE WHEN a.persons > 0 THEN a.net / a.persons END AS per_capita,
  CASE WHEN a.persons > 0 AND b.persons > 0 AND b.net > 0 THEN (a.net / a.persons) / (b.net / b.persons) - 1 END AS growth
FROM s a LEFT JOIN s b ON b.code = a.code AND b.quarter = a.quarter AND b.year = a.year - 1
ORDER BY 1, 2, 3`;
}

interface SqlRow {
  code: string;
  year: number;
  quarter: number;
  persons: number;
  net: number;
  per_capita: number | null;
  growth: number | null;
}

export async function duckdbAggregate(db: Connector, sql: string): Promise<CountyPeriod[]> {
  const rows = await db.query<SqlRow>(sql);
  return rows.map((r) => ({
    code: r.code,
    year: Number(r.year),
    quarter: Number(r.quarter),
    persons: Number(r.persons),
    net: Number(r.net),
    perCapita: r.per_capita ?? Number.NaN,
    growth: r.growth ?? Number.NaN,
  }));
}

/**
 * Arquero: join on the integer household key, county code column from the households, grouped
 * sums, per-capita, growth — the same prepared inputs as DuckDB's.
 */
export function arqueroAggregate(income: aq.ColumnTable, households: aq.ColumnTable): CountyPeriod[] {
  const sums = income
    .join(households, 'hh_key')
    .derive({ net: 'd => d.wage + d.operating + d.property + d.transfer' })
    .groupby('code', 'year', 'quarter')
    .rollup({ persons: 'd => op.sum(d.persons)', net: 'd => op.sum(d.net)' })
    .derive({ per_capita: 'd => d.persons > 0 ? d.net / d.persons : NaN' });
  const previous = sums
    .select('code', 'year', 'quarter', 'per_capita')
    .derive({ year: 'd => d.year + 1' })
    .rename({ per_capita: 'prev_pc' });
  const out = sums
    .join_left(previous, [['code', 'year', 'quarter'], ['code', 'year', 'quarter']], [['code', 'year', 'quarter', 'persons', 'net', 'per_capita'], ['prev_pc']])
    .derive({ growth: 'd => d.prev_pc > 0 && d.per_capita === d.per_capita ? d.per_capita / d.prev_pc - 1 : NaN' })
    .select('code', 'year', 'quarter', 'persons', 'net', 'per_capita', 'growth');
  return sortResults(
    (out.objects() as { code: string; year: number; quarter: number; persons: number; net: number; per_capita: number; growth: number }[]).map((r) => ({
      code: r.code,
      year: r.year,
      quarter: r.quarter,
      persons: r.persons,
      net: r.net,
      perCapita: r.per_capita,
      growth: r.growth,
    })),
  );
}

/** Whole columns of a parquet file, in row order (hyparquet; setup, not timed). */
export async function readColumns(path: string, columns: string[]): Promise<Record<string, unknown[]>> {
  const b = await readFile(path);
  const file = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  const chunks = new Map<string, { rowStart: number; data: ArrayLike<unknown> }[]>();
  await parquetRead({
    file,
    compressors,
    columns,
    onChunk(c) {
      const list = chunks.get(c.columnName) ?? [];
      list.push({ rowStart: c.rowStart, data: c.columnData as ArrayLike<unknown> });
      chunks.set(c.columnName, list);
    },
  });
  const out: Record<string, unknown[]> = {};
  for (const name of columns) {
    const parts = (chunks.get(name) ?? []).sort((x, y) => x.rowStart - y.rowStart);
    const all: unknown[] = [];
    for (const p of parts) for (let i = 0; i < p.data.length; i++) all.push(p.data[i]);
    out[name] = all;
  }
  return out;
}

export interface QueryBench {
  figures: Record<'query_duckdb_ms' | 'query_arquero_ms' | 'query_loop_ms' | 'duckdb_over_loop' | 'arquero_over_duckdb' | 'rows_income' | 'rows_households' | 'counties', Figure>;
  /** Seconds spent on setup (engine start, registering, loading rows into Arquero / arrays). */
  setupSeconds: number;
}

export async function runQueryBench(dataDir: string, opts: { runs: number; warmup: number; log?: (s: string) => void }): Promise<QueryBench> {
  const log = opts.log ?? (() => {});
  const t0 = performance.now();
  const db = createNodeConnector();
  try {
    await db.registerParquet('households', join(dataDir, 'households.parquet'));
    await db.registerParquet('income', join(dataDir, 'income.parquet'));
    await prepareHouseholdTables(db);
    log('tables registered in DuckDB-WASM; reading the same rows with hyparquet for Arquero and the loop');

    // Setup: the same rows, read once from the same parquet files with hyparquet, as columns.
    const hhData = await readColumns(join(dataDir, 'households.parquet'), ['hh_id', 'village_code', 'persons']);
    const hhIds = hhData.hh_id as string[];
    const villageCodes = hhData.village_code as string[];
    const hhPersons = Int32Array.from(hhData.persons as number[]);
    const incData = await readColumns(join(dataDir, 'income.parquet'), ['hh_id', 'year', 'quarter', 'wage', 'operating', 'property', 'transfer']);
    const incIds = incData.hh_id as string[];
    const n = incIds.length;
    const wage = Float64Array.from(incData.wage as number[]);
    const operating = Float64Array.from(incData.operating as number[]);
    const property = Float64Array.from(incData.property as number[]);
    const transfer = Float64Array.from(incData.transfer as number[]);
    const year = Int32Array.from(incData.year as number[]);
    const quarter = Int32Array.from(incData.quarter as number[]);
    const [{ engineRows }] = await db.query<{ engineRows: number }>('SELECT count(*)::INTEGER AS "engineRows" FROM income');
    if (engineRows !== n) throw new Error(`hyparquet read ${n} income rows, DuckDB holds ${engineRows}`);

    // The layout DuckDB got from prepareHouseholdTables, built the same way for the other two:
    // an integer household key on both tables and the county code on the households.
    const rowOf = new Map(hhIds.map((id, i) => [id, i]));
    const hhKey = Int32Array.from(hhIds, (_, i) => i);
    const incKey = Int32Array.from(incIds, (id) => rowOf.get(id) ?? -1);
    const county = villageCodes.map((c) => `${c.slice(0, 6)}000000`);

    // Arquero tables.
    const households = aq.table({ hh_key: hhKey, code: county, persons: hhPersons });
    const income = aq.table({ hh_key: incKey, year, quarter, wage, operating, property, transfer });

    // Loop columns: the household row (= key) per income row, the county as a number.
    const hhCols: HouseholdColumns = { county: Float64Array.from(county, (c) => Number(c.slice(0, 6))), persons: hhPersons };
    const incCols: IncomeColumns = { hhRow: incKey, year, quarter, wage, operating, property, transfer };
    const setupSeconds = (performance.now() - t0) / 1000;
    log(`setup ${setupSeconds.toFixed(1)} s: ${n.toLocaleString('en-US')} income rows, ${hhIds.length.toLocaleString('en-US')} households`);

    const sql = countyGrowthSql();
    let duck: CountyPeriod[] = [];
    let arq: CountyPeriod[] = [];
    let loop: CountyPeriod[] = [];
    // Interleaved rounds (order rotated), so the machine's drift hits all three alike.
    const times = await timeInterleaved(
      { duckdb: () => duckdbAggregate(db, sql), arquero: () => arqueroAggregate(income, households), loop: () => loopAggregate(hhCols, incCols) },
      opts,
      (name, r) => {
        if (name === 'duckdb') duck = r as CountyPeriod[];
        else if (name === 'arquero') arq = r as CountyPeriod[];
        else loop = r as CountyPeriod[];
      },
    );
    const duckMs = times.duckdb;
    const arqMs = times.arquero;
    const loopMs = times.loop;
    log(`duckdb  ${duckMs.map((x) => x.toFixed(0)).join(' ')} ms`);
    log(`arquero ${arqMs.map((x) => x.toFixed(0)).join(' ')} ms`);
    log(`loop    ${loopMs.map((x) => x.toFixed(1)).join(' ')} ms`);

    const problems = [
      ...compareResults(duck, arq).map((d) => `duckdb vs arquero: ${d}`),
      ...compareResults(duck, loop).map((d) => `duckdb vs loop: ${d}`),
    ];
    if (duck.length === 0) problems.push('duckdb returned no rows');
    if (problems.length) throw new Error(`The three aggregations disagree:\n  ${problems.join('\n  ')}`);
    const counties = new Set(duck.map((r) => r.code)).size;
    log(`results agree: ${duck.length} county-periods, ${counties} counties`);
    return {
      figures: {
        query_duckdb_ms: figure(duckMs, 'ms'),
        query_arquero_ms: figure(arqMs, 'ms'),
        query_loop_ms: figure(loopMs, 'ms'),
        // Goals (issue 16): DuckDB within 2.5× the loop, Arquero ≥ 10× DuckDB; pairs from one round.
        duckdb_over_loop: pairedRatio(duckMs, loopMs),
        arquero_over_duckdb: pairedRatio(arqMs, duckMs),
        rows_income: figure([n], 'rows'),
        rows_households: figure([hhIds.length], 'rows'),
        counties: figure([counties], 'count'),
      },
      setupSeconds,
    };
  } finally {
    await db.close();
  }
}

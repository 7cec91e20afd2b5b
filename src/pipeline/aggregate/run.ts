import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LEVEL_NAMES, type Level, type Manifest } from '../../domain/dataset';
import { preparedViewsSql } from '../../data/engine/household-tables';
import { regionPeriodSumsSql } from '../../data/queries/region-sums';
import { NativeDuckDB, quoteIdent, quoteString } from '../native-duckdb';
import { writeColumnarJson } from './columnar';
import { columnProblems, REQUIRED_COLUMNS, resolveInput, type AggregateInput } from './input';
import { additiveColumns, rollupSql } from './rollup';

export interface AggregateOptions {
  input: string;
  out: string;
  threads?: number;
  /** Levels to write; default: the manifest's root level to 5 when there is a manifest, else 1–5. */
  levels?: Level[];
  /** DuckDB memory limit, e.g. `8GB` (default: DuckDB's, 80% of RAM). */
  memoryLimit?: string;
  log?: (message: string) => void;
}

export interface AggregateStep {
  step: string;
  rows: number;
  seconds: number;
  bytes?: number;
}

export interface AggregateResult {
  input: AggregateInput;
  levels: Level[];
  steps: AggregateStep[];
  /** Files written, relative to `out`. */
  files: string[];
}

/**
 * Pre-aggregates a dataset with native DuckDB: `regionPeriodSumsSql({level: 5})` — the product's
 * own query — materialised once per village and period, every coarser level rolled up from it by
 * summing the additive columns (`rollupSql`). Writes `agg/<level>.json` (the generator's columnar
 * format with `{level}`) and `agg/<level>.parquet` (same columns, integer sums as BIGINT).
 */
export async function aggregateDataset(options: AggregateOptions): Promise<AggregateResult> {
  const log = options.log ?? (() => {});
  const input = resolveInput(options.input);
  const levels = options.levels ?? defaultLevels(options.input);
  const steps: AggregateStep[] = [];
  const files: string[] = [];
  const spill = mkdtempSync(join(tmpdir(), 'aggregate-spill-'));
  const db = await NativeDuckDB.open({
    threads: options.threads,
    config: { temp_directory: spill, ...(options.memoryLimit ? { memory_limit: options.memoryLimit } : {}) },
  });
  const timed = async <T>(step: string, what: () => Promise<T>, rows: (t: T) => number, bytes?: () => number) => {
    const t0 = performance.now();
    const result = await what();
    const s: AggregateStep = { step, rows: rows(result), seconds: (performance.now() - t0) / 1000 };
    if (bytes) s.bytes = bytes();
    steps.push(s);
    log(`${step.padEnd(34)} ${s.rows.toLocaleString('en').padStart(12)} rows ${s.seconds.toFixed(2).padStart(9)} s` +
      (s.bytes !== undefined ? ` ${(s.bytes / 1e6).toFixed(1).padStart(9)} MB` : ''));
    return result;
  };
  try {
    await timed(`check input (${input.layout}${input.layout === 'partitioned' ? `, ${input.counties.length} counties` : ''})`, async () => {
      await registerAndCheck(db, input);
      return (await db.query<{ n: number }>('SELECT count(*) AS n FROM households'))[0].n;
    }, (n) => n);
    await timed('village sums (regionPeriodSumsSql 5)', async () => {
      await db.run(`CREATE TEMP TABLE agg_5 AS ${regionPeriodSumsSql({ level: 5 })}`);
      return (await db.query<{ n: number }>('SELECT count(*) AS n FROM agg_5'))[0].n;
    }, (n) => n);
    const described = await db.query<{ column_name: string; column_type: string }>('DESCRIBE agg_5');
    const additive = additiveColumns(described.map((d) => d.column_name));
    mkdirSync(join(options.out, 'agg'), { recursive: true });
    for (const level of [...levels].sort((a, b) => b - a)) {
      const table = `agg_${level}`;
      if (level !== 5) {
        await timed(`roll-up to level ${level} (${LEVEL_NAMES[level]})`, async () => {
          await db.run(`CREATE TEMP TABLE ${table} AS ${rollupSql('agg_5', level, additive)}`);
          return (await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0].n;
        }, (n) => n);
      }
      const name = LEVEL_NAMES[level];
      const jsonPath = join(options.out, 'agg', `${name}.json`);
      const parquetPath = join(options.out, 'agg', `${name}.parquet`);
      await timed(`write agg/${name}.json`, () => writeLevelJson(db, table, level, jsonPath), (n) => n, () => statSync(jsonPath).size);
      await timed(`write agg/${name}.parquet`, () => writeLevelParquet(db, table, parquetPath), (n) => n, () => statSync(parquetPath).size);
      files.push(`agg/${name}.json`, `agg/${name}.parquet`);
    }
  } finally {
    await db.close();
    rmSync(spill, { recursive: true, force: true });
  }
  return { input, levels, steps, files };
}

/** The manifest's root level to 5 (what the generator writes), or 1–5 without a manifest. */
function defaultLevels(input: string): Level[] {
  let from = 1;
  const path = join(input, 'manifest.json');
  if (existsSync(path)) {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
    if ([1, 2, 3, 4, 5].includes(manifest.root?.level)) from = manifest.root.level;
  }
  const out: Level[] = [];
  for (let l = from; l <= 5; l++) out.push(l as Level);
  return out;
}

/** Registers `households` and `income` as views over the input and checks their columns; errors name the file. */
async function registerAndCheck(db: NativeDuckDB, input: AggregateInput): Promise<void> {
  const problems: string[] = [];
  for (const table of ['households', 'income'] as const) {
    const source = input[table];
    if (input.layout === 'partitioned') {
      // Every file's column names (metadata only), so one county's odd file is named.
      const required = Object.keys(REQUIRED_COLUMNS[table]);
      const rows = await db.query<{ file_name: string; names: string[] }>(
        `SELECT file_name, list(name) AS names FROM parquet_schema(${quoteString(source)}) GROUP BY file_name ORDER BY file_name`,
      );
      for (const r of rows) {
        const missing = required.filter((c) => !r.names.includes(c));
        if (missing.length) problems.push(`${r.file_name}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
      }
      if (problems.length) break;
    }
    let described: { column_name: string; column_type: string }[];
    try {
      described = await db.query(`DESCRIBE SELECT * FROM read_parquet(${quoteString(source)}, hive_partitioning = false)`);
    } catch (error) {
      throw new Error(`${source}: not readable as parquet: ${(error as Error).message}`);
    }
    problems.push(...columnProblems(source, table, Object.fromEntries(described.map((d) => [d.column_name, d.column_type]))));
  }
  if (problems.length) throw new Error(problems.join('\n'));
  // The product's queries read the prepared layout (src/data/engine/household-tables.ts); here as views, streamed.
  const from = (source: string) => `read_parquet(${quoteString(source)}, hive_partitioning = false)`;
  for (const sql of preparedViewsSql(from(input.households), from(input.income))) await db.run(sql);
}

/** `agg/<level>.json` exactly as the generator writes it: `toColumnarJson(rows, {level})`, streamed. */
async function writeLevelJson(db: NativeDuckDB, table: string, level: Level, path: string): Promise<number> {
  const reader = await db.connection.runAndReadAll(`SELECT * FROM ${quoteIdent(table)} ORDER BY code, year, quarter`);
  const names = reader.columnNames();
  const columns = reader.getColumnsJS().map((values, i) => ({
    name: names[i],
    values: values.map((v) => (typeof v === 'bigint' ? Number(v) : v)),
  }));
  writeColumnarJson(path, columns, { level });
  return columns.length ? columns[0].values.length : 0;
}

/** `agg/<level>.parquet`: the same columns and order; HUGEINT sums as BIGINT (parquet has no 128-bit integer). */
async function writeLevelParquet(db: NativeDuckDB, table: string, path: string): Promise<number> {
  const described = await db.query<{ column_name: string; column_type: string }>(`DESCRIBE ${quoteIdent(table)}`);
  const select = described
    .map((d) => (d.column_type === 'HUGEINT' ? `${quoteIdent(d.column_name)}::BIGINT AS ${quoteIdent(d.column_name)}` : quoteIdent(d.column_name)))
    .join(', ');
  await db.run(`COPY (SELECT ${select} FROM ${quoteIdent(table)} ORDER BY code, year, quarter) TO ${quoteString(path)} (FORMAT PARQUET, COMPRESSION ZSTD)`);
  return (await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${quoteIdent(table)}`))[0].n;
}

/**
 * The candidate ways of making `households` and `income` parquet files queryable, written once
 * against a tiny database adapter so the browser page and the Node check run the same logic.
 *
 *   a-buffer   duckdb-wasm 1.28 (DuckDB 0.9, parquet built in): whole file fetched, registered as a
 *              buffer, copied into tables with CREATE TABLE … AS SELECT * FROM read_parquet(…)
 *   a-view     duckdb-wasm 1.28: whole file fetched and registered as a buffer, VIEWs over
 *              read_parquet (no copy; every query decodes the columns it needs again)
 *   a-http     duckdb-wasm 1.28: files registered by URL (HTTP range reads); households copied into
 *              a table, income left as a VIEW over the remote file, read on demand
 *   b-pqwasm   duckdb-wasm 1.32 (DuckDB 1.4, no parquet offline): parquet-wasm decodes to Arrow IPC,
 *              inserted with insertArrowFromIPCStream
 *   c-hyparquet duckdb-wasm 1.32: hyparquet (pure JS) decodes, apache-arrow builds IPC, inserted
 */

/** The few operations a path needs from a DuckDB-WASM instance, sync or async. */
export interface BenchDb {
  /** DuckDB version string, e.g. `v0.9.1`. */
  readonly version: string;
  query(sql: string): Promise<Record<string, unknown>[]>;
  registerBuffer(name: string, bytes: Uint8Array): Promise<void>;
  /** Registers `url` for HTTP range reads (browser only). */
  registerUrl?(name: string, url: string): Promise<void>;
  /** Inserts one Arrow IPC stream; `create` false appends to an existing table. */
  insertIpc(name: string, ipc: Uint8Array, create: boolean): Promise<void>;
}

/** How a path obtains bytes and decodes parquet in its environment. */
export interface BenchIo {
  /** Whole file as bytes (fetch in the browser, readFile in Node). */
  bytes(source: string): Promise<Uint8Array>;
  /** Absolute URL of a source, for registerUrl. */
  url(source: string): string;
  /** parquet bytes → one Arrow IPC stream per row group, by parquet-wasm. */
  parquetWasmToIpc?(bytes: Uint8Array): AsyncIterable<Uint8Array>;
  /** parquet bytes → one Arrow IPC stream per row group, by hyparquet. */
  hyparquetToIpc?(bytes: Uint8Array): AsyncIterable<Uint8Array>;
}

export type PathId = 'a-buffer' | 'a-view' | 'a-http' | 'b-pqwasm' | 'c-hyparquet';
export type DuckdbRelease = '1.28.0' | '1.32.0';

export interface PathSpec {
  id: PathId;
  release: DuckdbRelease;
  label: string;
  /** Makes both tables queryable. */
  load(db: BenchDb, io: BenchIo, files: DatasetFiles): Promise<void>;
}

export interface DatasetFiles {
  households: string;
  income: string;
}

const TABLES = ['households', 'income'] as const;

export const PATHS: Record<PathId, PathSpec> = {
  'a-buffer': {
    id: 'a-buffer',
    release: '1.28.0',
    label: '(a) duckdb-wasm 1.28, buffer → CREATE TABLE',
    async load(db, io, files) {
      await Promise.all(
        TABLES.map(async (t) => db.registerBuffer(`${t}.parquet`, await io.bytes(files[t]))),
      );
      for (const t of TABLES) {
        await db.query(`CREATE OR REPLACE TABLE ${t} AS SELECT * FROM read_parquet('${t}.parquet')`);
      }
    },
  },
  'a-view': {
    id: 'a-view',
    release: '1.28.0',
    label: '(a) duckdb-wasm 1.28, buffer → VIEW',
    async load(db, io, files) {
      await Promise.all(
        TABLES.map(async (t) => db.registerBuffer(`${t}.parquet`, await io.bytes(files[t]))),
      );
      for (const t of TABLES) {
        await db.query(`CREATE OR REPLACE VIEW ${t} AS SELECT * FROM read_parquet('${t}.parquet')`);
      }
    },
  },
  'a-http': {
    id: 'a-http',
    release: '1.28.0',
    label: '(a) duckdb-wasm 1.28, HTTP range: households TABLE, income VIEW',
    async load(db, io, files) {
      if (!db.registerUrl) throw new Error('a-http needs registerUrl (browser only)');
      for (const t of TABLES) await db.registerUrl(`${t}.parquet`, io.url(files[t]));
      await db.query(`CREATE OR REPLACE TABLE households AS SELECT * FROM read_parquet('households.parquet')`);
      await db.query(`CREATE OR REPLACE VIEW income AS SELECT * FROM read_parquet('income.parquet')`);
    },
  },
  'b-pqwasm': {
    id: 'b-pqwasm',
    release: '1.32.0',
    label: '(b) duckdb-wasm 1.32 + parquet-wasm → Arrow IPC',
    async load(db, io, files) {
      const decode = io.parquetWasmToIpc;
      if (!decode) throw new Error('parquet-wasm decoder missing');
      for (const t of TABLES) await insertAll(db, t, decode(await io.bytes(files[t])));
    },
  },
  'c-hyparquet': {
    id: 'c-hyparquet',
    release: '1.32.0',
    label: '(c) duckdb-wasm 1.32 + hyparquet → apache-arrow IPC',
    async load(db, io, files) {
      const decode = io.hyparquetToIpc;
      if (!decode) throw new Error('hyparquet decoder missing');
      for (const t of TABLES) await insertAll(db, t, decode(await io.bytes(files[t])));
    },
  },
};

/**
 * Row group by row group, so the decoder never holds more than one row group's Arrow data
 * (a whole-file decode took parquet-wasm's memory to 712 MB for the 24 MB income file).
 */
async function insertAll(db: BenchDb, table: string, ipcs: AsyncIterable<Uint8Array>): Promise<void> {
  await db.query(`DROP TABLE IF EXISTS ${table}`);
  let create = true;
  for await (const ipc of ipcs) {
    await db.insertIpc(table, ipc, create);
    create = false;
  }
}

/** Settings that keep DuckDB from ever reaching for the network. Both releases accept them. */
export const OFFLINE_SETTINGS = [
  'SET autoload_known_extensions = false',
  'SET autoinstall_known_extensions = false',
];

/**
 * The representative aggregation: per county (first 6 digits of the village code) and year,
 * population-weighted per-capita net income of full years (quarter 4) and its growth.
 */
export const AGGREGATION_SQL = `
WITH c AS (
  SELECT substr(h.village_code, 1, 6) AS county, i.year,
         sum(i.wage + i.operating + i.property + i.transfer) AS net,
         sum(h.persons) AS persons
  FROM income i JOIN households h ON h.hh_id = i.hh_id
  WHERE i.quarter = 4
  GROUP BY 1, 2)
SELECT county, year, net / persons AS per_capita,
       (net / persons) / lag(net / persons) OVER (PARTITION BY county ORDER BY year) - 1 AS growth
FROM c ORDER BY county, year`;

/** Touches three income columns (hh_id, year, wage) for the households of one county. */
export const COUNTY_SQL = `
SELECT i.year, sum(i.wage) AS wage
FROM income i
WHERE i.hh_id IN (SELECT hh_id FROM households WHERE village_code LIKE '640104%')
GROUP BY 1 ORDER BY 1`;

/**
 * Same three columns, filtered on the sort key: 1/16 of the hh_id range. Row-group min/max
 * statistics can skip most of the file here, which the county filter above cannot do.
 */
export const SORT_KEY_SQL = `
SELECT i.year, sum(i.wage) AS wage FROM income i WHERE i.hh_id < 'H1' GROUP BY 1 ORDER BY 1`;

/** A stable digest of the aggregation result, to check every path computes the same figures. */
export function digest(rows: Record<string, unknown>[]): string {
  let pc = 0;
  let growth = 0;
  for (const r of rows) {
    pc += Number(r.per_capita);
    if (r.growth !== null && r.growth !== undefined) growth += Number(r.growth);
  }
  return `${rows.length} rows, Σpc=${pc.toFixed(4)}, Σgrowth=${growth.toFixed(8)}`;
}

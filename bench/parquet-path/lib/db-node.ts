/**
 * BenchDb over DuckDB-WASM's blocking Node build, for either installed release (npm aliases
 * `duckdb-wasm-128` and `duckdb-wasm-132`), plus the Node-side decoders of paths (b) and (c).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BenchDb, BenchIo, DuckdbRelease } from './paths';
import { OFFLINE_SETTINGS } from './paths';
import { PARQUET_WASM_BATCH, hyparquetToIpc, rowGroupIndexes } from './hyparquet-arrow';

const require = createRequire(import.meta.url);

const PACKAGES: Record<DuckdbRelease, string> = {
  '1.28.0': 'duckdb-wasm-128',
  '1.32.0': 'duckdb-wasm-132',
};

interface ArrowLike {
  toArray(): { toJSON(): Record<string, unknown> }[];
}
interface BlockingConnection {
  query(sql: string): ArrowLike;
  insertArrowFromIPCStream(buffer: Uint8Array, options: { name: string; create?: boolean }): void;
  close(): void;
}
interface BlockingDb {
  instantiate(progress: () => void): Promise<unknown>;
  connect(): BlockingConnection;
  getVersion(): string;
  registerFileBuffer(name: string, buffer: Uint8Array): void;
  reset(): void;
}

export interface NodeBenchDb extends BenchDb {
  close(): void;
}

export async function openNodeDb(release: DuckdbRelease): Promise<NodeBenchDb> {
  const pkg = PACKAGES[release];
  const entry = require.resolve(`${pkg}/dist/duckdb-node-blocking.cjs`);
  const dist = dirname(entry);
  const duckdb = require(entry);
  const db: BlockingDb = await duckdb.createDuckDB(
    {
      mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
      eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate(() => {});
  const conn = db.connect();
  for (const s of OFFLINE_SETTINGS) conn.query(s);
  return {
    version: db.getVersion(),
    async query(sql) {
      return conn.query(sql).toArray().map((r) => r.toJSON());
    },
    async registerBuffer(name, bytes) {
      db.registerFileBuffer(name, bytes);
    },
    async insertIpc(name, ipc, create) {
      conn.insertArrowFromIPCStream(ipc, { name, create });
    },
    close() {
      conn.close();
    },
  };
}

export const nodeIo: BenchIo = {
  async bytes(source) {
    return new Uint8Array(await readFile(source));
  },
  url(source) {
    return source;
  },
  async *parquetWasmToIpc(bytes) {
    const { readParquet } = await import('parquet-wasm/node');
    for (const rowGroup of rowGroupIndexes(bytes)) {
      yield readParquet(bytes, { rowGroups: [rowGroup], batchSize: PARQUET_WASM_BATCH }).intoIPCStream();
    }
  },
  hyparquetToIpc,
};

/**
 * The Node Connector: DuckDB-WASM 1.28.0's blocking Node build, the same engine and SQL dialect as
 * the browser, for tests and the `report` CLI. Started lazily once; extension autoloading off.
 * `registerParquet(name, filePath)` reads the local file and copies it into a table.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DuckDBBindings, DuckDBBundles, DuckDBConnection, DuckDBRuntime, Logger } from '@duckdb/duckdb-wasm/blocking';
import { checkFileName, type FileConnector, type RegisterOptions } from './connector';
import { tableToRows } from './rows';
import { OFFLINE_SETTINGS, checkName, createTableFromParquet, dropStatement, type RelationKind } from './statements';

interface BlockingModule {
  createDuckDB(bundles: DuckDBBundles, logger: Logger, runtime: DuckDBRuntime): Promise<DuckDBBindings>;
  NODE_RUNTIME: DuckDBRuntime;
  VoidLogger: new () => Logger;
}

interface Engine {
  db: DuckDBBindings;
  conn: DuckDBConnection;
}

const require = createRequire(import.meta.url);

async function startEngine(): Promise<Engine> {
  const entry = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
  const dist = dirname(entry);
  const duckdb = require(entry) as BlockingModule;
  const db = await duckdb.createDuckDB(
    {
      mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
      eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate(() => {});
  db.open({});
  const conn = db.connect();
  for (const sql of OFFLINE_SETTINGS) conn.query(sql);
  return { db, conn };
}

/** A new Node connector over its own in-memory database; started at the first call. */
export function createNodeConnector(): FileConnector {
  let started: Promise<Engine> | null = null;
  let closed = false;
  let fileSeq = 0;
  const kinds = new Map<string, RelationKind>();
  let scratchDir: string | null = null;
  const scratch = () => (scratchDir ??= mkdtempSync(join(tmpdir(), 'duckdb-files-')));

  function engine(): Promise<Engine> {
    if (closed) return Promise.reject(new Error('connector is closed'));
    started ??= startEngine();
    return started;
  }

  return {
    async query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
      const { conn } = await engine();
      return tableToRows<T>(conn.query(sql));
    },

    async registerParquet(name: string, source: string, opts: RegisterOptions = {}): Promise<void> {
      checkName(name);
      const [{ db, conn }, bytes] = await Promise.all([engine(), readFile(source)]);
      opts.onProgress?.(bytes.length, bytes.length);
      const file = `${name}-${++fileSeq}.parquet`;
      db.registerFileBuffer(file, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      try {
        const drop = dropStatement(name, kinds.get(name));
        if (drop) conn.query(drop);
        kinds.delete(name);
        conn.query(createTableFromParquet(name, file));
        kinds.set(name, 'table');
      } finally {
        db.dropFile(file);
      }
    },

    // The Node build reads and writes the real file system: files live in a temporary folder.
    filePath(name: string): string {
      checkFileName(name);
      return join(scratch(), name);
    },

    async writeFile(name: string, bytes: Uint8Array): Promise<void> {
      await writeFile(this.filePath(name), bytes);
    },

    async readFile(name: string): Promise<Uint8Array> {
      return new Uint8Array(await readFile(this.filePath(name)));
    },

    async dropFile(name: string): Promise<void> {
      await rm(this.filePath(name), { force: true });
    },

    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      if (scratchDir) rmSync(scratchDir, { recursive: true, force: true });
      const pending = started;
      started = null;
      const e = pending ? await pending.catch(() => null) : null;
      if (!e) return;
      e.conn.close();
      e.db.reset();
    },
  };
}

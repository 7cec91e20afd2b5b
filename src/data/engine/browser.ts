/**
 * The browser Connector: DuckDB-WASM 1.28.0 (DuckDB 0.9, parquet built in) in a Web Worker.
 *
 * - The wasm and worker files are bundled by Vite (`?url`), so the app requests nothing from any
 *   host but its own; `selectBundle` picks the exception-handling build where supported.
 * - The engine starts lazily, exactly once, through one shared promise; `warmUp()` starts it early
 *   (beside the first map, which paints from pre-computed aggregates).
 * - Extension autoloading is off: nothing ever waits on the network.
 * - `registerParquet` fetches the whole file with progress (overlapping the engine start), copies
 *   it into a DuckDB table and drops the buffer: on the stand-in Ningxia demo this beat HTTP range
 *   reads for every query after the first (bench/parquet-path/RESULTS.md). The `remote` mode keeps
 *   a VIEW over HTTP range reads instead, for files too large to hold in memory.
 */
import type * as duckdbModule from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { checkFileName, type FileConnector, type RegisterOptions } from './connector';
import { fetchBytes } from '../fetch-progress';
import { tableToRows } from './rows';
import {
  OFFLINE_SETTINGS,
  checkName,
  createTableFromParquet,
  createViewOverParquet,
  dropStatement,
  type RelationKind,
} from './statements';

export interface BrowserConnectorOptions {
  /**
   * How `registerParquet` makes a file queryable. `table` (default): the whole file is fetched
   * with progress and copied into a table. `remote`: the URL is registered for HTTP range reads
   * and a VIEW reads it on every query (no progress is reported; nothing is fetched up front).
   */
  parquet?: 'table' | 'remote';
}

export interface BrowserConnector extends FileConnector {
  /** Starts the engine now instead of at the first call. Resolves when it can take queries. */
  warmUp(): Promise<void>;
}

interface Engine {
  duckdb: typeof duckdbModule;
  db: duckdbModule.AsyncDuckDB;
  conn: duckdbModule.AsyncDuckDBConnection;
}

async function startEngine(): Promise<Engine> {
  const duckdb = await import('@duckdb/duckdb-wasm');
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
    eh: { mainModule: ehWasm, mainWorker: ehWorker },
  });
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
    await db.open({ filesystem: { allowFullHTTPReads: true } });
    const conn = await db.connect();
    for (const sql of OFFLINE_SETTINGS) await conn.query(sql);
    return { duckdb, db, conn };
  } catch (err) {
    await db.terminate();
    throw err;
  }
}

/** A new browser connector; the engine is not started until first used or `warmUp()`. */
export function createBrowserConnector(options: BrowserConnectorOptions = {}): BrowserConnector {
  const mode = options.parquet ?? 'table';
  let started: Promise<Engine> | null = null;
  let closed = false;
  let fileSeq = 0;
  const kinds = new Map<string, RelationKind>();
  const remoteFiles = new Map<string, string>();
  // DDL of registerParquet runs one at a time, so the kind of each name stays known.
  let ddl: Promise<unknown> = Promise.resolve();

  function engine(): Promise<Engine> {
    if (closed) return Promise.reject(new Error('connector is closed'));
    started ??= startEngine();
    return started;
  }

  function serially<T>(task: () => Promise<T>): Promise<T> {
    const next = ddl.then(task, task);
    ddl = next.catch(() => undefined);
    return next;
  }

  async function replace(e: Engine, name: string, kind: RelationKind, create: string): Promise<void> {
    const drop = dropStatement(name, kinds.get(name));
    if (drop) await e.conn.query(drop);
    kinds.delete(name);
    await e.conn.query(create);
    kinds.set(name, kind);
  }

  return {
    warmUp: async () => {
      await engine();
    },

    async query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
      const e = await engine();
      return tableToRows<T>(await e.conn.query(sql));
    },

    async registerParquet(name: string, source: string, opts: RegisterOptions = {}): Promise<void> {
      checkName(name);
      const url = new URL(source, globalThis.location?.href).href;
      const file = `${name}-${++fileSeq}.parquet`;
      if (mode === 'remote' || opts.remote) {
        const e = await engine();
        await serially(async () => {
          await e.db.registerFileURL(file, url, e.duckdb.DuckDBDataProtocol.HTTP, false);
          await replace(e, name, 'view', createViewOverParquet(name, file));
          const old = remoteFiles.get(name);
          remoteFiles.set(name, file);
          if (old) await e.db.dropFile(old);
        });
        return;
      }
      // Download while the engine starts.
      const [e, bytes] = await Promise.all([engine(), fetchBytes(url, opts.onProgress)]);
      await serially(async () => {
        await e.db.registerFileBuffer(file, bytes);
        try {
          await replace(e, name, 'table', createTableFromParquet(name, file));
        } finally {
          await e.db.dropFile(file);
        }
      });
    },

    filePath(name: string): string {
      checkFileName(name);
      return name;
    },

    async writeFile(name: string, bytes: Uint8Array): Promise<void> {
      checkFileName(name);
      const e = await engine();
      await e.db.registerFileBuffer(name, bytes);
    },

    async readFile(name: string): Promise<Uint8Array> {
      checkFileName(name);
      const e = await engine();
      return e.db.copyFileToBuffer(name);
    },

    async dropFile(name: string): Promise<void> {
      checkFileName(name);
      const e = await engine();
      await e.db.dropFile(name);
    },

    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      const pending = started;
      started = null;
      if (!pending) return;
      const e = await pending.catch(() => null);
      if (!e) return;
      await e.conn.close();
      await e.db.terminate();
    },
  };
}

/**
 * The bench page. It does nothing by itself: `run.ts` calls the steps on `window.bench` one at a
 * time, so it can read the server's byte counts and the memory figures between steps.
 */
import type { BenchDb, BenchIo, PathId } from '../lib/paths';
import { AGGREGATION_SQL, COUNTY_SQL, PATHS, SORT_KEY_SQL, digest } from '../lib/paths';
import { openBrowserDb } from './db-browser';

let db: BenchDb | null = null;
let pathId: PathId = 'a-buffer';
let decoderMemory: (() => number) | null = null;

const io: BenchIo = {
  async bytes(source) {
    const res = await fetch(source);
    if (!res.ok) throw new Error(`${source}: HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  },
  url: (source) => new URL(source, location.href).href,
  async *parquetWasmToIpc(bytes) {
    const pq = await import('parquet-wasm/esm');
    const wasmUrl = (await import('parquet-wasm/esm/parquet_wasm_bg.wasm?url')).default;
    await pq.default({ module_or_path: wasmUrl });
    decoderMemory = () => pq.wasmMemory().buffer.byteLength;
    const { rowGroupIndexes, PARQUET_WASM_BATCH } = await import('../lib/hyparquet-arrow');
    for (const rowGroup of rowGroupIndexes(bytes)) {
      yield pq.readParquet(bytes, { rowGroups: [rowGroup], batchSize: PARQUET_WASM_BATCH }).intoIPCStream();
    }
  },
  async *hyparquetToIpc(bytes) {
    const { hyparquetToIpc } = await import('../lib/hyparquet-arrow');
    yield* hyparquetToIpc(bytes);
  },
};
async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

const bench = {
  async init(id: PathId) {
    pathId = id;
    const { ms, value } = await timed(() => openBrowserDb(PATHS[id].release));
    db = value;
    return { ms, version: value.version, bundle: value.bundle };
  },
  async load(dataBase: string) {
    if (!db) throw new Error('init first');
    const base = dataBase.endsWith('/') ? dataBase : dataBase + '/';
    const d = db;
    const { ms } = await timed(() =>
      PATHS[pathId].load(d, io, { households: `${base}households.parquet`, income: `${base}income.parquet` }),
    );
    return { ms };
  },
  async run(which: 'agg' | 'county' | 'sortkey') {
    if (!db) throw new Error('init first');
    const sql = which === 'agg' ? AGGREGATION_SQL : which === 'county' ? COUNTY_SQL : SORT_KEY_SQL;
    const d = db;
    const { ms, value } = await timed(() => d.query(sql));
    return { ms, rows: value.length, digest: which === 'agg' ? digest(value) : JSON.stringify(value) };
  },
  async memory() {
    const mem = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    let duckdbMemoryUsage = '';
    if (db) {
      const rows = await db.query('PRAGMA database_size');
      duckdbMemoryUsage = String(rows[0]?.memory_usage ?? '');
    }
    return {
      mainHeapUsed: mem?.usedJSHeapSize ?? null,
      decoderWasmBytes: decoderMemory ? decoderMemory() : 0,
      duckdbMemoryUsage,
    };
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
document.getElementById('out')!.textContent = 'ready';

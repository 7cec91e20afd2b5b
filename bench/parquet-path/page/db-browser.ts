/**
 * BenchDb over AsyncDuckDB in a Web Worker, for either release. The DuckDB worker script is
 * started from a small blob wrapper that remembers the wasm instance's linear memory in
 * `self.__wasmMemory`, so the driver can read its size with `worker.evaluate` (bench only; the
 * product's connector starts the worker directly).
 */
import type { BenchDb, DuckdbRelease } from '../lib/paths';
import { OFFLINE_SETTINGS } from '../lib/paths';

import w128eh from 'duckdb-wasm-128/dist/duckdb-browser-eh.worker.js?url';
import w128mvp from 'duckdb-wasm-128/dist/duckdb-browser-mvp.worker.js?url';
import m128eh from 'duckdb-wasm-128/dist/duckdb-eh.wasm?url';
import m128mvp from 'duckdb-wasm-128/dist/duckdb-mvp.wasm?url';
import w132eh from 'duckdb-wasm-132/dist/duckdb-browser-eh.worker.js?url';
import w132mvp from 'duckdb-wasm-132/dist/duckdb-browser-mvp.worker.js?url';
import m132eh from 'duckdb-wasm-132/dist/duckdb-eh.wasm?url';
import m132mvp from 'duckdb-wasm-132/dist/duckdb-mvp.wasm?url';

const BUNDLES = {
  '1.28.0': {
    mvp: { mainModule: m128mvp, mainWorker: w128mvp },
    eh: { mainModule: m128eh, mainWorker: w128eh },
  },
  '1.32.0': {
    mvp: { mainModule: m132mvp, mainWorker: w132mvp },
    eh: { mainModule: m132eh, mainWorker: w132eh },
  },
};

// The two releases have the same API shape for what the bench uses; type against 1.32's.
type DuckdbModule = typeof import('duckdb-wasm-132');

async function loadModule(release: DuckdbRelease): Promise<DuckdbModule> {
  return release === '1.28.0'
    ? ((await import('duckdb-wasm-128')) as unknown as DuckdbModule)
    : await import('duckdb-wasm-132');
}

function memoryCapturingWorker(workerUrl: string): Worker {
  const abs = new URL(workerUrl, location.href).href;
  const source = `
    // Exports only: DuckDB 1.32's env import object is an Emscripten proxy that must not be walked.
    const grab = (result) => {
      const inst = result.instance ?? result;
      for (const v of Object.values(inst.exports ?? {})) if (v instanceof WebAssembly.Memory) self.__wasmMemory = v;
      return result;
    };
    // DuckDB 1.32 imports its memory (dynamic linking) instead of exporting it.
    const Memory = WebAssembly.Memory;
    WebAssembly.Memory = new Proxy(Memory, { construct(target, args) {
      const m = new target(...args); if (!self.__wasmMemory || m.buffer.byteLength > self.__wasmMemory.buffer.byteLength) self.__wasmMemory = m; return m; } });
    const inst = WebAssembly.instantiate, stream = WebAssembly.instantiateStreaming;
    WebAssembly.instantiate = function (...args) { return inst.apply(this, args).then(grab); };
    if (stream) WebAssembly.instantiateStreaming = function (...args) { return stream.apply(this, args).then(grab); };
    importScripts(${JSON.stringify(abs)});`;
  return new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
}

export interface BrowserBenchDb extends BenchDb {
  bundle: string;
}

export async function openBrowserDb(release: DuckdbRelease): Promise<BrowserBenchDb> {
  const duckdb = await loadModule(release);
  const bundle = await duckdb.selectBundle(BUNDLES[release]);
  const worker = memoryCapturingWorker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  // The blob worker has no base URL of its own: hand it an absolute wasm URL.
  await db.instantiate(new URL(bundle.mainModule, location.href).href, bundle.pthreadWorker);
  await db.open({});
  const conn = await db.connect();
  for (const s of OFFLINE_SETTINGS) await conn.query(s);
  return {
    version: await db.getVersion(),
    bundle: bundle.mainModule.includes('-eh') ? 'eh' : 'mvp',
    async query(sql) {
      const table = await conn.query(sql);
      return table.toArray().map((r) => (r as { toJSON(): Record<string, unknown> }).toJSON());
    },
    async registerBuffer(name, bytes) {
      await db.registerFileBuffer(name, bytes);
    },
    async registerUrl(name, url) {
      await db.registerFileURL(name, url, duckdb.DuckDBDataProtocol.HTTP, false);
    },
    async insertIpc(name, ipc, create) {
      await conn.insertArrowFromIPCStream(ipc, { name, create });
    },
  };
}

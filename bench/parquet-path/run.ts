/**
 * Measures each parquet path in headless Chromium and prints min/median/max per figure.
 *
 *   npx tsx bench/parquet-path/run.ts --data bench-results/parquet-path/data/zstd-rg122880
 *     [--paths a-buffer,a-view,a-http,b-pqwasm,c-hyparquet] [--runs 5] [--json <file>] [--no-build]
 *     [--order agg,agg_repeat,county,sortkey]
 *
 * `--data` is any folder holding `households.parquet` and `income.parquet` (later the real demo:
 * `public/data/ningxia`). Every run is a fresh browser with a fresh profile (cold HTTP and code
 * caches), after one discarded warm-up run per path. Setup (launching, navigating) is outside the
 * timed parts; bytes are counted by the local server, so worker and range requests are included.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import {
  findChromium,
  launchChromium,
  recordPage,
  startStaticServer,
  type ServedRequest,
} from '../../test/browser/harness';
import { PATHS, type PathId } from './lib/paths';
import { summarize, toMarkdown, type Figure } from './lib/stats';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: 'bench-results/parquet-path/data/zstd-rg122880' },
    paths: { type: 'string', default: 'a-buffer,a-view,a-http,b-pqwasm,c-hyparquet' },
    runs: { type: 'string', default: '5' },
    json: { type: 'string', default: 'bench-results/parquet-path/results.json' },
    order: { type: 'string', default: 'agg,agg_repeat,county,sortkey' },
    'no-build': { type: 'boolean', default: false },
  },
});

const dataDir = resolve(values.data!);
for (const f of ['households.parquet', 'income.parquet']) {
  if (!existsSync(join(dataDir, f))) throw new Error(`${join(dataDir, f)} missing (run generate.ts first)`);
}
const runs = Number(values.runs);
const order = values.order!.split(',') as ('agg' | 'agg_repeat' | 'county' | 'sortkey')[];
const pathIds = values.paths!.split(',') as PathId[];
for (const id of pathIds) if (!PATHS[id]) throw new Error(`unknown path ${id}`);
const chrome = findChromium();
if (!chrome) throw new Error('no Chromium found (set CHROME_PATH)');

const pageDist = resolve('bench-results/parquet-path/page-dist');
if (!values['no-build'] || !existsSync(join(pageDist, 'index.html'))) {
  const t0 = performance.now();
  await build({
    root: join(here, 'page'),
    configFile: false,
    logLevel: 'warn',
    base: '/',
    optimizeDeps: { exclude: ['duckdb-wasm-128', 'duckdb-wasm-132', 'parquet-wasm'] },
    build: { outDir: pageDist, emptyOutDir: true, target: 'es2022', assetsInlineLimit: 0, chunkSizeWarningLimit: 1e5 },
  });
  console.error(`built bench page in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

const STEP_TIMEOUT_MS = 240_000;
const server = await startStaticServer(pageDist, { '/data/': dataDir });

type Sample = Record<string, number>;
interface RunOutcome {
  sample: Sample;
  notes: Record<string, string>;
}

async function oneRun(id: PathId): Promise<RunOutcome> {
  const browser = await launchChromium(chrome!);
  try {
    const page = await browser.context.newPage();
    const rec = recordPage(browser.context, page);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${server.origin}/`);
    await page.waitForFunction(() => 'bench' in window);
    const sample: Sample = {};
    const notes: Record<string, string> = {};
    const step = async <T>(key: string, fn: () => Promise<T>): Promise<T> => {
      const mark = server.log.length;
      const value = await fn();
      const served = server.log.slice(mark);
      sample[`${key}_bytes`] = bytes(served);
      sample[`${key}_requests`] = served.length;
      return value;
    };
    type Bench = {
      init(id: string): Promise<{ ms: number; version: string; bundle: string }>;
      load(base: string): Promise<{ ms: number }>;
      run(w: string): Promise<{ ms: number; rows: number; digest: string }>;
      memory(): Promise<{ decoderWasmBytes: number; duckdbMemoryUsage: string }>;
    };
    // A worker that dies (pageerror) never settles its promise: fail the run instead of hanging.
    let fail: (e: Error) => void = () => {};
    const failed = new Promise<never>((_, reject) => (fail = reject));
    failed.catch(() => {});
    page.on('pageerror', (e) => fail(e));
    const call = <T>(fn: string, arg?: string): Promise<T> => {
      const timer = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`${fn} timed out after ${STEP_TIMEOUT_MS} ms`)), STEP_TIMEOUT_MS).unref(),
      );
      const run = page.evaluate(
        ([f, a]) => (window as unknown as { bench: Record<string, (x?: string) => Promise<unknown>> }).bench[f!]!(a),
        [fn, arg] as const,
      ) as Promise<T>;
      return Promise.race([run, failed, timer]);
    };

    const init = await step('engine', () => call<Awaited<ReturnType<Bench['init']>>>('init', id));
    sample.instantiate_ms = init.ms;
    notes.version = `${init.version} (${init.bundle})`;
    const load = await step('load', () => call<Awaited<ReturnType<Bench['load']>>>('load', '/data/'));
    sample.queryable_ms = load.ms;

    await cdp.send('HeapProfiler.collectGarbage');
    const metrics = (await cdp.send('Performance.getMetrics')).metrics;
    sample.main_js_heap_bytes = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    const mem = await call<Awaited<ReturnType<Bench['memory']>>>('memory');
    sample.decoder_wasm_bytes = mem.decoderWasmBytes;
    notes.duckdb_memory_usage = mem.duckdbMemoryUsage;
    sample.duckdb_wasm_bytes = await workerWasmBytes(page.workers());

    // Query steps in the order asked: with range reads the first query pays for the fetching,
    // so `--order county,...` shows what a narrow first query fetches from a cold file.
    for (const key of order) {
      const which = key === 'agg_repeat' ? 'agg' : key;
      const r = await step(key, () => call<Awaited<ReturnType<Bench['run']>>>('run', which));
      sample[`${key}_ms`] = r.ms;
      if (key !== 'agg_repeat') notes[`${key}_result`] = r.digest;
    }
    sample.duckdb_wasm_bytes_end = await workerWasmBytes(page.workers());

    sample.total_bytes = bytes(server.log);
    const foreign = rec.foreign(server.origin);
    if (foreign.length) notes.foreign_requests = foreign.join(' ');
    if (rec.errors.length) notes.errors = rec.errors.join(' | ');
    server.log.length = 0;
    return { sample, notes };
  } finally {
    await browser.close();
    server.log.length = 0;
  }
}

async function workerWasmBytes(workers: { evaluate<T>(fn: () => T): Promise<T> }[]): Promise<number> {
  let max = 0;
  for (const w of workers) {
    const n = await w
      .evaluate(() => (self as unknown as { __wasmMemory?: WebAssembly.Memory }).__wasmMemory?.buffer.byteLength ?? 0)
      .catch(() => 0);
    max = Math.max(max, n);
  }
  return max;
}

function bytes(log: ServedRequest[]): number {
  return log.reduce((s, r) => s + r.bytes, 0);
}

const report: Record<string, { label: string; figures: Record<string, Figure>; notes: Record<string, string> }> = {};
try {
  for (const id of pathIds) {
    console.error(`${id}: warm-up`);
    await oneRun(id);
    const samples: Sample[] = [];
    let notes: Record<string, string> = {};
    for (let i = 0; i < runs; i++) {
      const r = await oneRun(id);
      samples.push(r.sample);
      notes = { ...notes, ...r.notes };
      console.error(`${id}: run ${i + 1}/${runs} instantiate ${r.sample.instantiate_ms!.toFixed(0)} ms, queryable ${r.sample.queryable_ms!.toFixed(0)} ms, agg ${r.sample.agg_ms!.toFixed(0)} ms`);
    }
    report[id] = { label: PATHS[id].label, figures: summarize(samples), notes };
  }
} finally {
  await server.close();
}

const files = Object.fromEntries(
  ['households.parquet', 'income.parquet'].map((f) => [f, statSync(join(dataDir, f)).size]),
);
mkdirSync(dirname(resolve(values.json!)), { recursive: true });
writeFileSync(
  values.json!,
  JSON.stringify({ data: dataDir, files, runs, order, chromium: chrome, date: new Date().toISOString(), report }, null, 2),
);
console.log(toMarkdown(report, files));

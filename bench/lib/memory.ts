/**
 * Memory across many drill-downs and filters (issue 16 item 4): the built app, Ningxia demo, one
 * page. A step is a click on a county's ranking row until its map is painted and every panel has
 * answered, then back to the root by the breadcrumb; every fifth step also sets a cross-filter at
 * the root (until its panels answer) and clears it. `steps` steps = `steps` drills and `steps / 5`
 * filters (1,000 and 200 by default). After 20 steps (the caches filled) and at the end:
 *  - the main thread's JS heap after a forced GC (CDP): memory_heap_start_mb / _end_mb, and
 *    memory_heap_ratio = end / start;
 *  - the DuckDB-WASM worker's wasm memory (its linear memory's size: the engine's heap, which
 *    grows and never shrinks, so the end value is the run's high-water mark):
 *    memory_wasm_start_mb / _end_mb and memory_wasm_ratio. The worker script is served with a
 *    few lines in front that keep a reference to every `WebAssembly.Memory` it makes or is given;
 *    without one the run fails rather than report nothing;
 *  - memory_step_ms: the median step. Goal: both ratios ≤ 1.10 (flat within 10%); what the client
 *    keeps is bounded (the SQL result cache, 6 cross-filter cubes, 12 unit series, 3 period tables).
 * `MEMORY_BENCH_MARK_EVERY` (default 250) adds intermediate readings to the log.
 */
import type { Worker } from 'playwright-core';
import { launchChromium, startStaticServer } from '../../test/browser/harness';
import { clearFilter, drillScript, filterScript, FILTERS, jsHeapMb, ROOT } from './browser';
import { figure, type Figure } from './stats';

const TIMEOUT = 180_000;
export const BASELINE_STEPS = 20;
const FILTER_EVERY = 5;

const one = (value: number, unit: string, n = 1): Figure => ({ value, unit, n, min: value, median: value, max: value });

/** Put in front of the DuckDB worker script: keeps every wasm memory the worker makes or instantiates with. */
const WASM_SHIM = `;(() => {
  const kept = (self.__benchWasmMemories = new Set());
  const keep = (result) => {
    try {
      const instance = result && (result.instance || result);
      for (const v of Object.values((instance && instance.exports) || {})) if (v instanceof WebAssembly.Memory) kept.add(v);
    } catch (e) {}
    return result;
  };
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...args) { return instantiate.apply(this, args).then(keep); };
  if (WebAssembly.instantiateStreaming) {
    const streaming = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = function (...args) { return streaming.apply(this, args).then(keep); };
  }
  const Memory = WebAssembly.Memory;
  const Wrapped = function (descriptor) { const m = new Memory(descriptor); kept.add(m); return m; };
  Wrapped.prototype = Memory.prototype;
  WebAssembly.Memory = Wrapped;
})();
`;

async function wasmMb(worker: Worker): Promise<number> {
  const bytes = Number(await worker.evaluate('[...(self.__benchWasmMemories || [])].reduce((s, m) => s + m.buffer.byteLength, 0)'));
  if (!(bytes > 0)) throw new Error('memory bench: no wasm memory found in the DuckDB worker');
  return bytes / 2 ** 20;
}

export async function runMemoryBench(chrome: string, dist: string, opts: { drills: number; log?: (s: string) => void }): Promise<Record<string, Figure>> {
  const log = opts.log ?? (() => {});
  const steps = opts.drills;
  if (steps < BASELINE_STEPS) throw new Error(`memory bench: ${steps} steps, at least ${BASELINE_STEPS} needed for the baseline`);
  const markEvery = Number(process.env.MEMORY_BENCH_MARK_EVERY ?? 250);
  const server = await startStaticServer(dist);
  const browser = await launchChromium(chrome, { viewport: { width: 1600, height: 900 } });
  try {
    const page = await browser.context.newPage();
    let shimmed = 0;
    await page.route(/\/assets\/duckdb-browser-[^/]*\.worker-[^/]*\.js$/, async (route) => {
      const response = await route.fetch();
      shimmed++;
      await route.fulfill({ response, body: WASM_SHIM + (await response.text()), headers: { ...response.headers(), 'content-type': 'text/javascript' } });
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.origin}/`);
    const rootPainted = `[data-testid="map-area"][data-painted="true"][data-painted-view="${ROOT}"]`;
    await page.waitForSelector(rootPainted, { timeout: TIMEOUT });
    await page.waitForSelector('[data-testid="engine-status"][data-state="ready"]', { timeout: TIMEOUT });
    if (shimmed === 0) throw new Error('memory bench: the DuckDB worker script was not requested through the route');
    const engineWorker = () => {
      const w = page.workers().filter((x) => /duckdb-browser-[^/]*\.worker/.test(x.url()));
      if (w.length !== 1) throw new Error(`memory bench: expected one DuckDB worker, found ${w.length} (${page.workers().map((x) => x.url()).join(', ')})`);
      return w[0]!;
    };
    const counties = ((await page.locator('[data-testid="ranking-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))) as string[]).filter((c) => /^\d{6}000000$/.test(c));
    if (counties.length < 2) throw new Error('memory bench: no county rows in the ranking');

    const read = async () => ({ heap: await jsHeapMb(browser, page), wasm: await wasmMb(engineWorker()) });
    const times: number[] = [];
    let filters = 0;
    let start: { heap: number; wasm: number } | null = null;
    for (let i = 1; i <= steps; i++) {
      const t0 = performance.now();
      const code = counties[i % counties.length]!;
      await page.evaluate(drillScript(code));
      await page.locator(`[data-testid="breadcrumb"] li[data-code="${ROOT}"] button`).click();
      await page.waitForSelector(rootPainted, { timeout: TIMEOUT });
      await page.waitForSelector(`[data-testid="ranking-row"][data-code="${counties[(i + 1) % counties.length]}"]`, { timeout: TIMEOUT });
      if (i % FILTER_EVERY === 0) {
        await page.evaluate(filterScript(FILTERS[filters % FILTERS.length]!));
        filters++;
        await clearFilter(page);
      }
      times.push(performance.now() - t0);
      if (i === BASELINE_STEPS) {
        start = await read();
        log(`memory: after ${i} steps (${i} drills, ${filters} filters): JS heap ${start.heap.toFixed(2)} MB, wasm ${start.wasm.toFixed(1)} MB`);
      } else if (i % markEvery === 0 && i !== steps) {
        const r = await read();
        log(`memory: after ${i} steps (${i} drills, ${filters} filters): JS heap ${r.heap.toFixed(2)} MB, wasm ${r.wasm.toFixed(1)} MB`);
      }
    }
    const end = await read();
    log(`memory: after ${steps} steps (${steps} drills, ${filters} filters): JS heap ${end.heap.toFixed(2)} MB, wasm ${end.wasm.toFixed(1)} MB`);
    if (errors.length) throw new Error(`memory bench: page errors: ${errors.join(' | ')}`);
    return {
      memory_heap_start_mb: one(start!.heap, 'MB', BASELINE_STEPS),
      memory_heap_end_mb: one(end.heap, 'MB', steps),
      memory_heap_ratio: one(end.heap / start!.heap, 'ratio'),
      memory_wasm_start_mb: one(start!.wasm, 'MB', BASELINE_STEPS),
      memory_wasm_end_mb: one(end.wasm, 'MB', steps),
      memory_wasm_ratio: one(end.wasm / start!.wasm, 'ratio'),
      memory_step_ms: figure(times, 'ms'),
      memory_drills: one(steps, 'count'),
      memory_filters: one(filters, 'count'),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * Browser figures from the built app (`dist/`), served by the test harness's static server, in
 * headless Chromium launched with the harness's flags, Ningxia demo:
 *  - first_map_ms: navigation start → the first choropleth painted with the KPI strip showing a
 *    figure, stamped in the page by a MutationObserver (`performance.now()` counts from navigation
 *    start); each run a new browser context (empty cache) of a running browser;
 *    first_map_cold_browser_ms: the same in a freshly started browser per run (`firstMapLoads`);
 *  - bytes_first_view: body bytes the server sent (pages and workers) before that moment, text
 *    files gzip-compressed as a static host sends them, the engine's .wasm excluded, snapshotted
 *    when the page calls back; bytes_first_view_uncompressed: the same bodies uncompressed;
 *  - drill_ms: click a county's ranking row → its township choropleth painted, the KPI strip
 *    naming it, and every analysis panel and the scorecard answering for it (CONTRACT.md);
 *    drill_map_ms: the same click → map and KPI strip only. Timed in the page; back with the
 *    breadcrumb (untimed); a different county each run;
 *  - filter_ms: a cross-filter set through the URL (pushState + popstate, as back/forward do)
 *    → filter status ready, KPI strip "filtered", map painted and every panel answering the
 *    filter; filter_map_ms: map and KPI strip only. Different filters at the period on screen,
 *    whose cross-filter cube an earlier run built; cleared untimed in between;
 *  - filter_cold_ms / filter_cold_map_ms: the same at a year not filtered before (every year but
 *    the last, newest first), so the period's cube is built within the timed part;
 *  - memory_js_heap_mb: main-thread JS heap after the drill and filter runs (after a GC).
 * In-page code is passed as strings so nothing the TypeScript loader adds leaks into the page.
 */
import { spawnSync } from 'node:child_process';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, launchChromium, startStaticServer, type LaunchedBrowser, type ServedRequest, type StaticServer } from '../../test/browser/harness';
import { figure, medianRatio, pairedRatio, type Figure } from './stats';
import { buildFloor, FLOOR_MOUNT, FLOOR_READY, floorDrillScript, floorRecolourScript, floorUrl } from './floor';

export const ROOT = '640000000000';
const VIEWPORT = { width: 1600, height: 900 };
const TIMEOUT = 180_000;

/** Main-thread JS heap in MB after a forced GC (CDP), NaN when Chromium does not say. */
export async function jsHeapMb(browser: Pick<LaunchedBrowser, 'context'>, page: Page): Promise<number> {
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN) / 1e6;
}

/**
 * One browser with two contexts, the app's and the floor page's, each its own window. Not two tabs
 * of one window: Chromium throttles a tab that is not the window's front one to about one frame a
 * second (its `visibilityState` still "visible"), which made the floor's drill take ~1,000 ms.
 */
export async function launchAppAndFloor(chrome: string): Promise<{ app: BrowserContext; floor: BrowserContext; close: () => Promise<void> }> {
  const browser = await chromium.launch({ executablePath: chrome, headless: true, args: CHROMIUM_ARGS });
  const app = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const floor = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  return { app, floor, close: () => browser.close() };
}

/** Installed before any page script: stamps the first painted map with KPIs and calls back. */
export const FIRST_MAP_INIT = `(() => {
  const done = () => {
    if (!document.querySelector('[data-testid="map-area"][data-painted="true"]')) return false;
    const k = document.querySelector('[data-testid="kpi-per-capita"] .kpi-value');
    return !!k && /\\d/.test(k.textContent || '');
  };
  const obs = new MutationObserver(() => {
    if (window.__firstMapAt === undefined && done()) {
      window.__firstMapAt = performance.now();
      obs.disconnect();
      if (window.__benchFirstMap) window.__benchFirstMap();
    }
  });
  obs.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})()`;

/** The panels a drill or filter waits for: every analysis panel and the scorecard. */
const ALL_PANELS = 'section.analysis-panel, [data-testid="scorecard"]';

/** In-page: every panel answers the view on screen (true) or not yet (false). */
export const PANELS_READY = `(() => {
  const ps = [...document.querySelectorAll(${JSON.stringify(ALL_PANELS)})];
  return ps.length > 0 && ps.every((p) => p.getAttribute('data-state') === 'ready' || (p.getAttribute('data-testid') === 'scorecard' && p.getAttribute('data-state') === 'idle'));
})()`;

/**
 * Waits until the in-page expression `expr` is true, polled from outside: the app's CSP forbids
 * the eval a string predicate of `waitForFunction` needs.
 */
export async function pollInPage(page: Page, expr: string, what: string): Promise<void> {
  const t0 = Date.now();
  while (!(await page.evaluate(expr))) {
    if (Date.now() - t0 > TIMEOUT) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(50);
  }
}

/**
 * Waits until every panel answers the view on screen. Before a timed step, so no work left from
 * the step before (the root's panels after a return) runs inside it, in the app or beside the
 * floor page.
 */
export const settled = (page: Page): Promise<void> => pollInPage(page, PANELS_READY, 'the panels to answer');

/**
 * Resolves with [ms to `ok()` holding, ms to `ok()` and every panel matching `panels` (default:
 * every analysis panel and the scorecard) answering the new view], both from the action, observed
 * by a MutationObserver. Panels and the scorecard tag their state with the question they answer (a
 * stale answer reads "loading"), so "ready" is never the previous view's. A panel in error fails the run.
 */
const IN_PAGE_TIMER = `(setup) => new Promise((resolve, reject) => {
  const { ok, act, panels } = setup();
  const panelsReady = () => {
    const ps = [...document.querySelectorAll(panels || ${JSON.stringify(ALL_PANELS)})];
    const failed = ps.find((p) => p.getAttribute('data-state') === 'error');
    if (failed) throw new Error('panel ' + failed.getAttribute('data-testid') + ' failed: ' + failed.textContent);
    return ps.length > 0 && ps.every((p) => p.getAttribute('data-state') === 'ready' || (p.getAttribute('data-testid') === 'scorecard' && p.getAttribute('data-state') === 'idle'));
  };
  const t0 = performance.now();
  let mapAt;
  const finish = (f) => { obs.disconnect(); clearTimeout(timer); f(); };
  const obs = new MutationObserver(() => {
    try {
      if (mapAt === undefined && ok()) mapAt = performance.now() - t0;
      if (mapAt !== undefined && panelsReady()) finish(() => resolve([mapAt, performance.now() - t0]));
    } catch (e) { finish(() => reject(e)); }
  });
  const timer = setTimeout(() => finish(() => reject(new Error('timed out waiting in page'))), ${TIMEOUT});
  obs.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  act();
})`;

/**
 * Click on `code`'s ranking row → [ms to its map painted with the KPI strip naming it, ms to the
 * panels matching `panels` (a CSS selector; default all) ready too].
 */
export function drillScript(code: string, panels = ALL_PANELS): string {
  return `(${IN_PAGE_TIMER})(() => {
    const code = ${JSON.stringify(code)};
    const row = document.querySelector('[data-testid="ranking-row"][data-code="' + code + '"]');
    if (!row) throw new Error('no ranking row ' + code);
    const name = row.querySelector('th').textContent;
    return {
      ok: () => !!document.querySelector('[data-testid="map-area"][data-painted="true"][data-painted-view="' + code + '"]')
        && (document.querySelector('[data-testid="kpi-unit"]') || {}).textContent === name,
      act: () => row.click(),
      panels: ${JSON.stringify(panels)},
    };
  })`;
}

/** Sets `filter` (and, for a cold run, a `year` whose cross-filter cube the page has not built yet). */
export function filterScript(filter: string, year?: number): string {
  return `(${IN_PAGE_TIMER})(() => {
    const url = new URL(location.href);
    url.searchParams.set('filter', ${JSON.stringify(filter)});
    ${year === undefined ? '' : `url.searchParams.set('year', ${JSON.stringify(String(year))});`}
    return {
      ok: () => !!document.querySelector('[data-testid="filter-status"][data-state="ready"]')
        && !!document.querySelector('[data-testid="kpi-strip"][data-state="filtered"]')
        && !!document.querySelector('[data-testid="map-area"][data-painted="true"]'),
      act: () => { history.pushState(null, '', url); dispatchEvent(new PopStateEvent('popstate', { state: null })); },
    };
  })`;
}

const CLEAR_FILTER = `(() => {
  const url = new URL(location.href);
  url.searchParams.delete('filter');
  url.searchParams.delete('year');
  history.pushState(null, '', url);
  dispatchEvent(new PopStateEvent('popstate', { state: null }));
})()`;

/** Clears the cross-filter (and the year) through the URL as back/forward would; resolves once the root view is plain and painted again. */
export async function clearFilter(page: Page): Promise<void> {
  await page.evaluate(CLEAR_FILTER);
  await page.waitForSelector('[data-testid="filter-status"]', { state: 'detached', timeout: TIMEOUT });
  await page.waitForSelector('[data-testid="kpi-strip"][data-state="plain"]', { timeout: TIMEOUT });
  await page.waitForSelector(`[data-testid="map-area"][data-painted="true"][data-painted-view="${ROOT}"]`, { timeout: TIMEOUT });
}

/**
 * Filters cycled through so repeated runs do not just hit a result the app already holds. Each
 * narrows the Ningxia demo's first view (population 脱贫人口, the plan's), so none is a no-op:
 * `cat:tuopin` is that population itself and leaves the view unfiltered.
 */
export const FILTERS = ['reloc:1', 'mgmt:stable', 'cause:1', 'reloc:0', 'mgmt:high_quality', 'cause:2', 'mgmt:stable;reloc:1', 'cause:3', 'mgmt:key_monitoring', 'cause:4', 'mgmt:high_quality;reloc:0', 'cause:5'];

export interface BrowserBench {
  figures: Record<string, Figure>;
  chromiumVersion: string;
  notes: string[];
  /** The largest responses before the first map in the last run in a running browser (path, bytes on the wire). */
  largestFirstView: { path: string; bytes: number }[];
}

/** One cold load of the app up to its first map. */
export interface FirstMapRun {
  ms: number;
  /** Body bytes on the wire before the first map, engine .wasm excluded (text files gzip-compressed). */
  bytes: number;
  /** The same bodies before compression. */
  plainBytes: number;
  /** On the wire, .wasm included. */
  bytesWithWasm: number;
  requests: number;
  /** The largest responses (path, bytes on the wire). */
  largest: { path: string; bytes: number }[];
}

/** A new page in `context` loads `url`; resolves at its first map with the bytes served before it. */
async function firstMapRun(context: BrowserContext, server: StaticServer, url: string): Promise<FirstMapRun> {
  const page = await context.newPage();
  let snapshot: ServedRequest[] | null = null;
  // The page calls `__benchFirstMap` at its first map (the app from FIRST_MAP_INIT, the floor page
  // itself). Waiting on that call, not on a polled expression: the app's CSP forbids the eval a
  // string predicate of `waitForFunction` needs.
  let painted!: () => void;
  const firstMap = new Promise<void>((resolve) => (painted = resolve));
  await page.exposeBinding('__benchFirstMap', () => {
    snapshot ??= server.log.map((e) => ({ ...e }));
    painted();
  });
  await page.addInitScript(FIRST_MAP_INIT);
  server.log.length = 0;
  await page.goto(url);
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([firstMap, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no first map within ${TIMEOUT} ms: ${url}`)), TIMEOUT)))]).finally(() => clearTimeout(timer));
  const ms = Number(await page.evaluate('window.__firstMapAt'));
  if (!Number.isFinite(ms)) throw new Error(`first map called back without a time: ${url}`);
  const served = (snapshot ?? server.log.map((e) => ({ ...e }))) as ServedRequest[];
  const noWasm = served.filter((e) => !new URL(e.path, 'http://x').pathname.endsWith('.wasm'));
  const sum = (list: ServedRequest[], key: 'bytes' | 'plainBytes') => list.reduce((s, e) => s + e[key], 0);
  return {
    ms,
    bytes: sum(noWasm, 'bytes'),
    plainBytes: sum(noWasm, 'plainBytes'),
    bytesWithWasm: sum(served, 'bytes'),
    requests: noWasm.length,
    largest: [...noWasm].sort((x, y) => y.bytes - x.bytes).slice(0, 8).map((e) => ({ path: e.path, bytes: e.bytes })),
  };
}

/**
 * First-map loads of each of `urls` (e.g. the app and its floor page), interleaved: every round
 * loads each once, the order rotated, `opts.warmup` rounds discarded then `opts.runs` kept, two ways:
 * - `warm`: each in a new browser context (its own empty cache and storage) of one browser that
 *   has already loaded the pages (the warm-up), as a user opens the dashboard in a running browser;
 * - `cold`: each in a freshly started browser, so the browser's and its GPU process's start-up
 *   (on software WebGL, 0.6–1 s for the first WebGL context) are inside the figure.
 * Round i of one URL ran beside round i of the others, so their ratios can be taken pairwise.
 */
export async function firstMapLoads<K extends string>(
  chrome: string,
  server: StaticServer,
  urls: Record<K, string>,
  opts: { runs: number; warmup: number },
  log: (s: string) => void,
): Promise<{ loads: Record<K, { warm: FirstMapRun[]; cold: FirstMapRun[] }>; version: string | null }> {
  const describe = (r: FirstMapRun) =>
    `${r.ms.toFixed(0)} ms, ${(r.bytes / 1e6).toFixed(2)} MB on the wire (${(r.plainBytes / 1e6).toFixed(2)} MB uncompressed) in ${r.requests} requests`;
  const names = Object.keys(urls) as K[];
  const loads = Object.fromEntries(names.map((n) => [n, { warm: [] as FirstMapRun[], cold: [] as FirstMapRun[] }])) as Record<K, { warm: FirstMapRun[]; cold: FirstMapRun[] }>;
  const order = (round: number) => names.map((_, j) => names[(round + j) % names.length]!);
  let version: string | null = null;
  const shared = await chromium.launch({ executablePath: chrome, headless: true, args: CHROMIUM_ARGS });
  try {
    version = shared.version();
    const warmup = Math.max(1, opts.warmup);
    for (let i = 0; i < warmup + opts.runs; i++) {
      for (const name of order(i)) {
        const context = await shared.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
        try {
          const run = await firstMapRun(context, server, urls[name]);
          const kept = i >= warmup;
          log(`${name} (running browser, new context)${kept ? '' : ' (warm-up)'}: ${describe(run)}`);
          if (kept) loads[name].warm.push(run);
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await shared.close();
  }
  for (let i = 0; i < opts.warmup + opts.runs; i++) {
    for (const name of order(i)) {
      const browser = await launchChromium(chrome, { viewport: VIEWPORT });
      try {
        const run = await firstMapRun(browser.context, server, urls[name]);
        const kept = i >= opts.warmup;
        log(`${name} (new browser)${kept ? '' : ' (warm-up)'}: ${describe(run)}`);
        if (kept) loads[name].cold.push(run);
      } finally {
        await browser.close();
      }
    }
  }
  return { loads, version };
}

/**
 * The contract's first-map figures from `firstMapLoads`, names prefixed with `prefix`; with the
 * floor page's loads of the same rounds, its figures and the ratios app / floor (pairwise medians).
 */
export function firstMapFigures(loads: { warm: FirstMapRun[]; cold: FirstMapRun[] }, prefix: string, floor?: { warm: FirstMapRun[]; cold: FirstMapRun[] }): Record<string, Figure> {
  const { warm, cold } = loads;
  const out: Record<string, Figure> = {
    [`${prefix}first_map_ms`]: figure(warm.map((r) => r.ms), 'ms'),
    [`${prefix}first_map_cold_browser_ms`]: figure(cold.map((r) => r.ms), 'ms'),
    [`${prefix}bytes_first_view`]: figure(warm.map((r) => r.bytes), 'bytes'),
    [`${prefix}bytes_first_view_uncompressed`]: figure(warm.map((r) => r.plainBytes), 'bytes'),
    [`${prefix}bytes_first_view_with_wasm`]: figure(warm.map((r) => r.bytesWithWasm), 'bytes'),
    [`${prefix}requests_first_view`]: figure(warm.map((r) => r.requests), 'count'),
  };
  if (floor) {
    out[`${prefix}first_map_floor_ms`] = figure(floor.warm.map((r) => r.ms), 'ms');
    out[`${prefix}first_map_floor_cold_browser_ms`] = figure(floor.cold.map((r) => r.ms), 'ms');
    out[`${prefix}bytes_first_view_floor`] = figure(floor.warm.map((r) => r.bytes), 'bytes');
    out[`${prefix}first_map_ratio`] = pairedRatio(warm.map((r) => r.ms), floor.warm.map((r) => r.ms));
    out[`${prefix}first_map_cold_browser_ratio`] = pairedRatio(cold.map((r) => r.ms), floor.cold.map((r) => r.ms));
  }
  return out;
}

export async function runBrowserBench(
  chrome: string,
  dist: string,
  opts: { runs: number; drillRuns: number; warmup: number; data?: string; log?: (s: string) => void },
): Promise<BrowserBench> {
  const log = opts.log ?? (() => {});
  const server = await startStaticServer(dist, { [FLOOR_MOUNT]: buildFloor(log) });
  const data = opts.data ?? 'data/ningxia';
  const notes: string[] = [];
  let chromiumVersion = spawnSync(chrome, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? 'unknown';
  try {
    // 1. First map, the app and the floor page interleaved: in new contexts of a running browser,
    //    and in freshly started browsers.
    const { loads, version } = await firstMapLoads(chrome, server, { app: `${server.origin}/`, floor: floorUrl(server.origin, data) }, opts, (m) => log(`first map ${m}`));
    chromiumVersion = version ?? chromiumVersion;
    const largestFirstView = loads.app.warm.at(-1)?.largest ?? [];

    // 2. Drill and cross-filter, one browser, engine ready first.
    const browser = await launchAppAndFloor(chrome);
    const drill: number[] = [];
    const drillMap: number[] = [];
    const filter: number[] = [];
    const filterMap: number[] = [];
    const filterCold: number[] = [];
    const filterColdMap: number[] = [];
    const drillFloor: number[] = [];
    const recolourFloor: number[] = [];
    let heapMb = Number.NaN;
    try {
      // The floor page beside the app in the same browser (its own window): each drill and filter
      // of the app is followed (or, every other run, preceded) by the floor's drill to the same
      // county / recolour.
      const floor = await browser.floor.newPage();
      await floor.goto(floorUrl(server.origin, data));
      await floor.waitForFunction(FLOOR_READY, undefined, { timeout: TIMEOUT });
      const floorRun = async (script: string) => Number(await floor.evaluate(script));
      const page = await browser.app.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.origin}/`);
      const rootPainted = `[data-testid="map-area"][data-painted="true"][data-painted-view="${ROOT}"]`;
      await page.waitForSelector(rootPainted, { timeout: TIMEOUT });
      await page.waitForSelector('[data-testid="engine-status"][data-state="ready"]', { timeout: TIMEOUT });
      await settled(page);
      const codes = (await page.locator('[data-testid="ranking-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))) as string[];
      // A different county each run while there are enough, so no panel answer is reused from an earlier visit.
      const counties = codes.filter((c) => /^\d{6}000000$/.test(c));
      if (counties.length < 2) throw new Error(`expected county rows in the ranking list, got ${codes.join(', ')}`);
      if (counties.length < opts.warmup + opts.drillRuns) notes.push(`drill runs (${opts.warmup + opts.drillRuns}) exceed the ${counties.length} counties: later runs revisit a county`);
      log(`drill: ${counties.length} counties in turn`);
      for (let i = 0; i < opts.warmup + opts.drillRuns; i++) {
        const code = counties[i % counties.length]!;
        const floorFirst = i % 2 === 1;
        const floorMs0 = floorFirst ? await floorRun(floorDrillScript(code)) : 0;
        const [mapMs, allMs] = (await page.evaluate(drillScript(code))) as [number, number];
        const floorMs = floorFirst ? floorMs0 : await floorRun(floorDrillScript(code));
        await floorRun(floorDrillScript(ROOT));
        if (i >= opts.warmup) {
          drillMap.push(mapMs);
          drill.push(allMs);
          drillFloor.push(floorMs);
        }
        log(`drill ${code}${i < opts.warmup ? ' (warm-up)' : ''}: map ${mapMs.toFixed(0)} ms, panels ${allMs.toFixed(0)} ms; floor ${floorMs.toFixed(0)} ms`);
        await page.locator(`[data-testid="breadcrumb"] li[data-code="${ROOT}"] button`).click();
        await page.waitForSelector(rootPainted, { timeout: TIMEOUT });
        await page.waitForSelector(`[data-testid="ranking-row"][data-code="${counties[(i + 1) % counties.length]}"]`, { timeout: TIMEOUT });
        await settled(page);
      }

      const clearAndSettle = async () => {
        await clearFilter(page);
        await settled(page);
      };
      // Cold: the first filter at a period the page has not filtered before, so the time includes
      // building that period's cross-filter cube in the engine. One run per earlier year.
      const years = (await page.locator('.year-ticks span').allTextContents()).map(Number).filter(Number.isInteger);
      const coldYears = years.slice(0, -1).reverse().slice(0, opts.runs);
      for (const [i, year] of coldYears.entries()) {
        const fc = FILTERS[i % FILTERS.length]!;
        const [mapMs, allMs] = (await page.evaluate(filterScript(fc, year))) as [number, number];
        filterColdMap.push(mapMs);
        filterCold.push(allMs);
        log(`filter ${fc} at ${year}, cold: map ${mapMs.toFixed(0)} ms, panels ${allMs.toFixed(0)} ms`);
        await clearAndSettle();
      }
      if (coldYears.length < opts.runs) notes.push(`cold filter runs: only ${coldYears.length} earlier years to filter at`);

      // Warm: different filters at the period on screen (its cube built by an earlier run).
      const filterRuns = opts.warmup + opts.runs;
      if (filterRuns > FILTERS.length) notes.push(`filter runs (${filterRuns}) exceed the ${FILTERS.length} distinct filters: later runs repeat a filter`);
      for (let i = 0; i < filterRuns; i++) {
        const f = FILTERS[i % FILTERS.length]!;
        const floorFirst = i % 2 === 1;
        const floorMs0 = floorFirst ? await floorRun(floorRecolourScript(i)) : 0;
        const [mapMs, allMs] = (await page.evaluate(filterScript(f))) as [number, number];
        const floorMs = floorFirst ? floorMs0 : await floorRun(floorRecolourScript(i));
        if (i >= opts.warmup) {
          filterMap.push(mapMs);
          filter.push(allMs);
          recolourFloor.push(floorMs);
        }
        log(`filter ${f}${i < opts.warmup ? ' (warm-up)' : ''}: map ${mapMs.toFixed(0)} ms, panels ${allMs.toFixed(0)} ms; floor recolour ${floorMs.toFixed(0)} ms`);
        await clearAndSettle();
      }

      heapMb = await jsHeapMb({ context: browser.app }, page);
      if (errors.length) notes.push(`page errors: ${errors.join(' | ')}`);
    } finally {
      await browser.close();
    }

    const figures: Record<string, Figure> = {
      ...firstMapFigures(loads.app, '', loads.floor),
      drill_ms: figure(drill, 'ms'),
      drill_map_ms: figure(drillMap, 'ms'),
      drill_floor_ms: figure(drillFloor, 'ms'),
      drill_ratio: pairedRatio(drill, drillFloor),
      drill_map_ratio: pairedRatio(drillMap, drillFloor),
      filter_ms: figure(filter, 'ms'),
      filter_map_ms: figure(filterMap, 'ms'),
      recolour_floor_ms: figure(recolourFloor, 'ms'),
      filter_map_ratio: pairedRatio(filterMap, recolourFloor),
      // Goal (issue 16): every panel answering a filter within 2× the map's own answer.
      filter_panels_ratio: pairedRatio(filter, filterMap),
      filter_cold_ms: figure(filterCold, 'ms'),
      filter_cold_map_ms: figure(filterColdMap, 'ms'),
    };
    // Goal: the first filter at a year not seen before within 3× a filter at a year seen.
    figures.filter_cold_ratio = medianRatio(figures.filter_cold_ms!, figures.filter_ms!);
    if (Number.isFinite(heapMb)) figures.memory_js_heap_mb = figure([heapMb], 'MB');
    return { figures, chromiumVersion, notes, largestFirstView };
  } finally {
    await server.close();
  }
}

/**
 * `npx tsx bench/trace.ts [--runs 3] [--json <file>] [--no-build]` — where the app's time goes
 * beside the floor page's (issue 16: "find where the other 0.56× goes: trace it"). The built app
 * (`dist/`) and the floor page (bench/floor/) on one server, each traced with Chromium's
 * performance trace (the DevTools timeline) over:
 *  - first map: navigation start → the first map (the app: map painted with the KPI strip showing
 *    a figure; the floor: map idle), a new browser context per load;
 *  - drill: a county's ranking row clicked → its map and every panel answering (the floor: its
 *    source swapped to that county's townships → idle);
 *  - filter: a cross-filter set → map, KPI strip and every panel answering (the floor: recoloured
 *    by feature state → idle).
 * For each, per thread: busy time split into script (per file), compile, garbage collection,
 * style and layout, paint, HTML parsing, network handling, other; the rest of the window is the
 * main thread waiting (network, workers, the GPU process, timers). Means over `--runs` runs,
 * app and floor interleaved. A diagnostic beside `npm run bench`; the README's explanations of
 * the goals missed come from its output.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, startStaticServer } from '../test/browser/harness';
import { clearFilter, drillScript, filterScript, FILTERS, FIRST_MAP_INIT, pollInPage, ROOT, settled } from './lib/browser';
import { buildFloor, FLOOR_MOUNT, FLOOR_READY, floorDrillScript, floorRecolourScript, floorUrl } from './lib/floor';
import { markTs, summarizeTrace, TRACE_CATEGORIES, type Kind, type TraceEvent, type TraceSummary } from './lib/trace';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, json: { type: 'string' }, data: { type: 'string', default: 'data/ningxia' } } });
const runs = Number(values.runs);
const VIEWPORT = { width: 1600, height: 900 };
const TIMEOUT = 180_000;
const log = (s: string) => console.error(`[trace] ${s}`);

const chrome = findChromium();
if (!chrome) throw new Error('no Chromium ($CHROME_PATH, /usr/bin/chromium)');
const server = await startStaticServer('dist', { [FLOOR_MOUNT]: buildFloor(log) });
const browser = await chromium.launch({ executablePath: chrome, headless: true, args: CHROMIUM_ARGS });

async function traced(page: Page, b: Browser, fn: () => Promise<void>): Promise<TraceEvent[]> {
  await b.startTracing(page, { categories: TRACE_CATEGORIES });
  await fn();
  const buf = await b.stopTracing();
  const parsed = JSON.parse(buf.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/** Wraps an in-page timed script with user-timing marks the trace records. */
const marked = (script: string) => `(async () => { performance.mark('bench-start'); try { return await ${script}; } finally { performance.mark('bench-end'); } })()`;

/**
 * In the app: from now, the ms at which each panel (analysis panels, the scorecard) first reads
 * ready; kept in `window.__panelAt` (which panel answers last, and when).
 */
const WATCH_PANELS = `(() => {
  const t0 = performance.now();
  const at = (window.__panelAt = {});
  const sel = 'section.analysis-panel, [data-testid="scorecard"]';
  const seenLoading = new Set();
  const check = () => {
    for (const p of document.querySelectorAll(sel)) {
      const id = p.getAttribute('data-testid') || p.className;
      const st = p.getAttribute('data-state');
      if (st !== 'ready' && st !== 'idle') seenLoading.add(id);
      else if (seenLoading.has(id) && at[id] === undefined) at[id] = Math.round(performance.now() - t0);
    }
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  window.__panelWatch = obs;
})()`;
const panelTimes: Record<'drill' | 'filter', Record<string, number[]>> = { drill: {}, filter: {} };
async function keepPanels(page: Page, scenario: 'drill' | 'filter'): Promise<void> {
  const at = (await page.evaluate('(() => { window.__panelWatch.disconnect(); return window.__panelAt; })()')) as Record<string, number>;
  for (const [id, ms] of Object.entries(at)) (panelTimes[scenario][id] ??= []).push(ms);
}

function windowOf(events: TraceEvent[]): [number, number] {
  const from = markTs(events, 'bench-start');
  const to = markTs(events, 'bench-end');
  if (from === null || to === null) throw new Error('trace without the bench marks');
  return [from, to];
}

/** One cold load to the first map, traced. */
async function firstMap(url: string): Promise<TraceSummary> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.addInitScript(`window.__benchFirstMap = () => performance.mark('bench-first-map');`);
    await page.addInitScript(FIRST_MAP_INIT);
    let atMs = 0;
    const events = await traced(page, browser, async () => {
      await page.goto(url);
      await pollInPage(page, `window.__firstMapAt !== undefined && performance.getEntriesByName('bench-first-map').length > 0`, 'the first map');
      atMs = Number(await page.evaluate('window.__firstMapAt'));
    });
    const to = markTs(events, 'bench-first-map');
    if (to === null) throw new Error('trace without the first-map mark');
    return summarizeTrace(events, to - atMs * 1000, to);
  } finally {
    await context.close();
  }
}

type Scenario = 'first_map' | 'drill' | 'filter';
const results: Record<Scenario, Record<'app' | 'floor', TraceSummary[]>> = {
  first_map: { app: [], floor: [] },
  drill: { app: [], floor: [] },
  filter: { app: [], floor: [] },
};

try {
  // First map: app and floor interleaved, order alternating; one untraced warm-up of each.
  await firstMap(`${server.origin}/`);
  await firstMap(floorUrl(server.origin, values.data!));
  for (let i = 0; i < runs; i++) {
    for (const who of i % 2 ? (['floor', 'app'] as const) : (['app', 'floor'] as const)) {
      const s = await firstMap(who === 'app' ? `${server.origin}/` : floorUrl(server.origin, values.data!));
      results.first_map[who].push(s);
      log(`first map ${who}: ${s.window.toFixed(0)} ms, main thread busy ${s.threads.find((t) => t.thread.startsWith('CrRendererMain'))?.busy.toFixed(0)} ms`);
    }
  }

  // Drill and filter: the app and the floor each in its own context (window): a tab behind
  // another in one window is throttled to about a frame a second.
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const floorContext = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const floor = await floorContext.newPage();
  await floor.goto(floorUrl(server.origin, values.data!));
  await floor.waitForFunction(FLOOR_READY, undefined, { timeout: TIMEOUT });
  const page = await context.newPage();
  await page.goto(`${server.origin}/`);
  const rootPainted = `[data-testid="map-area"][data-painted="true"][data-painted-view="${ROOT}"]`;
  await page.waitForSelector(rootPainted, { timeout: TIMEOUT });
  await page.waitForSelector('[data-testid="engine-status"][data-state="ready"]', { timeout: TIMEOUT });
  await settled(page);
  const counties = ((await page.locator('[data-testid="ranking-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))) as string[]).filter((c) => /^\d{6}000000$/.test(c));
  for (let i = 0; i <= runs; i++) {
    const code = counties[i % counties.length]!;
    await page.evaluate(WATCH_PANELS);
    const app = await traced(page, browser, async () => void (await page.evaluate(marked(drillScript(code)))));
    if (i > 0) await keepPanels(page, 'drill');
    const fl = await traced(floor, browser, async () => void (await floor.evaluate(marked(floorDrillScript(code)))));
    await floor.evaluate(floorDrillScript(ROOT));
    await page.locator(`[data-testid="breadcrumb"] li[data-code="${ROOT}"] button`).click();
    await page.waitForSelector(rootPainted, { timeout: TIMEOUT });
    await page.waitForSelector(`[data-testid="ranking-row"][data-code="${counties[(i + 1) % counties.length]}"]`, { timeout: TIMEOUT });
    await settled(page);
    if (i === 0) continue; // warm-up
    results.drill.app.push(summarizeTrace(app, ...windowOf(app)));
    results.drill.floor.push(summarizeTrace(fl, ...windowOf(fl)));
    log(`drill ${code}: app ${results.drill.app.at(-1)!.window.toFixed(0)} ms, floor ${results.drill.floor.at(-1)!.window.toFixed(0)} ms`);
  }
  for (let i = 0; i <= runs; i++) {
    const f = FILTERS[i % FILTERS.length]!;
    await page.evaluate(WATCH_PANELS);
    const app = await traced(page, browser, async () => void (await page.evaluate(marked(filterScript(f)))));
    if (i > 0) await keepPanels(page, 'filter');
    const fl = await traced(floor, browser, async () => void (await floor.evaluate(marked(floorRecolourScript(i)))));
    await clearFilter(page);
    await settled(page);
    if (i === 0) continue;
    results.filter.app.push(summarizeTrace(app, ...windowOf(app)));
    results.filter.floor.push(summarizeTrace(fl, ...windowOf(fl)));
    log(`filter ${f}: app ${results.filter.app.at(-1)!.window.toFixed(0)} ms, floor ${results.filter.floor.at(-1)!.window.toFixed(0)} ms`);
  }
  await context.close();
  await floorContext.close();
} finally {
  await browser.close();
  await server.close();
}

/** Means over runs: the window, and per thread kind (main thread, workers summed) busy by kind and script. */
function mean(list: TraceSummary[]) {
  const n = list.length;
  const kinds: Kind[] = ['script', 'compile', 'gc', 'style_layout', 'paint', 'html', 'network', 'other'];
  const group = (t: string) => (t.startsWith('CrRendererMain') ? 'main' : t.startsWith('DedicatedWorker') ? 'workers' : t.startsWith('Compositor') ? 'compositor' : 'thread_pool');
  const out: { window: number; threads: Record<string, { busy: number; byKind: Record<string, number>; byScript: Record<string, number>; byName: Record<string, number> }> } = { window: 0, threads: {} };
  for (const s of list) {
    out.window += s.window / n;
    for (const t of s.threads) {
      const g = (out.threads[group(t.thread)] ??= { busy: 0, byKind: Object.fromEntries(kinds.map((k) => [k, 0])), byScript: {}, byName: {} });
      g.busy += t.busy / n;
      for (const k of kinds) g.byKind[k]! += t.byKind[k] / n;
      for (const [f, v] of Object.entries(t.byScript)) g.byScript[f] = (g.byScript[f] ?? 0) + v / n;
      for (const [f, v] of Object.entries(t.byName)) g.byName[f] = (g.byName[f] ?? 0) + v / n;
    }
  }
  for (const g of Object.values(out.threads)) {
    g.byScript = Object.fromEntries(Object.entries(g.byScript).sort((a, b) => b[1] - a[1]).slice(0, 10));
    g.byName = Object.fromEntries(Object.entries(g.byName).sort((a, b) => b[1] - a[1]).slice(0, 12));
  }
  return out;
}

const summary = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, { app: mean(v.app), floor: mean(v.floor), runs }]));
const f0 = (x: number) => x.toFixed(0).padStart(6);
for (const [scenario, { app, floor }] of Object.entries(summary)) {
  console.log(`\n== ${scenario}: app ${app.window.toFixed(0)} ms, floor ${floor.window.toFixed(0)} ms (means of ${runs})`);
  for (const g of ['main', 'workers', 'compositor', 'thread_pool']) {
    const a = app.threads[g];
    const f = floor.threads[g];
    if (!a && !f) continue;
    console.log(`  ${g}: busy app ${f0(a?.busy ?? 0)} ms, floor ${f0(f?.busy ?? 0)} ms${g === 'main' ? `; idle app ${f0(app.window - (a?.busy ?? 0))}, floor ${f0(floor.window - (f?.busy ?? 0))}` : ''}`);
    for (const k of Object.keys(a?.byKind ?? f?.byKind ?? {})) {
      const x = a?.byKind[k] ?? 0;
      const y = f?.byKind[k] ?? 0;
      if (x >= 1 || y >= 1) console.log(`    ${k.padEnd(13)} app ${f0(x)}  floor ${f0(y)}`);
    }
    if (a && g !== 'compositor') console.log(`    app scripts: ${Object.entries(a.byScript).filter(([, v]) => v >= 2).map(([s, v]) => `${s} ${v.toFixed(0)}`).join(', ')}`);
    if (a && g === 'main') console.log(`    app events: ${Object.entries(a.byName).filter(([, v]) => v >= 3).map(([s, v]) => `${s} ${v.toFixed(0)}`).join(', ')}`);
    if (f && g === 'main') console.log(`    floor events: ${Object.entries(f.byName).filter(([, v]) => v >= 3).map(([s, v]) => `${s} ${v.toFixed(0)}`).join(', ')}`);
    if (f && g !== 'compositor') console.log(`    floor scripts: ${Object.entries(f.byScript).filter(([, v]) => v >= 2).map(([s, v]) => `${s} ${v.toFixed(0)}`).join(', ')}`);
  }
}
for (const [scenario, panels] of Object.entries(panelTimes)) {
  const rows = Object.entries(panels).map(([id, t]) => [id, t.reduce((a, b) => a + b, 0) / t.length, t.length] as const).sort((a, b) => b[1] - a[1]);
  console.log(`\n== ${scenario}: when each panel answered (ms after the action, mean; a panel that kept its answer is not listed)`);
  for (const [id, ms, n] of rows) console.log(`  ${id.padEnd(28)} ${ms.toFixed(0).padStart(6)}  (n ${n})`);
}
if (values.json) {
  writeFileSync(values.json, JSON.stringify({ ...summary, panels: panelTimes, measured_at: new Date().toISOString() }, null, 2) + '\n');
  log(`wrote ${values.json}`);
}

/**
 * Browser figures for a whole province split by county (default `data/jiangxi-full`: Jiangxi at
 * full size, `npm run data -- --region jiangxi --scale 1 --partition county --out public/data/jiangxi-full`),
 * from the built app in headless Chromium:
 *  - province_first_map_ms (new context of a running browser) and province_first_map_cold_browser_ms
 *    (new browser), navigation → province map painted with KPIs (`firstMapLoads`);
 *  - province_bytes_first_view: bytes on the wire before that moment (text gzip-compressed, engine
 *    wasm excluded), province_bytes_first_view_uncompressed the same uncompressed;
 *  - county_drill_ms: click a county's ranking row → its townships painted and the KPI strip
 *    naming it (boundaries and sums from the county's own files); counties alternate, each new;
 *  - county_panels_ms: the same click → the histogram panel ready, i.e. the county's households
 *    and income read into the engine by HTTP range requests and queried;
 *  - province_memory_js_heap_mb: main-thread JS heap after the drills (after a GC), and the
 *    counties whose household rows the engine then held.
 */
import { launchChromium, startStaticServer } from '../../test/browser/harness';
import { drillScript, firstMapFigures, firstMapLoads, jsHeapMb } from './browser';
import { figure, type Figure } from './stats';

const TIMEOUT = 180_000;
const ROOT = '360000000000';

export async function runProvinceBench(
  chrome: string,
  dist: string,
  dataset: string,
  opts: { runs: number; drills: number; warmup: number; log?: (s: string) => void },
): Promise<Record<string, Figure>> {
  const log = opts.log ?? (() => {});
  const server = await startStaticServer(dist);
  const url = `${server.origin}/?data=${encodeURIComponent(dataset)}`;
  try {
    const loads = await firstMapLoads(chrome, server, url, opts, (m) => log(`province first map ${m}`));

    const browser = await launchChromium(chrome, { viewport: { width: 1600, height: 900 } });
    const drill: number[] = [];
    const panels: number[] = [];
    let heap = Number.NaN;
    let loaded = 0;
    try {
      const page = await browser.context.newPage();
      await page.goto(url);
      const rootPainted = `[data-testid="map-area"][data-painted="true"][data-painted-view="${ROOT}"]`;
      await page.waitForSelector(rootPainted, { timeout: TIMEOUT });
      await page.waitForSelector('[data-testid="engine-status"][data-state="ready"]', { timeout: TIMEOUT });
      const codes = ((await page.locator('[data-testid="ranking-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))) as string[])
        .filter((c) => /^\d{6}000000$/.test(c));
      // Largest counties by households first (the ranking's order is by income): every drill a new county.
      const chosen = codes.slice(0, opts.warmup + opts.drills);
      for (let i = 0; i < chosen.length; i++) {
        const [mapMs, panelMs] = (await page.evaluate(drillScript(chosen[i]!, '[data-testid="histogram-panel"]'))) as [number, number];
        log(`county ${chosen[i]}${i < opts.warmup ? ' (warm-up)' : ''}: map ${mapMs.toFixed(0)} ms, panels ${panelMs.toFixed(0)} ms`);
        if (i >= opts.warmup) {
          drill.push(mapMs);
          panels.push(panelMs);
        }
        await page.locator(`[data-testid="breadcrumb"] li[data-code="${ROOT}"] button`).click();
        await page.waitForSelector(rootPainted, { timeout: TIMEOUT });
      }
      loaded = chosen.length;
      heap = await jsHeapMb(browser, page);
    } finally {
      await browser.close();
    }
    const out: Record<string, Figure> = {
      ...firstMapFigures(loads, 'province_'),
      county_drill_ms: figure(drill, 'ms'),
      county_panels_ms: figure(panels, 'ms'),
      province_counties_loaded: figure([loaded], 'count'),
    };
    if (Number.isFinite(heap)) out.province_memory_js_heap_mb = figure([heap], 'MB');
    return out;
  } finally {
    await server.close();
  }
}

/**
 * Browser figures for a whole province split by county (default Jiangxi at full size, generated
 * by the bench into `.cache/bench-data/jiangxi-full` when missing or older than the generator:
 * `npm run data -- --region jiangxi --scale 1 --partition county`, ~1.5 min here), served at
 * `/data/<folder name>/` beside the built app, with the floor page on the province's boundaries
 * (bench/lib/floor.ts) timed interleaved:
 *  - province_first_map_ms (new context of a running browser) and province_first_map_cold_browser_ms
 *    (new browser), navigation → province map painted with KPIs (`firstMapLoads`); the floor's
 *    province_first_map_floor_ms and province_first_map_ratio;
 *  - province_bytes_first_view: bytes on the wire before that moment (text gzip-compressed, engine
 *    wasm excluded), province_bytes_first_view_uncompressed the same uncompressed;
 *  - county_drill_ms: click a county's ranking row → its townships painted and the KPI strip
 *    naming it (boundaries and sums from the county's own files); counties alternate, each new;
 *    county_drill_floor_ms: the floor page fetching that county's township file, showing it, idle;
 *    county_drill_ratio;
 *  - county_panels_ms: the same click → the histogram panel ready, i.e. the county's households
 *    and income read into the engine by HTTP range requests and queried;
 *  - province_memory_js_heap_mb: main-thread JS heap after the drills (after a GC), and the
 *    counties whose household rows the engine then held.
 */
import { execSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { startStaticServer } from '../../test/browser/harness';
import { drillScript, firstMapFigures, firstMapLoads, jsHeapMb, launchAppAndFloor } from './browser';
import { buildFloor, FLOOR_MOUNT, FLOOR_READY, floorDrillScript, floorUrl } from './floor';
import { newestMtime } from './files';
import { figure, pairedRatio, type Figure } from './stats';

const TIMEOUT = 180_000;
const ROOT = '360000000000';
export const PROVINCE_DIR = resolve('.cache/bench-data/jiangxi-full');
/** What the province data are made from: newer than the data → generate again. */
const GENERATOR_SOURCES = ['src/pipeline', 'src/domain', 'src/data/queries', 'data/geo', 'data/profiles', 'data/plans', 'data/reference'];

/**
 * Makes sure the province dataset exists: the default folder is (re)generated when it is missing
 * or older than the generator's sources; a folder named with `--province` must exist. Returns the
 * seconds the generation took (0 when the folder was up to date). Throws when it cannot.
 */
export function ensureProvinceData(dir: string, log: (s: string) => void): number {
  const manifest = join(dir, 'manifest.json');
  const isDefault = resolve(dir) === PROVINCE_DIR;
  if (!isDefault) {
    if (!existsSync(manifest)) throw new Error(`--province ${dir}: no manifest.json there (a dataset folder split by county, e.g. npm run data -- --region jiangxi --scale 1 --partition county --out ${dir})`);
    return 0;
  }
  if (existsSync(manifest) && statSync(manifest).mtimeMs >= Math.max(...GENERATOR_SOURCES.map((p) => newestMtime(p)))) return 0;
  log(existsSync(manifest) ? `${dir} is older than the generator: generating Jiangxi at full size again (~1.5 min)` : `no ${dir}: generating Jiangxi at full size (~1.5 min)`);
  rmSync(dir, { recursive: true, force: true });
  const t0 = performance.now();
  try {
    execSync(`npx tsx src/pipeline/cli/data.ts --region jiangxi --scale 1 --partition county --out ${JSON.stringify(dir)}`, { stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`generating the province data into ${dir} failed: ${(e as Error).message}`);
  }
  if (!existsSync(manifest)) throw new Error(`generating the province data wrote no ${manifest}`);
  const seconds = (performance.now() - t0) / 1000;
  log(`generated ${dir} in ${seconds.toFixed(0)} s`);
  return seconds;
}

export async function runProvinceBench(
  chrome: string,
  dist: string,
  dir: string,
  opts: { runs: number; drills: number; warmup: number; log?: (s: string) => void },
): Promise<Record<string, Figure>> {
  const log = opts.log ?? (() => {});
  const generatedSeconds = ensureProvinceData(dir, log);
  const data = `data/${basename(resolve(dir))}`;
  const server = await startStaticServer(dist, { [`/${data}/`]: dir, [FLOOR_MOUNT]: buildFloor(log) });
  const url = `${server.origin}/?data=${encodeURIComponent(data)}`;
  try {
    const { loads } = await firstMapLoads(chrome, server, { app: url, floor: floorUrl(server.origin, data) }, opts, (m) => log(`province first map ${m}`));

    const browser = await launchAppAndFloor(chrome);
    const drill: number[] = [];
    const panels: number[] = [];
    const drillFloor: number[] = [];
    let heap = Number.NaN;
    let loaded = 0;
    try {
      const floor = await browser.floor.newPage();
      await floor.goto(floorUrl(server.origin, data));
      await floor.waitForFunction(FLOOR_READY, undefined, { timeout: TIMEOUT });
      const floorRun = async (script: string) => Number(await floor.evaluate(script));
      const page = await browser.app.newPage();
      await page.goto(url);
      const rootPainted = `[data-testid="map-area"][data-painted="true"][data-painted-view="${ROOT}"]`;
      await page.waitForSelector(rootPainted, { timeout: TIMEOUT });
      await page.waitForSelector('[data-testid="engine-status"][data-state="ready"]', { timeout: TIMEOUT });
      const codes = ((await page.locator('[data-testid="ranking-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))) as string[])
        .filter((c) => /^\d{6}000000$/.test(c));
      // Every drill a new county, for the app and for the floor (each fetches that county's file).
      const chosen = codes.slice(0, opts.warmup + opts.drills);
      for (let i = 0; i < chosen.length; i++) {
        const code = chosen[i]!;
        const floorFirst = i % 2 === 1;
        const floorMs0 = floorFirst ? await floorRun(floorDrillScript(code)) : 0;
        const [mapMs, panelMs] = (await page.evaluate(drillScript(code, '[data-testid="histogram-panel"]'))) as [number, number];
        const floorMs = floorFirst ? floorMs0 : await floorRun(floorDrillScript(code));
        await floorRun(floorDrillScript(ROOT));
        log(`county ${code}${i < opts.warmup ? ' (warm-up)' : ''}: map ${mapMs.toFixed(0)} ms, panels ${panelMs.toFixed(0)} ms; floor ${floorMs.toFixed(0)} ms`);
        if (i >= opts.warmup) {
          drill.push(mapMs);
          panels.push(panelMs);
          drillFloor.push(floorMs);
        }
        await page.locator(`[data-testid="breadcrumb"] li[data-code="${ROOT}"] button`).click();
        await page.waitForSelector(rootPainted, { timeout: TIMEOUT });
      }
      loaded = chosen.length;
      heap = await jsHeapMb({ context: browser.app }, page);
    } finally {
      await browser.close();
    }
    const out: Record<string, Figure> = {
      ...firstMapFigures(loads.app, 'province_', loads.floor),
      county_drill_ms: figure(drill, 'ms'),
      county_drill_floor_ms: figure(drillFloor, 'ms'),
      county_drill_ratio: pairedRatio(drill, drillFloor),
      county_panels_ms: figure(panels, 'ms'),
      province_counties_loaded: figure([loaded], 'count'),
    };
    if (generatedSeconds > 0) out.province_data_generated_s = figure([generatedSeconds], 's');
    if (Number.isFinite(heap)) out.province_memory_js_heap_mb = figure([heap], 'MB');
    return out;
  } finally {
    await server.close();
  }
}

/**
 * The views other issues added, timed in the built app (issue 16 item 5), Ningxia demo:
 *  - facility_first_layer_ms: on a dashboard whose map, engine and panels are ready, the layers
 *    panel's industry-base switch turned on → deck.gl loaded, its overlay made, the facilities
 *    read and the layer drawn (the map's `data-overlay-drawn` after the panel counts the bases);
 *    each run in a new browser context, so deck.gl's chunk and the facilities file are fetched
 *    anew; facility_first_layer_load_ms: the part that loaded deck.gl and made the overlay (the
 *    map's own `data-overlay-load-ms`);
 *  - facility_next_layer_ms: then the relocation-site switch → that layer drawn too (overlay made,
 *    facilities held: what every later switch costs);
 *  - briefing_step_ms: in the briefing, saved views one per county, Page Down pressed → the next
 *    county's map painted and its tiles settled (targets evaluated), from the key event's own time;
 *  - public_first_map_ms and its floor: the public build (`npm run build:public`, built into
 *    `.cache/bench-public/` when missing or older than the sources) loaded up to its first map,
 *    interleaved with the floor page on the same public boundary files: public_first_map_ratio.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, startStaticServer } from '../../test/browser/harness';
import { serializeStories, type Story } from '../../src/briefing/stories';
import { STORIES_KEY } from '../../src/state/use-stories';
import { firstMapFigures, firstMapLoads, ROOT, settled } from './browser';
import { buildFloor, FLOOR_MOUNT, floorUrl } from './floor';
import { newestMtime } from './files';
import { figure, type Figure } from './stats';

const VIEWPORT = { width: 1600, height: 900 };
const TIMEOUT = 180_000;
export const PUBLIC_DIR = resolve('.cache/bench-public');

/**
 * In-page: turns on the layer switch `kind` as a click does; resolves with [ms to the layer drawn
 * with the panel counting that kind's facilities, the overlay's own load ms (or null when it was
 * already made)]. Only a drawn mark set after the count appeared counts (an earlier draw may be the
 * layer without its data).
 */
function layerOnScript(kind: string): string {
  return `(() => new Promise((resolve, reject) => {
    const kind = ${JSON.stringify(kind)};
    const box = document.querySelector('[data-testid="layer-' + kind + '"]');
    const canvas = document.querySelector('.map-canvas');
    if (!box || !canvas) return reject(new Error('no layer switch ' + kind + ' or map canvas'));
    if (box.checked) return reject(new Error('layer ' + kind + ' already on'));
    let counted = false;
    const drawn = () => canvas.dataset.overlay === 'ready' && canvas.dataset.overlayDrawn === 'true'
      && (canvas.dataset.overlayLayers || '').split(',').includes('facilities-' + kind);
    const check = () => {
      if (canvas.dataset.overlay === 'failed') throw new Error('deck.gl overlay failed');
      if (!counted && document.querySelector('.layer-list li[data-kind="' + kind + '"] .layer-count')) {
        counted = true;
        // Drawn again after the count: the effect that hands the filled layer to deck.gl runs after this commit.
        return false;
      }
      return counted && drawn();
    };
    const t0 = performance.now();
    const finish = (f) => { obs.disconnect(); clearTimeout(timer); f(); };
    const obs = new MutationObserver((records) => {
      try {
        if (!counted) { check(); return; }
        // A new draw stamp after the count.
        if (records.some((r) => r.target === canvas && r.attributeName === 'data-overlay-drawn') && check()) {
          const load = canvas.dataset.overlayLoadMs;
          finish(() => resolve([performance.now() - t0, load === undefined ? null : Number(load)]));
        }
      } catch (e) { finish(() => reject(e)); }
    });
    const timer = setTimeout(() => finish(() => reject(new Error('layer ' + kind + ' not drawn in time'))), ${TIMEOUT});
    obs.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    box.click();
  }))()`;
}

/** In-page: stamps the next keydown's own time (capture phase, before the briefing's handler). */
const ARM_KEY = `(() => {
  window.__benchKeyAt = undefined;
  addEventListener('keydown', (e) => { window.__benchKeyAt = e.timeStamp; }, { capture: true, once: true });
})()`;

/**
 * In-page: resolves, once the briefing shows a unit other than `from` painted with its tiles
 * settled, with [ms from the armed keydown's time stamp, the unit].
 */
function briefingStepScript(from: string): string {
  return `(() => new Promise((resolve, reject) => {
    const done = () => {
      const tiles = document.querySelector('[data-testid="briefing-tiles"]');
      const unit = tiles && tiles.getAttribute('data-unit');
      if (!unit || unit === ${JSON.stringify(from)} || tiles.getAttribute('data-state') !== 'ready') return null;
      return document.querySelector('[data-testid="map-area"][data-painted="true"][data-painted-view="' + unit + '"]') ? unit : null;
    };
    const finish = (f) => { obs.disconnect(); clearTimeout(timer); f(); };
    const check = () => {
      if (window.__benchKeyAt === undefined) return finish(() => reject(new Error('no keydown reached the page')));
      const unit = done();
      if (unit) finish(() => resolve([performance.now() - window.__benchKeyAt, unit]));
    };
    const obs = new MutationObserver(check);
    const timer = setTimeout(() => finish(() => reject(new Error('briefing step not shown in time'))), ${TIMEOUT});
    obs.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    check();
  }))()`;
}


/** Builds the public site into PUBLIC_DIR when missing or older than the app or the data; returns the seconds it took (0 when kept). */
export function ensurePublicBuild(data: string, log: (s: string) => void): number {
  const built = join(PUBLIC_DIR, 'index.html');
  const newest = Math.max(newestMtime('src'), newestMtime('index.html'), newestMtime('vite.config.ts'), newestMtime(data));
  if (existsSync(built) && statSync(built).mtimeMs >= newest) return 0;
  log(`public build: npm run build:public -- --data ${data} --out ${PUBLIC_DIR}`);
  const t0 = performance.now();
  execSync(`npx tsx src/pipeline/cli/build-public.ts --data ${data} --out ${PUBLIC_DIR}`, { stdio: ['ignore', 'ignore', 'inherit'] });
  return (performance.now() - t0) / 1000;
}

export async function runViewsBench(
  chrome: string,
  dist: string,
  opts: { runs: number; warmup: number; data?: string; log?: (s: string) => void; skipPublic?: boolean },
): Promise<Record<string, Figure>> {
  const log = opts.log ?? (() => {});
  const data = opts.data ?? 'public/data/ningxia';
  const figures: Record<string, Figure> = {};
  const server = await startStaticServer(dist);
  try {
    // 1. Facility layers: the first switch (deck.gl, overlay, facilities file) and the next.
    const first: number[] = [];
    const firstLoad: number[] = [];
    const next: number[] = [];
    const browser = await chromium.launch({ executablePath: chrome, headless: true, args: CHROMIUM_ARGS });
    try {
      for (let i = 0; i < opts.warmup + opts.runs; i++) {
        const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
        try {
          const page = await context.newPage();
          await page.goto(`${server.origin}/`);
          await page.waitForSelector(`[data-testid="map-area"][data-painted="true"][data-painted-view="${ROOT}"]`, { timeout: TIMEOUT });
          await page.waitForSelector('[data-testid="engine-status"][data-state="ready"]', { timeout: TIMEOUT });
          await settled(page);
          const [ms, load] = (await page.evaluate(layerOnScript('industry_base'))) as [number, number | null];
          const [nextMs] = (await page.evaluate(layerOnScript('relocation_site'))) as [number, number | null];
          if (load === null) throw new Error('the first layer found the overlay already made');
          log(`facility layers${i < opts.warmup ? ' (warm-up)' : ''}: first ${ms.toFixed(0)} ms (deck.gl + overlay ${load} ms), next ${nextMs.toFixed(0)} ms`);
          if (i >= opts.warmup) {
            first.push(ms);
            firstLoad.push(load);
            next.push(nextMs);
          }
        } finally {
          await context.close();
        }
      }
      figures.facility_first_layer_ms = figure(first, 'ms');
      figures.facility_first_layer_load_ms = figure(firstLoad, 'ms');
      figures.facility_next_layer_ms = figure(next, 'ms');

      // 2. Briefing: saved views, one per county, stepped with Page Down.
      const counties = (JSON.parse(readFileSync(join(dist, 'data/ningxia/boundaries/county.geojson'), 'utf8')) as { features: { properties: { code: string; name: string } }[] }).features.map((f) => f.properties);
      const steps = opts.warmup + opts.runs;
      if (counties.length < steps + 1) throw new Error(`briefing steps: ${steps} steps need ${steps + 1} counties, the demo has ${counties.length}`);
      const stories: Story[] = counties.slice(0, steps + 1).map((c, i) => ({ id: `bench-${i}`, title: c.name, query: `?region=${c.code}`, savedAt: '2026-01-01T00:00:00.000Z' }));
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
      try {
        await context.addInitScript(`localStorage.setItem(${JSON.stringify(STORIES_KEY)}, ${JSON.stringify(serializeStories(stories))})`);
        const page = await context.newPage();
        await page.goto(`${server.origin}/?region=${stories[0]!.query.slice('?region='.length)}&mode=briefing&story=${stories[0]!.id}`);
        const startUnit = counties[0]!.code;
        await page.waitForSelector(`[data-testid="briefing-tiles"][data-unit="${startUnit}"][data-state="ready"]`, { timeout: TIMEOUT });
        await page.waitForSelector(`[data-testid="map-area"][data-painted="true"][data-painted-view="${startUnit}"]`, { timeout: TIMEOUT });
        const times: number[] = [];
        let from = startUnit;
        for (let i = 0; i < steps; i++) {
          await page.evaluate(ARM_KEY);
          await page.keyboard.press('PageDown');
          const [ms, unit] = (await page.evaluate(briefingStepScript(from))) as [number, string];
          if (unit !== counties[i + 1]!.code) throw new Error(`briefing step ${i + 1} showed ${unit}, expected ${counties[i + 1]!.code}`);
          log(`briefing step to ${counties[i + 1]!.name}${i < opts.warmup ? ' (warm-up)' : ''}: ${ms.toFixed(0)} ms`);
          if (i >= opts.warmup) times.push(ms);
          from = unit;
        }
        figures.briefing_step_ms = figure(times, 'ms');
      } finally {
        await context.close();
      }
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }

  // 3. The public build's first map against the floor page on its own files.
  if (!opts.skipPublic) {
    const seconds = ensurePublicBuild(data, log);
    if (seconds) figures.public_build_s = figure([seconds], 's');
    const pub = await startStaticServer(PUBLIC_DIR, { [FLOOR_MOUNT]: buildFloor(log) });
    try {
      const dataId = data.split('/').filter(Boolean).at(-1)!;
      const { loads } = await firstMapLoads(chrome, pub, { public: `${pub.origin}/`, floor: floorUrl(pub.origin, `data/${dataId}`) }, opts, (m) => log(`public first map ${m}`));
      Object.assign(figures, firstMapFigures(loads.public, 'public_', loads.floor));
    } finally {
      await pub.close();
    }
  }
  return figures;
}

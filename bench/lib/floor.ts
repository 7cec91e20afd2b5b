/**
 * The floor page (bench/floor/): a bare MapLibre page showing the same boundary file with the
 * same MapLibre build, served on the app's own server at `/__floor/` and timed interleaved with
 * the app, so every browser figure can be given as a ratio to what MapLibre alone needs on this
 * machine in the same minutes (issue 16). Built with Vite into `.cache/bench-floor/` when missing
 * or older than its sources.
 */
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const FLOOR_MOUNT = '/__floor/';
export const FLOOR_DIR = resolve('.cache/bench-floor');
const SOURCES = ['bench/floor/index.html', 'bench/floor/floor.ts', 'bench/floor/vite.config.ts', 'package-lock.json'];

/** Builds the floor page when needed; returns its folder (to mount at FLOOR_MOUNT). */
export function buildFloor(log: (s: string) => void): string {
  const built = join(FLOOR_DIR, 'index.html');
  const newest = Math.max(...SOURCES.map((f) => statSync(f).mtimeMs));
  if (!existsSync(built) || statSync(built).mtimeMs < newest) {
    log('floor page: vite build --config bench/floor/vite.config.ts');
    execSync('npx vite build --config bench/floor/vite.config.ts', { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, FLOOR_OUT_DIR: FLOOR_DIR } });
  }
  return FLOOR_DIR;
}

/** The floor page's URL for a dataset folder as the app's `?data=` names it (e.g. `data/ningxia`). */
export function floorUrl(origin: string, data: string): string {
  return `${origin}${FLOOR_MOUNT}?data=${encodeURIComponent(data)}`;
}

/** In the floor page: wait until it has drawn its first map (or failed). */
export const FLOOR_READY = 'window.__firstMapAt !== undefined || window.__floorError !== undefined';

/** In the floor page: show the regions under `code` → idle; resolves with the ms. */
export function floorDrillScript(code: string): string {
  return `(async () => { if (window.__floorError) throw new Error(window.__floorError); return await window.__floorDrill(${JSON.stringify(code)}); })()`;
}

/** In the floor page: recolour every region on screen by feature state → idle; resolves with the ms. */
export function floorRecolourScript(seed: number): string {
  return `(async () => await window.__floorRecolour(${JSON.stringify(seed)}))()`;
}

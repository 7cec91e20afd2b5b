/**
 * The benchmark's floor (issue 16): the least a page must do to show the app's first map, drill
 * and recolour with the same MapLibre build and the same boundary files — no React, no engine, no
 * KPIs, names or panels. `npm run bench` serves it beside the built app, on the same server, at
 * `/__floor/?data=<dataset folder>`, and times the two interleaved (bench/lib/floor.ts).
 *
 * - First map: fetch `<data>/boundaries/<level>.geojson` (the level the app's root map shows:
 *   counties under a province or city root), make the map fitted to it with one fill layer in five colours, and stamp
 *   `window.__firstMapAt` (ms from navigation start) at the first `idle`.
 * - `window.__floorDrill(code)`: the regions one level down whose code starts with the unit's
 *   prefix (that level's file — the county's own in a dataset split by county — fetched once, on
 *   first use) → `setData`, fit, → the worker's answer for the new data → idle; resolves with
 *   the ms from the call.
 * - `window.__floorRecolour(seed)`: a new class for every region by feature state → idle; resolves
 *   with the ms.
 * Map options are the app's where they only remove waste (`fadeDuration: 0`, no attribution), so
 * the floor is not slowed by defaults the app has already turned off.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection, Position } from 'geojson';

maplibregl.setWorkerUrl(workerUrl);

declare global {
  interface Window {
    __firstMapAt?: number;
    __benchFirstMap?: () => void;
    __floorDrill?: (code: string) => Promise<number>;
    __floorRecolour?: (seed: number) => Promise<number>;
    __floorError?: string;
  }
}

const COLORS = ['#fee5d9', '#fcae91', '#fb6a4a', '#de2d26', '#a50f15'];
const LEVELS = ['province', 'city', 'county', 'township', 'village'];
/** Code digits that name a unit at each level (province 2, city 4, county 6, township 9). */
const PREFIX = [2, 4, 6, 9, 12];

const params = new URLSearchParams(location.search);
const data = (params.get('data') ?? 'data/ningxia').replace(/\/+$/, '');
const url = (path: string) => new URL(`/${data}/${path}`, location.origin).href;

function bboxOf(fc: FeatureCollection): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as Position)[0] === 'number') {
      const [x, y] = c as Position;
      if (x! < b[0]) b[0] = x!;
      if (y! < b[1]) b[1] = y!;
      if (x! > b[2]) b[2] = x!;
      if (y! > b[3]) b[3] = y!;
    } else for (const d of c as unknown[]) visit(d);
  };
  for (const f of fc.features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return b;
}

const idle = (map: maplibregl.Map) =>
  new Promise<void>((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });

async function main(): Promise<void> {
  const manifest = (await (await fetch(url('manifest.json'))).json()) as {
    root: { code: string; level: number };
    partitions?: { by: string; counties: Record<string, { boundaries: Record<string, string> }> };
  };
  const rootLevel = manifest.root.level;
  // As the app's map (src/domain/drill.ts mapScopeOf): a province or city shows its counties.
  const mapLevel = rootLevel <= 2 ? 3 : rootLevel + 1;
  const regions = (await (await fetch(url(`boundaries/${LEVELS[mapLevel - 1]}.geojson`))).json()) as FeatureCollection;
  const container = document.getElementById('map')!;
  const map = new maplibregl.Map({
    container,
    style: {
      version: 8,
      sources: { regions: { type: 'geojson', data: regions, promoteId: 'code' } },
      layers: [
        { id: 'background', type: 'background', paint: { 'background-color': '#dce3ea' } },
        {
          id: 'fill',
          type: 'fill',
          source: 'regions',
          paint: {
            'fill-color': ['match', ['%', ['coalesce', ['feature-state', 'c'], ['+', ['to-number', ['slice', ['get', 'code'], 4, 6]], ['to-number', ['slice', ['get', 'code'], 6, 9]]]], 5], 0, COLORS[0]!, 1, COLORS[1]!, 2, COLORS[2]!, 3, COLORS[3]!, COLORS[4]!],
          },
        },
      ],
    },
    bounds: bboxOf(regions),
    fitBoundsOptions: { padding: 24 },
    attributionControl: false,
    fadeDuration: 0,
  });
  map.once('idle', () => {
    window.__firstMapAt = performance.now();
    container.setAttribute('data-painted', 'true');
    window.__benchFirstMap?.();
  });

  let shown: FeatureCollection = regions;
  // A level's file, fetched once; in a dataset split by county, the county's own file of its
  // townships or villages (as the app reads it).
  const files = new Map<string, Promise<FeatureCollection>>();
  const level = (n: number, code: string) => {
    const name = LEVELS[n - 1]!;
    const part = n >= 4 ? manifest.partitions?.counties[`${code.slice(0, 6)}000000`] : undefined;
    const path = part ? part.boundaries[name]! : `boundaries/${name}.geojson`;
    if (!files.has(path)) files.set(path, fetch(url(path)).then((r) => r.json() as Promise<FeatureCollection>));
    return files.get(path)!;
  };
  window.__floorDrill = async (code: string) => {
    const t0 = performance.now();
    const unitLevel = code === manifest.root.code ? rootLevel : PREFIX.findIndex((p) => /^0+$/.test(code.slice(p))) + 1;
    const all = await level(unitLevel <= 2 ? 3 : unitLevel + 1, code);
    const prefix = code.slice(0, PREFIX[unitLevel - 1]);
    shown = { type: 'FeatureCollection', features: all.features.filter((f) => String(f.properties?.code).startsWith(prefix)) };
    if (shown.features.length === 0) throw new Error(`floor: no regions under ${code}`);
    // The worker's answer for the new data, then idle: an idle frame before the worker has taken
    // the data up would still show the old regions (seen: "drills" of 22 ms).
    const loaded = new Promise<void>((resolve) => {
      const on = (e: maplibregl.MapSourceDataEvent) => {
        if (e.sourceId !== 'regions' || e.sourceDataType !== 'content') return;
        map.off('sourcedata', on);
        resolve();
      };
      map.on('sourcedata', on);
    });
    (map.getSource('regions') as maplibregl.GeoJSONSource).setData(shown);
    map.fitBounds(bboxOf(shown), { padding: 24, animate: false });
    await loaded;
    await idle(map);
    return performance.now() - t0;
  };
  window.__floorRecolour = async (seed: number) => {
    const t0 = performance.now();
    for (const [i, f] of shown.features.entries()) map.setFeatureState({ source: 'regions', id: String(f.properties?.code) }, { c: (i + seed) % 5 });
    await idle(map);
    return performance.now() - t0;
  };
}

main().catch((e: unknown) => {
  window.__floorError = String(e);
  throw e;
});

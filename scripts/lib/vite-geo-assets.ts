/**
 * Vite plugin: the committed geography and reference series (`data/geo/`, `data/reference/`) are
 * served next to the app as `geo/…` and `reference/…`, so the browser's import (src/ui/import/)
 * reads the same files as `npm run import` — from the app's own host, never another. The dev
 * server answers them from the folders; a build copies them into `dist/`. `geo/index.json` says
 * which counties each demo region's folder serves and which provinces the national set has, so
 * the browser fetches only the files an import needs.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { countyShapesOf, parseRegionDivisions } from '../../src/import/geography';

/** The index the browser reads first (`geo/index.json`). */
export interface GeoIndex {
  /** Demo region folders and the counties each serves (in both its divisions and its outlines). */
  demo: { id: string; counties: string[] }[];
  /** Two-digit provinces with `china/divisions-<pp>.csv.gz`. */
  provinces: string[];
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export function buildGeoIndex(geoDir: string): GeoIndex {
  const demo: GeoIndex['demo'] = [];
  for (const id of readdirSync(geoDir).sort()) {
    const dir = join(geoDir, id);
    if (!existsSync(join(dir, 'divisions.csv')) || !existsSync(join(dir, 'counties.geojson'))) continue;
    const divisions = parseRegionDivisions(readFileSync(join(dir, 'divisions.csv'), 'utf8'), id);
    const shapes = countyShapesOf(JSON.parse(readFileSync(join(dir, 'counties.geojson'), 'utf8')));
    const counties = divisions.filter((d) => d.level === 3 && shapes.has(d.code)).map((d) => d.code).sort();
    demo.push({ id, counties });
  }
  const provinces = existsSync(join(geoDir, 'china'))
    ? readdirSync(join(geoDir, 'china')).map((f) => /^divisions-(\d\d)\.csv\.gz$/.exec(f)?.[1]).filter((p): p is string => !!p).sort()
    : [];
  return { demo, provinces };
}

const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv; charset=utf-8',
  // Served as bytes, never with Content-Encoding: the browser gunzips them itself.
  '.gz': 'application/gzip',
  '.md': 'text/markdown; charset=utf-8',
};

/** `skip`: serve and copy nothing (public mode: no import, so no divisions or reference files in the site). */
export function geoAssets(root = process.cwd(), options: { skip?: boolean } = {}): Plugin {
  const folders = { geo: resolve(root, 'data/geo'), reference: resolve(root, 'data/reference') };
  let index: string | null = null;
  const indexText = () => (index ??= JSON.stringify(buildGeoIndex(folders.geo)));
  return {
    name: 'geo-assets',
    configureServer(server) {
      if (options.skip) return;
      server.middlewares.use((req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
        const m = /^\/(geo|reference)\/(.+)$/.exec(path);
        if (!m) return next();
        if (m[1] === 'geo' && m[2] === 'index.json') {
          res.setHeader('Content-Type', 'application/json');
          res.end(indexText());
          return;
        }
        const base = folders[m[1] as 'geo' | 'reference'];
        const file = resolve(base, m[2]!);
        if (relative(base, file).startsWith('..') || !existsSync(file) || !statSync(file).isFile()) return next();
        const ext = /\.[a-z]+$/.exec(file)?.[0] ?? '';
        res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      if (options.skip) return;
      this.emitFile({ type: 'asset', fileName: 'geo/index.json', source: indexText() });
      for (const [prefix, dir] of Object.entries(folders)) {
        for (const file of filesUnder(dir)) {
          this.emitFile({ type: 'asset', fileName: `${prefix}/${relative(dir, file).split('\\').join('/')}`, source: readFileSync(file) });
        }
      }
    },
  };
}

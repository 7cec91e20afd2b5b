/**
 * The browser's counterpart of `writeImportedDataset` (src/pipeline/import/write-dataset.ts): a
 * complete dataset folder, in memory, from the checked tables of an import — regions,
 * households, income, empty villages and facilities, the project's reference series (parquet,
 * written by the engine's own `COPY … TO`), boundaries (real county outlines, synthetic township
 * and village cells) and pre-aggregates of every level from the root down (the product's
 * `regionPeriodSumsSql`). The app then opens it like any folder (src/data/local-folder.ts).
 * Same schema and the same figures as the command; the plan's pre-computed report is not
 * written (the app evaluates the plan itself; only partitioned datasets need the report).
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { LEVEL_NAMES, type Level, type LevelName, type Manifest, type RegionRow } from '../../domain/dataset';
import { planPopulation } from '../../domain/population';
import type { ConvertResult } from '../../import';
import type { ReferenceRow } from '../../import/reference';
import { sha256Hex } from '../../import/sha256';
import type { Plan } from '../../targets/types';
import { toColumnarJson } from '../columnar';
import type { FileConnector } from '../engine/connector';
import { prepareHouseholdTables } from '../engine/household-tables';
import { queryRegionPeriodSums } from '../queries/region-sums';

/** One row of the reference series (`reference.parquet`, data/reference/reference.csv). */
export type ReferenceSeriesRow = ReferenceRow;

export interface LocalDatasetInput {
  /** The checked import (`ok`). */
  result: ConvertResult;
  /** Every region of the dataset (root and below), with centroid, area and tags. */
  regions: RegionRow[];
  /** Boundary collections by level name (synthetic levels are marked by the caller or here). */
  boundaries: Partial<Record<LevelName, FeatureCollection<Polygon | MultiPolygon>>>;
  root: { code: string; level: Level };
  plan: Plan | null;
  reference: ReferenceSeriesRow[];
  /** Names of the files the user gave. */
  inputs: string[];
  /** Where the geography came from (`ImportGeography.source`). */
  geographySource: string;
  /** Levels whose polygons are synthetic; a feature the user gave has `synthetic: false` whatever its level. */
  syntheticLevels: LevelName[];
  /** Dataset id for the manifest. */
  id: string;
  /** ISO date of the import. */
  date: string;
}

export type BuildStep = 'tables' | 'boundaries' | 'aggregates' | 'manifest';

const PARQUET = 'FORMAT PARQUET, COMPRESSION ZSTD';

/** A CSV field for DuckDB's reader: empty = NULL, strings quoted (so "" is the empty string). */
function field(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return `"${String(v).replace(/"/g, '""')}"`;
}

type ColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN' | 'VARCHAR[]';
type Col<T> = [name: string, type: ColumnType, get: (row: T) => unknown];

/**
 * Loads `rows` into table `name` through a CSV buffer (lists joined by U+001F and split again)
 * and writes it as parquet ordered by `orderBy`; returns the parquet bytes.
 */
async function writeTable<T>(db: FileConnector, name: string, columns: Col<T>[], rows: readonly T[], orderBy: string): Promise<Uint8Array> {
  const SEP = '\u001f';
  const lines = [columns.map(([n]) => n).join(',')];
  for (const row of rows) {
    lines.push(columns.map(([, type, get]) => {
      const v = get(row);
      if (type === 'VARCHAR[]') return field((v as string[]).join(SEP));
      return field(v);
    }).join(','));
  }
  const csv = `${name}__in.csv`;
  await db.writeFile(csv, new TextEncoder().encode(lines.join('\n') + '\n'));
  const types = columns.map(([n, t]) => `'${n}': '${t === 'VARCHAR[]' ? 'VARCHAR' : t}'`).join(', ');
  const select = columns.map(([n, t]) => (t === 'VARCHAR[]' ? `CASE WHEN coalesce(${n}, '') = '' THEN []::VARCHAR[] ELSE string_split(${n}, '${SEP}') END AS ${n}` : n)).join(', ');
  try {
    await db.query(`DROP TABLE IF EXISTS ${name}`);
    await db.query(`CREATE TABLE ${name} AS SELECT ${select} FROM read_csv('${db.filePath(csv)}', header = true, delim = ',', quote = '"', escape = '"', columns = {${types}}) ORDER BY ${orderBy}`);
  } finally {
    await db.dropFile(csv);
  }
  const out = `${name}__out.parquet`;
  await db.query(`COPY (SELECT * FROM ${name} ORDER BY ${orderBy}) TO '${db.filePath(out)}' (${PARQUET})`);
  try {
    return await db.readFile(out);
  } finally {
    await db.dropFile(out);
  }
}

const enc = new TextEncoder();

/**
 * Builds the dataset's files (paths relative to the folder). `db` is an engine of its own (the
 * tables it creates are left there; close it afterwards).
 */
export async function buildLocalDataset(db: FileConnector, input: LocalDatasetInput, onStep?: (step: BuildStep) => void): Promise<Map<string, Uint8Array>> {
  const { result, root, plan } = input;
  const files = new Map<string, Uint8Array>();
  const entries: Manifest['files'] = {};
  const put = (name: string, bytes: Uint8Array, rows: number) => {
    files.set(name, bytes);
    entries[name] = { rows, bytes: bytes.length, sha256: sha256Hex(bytes) };
  };

  onStep?.('tables');
  put('regions.parquet', await writeTable<RegionRow>(db, 'regions', [
    ['code', 'VARCHAR', (r) => r.code], ['name', 'VARCHAR', (r) => r.name], ['name_en', 'VARCHAR', (r) => r.name_en],
    ['level', 'INTEGER', (r) => r.level], ['parent_code', 'VARCHAR', (r) => r.parent_code], ['lon', 'DOUBLE', (r) => r.lon],
    ['lat', 'DOUBLE', (r) => r.lat], ['area_km2', 'DOUBLE', (r) => r.area_km2], ['tags', 'VARCHAR[]', (r) => r.tags],
  ], input.regions, 'code'), input.regions.length);
  type H = ConvertResult['households'][number];
  put('households.parquet', await writeTable<H>(db, 'households', [
    ['hh_id', 'VARCHAR', (r) => r.hh_id], ['village_code', 'VARCHAR', (r) => r.village_code], ['persons', 'INTEGER', (r) => r.persons],
    ['labour', 'INTEGER', (r) => r.labour], ['category', 'VARCHAR', (r) => r.category], ['mgmt_class', 'VARCHAR', (r) => r.mgmt_class],
    ['no_labour', 'BOOLEAN', (r) => r.no_labour], ['safety_net', 'BOOLEAN', (r) => r.safety_net], ['relocated', 'BOOLEAN', (r) => r.relocated],
    ['relocation_site', 'VARCHAR', (r) => r.relocation_site], ['risk_tags', 'VARCHAR[]', (r) => r.risk_tags], ['measures', 'VARCHAR[]', (r) => r.measures],
    ['risk_cleared', 'BOOLEAN', (r) => r.risk_cleared],
  ], result.households, 'village_code, hh_id'), result.households.length);
  type I = ConvertResult['income'][number];
  put('income.parquet', await writeTable<I>(db, 'income', [
    ['hh_id', 'VARCHAR', (r) => r.hh_id], ['year', 'INTEGER', (r) => r.year], ['quarter', 'INTEGER', (r) => r.quarter],
    ['wage', 'DOUBLE', (r) => r.wage], ['operating', 'DOUBLE', (r) => r.operating], ['property', 'DOUBLE', (r) => r.property],
    ['transfer', 'DOUBLE', (r) => r.transfer], ['employed_out_province', 'INTEGER', (r) => r.employed_out_province],
    ['employed_in_province', 'INTEGER', (r) => r.employed_in_province], ['employed_in_county', 'INTEGER', (r) => r.employed_in_county],
    ['decline_cause', 'INTEGER', (r) => r.decline_cause],
    // Optional columns for the integrity checks (README "Users' own files"), as npm run import writes them.
    ['net_income_stated', 'DOUBLE', (r) => r.net_income_stated], ['persons', 'INTEGER', (r) => r.persons],
  ], result.income, 'hh_id, year, quarter'), result.income.length);
  put('villages.parquet', await writeTable<{ village_code: string; year: number; collective_income: number }>(db, 'villages', [
    ['village_code', 'VARCHAR', (r) => r.village_code], ['year', 'INTEGER', (r) => r.year], ['collective_income', 'DOUBLE', (r) => r.collective_income],
  ], [], 'village_code, year'), 0);
  type F = Record<string, string | number | null>;
  put('facilities.parquet', await writeTable<F>(db, 'facilities', ([
    ['id', 'VARCHAR'], ['kind', 'VARCHAR'], ['name', 'VARCHAR'], ['industry', 'VARCHAR'], ['lon', 'DOUBLE'], ['lat', 'DOUBLE'],
    ['county_code', 'VARCHAR'], ['village_code', 'VARCHAR'], ['opened_year', 'INTEGER'], ['status', 'VARCHAR'], ['households_linked', 'INTEGER'],
    ['jobs', 'INTEGER'], ['relocated_households', 'INTEGER'], ['relocated_persons', 'INTEGER'],
  ] as [string, ColumnType][]).map(([n, t]) => [n, t, (r: F) => r[n]] as Col<F>), [], 'id'), 0);
  put('reference.parquet', await writeTable<ReferenceSeriesRow>(db, 'reference', [
    ['series', 'VARCHAR', (r) => r.series], ['region_code', 'VARCHAR', (r) => r.region_code], ['year', 'INTEGER', (r) => r.year],
    ['value', 'DOUBLE', (r) => r.value], ['source', 'VARCHAR', (r) => r.source], ['status', 'VARCHAR', (r) => r.status],
  ], input.reference, 'series, region_code, year'), input.reference.length);

  onStep?.('boundaries');
  for (const [levelName, collection] of Object.entries(input.boundaries) as [LevelName, FeatureCollection<Polygon | MultiPolygon>][]) {
    const synthetic = levelName === 'township' || levelName === 'village';
    const fc = synthetic ? { ...collection, features: collection.features.map((f) => ({ ...f, properties: { ...f.properties, synthetic: f.properties?.synthetic !== false } })) } : collection;
    put(`boundaries/${levelName}.geojson`, enc.encode(JSON.stringify(fc)), fc.features.length);
  }

  onStep?.('aggregates');
  await prepareHouseholdTables(db);
  for (let level = root.level; level <= 5; level++) {
    const rows = await queryRegionPeriodSums(db, { level: level as Level });
    put(`agg/${LEVEL_NAMES[level as Level]}.json`, enc.encode(toColumnarJson(rows, { level })), rows.length);
  }

  onStep?.('manifest');
  const years = result.income.map((r) => r.year);
  const minYear = Math.min(...years), maxYear = Math.max(...years);
  const asOfQuarter = Math.max(...result.income.filter((r) => r.year === maxYear).map((r) => r.quarter));
  const yearList: number[] = [];
  for (let y = minYear; y <= maxYear; y++) yearList.push(y);
  const rootRow = input.regions.find((r) => r.code === root.code)!;
  const dropped = result.dropped.map((d) => `"${d.column}" (${d.kind}, ${d.file})`);
  const manifest: Manifest = {
    id: input.id,
    name: { zh: rootRow.name, en: rootRow.name_en || rootRow.name },
    root,
    asOf: { year: maxYear, quarter: asOfQuarter },
    years: yearList,
    synthetic: false,
    plans: plan ? [plan.id] : [],
    files: entries,
    provenance:
      `Imported in the browser on ${input.date} from ${input.inputs.join(', ')} ` +
      `(${result.households.length.toLocaleString('en')} households, ${result.income.length.toLocaleString('en')} household-periods); ` +
      'nothing left the browser. Household ids are salted SHA-256 hashes (the salt is not stored). ' +
      (dropped.length ? `Columns identifying people were dropped: ${dropped.join(', ')}. ` : 'No column identifying people was found. ') +
      `No location below the village is kept. Geography: ${input.geographySource}; ` +
      (input.syntheticLevels.length
        ? `${input.syntheticLevels.join(' and ')} polygons are synthetic (cells inside the real county outline), not real boundaries, except those the user gave. `
        : 'township and village polygons are the user\'s own. ') +
      'Reference series: data/reference/reference.csv of this project.',
    syntheticGeometry: input.syntheticLevels,
    population: plan ? planPopulation(plan) : 'all',
  };
  files.set('manifest.json', enc.encode(JSON.stringify(manifest, null, 2) + '\n'));
  return files;
}

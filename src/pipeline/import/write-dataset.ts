/**
 * Writes the dataset folder of an import (CONTRACT.md "A dataset folder") from the converted
 * tables: regions, boundaries (real county outlines, synthetic township and village cells, as the
 * demo generator makes them), households, income, empty villages and facilities, the project's
 * reference series (with the user's `--reference` values over them), pre-aggregates (`aggregateDataset`) and the plan's report. Everything goes to
 * a temporary folder beside `out`, renamed to `out` only when all of it is written.
 */
import { existsSync, readdirSync, renameSync, rmSync, mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DOUBLE, INTEGER } from '@duckdb/node-api';
import { type Level, type LevelName, type Manifest } from '../../domain/dataset';
import { applyUserBoundaries, type UserBoundaries } from '../../import/boundaries';
import { planPopulation } from '../../domain/population';
import { evaluatePlan } from '../../data/plan-evaluation';
import type { ConvertResult, HouseholdRow, IncomeRow } from '../../import';
import { mergeReference, type ReferenceRow } from '../../import/reference';
import { aggregateDataset } from '../aggregate/run';
import { loadPlanFile, toReportRows } from '../cli/report';
import { openDatasetEngine } from '../cli/open-dataset';
import { loadReference } from '../generate/dataset';
import { buildGeographyFrom } from '../geography/build';
import { NativeDuckDB } from '../native-duckdb';
import { fileEntry, writeText } from '../write/files';
import { bool, dbl, int, str, strList, writeCollective, writeFacilities, writeReference, writeRegions, writeRows, type Column } from '../write/tables';
import { GEOMETRY_SEED } from '../../data/import/prepare';
import { datasetRoot, type ImportGeography } from './geography-for';


export interface WriteOptions {
  out: string;
  /** The user's own polygons (GeoJSON inputs), in place of the dataset's of the same code. */
  boundaries?: UserBoundaries[];
  plan?: string;
  inputs: string[];
  dataDir?: string;
  log?: (m: string) => void;
  /** The user's reference series (`--reference`), merged over the project's (`mergeReference`). */
  reference?: { file: string; rows: ReferenceRow[] };
}

export async function writeImportedDataset(result: ConvertResult, geo: ImportGeography, options: WriteOptions): Promise<Manifest> {
  const dataDir = options.dataDir ?? 'data';
  const log = options.log ?? (() => {});
  const out = resolve(options.out);
  if (existsSync(out) && readdirSync(out).length > 0 && !existsSync(join(out, 'manifest.json'))) {
    throw new Error(`${options.out} exists and is not a dataset folder: give an empty or new folder`);
  }
  const plan = options.plan ? loadPlanFile(options.plan, join(dataDir, 'plans')) : null;
  const root = datasetRoot(result.villageCodes);
  mkdirSync(dirname(out), { recursive: true });
  const tmp = join(dirname(out), `.${basename(out)}.import-${process.pid}-${Date.now()}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    log('geography: real county outlines, synthetic township and village polygons');
    const geography = buildGeographyFrom(geo.divisions, geo.countyShapes, { rootCode: root.code, rootLevel: root.level, tags: {}, seed: GEOMETRY_SEED }, 'the geography of the import');
    let syntheticLevels: LevelName[] = ['township', 'village'];
    if (options.boundaries?.length) {
      const applied = applyUserBoundaries({ regions: geography.tree.nodes, boundaries: geography.boundaries }, options.boundaries);
      syntheticLevels = syntheticLevels.filter((l) => !applied.wholeLevels.includes(l));
      result.warnings.push(...applied.warnings);
    }
    const rootNode = geography.tree.get(root.code);
    const years = result.income.map((r) => r.year);
    const minYear = Math.min(...years), maxYear = Math.max(...years);
    const asOfQuarter = Math.max(...result.income.filter((r) => r.year === maxYear).map((r) => r.quarter));
    const yearList: number[] = [];
    for (let y = minYear; y <= maxYear; y++) yearList.push(y);
    const dropped = result.dropped.map((d) => `"${d.column}" (${d.kind}, ${d.file})`);
    const reference = options.reference
      ? mergeReference(loadReference(dataDir), options.reference.rows)
      : { rows: loadReference(dataDir), replaced: 0 };
    const referenceNote = options.reference
      ? `Reference series: data/reference/reference.csv of this project and ${options.reference.rows.length.toLocaleString('en')} values ` +
        `from the user's ${basename(options.reference.file)} (${[...new Set(options.reference.rows.map((r) => r.series))].sort().join(', ')}), ` +
        `which replace the project's values of the same series, region and year (${reference.replaced.toLocaleString('en')} replaced).`
      : 'Reference series: data/reference/reference.csv of this project.';
    const manifest: Manifest = {
      id: basename(out),
      name: { zh: rootNode.name, en: rootNode.name_en || rootNode.name },
      root,
      asOf: { year: maxYear, quarter: asOfQuarter },
      years: yearList,
      synthetic: false,
      plans: plan ? [plan.id] : [],
      files: {},
      provenance:
        `Imported by npm run import on ${new Date().toISOString().slice(0, 10)} from ${options.inputs.map((f) => basename(f)).join(', ')} ` +
        `(${result.households.length.toLocaleString('en')} households, ${result.income.length.toLocaleString('en')} household-periods). ` +
        `Household ids are salted SHA-256 hashes (the salt is not stored). ` +
        (dropped.length ? `Columns identifying people were dropped: ${dropped.join(', ')}. ` : 'No column identifying people was found. ') +
        `No location below the village is kept. Geography: ${geo.source}; ` +
        (syntheticLevels.length
          ? `${syntheticLevels.join(' and ')} polygons are synthetic (cells inside the real county outline), not real boundaries, except those the user gave. `
          : 'township and village polygons are the user\'s own. ') +
        referenceNote,
      syntheticGeometry: syntheticLevels,
      population: plan ? planPopulation(plan) : 'all',
    };
    const files = manifest.files;
    const db = await NativeDuckDB.open({ threads: 2 });
    try {
      log('regions, households, income, villages, facilities, reference');
      await writeRegions(db, geography.tree.nodes, join(tmp, 'regions.parquet'));
      files['regions.parquet'] = fileEntry(join(tmp, 'regions.parquet'), geography.tree.nodes.length);
      await writeRows<HouseholdRow>(db, 'households', [
        str('hh_id', (r) => r.hh_id), str('village_code', (r) => r.village_code), int('persons', (r) => r.persons), int('labour', (r) => r.labour),
        str('category', (r) => r.category), str('mgmt_class', (r) => r.mgmt_class), bool('no_labour', (r) => r.no_labour),
        bool('safety_net', (r) => r.safety_net), bool('relocated', (r) => r.relocated), str('relocation_site', (r) => r.relocation_site),
        strList('risk_tags', (r) => r.risk_tags), strList('measures', (r) => r.measures), bool('risk_cleared', (r) => r.risk_cleared),
      ], result.households, 'village_code, hh_id', join(tmp, 'households.parquet'));
      files['households.parquet'] = fileEntry(join(tmp, 'households.parquet'), result.households.length);
      const declineCause: Column<IncomeRow> = ['decline_cause', 'INTEGER', INTEGER, (r) => r.decline_cause];
      await writeRows<IncomeRow>(db, 'income', [
        str('hh_id', (r) => r.hh_id), int('year', (r) => r.year), int('quarter', (r) => r.quarter),
        dbl('wage', (r) => r.wage), dbl('operating', (r) => r.operating), dbl('property', (r) => r.property), dbl('transfer', (r) => r.transfer),
        int('employed_out_province', (r) => r.employed_out_province), int('employed_in_province', (r) => r.employed_in_province),
        int('employed_in_county', (r) => r.employed_in_county), declineCause,
        ['net_income_stated', 'DOUBLE', DOUBLE, (r) => r.net_income_stated] as Column<IncomeRow>, int('persons', (r) => r.persons),
      ], result.income, 'hh_id, year, quarter', join(tmp, 'income.parquet'));
      files['income.parquet'] = fileEntry(join(tmp, 'income.parquet'), result.income.length);
      await writeCollective(db, [], join(tmp, 'villages.parquet'));
      files['villages.parquet'] = fileEntry(join(tmp, 'villages.parquet'), 0);
      await writeFacilities(db, [], join(tmp, 'facilities.parquet'));
      files['facilities.parquet'] = fileEntry(join(tmp, 'facilities.parquet'), 0);
      await writeReference(db, reference.rows, join(tmp, 'reference.parquet'));
      files['reference.parquet'] = fileEntry(join(tmp, 'reference.parquet'), reference.rows.length);
    } finally {
      await db.close();
    }

    log('boundaries');
    for (const [levelName, collection] of Object.entries(geography.boundaries)) {
      const synthetic = levelName === 'township' || levelName === 'village';
      const fc = synthetic ? { ...collection, features: collection.features.map((f) => ({ ...f, properties: { ...f.properties, synthetic: f.properties?.synthetic !== false } })) } : collection;
      const name = `boundaries/${levelName}.geojson`;
      writeText(join(tmp, name), JSON.stringify(fc));
      files[name] = fileEntry(join(tmp, name), fc.features.length);
    }

    log('pre-aggregates');
    const levels: Level[] = [];
    for (let l = root.level; l <= 5; l++) levels.push(l as Level);
    const agg = await aggregateDataset({ input: tmp, out: tmp, levels, threads: 2 });
    for (const step of agg.steps) {
      const m = /^write (agg\/\w+\.(json|parquet))$/.exec(step.step);
      if (m) files[m[1]!] = fileEntry(join(tmp, m[1]!), step.rows);
    }

    if (plan) {
      log(`report/${plan.id}.json`);
      writeText(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
      const codes = geography.tree.nodes.filter((n) => n.level <= 3).map((n) => n.code);
      const { db: engine } = await openDatasetEngine(tmp);
      const rows = [];
      try {
        for (const year of yearList) rows.push(...toReportRows(plan, await evaluatePlan(engine, { plan, manifest, codes, year })));
      } finally {
        await engine.close();
      }
      const name = `report/${plan.id}.json`;
      writeText(join(tmp, name), JSON.stringify(rows) + '\n');
      files[name] = fileEntry(join(tmp, name), rows.length);
      manifest.reports = { [plan.id]: name };
    }
    writeText(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    if (existsSync(out)) rmSync(out, { recursive: true, force: true });
    renameSync(tmp, out);
    return manifest;
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

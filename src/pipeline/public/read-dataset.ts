/**
 * Node side of the public build: reads a dataset folder's pre-aggregates (`agg/<level>.json`, or for a
 * dataset split by county the province-level files plus `parts/<county6>/agg-*.json`), its regions
 * (parents, names) and boundaries, into what `src/disclosure` takes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import type { RegionInput, SumsRow } from '../../disclosure/table';
import { NativeDuckDB } from '../native-duckdb';

export const LEVEL_NAMES: Record<number, string> = { 1: 'province', 2: 'city', 3: 'county', 4: 'township', 5: 'village' };

export interface SourceManifest {
  id: string;
  root: { code: string; level: number };
  files: Record<string, { rows: number; bytes: number; sha256: string }>;
  partitions?: {
    by: string;
    counties: Record<string, { boundaries: Record<string, string>; agg: Record<string, string> }>;
  };
  [key: string]: unknown;
}

export interface RegionRow {
  code: string;
  name: string;
  name_en: string | null;
  level: number;
  parent_code: string | null;
}

export interface SourceDataset {
  dir: string;
  manifest: SourceManifest;
  /** Levels from the root to villages that have pre-aggregates. */
  levels: number[];
  rows: SumsRow[];
  regions: RegionInput[];
  regionRows: Map<string, RegionRow>;
  /** Boundaries per level name (whole dataset; parts gathered). */
  boundaries: Map<string, FeatureCollection>;
}

interface ColumnarJson {
  rows: number;
  columns: Record<string, unknown[]>;
}

function readColumnar(path: string): SumsRow[] {
  const data = JSON.parse(readFileSync(path, 'utf8')) as ColumnarJson;
  const names = Object.keys(data.columns);
  const out: SumsRow[] = new Array(data.rows);
  for (let i = 0; i < data.rows; i++) {
    const row: Record<string, unknown> = {};
    for (const n of names) row[n] = data.columns[n]![i];
    out[i] = row as SumsRow;
  }
  return out;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export async function readSourceDataset(dir: string): Promise<SourceDataset> {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${dir}: no manifest.json`);
  const manifest = readJson<SourceManifest>(manifestPath);
  const levels: number[] = [];
  const rows: SumsRow[] = [];
  const boundaries = new Map<string, FeatureCollection>();
  for (let level = manifest.root.level; level <= 5; level++) {
    const name = LEVEL_NAMES[level]!;
    const aggPath = join(dir, 'agg', `${name}.json`);
    const boundaryPath = join(dir, 'boundaries', `${name}.geojson`);
    if (existsSync(aggPath)) {
      levels.push(level);
      for (const row of readColumnar(aggPath)) rows.push(row);
      if (existsSync(boundaryPath)) boundaries.set(name, readJson<FeatureCollection>(boundaryPath));
      continue;
    }
    const counties = manifest.partitions?.counties;
    if (!counties) continue;
    const parts = Object.keys(counties).sort();
    const withLevel = parts.filter((c) => counties[c]!.agg[name]);
    if (!withLevel.length) continue;
    levels.push(level);
    const features: FeatureCollection['features'] = [];
    for (const c of withLevel) {
      const part = counties[c]!;
      for (const row of readColumnar(join(dir, part.agg[name]!))) rows.push(row);
      const b = part.boundaries[name];
      if (b) features.push(...readJson<FeatureCollection>(join(dir, b)).features);
    }
    if (features.length) boundaries.set(name, { type: 'FeatureCollection', features });
  }
  if (!levels.length) throw new Error(`${dir}: no pre-aggregates (agg/<level>.json)`);
  if (levels[0] !== manifest.root.level) throw new Error(`${dir}: no pre-aggregates at the root level ${manifest.root.level}`);

  const db = await NativeDuckDB.open({ threads: 1 });
  let regionList: RegionRow[];
  try {
    const path = join(dir, 'regions.parquet').replaceAll("'", "''");
    regionList = await db.query<RegionRow>(`SELECT code, name, name_en, level::INTEGER AS level, parent_code FROM read_parquet('${path}')`);
  } finally {
    await db.close();
  }
  const regionRows = new Map(regionList.map((r) => [r.code, r]));
  const codes = new Set(rows.map((r) => r.code));
  const regions: RegionInput[] = [];
  for (const code of codes) {
    const r = regionRows.get(code);
    if (!r) throw new Error(`${dir}: ${code} has sums but is not in regions.parquet`);
    const isRoot = code === manifest.root.code;
    regions.push({ code, level: r.level, parent: isRoot ? null : r.parent_code });
  }
  return { dir, manifest, levels, rows, regions, regionRows, boundaries };
}

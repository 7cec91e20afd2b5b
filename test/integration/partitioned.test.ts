/**
 * `npm run data -- --partition county` against the unpartitioned generation of the same seed and
 * scale: the same households, income rows, polygons and pre-aggregates, only split by county; the
 * manifest lists every file; `npm run report` reads either layout to the same rows; the report
 * the generator writes agrees with `npm run report` on the unpartitioned folder.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Manifest } from '../../src/domain/dataset';
import { loadPlanFile, runReport, type ReportRow } from '../../src/pipeline/cli/report';
import { generateDataset } from '../../src/pipeline/generate/dataset';
import { NativeDuckDB, quoteString } from '../../src/pipeline/native-duckdb';

const SCALE = 0.02;
const root = mkdtempSync(join(tmpdir(), 'partitioned-'));
const single = join(root, 'single');
const parted = join(root, 'parted');
let a: Manifest;
let p: Manifest;
let db: NativeDuckDB;

beforeAll(async () => {
  a = await generateDataset({ region: 'jiangxi', out: single, scale: SCALE });
  p = await generateDataset({ region: 'jiangxi', out: parted, scale: SCALE, partition: 'county' });
  db = await NativeDuckDB.open({ threads: 2 });
}, 120_000);

afterAll(async () => {
  await db?.close();
  rmSync(root, { recursive: true, force: true });
});

const parquet = (path: string) => `read_parquet(${quoteString(path)})`;
const partsGlob = (file: string) => `read_parquet(${quoteString(join(parted, 'parts', '*', file))})`;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
}

function columnar(path: string): Record<string, unknown>[] {
  const { rows, columns } = JSON.parse(readFileSync(path, 'utf8')) as { rows: number; columns: Record<string, unknown[]> };
  return Array.from({ length: rows }, (_, i) => Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, v[i]])));
}

describe('a county-partitioned dataset (jiangxi, scale 0.02)', () => {
  test('has no province-wide household, township or village files', () => {
    for (const f of ['households.parquet', 'income.parquet', 'boundaries/township.geojson', 'boundaries/village.geojson', 'agg/township.json', 'agg/village.json']) {
      expect(existsSync(join(parted, f)), f).toBe(false);
      expect(p.files[f], f).toBeUndefined();
      expect(a.files[f], `${f} in the unpartitioned folder`).toBeDefined();
    }
    expect(a.partitions).toBeUndefined();
    expect(p.partitions?.by).toBe('county');
  });

  test('every county of regions.parquet has its parts, every county with households among them', async () => {
    const counties = (await db.query<{ code: string }>(`SELECT code FROM ${parquet(join(parted, 'regions.parquet'))} WHERE level = 3 ORDER BY code`)).map((r) => r.code);
    const withHouseholds = (await db.query<{ c: string }>(`SELECT DISTINCT substr(village_code, 1, 6) AS c FROM ${parquet(join(single, 'households.parquet'))} ORDER BY c`)).map((r) => r.c);
    expect(withHouseholds.length).toBeGreaterThan(50);
    expect(Object.keys(p.partitions!.counties).sort()).toEqual(counties);
    for (const c6 of withHouseholds) {
      const code = counties.find((c) => c.startsWith(c6));
      expect(code, `county ${c6} with households`).toBeDefined();
      const files = p.partitions!.counties[code!];
      for (const f of [files.households, files.income, files.boundaries.township, files.boundaries.village, files.agg.township, files.agg.village]) {
        expect(f.startsWith(`parts/${c6}/`), f).toBe(true);
        expect(existsSync(join(parted, f)), f).toBe(true);
      }
      expect(p.files[files.households].rows, files.households).toBeGreaterThan(0);
    }
  });

  test('the union of the parts is the unpartitioned households and income, county by county', async () => {
    const perCounty = async (hh: string, inc: string) =>
      db.query(`SELECT substr(h.village_code, 1, 6) AS county, count(DISTINCT h.hh_id)::INTEGER AS households, count(*)::INTEGER AS income_rows,
          sum(h.persons)::BIGINT AS person_periods, round(sum(i.wage + i.operating + i.property + i.transfer), 2) AS net
        FROM ${hh} h JOIN ${inc} i ON h.hh_id = i.hh_id GROUP BY county ORDER BY county`);
    const want = await perCounty(parquet(join(single, 'households.parquet')), parquet(join(single, 'income.parquet')));
    const got = await perCounty(partsGlob('households.parquet'), partsGlob('income.parquet'));
    expect(want.length).toBeGreaterThan(50);
    expect(got).toEqual(want);
    // Row for row: nothing missing, nothing extra, no column changed.
    for (const [table, file] of [['households', 'households.parquet'], ['income', 'income.parquet']]) {
      const [d] = await db.query<{ n: number }>(`SELECT
          (SELECT count(*) FROM (SELECT * FROM ${parquet(join(single, file))} EXCEPT ALL SELECT * FROM ${partsGlob(file)}))
        + (SELECT count(*) FROM (SELECT * FROM ${partsGlob(file)} EXCEPT ALL SELECT * FROM ${parquet(join(single, file))})) AS n`);
      expect(Number(d.n), table).toBe(0);
    }
    // Each county file holds its county only; income sorted by hh_id, year, quarter.
    for (const [code, files] of Object.entries(p.partitions!.counties)) {
      const [h] = await db.query<{ n: number }>(`SELECT count(*) FILTER (WHERE NOT starts_with(village_code, '${code.slice(0, 6)}'))::INTEGER AS n FROM ${parquet(join(parted, files.households))}`);
      expect(h.n, files.households).toBe(0);
      const [s] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (SELECT hh_id, year, quarter,
          lag(hh_id) OVER () AS ph, lag(year) OVER () AS py, lag(quarter) OVER () AS pq FROM ${parquet(join(parted, files.income))})
        WHERE ph IS NOT NULL AND (ph, py, pq) >= (hh_id, year, quarter)`);
      expect(s.n, `${files.income} out of order`).toBe(0);
    }
  });

  test("per-county pre-aggregates and polygons are the county's slice of the unpartitioned files", () => {
    for (const level of ['township', 'village'] as const) {
      const all = columnar(join(single, 'agg', `${level}.json`));
      const features = (JSON.parse(readFileSync(join(single, 'boundaries', `${level}.geojson`), 'utf8')) as GeoJSON.FeatureCollection).features;
      let aggRows = 0;
      let polygons = 0;
      for (const [code, files] of Object.entries(p.partitions!.counties)) {
        const c6 = code.slice(0, 6);
        const part = columnar(join(parted, files.agg[level]));
        expect(part, files.agg[level]).toEqual(all.filter((r) => String(r.code).startsWith(c6)));
        aggRows += part.length;
        const fc = JSON.parse(readFileSync(join(parted, files.boundaries[level]), 'utf8')) as GeoJSON.FeatureCollection;
        expect(fc.features, files.boundaries[level]).toEqual(features.filter((f) => String(f.properties?.code).startsWith(c6)));
        polygons += fc.features.length;
      }
      expect(aggRows, `${level} agg rows`).toBe(all.length);
      expect(polygons, `${level} polygons`).toBe(features.length);
    }
    for (const name of ['agg/county.json', 'boundaries/county.geojson', 'regions.parquet', 'facilities.parquet', 'villages.parquet']) {
      expect(p.files[name].sha256, name).toBe(a.files[name].sha256);
    }
  });

  test('the manifest lists every file with its size and hash, and every partition file', () => {
    const onDisk = walk(parted).map((f) => relative(parted, f)).filter((f) => f !== 'manifest.json').sort();
    expect(Object.keys(p.files).sort()).toEqual(onDisk);
    for (const [name, entry] of Object.entries(p.files)) {
      const bytes = readFileSync(join(parted, name));
      expect(statSync(join(parted, name)).size, name).toBe(entry.bytes);
      expect(createHash('sha256').update(bytes).digest('hex'), name).toBe(entry.sha256);
    }
    for (const files of Object.values(p.partitions!.counties)) {
      for (const f of [files.households, files.income, files.boundaries.township, files.boundaries.village, files.agg.township, files.agg.village]) {
        expect(p.files[f], f).toBeDefined();
      }
    }
    expect(p.reports).toEqual({ 'jiangxi-2023': 'report/jiangxi-2023.json' });
    // The unsplit layout carries the same report.
    expect(a.reports).toEqual(p.reports);
    expect(a.files['report/jiangxi-2023.json'].sha256).toBe(p.files['report/jiangxi-2023.json'].sha256);
    expect(JSON.parse(readFileSync(join(parted, 'manifest.json'), 'utf8'))).toEqual(p);
  });

  test('npm run report gives the same rows on both layouts; the written report agrees', async () => {
    const plan = loadPlanFile('jiangxi-2023');
    const fromSingle = await runReport({ data: single, plan });
    const fromParts = await runReport({ data: parted, plan });
    expect(fromSingle.length).toBeGreaterThan(5);
    expect(fromParts).toEqual(fromSingle);

    // report/<plan>.json: the root, every city and every county, each year; compare 2024 with the report CLI's code.
    const written = JSON.parse(readFileSync(join(parted, p.reports!['jiangxi-2023']), 'utf8')) as ReportRow[];
    for (const r of written) expect(p.years).toContain(r.year);
    expect(written.some((r) => r.year === 2025 && r.regionCode === plan.region && r.projected)).toBe(true);
    const counties = Object.keys(p.partitions!.counties);
    const cities = (JSON.parse(readFileSync(join(single, 'boundaries', 'city.geojson'), 'utf8')) as { features: { properties: { code: string } }[] }).features.map((f) => f.properties.code);
    expect(cities.length).toBe(11);
    const expected = await runReport({ data: single, plan, year: 2024, codes: [plan.region, ...cities, ...counties] });
    const got = written.filter((r) => r.year === 2024);
    expect(got.length).toBe(expected.length);
    expect(new Set(got.map((r) => r.regionCode)).size).toBeGreaterThan(50);
    for (const c of cities) expect(got.some((r) => r.regionCode === c), c).toBe(true);
    got.forEach((r, i) => {
      const e = expected[i];
      expect({ ...r, actual: 0, gap: 0, target: 0 }, `${r.targetId} ${r.regionCode}`).toEqual({ ...e, actual: 0, gap: 0, target: 0 });
      for (const k of ['actual', 'target', 'gap'] as const) {
        if (e[k] === null) expect(r[k]).toBeNull();
        else expect(r[k]!, `${k} of ${r.targetId} ${r.regionCode}`).toBeCloseTo(e[k]!, 6);
      }
    });
  }, 120_000);
});

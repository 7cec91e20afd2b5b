/**
 * The browser's import path in Node, against `npm run import`: the geography fetched over HTTP
 * the way the page fetches it (`geo/index.json`, the demo folders, the national set gzipped),
 * the same checks (`prepareImport`), and the dataset folder written by DuckDB-WASM
 * (`buildLocalDataset`, the engine the page runs). Same salt → the same households, income,
 * regions, boundaries and village sums as the command's folder.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildLocalDataset } from '../../src/data/import/build-dataset';
import { fetchGeography } from '../../src/data/import/fetch-geography';
import { prepareImport } from '../../src/data/import/prepare';
import { createNodeConnector } from '../../src/data/engine/node';
import { runImport } from '../../src/pipeline/cli/import';
import { loadReference } from '../../src/pipeline/generate/dataset';
import { loadNationalDivisions } from '../../src/pipeline/geography/national-geo';
import { buildGeoIndex } from '../../scripts/lib/vite-geo-assets';
import { demoFlatRows, encodeGbk, HEADERS, toCsvText } from '../helpers/import-fixture';

let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'import-browser-'));
  const geoDir = resolve('data/geo');
  const index = JSON.stringify(buildGeoIndex(geoDir));
  server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!).replace(/^\/geo\//, '');
    if (path === 'index.json') return res.end(index);
    const file = resolve(geoDir, path);
    if (!file.startsWith(geoDir) || !existsSync(file) || !statSync(file).isFile()) {
      res.statusCode = 404;
      return res.end('not found');
    }
    res.setHeader('Content-Type', file.endsWith('.gz') ? 'application/gzip' : 'application/octet-stream');
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/geo/`;
});
afterAll(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function browserImport(name: string, bytes: Uint8Array, salt: string, extra: { name: string; bytes: Uint8Array }[] = []) {
  const prepared = await prepareImport([{ name, bytes }, ...extra], { dropPii: false, salt }, (codes) => fetchGeography(codes, base));
  expect(prepared.result.problems).toEqual([]);
  const db = createNodeConnector();
  try {
    const files = await buildLocalDataset(db, {
      result: prepared.result,
      ...prepared.dataset!,
      plan: null,
      reference: loadReference('data'),
      inputs: [name, ...extra.map((e) => e.name)],
      id: 'local-test',
      date: '2026-12-02',
    });
    return { prepared, files };
  } finally {
    await db.close();
  }
}

/** Rows of a parquet file as JSON text per row (native DuckDB, independent of the engine that wrote it). */
async function parquetRows(path: string | Uint8Array, order: string): Promise<string[]> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  let file = path as string;
  if (typeof path !== 'string') {
    file = join(dir, `pq-${Math.random().toString(36).slice(2)}.parquet`);
    writeFileSync(file, path);
  }
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  try {
    const reader = await c.runAndReadAll(`SELECT * FROM read_parquet('${file}') ORDER BY ${order}`);
    return reader.getRowObjectsJson().map((r) => JSON.stringify(r));
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

describe('import in the browser (worker + DuckDB-WASM) gives the command\'s dataset', () => {
  test('Ningxia villages from a GBK CSV: same tables, regions, boundaries and sums as npm run import', async () => {
    const rows = await demoFlatRows();
    const gbk = encodeGbk(toCsvText(HEADERS, rows));
    writeFileSync(join(dir, 'gbk.csv'), gbk);
    const cli = await runImport({ files: [join(dir, 'gbk.csv')], out: join(dir, 'cli'), dropPii: false, salt: 'k' });
    expect(cli.written).toBe(true);
    const { prepared, files } = await browserImport('gbk.csv', gbk, 'k');
    expect(prepared.result.households).toEqual(cli.result.households);
    expect(prepared.result.income).toEqual(cli.result.income);

    for (const [table, order] of [['households', 'village_code, hh_id'], ['income', 'hh_id, year, quarter'], ['regions', 'code'], ['reference', 'series, region_code, year']] as const) {
      expect(await parquetRows(files.get(`${table}.parquet`)!, order), table).toEqual(await parquetRows(join(dir, 'cli', `${table}.parquet`), order));
    }
    for (const level of ['province', 'city', 'county', 'township', 'village']) {
      const mine = JSON.parse(text(files.get(`boundaries/${level}.geojson`)));
      const theirs = JSON.parse(readFileSync(join(dir, 'cli', 'boundaries', `${level}.geojson`), 'utf8'));
      expect(mine, level).toEqual(theirs);
    }
    // Sums of every level: the same figures (row order may differ).
    for (const level of ['province', 'county', 'village']) {
      const a = JSON.parse(text(files.get(`agg/${level}.json`)));
      const b = JSON.parse(readFileSync(join(dir, 'cli', 'agg', `${level}.json`), 'utf8'));
      expect(a.rows, level).toBe(b.rows);
      const index = (c: Record<string, unknown[]>) => new Map(c.code!.map((code, i) => [`${code}|${c.year![i]}|${c.quarter![i]}`, i]));
      const ib = index(b.columns);
      for (const [key, i] of index(a.columns)) {
        const j = ib.get(key);
        expect(j, key).toBeDefined();
        for (const col of ['households', 'persons', 'net', 'wage', 'transfer']) expect(a.columns[col][i], `${level} ${key} ${col}`).toBeCloseTo(b.columns[col][j!], 6);
      }
    }
    const manifest = JSON.parse(text(files.get('manifest.json')));
    const cliManifest = JSON.parse(readFileSync(join(dir, 'cli', 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ root: cliManifest.root, asOf: cliManifest.asOf, years: cliManifest.years, synthetic: false, syntheticGeometry: ['township', 'village'] });
    expect(manifest.provenance).toContain('nothing left the browser');
    for (const [name, entry] of Object.entries(manifest.files as Record<string, { bytes: number }>)) expect(files.get(name)?.length, name).toBe(entry.bytes);
  }, 240_000);

  test('village polygons of the user\'s own (GeoJSON) replace the synthetic ones, the same in the page and the command', async () => {
    const rows = await demoFlatRows();
    const gbk = encodeGbk(toCsvText(HEADERS, rows));
    writeFileSync(join(dir, 'gbk2.csv'), gbk);
    const own = { type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { 村代码: '640324100001' }, geometry: { type: 'Polygon', coordinates: [[[106.2, 37.2], [106.25, 37.2], [106.25, 37.25], [106.2, 37.25], [106.2, 37.2]]] } },
    ] };
    const geojson = new TextEncoder().encode(JSON.stringify(own));
    writeFileSync(join(dir, 'own.geojson'), geojson);
    const cli = await runImport({ files: [join(dir, 'gbk2.csv'), join(dir, 'own.geojson')], out: join(dir, 'cli-own'), dropPii: false, salt: 'k' });
    expect(cli.result.problems).toEqual([]);
    expect(cli.written).toBe(true);
    const { files } = await browserImport('gbk2.csv', gbk, 'k', [{ name: 'own.geojson', bytes: geojson }]);
    const mine = JSON.parse(text(files.get('boundaries/village.geojson')));
    const theirs = JSON.parse(readFileSync(join(dir, 'cli-own', 'boundaries', 'village.geojson'), 'utf8'));
    expect(mine).toEqual(theirs);
    const v = mine.features.find((f: { properties: { code: string } }) => f.properties.code === '640324100001');
    expect(v.geometry).toEqual(own.features[0]!.geometry);
    expect(v.properties.synthetic).toBe(false);
    expect(mine.features.filter((f: { properties: { synthetic: boolean } }) => f.properties.synthetic).length).toBe(mine.features.length - 1);
    expect(await parquetRows(files.get('regions.parquet')!, 'code')).toEqual(await parquetRows(join(dir, 'cli-own', 'regions.parquet'), 'code'));
    const region = (await parquetRows(files.get('regions.parquet')!, 'code')).map((r) => JSON.parse(r)).find((r) => r.code === '640324100001');
    expect(region.lon).toBeCloseTo(106.225, 6);
  }, 240_000);

  test('a county outside the demos (Yunnan 530102) is fetched from the national set, gzipped', async () => {
    const villages = loadNationalDivisions('530102').filter((d) => d.level === 5).slice(0, 3);
    const lines = ['户编号,村代码,家庭人口数,劳动力人数,年度,季度,工资性收入,生产经营性收入,财产性收入,转移性收入'];
    villages.forEach((v, i) => {
      for (const year of [2023, 2024]) lines.push(`Y${i},${v.code},3,2,${year},4,${20000 + year - 2023},1000,100,500`);
    });
    const bytes = new TextEncoder().encode(lines.join('\n') + '\n');
    const { prepared, files } = await browserImport('yunnan.csv', bytes, 'k');
    expect(prepared.dataset!.root).toEqual({ code: '530102000000', level: 3 });
    expect(prepared.dataset!.geographySource).toContain('data/geo/china');
    const county = JSON.parse(text(files.get('boundaries/county.geojson')));
    expect(county.features.find((f: { properties: { code: string } }) => f.properties.code === '530102000000').geometry.type).toMatch(/Polygon/);
  }, 120_000);

  test('a bad file is reported with file, row, column and value; no geography is needed to say so', async () => {
    const lines = ['户编号,村代码,家庭人口数,年度,工资性收入,生产经营性收入,财产性收入,转移性收入', 'A,640324100001,0,2024,100,0,0,0', 'B,6403241,3,2024,abc,0,0,0'];
    const prepared = await prepareImport([{ name: 'bad.csv', bytes: new TextEncoder().encode(lines.join('\n')) }], { dropPii: false, salt: 'k' }, (codes) => fetchGeography(codes, base));
    expect(prepared.result.ok).toBe(false);
    expect(prepared.dataset).toBeNull();
    const kinds = prepared.result.problems.map((p) => [p.kind, p.row, p.column, p.value]);
    expect(kinds).toContainEqual(['persons_not_positive', 1, '家庭人口数', '0']);
    expect(kinds).toContainEqual(['bad_code', 2, '村代码', '6403241']);
    expect(kinds).toContainEqual(['not_a_number', 2, '工资性收入', 'abc']);
  }, 60_000);
});

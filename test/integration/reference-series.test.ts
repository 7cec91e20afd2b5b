/**
 * Reference series end to end (issue 13 item 6). The Jiangxi demo's synthetic key-county series
 * make the two key-county rural-income targets evaluate; `npm run report --reference` evaluates
 * with a user's CSV without writing; `npm run import --reference` merges it into reference.parquet;
 * `DatasetClient.addReference` turns a Jiangxi dataset without county series from no_data to
 * evaluated in the engine the app uses (Node connector, files served over HTTP).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DatasetClient } from '../../src/data/dataset-client';
import type { Connector } from '../../src/data/engine/connector';
import { createNodeConnector } from '../../src/data/engine/node';
import { evaluatePlan } from '../../src/data/plan-evaluation';
import { parseReferenceCsv, type ReferenceRow } from '../../src/import/reference';
import { runImport } from '../../src/pipeline/cli/import';
import { loadPlanFile, runReport, type ReportRow } from '../../src/pipeline/cli/report';
import { loadReference } from '../../src/pipeline/generate/dataset';
import { NativeDuckDB } from '../../src/pipeline/native-duckdb';
import { writeReference } from '../../src/pipeline/write/tables';
import { demoFlatRows, encodeGbk, HEADERS, toCsvText } from '../helpers/import-fixture';

const JIANGXI = 'public/data/jiangxi';
const PROVINCE = '360000000000';
const LIANHUA = '360321000000'; // 莲花县, a key county
const KEY_TARGETS = ['key-county-rural-growth', 'key-county-above-local-rural'];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reference-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readReferenceParquet(path: string): Promise<ReferenceRow[]> {
  const db = await NativeDuckDB.open({ threads: 1 });
  try {
    await db.registerParquet('reference', path);
    return await db.query<ReferenceRow>('SELECT series, region_code, year::INTEGER AS year, value, source, status FROM reference ORDER BY series, region_code, year');
  } finally {
    await db.close();
  }
}

const csvOf = (rows: ReferenceRow[]) =>
  ['指标,地区代码,年度,数值,来源', ...rows.map((r) => `农村居民人均可支配收入,${r.region_code.slice(0, 6)},${r.year},${r.value},"${r.source}"`)].join('\n') + '\n';

describe('the Jiangxi demo', () => {
  let countyRows: ReferenceRow[];
  beforeAll(async () => {
    countyRows = (await readReferenceParquet(join(JIANGXI, 'reference.parquet'))).filter((r) => r.region_code.startsWith('36') && r.region_code !== PROVINCE);
  });

  test('holds synthetic rural disposable income 2022–2024 for its 25 key counties, marked synthetic, below the provincial level', async () => {
    const manifest = JSON.parse(readFileSync(join(JIANGXI, 'manifest.json'), 'utf8'));
    const regions = await (async () => {
      const db = await NativeDuckDB.open({ threads: 1 });
      try {
        await db.registerParquet('regions', join(JIANGXI, 'regions.parquet'));
        return (await db.query<{ code: string }>("SELECT code FROM regions WHERE list_contains(tags, 'key_county') ORDER BY code")).map((r) => r.code);
      } finally {
        await db.close();
      }
    })();
    expect(regions).toHaveLength(25);
    expect([...new Set(countyRows.map((r) => r.region_code))].sort()).toEqual(regions);
    expect(countyRows).toHaveLength(75);
    for (const r of countyRows) {
      expect(r.series).toBe('rural_disposable_income');
      expect([2022, 2023, 2024]).toContain(r.year);
      expect(r.status).toBe('estimate');
      expect(r.source).toMatch(/^synthetic, generated from seed 20230601 .*not published figures$/);
    }
    expect(manifest.provenance).toMatch(/rural_disposable_income of the 25 counties tagged key_county \(2022–2024\) is SYNTHETIC/);
    const province = new Map(loadReference('data').filter((r) => r.series === 'rural_disposable_income' && r.region_code === PROVINCE).map((r) => [r.year, r.value]));
    for (const r of countyRows.filter((x) => x.year === 2022)) {
      expect(r.value / province.get(2022)!).toBeGreaterThanOrEqual(0.8);
      expect(r.value / province.get(2022)!).toBeLessThan(0.95);
    }
  });

  test('report: no no_data row for the key-county rural-income targets; some counties meet, some miss', async () => {
    const plan = loadPlanFile('jiangxi-2023');
    const latest = await runReport({ data: JIANGXI, plan });
    const rows = latest.filter((r) => KEY_TARGETS.includes(r.targetId));
    expect(rows).toHaveLength(50);
    expect(rows.filter((r) => r.status === 'no_data')).toEqual([]);
    const y2024 = (await runReport({ data: JIANGXI, plan, year: 2024 })).filter((r) => r.targetId === 'key-county-rural-growth');
    expect(y2024).toHaveLength(25);
    const met = y2024.filter((r) => r.status === 'met').length;
    expect(met).toBeGreaterThan(0);
    expect(met).toBeLessThan(25);
    // Actual: the county series' growth; target: the higher of the national and provincial growth (2024: national 23119/21691).
    const lianhua = y2024.find((r) => r.regionCode === LIANHUA)!;
    const own = new Map(countyRows.filter((r) => r.region_code === LIANHUA).map((r) => [r.year, r.value]));
    expect(lianhua.actual).toBeCloseTo(own.get(2024)! / own.get(2023)! - 1, 12);
    expect(lianhua.target).toBeCloseTo(23119 / 21691 - 1, 12);
    expect(lianhua).toMatchObject({ basis: 'estimate', unit: 'rate', referenceSeries: 'rural_disposable_income' });
  }, 120_000);

  test('report --reference: the user value replaces the synthetic one for this run only', async () => {
    const before = readFileSync(join(JIANGXI, 'reference.parquet'));
    const csv = join(dir, 'lianhua.csv');
    writeFileSync(csv, encodeGbk('指标,地区代码,年度,数值,来源\n农村居民人均可支配收入,360321,2023,18000,莲花县统计公报\n农村居民人均可支配收入,360321,2024,19260,莲花县统计公报\n'));
    const run = spawnSync('npx', ['tsx', 'src/pipeline/cli/report.ts', '--data', JIANGXI, '--plan', 'jiangxi-2023', '--year', '2024',
      '--region', LIANHUA, '--format', 'json', '--reference', csv], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const rows = JSON.parse(run.stdout) as ReportRow[];
    const growth = rows.find((r) => r.targetId === 'key-county-rural-growth')!;
    expect(growth.actual).toBeCloseTo(19260 / 18000 - 1, 12); // 7.0% > national 6.58%: met
    expect(growth.status).toBe('met');
    expect(rows.find((r) => r.targetId === 'key-county-above-local-rural')!.target).toBeCloseTo(0.07, 12);
    expect(readFileSync(join(JIANGXI, 'reference.parquet')).equals(before)).toBe(true);

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'series,region_code,year,value,source\nrural_disposable_income,3603,2024,19260,x\n');
    const failed = spawnSync('npx', ['tsx', 'src/pipeline/cli/report.ts', '--data', JIANGXI, '--plan', 'jiangxi-2023', '--reference', bad], { encoding: 'utf8' });
    expect(failed.status).toBe(1);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toContain(`${bad}, row 1, column "region_code": not a 6- or 12-digit region code: value "3603"`);
  }, 120_000);
});

describe('npm run import --reference', () => {
  test("merges the user's series into reference.parquet (replacing the project's values of the same key) and says so", async () => {
    const flat = join(dir, 'households.csv');
    writeFileSync(flat, toCsvText(HEADERS, await demoFlatRows()));
    const csv = join(dir, 'ningxia-ref.csv');
    writeFileSync(csv, 'series,region_code,year,value,source\n' +
      'rural_disposable_income,640000,2023,17800,user yearbook\n' +
      'rural_disposable_income,640324,2023,14100,user yearbook\n' +
      'rural_disposable_income,640324,2024,15050,user yearbook\n');
    const out = join(dir, 'out');
    const run = await runImport({ files: [flat], out, dropPii: false, salt: 'k', reference: csv });
    expect(run.result.problems).toEqual([]);
    expect(run.written).toBe(true);
    const rows = await readReferenceParquet(join(out, 'reference.parquet'));
    const project = loadReference('data');
    expect(rows).toHaveLength(project.length + 2);
    expect(rows.filter((r) => r.region_code === '640000000000' && r.series === 'rural_disposable_income' && r.year === 2023))
      .toEqual([{ series: 'rural_disposable_income', region_code: '640000000000', year: 2023, value: 17800, source: 'user yearbook', status: 'published' }]);
    expect(rows.filter((r) => r.region_code === '640324000000').map((r) => [r.year, r.value])).toEqual([[2023, 14100], [2024, 15050]]);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.provenance).toContain("3 values from the user's ningxia-ref.csv (rural_disposable_income), which replace the project's values of the same series, region and year (1 replaced).");
    expect(manifest.files['reference.parquet'].rows).toBe(project.length + 2);
  }, 120_000);

  test('a bad reference file blocks the import: exit 1, its problems listed, nothing written', () => {
    const flat = join(dir, 'households.csv');
    const csv = join(dir, 'dup-ref.csv');
    writeFileSync(csv, '指标,地区代码,年度,数值,来源\nrural_disposable_income,640324,2023,14100,a\nrural_disposable_income,640324000000,2023,14200,b\n');
    const out = join(dir, 'not-written');
    const run = spawnSync('npx', ['tsx', 'src/pipeline/cli/import.ts', flat, '--out', out, '--salt', 'k', '--reference', csv], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${csv}, row 2, column "指标": series, region and year given twice: value "rural_disposable_income 640324000000 2023"`);
    expect(existsSync(out)).toBe(false);
  }, 120_000);
});

describe('DatasetClient.addReference', () => {
  let server: Server;
  let base: string;
  let data: string;
  let connector: Connector | null = null;
  beforeAll(async () => {
    // The Jiangxi demo as it was before its county series: the project's reference rows only.
    data = join(dir, 'jiangxi');
    cpSync(JIANGXI, data, { recursive: true });
    const db = await NativeDuckDB.open({ threads: 1 });
    try {
      await writeReference(db, loadReference('data'), join(data, 'reference.parquet'));
    } finally {
      await db.close();
    }
    server = createServer((req, res) => {
      const path = join(data, decodeURIComponent(new URL(req.url!, 'http://x').pathname));
      if (!path.startsWith(data) || !existsSync(path)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': path.endsWith('.json') ? 'application/json' : 'application/octet-stream' }).end(readFileSync(path));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await connector?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  test('turns the key-county targets from no_data to evaluated, as the report on the demo; a second call replaces and re-evaluates', async () => {
    // The Node engine reads local files: the client's URLs map to the folder it serves.
    const client = await DatasetClient.open(base, async () => {
      const node = createNodeConnector();
      connector = node;
      return { query: (sql) => node.query(sql), registerParquet: (name, url, o) => node.registerParquet(name, join(data, url.slice(base.length)), o), close: () => node.close() };
    });
    const plan = loadPlanFile('jiangxi-2023');
    const evaluate = async () => (await evaluatePlan(await client.engine(), { plan, manifest: client.manifest, codes: [LIANHUA], year: 2024 }))
      .filter((r) => KEY_TARGETS.includes(r.targetId));
    expect(await client.precomputedReport(plan.id)).not.toBeNull();
    const before = await evaluate();
    expect(before.map((r) => [r.targetId, r.status, r.basis])).toEqual([
      ['key-county-rural-growth', 'no_data', 'missing_reference'],
      ['key-county-above-local-rural', 'no_data', 'missing_reference'],
    ]);

    // The demo's synthetic county rows, as a user's CSV with Chinese headers and 6-digit codes.
    const demoRows = (await readReferenceParquet(join(JIANGXI, 'reference.parquet'))).filter((r) => r.region_code.startsWith('36') && r.region_code !== PROVINCE);
    const parsed = parseReferenceCsv('counties.csv', new TextEncoder().encode(csvOf(demoRows)));
    expect(parsed.problems).toEqual([]);
    expect(await client.addReference(parsed.rows.map((r) => ({ ...r, status: 'estimate' as const })))).toBe(0);
    const after = await evaluate();
    const demo = (await runReport({ data: JIANGXI, plan, codes: [LIANHUA], year: 2024 })).filter((r) => KEY_TARGETS.includes(r.targetId));
    expect(after.map((r) => [r.targetId, r.status, r.actual, r.target])).toEqual(demo.map((r) => [r.targetId, r.status, r.actual, r.target]));
    expect(after.every((r) => r.status === 'met' || r.status === 'missed')).toBe(true);
    // The pre-computed report was evaluated without these values: the scorecard asks the engine instead.
    expect(await client.precomputedReport(plan.id)).toBeNull();

    // Replacing 莲花县's 2024 value changes the answer to the same query (the result cache was cleared).
    const v2023 = demoRows.find((r) => r.region_code === LIANHUA && r.year === 2023)!.value;
    expect(await client.addReference([{ series: 'rural_disposable_income', region_code: LIANHUA, year: 2024, value: v2023 * 1.1, source: 'test', status: 'published' }])).toBe(1);
    const again = await evaluate();
    expect(again[0]!.actual).toBeCloseTo(0.1, 12);
    expect(again[0]!.status).toBe('met');
    await expect(client.addReference([{ series: 'rural_disposable_income', region_code: '3603', year: 2024, value: 1, source: 'x' }])).rejects.toThrow(/12-digit/);
  }, 180_000);
});

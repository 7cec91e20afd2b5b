/**
 * `npm run import` end to end on rows of the Ningxia demo exported as a county office would: a GBK
 * CSV and an XLSX with a title row, notes and numeric codes, Chinese headers. Both import to the
 * same tables, whose village sums equal the demo's; `npm run report` reads the folder; a bad file
 * exits 1 and writes nothing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runImport } from '../../src/pipeline/cli/import';
import { loadPlanFile, runReport } from '../../src/pipeline/cli/report';
import { loadNationalDivisions } from '../../src/pipeline/geography/national-geo';
import { demoFlatRows, encodeGbk, FIXTURE_VILLAGES, HEADERS, toCsvText, toXlsx, type FlatRow } from '../helpers/import-fixture';

let dir: string;
let rows: FlatRow[];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'import-test-'));
  rows = await demoFlatRows();
  writeFileSync(join(dir, 'gbk.csv'), encodeGbk(toCsvText(HEADERS, rows)));
  const numeric = rows.map((r) => r.map((v, i) => (i === 1 ? Number(v) : v)));
  writeFileSync(join(dir, 'export.xlsx'), toXlsx([{ name: '说明', rows: [['本表为示例']] }, { name: '户收入', title: [['2020—2025年脱贫户收入监测表']], headers: HEADERS, rows: numeric, notes: [['注：收入单位为元。'], ['填表人：某某']] }]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run import', () => {
  test('GBK CSV and XLSX give the same tables, the demo village sums, and a folder report reads', async () => {
    const csv = await runImport({ files: [join(dir, 'gbk.csv')], out: join(dir, 'out-csv'), dropPii: false, salt: 'k', plan: 'ningxia-2024' });
    const xlsx = await runImport({ files: [join(dir, 'export.xlsx')], out: join(dir, 'out-xlsx'), dropPii: false, salt: 'k' });
    expect(csv.result.problems).toEqual([]);
    expect(xlsx.result.problems).toEqual([]);
    expect(csv.result.files[0]!.source).toBe('GB18030');
    expect(xlsx.result.files[0]!.source).toBe('sheet "户收入" (2 of 2)');
    expect(xlsx.result.households).toEqual(csv.result.households);
    expect(xlsx.result.income).toEqual(csv.result.income);
    expect(csv.result.income).toHaveLength(rows.length);

    const out = join(dir, 'out-csv');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ synthetic: false, root: { code: '640000000000', level: 1 }, plans: ['ningxia-2024'], reports: { 'ningxia-2024': 'report/ningxia-2024.json' } });
    for (const f of Object.keys(manifest.files)) expect(existsSync(join(out, f)), f).toBe(true);
    for (const f of ['regions.parquet', 'households.parquet', 'income.parquet', 'villages.parquet', 'facilities.parquet', 'reference.parquet',
      'boundaries/county.geojson', 'boundaries/village.geojson', 'agg/county.json', 'agg/village.json']) expect(manifest.files[f], f).toBeDefined();
    const villages = JSON.parse(readFileSync(join(out, 'boundaries/village.geojson'), 'utf8'));
    expect(villages.features.every((f: { properties: { synthetic?: boolean } }) => f.properties.synthetic === true)).toBe(true);

    // the imported village sums equal the demo's own pre-aggregates for those villages
    const mine = JSON.parse(readFileSync(join(out, 'agg/village.json'), 'utf8')).columns;
    const demo = JSON.parse(readFileSync('public/data/ningxia/agg/village.json', 'utf8')).columns;
    const key = (c: Record<string, unknown[]>, i: number) => `${c.code![i]}|${c.year![i]}|${c.quarter![i]}`;
    const demoNet = new Map<string, [number, number]>();
    demo.code.forEach((code: string, i: number) => {
      if (FIXTURE_VILLAGES.includes(code)) demoNet.set(key(demo, i), [demo.net[i], demo.persons[i]]);
    });
    const mineRows = mine.code.map((_: string, i: number) => i).filter((i: number) => mine.households[i] > 0);
    expect(mineRows.length).toBe(demoNet.size);
    for (const i of mineRows) {
      const [net, persons] = demoNet.get(key(mine, i))!;
      expect(mine.net[i]).toBeCloseTo(net, 4);
      expect(mine.persons[i]).toBe(persons);
    }

    const report = await runReport({ data: out, plan: loadPlanFile('ningxia-2024') });
    expect(report.length).toBeGreaterThan(0);
    expect(report.some((r) => r.targetId === 'income-2024' || r.status !== 'no_data')).toBe(true);
  });

  test('Parquet input (codes as BIGINT, English headers) gives the same income rows as the CSV', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:');
    const c = await instance.connect();
    const pq = join(dir, 'flat.parquet');
    await c.run(`COPY (SELECT h.hh_id, h.village_code::BIGINT AS village_code, h.persons, h.labour, i.year, i.quarter, i.wage, i.operating, i.property, i.transfer
      FROM 'public/data/ningxia/households.parquet' h JOIN 'public/data/ningxia/income.parquet' i USING (hh_id)
      WHERE h.village_code IN (${FIXTURE_VILLAGES.map((v) => `'${v}'`).join(',')})) TO '${pq}' (FORMAT PARQUET)`);
    c.closeSync();
    instance.closeSync();
    const fromParquet = await runImport({ files: [pq], out: join(dir, 'out-pq'), dropPii: false, salt: 'k' });
    const fromCsv = await runImport({ files: [join(dir, 'gbk.csv')], out: join(dir, 'out-csv2'), dropPii: false, salt: 'k' });
    expect(fromParquet.result.problems).toEqual([]);
    const strip = (rows: typeof fromCsv.result.income) => rows.map((r) => [r.hh_id, r.year, r.quarter, r.wage, r.operating, r.property, r.transfer]);
    expect(strip(fromParquet.result.income)).toEqual(strip(fromCsv.result.income));
    expect(fromParquet.result.households.map((h) => [h.hh_id, h.village_code, h.persons, h.labour])).toEqual(fromCsv.result.households.map((h) => [h.hh_id, h.village_code, h.persons, h.labour]));
  });

  test('the CLI exits 1 with the problems and writes nothing on a bad file; PII refused then dropped', () => {
    const bad = rows.slice(0, 20).map((r, i) => (i === 3 ? r.map((v, k) => (k === 6 ? -100 : v)) : r));
    writeFileSync(join(dir, 'bad.csv'), toCsvText(['户主姓名', ...HEADERS], bad.map((r, i) => [`李${i}`, ...r])));
    const out = join(dir, 'out-bad');
    const res = spawnSync('npx', ['tsx', 'src/pipeline/cli/import.ts', join(dir, 'bad.csv'), '--out', out], { encoding: 'utf8' });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('nothing was written');
    expect(res.stderr).toContain('column "户主姓名"');
    expect(res.stderr).toMatch(/row 4, column "工资性收入": negative income: value "-100"/);
    expect(existsSync(out)).toBe(false);
    expect(execFileSync('ls', ['-a', dir], { encoding: 'utf8' })).not.toContain('.import-');

    const good = rows.slice(0, 40);
    writeFileSync(join(dir, 'pii.csv'), toCsvText(['户主姓名', ...HEADERS], good.map((r, i) => [`李${i}`, ...r])));
    const stdout = execFileSync('npx', ['tsx', 'src/pipeline/cli/import.ts', join(dir, 'pii.csv'), '--out', join(dir, 'out-pii'), '--drop-pii'], { encoding: 'utf8' });
    expect(stdout).toContain('"户主姓名": dropped (name, found by its header)');
    expect(stdout).toContain('random salt that is not stored');
    const manifest = JSON.parse(readFileSync(join(dir, 'out-pii', 'manifest.json'), 'utf8'));
    expect(manifest.provenance).toContain('"户主姓名" (name');
    expect(readFileSync(join(dir, 'out-pii', 'households.parquet')).includes(Buffer.from('李1'))).toBe(false);
  });

  test('a county outside the demo regions (Yunnan, 530102 五华区) gets its real outline and divisions from data/geo/china', async () => {
    const villages = loadNationalDivisions('530102').filter((d) => d.level === 5).slice(0, 3);
    const lines = ['户编号,村代码,家庭人口数,劳动力人数,年度,季度,工资性收入,生产经营性收入,财产性收入,转移性收入'];
    villages.forEach((v, i) => {
      for (const year of [2023, 2024]) lines.push(`Y${i},${v.code},3,2,${year},4,${20000 + year - 2023},1000,100,500`);
    });
    writeFileSync(join(dir, 'yunnan.csv'), lines.join('\n') + '\n');
    const run = await runImport({ files: [join(dir, 'yunnan.csv')], out: join(dir, 'out-yn'), dropPii: false, salt: 'k' });
    expect(run.written).toBe(true);
    const manifest = JSON.parse(readFileSync(join(dir, 'out-yn', 'manifest.json'), 'utf8'));
    expect(manifest.root).toEqual({ code: '530102000000', level: 3 });
    expect(manifest.provenance).toContain('data/geo/china');
    const county = JSON.parse(readFileSync(join(dir, 'out-yn', 'boundaries', 'county.geojson'), 'utf8'));
    const wuhua = county.features.find((f: { properties: { code: string } }) => f.properties.code === '530102000000');
    expect(wuhua.geometry.type).toMatch(/Polygon/);
    const villageShapes = JSON.parse(readFileSync(join(dir, 'out-yn', 'boundaries', 'village.geojson'), 'utf8'));
    for (const v of villages) expect(villageShapes.features.some((f: { properties: { code: string } }) => f.properties.code === v.code)).toBe(true);
  }, 120_000);
});

/**
 * A dataset split by county (`public/data/jiangxi-parts`: Jiangxi at scale 0.02, made by
 * `npm run data -- --partition county`), in the built app, driven like a user: the province opens
 * from the province-level files only — no household file, no township or village file is
 * fetched — with the scorecard from the pre-computed report and a notice instead of household
 * panels; drilling into a county fetches that county's files only, its households and income by
 * HTTP range requests, and the county's panels then count exactly the households of its
 * partition (checked with native DuckDB). Screenshot: test-artifacts/partitioned-county.png.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Manifest } from '../../src/domain/dataset';
import { NativeDuckDB } from '../../src/pipeline/native-duckdb';
import { chromiumForTests, launchChromium, recordPage, startStaticServer, type LaunchedBrowser, type PageRecord, type StaticServer } from './harness';

const DIST = resolve('dist');
const DATA = 'public/data/jiangxi-parts';
const ARTIFACTS = resolve('test-artifacts');
const chrome = chromiumForTests();
const ROOT = '360000000000';

describe.skipIf(!chrome)('a dataset partitioned by county (Jiangxi, scale 0.02)', () => {
  let server: StaticServer;
  let browser: LaunchedBrowser;
  let page: Page;
  let record: PageRecord;
  let manifest: Manifest;
  let county = '';

  const painted = (unit: string) => page.waitForSelector(`[data-testid="map-area"][data-painted="true"][data-painted-view="${unit}"]`, { timeout: 60_000 });
  const dataRequests = () => server.log.filter((r) => r.path.startsWith('/data/jiangxi-parts/'));

  beforeAll(async () => {
    if (!existsSync(resolve(DIST, 'data/jiangxi-parts/manifest.json'))) throw new Error('dist/ has no data/jiangxi-parts: run the demo-data step and `vite build` first');
    mkdirSync(ARTIFACTS, { recursive: true });
    manifest = JSON.parse(readFileSync(`${DATA}/manifest.json`, 'utf8')) as Manifest;
    server = await startStaticServer(DIST);
    browser = await launchChromium(chrome!, { viewport: { width: 1600, height: 900 } });
    page = await browser.context.newPage();
    record = recordPage(browser.context, page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the province opens from province-level files, with the report scorecard and a notice instead of household panels', async () => {
    expect(manifest.partitions?.by).toBe('county');
    await page.goto(`${server.origin}/?data=data/jiangxi-parts`);
    await painted(ROOT);
    await page.waitForSelector('[data-testid="engine-status"][data-state="ready"]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid="partition-notice"]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid="scorecard"][data-state="ready"]', { timeout: 60_000 });
    const paths = dataRequests().map((r) => r.path);
    expect(paths.some((p) => p.includes('/parts/'))).toBe(false);
    expect(paths.some((p) => /households|income|township|village\.geojson/.test(p))).toBe(false);
    // The scorecard shows the report's rows for the province (the generator's evaluatePlan).
    const report = JSON.parse(readFileSync(`${DATA}/${manifest.reports!['jiangxi-2023']}`, 'utf8')) as { regionCode: string; year: number; targetId: string; status: string }[];
    const shownYear = Math.max(...report.map((r) => r.year).filter((y) => y < manifest.asOf.year || manifest.asOf.quarter === 4));
    const expected = report.filter((r) => r.regionCode === ROOT && r.year === shownYear);
    const rows = await page.locator('[data-testid="scorecard"] tr[data-target]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-target'), e.getAttribute('data-status')]));
    expect(rows.length).toBe(expected.length);
    expect(new Map(rows as [string, string][])).toEqual(new Map(expected.map((r) => [r.targetId, r.status])));
  });

  test('drilling into a county fetches its files only, households and income by range requests', async () => {
    const rows = await page.locator('[data-testid="ranking-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    county = rows.find((c) => c && /^36\d{4}000000$/.test(c))!;
    expect(county).toBeTruthy();
    server.log.length = 0;
    await page.locator(`[data-testid="ranking-row"][data-code="${county}"]`).click();
    await painted(county);
    await page.waitForSelector('[data-testid="histogram-panel"][data-state="ready"]', { timeout: 120_000 });
    const six = county.slice(0, 6);
    const parts = dataRequests().filter((r) => r.path.includes('/parts/'));
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.every((r) => r.path.includes(`/parts/${six}/`))).toBe(true);
    const household = parts.filter((r) => /\/(households|income)\.parquet$/.test(r.path.split('?')[0]!));
    expect(household.filter((r) => r.method === 'GET').length).toBeGreaterThan(0);
    // DuckDB-WASM reads the partitions by HTTP range requests (206), not whole-file downloads.
    for (const r of household.filter((x) => x.method === 'GET')) {
      expect(r.range).not.toBeNull();
      expect(r.status).toBe(206);
    }
    expect(await page.locator('[data-testid="partition-notice"]').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/partitioned-county.png` });
  });

  test('the county’s panels count exactly the households of its partition', async () => {
    const db = await NativeDuckDB.open();
    try {
      const files = manifest.partitions!.counties[county]!;
      const [{ n }] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM read_parquet('${DATA}/${files.households}') h
        JOIN read_parquet('${DATA}/${files.income}') i USING (hh_id) WHERE i.year = 2024 AND i.quarter = 4`);
      const bins = (await page.locator('[data-testid="histogram-chart"] rect.bin').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-households')))));
      expect(bins.length).toBeGreaterThan(5);
      expect(bins.reduce((a, b) => a + b, 0)).toBe(Number(n));
    } finally {
      await db.close();
    }
    expect(record.foreign(server.origin)).toEqual([]);
    expect(record.errors).toEqual([]);
  });
});

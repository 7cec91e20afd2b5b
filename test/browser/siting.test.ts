/**
 * The siting view in the built app (issue 12), Ningxia demo, root, 2024: a candidate found by
 * village name and one placed by clicking the map; the catchment numbers against an independent
 * native-DuckDB computation (haversine in SQL); greedy and exact suggestions against `npm run site`
 * (the command and the page must agree); exports parsed back; the view kept in the URL; no request
 * to another host. Screenshots: test-artifacts/siting-*.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runSite } from '../../src/pipeline/cli/site';
import { NativeDuckDB } from '../../src/pipeline/native-duckdb';
import type { SitingResult } from '../../src/siting/suggest';
import { chromiumForTests, launchChromium, recordPage, startStaticServer, type LaunchedBrowser, type PageRecord, type StaticServer } from './harness';

const DIST = resolve('dist');
const DATA = 'public/data/ningxia';
const ARTIFACTS = resolve('test-artifacts');
const chrome = chromiumForTests();
const R = 6371.0088;
const RADIUS = 5;

const dist = (lon1: string, lat1: string, lon2: string, lat2: string) =>
  `2 * ${R} * asin(sqrt(pow(sin(radians(${lat2} - ${lat1}) / 2), 2) + cos(radians(${lat1})) * cos(radians(${lat2})) * pow(sin(radians(${lon2} - ${lon1}) / 2), 2)))`;

interface Expected {
  households: number;
  persons: number;
  lowIncome: number;
  newHouseholds: number;
}

/** Households, persons and low-income households with labour within RADIUS km of (lon, lat), and the part no industry base reaches. */
async function catchment(db: NativeDuckDB, lon: number, lat: number): Promise<Expected> {
  const rows = await db.query<{ hh: number; persons: number; low: number; fresh: number }>(`
    WITH v AS (SELECT code, lon, lat FROM regions WHERE level = 5 AND ${dist(String(lon), String(lat), 'lon', 'lat')} <= ${RADIUS}),
    covered AS (SELECT DISTINCT v.code FROM v, facilities f WHERE f.kind = 'industry_base' AND ${dist('v.lon', 'v.lat', 'f.lon', 'f.lat')} <= ${RADIUS}),
    c AS (SELECT hh_id, wage + operating + property + transfer AS net FROM income WHERE year = 2024 AND quarter = 4),
    p AS (SELECT hh_id, wage + operating + property + transfer AS net FROM income WHERE year = 2023 AND quarter = 4)
    SELECT count(*)::DOUBLE AS hh, sum(h.persons)::DOUBLE AS persons,
      count(*) FILTER (WHERE h.labour > 0 AND c.net / h.persons < 12000 AND c.net <= p.net)::DOUBLE AS low,
      count(*) FILTER (WHERE h.village_code NOT IN (SELECT code FROM covered))::DOUBLE AS fresh
    FROM households h JOIN v ON v.code = h.village_code LEFT JOIN c ON c.hh_id = h.hh_id LEFT JOIN p ON p.hh_id = h.hh_id`);
  const r = rows[0];
  return { households: Number(r.hh), persons: Number(r.persons), lowIncome: Number(r.low), newHouseholds: Number(r.fresh) };
}

describe.skipIf(!chrome)('siting view: catchments, suggestions and exports', () => {
  let server: StaticServer;
  let browser: LaunchedBrowser;
  let page: Page;
  let record: PageRecord;
  let db: NativeDuckDB;
  let village: { code: string; name: string; lon: number; lat: number };
  let cliGreedy: SitingResult;
  let cliExact: SitingResult;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    db = await NativeDuckDB.open();
    for (const t of ['households', 'income', 'regions', 'facilities']) await db.registerParquet(t, `${DATA}/${t}.parquet`);
    // A village whose name is unique in the dataset, to find by name.
    village = (await db.query<typeof village>(`SELECT code, name, lon, lat FROM regions WHERE level = 5 AND name IN
      (SELECT name FROM regions WHERE level = 5 GROUP BY name HAVING count(*) = 1) AND code LIKE '640522%' ORDER BY code LIMIT 1`))[0];
    cliGreedy = await runSite({ data: DATA, kind: 'industry_base', radiusKm: RADIUS, k: 10, population: 'low_income_labour', method: 'greedy' });
    cliExact = await runSite({ data: DATA, kind: 'industry_base', radiusKm: RADIUS, k: 10, population: 'low_income_labour', method: 'exact' });
    server = await startStaticServer(DIST);
    browser = await launchChromium(chrome!, { viewport: { width: 1600, height: 900 } });
    page = await browser.context.newPage();
    record = recordPage(browser.context, page);
    await page.goto(`${server.origin}/`);
    await page.waitForSelector('[data-testid="map-area"][data-painted="true"]', { timeout: 90_000 });
  }, 400_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  test('opening the view suggests sites at once, as the command does', async () => {
    await page.locator('[data-testid="siting-open"]').click();
    await page.waitForSelector('[data-testid="siting-result"][data-method="greedy"]', { timeout: 240_000 });
    expect(page.url()).toContain('site=kind:industry_base;r:5;k:10;pop:low_income_labour;m:greedy');
    const covered = Number(await page.locator('[data-testid="siting-result"]').getAttribute('data-covered'));
    expect(covered).toBe(cliGreedy.covered);
    const codes = await page.locator('[data-testid="siting-sites"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
    expect(codes).toEqual(cliGreedy.sites.map((s) => s.villageCode));
    // The coverage curve draws one dot per k.
    expect(await page.locator('[data-testid="siting-curve"] circle').count()).toBe(10);
  }, 300_000);

  test('a village found by name: its catchment equals an independent DuckDB query', async () => {
    await page.locator('[data-testid="siting-search"]').fill(village.name);
    await page.locator('[data-testid="siting-matches"] button', { hasText: village.name }).first().click();
    await page.waitForSelector('[data-testid="siting-col-c0"]');
    const expected = await catchment(db, village.lon, village.lat);
    const cells = page.locator('[data-testid="siting-catchments"] tbody tr');
    const within = async (row: number) => Number(await cells.nth(row).locator('td').first().getAttribute('data-within'));
    const marginal = async (row: number) => Number(await cells.nth(row).locator('td').first().getAttribute('data-marginal'));
    // Rows: villages, households, persons, labour, relocated, monitored, then the four populations.
    expect(await within(1)).toBe(expected.households);
    expect(await within(2)).toBe(expected.persons);
    expect(await within(6)).toBe(expected.lowIncome);
    expect(await marginal(1)).toBe(expected.newHouseholds);
    expect(page.url()).toContain(`c:${village.code}`);
  }, 120_000);

  test('a candidate placed by clicking the map, and the radius dragged: numbers follow', async () => {
    await page.locator('[data-testid="siting-place"]').click();
    const box = (await page.locator('.map-canvas canvas').first().boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.5);
    await page.waitForSelector('[data-testid="siting-col-c1"]');
    const m = /c:[^;&]*,(\d+\.?\d*)_(\d+\.?\d*)/.exec(decodeURIComponent(page.url()));
    expect(m).not.toBeNull();
    const [lon, lat] = [Number(m![1]), Number(m![2])];
    const expected = await catchment(db, lon, lat);
    const col1 = page.locator('[data-testid="siting-catchments"] tbody tr').nth(1).locator('td').nth(1);
    expect(Number(await col1.getAttribute('data-within'))).toBe(expected.households);
    await page.screenshot({ path: `${ARTIFACTS}/siting-candidates.png` });
    // A wider radius reaches at least as many households.
    await page.locator('[data-testid="siting-radius"]').fill('12');
    await page.waitForFunction(() => location.search.includes('r:12'));
    expect(Number(await col1.getAttribute('data-within'))).toBeGreaterThanOrEqual(expected.households);
    await page.locator('[data-testid="siting-radius"]').fill(String(RADIUS));
    await page.waitForFunction((r) => location.search.includes(`r:${r};`), RADIUS);
  }, 120_000);

  test('exact: HiGHS in a worker proves the optimum the command finds', async () => {
    await page.locator('[data-testid="siting-exact"]').click();
    await page.waitForSelector('[data-testid="siting-result"][data-method="exact"]', { timeout: 240_000 });
    const result = page.locator('[data-testid="siting-result"]');
    expect(await result.getAttribute('data-optimal')).toBe(String(cliExact.optimal));
    expect(Number(await result.getAttribute('data-covered'))).toBe(cliExact.covered);
    expect(Number(await result.getAttribute('data-covered'))).toBeGreaterThanOrEqual(cliGreedy.covered);
    expect(await page.locator('[data-testid="siting-curve-exact"]').count()).toBe(1);
    expect(page.url()).toContain('m:exact');
    await page.locator('[data-testid="siting-panel"]').evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: `${ARTIFACTS}/siting-exact.png` });
  }, 300_000);

  test('exports parse back to the sites on screen', async () => {
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="siting-export-csv"]').click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n').map((l) => l.split(','));
    expect(lines[0].slice(0, 6)).toEqual(['rank', 'villageCode', 'name', 'lon', 'lat', 'gain']);
    expect(lines.slice(1).map((l) => l[1])).toEqual(cliExact.sites.map((s) => s.villageCode));
    expect(lines.slice(1).reduce((a, l) => a + Number(l[5]), 0)).toBe(cliExact.covered);
    const [geo] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="siting-export-geojson"]').click()]);
    const g = JSON.parse(readFileSync((await geo.path())!, 'utf8'));
    expect(g.type).toBe('FeatureCollection');
    expect(g.features.map((f: { properties: { villageCode: string } }) => f.properties.villageCode)).toEqual(cliExact.sites.map((s) => s.villageCode));
    expect(g.siting.covered).toBe(cliExact.covered);
  }, 120_000);

  test('the view comes back from its URL, in English, and nothing was asked of another host', async () => {
    const url = page.url();
    await page.goto(`${url}&lang=en`);
    await page.waitForSelector('[data-testid="siting-result"][data-method="exact"]', { timeout: 240_000 });
    expect(await page.locator('[data-testid="siting-col-c0"]').count()).toBe(1);
    expect(await page.locator('[data-testid="siting-col-c1"]').count()).toBe(1);
    expect(await page.locator('#siting-heading').textContent()).toBe('Site selection');
    await page.locator('[data-testid="siting-panel"]').evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: `${ARTIFACTS}/siting-en.png` });
    expect(record.foreign(server.origin)).toEqual([]);
    expect(record.errors).toEqual([]);
  }, 300_000);
});

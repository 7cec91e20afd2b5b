/**
 * Drill-down in the built dashboard, driven like a user: Ningxia → 西吉县 by clicking its polygon
 * → a township from the ranking list → a village by keyboard (Enter on the focused row) → the
 * household view; back returns to the township's villages and a fresh page restores the URL's
 * view. At each level the breadcrumb, the map's real pixels and the KPI figure (computed in Node
 * with native DuckDB from the parquet files) are checked. Screenshots: test-artifacts/drill-*.png.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BoundaryCollection } from '../../src/data/dataset-client';
import { BASE_COLORS } from '../../src/map/base-style';
import { labelPosition } from '../../src/map/labels/label-points';
import { loadPlanFile, runReport } from '../../src/pipeline/cli/report';
import { NativeDuckDB } from '../../src/pipeline/native-duckdb';
import { chromiumForTests, launchChromium, recordPage, startStaticServer, type LaunchedBrowser, type PageRecord, type StaticServer } from './harness';
import { colourPixelsOnMap, hexRgb, legendColoursOnMap } from './map-pixels';
import { absentDemoRegions, errorsBesidesAbsentRegions } from './region-probe';

const DIST = resolve('dist');
const DATA = 'public/data/ningxia';
const ARTIFACTS = resolve('test-artifacts');
const chrome = chromiumForTests();
const XIJI = '640422000000';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * 2024 (full year) per-capita net income of the 脱贫人口 (category tuopin: the Ningxia plan's
 * population, which the KPI strip shows by default) inside `code`, from the parquet files.
 */
async function perCapitaOf(db: NativeDuckDB, code: string, digits: number): Promise<number> {
  if (!/^\d{12}$/.test(code)) throw new Error(code);
  const [r] = await db.query<{ pc: number }>(`SELECT sum(i.wage + i.operating + i.property + i.transfer) / sum(h.persons) AS pc
    FROM income i JOIN households h USING (hh_id)
    WHERE i.year = 2024 AND i.quarter = 4 AND h.category = 'tuopin' AND substr(h.village_code, 1, ${digits}) = '${code.slice(0, digits)}'`);
  return r.pc;
}

/** Web Mercator position of [lon, lat] in the map container, from its published centre and zoom. */
async function screenPoint(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  const canvas = page.locator('[data-testid="map-area"] .map-canvas');
  const [center, zoom, box] = await Promise.all([canvas.getAttribute('data-center'), canvas.getAttribute('data-zoom'), canvas.boundingBox()]);
  const [clng, clat] = center!.split(',').map(Number);
  const world = 512 * 2 ** Number(zoom);
  const mx = (lng: number) => ((lng + 180) / 360) * world;
  const my = (lat: number) => ((180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) * world) / 360;
  return { x: box!.x + box!.width / 2 + mx(lngLat[0]) - mx(clng), y: box!.y + box!.height / 2 + my(lngLat[1]) - my(clat) };
}

describe.skipIf(!chrome)('drill-down Ningxia → 西吉县 → township → village → households', () => {
  let server: StaticServer;
  let browser: LaunchedBrowser;
  let page: Page;
  let record: PageRecord;
  let db: NativeDuckDB;
  let township = '';
  let village = '';
  let townshipName = '';
  let townshipUrl = '';

  async function painted(p: Page, unit: string): Promise<void> {
    await p.waitForSelector(`[data-testid="map-area"][data-painted="true"][data-painted-view="${unit}"]`, { timeout: 60_000 });
    await p.evaluate(() => document.fonts.ready);
    await p.waitForTimeout(400);
  }

  const crumbs = (p: Page) => p.locator('[data-testid="breadcrumb"] li').allTextContents();
  const kpi = (p: Page) => p.locator('[data-testid="kpi-per-capita"] .kpi-value').textContent();
  const mapLevel = (p: Page) => p.locator('[data-testid="map-area"]').getAttribute('data-level');

  beforeAll(async () => {
    if (!existsSync(resolve(DIST, 'data/ningxia/manifest.json'))) throw new Error('dist/ is missing or has no demo data: run `vite build` first');
    mkdirSync(ARTIFACTS, { recursive: true });
    db = await NativeDuckDB.open();
    await db.registerParquet('households', `${DATA}/households.parquet`);
    await db.registerParquet('income', `${DATA}/income.parquet`);
    server = await startStaticServer(DIST);
    browser = await launchChromium(chrome!, { viewport: { width: 1600, height: 900 } });
    page = await browser.context.newPage();
    record = recordPage(browser.context, page);
    await page.goto(`${server.origin}/`);
    await painted(page, '640000000000');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  test('starts at the region: counties on the map, breadcrumb of one', async () => {
    await page.screenshot({ path: `${ARTIFACTS}/drill-1-region.png` });
    expect(await crumbs(page)).toEqual(['宁夏回族自治区']);
    expect(await mapLevel(page)).toBe('3');
    expect((await legendColoursOnMap(page)).length).toBeGreaterThanOrEqual(5);
    expect(await kpi(page)).toBe(fmt(await perCapitaOf(db, '640000000000', 2)));
  });

  test('clicking 西吉县 on the map drills into its townships', async () => {
    const counties = JSON.parse(readFileSync(`${DATA}/boundaries/county.geojson`, 'utf8')) as BoundaryCollection;
    const xiji = counties.features.find((f) => f.properties.code === XIJI)!;
    const { x, y } = await screenPoint(page, labelPosition(xiji));
    // The point is on the map itself, not under a panel.
    expect(await page.evaluate(([px, py]) => document.elementFromPoint(px, py)?.tagName, [x, y])).toBe('CANVAS');
    await page.mouse.click(x, y);
    await painted(page, XIJI);
    expect(page.url()).toContain(`region=${XIJI}`);
    await page.screenshot({ path: `${ARTIFACTS}/drill-2-county.png` });
    expect(await crumbs(page)).toEqual(['宁夏回族自治区', '固原市', '西吉县']);
    expect(await mapLevel(page)).toBe('4');
    expect((await legendColoursOnMap(page)).length).toBeGreaterThanOrEqual(3);
    // The neighbouring counties are drawn as grey context around 西吉县's townships (the context
    // layers are hidden at the region's root, where the counties themselves are the choropleth).
    const [contextPixels] = await colourPixelsOnMap(page, [hexRgb(BASE_COLORS.regionFill)]);
    expect(contextPixels).toBeGreaterThan(5_000);
    expect(await kpi(page)).toBe(fmt(await perCapitaOf(db, XIJI, 6)));
    const rows = page.locator('[data-testid="ranking-row"]');
    expect(await rows.count()).toBeGreaterThanOrEqual(3);
    for (const code of await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))) expect(code).toMatch(/^640422\d{3}000$/);
  });

  test('the scorecard of 西吉县 equals npm run report for the same region and year', async () => {
    await page.waitForSelector('[data-testid="scorecard"][data-state="ready"]', { timeout: 120_000 });
    await page.locator('[data-testid="scorecard"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/drill-2b-scorecard.png` });
    // A county's scorecard comes from the dataset's report evaluated ahead (manifest.reports).
    expect(await page.locator('[data-testid="scorecard"]').getAttribute('data-source')).toBe('report');
    await expectScorecardEqualsReport(page, XIJI);
    // Panels name the unit, never its code, even before the engine has the region names.
    const trend = (await page.locator('[data-testid="trend-panel"]').textContent()) ?? '';
    expect(trend).toContain('西吉县');
    expect(trend).not.toContain(XIJI);
  }, 180_000);

  test('clicking a row of the ranking list drills into that township', async () => {
    const row = page.locator('[data-testid="ranking-row"]').first();
    township = (await row.getAttribute('data-code'))!;
    const name = (await row.locator('th').textContent())!;
    townshipName = name;
    await row.click();
    await painted(page, township);
    townshipUrl = page.url();
    expect(townshipUrl).toContain(`region=${township}`);
    await page.screenshot({ path: `${ARTIFACTS}/drill-3-township.png` });
    expect(await crumbs(page)).toEqual(['宁夏回族自治区', '固原市', '西吉县', name]);
    expect(await mapLevel(page)).toBe('5');
    expect((await legendColoursOnMap(page)).length).toBeGreaterThanOrEqual(3);
    expect(await kpi(page)).toBe(fmt(await perCapitaOf(db, township, 9)));
    // Below county level the report holds nothing: the engine evaluates the plan, with the same result.
    await page.waitForSelector('[data-testid="scorecard"][data-state="ready"][data-source="engine"]', { timeout: 120_000 });
    await expectScorecardEqualsReport(page, township);
  }, 180_000);

  test('Enter on a focused row opens the village: outline among its siblings and the household view', async () => {
    const row = page.locator('[data-testid="ranking-row"]').nth(1);
    village = (await row.getAttribute('data-code'))!;
    const name = (await row.locator('th').textContent())!;
    await row.focus();
    await page.keyboard.press('Enter');
    await painted(page, village);
    expect(page.url()).toContain(`region=${village}`);
    await page.screenshot({ path: `${ARTIFACTS}/drill-4-village.png` });
    expect(await crumbs(page)).toEqual(['宁夏回族自治区', '固原市', '西吉县', townshipName, name]);
    expect(await mapLevel(page)).toBe('5');
    expect((await legendColoursOnMap(page)).length).toBeGreaterThanOrEqual(3);
    expect(await kpi(page)).toBe(fmt(await perCapitaOf(db, village, 12)));
    const slot = page.locator('[data-testid="side-panels"] [data-testid="household-slot"]');
    expect(await slot.getAttribute('data-code')).toBe(village);
    expect(await page.locator('[data-testid="ranking-row"][aria-current="true"]').getAttribute('data-code')).toBe(village);
    // The village's anonymised households of the population on screen (脱贫人口), as many as the parquet holds.
    const table = page.locator('[data-testid="side-panels"] [data-testid="household-table"]');
    await page.waitForSelector('[data-testid="household-table"][data-state="ready"]', { timeout: 120_000 });
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM households h JOIN income i USING (hh_id)
      WHERE h.village_code = '${village}' AND i.year = 2024 AND i.quarter = 4 AND h.category = 'tuopin'`);
    expect(n).toBeGreaterThan(0);
    expect(await table.locator('[data-testid="household-pager"]').getAttribute('data-total')).toBe(String(n));
    expect(await table.locator('tbody tr').count()).toBe(Math.min(n, 50));
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/drill-4b-households.png` });
  }, 180_000);

  test('back returns to the villages of the township', async () => {
    await page.goBack();
    await painted(page, township);
    expect(page.url()).toBe(townshipUrl);
    await page.screenshot({ path: `${ARTIFACTS}/drill-5-back.png` });
    expect(await crumbs(page)).toEqual(['宁夏回族自治区', '固原市', '西吉县', townshipName]);
    expect(await page.locator('[data-testid="household-slot"]').count()).toBe(0);
    const codes = await page.locator('[data-testid="ranking-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    expect(codes).toContain(village);
    for (const code of codes) expect(code!.slice(0, 9)).toBe(township.slice(0, 9));
  });

  test('a fresh page at the same URL shows the same view', async () => {
    const fresh = await browser.context.newPage();
    const freshRecord = recordPage(browser.context, fresh);
    await fresh.goto(townshipUrl);
    await painted(fresh, township);
    await fresh.screenshot({ path: `${ARTIFACTS}/drill-6-reload.png` });
    expect(await crumbs(fresh)).toEqual(await crumbs(page));
    expect(await kpi(fresh)).toBe(await kpi(page));
    expect((await legendColoursOnMap(fresh)).length).toBeGreaterThanOrEqual(3);
    expect(errorsBesidesAbsentRegions(freshRecord.errors, DIST)).toEqual([]);
    await fresh.close();
  });

  test('the status map colours the twelve "growth" counties by their target status, as npm run report finds it', async () => {
    const fresh = await browser.context.newPage();
    await fresh.goto(`${server.origin}/?year=2024&metric=status&target=growth-above-regional`);
    await fresh.waitForFunction(() => {
      const legend = document.querySelector('[data-testid="legend"]');
      return !!legend && /已完成|未完成/.test(legend.textContent ?? '');
    }, undefined, { timeout: 120_000 });
    await fresh.evaluate(() => document.fonts.ready);
    await fresh.waitForTimeout(500);
    await fresh.screenshot({ path: `${ARTIFACTS}/drill-status-map.png` });
    expect(await fresh.locator('[data-testid="map-target"]').inputValue()).toBe('growth-above-regional');
    const report = await runReport({ data: DATA, plan: loadPlanFile('ningxia-2024'), level: 3, year: 2024 });
    const growth = report.filter((r) => r.targetId === 'growth-above-regional');
    expect(growth).toHaveLength(12);
    const legend = (await fresh.locator('[data-testid="legend"]').textContent()) ?? '';
    const met = growth.filter((r) => r.status === 'met').length;
    const missed = growth.filter((r) => r.status === 'missed').length;
    expect(met + missed).toBe(12);
    // The legend counts units per status; the ten counties the target does not bind are "no data".
    if (met) expect(legend).toContain(`已完成${met}个`);
    if (missed) expect(legend).toContain(`未完成${missed}个`);
    expect(legend).toContain('无数据或目标不适用10个');
    expect((await legendColoursOnMap(fresh)).length).toBe((met ? 1 : 0) + (missed ? 1 : 0));
    // The ranking lists the units by gap to the target, the largest shortfall first.
    const worst = [...growth].sort((a, b) => a.gap! - b.gap!)[0];
    expect(await fresh.locator('[data-testid="ranking-row"]').first().getAttribute('data-code')).toBe(worst.regionCode);
    await fresh.close();
  }, 180_000);

  test('a region code that is not in the dataset says so and shows its nearest existing ancestor, URL corrected', async () => {
    const fresh = await browser.context.newPage();
    await fresh.goto(`${server.origin}/?region=640499000000`);
    // No county 640499 in Ningxia: its city, 固原市 (640400), is shown instead (issue 15 item 5).
    await painted(fresh, '640400000000');
    const notice = fresh.locator('[data-testid="url-notice"][data-kind="no-unit"]');
    expect(await notice.textContent()).toContain('本数据集中没有这个地区：640499000000。现显示固原市。');
    expect(new URL(fresh.url()).search).toBe('?region=640400000000');
    expect(await fresh.locator('[data-testid="unit-error"]').count()).toBe(0);
    await fresh.close();
  }, 120_000);

  test('a cross-filter in the URL recomputes the unit’s figures in the engine and says so', async () => {
    const fresh = await browser.context.newPage();
    await fresh.goto(`${server.origin}/?region=${XIJI}&filter=cat:tuopin;reloc:1`);
    await fresh.waitForSelector('[data-testid="filter-status"][data-state="ready"]', { timeout: 120_000 });
    await painted(fresh, XIJI);
    expect(await fresh.locator('[data-testid="kpi-strip"]').getAttribute('data-state')).toBe('filtered');
    const [r] = await db.query<{ pc: number; n: number }>(`SELECT sum(i.wage + i.operating + i.property + i.transfer) / sum(h.persons) AS pc, count(*) AS n
      FROM income i JOIN households h USING (hh_id)
      WHERE i.year = 2024 AND i.quarter = 4 AND substr(h.village_code, 1, 6) = '640422' AND h.category = 'tuopin' AND h.relocated`);
    expect(await kpi(fresh)).toBe(fmt(r.pc));
    expect(await fresh.locator('[data-testid="kpi-households"] .kpi-value').textContent()).toBe(fmt(r.n));
    await fresh.screenshot({ path: `${ARTIFACTS}/drill-7-filtered.png` });
    expect((await legendColoursOnMap(fresh)).length).toBeGreaterThanOrEqual(3);
    // Clearing the filter goes back to the pre-aggregates.
    await fresh.locator('[data-testid="filter-status"] button').click();
    await fresh.waitForSelector('[data-testid="filter-status"]', { state: 'detached' });
    expect(fresh.url()).not.toContain('filter=');
    expect(await kpi(fresh)).toBe(fmt(await perCapitaOf(db, XIJI, 6)));
    await fresh.close();
  });

  test('the year slider plays through the years to the last, replacing the URL rather than pushing', async () => {
    const slider = page.locator('[data-testid="year-slider"]');
    await slider.focus();
    await page.keyboard.press('Home');
    await page.waitForFunction(() => location.search.includes('year=2020'));
    const before = await page.evaluate(() => history.length);
    await page.locator('[data-testid="year-play"]').click();
    expect(await page.locator('[data-testid="year-play"]').getAttribute('aria-pressed')).toBe('true');
    // Polled on a timer, not on animation frames: each year is in the URL for 1.2 s only, and on a
    // loaded machine frames came too seldom to see 2022 (the playback itself was on time).
    await page.waitForFunction(() => location.search.includes('year=2022'), undefined, { timeout: 10_000, polling: 100 });
    await page.waitForFunction(() => location.search.includes('year=2025'), undefined, { timeout: 15_000, polling: 100 });
    await page.waitForSelector('[data-testid="year-play"][aria-pressed="false"]', { timeout: 5_000 });
    expect(await page.evaluate(() => history.length)).toBe(before);
    expect(await page.locator('[data-testid="year-value"]').textContent()).toBe('2025年前三季度');
    expect(await page.locator('[data-testid="kpi-strip"]').textContent()).toContain('年初至今');
  });

  test('the region switcher lists the five demo regions, enabling only those generated', async () => {
    const options = page.locator('[data-testid="region-switcher"] option');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="region-switcher"] option[disabled]').length > 0 || document.querySelectorAll('[data-testid="region-switcher"] option').length === 5);
    expect(await options.evaluateAll((els) => els.map((e) => e.getAttribute('data-region')))).toEqual(['ningxia', 'jiangxi', 'daxiang', 'jiyuan', 'beizhang']);
    const disabled = await options.evaluateAll((els) => els.filter((e) => (e as HTMLOptionElement).disabled).map((e) => e.getAttribute('data-region')));
    expect(disabled).toEqual(absentDemoRegions(DIST));
    for (const id of disabled) expect(await page.locator(`[data-testid="region-switcher"] option[data-region="${id}"]`).textContent()).toContain(`npm run data -- --region ${id}`);
  });

  test('below 900 px the side column goes under the map', async () => {
    const narrow = await browser.context.newPage();
    await narrow.setViewportSize({ width: 760, height: 1000 });
    await narrow.goto(`${server.origin}/?region=${XIJI}`);
    await painted(narrow, XIJI);
    const map = (await narrow.locator('[data-testid="map-area"]').boundingBox())!;
    const side = (await narrow.locator('[data-testid="side-panels"]').boundingBox())!;
    expect(side.y).toBeGreaterThanOrEqual(map.y + map.height);
    expect(map.width).toBeGreaterThan(700);
    await narrow.screenshot({ path: `${ARTIFACTS}/drill-8-narrow.png`, fullPage: true });
    expect((await legendColoursOnMap(narrow)).length).toBeGreaterThanOrEqual(3);
    await narrow.close();
  });

  test('breadcrumb climbs back to the region; no foreign request, no console error', async () => {
    await page.locator('[data-testid="breadcrumb"] button', { hasText: '宁夏回族自治区' }).click();
    await painted(page, '640000000000');
    expect(page.url()).not.toContain('region=');
    expect(record.foreign(server.origin)).toEqual([]);
    // Only the switcher's 404s for demo regions not generated here are expected (region-probe.ts).
    expect(errorsBesidesAbsentRegions(record.errors, DIST)).toEqual([]);
  });
});

/** The scorecard on screen equals `npm run report` for `code` in 2024, the year the view shows. */
async function expectScorecardEqualsReport(page: Page, code: string): Promise<void> {
  const shown = await page.locator('[data-testid="scorecard"] tr[data-target]').evaluateAll((trs) =>
    trs.map((tr) => ({
      targetId: tr.getAttribute('data-target'),
      status: tr.getAttribute('data-status'),
      actual: tr.querySelectorAll('td')[0].getAttribute('data-value'),
      target: tr.querySelectorAll('td')[1].getAttribute('data-value'),
    })));
  const report = await runReport({ data: DATA, plan: loadPlanFile('ningxia-2024'), codes: [code], year: 2024 });
  expect(report.length).toBeGreaterThan(0);
  expect(shown.map((r) => r.targetId)).toEqual(report.map((r) => r.targetId));
  for (const [i, r] of report.entries()) {
    expect(shown[i].status).toBe(r.status);
    if (r.actual === null) expect(shown[i].actual ?? '').toBe('');
    else expect(Number(shown[i].actual)).toBeCloseTo(r.actual, 6);
    if (r.target === null) expect(shown[i].target ?? '').toBe('');
    else expect(Number(shown[i].target)).toBeCloseTo(r.target, 6);
  }
}

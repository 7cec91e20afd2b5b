/**
 * The built dashboard in headless Chromium, driven like a user: the Ningxia demo's first screen
 * paints a county choropleth with the region's figures, the engine starts in the browser and
 * finds the pre-aggregates equal to the household records, and nothing is requested from any
 * host but the app's own. Screenshots go to test-artifacts/ (look at them).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NativeDuckDB } from '../../src/pipeline/native-duckdb';
import { legendColoursOnMap } from './map-pixels';
import { errorsBesidesAbsentRegions } from './region-probe';
import { chromiumForTests, launchChromium, recordPage, startStaticServer, type LaunchedBrowser, type PageRecord, type StaticServer } from './harness';

const DIST = resolve('dist');
const ARTIFACTS = resolve('test-artifacts');
const chrome = chromiumForTests();

/**
 * The region's figures for 2024 (full year), computed independently from the parquet files, for
 * one population: 脱贫人口 (category tuopin, the Ningxia plan's and so the default) or all.
 */
interface Expected {
  perCapita: number;
  growth: number;
  households: number;
  persons: number;
  monitored: number;
  /** Relocated households and their per-capita income (the `reloc:1` cross-filter). */
  relocated: number;
  relocatedPerCapita: number;
}

async function expectedFigures(population: 'tuopin' | 'all'): Promise<Expected> {
  const db = await NativeDuckDB.open();
  try {
    await db.registerParquet('households', 'public/data/ningxia/households.parquet');
    await db.registerParquet('income', 'public/data/ningxia/income.parquet');
    const [r] = await db.query<{ pc24: number; pc23: number; households: number; persons: number; monitored: number; relocated: number; rpc: number }>(`SELECT
      sum(i.wage + i.operating + i.property + i.transfer) FILTER (WHERE i.year = 2024) / sum(h.persons) FILTER (WHERE i.year = 2024) AS pc24,
      sum(i.wage + i.operating + i.property + i.transfer) FILTER (WHERE i.year = 2023) / sum(h.persons) FILTER (WHERE i.year = 2023) AS pc23,
      count(*) FILTER (WHERE i.year = 2024) AS households,
      sum(h.persons) FILTER (WHERE i.year = 2024) AS persons,
      count(*) FILTER (WHERE i.year = 2024 AND h.category <> 'tuopin') AS monitored,
      count(*) FILTER (WHERE i.year = 2024 AND h.relocated) AS relocated,
      sum(i.wage + i.operating + i.property + i.transfer) FILTER (WHERE i.year = 2024 AND h.relocated) / sum(h.persons) FILTER (WHERE i.year = 2024 AND h.relocated) AS rpc
      FROM income i JOIN households h USING (hh_id)
      WHERE i.quarter = 4 AND ${population === 'tuopin' ? "h.category = 'tuopin'" : 'TRUE'}`);
    return { perCapita: r.pc24, growth: r.pc24 / r.pc23 - 1, households: r.households, persons: r.persons, monitored: r.monitored, relocated: r.relocated, relocatedPerCapita: r.rpc };
  } finally {
    await db.close();
  }
}

const zh = (n: number) => Math.round(n).toLocaleString('en-US');
/** A count as the Chinese KPI strip reads it: 万 (two decimals) from 100,000, else separators. */
const wan = (n: number) => (n >= 1e5 ? `${(n / 1e4).toFixed(2)}万` : zh(n));

describe.skipIf(!chrome)('dashboard first screen (Ningxia demo)', () => {
  let server: StaticServer;
  let browser: LaunchedBrowser;
  let page: Page;
  let record: PageRecord;
  let expected: Expected;
  let everyone: Expected;

  async function open(query = ''): Promise<void> {
    await page.goto(`${server.origin}/${query}`);
    await page.waitForSelector('[data-testid="map-area"][data-painted="true"]', { timeout: 60_000 });
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(500);
  }

  beforeAll(async () => {
    if (!existsSync(resolve(DIST, 'index.html'))) throw new Error('dist/ is missing: run `vite build` first (npm run test:browser does)');
    if (!existsSync(resolve(DIST, 'data/ningxia/manifest.json'))) throw new Error('dist/data/ningxia is missing: build after generating the demo data');
    mkdirSync(ARTIFACTS, { recursive: true });
    expected = await expectedFigures('tuopin');
    everyone = await expectedFigures('all');
    server = await startStaticServer(DIST);
    browser = await launchChromium(chrome!, { viewport: { width: 1600, height: 900 } });
    page = await browser.context.newPage();
    record = recordPage(browser.context, page);
    await open();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('paints the county choropleth with at least five distinct fill colours inside Ningxia', async () => {
    await page.screenshot({ path: `${ARTIFACTS}/app-zh-income.png` });
    const present = await legendColoursOnMap(page);
    expect(present.length).toBeGreaterThanOrEqual(5);
  });

  test('shows the region’s 2024 figures of the plan’s population, 脱贫人口, as computed from the household records', async () => {
    const text = (id: string) => page.locator(`[data-testid="kpi-${id}"] .kpi-value`).textContent();
    expect(await page.locator('[data-testid="population-select"]').inputValue()).toBe('tuopin');
    expect(await page.locator('[data-testid="kpi-per-capita"] dt').textContent()).toBe('脱贫人口人均纯收入');
    expect(await text('per-capita')).toBe(zh(expected.perCapita));
    expect(await text('households')).toBe(wan(expected.households));
    expect(await text('persons')).toBe(wan(expected.persons));
    expect(await text('relocated')).toBe(wan(expected.relocated));
    expect(await text('growth')).toBe(`+${(expected.growth * 100).toFixed(1)}%`);
    expect(await page.locator('[data-testid="legend"] h2').textContent()).toContain('脱贫人口');
  });

  test('shows all households on choosing that population, with the monitoring objects’ count', async () => {
    await page.locator('[data-testid="population-select"]').selectOption('all');
    await page.waitForFunction(() => location.search.includes('pop=all'));
    const text = (id: string) => page.locator(`[data-testid="kpi-${id}"] .kpi-value`).textContent();
    await page.waitForFunction((v) => document.querySelector('[data-testid="kpi-per-capita"] .kpi-value')?.textContent === v, zh(everyone.perCapita));
    expect(await text('households')).toBe(wan(everyone.households));
    expect(await text('monitored')).toBe(wan(everyone.monitored));
    expect(await text('growth')).toBe(`+${(everyone.growth * 100).toFixed(1)}%`);
    expect(everyone.households).toBeGreaterThan(expected.households);
    await page.goBack();
    await page.waitForFunction((v) => document.querySelector('[data-testid="kpi-per-capita"] .kpi-value')?.textContent === v, zh(expected.perCapita));
  });

  test('marks the data as synthetic', async () => {
    await expect(page.locator('[data-testid="synthetic-badge"]').textContent()).resolves.toContain('合成演示数据');
  });

  test('starts DuckDB-WASM in the page and finds the county pre-aggregates equal to the household records', async () => {
    const status = page.locator('[data-testid="engine-status"]');
    await page.waitForSelector('[data-testid="engine-status"][data-state="ready"], [data-testid="engine-status"][data-state="error"]', { timeout: 120_000 });
    expect(await status.getAttribute('data-state')).toBe('ready');
    expect(await status.getAttribute('data-mismatches')).toBe('0');
    expect(await status.textContent()).toContain('2,200,000');
  });

  test('a cross-filter recolours the map and the KPI strip counts only the filtered households; clearing restores both', async () => {
    const setFilter = (f: string | null) => page.evaluate((f) => {
      const url = new URL(location.href);
      if (f) url.searchParams.set('filter', f);
      else url.searchParams.delete('filter');
      history.pushState(null, '', url);
      dispatchEvent(new PopStateEvent('popstate', { state: null }));
    }, f);
    const idle = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300)))));
    const text = (id: string) => page.locator(`[data-testid="kpi-${id}"] .kpi-value`).textContent();
    // Pixels per legend colour, in legend order (zeros kept): the same colours, other counties in each class.
    const before = await legendColoursOnMap(page, 0);
    // The composition panel: from the pre-aggregates without a filter, from the engine with one.
    const composition2024 = async () => {
      await page.waitForSelector('[data-testid="composition-panel"][data-state="ready"]', { timeout: 60_000 });
      return Number(await page.locator('[data-testid="composition-table"] tr[data-year="2024"] td[data-component="net"]').getAttribute('data-value'));
    };
    expect(await composition2024()).toBeCloseTo(expected.perCapita, 6);
    await setFilter('reloc:1');
    await page.waitForSelector('[data-testid="kpi-strip"][data-state="filtered"]', { timeout: 60_000 });
    await idle();
    expect(await text('households')).toBe(wan(expected.relocated));
    expect(await text('per-capita')).toBe(zh(expected.relocatedPerCapita));
    expect(await composition2024()).toBeCloseTo(expected.relocatedPerCapita, 6);
    const filtered = await legendColoursOnMap(page, 0);
    expect(filtered.filter((n) => n >= 80).length).toBeGreaterThanOrEqual(5);
    expect(filtered).not.toEqual(before);
    await page.screenshot({ path: `${ARTIFACTS}/app-zh-filter-relocated.png` });
    await setFilter(null);
    await page.waitForSelector('[data-testid="kpi-strip"][data-state="plain"]', { timeout: 60_000 });
    await idle();
    expect(await text('households')).toBe(wan(expected.households));
    expect(await legendColoursOnMap(page, 0)).toEqual(before);
  });

  test('shows a tooltip with name, value, growth and households on hover', async () => {
    const box = (await page.locator('[data-testid="map-area"]').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.62);
    const tooltip = page.locator('[data-testid="map-tooltip"]');
    await tooltip.waitFor({ timeout: 10_000 });
    const text = (await tooltip.textContent()) ?? '';
    expect(text).toMatch(/人均纯收入/);
    expect(text).toMatch(/户/);
    await page.mouse.move(box.x + 5, box.y + 5);
  });

  test('switches to growth and to year-to-date 2025, writing the URL; back restores the previous view', async () => {
    await page.locator('[data-testid="metric-switch"] input[value="growth"]').check();
    expect(page.url()).toContain('metric=growth');
    // The year slider's last stop is 2025 (year to date); End is its keyboard shortcut.
    await page.locator('[data-testid="year-slider"]').press('End');
    expect(page.url()).toContain('year=2025');
    expect(await page.locator('[data-testid="kpi-strip"]').textContent()).toContain('年初至今');
    expect((await legendColoursOnMap(page)).length).toBeGreaterThanOrEqual(5);
    await page.screenshot({ path: `${ARTIFACTS}/app-zh-growth-2025-ytd.png` });
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('year='));
    expect(await page.locator('[data-testid="metric-switch"] input[value="growth"]').isChecked()).toBe(true);
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('metric='));
    expect(await page.locator('[data-testid="metric-switch"] input[value="income"]').isChecked()).toBe(true);
  });

  test('speaks English on the switch, with pinyin place names', async () => {
    await open('?lang=en');
    expect(await page.locator('h1').textContent()).toMatch(/Income monitoring/);
    expect(await page.locator('[data-testid="kpi-per-capita"]').textContent()).toContain(zh(expected.perCapita));
    await page.screenshot({ path: `${ARTIFACTS}/app-en-income.png` });
    const table = (await page.locator('table').first().textContent()) ?? '';
    expect(table).toContain('Xiji County');
  });

  test('shows which file failed when a dataset cannot be loaded', async () => {
    const bad = await browser.context.newPage();
    await bad.goto(`${server.origin}/?data=data/missing/`);
    const panel = bad.locator('[data-testid="load-error"]');
    await panel.waitFor({ timeout: 30_000 });
    expect(await panel.textContent()).toContain('data/missing/manifest.json');
    await bad.close();
  });

  test('when the analysis panels cannot be loaded, says so beside a working map', async () => {
    const page = await browser.context.newPage();
    await page.route('**/assets/AnalysisPanels-*.js', (route) => route.abort());
    await page.goto(`${server.origin}/`);
    const failed = page.locator('[data-testid="panels-failed"]');
    await failed.waitFor({ timeout: 60_000 });
    expect(await failed.textContent()).toContain('分析面板未能加载');
    expect(await failed.locator('button').textContent()).toBe('重新加载页面');
    // The map and the ranking are untouched.
    await page.locator('[data-testid="map-area"][data-painted="true"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="ranking-row"]').count()).toBe(22);
    await page.close();
  });

  test('makes no request to any host but its own, and logs no console error', () => {
    expect(record.requests.length).toBeGreaterThan(10);
    expect(record.foreign(server.origin)).toEqual([]);
    // Only the switcher's 404s for demo regions not generated here are expected (region-probe.ts).
    expect(errorsBesidesAbsentRegions(record.errors, DIST)).toEqual([]);
  });
});

/**
 * Figures a leader would brief from, in the built dashboard (Ningxia demo):
 *  - the KPI strip and the scorecard read one figure for the same population (脱贫人口, the plan's);
 *  - a year-to-date year (2025, as of Q3) compares like with like: the monitoring-range ledger
 *    projects year-to-date income to the year as the targets do before meeting the annual line,
 *    and says so; the histogram draws the annual lines on its bars' year-to-date basis.
 * Every expected number is computed here from the parquet files with native DuckDB, by the
 * method's definition (src/targets/projection.ts), not by the app's code.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NativeDuckDB } from '../../src/pipeline/native-duckdb';
import { chromiumForTests, launchChromium, startStaticServer, type LaunchedBrowser, type StaticServer } from './harness';
import { legendColoursOnMap } from './map-pixels';

const DIST = resolve('dist');
const ARTIFACTS = resolve('test-artifacts');
const chrome = chromiumForTests();
const TUOPIN = "h.category = 'tuopin'";

interface Truth {
  /** 脱贫人口 per-capita net income, 2024. */
  perCapita2024: number;
  /** Σ net(y, Q4) / Σ net(y, Q3) over earlier years with both: all households of the region. */
  factor: number;
  /** 脱贫人口 households below the line: 2024 (full year), 2025 projected, 2025 year to date as is. */
  ledger2024: number;
  ledger2025: number;
  ledger2025Unprojected: number;
}

async function truth(): Promise<Truth> {
  const db = await NativeDuckDB.open();
  try {
    await db.registerParquet('households', 'public/data/ningxia/households.parquet');
    await db.registerParquet('income', 'public/data/ningxia/income.parquet');
    const net = 'i.wage + i.operating + i.property + i.transfer';
    const [pc] = await db.query<{ v: number }>(`SELECT sum(${net}) / sum(h.persons) AS v FROM income i JOIN households h USING (hh_id)
      WHERE i.year = 2024 AND i.quarter = 4 AND ${TUOPIN}`);
    const [f] = await db.query<{ f: number }>(`WITH s AS (SELECT year, quarter, sum(${net}) AS net FROM income i WHERE year < 2025 GROUP BY 1, 2)
      SELECT sum(a.net) / sum(b.net) AS f FROM s a JOIN s b ON a.year = b.year AND a.quarter = 4 AND b.quarter = 3 WHERE b.net > 0`);
    const below = async (year: number, quarter: number, factor: number, line: number) =>
      (await db.query<{ n: number }>(`SELECT count(*) AS n FROM income i JOIN households h USING (hh_id)
        WHERE i.year = ${year} AND i.quarter = ${quarter} AND ${TUOPIN} AND (${net}) / h.persons * ${factor} < ${line}`))[0]!.n;
    // Monitoring lines of the demo (data/reference/reference.csv): 2024 7,500, 2025 7,800.
    return {
      perCapita2024: pc!.v,
      factor: f!.f,
      ledger2024: await below(2024, 4, 1, 7500),
      ledger2025: await below(2025, 3, f!.f, 7800),
      ledger2025Unprojected: await below(2025, 3, 1, 7800),
    };
  } finally {
    await db.close();
  }
}

describe.skipIf(!chrome)('figures a leader can trust (Ningxia demo)', () => {
  let server: StaticServer;
  let browser: LaunchedBrowser;
  let page: Page;
  let expected: Truth;

  async function open(query: string): Promise<void> {
    await page.goto(`${server.origin}/${query}`);
    await page.waitForSelector('[data-testid="map-area"][data-painted="true"]', { timeout: 60_000 });
  }
  const ledgerSize = async () => {
    await page.waitForSelector('[data-testid="ledgers-panel"][data-state="ready"] [data-testid="ledger-summary"]', { timeout: 150_000 });
    return Number(await page.locator('[data-testid="ledger-summary"]').getAttribute('data-size'));
  };

  beforeAll(async () => {
    if (!existsSync(resolve(DIST, 'index.html'))) throw new Error('dist/ is missing: run `vite build` first (npm run test:browser does)');
    mkdirSync(ARTIFACTS, { recursive: true });
    expected = await truth();
    server = await startStaticServer(DIST);
    browser = await launchChromium(chrome!, { viewport: { width: 1600, height: 900 } });
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the KPI strip and the scorecard show one figure for 脱贫人口 in 2024, each naming it', async () => {
    await open('?year=2024');
    const kpi = await page.locator('[data-testid="kpi-per-capita"] .kpi-value').textContent();
    expect(kpi).toBe(Math.round(expected.perCapita2024).toLocaleString('en-US'));
    expect(await page.locator('[data-testid="kpi-per-capita"] dt').textContent()).toContain('脱贫人口');
    const cell = page.locator('[data-testid="scorecard"] tr[data-target="level-19000-21500"] td[data-value]').first();
    await cell.waitFor({ timeout: 150_000 });
    expect(Number(await cell.getAttribute('data-value'))).toBeCloseTo(expected.perCapita2024, 6);
    expect(await page.locator('[data-testid="composition-panel-population"]').textContent()).toContain('脱贫人口');
  });

  test('the 2025 ledger projects year-to-date income to the year before the line, and says so', async () => {
    await open('?year=2025');
    const size = await ledgerSize();
    expect(size).toBe(expected.ledger2025);
    const note = (await page.locator('[data-testid="ledger-basis"]').textContent()) ?? '';
    expect(note).toContain(expected.factor.toFixed(2));
    // Like with like: about as many households as in the full year before, not the doubling that
    // comparing year-to-date income with the annual line gives.
    expect(size / expected.ledger2024).toBeGreaterThan(0.75);
    expect(size / expected.ledger2024).toBeLessThan(1.25);
    expect(expected.ledger2025Unprojected / expected.ledger2024).toBeGreaterThan(1.5);
    // The histogram's lines sit on its bars' year-to-date basis: line ÷ factor.
    const mark = (await page.locator('[data-testid="histogram-mark-monitoring"]').textContent()) ?? '';
    expect(mark).toContain(Math.round(7800 / expected.factor).toLocaleString('en-US'));
    expect(await page.locator('[data-testid="histogram-basis"]').textContent()).toContain(expected.factor.toFixed(2));
    await page.locator('[data-testid="ledgers-panel"]').screenshot({ path: `${ARTIFACTS}/figures-ledger-2025.png` });
  });

  test('a full year compares incomes with the line as they are, without a projection note', async () => {
    await open('?year=2024');
    expect(await ledgerSize()).toBe(expected.ledger2024);
    expect(await page.locator('[data-testid="ledger-basis"]').count()).toBe(0);
    expect(await page.locator('[data-testid="histogram-mark-monitoring"]').textContent()).toContain('7,500');
  });

  test('classes kept over all years do not move between years; per year they do; playback keeps them', async () => {
    const ranges = async () => {
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="legend"] li .range').length >= 5);
      return page.locator('[data-testid="legend"] li:not(.no-data) .range').allTextContents();
    };
    const year = async (y: number) => {
      await page.evaluate((y) => {
        const url = new URL(location.href);
        url.searchParams.set('year', String(y));
        history.pushState(null, '', url);
        dispatchEvent(new PopStateEvent('popstate', { state: null }));
      }, y);
      await page.waitForSelector(`[data-testid="year-value"]:has-text("${y}")`);
      await page.waitForTimeout(300);
    };
    await open('?year=2021&classes=all-years');
    expect(await page.locator('[data-testid="legend-classes"]').getAttribute('data-basis')).toBe('all-years');
    const fixed2021 = await ranges();
    await year(2024);
    expect(await ranges()).toEqual(fixed2021);
    await open('?year=2021');
    const own2021 = await ranges();
    // The map follows the legend's switch: 2021 in its own classes spans five colours; among the
    // classes of every year (incomes grew ~16% a year) it falls into the lowest ones.
    expect((await legendColoursOnMap(page)).length).toBeGreaterThanOrEqual(5);
    await page.locator('[data-testid="legend-classes"] input[value="all-years"]').check();
    await page.waitForFunction(() => location.search.includes('classes=all-years'));
    await page.waitForTimeout(800);
    expect((await legendColoursOnMap(page)).length).toBeLessThanOrEqual(3);
    await page.locator('[data-testid="legend-classes"] input[value="year"]').check();
    await page.waitForFunction(() => !location.search.includes('classes='));
    await page.waitForTimeout(800);
    await year(2024);
    expect(await ranges()).not.toEqual(own2021);
    // Playback switches to classes over all years (and says so in the legend and the URL).
    await page.locator('[data-testid="year-play"]').click();
    await page.waitForFunction(() => location.search.includes('classes=all-years'));
    expect(await page.locator('[data-testid="legend-classes"]').getAttribute('data-basis')).toBe('all-years');
    await page.locator('[data-testid="year-play"]').click();
  });
});

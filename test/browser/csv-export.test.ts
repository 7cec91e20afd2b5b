/**
 * CSV exports in the built app (issue 15 item 7), Beizhang demo, village 141121202200, 2022:
 * the household table's export holds every household of the village with amounts rounded to whole
 * yuan and growth in percent with one decimal, as on screen (ASCII minus); with "全精度" ticked,
 * the same columns unrounded. Figures are checked against the parquet files through native DuckDB.
 * The ledger export follows the same rule. Screenshot: test-artifacts/csv-export-zh.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NativeDuckDB } from '../../src/pipeline/native-duckdb';
import { chromiumForTests, launchChromium, startStaticServer, type LaunchedBrowser, type StaticServer } from './harness';

const DIST = resolve('dist');
const ARTIFACTS = resolve('test-artifacts');
const chrome = chromiumForTests();
const VILLAGE = '141121202200';

interface Household {
  net: number;
  perCapita: number;
  growth: number | null;
}

async function households(): Promise<Map<string, Household>> {
  const db = await NativeDuckDB.open();
  try {
    await db.registerParquet('households', 'public/data/beizhang/households.parquet');
    await db.registerParquet('income', 'public/data/beizhang/income.parquet');
    const rows = await db.query<{ hh_id: string; net: number; pc: number; prev: number | null }>(`SELECT h.hh_id,
      i.wage + i.operating + i.property + i.transfer AS net,
      (i.wage + i.operating + i.property + i.transfer) / h.persons AS pc,
      p.wage + p.operating + p.property + p.transfer AS prev
      FROM households h JOIN income i ON i.hh_id = h.hh_id AND i.year = 2022 AND i.quarter = 4
      LEFT JOIN income p ON p.hh_id = h.hh_id AND p.year = 2021 AND p.quarter = 4
      WHERE h.village_code = '${VILLAGE}'`);
    return new Map(rows.map((r) => [r.hh_id, { net: r.net, perCapita: r.pc, growth: r.prev !== null && r.prev > 0 ? r.net / r.prev - 1 : null }]));
  } finally {
    await db.close();
  }
}

/** A downloaded CSV: BOM checked and stripped, header and rows split on CRLF and commas (no field here holds a comma). */
function parse(download: Download, path: string): { header: string[]; rows: string[][] } {
  const bytes = readFileSync(path);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const lines = bytes.toString('utf8').slice(1).split('\r\n');
  expect(lines.at(-1)).toBe('');
  const [header, ...rows] = lines.slice(0, -1).map((l) => l.split(','));
  return { header, rows };
}

describe.skipIf(!chrome)('CSV exports round as the screen shows, or at full precision', () => {
  let server: StaticServer;
  let browser: LaunchedBrowser;
  let page: Page;
  let expected: Map<string, Household>;

  async function exportFrom(testId: string): Promise<{ header: string[]; rows: string[][] }> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-testid="${testId}"]`).click()]);
    return parse(download, (await download.path())!);
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    expected = await households();
    server = await startStaticServer(DIST);
    browser = await launchChromium(chrome!, { viewport: { width: 1400, height: 1000 } });
    page = await browser.context.newPage();
    // Every household of the village: all of both populations (Beizhang's plan shows 脱贫人口 first).
    await page.goto(`${server.origin}/?data=beizhang&region=${VILLAGE}&pop=all`);
    await page.waitForSelector(`[data-testid="map-area"][data-painted="true"][data-painted-view="${VILLAGE}"]`, { timeout: 90_000 });
    await page.waitForSelector('[data-testid="household-table"][data-state="ready"]', { timeout: 150_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the household export: every household, whole yuan and percent with one decimal, as the table shows them', async () => {
    const full = page.locator('[data-testid="household-export-full"]');
    expect(await full.isChecked()).toBe(false);
    expect(await page.locator('[data-testid="household-table"] .export-precision').textContent()).toBe('全精度');
    await page.locator('[data-testid="household-table"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/csv-export-zh.png` });
    const { header, rows } = await exportFrom('household-export');
    expect(rows.length).toBe(expected.size);
    const col = (name: string) => header.indexOf(name);
    expect(col('增速（%）')).toBeGreaterThan(0);
    let negatives = 0;
    for (const r of rows) {
      const e = expected.get(r[col('户编号')])!;
      expect(e).toBeDefined();
      expect(r[col('人均纯收入')]).toBe(e.perCapita.toFixed(0));
      expect(r[col('纯收入')]).toBe(e.net.toFixed(0));
      const g = r[col('增速（%）')];
      if (e.growth === null) expect(g).toBe('');
      else {
        expect(Number(g)).toBe(Number((e.growth * 100).toFixed(1)));
        expect(g).toMatch(/^-?\d+(\.\d)?$/);
        if (e.growth < -0.0005) negatives += 1;
      }
      expect(r.join(',')).not.toContain('\u2212');
    }
    // The table's first page shows the same figures as its first exported rows.
    const shown = await page.locator('[data-testid="household-rows"] tbody tr').first().locator('td').allTextContents();
    const first = rows[0];
    expect(shown[0]).toBe(first[col('户编号')]);
    expect(shown[10].replace(/,/g, '')).toBe(first[col('人均纯收入')]);
    // The same number (the file writes 16 where the screen shows 16.0%).
    expect(Number(shown[11].replace('\u2212', '-').replace('+', '').replace('%', ''))).toBe(Number(first[col('增速（%）')]));
    expect(negatives).toBeGreaterThan(0);
  });

  test('with full precision ticked, the same columns unrounded', async () => {
    await page.locator('[data-testid="household-export-full"]').check();
    const { header, rows } = await exportFrom('household-export');
    expect(rows.length).toBe(expected.size);
    const col = (name: string) => header.indexOf(name);
    let fractional = 0;
    for (const r of rows) {
      const e = expected.get(r[col('户编号')])!;
      expect(Number(r[col('人均纯收入')])).toBeCloseTo(e.perCapita, 9);
      if (!Number.isInteger(Number(r[col('人均纯收入')]))) fractional += 1;
      if (e.growth !== null) expect(Number(r[col('增速（%）')])).toBeCloseTo(e.growth * 100, 9);
    }
    expect(fractional).toBeGreaterThan(0);
    await page.locator('[data-testid="household-export-full"]').uncheck();
  });

  test('the ledger export rounds the same way', async () => {
    await page.locator('[data-testid="ledgers-panel"] [role="tab"][data-tab="falling"]').click();
    await page.waitForSelector('[data-testid="ledgers-panel"][data-state="ready"] [role="tabpanel"][data-kind="falling"] [data-testid="ledger-summary"]', { timeout: 60_000 });
    const size = Number(await page.locator('[data-testid="ledger-summary"]').getAttribute('data-size'));
    const { header, rows } = await exportFrom('ledger-export');
    expect(rows.length).toBe(size);
    expect(size).toBeGreaterThan(0);
    const col = (name: string) => header.indexOf(name);
    for (const r of rows) {
      const e = expected.get(r[col('户编号')])!;
      expect(r[col('人均纯收入')]).toBe(e.perCapita.toFixed(0));
      expect(Number(r[col('增速（%）')])).toBeLessThanOrEqual(0);
      expect(r[col('增速（%）')]).toMatch(/^-?\d+(\.\d)?$/);
      expect(Number(r[col('增速（%）')])).toBe(Number((e.growth! * 100).toFixed(1)) || 0);
    }
  });
});

/**
 * The analysis panels in headless Chromium against the Ningxia demo in the real DuckDB-WASM
 * engine, scope 西吉县 2024 Q4: every figure checked against the same question asked of the
 * parquet files by native DuckDB. Screenshot: test-artifacts/panels.png (look at it).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NativeDuckDB } from '../../src/pipeline/native-duckdb';
import { chromiumForTests, launchChromium, recordPage, startStaticServer, type LaunchedBrowser, type PageRecord, type StaticServer } from './harness';

const here = dirname(fileURLToPath(import.meta.url));
const ARTIFACTS = resolve('test-artifacts');
const chrome = chromiumForTests();
const XIJI = '640422';
const PANELS = ['composition-panel', 'trend-panel', 'histogram-panel', 'change-panel', 'ledgers-panel', 'household-table'];

interface Expected {
  households: number;
  relocated: number;
  maxPerCapita: number;
  /** Per-capita components by "year-quarter". */
  composition: Map<string, Record<string, number>>;
  /** Households with per-capita income in [5000, 10000). */
  inRange: number;
}

async function expectedFigures(): Promise<Expected> {
  const db = await NativeDuckDB.open();
  try {
    await db.registerParquet('households', 'public/data/ningxia/households.parquet');
    await db.registerParquet('income', 'public/data/ningxia/income.parquet');
    const hh = `FROM households h JOIN income i USING (hh_id) WHERE substr(h.village_code, 1, 6) = '${XIJI}'`;
    const [c] = await db.query<{ n: number; relocated: number; max_pc: number; in_range: number }>(`SELECT count(*) AS n,
      count(*) FILTER (WHERE h.relocated) AS relocated,
      max((i.wage + i.operating + i.property + i.transfer) / h.persons) AS max_pc,
      count(*) FILTER (WHERE (i.wage + i.operating + i.property + i.transfer) / h.persons >= 5000
                         AND (i.wage + i.operating + i.property + i.transfer) / h.persons < 10000) AS in_range
      ${hh} AND i.year = 2024 AND i.quarter = 4`);
    const rows = await db.query<{ year: number; quarter: number; wage: number; operating: number; property: number; transfer: number; net: number }>(`SELECT i.year, i.quarter,
      sum(i.wage) / sum(h.persons) AS wage, sum(i.operating) / sum(h.persons) AS operating, sum(i.property) / sum(h.persons) AS property,
      sum(i.transfer) / sum(h.persons) AS transfer, sum(i.wage + i.operating + i.property + i.transfer) / sum(h.persons) AS net
      ${hh} GROUP BY 1, 2`);
    return {
      households: Number(c.n),
      relocated: Number(c.relocated),
      maxPerCapita: c.max_pc,
      inRange: Number(c.in_range),
      composition: new Map(rows.map((r) => [`${r.year}-${r.quarter}`, r])),
    };
  } finally {
    await db.close();
  }
}

const attrs = (loc: Locator, name: string) => loc.evaluateAll((els, n) => els.map((e) => e.getAttribute(n)), name);

describe.skipIf(!chrome)('analysis panels (Ningxia demo, 西吉县 2024)', () => {
  let outDir: string;
  let server: StaticServer;
  let browser: LaunchedBrowser;
  let page: Page;
  let record: PageRecord;
  let expected: Expected;

  const waitReady = () =>
    page.waitForFunction((ids) => ids.every((id) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-state') === 'ready'), PANELS, { timeout: 120_000 });
  const total = async () => Number(await page.locator('[data-testid="household-pager"]').getAttribute('data-total'));

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    outDir = mkdtempSync(join(tmpdir(), 'panels-page-'));
    await build({
      root: join(here, 'fixtures/panels-page'),
      configFile: resolve(here, '../../vite.config.ts'),
      logLevel: 'warn',
      base: '/',
      build: { outDir, emptyOutDir: true },
    });
    expected = await expectedFigures();
    server = await startStaticServer(outDir, { '/data/': resolve('public/data') });
    browser = await launchChromium(chrome!, { viewport: { width: 1400, height: 1000 } });
    page = await browser.context.newPage();
    record = recordPage(browser.context, page);
    await page.goto(`${server.origin}/`);
    await page.waitForFunction(() => 'startEngine' in window, undefined, { timeout: 60_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  test('says the engine is starting, and shows no figure, until it is up', async () => {
    for (const id of PANELS) expect(await page.locator(`[data-testid="${id}"]`).getAttribute('data-state')).toBe('engine');
    expect(await page.locator('[data-testid="composition-panel"]').textContent()).toContain('分析引擎启动中');
    expect(await page.locator('[data-testid="histogram-chart"]').count()).toBe(0);
    await page.evaluate(() => (window as unknown as { startEngine: () => void }).startEngine());
    await waitReady();
  });

  test('histogram bars add up to the county’s households, with the three income marks', async () => {
    const counts = (await attrs(page.locator('[data-testid="histogram-chart"] rect.bin'), 'data-households')).map(Number);
    expect(counts.length).toBe(41);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(expected.households);
    for (const id of ['monitoring', 'floor_10000', 'low_income_12000']) expect(await page.locator(`[data-testid="histogram-mark-${id}"]`).count()).toBe(1);
    expect(await page.locator('[data-testid="histogram-mark-monitoring"]').textContent()).toBe('监测线 7,500');
  });

  test('composition shows the region sums per person, full years and 2025 year to date', async () => {
    const rows = page.locator('[data-testid="composition-table"] tbody tr');
    const keys = (await rows.evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-year')}-${tr.getAttribute('data-quarter')}`)));
    expect(keys).toEqual(['2020-4', '2021-4', '2022-4', '2023-4', '2024-4', '2025-3']);
    for (const key of keys) {
      const want = expected.composition.get(key)!;
      const row = page.locator(`[data-testid="composition-table"] tbody tr[data-year="${key.slice(0, 4)}"]`);
      for (const c of ['wage', 'operating', 'property', 'transfer', 'net']) {
        const cell = row.locator(`td[data-component="${c}"]`);
        expect(Number(await cell.getAttribute('data-value'))).toBeCloseTo(want[c], 6);
        expect(await cell.textContent()).toBe(Math.round(want[c]).toLocaleString('en-US'));
      }
    }
    expect(await page.locator('[data-testid="composition-table"] tbody tr[data-year="2025"] th').textContent()).toContain('年初至今');
    expect(await page.locator('[data-testid="composition-chart"] rect[data-component]').count()).toBe(24);
  });

  test('trend draws actual, projected (dashed) and the plan’s target marks', async () => {
    expect(await page.locator('[data-testid="trend-table"] tbody tr[data-year]').count()).toBe(5);
    expect(await page.locator('[data-testid="trend-projected"] path').getAttribute('stroke-dasharray')).toBe('6 4');
    expect(await page.locator('[data-testid="trend-target"]').count()).toBe(2);
    // Projection (src/targets/projection.ts): 2025 Q1–3 × (2024 full year / 2024 Q1–3); persons are the same within a year.
    const c = expected.composition;
    const projected = (c.get('2025-3')!.net * c.get('2024-4')!.net) / c.get('2024-3')!.net;
    expect(Number(await page.locator('[data-testid="trend-table"] tr[data-projected]').getAttribute('data-projected'))).toBeCloseTo(projected, 6);
  });

  test('household table pages and sorts', async () => {
    expect(await total()).toBe(expected.households);
    const ids = () => attrs(page.locator('[data-testid="household-rows"] tbody tr'), 'data-hh');
    const first = await ids();
    expect(first.length).toBe(50);
    await page.locator('[data-testid="household-next"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="household-pager"]')?.getAttribute('data-page') === '1');
    await waitReady();
    const second = await ids();
    expect(second.length).toBe(50);
    expect(second.some((id) => first.includes(id))).toBe(false);

    const header = page.locator('[data-testid="household-rows"] th[data-column="per_capita"]');
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    await header.locator('button').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="household-rows"] th[data-column="per_capita"]')?.getAttribute('aria-sort') === 'descending');
    await waitReady();
    expect(await page.locator('[data-testid="household-pager"]').getAttribute('data-page')).toBe('0');
    const pcs = (await attrs(page.locator('[data-testid="household-rows"] tbody tr'), 'data-per-capita')).map(Number);
    expect(pcs[0]).toBeCloseTo(expected.maxPerCapita, 6);
    expect(pcs).toEqual([...pcs].sort((a, b) => b - a));
  });

  test('exports the whole relocated ledger as CSV with a BOM and Chinese headers', async () => {
    await page.locator('[data-testid="ledgers-panel"] [role="tab"][data-tab="relocated"]').click();
    await page.waitForSelector('[data-testid="ledgers-panel"] [role="tabpanel"][data-kind="relocated"] [data-testid="ledger-summary"]');
    await waitReady();
    const size = Number(await page.locator('[data-testid="ledger-summary"]').getAttribute('data-size'));
    expect(size).toBe(expected.relocated);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="ledger-export"]').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0].startsWith('户编号,村代码,村,')).toBe(true);
    expect(lines.at(-1)).toBe('');
    expect(lines.length - 2).toBe(size);
  });

  test('brushing the histogram filters the other views; the histogram keeps its bars', async () => {
    const before = (await attrs(page.locator('[data-testid="histogram-chart"] rect.bin'), 'data-households')).map(Number);
    const net2024 = await page.locator('[data-testid="composition-table"] tr[data-year="2024"] td[data-component="net"]').getAttribute('data-value');
    await page.locator('[data-testid="histogram-chart"]').scrollIntoViewIfNeeded();
    const svg = (await page.locator('[data-testid="histogram-chart"]').boundingBox())!;
    const px = (v: number) => svg.x + ((56 + (v / 41000) * (560 - 16 - 56)) * svg.width) / 560;
    const y = svg.y + svg.height * 0.5;
    await page.mouse.move(px(5200), y);
    await page.mouse.down();
    await page.mouse.move(px(7000), y, { steps: 4 });
    await page.mouse.move(px(9800), y, { steps: 4 });
    await page.mouse.up();
    const brushes = await page.evaluate(() => (window as unknown as { panelsLog: { brushes: unknown[] } }).panelsLog.brushes);
    expect(brushes.at(-1)).toEqual([5000, 10000]);
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="household-pager"]')?.getAttribute('data-total')) === n, expected.inRange, { timeout: 60_000 });
    await waitReady();
    const after = (await attrs(page.locator('[data-testid="histogram-chart"] rect.bin'), 'data-households')).map(Number);
    expect(after).toEqual(before);
    expect(await page.locator('[data-testid="histogram-chart"] rect.bin.in-range').count()).toBe(5);
    expect(before.slice(5, 10).reduce((a, b) => a + b, 0)).toBe(expected.inRange);
    expect(await page.locator('[data-testid="histogram-brushed"]').textContent()).toContain(expected.inRange.toLocaleString('en-US'));
    expect(await page.locator('[data-testid="composition-table"] tr[data-year="2024"] td[data-component="net"]').getAttribute('data-value')).not.toBe(net2024);
    expect(await page.locator('[data-testid="chip-bar"] [data-chip="income"]').textContent()).toContain('5,000—10,000');
    await page.screenshot({ path: `${ARTIFACTS}/panels.png`, fullPage: true });
  });

  test('a decline cause click cross-filters and shows as a removable chip', async () => {
    const before = await total();
    await page.locator('[data-testid="cause-list"] button[data-cause="3"]').click();
    await page.waitForSelector('[data-testid="chip-bar"] [data-chip="cause-3"]');
    await waitReady();
    expect(await total()).toBeLessThan(before);
    await page.locator('[data-testid="chip-bar"] [data-chip="cause-3"] button').click();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="household-pager"]')?.getAttribute('data-total')) === n, before);
  });

  test('the range fields and Enter set the range without a pointer; clearing removes it', async () => {
    const form = page.locator('[data-testid="histogram-range-form"]');
    await form.locator('input[name="lo"]').fill('12000');
    await form.locator('input[name="hi"]').fill('15000');
    await form.locator('input[name="hi"]').press('Enter');
    await page.waitForSelector('[data-testid="chip-bar"] [data-chip="income"]:has-text("12,000—15,000")');
    await form.getByRole('button', { name: '清除区间' }).click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="chip-bar"] [data-chip="income"]'));
    const brushes = await page.evaluate(() => (window as unknown as { panelsLog: { brushes: unknown[] } }).panelsLog.brushes);
    expect(brushes.slice(-2)).toEqual([[12000, 15000], null]);
    await waitReady();
    expect(await total()).toBe(expected.households);
  });

  test('ledger tabs follow the arrow keys', async () => {
    const tab = page.locator('[data-testid="ledgers-panel"] [role="tab"][data-tab="relocated"]');
    await tab.focus();
    await page.keyboard.press('ArrowLeft');
    await page.waitForSelector('[data-testid="ledgers-panel"] [role="tab"][data-tab="falling"][aria-selected="true"]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-tab'))).toBe('falling');
    await waitReady();
    expect(Number(await page.locator('[data-testid="ledger-summary"]').getAttribute('data-size'))).toBeGreaterThan(0);
  });

  test('speaks English: headings, vocabulary and the CSV headers', async () => {
    await page.evaluate(() => (window as unknown as { panelsControl: { setLang: (l: string) => void } }).panelsControl.setLang('en'));
    await page.waitForSelector('#composition-panel-heading:has-text("Income composition per person")');
    await waitReady();
    expect(await page.locator('[data-testid="household-rows"] thead').textContent()).toContain('Per capita');
    expect(await page.locator('[data-testid="cause-list"]').textContent()).toContain('Job lost, lower wage or less work');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="ledger-export"]').click()]);
    const text = readFileSync((await download.path())!).toString('utf8');
    expect(text.slice(1).startsWith('ID,Village code,Village,Persons,')).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/panels-en.png`, fullPage: true });
    await page.evaluate(() => (window as unknown as { panelsControl: { setLang: (l: string) => void } }).panelsControl.setLang('zh'));
  });

  test('a failing query shows its error in the panel, and the panels recover', async () => {
    const control = (code: string) => page.evaluate((c) => (window as unknown as { panelsControl: { setWithinCode: (c: string) => void } }).panelsControl.setWithinCode(c), code);
    await control('64042200000X');
    await page.waitForFunction((ids) => ids.every((id) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-state') === 'error'), PANELS);
    expect(await page.locator('[data-testid="histogram-panel-error"]').textContent()).toContain('Not a 12-digit region code');
    expect(await page.locator('[data-testid="histogram-chart"]').count()).toBe(0);
    await control('640422000000');
    await waitReady();
    expect(await total()).toBe(expected.households);
  });

  test('requests nothing from other hosts and logs no error', () => {
    expect(record.foreign(server.origin)).toEqual([]);
    expect(record.errors).toEqual([]);
  });
});

/**
 * Import in the built dashboard: a bad file chosen in the dialog gets the report (file, row,
 * column, value, expected — in Chinese) and the map on screen stays exactly as it was; a good GBK
 * CSV dropped on the page is checked in the worker with progress, and only when the user chooses
 * it does its map replace the old one; a folder made by `npm run import` opens too. No request
 * leaves the page's origin (the geography comes from the app's own geo/ folder). Screenshots:
 * test-artifacts/import-*.png.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runImport } from '../../src/pipeline/cli/import';
import { demoFlatRows, encodeGbk, HEADERS, toCsvText } from '../helpers/import-fixture';
import { chromiumForTests, launchChromium, recordPage, startStaticServer, type LaunchedBrowser, type PageRecord, type StaticServer } from './harness';

const DIST = resolve('dist');
const ARTIFACTS = resolve('test-artifacts');
const chrome = chromiumForTests();

describe.skipIf(!chrome)('import in the page', () => {
  let server: StaticServer;
  let browser: LaunchedBrowser;
  let page: Page;
  let record: PageRecord;
  let good: Uint8Array;
  let bad: Uint8Array;
  let households = 0;
  let tmp: string;

  async function painted(unit: string) {
    await page.waitForSelector(`[data-testid="map-area"][data-painted="true"][data-painted-view="${unit}"]`, { timeout: 120_000 });
    await page.evaluate(() => document.fonts.ready);
  }

  beforeAll(async () => {
    if (!existsSync(resolve(DIST, 'geo/index.json'))) throw new Error('dist/ has no geo/ folder: run `vite build` first');
    mkdirSync(ARTIFACTS, { recursive: true });
    tmp = mkdtempSync(join(tmpdir(), 'import-browser-'));
    const rows = await demoFlatRows();
    households = new Set(rows.map((r) => r[0])).size;
    good = encodeGbk(toCsvText(HEADERS, rows));
    // A name column, a negative income in data row 3, a persons value of 0 in data row 5.
    // HTML in a header and in a value must show as text: an unknown column headed with an <img>
    // whose onerror would run, and a persons cell of markup in data row 7.
    const badRows = rows.slice(0, 12).map((r, i) => ['王某' + i, 'x', ...r.map((v, k) => (i === 2 && k === 6 ? -50 : i === 4 && k === 2 ? 0 : i === 6 && k === 2 ? '<b id="xss">3</b>' : v))]);
    bad = new TextEncoder().encode(toCsvText(['户主姓名', '<img src=x onerror="window.__xss=1">', ...HEADERS], badRows));
    server = await startStaticServer(DIST);
    browser = await launchChromium(chrome!, { viewport: { width: 1440, height: 900 } });
    page = await browser.context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    record = recordPage(browser.context, page);
    await page.goto(`${server.origin}/?data=daxiang`);
    await painted('430503000000');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  test('a bad file: the report points to every problem, and the map on screen stays as it was', async () => {
    const before = { url: page.url(), name: await page.locator('.region-name').textContent() };
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-files').setInputFiles({ name: '户收入-有误.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    const report = page.getByTestId('import-report');
    await report.waitFor({ timeout: 120_000 });
    const text = (await report.textContent()) ?? '';
    expect(text).toContain('未导入任何数据');
    expect(text).toContain('含个人身份信息的列');
    expect(text).toContain('户主姓名');
    const rows = await report.locator('table.import-problems tbody tr').allTextContents();
    expect(rows.some((r) => r.includes('户收入-有误.csv') && r.includes('3') && r.includes('工资性收入') && r.includes('-50') && r.includes('收入为负数'))).toBe(true);
    expect(rows.some((r) => r.includes('5') && r.includes('家庭人口数') && r.includes('家庭人口数不大于0'))).toBe(true);
    // Markup from the file is text, never elements.
    expect(rows.some((r) => r.includes('7') && r.includes('<b id="xss">3</b>'))).toBe(true);
    expect(await page.locator('#xss').count()).toBe(0);
    await report.locator('details summary').first().click();
    expect(await report.textContent()).toContain('<img src=x onerror="window.__xss=1">');
    expect(await report.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    // Chinese "expected" texts, not the command line's English.
    expect(text).toContain('不小于 0 的收入');
    expect(await page.getByRole('button', { name: '用这份数据替换当前显示' }).count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/import-report-bad.png` });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.import-dialog').count()).toBe(0);
    expect(page.url()).toBe(before.url);
    expect(await page.locator('.region-name').textContent()).toBe(before.name);
    await painted('430503000000');
  }, 180_000);

  test('a good GBK file dropped on the page: progress, report, then its own map once chosen', async () => {
    const handle = await page.evaluateHandle((bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], '宁夏户收入.csv', { type: 'text/csv' }));
      return dt;
    }, [...good]);
    await page.dispatchEvent('body', 'dragenter', { dataTransfer: handle });
    await page.waitForSelector('.page-drop');
    await page.dispatchEvent('body', 'drop', { dataTransfer: handle });
    await page.waitForSelector('.import-progress', { timeout: 30_000 });
    await page.screenshot({ path: `${ARTIFACTS}/import-progress.png` });
    const report = page.getByTestId('import-report');
    await report.waitFor({ timeout: 180_000 });
    const text = (await report.textContent()) ?? '';
    expect(text).toContain('GB18030');
    expect(text).toContain(`${households.toLocaleString('zh-CN')} 户`);
    // Nothing has changed yet.
    expect(page.url()).toContain('data=daxiang');
    await page.screenshot({ path: `${ARTIFACTS}/import-report-good.png` });
    await page.getByRole('button', { name: '用这份数据替换当前显示' }).click();
    await painted('640000000000');
    expect(decodeURIComponent(page.url())).toMatch(/data=local:[a-z0-9]+\/?(&|$)/);
    expect(await page.locator('.region-name').textContent()).toContain('宁夏');
    expect(await page.getByTestId('region-switcher').locator('option:checked').textContent()).toContain('本地导入');
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${ARTIFACTS}/import-map.png` });
  }, 300_000);

  test('a dataset folder made by npm run import opens from the folder picker', async () => {
    const csv = join(tmp, 'gbk.csv');
    writeFileSync(csv, good);
    const out = join(tmp, 'ningxia-import');
    const run = await runImport({ files: [csv], out, dropPii: false, salt: 'k', plan: 'ningxia-2024' });
    expect(run.written).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: Record<string, unknown> };
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-folder').setInputFiles(out);
    await page.getByText('数据集文件夹检查通过').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-report').count() + (await page.locator('.import-report').count())).toBeGreaterThan(0);
    expect(await page.locator('.import-report').textContent()).toContain(`${Object.keys(manifest.files).length + 1} 个文件`);
    await page.getByRole('button', { name: '用这份数据替换当前显示' }).click();
    await painted('640000000000');
    expect(await page.locator('.region-name').textContent()).toContain('宁夏');
  }, 300_000);

  test('no request left the page\'s origin; the page has a Content-Security-Policy and nothing broke it; no page errors', async () => {
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/https?:|\*|'unsafe-eval'/);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(record.foreign(server.origin)).toEqual([]);
    expect(record.requests.some((r) => r.includes('/geo/index.json'))).toBe(true);
    expect(record.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});

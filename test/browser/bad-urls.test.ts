/**
 * Bad URLs in the built app (issue 15 item 5): a dataset that cannot be opened says which and why
 * in the UI language, with the demo datasets as links; a region, year or plan the dataset lacks
 * is corrected in the URL in place (Back does not return to it) and said in a dismissable notice.
 * Screenshots: test-artifacts/bad-*.png (look at them).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumForTests, launchChromium, recordPage, startStaticServer, type LaunchedBrowser, type StaticServer } from './harness';

const DIST = resolve('dist');
const ARTIFACTS = resolve('test-artifacts');
const chrome = chromiumForTests();
const CJK = /[\u4e00-\u9fff]/;

describe.skipIf(!chrome)('bad URLs say what happened and show what exists', () => {
  let server: StaticServer;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startStaticServer(DIST);
    browser = await launchChromium(chrome!, { viewport: { width: 1400, height: 860 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function painted(page: Page, code?: string): Promise<void> {
    const view = code ? `[data-painted-view="${code}"]` : '';
    await page.waitForSelector(`[data-testid="map-area"][data-painted="true"]${view}`, { timeout: 90_000 });
    await page.evaluate(() => document.fonts.ready);
  }
  const query = (page: Page) => new URL(page.url()).search;

  test('a dataset id opens data/<id>/ and stays an id in the URL', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/?data=daxiang`);
    await painted(page, '430503000000');
    expect(await page.locator('.region-name').textContent()).toContain('大祥区');
    expect(query(page)).toBe('?data=daxiang');
    await page.close();
  });

  test('no dataset at a path (404): says so in Chinese, lists the demo datasets, a link opens one in place of the bad URL', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/?data=jiyuan`);
    await painted(page, '419001000000');
    await page.goto(`${server.origin}/?data=jiangxx`);
    const panel = page.locator('[data-testid="load-error"]');
    await panel.waitFor({ timeout: 30_000 });
    expect(await panel.getAttribute('data-problem')).toBe('not-found');
    expect(await panel.locator('h2').textContent()).toBe('无法打开数据集：data/jiangxx/');
    expect(await page.locator('[data-testid="load-error-explain"]').textContent()).toContain('data/jiangxx/ 处没有数据集');
    const text = (await panel.textContent()) ?? '';
    expect(text).not.toContain('Unexpected token');
    expect(text).toContain('重试');
    const links = page.locator('[data-testid="load-error-datasets"] a');
    expect((await links.allTextContents()).map((s) => s.trim())).toEqual(['宁夏回族自治区 ningxia', '江西省 jiangxi', '邵阳市大祥区 daxiang', '济源示范区 jiyuan', '文水县北张乡 beizhang']);
    await page.screenshot({ path: `${ARTIFACTS}/bad-dataset-zh.png` });
    await page.locator('[data-testid="load-error-datasets"] li[data-region="beizhang"] a').click();
    await painted(page, '141121202000');
    expect(query(page)).toBe('?data=beizhang');
    await page.goBack();
    // The link replaced the bad URL: Back goes to the page before it.
    await page.waitForFunction(() => location.search === '?data=jiyuan');
    await page.close();
  });

  test('a web page where the manifest should be (static host fallback): says "no dataset" in English, not a JSON error', async () => {
    const page = await browser.context.newPage();
    const html = readFileSync(resolve(DIST, 'index.html'), 'utf8');
    await page.route('**/data/nowhere/**', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await page.goto(`${server.origin}/?data=nowhere&lang=en`);
    const panel = page.locator('[data-testid="load-error"]');
    await panel.waitFor({ timeout: 30_000 });
    expect(await panel.getAttribute('data-problem')).toBe('not-found');
    expect(await page.locator('[data-testid="load-error-explain"]').textContent()).toContain('There is no dataset at data/nowhere/');
    const text = (await panel.textContent()) ?? '';
    expect(text).not.toMatch(/Unexpected token|not valid JSON/);
    expect(text).not.toMatch(CJK);
    expect(await page.locator('h1').textContent()).not.toMatch(CJK);
    expect(await page.locator('[data-testid="load-error-datasets"] a').count()).toBe(5);
    await page.screenshot({ path: `${ARTIFACTS}/bad-dataset-en.png` });
    await page.close();
  });

  test('a manifest that is not a dataset manifest says so; retry asks again', async () => {
    const page = await browser.context.newPage();
    let asked = 0;
    await page.route('**/data/oddset/manifest.json', (route) => {
      asked += 1;
      return route.fulfill({ status: 200, contentType: 'application/json', body: '{"hello": "world"}' });
    });
    await page.goto(`${server.origin}/?data=oddset`);
    const panel = page.locator('[data-testid="load-error"]');
    await panel.waitFor({ timeout: 30_000 });
    expect(await panel.getAttribute('data-problem')).toBe('bad-manifest');
    expect(await page.locator('[data-testid="load-error-explain"]').textContent()).toBe('data/oddset/ 的 manifest.json 不是本系统的数据清单（缺少必需的内容）。');
    const before = asked;
    await panel.locator('button', { hasText: '重试' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="load-error"]') !== null);
    await expect.poll(() => asked).toBeGreaterThan(before);
    await page.close();
  });

  test('an unknown region code outside the root: the root, a Chinese notice, the URL without it; the notice can be dismissed', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/?data=daxiang&region=999999999999`);
    await painted(page, '430503000000');
    const notice = page.locator('[data-testid="url-notice"][data-kind="no-unit"]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('本数据集中没有这个地区：999999999999。现显示邵阳市大祥区。');
    expect(query(page)).toBe('?data=daxiang');
    await page.screenshot({ path: `${ARTIFACTS}/bad-region-zh.png` });
    await notice.locator('button').click();
    await expect.poll(() => page.locator('[data-testid="url-notice"]').count()).toBe(0);
    await page.close();
  });

  test('a code under a real county that does not exist: that county, an English notice, URL corrected in place', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/?data=daxiang&lang=en`);
    await painted(page, '430503000000');
    await page.goto(`${server.origin}/?region=640422999999&lang=en`);
    await painted(page, '640422000000');
    const notice = page.locator('[data-testid="url-notice"][data-kind="no-unit"]');
    expect(await notice.textContent()).toContain('No such unit in this dataset: 640422999999. Showing Xiji County instead.');
    expect(await notice.textContent()).not.toMatch(CJK);
    expect(query(page)).toBe('?lang=en&region=640422000000');
    expect(await page.locator('[data-testid="map-area"]').getAttribute('data-level')).toBe('4');
    await page.screenshot({ path: `${ARTIFACTS}/bad-region-en.png` });
    await page.goBack();
    await page.waitForFunction(() => location.search === '?data=daxiang&lang=en');
    await page.close();
  });

  test('a year without data, an unknown plan and an unknown metric: the defaults shown, the URL saying the same, notices for year and plan', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/?data=jiyuan&year=1999&plan=nope-2020&metric=foo&target=nothing`);
    await painted(page);
    await expect.poll(() => page.locator('[data-testid="url-notice"]').count()).toBe(3);
    const texts = await page.locator('[data-testid="url-notice"]').allTextContents();
    expect(texts.some((s) => s.includes('本数据集没有1999年的数据，现显示2024年。'))).toBe(true);
    expect(texts.some((s) => s.includes('本数据集没有方案 nope-2020，现按方案 jiyuan-2024 评估。'))).toBe(true);
    expect(texts.some((s) => s.includes('方案中没有目标 nothing'))).toBe(true);
    expect(query(page)).toBe('?data=jiyuan');
    expect(await page.locator('[data-testid="metric-switch"] input[value="income"]').isChecked()).toBe(true);
    expect(await page.locator('[data-testid="kpi-strip"]').textContent()).toContain('2024年');
    await page.screenshot({ path: `${ARTIFACTS}/bad-params-zh.png` });
    await page.close();
  });

  test('a dataset on another host is refused with a notice, and nothing is asked of that host', async () => {
    const page = await browser.context.newPage();
    const record = recordPage(browser.context, page);
    await page.goto(`${server.origin}/?data=${encodeURIComponent('https://evil.example/x/')}&lang=en`);
    await painted(page);
    const notice = page.locator('[data-testid="url-notice"][data-kind="bad-dataset"]');
    expect(await notice.textContent()).toContain('Cannot open this dataset address: https://evil.example/x/');
    expect(query(page)).toBe('?lang=en');
    expect(record.foreign(server.origin)).toEqual([]);
    await page.close();
  });
});

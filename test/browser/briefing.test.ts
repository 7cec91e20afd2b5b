/**
 * Briefing mode and saved views in the built app (issue 14 items 1 and 4), Ningxia demo: views
 * saved in the UI, exported and imported as JSON, stepped through with Page Down / arrow keys;
 * the briefing page at 1920×1080 and 3840×2160 (scaled, not reflowed; nothing outside the
 * screen); the kiosk loop's countdown advancing by itself; every state field through the URL
 * (camera and layers included); no request to another host. Screenshots:
 * test-artifacts/briefing-*.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseStories } from '../../src/briefing/stories';
import { chromiumForTests, launchChromium, recordPage, startStaticServer, type LaunchedBrowser, type PageRecord, type StaticServer } from './harness';

const DIST = resolve('dist');
const ARTIFACTS = resolve('test-artifacts');
const chrome = chromiumForTests();
const COUNTY = '640522000000'; // 海原县
const painted = '[data-testid="map-area"][data-painted="true"]';

/** Nothing of the briefing page lies outside the window, and the page itself does not scroll. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const out = [];
    const w = window.innerWidth, h = window.innerHeight;
    if (document.documentElement.scrollWidth > w || document.documentElement.scrollHeight > h) out.push('page scrolls');
    for (const sel of ['.briefing-frame', '.briefing-head', '.briefing-meta', '.briefing-tools', '.briefing-tiles', '.briefing-weakest', '.briefing-map', '.briefing-legend', '.briefing-foot']) {
      const e = document.querySelector(sel);
      if (!e) { out.push(sel + ' missing'); continue; }
      const b = e.getBoundingClientRect();
      if (b.left < -1 || b.top < -1 || b.right > w + 1 || b.bottom > h + 1) out.push(sel + ' outside ' + JSON.stringify([b.left, b.top, b.right, b.bottom]));
    }
    for (const e of document.querySelectorAll('.briefing-tile')) {
      if (e.scrollHeight > e.clientHeight + 1) out.push('tile cut: ' + e.textContent);
    }
    return out;
  })()`);
}

describe.skipIf(!chrome)('briefing mode, saved views and the kiosk loop', () => {
  let server: StaticServer;
  let browser: LaunchedBrowser;
  let page: Page;
  let record: PageRecord;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startStaticServer(DIST);
    browser = await launchChromium(chrome!, { viewport: { width: 1920, height: 1080 } });
    page = await browser.context.newPage();
    record = recordPage(browser.context, page);
    await page.goto(`${server.origin}/`);
    await page.waitForSelector(painted, { timeout: 90_000 });
  }, 200_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('views saved in the UI are exported as JSON and come back on import', async () => {
    await page.locator('[data-testid="briefing-open"]').click();
    await page.locator('[data-testid="story-title"]').fill('全区收入');
    await page.locator('[data-testid="story-save"]').click();
    await page.keyboard.press('Escape');
    // A second view: a county, growth, full year 2024.
    await page.goto(`${server.origin}/?region=${COUNTY}&metric=growth&year=2024`);
    await page.waitForSelector(painted, { timeout: 60_000 });
    await page.locator('[data-testid="briefing-open"]').click();
    await page.locator('[data-testid="story-save"]').click();
    expect(await page.locator('[data-testid="stories-list"] li').count()).toBe(2);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="stories-export"]').click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    const { stories, problems } = parseStories(text);
    expect(problems).toEqual([]);
    expect(stories.map((s) => s.title)[0]).toBe('全区收入');
    expect(stories[1]!.query).toContain(`region=${COUNTY}`);
    expect(stories[1]!.query).toContain('metric=growth');
    // The default title names the unit.
    expect(stories[1]!.title).toContain('海原县');

    // Deleting both and importing the file brings them back, in order.
    await page.locator('[data-testid="story-remove"]').first().click();
    await page.locator('[data-testid="story-remove"]').first().click();
    expect(await page.locator('[data-testid="stories-list"]').count()).toBe(0);
    await page.locator('[data-testid="stories-import"]').setInputFiles({ name: 'views.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.waitForSelector('[data-testid="stories-list"] li >> nth=1');
    expect(await page.locator('[data-testid="stories-list"] .story-open').allTextContents()).toEqual([expect.stringContaining('全区收入'), expect.stringContaining('海原县')]);
    // A file that is not a list of views is said so, and changes nothing.
    await page.locator('[data-testid="stories-import"]').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"a":1}') });
    await expect.poll(() => page.locator('.stories-notes').textContent()).toContain('不是本看板导出的视图列表');
    expect(await page.locator('[data-testid="stories-list"] li').count()).toBe(2);
  }, 180_000);

  test('the briefing steps through the saved views with Page Down and the arrow keys, at 1920×1080', async () => {
    await page.locator('[data-testid="briefing-start"]').click();
    await page.waitForSelector('[data-testid="briefing"]');
    await page.waitForSelector('[data-testid="map-area"][data-painted="true"][data-painted-view="640000000000"]', { timeout: 60_000 });
    expect(await page.locator('[data-testid="briefing-title"]').textContent()).toBe('宁夏回族自治区');
    // The map holds the region's counties, not the county open before (every county has a name label).
    await expect.poll(() => page.locator('.map-label', { hasText: '同心县' }).count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="briefing-step"]').textContent()).toContain('第 1 / 2 页');
    expect(page.url()).toContain('mode=briefing');
    // KPI tiles against target: the per-capita tile carries a status once the targets are evaluated.
    await expect.poll(() => page.locator('[data-testid="tile-per-capita"]').getAttribute('data-status'), { timeout: 60_000 }).toMatch(/met|on_track|at_risk|missed/);
    expect(await page.locator('[data-testid="briefing-asof"]').textContent()).toContain('2025');
    expect(await page.locator('[data-testid="briefing-weakest"] li').count()).toBe(5);
    expect(await layoutProblems(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/briefing-1920.png` });

    await page.keyboard.press('PageDown');
    await expect.poll(() => page.locator('[data-testid="briefing-title"]').textContent(), { timeout: 60_000 }).toBe('海原县');
    await page.waitForSelector(`[data-testid="map-area"][data-painted="true"][data-painted-view="${COUNTY}"]`, { timeout: 60_000 });
    // The tiles say which unit they speak of and when its targets are evaluated (the bench times the step to that).
    await page.waitForSelector(`[data-testid="briefing-tiles"][data-unit="${COUNTY}"][data-state="ready"]`, { timeout: 60_000 });
    expect(await page.locator('[data-testid="briefing-step"]').textContent()).toContain('第 2 / 2 页');
    expect(page.url()).toContain(`region=${COUNTY}`);
    expect(page.url()).toContain('metric=growth');
    // At the last view, next stays; the arrow key goes back.
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('[data-testid="briefing-step"]').textContent()).toContain('第 2 / 2 页');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.locator('[data-testid="briefing-title"]').textContent(), { timeout: 60_000 }).toBe('宁夏回族自治区');
    // The PDF pack: one page per saved view, its text extractable Chinese; the briefing returns to its view.
    const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: 240_000 }), page.locator('[data-testid="briefing-pdf"]').click()]);
    const bytes = readFileSync((await pdf.path())!);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), disableFontFace: true }).promise;
    expect(doc.numPages).toBe(2);
    const texts: string[] = [];
    for (let i = 1; i <= 2; i++) texts.push((await (await doc.getPage(i)).getTextContent()).items.map((it) => ('str' in it ? it.str : '')).join(''));
    expect(texts[0]).toContain('宁夏回族自治区');
    expect(texts[1]).toContain('海原县');
    for (const text of texts) {
      expect(text).toContain('人均纯收入');
      expect(text).toContain('数据截至');
      expect(text).toContain('合成');
    }
    // Page 1 carries its tiles' targets (the PDF's tiles are the briefing's).
    expect(texts[0]).toContain('目标');
    await expect.poll(() => page.locator('[data-testid="briefing-title"]').textContent(), { timeout: 60_000 }).toBe('宁夏回族自治区');
    // Escape leaves the briefing for the dashboard of the same view.
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="kpi-strip"]');
    expect(page.url()).not.toContain('mode=');
  }, 480_000);

  test('at 3840×2160 the same page is scaled, not reflowed', async () => {
    const big = await launchChromium(chrome!, { viewport: { width: 3840, height: 2160 } });
    const p = await big.context.newPage();
    const rec = recordPage(big.context, p);
    await p.goto(`${server.origin}/?mode=briefing&lang=en&region=${COUNTY}`);
    await p.waitForSelector('[data-testid="briefing"]');
    await p.waitForSelector(painted, { timeout: 90_000 });
    await p.waitForTimeout(500);
    expect(await layoutProblems(p)).toEqual([]);
    // Twice the design size: the title's font is 100 px, the map twice as wide as at 1920.
    const font = await p.locator('[data-testid="briefing-title"]').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(font).toBeCloseTo(100, 0);
    const mapWidth = await p.locator('.briefing-map').evaluate((e) => e.getBoundingClientRect().width);
    expect(mapWidth).toBeGreaterThan(2400);
    expect(await p.locator('[data-testid="briefing-asof"]').textContent()).toContain('Data as of 2025');
    await p.screenshot({ path: `${ARTIFACTS}/briefing-3840.png` });
    expect(rec.foreign(server.origin)).toEqual([]);
    expect(rec.errors).toEqual([]);
    await big.close();
  }, 180_000);

  test('the kiosk loop shows its countdown and advances by itself', async () => {
    // A fresh browser: no saved views.
    const ctx = await launchChromium(chrome!, { viewport: { width: 1920, height: 1080 } });
    const p = await ctx.context.newPage();
    await p.goto(`${server.origin}/?mode=kiosk`);
    await p.waitForSelector('[data-testid="kiosk-progress"]', { timeout: 90_000 });
    // No saved views in this browser: the kiosk tours the region's counties.
    expect(await p.locator('[data-testid="briefing-step"]').textContent()).toMatch(/第 1 \/ \d+ 页/);
    const now = async () => Number(await p.locator('[data-testid="kiosk-progress"]').getAttribute('aria-valuenow'));
    const first = await now();
    await p.waitForTimeout(1500);
    expect(await now()).toBeGreaterThan(first);
    await p.screenshot({ path: `${ARTIFACTS}/briefing-kiosk.png` });
    await expect.poll(() => p.locator('[data-testid="briefing-step"]').textContent(), { timeout: 40_000, interval: 1000 }).toMatch(/第 2 \/ \d+ 页/);
    expect(p.url()).toMatch(/region=\d{12}/);
    // Space pauses: the countdown stops.
    await p.keyboard.press(' ');
    const paused = await now();
    await p.waitForTimeout(1200);
    expect(await now()).toBe(paused);
    await ctx.close();
  }, 120_000);

  test('camera and layers come back from the URL, and a pan is written to it', async () => {
    await page.goto(`${server.origin}/?cam=106.2,37.6,9&layers=k:relocation_site;c:status`);
    await page.waitForSelector(painted, { timeout: 60_000 });
    const center = (await page.locator('.map-canvas').getAttribute('data-center'))!.split(',').map(Number);
    expect(center[0]).toBeCloseTo(106.2, 3);
    expect(center[1]).toBeCloseTo(37.6, 3);
    expect(Number(await page.locator('.map-canvas').getAttribute('data-zoom'))).toBeCloseTo(9, 3);
    expect(await page.locator('[data-testid="layer-relocation_site"]').isChecked()).toBe(true);
    const box = (await page.locator('.map-canvas canvas').first().boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 200, box.y + box.height / 2 - 50, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => new URL(page.url()).searchParams.get('cam'), { timeout: 10_000 }).not.toBe('106.2,37.6,9');
    const cam = new URL(page.url()).searchParams.get('cam')!.split(',').map(Number);
    expect(cam[0]).toBeGreaterThan(106.2);
    // Drilling fits the new unit: its camera does not carry over.
    await page.goto(`${server.origin}/?cam=106.2,37.6,9`);
    await page.waitForSelector(painted, { timeout: 60_000 });
    expect(record.foreign(server.origin)).toEqual([]);
  }, 120_000);
});

/**
 * Exports in the built app (issue 14 item 2), Ningxia demo root (its counties): the PNG picture at
 * 1920×1080 and 3840×2160 has exactly that size and is not blank (many colours, the map's class
 * colours on its map area, which is not uniform); the GeoJSON download holds the regions on
 * screen; the ranking's CSV starts with the UTF-8 BOM; the one-page PDF of the view has
 * extractable Chinese text. Every file comes through the page's real download, and no request
 * leaves the app's host (the PDF's font files included).
 * Pictures for a look: test-artifacts/export-1920x1080.png, export-3840x2160.png, export-pdf-view.png.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pngLayout } from '../../src/export/png-layout';
import { chromiumForTests, launchChromium, startStaticServer, type LaunchedBrowser, type StaticServer } from './harness';

const DIST = resolve('dist');
const ARTIFACTS = resolve('test-artifacts');
const chrome = chromiumForTests();

/** `#rrggbb` or `rgb(r, g, b)` → [r, g, b]. */
function rgbOf(css: string): [number, number, number] {
  if (css.startsWith('#')) {
    const n = Number.parseInt(css.slice(1), 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const [r, g, b] = css.match(/\d+/g)!.map(Number);
  return [r!, g!, b!];
}

interface PngFacts {
  width: number;
  height: number;
  /** Distinct colours in the whole picture. */
  colours: number;
  /** Share of the map area taken by its most common colour. */
  mapTopShare: number;
  /** Pixels of each legend colour inside the map area (±3 per channel). */
  legendPixels: number[];
  /** Pixels of the map area counted. */
  mapPixels: number;
}

async function pngFacts(bytes: Buffer, legend: [number, number, number][], kpis: number): Promise<PngFacts> {
  const img = await loadImage(bytes);
  const canvas = createCanvas(img.width, img.height);
  const g = canvas.getContext('2d');
  g.drawImage(img, 0, 0);
  const data = g.getImageData(0, 0, img.width, img.height).data;
  const all = new Set<number>();
  for (let i = 0; i < data.length; i += 4) all.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
  const { map } = pngLayout(img.width, img.height, kpis, true);
  const inMap = new Map<number, number>();
  const legendPixels = legend.map(() => 0);
  for (let y = map.y + 4; y < map.y + map.h - 4; y++) {
    for (let x = map.x + 4; x < map.x + map.w - 4; x++) {
      const i = (y * img.width + x) * 4;
      const key = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
      inMap.set(key, (inMap.get(key) ?? 0) + 1);
      const c = legend.findIndex(([r, gg, b]) => Math.abs(data[i]! - r) <= 3 && Math.abs(data[i + 1]! - gg) <= 3 && Math.abs(data[i + 2]! - b) <= 3);
      if (c >= 0) legendPixels[c]!++;
    }
  }
  const total = [...inMap.values()].reduce((a, b) => a + b, 0);
  return { width: img.width, height: img.height, colours: all.size, mapTopShare: Math.max(...inMap.values()) / total, legendPixels, mapPixels: total };
}

describe.skipIf(!chrome)('exports: PNG, GeoJSON, CSV, PDF of the current view', () => {
  let server: StaticServer;
  let browser: LaunchedBrowser;
  let page: Page;
  const outside: string[] = [];
  const errors: string[] = [];
  let legend: [number, number, number][] = [];
  let rankingCodes: string[] = [];

  async function download(testId: string): Promise<{ bytes: Buffer; name: string; ms: number }> {
    const started = Date.now();
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 170_000 }), page.locator(`[data-testid="${testId}"]`).click()]);
    const path = await d.path();
    return { bytes: readFileSync(path!), name: d.suggestedFilename(), ms: Date.now() - started };
  }

  async function openMenu(): Promise<void> {
    if (await page.locator('[data-testid="export-menu"]').count()) return;
    // Keyboard: focus the button and press Enter; the panel opens with focus on its first control.
    await page.locator('[data-testid="export-open"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="export-menu"]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('export-size-1920x1080');
  }

  beforeAll(async () => {
    if (!existsSync(resolve(DIST, 'index.html'))) throw new Error('dist/ is missing: run `vite build` first');
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startStaticServer(DIST);
    browser = await launchChromium(chrome!, { viewport: { width: 1600, height: 900 } });
    page = await browser.context.newPage();
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(server.origin) && !url.startsWith('blob:') && !url.startsWith('data:')) outside.push(url);
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.origin}/?data=ningxia`);
    await page.waitForSelector('[data-testid="map-area"][data-painted="true"]', { timeout: 90_000 });
    await page.evaluate(() => document.fonts.ready);
    legend = (await page.$$eval('[data-testid="legend"] li:not(.no-data) .swatch', (els) => els.map((e) => getComputedStyle(e).backgroundColor))).map(rgbOf);
    rankingCodes = await page.$$eval('[data-testid="ranking-row"]', (rows) => rows.map((r) => r.getAttribute('data-code')!));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the ranking CSV starts with the UTF-8 BOM and holds the rows in the order shown', async () => {
    const { bytes, name } = await download('ranking-export');
    expect(name).toMatch(/\.csv$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toContain('人均纯收入');
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(rankingCodes);
  });

  for (const [w, h] of [[1920, 1080], [3840, 2160]] as const) {
    test(`PNG at ${w}×${h} has that size and is not blank`, async () => {
      await openMenu();
      await page.locator(`[data-testid="export-size-${w}x${h}"]`).check();
      const { bytes, name, ms } = await download('export-png');
      expect(name).toMatch(new RegExp(`-${w}x${h}\\.png$`));
      writeFileSync(resolve(ARTIFACTS, `export-${w}x${h}.png`), bytes);
      const facts = await pngFacts(bytes, legend, 5);
      console.log(`PNG ${w}×${h}: ${bytes.length} bytes, ${ms} ms click to download, ${facts.colours} colours, map's top colour ${(facts.mapTopShare * 100).toFixed(1)}%, legend pixels ${facts.legendPixels.join('/')} of ${facts.mapPixels}`);
      expect(facts.width).toBe(w);
      expect(facts.height).toBe(h);
      expect(facts.colours).toBeGreaterThan(500);
      // The map area is not uniform: the base map's background is its most common colour (Ningxia is
      // tall and the map area wide: 90% when written), the class colours cover the rest.
      expect(facts.mapTopShare).toBeLessThan(0.95);
      expect(facts.legendPixels.reduce((a, b) => a + b, 0) / facts.mapPixels).toBeGreaterThan(0.05);
      // Every class colour of the legend covers part of the map area (5 classes over Ningxia's counties).
      expect(legend.length).toBeGreaterThanOrEqual(3);
      for (const n of facts.legendPixels) expect(n).toBeGreaterThan((w * h) / 2000);
    });
  }

  test('a custom size is exported at that size', async () => {
    await openMenu();
    await page.locator('[data-testid="export-size-custom"]').check();
    await page.locator('[data-testid="export-width"]').fill('1000');
    await page.locator('[data-testid="export-height"]').fill('800');
    const { bytes } = await download('export-png');
    const facts = await pngFacts(bytes, legend, 5);
    expect([facts.width, facts.height]).toEqual([1000, 800]);
    expect(facts.mapTopShare).toBeLessThan(0.95);
    expect(facts.legendPixels.reduce((a, b) => a + b, 0) / facts.mapPixels).toBeGreaterThan(0.05);
  });

  test('the GeoJSON download holds the regions on screen with their values and colours', async () => {
    await openMenu();
    const { bytes, name } = await download('export-geojson');
    expect(name).toMatch(/\.geojson$/);
    const fc = JSON.parse(bytes.toString('utf8')) as { type: string; features: { geometry: { type: string }; properties: { code: string; value: number | null; fill: string | null; metric: string } }[] };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f) => f.properties.code).sort()).toEqual([...rankingCodes].sort());
    for (const f of fc.features) {
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
      expect(f.properties.metric).toBe('income');
    }
    const withValue = fc.features.filter((f) => f.properties.value !== null);
    expect(withValue.length).toBeGreaterThan(0);
    const legendHex = new Set(legend.map(([r, g, b]) => `#${[r, g, b].map((x) => x.toString(16).padStart(2, '0')).join('')}`));
    for (const f of withValue) expect(legendHex.has(f.properties.fill!)).toBe(true);
  });

  test('the PDF of the view has one page with extractable Chinese text', async () => {
    await openMenu();
    const { bytes, name, ms } = await download('export-pdf');
    expect(name).toMatch(/\.pdf$/);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), disableFontFace: true }).promise;
    expect(doc.numPages).toBe(1);
    const p = await doc.getPage(1);
    const text = (await p.getTextContent()).items.map((it) => ('str' in it ? it.str : '')).join('');
    console.log(`PDF: ${bytes.length} bytes, ${ms} ms click to download`);
    expect(text).toContain('人均纯收入');
    expect(text).toContain('宁夏');
    expect(text).toContain('数据截至');
    const viewport = p.getViewport({ scale: 2 });
    const canvas = createCanvas(Math.round(viewport.width), Math.round(viewport.height));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await p.render({ canvasContext: canvas.getContext('2d') as any, viewport, canvas: canvas as any }).promise;
    writeFileSync(resolve(ARTIFACTS, 'export-pdf-view.png'), canvas.toBuffer('image/png'));
  });

  test('the region table and the scorecard export as CSV with the BOM', async () => {
    await openMenu();
    const table = await download('export-region-table');
    expect([...table.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = table.bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    expect(lines.slice(1).map((l) => l.split(',')[1]).sort()).toEqual([...rankingCodes].sort());
    await page.waitForSelector('[data-testid="scorecard"][data-state="ready"]', { timeout: 120_000 });
    const targets = await page.locator('[data-testid="scorecard"] tr[data-target]').count();
    const card = await download('scorecard-export');
    expect([...card.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(card.bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean).length).toBe(targets + 1);
  });

  test('Escape closes the menu and gives focus back to its button', async () => {
    await openMenu();
    await page.screenshot({ path: resolve(ARTIFACTS, 'export-menu.png') });
    await page.locator('[data-testid="export-geojson"]').focus();
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-testid="export-menu"]').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('export-open');
  });

  test('no request left the app host and the page threw nothing', () => {
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });
});

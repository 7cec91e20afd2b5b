/**
 * Facility and demand layers in the built dashboard (Ningxia demo): each layer turned on by its
 * switch draws into the map's own canvas (pixels change; the overlay names its layers), the
 * demand layer's total and a relocation site's details card equal independent DuckDB queries on
 * the parquet files, Esc closes the card, no request leaves the page's origin. Screenshots:
 * test-artifacts/facilities-<layer>.png. Timings of turning a layer on are printed (README).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FACILITY_KINDS } from '../../src/data/queries/facilities';
import { NativeDuckDB } from '../../src/pipeline/native-duckdb';
import { chromiumForTests, launchChromium, recordPage, startStaticServer, type LaunchedBrowser, type PageRecord, type StaticServer } from './harness';
import { errorsBesidesAbsentRegions } from './region-probe';

const DIST = resolve('dist');
const DATA = 'public/data/ningxia';
const ARTIFACTS = resolve('test-artifacts');
const ROOT = '640000000000';
const chrome = chromiumForTests();

/** The map area as a PNG (base64) with the overlay panels and tooltip hidden. */
async function mapPng(page: Page): Promise<string> {
  const hide = await page.addStyleTag({ content: '[data-testid="map-area"] .overlay, [data-testid="map-area"] .map-tooltip, .facility-card { visibility: hidden !important; }' });
  try {
    return (await page.locator('[data-testid="map-area"]').screenshot()).toString('base64');
  } finally {
    await hide.evaluate((el) => (el as Element).remove());
  }
}

/** Pixels that differ (any channel by more than 24) between two PNGs of the same size. */
async function changedPixels(page: Page, a: string, b: string): Promise<number> {
  return page.evaluate(async ([a, b]) => {
    const read = async (b64: string) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      return ctx.getImageData(0, 0, img.width, img.height).data;
    };
    const [da, db] = [await read(a), await read(b)];
    let n = 0;
    for (let i = 0; i < Math.min(da.length, db.length); i += 4) {
      if (Math.abs(da[i] - db[i]) > 24 || Math.abs(da[i + 1] - db[i + 1]) > 24 || Math.abs(da[i + 2] - db[i + 2]) > 24) n++;
    }
    return n;
  }, [a, b] as const);
}

/** Web Mercator position of [lon, lat] in the page, from the map's published centre and zoom. */
async function screenPoint(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  const canvas = page.locator('[data-testid="map-area"] .map-canvas');
  const [center, zoom, box] = await Promise.all([canvas.getAttribute('data-center'), canvas.getAttribute('data-zoom'), canvas.boundingBox()]);
  const [clng, clat] = center!.split(',').map(Number);
  const world = 512 * 2 ** Number(zoom);
  const mx = (lng: number) => ((lng + 180) / 360) * world;
  const my = (lat: number) => ((180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) * world) / 360;
  return { x: box!.x + box!.width / 2 + mx(lngLat[0]) - mx(clng), y: box!.y + box!.height / 2 + my(lngLat[1]) - my(clat) };
}

const num = (text: string | null) => Number((/\d[\d,]*(\.\d+)?/.exec(text ?? '')?.[0] ?? 'NaN').replace(/,/g, ''));

describe.skipIf(!chrome)('facility and demand layers', () => {
  let server: StaticServer;
  let browser: LaunchedBrowser;
  let page: Page;
  let record: PageRecord;
  let db: NativeDuckDB;
  let plain = '';
  const timings: { layer: string; idleMs: number }[] = [];

  async function painted(unit: string) {
    await page.waitForSelector(`[data-testid="map-area"][data-painted="true"][data-painted-view="${unit}"]`, { timeout: 90_000 });
    await page.evaluate(() => document.fonts.ready);
  }

  /** Waits until the overlay holds exactly `ids` and the map has been idle since they were set. */
  async function drawn(ids: string[]) {
    await page.waitForSelector(`.map-canvas[data-overlay-layers="${ids.join(',')}"][data-overlay-drawn="true"]`, { timeout: 150_000 });
    await page.waitForTimeout(300);
  }

  async function only(kind: string | null) {
    for (const k of [...FACILITY_KINDS, 'demand']) {
      const box = page.getByTestId(`layer-${k}`);
      if ((await box.isChecked()) !== (k === kind)) await box.setChecked(k === kind);
    }
  }

  beforeAll(async () => {
    if (!existsSync(resolve(DIST, 'data/ningxia/manifest.json'))) throw new Error('dist/ is missing or has no demo data: run `vite build` first');
    mkdirSync(ARTIFACTS, { recursive: true });
    db = await NativeDuckDB.open();
    for (const t of ['households', 'income', 'facilities', 'regions']) await db.registerParquet(t, `${DATA}/${t}.parquet`);
    server = await startStaticServer(DIST);
    browser = await launchChromium(chrome!, { viewport: { width: 1600, height: 900 } });
    page = await browser.context.newPage();
    record = recordPage(browser.context, page);
    await page.goto(`${server.origin}/`);
    await painted(ROOT);
    await page.waitForTimeout(500);
    plain = await mapPng(page);
  });

  afterAll(async () => {
    if (timings.length) console.log('facility layer timings (turn on → next idle frame):', JSON.stringify(timings));
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  test('the first map loads no deck.gl code', async () => {
    expect(await page.locator('.map-canvas').getAttribute('data-overlay')).toBe('none');
    expect(record.requests.filter((r) => /deck-overlay|webgl-device/.test(r))).toEqual([]);
  });

  test('each facility layer draws into the map canvas', async () => {
    await page.locator('[data-testid="layers-panel"] summary').click();
    for (const kind of FACILITY_KINDS) {
      const t0 = Date.now();
      await only(kind);
      await drawn([`facilities-${kind}`]);
      const ms = Number(await page.locator('.map-canvas').getAttribute('data-overlay-idle-ms'));
      timings.push({ layer: kind, idleMs: ms, ...(timings.length === 0 ? { firstWallMs: Date.now() - t0, deckLoadMs: Number(await page.locator('.map-canvas').getAttribute('data-overlay-load-ms')) } : {}) } as never);
      const shot = await mapPng(page);
      expect(await changedPixels(page, plain, shot), kind).toBeGreaterThan(30);
      await page.screenshot({ path: `${ARTIFACTS}/facilities-${kind}.png` });
      // The ranking gains a facilities column; its sum is the count the panel shows.
      const cells = await page.getByTestId('ranking-facilities').allTextContents();
      const shown = num(await page.locator(`[data-testid="layers-panel"] li[data-kind="${kind}"] .layer-count`).textContent());
      expect(cells.reduce((s, c) => s + num(c), 0), kind).toBe(shown);
      const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM facilities WHERE kind = '${kind}' AND opened_year <= 2024`);
      expect(shown, kind).toBe(Number(n));
    }
    await only('industry_base');
    await drawn(['facilities-industry_base']);
    const byIndustry = await mapPng(page);
    await page.getByTestId('industry-coloring-status').check();
    await drawn(['facilities-industry_base']);
    await page.waitForTimeout(800);
    // Recoloured by status: the map changes again.
    expect(await changedPixels(page, byIndustry, await mapPng(page))).toBeGreaterThan(30);
    await page.screenshot({ path: `${ARTIFACTS}/facilities-industry_base-status.png` });
  });

  test('the demand layer counts the population like DuckDB does', async () => {
    await only('demand');
    await drawn(['demand-villages']);
    await page.screenshot({ path: `${ARTIFACTS}/facilities-demand.png` });
    expect(await changedPixels(page, plain, await mapPng(page))).toBeGreaterThan(30);
    // Ningxia's view counts 脱贫人口 (category tuopin) by default; low-income households with labour in 2024.
    const [{ n }] = await db.query<{ n: number }>(`WITH c AS (SELECT hh_id, wage + operating + property + transfer AS net FROM income WHERE year = 2024 AND quarter = 4),
      p AS (SELECT hh_id, wage + operating + property + transfer AS net FROM income WHERE year = 2023 AND quarter = 4)
      SELECT count(*)::INTEGER AS n FROM households h JOIN c USING (hh_id) JOIN p USING (hh_id)
      WHERE h.category = 'tuopin' AND h.labour > 0 AND c.net / h.persons < 12000 AND c.net / h.persons <= p.net / h.persons`);
    const text = await page.getByTestId('demand-total').textContent();
    expect(text).toContain(Number(n).toLocaleString('en-US'));
  });

  test('a relocation site: hover tooltip, click opens its card with the parquet figures, Esc closes it', async () => {
    await only('relocation_site');
    const [site] = await db.query<{ id: string; lon: number; lat: number; county_code: string }>(
      `SELECT id, lon, lat, county_code FROM facilities WHERE kind = 'relocation_site' ORDER BY relocated_persons DESC LIMIT 1`);
    await page.locator(`[data-testid="ranking-row"][data-code="${site.county_code}"]`).click();
    await painted(site.county_code);
    await drawn(['facilities-relocation_site']);
    const { x, y } = await screenPoint(page, [site.lon, site.lat]);
    await page.mouse.move(x, y);
    await page.waitForSelector('[data-testid="facility-tooltip"]', { timeout: 20_000 });
    await page.mouse.click(x, y);
    const card = page.getByTestId('facility-card');
    await card.waitFor({ timeout: 20_000 });
    // Still the county on screen: the click opened the card, it did not drill.
    expect(page.url()).toContain(`region=${site.county_code}`);
    const id = (await card.getAttribute('data-facility'))!;
    const [f] = await db.query<Record<string, number>>(`SELECT households_linked, jobs, opened_year, relocated_households, relocated_persons FROM facilities WHERE id = '${id}'`);
    const fact = async (k: string) => num(await card.locator(`[data-fact="${k}"] dd`).textContent());
    expect(await fact('relocatedHouseholds')).toBe(Number(f.relocated_households));
    expect(await fact('relocatedPersons')).toBe(Number(f.relocated_persons));
    expect(await fact('jobs')).toBe(Number(f.jobs));
    expect(await fact('householdsLinked')).toBe(Number(f.households_linked));
    expect(await fact('openedYear')).toBe(Number(f.opened_year));
    const [e] = await db.query<{ lab: number; emp: number }>(`SELECT count(*)::INTEGER AS lab,
        count(*) FILTER (WHERE i.employed_out_province + i.employed_in_province + i.employed_in_county > 0)::INTEGER AS emp
      FROM households h JOIN income i USING (hh_id) WHERE i.year = 2024 AND i.quarter = 4 AND h.relocated AND h.labour > 0 AND h.relocation_site = '${id}'`);
    const share = await card.locator('[data-fact="employedShare"] dd').textContent();
    expect(share).toContain(`(${Number(e.emp).toLocaleString('en-US')} / ${Number(e.lab).toLocaleString('en-US')})`);
    await page.screenshot({ path: `${ARTIFACTS}/facilities-card.png` });
    // Focus is in the card; Esc closes it.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('facility-card-close');
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
  });

  test('English: the layers panel and card speak English', async () => {
    await page.getByRole('button', { name: 'EN' }).click();
    await page.waitForTimeout(800);
    expect(await page.locator('[data-testid="layers-panel"] summary').textContent()).toBe('Facility and demand layers');
    await page.screenshot({ path: `${ARTIFACTS}/facilities-en.png` });
  });

  test('no request left the origin and no error was logged', () => {
    expect(record.foreign(server.origin)).toEqual([]);
    expect(errorsBesidesAbsentRegions(record.errors, DIST)).toEqual([]);
  });
});

/**
 * Public mode from a real public build (issue 14 item 3): `npm run build:public` of the Ningxia demo
 * into a temporary folder, served and opened in headless Chromium. The page asks for no household
 * file and no other host; it offers no import, household table, filter or analysis panel; a
 * township whose 监测对象 figures were suppressed shows "—"/不公布 in its tooltip and is left out
 * of the legend's classes and the ranking; none of its true figures appears anywhere in the page
 * (text or attributes), in the GeoJSON export or in the URL; the kiosk loop runs with its
 * countdown. Screenshots: test-artifacts/public-*.png.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { errorsBesidesAbsentRegions } from './region-probe';
import { chromiumForTests, launchChromium, recordPage, startStaticServer, type LaunchedBrowser, type PageRecord, type StaticServer } from './harness';

const ARTIFACTS = resolve('test-artifacts');
const chrome = chromiumForTests();
const COUNTY = '640522000000'; // 海原县
const YEAR = 2024;

type Columns = Record<string, (number | string | null)[]>;
const readAgg = (file: string): Columns => (JSON.parse(readFileSync(file, 'utf8')) as { columns: Columns }).columns;

interface Township {
  code: string;
  name: string;
  households: number;
  perCapita: number;
}

describe.skipIf(!chrome)('public mode from npm run build:public', () => {
  let out: string;
  let server: StaticServer;
  let browser: LaunchedBrowser;
  let page: Page;
  let record: PageRecord;
  let hidden: Township[];
  let published: Township[];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    out = mkdtempSync(join(tmpdir(), 'public-site-'));
    const built = spawnSync('npx', ['tsx', 'src/pipeline/cli/build-public.ts', '--data', 'public/data/ningxia', '--out', out], { encoding: 'utf8', timeout: 600_000 });
    expect(built.status, built.stderr + built.stdout).toBe(0);
    // The county's townships in 2024: monitored households and per-capita income, true (private
    // agg) and as published (null = hidden).
    const truth = readAgg('public/data/ningxia/agg/township.json');
    const pub = readAgg(join(out, 'data/ningxia/agg/township.json'));
    const names = new Map((JSON.parse(readFileSync('public/data/ningxia/boundaries/township.geojson', 'utf8')) as { features: { properties: { code: string; name: string } }[] }).features.map((f) => [f.properties.code, f.properties.name]));
    const at = (c: Columns, code: string) => c.code.findIndex((x, i) => x === code && c.year[i] === YEAR && c.quarter[i] === 4);
    hidden = [];
    published = [];
    for (const code of new Set(truth.code as string[])) {
      if (!code.startsWith(COUNTY.slice(0, 6))) continue;
      const i = at(truth, code);
      const j = at(pub, code);
      if (i < 0) continue;
      const t: Township = { code, name: names.get(code)!, households: truth.monitored_households[i] as number, perCapita: (truth.monitored_net[i] as number) / (truth.monitored_persons[i] as number) };
      if (j < 0 || pub.monitored_households[j] === null) hidden.push(t);
      else published.push(t);
    }
    expect(hidden.length).toBeGreaterThan(0);
    server = await startStaticServer(out);
    browser = await launchChromium(chrome!, { viewport: { width: 1600, height: 1000 } });
    page = await browser.context.newPage();
    record = recordPage(browser.context, page);
    await page.goto(`${server.origin}/?region=${COUNTY}&pop=monitored&year=${YEAR}`);
    await page.waitForSelector('[data-testid="map-area"][data-painted="true"]', { timeout: 90_000 });
  }, 700_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  test('read-only: no import, household table, filter, layers, engine or analysis panel, and no household file asked for', async () => {
    expect(await page.locator('[data-testid="public-badge"]').count()).toBe(1);
    for (const id of ['import-open', 'siting-open', 'household-table', 'panels-loading', 'filter-status', 'layer-relocation_site', 'histogram', 'scorecard']) {
      expect(await page.locator(`[data-testid="${id}"]`).count(), id).toBe(0);
    }
    expect(await page.locator('[data-testid="public-note"]').textContent()).toContain('不公布');
    const asked = record.requests;
    expect(asked.filter((u) => /\.parquet|households|income/.test(u))).toEqual([]);
    expect(record.foreign(server.origin)).toEqual([]);
    // Only this dataset was built: the region switcher's probes of the others answer 404.
    expect(errorsBesidesAbsentRegions(record.errors, out)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/public-county.png` });
  });

  test('a suppressed township: "—" 不公布 in its tooltip, no class, no rank, no figure anywhere in the page', async () => {
    const legendHidden = await page.locator('[data-testid="legend-no-data"]').textContent();
    expect(legendHidden).toContain('不公布');
    const ranked = await page.locator('.ranking-scroll tbody tr').allTextContents();
    for (const h of hidden) {
      expect(legendHidden).toContain(h.name);
      expect(ranked.some((r) => r.includes(h.name)), h.name).toBe(false);
    }
    for (const p of published) expect(ranked.some((r) => r.includes(p.name)), p.name).toBe(true);

    // Hover a hidden township at its name label.
    const label = page.locator('.map-label', { hasText: hidden[0]!.name }).first();
    const box = (await label.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height + 4);
    await page.waitForSelector('[data-testid="facts-hidden"]', { timeout: 10_000 });
    const tip = await page.locator('[data-testid="facts-hidden"]').textContent();
    expect(tip).toContain('不公布');
    expect(tip).not.toMatch(/\d/);

    // None of the hidden townships' true per-capita incomes appears in the page's markup (text or
    // attributes), where no published township shares the rounded value.
    const html = await page.content();
    const shown = new Set(published.map((p) => Math.round(p.perCapita)));
    for (const h of hidden) {
      const v = Math.round(h.perCapita);
      if (shown.has(v)) continue;
      expect(html.includes(String(v)) || html.includes(v.toLocaleString('en-US')), `${h.name} ${v}`).toBe(false);
      expect(html.includes(String(h.perCapita))).toBe(false);
    }
    expect(page.url()).not.toMatch(/\d{4,}\.\d|net=|households=/);
  });

  test('the GeoJSON export holds no figure of a suppressed township', async () => {
    await page.locator('[data-testid="export-open"]').click();
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.locator('[data-testid="export-geojson"]').click()]);
    const fc = JSON.parse(readFileSync((await d.path())!, 'utf8')) as { features: { properties: Record<string, unknown> }[] };
    for (const h of hidden) {
      const f = fc.features.find((x) => x.properties.code === h.code)!;
      expect(f, h.code).toBeDefined();
      expect(f.properties.value ?? null).toBeNull();
      expect(JSON.stringify(f.properties)).not.toContain(String(Math.round(h.perCapita)));
    }
    const one = fc.features.find((x) => x.properties.code === published[0]!.code)!;
    expect(one.properties.value).toBeCloseTo(published[0]!.perCapita, 6);
    await page.keyboard.press('Escape');
  });

  test('the kiosk loop runs on the public build with its countdown', async () => {
    await page.goto(`${server.origin}/?mode=kiosk`);
    await page.waitForSelector('[data-testid="kiosk-progress"]', { timeout: 90_000 });
    await page.waitForSelector('[data-testid="map-area"][data-painted="true"]', { timeout: 90_000 });
    const now = async () => Number(await page.locator('[data-testid="kiosk-progress"]').getAttribute('aria-valuenow'));
    const first = await now();
    await page.waitForTimeout(1500);
    expect(await now()).toBeGreaterThan(first);
    expect(await page.locator('.briefing-foot').textContent()).toContain('不公布');
    await page.screenshot({ path: `${ARTIFACTS}/public-kiosk.png` });
    expect(record.foreign(server.origin)).toEqual([]);
  }, 120_000);
});

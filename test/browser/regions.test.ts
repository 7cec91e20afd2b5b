/**
 * The other four demo regions in the built app: each opens at its own root (a province, a
 * county-level city or district, a township), paints its map, and its scorecard shows the same
 * targets, statuses and figures as `npm run report` for the same region and year.
 * Screenshots: test-artifacts/region-<id>.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Manifest } from '../../src/domain/dataset';
import { loadPlanFile, runReport } from '../../src/pipeline/cli/report';
import { chromiumForTests, launchChromium, recordPage, startStaticServer, type LaunchedBrowser, type StaticServer } from './harness';
import { legendColoursOnMap } from './map-pixels';

const DIST = resolve('dist');
const ARTIFACTS = resolve('test-artifacts');
const chrome = chromiumForTests();

/** Region, its plan, and whether the scorecard is compared figure by figure with the report (Jiangxi: statuses only, to keep CI short). */
const REGIONS = [
  { id: 'daxiang', plan: 'daxiang-2023', figures: true },
  { id: 'jiyuan', plan: 'jiyuan-2024', figures: true },
  { id: 'beizhang', plan: 'beizhang-2022', figures: true },
  { id: 'jiangxi', plan: 'jiangxi-2023', figures: false },
];

describe.skipIf(!chrome)('the other demo regions', () => {
  let server: StaticServer;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startStaticServer(DIST);
    browser = await launchChromium(chrome!, { viewport: { width: 1600, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const region of REGIONS) {
    test(`${region.id}: map of its root, scorecard equal to npm run report`, async () => {
      const manifest = JSON.parse(readFileSync(`public/data/${region.id}/manifest.json`, 'utf8')) as Manifest;
      const page = await browser.context.newPage();
      const record = recordPage(browser.context, page);
      await page.goto(`${server.origin}/?data=data/${region.id}/`);
      await page.waitForSelector(`[data-testid="map-area"][data-painted="true"][data-painted-view="${manifest.root.code}"]`, { timeout: 90_000 });
      await page.evaluate(() => document.fonts.ready);
      expect((await page.locator('[data-testid="breadcrumb"] li').allTextContents())[0]).toBe(manifest.name.zh);
      expect((await legendColoursOnMap(page)).length).toBeGreaterThanOrEqual(3);
      await page.waitForSelector('[data-testid="scorecard"][data-state="ready"]', { timeout: 150_000 });
      await page.screenshot({ path: `${ARTIFACTS}/region-${region.id}.png` });
      const shown = await page.locator('[data-testid="scorecard"] tr[data-target]').evaluateAll((trs) =>
        trs.map((tr) => ({ targetId: tr.getAttribute('data-target'), status: tr.getAttribute('data-status'), actual: tr.querySelectorAll('td')[0].getAttribute('data-value') })));
      // The view opens on the latest full year.
      const year = manifest.asOf.quarter === 4 ? manifest.asOf.year : manifest.asOf.year - 1;
      expect(await page.locator('[data-testid="kpi-strip"]').textContent()).toContain(String(year));
      const report = await runReport({ data: `public/data/${region.id}`, plan: loadPlanFile(region.plan), codes: [manifest.root.code], year });
      expect(report.length).toBeGreaterThan(0);
      expect(shown.map((r) => [r.targetId, r.status])).toEqual(report.map((r) => [r.targetId, r.status]));
      if (region.figures) for (const [i, r] of report.entries()) if (r.actual !== null) expect(Number(shown[i].actual)).toBeCloseTo(r.actual, 6);
      expect(record.foreign(server.origin)).toEqual([]);
      expect(record.errors).toEqual([]);
      await page.close();
    }, 300_000);
  }
});

/**
 * The data-quality panel and map layer in the built dashboard, on the crafted county
 * (test/helpers/integrity-fixture.ts) imported with `npm run import`'s code in the setup and
 * served as `data/integrity-test/`: the panel opens from the keyboard, lists exactly the flags
 * `npm run integrity` gives for the year on screen (same villages, households, statistics), in
 * Chinese and in English; the layer draws into the map canvas. Screenshots:
 * test-artifacts/integrity-zh.png, integrity-en.png.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { INTEGRITY_MESSAGES } from '../../src/i18n/integrity';
import { hashHouseholdId } from '../../src/import/convert';
import type { IntegrityFlag } from '../../src/integrity';
import { runImport } from '../../src/pipeline/cli/import';
import { runIntegrity } from '../../src/pipeline/cli/integrity';
import { EXPECTED_FLAGS, integrityFixtureCsv } from '../helpers/integrity-fixture';
import { chromiumForTests, launchChromium, recordPage, startStaticServer, type LaunchedBrowser, type PageRecord, type StaticServer } from './harness';

const DIST = resolve('dist');
const ARTIFACTS = resolve('test-artifacts');
const SALT = 'integrity-browser';
const ROOT = '640324000000';
const chrome = chromiumForTests();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's serious and critical violations inside the data-quality panel, as "rule: target" lines. */
async function axePanel(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's CSP (no inline scripts) rightly refuses a script tag.
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
  return page.evaluate(async () => {
    type Axe = { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> };
    const result = await (window as unknown as { axe: Axe }).axe.run({ include: [['[data-testid="integrity-panel"]']] }, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
}

/** The map area as a PNG (base64) with the overlay panels and tooltip hidden. */
async function mapPng(page: Page): Promise<string> {
  const hide = await page.addStyleTag({ content: '[data-testid="map-area"] .overlay, [data-testid="map-area"] .map-tooltip { visibility: hidden !important; }' });
  try {
    return (await page.locator('[data-testid="map-area"]').screenshot()).toString('base64');
  } finally {
    await hide.evaluate((el) => (el as Element).remove());
  }
}

/** Pixels that differ (any channel by more than 24) between two PNGs of the same size, and the non-background share of the first. */
async function comparePngs(page: Page, a: string, b: string): Promise<{ changed: number; painted: number }> {
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
    let changed = 0;
    const colours = new Set<number>();
    for (let i = 0; i < Math.min(da.length, db.length); i += 4) {
      if (Math.abs(da[i] - db[i]) > 24 || Math.abs(da[i + 1] - db[i + 1]) > 24 || Math.abs(da[i + 2] - db[i + 2]) > 24) changed++;
      colours.add(((da[i] >> 4) << 8) | ((da[i + 1] >> 4) << 4) | (da[i + 2] >> 4));
    }
    return { changed, painted: colours.size };
  }, [a, b] as const);
}

describe.skipIf(!chrome)('data-quality panel and layer', () => {
  let dir: string;
  let server: StaticServer;
  let browser: LaunchedBrowser;
  let page: Page;
  let record: PageRecord;
  let cliFlags: IntegrityFlag[];

  async function painted(unit: string) {
    await page.waitForSelector(`[data-testid="map-area"][data-painted="true"][data-painted-view="${unit}"]`, { timeout: 90_000 });
    await page.evaluate(() => document.fonts.ready);
  }

  beforeAll(async () => {
    if (!existsSync(resolve(DIST, 'index.html'))) throw new Error('dist/ is missing: run `vite build` first');
    mkdirSync(ARTIFACTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'integrity-browser-'));
    writeFileSync(join(dir, 'county.csv'), integrityFixtureCsv());
    const out = join(dir, 'integrity-test');
    const run = await runImport({ files: [join(dir, 'county.csv')], out, dropPii: false, salt: SALT });
    if (!run.written) throw new Error(`fixture import failed: ${JSON.stringify(run.result.problems.slice(0, 3))}`);
    cliFlags = (await runIntegrity({ data: out })).flags.filter((f) => f.year === 2024);
    server = await startStaticServer(DIST, { '/data/integrity-test/': out });
    browser = await launchChromium(chrome!, { viewport: { width: 1600, height: 900 } });
    page = await browser.context.newPage();
    record = recordPage(browser.context, page);
    await page.goto(`${server.origin}/?data=integrity-test`);
    await painted(ROOT);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the panel opens from the keyboard and lists exactly the command line\'s flags', async () => {
    const toggle = page.getByTestId('integrity-toggle');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.waitForSelector('[data-testid="integrity-panel"][data-state="ready"]', { timeout: 120_000 });
    expect(await page.getByTestId('integrity-summary').textContent()).toBe(INTEGRITY_MESSAGES.zh.summary(6, 6));

    const rows = await page.locator('[data-testid="integrity-table"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({ flag: tr.getAttribute('data-flag'), village: tr.getAttribute('data-village'), code: tr.getAttribute('data-code'), text: (tr as HTMLElement).innerText })));
    const expected = EXPECTED_FLAGS.map((f) => ({ flag: f.flag, village: f.village, code: f.rawId ? hashHouseholdId(SALT, f.rawId) : f.village }));
    const key = (r: { flag: string | null; code: string | null }) => `${r.flag}|${r.code}`;
    expect(rows.map(key).sort()).toEqual(expected.map(key).sort());
    expect(rows.map(key).sort()).toEqual(cliFlags.map((f) => key({ flag: f.flag, code: f.code })).sort());
    // statistic and threshold as the CLI computed them, printed by the panel's own formatter
    const m = INTEGRITY_MESSAGES.zh;
    for (const f of cliFlags) {
      const row = rows.find((r) => key(r) === key({ flag: f.flag, code: f.code }))!;
      expect(row.text).toContain(m.flagName[f.flag]);
      expect(row.text).toContain(m.value(f.flag, f.statistic, 'zh'));
      expect(row.text).toContain(m.detail(f, 'zh'));
    }
    expect(rows.find((r) => r.flag === 'identical_growth')!.text).toContain('五里墩村委会');
    expect(await axePanel(page)).toEqual([]);
    expect(record.errors).toEqual([]);
  });

  test('the layer marks the flagged villages on the map', async () => {
    const before = await mapPng(page);
    const box = page.getByTestId('integrity-layer');
    await box.focus();
    await page.keyboard.press('Space');
    expect(await box.isChecked()).toBe(true);
    await page.waitForSelector('.map-canvas[data-overlay-layers="integrity-villages"][data-overlay-drawn="true"]', { timeout: 150_000 });
    await page.waitForTimeout(300);
    const after = await mapPng(page);
    const { changed, painted: colours } = await comparePngs(page, after, before);
    expect(changed).toBeGreaterThan(100);
    expect(colours).toBeGreaterThan(8); // the map is not blank
    await expect(page.getByTestId('integrity-legend').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/integrity-zh.png` });
    await page.getByTestId('integrity-panel').screenshot({ path: `${ARTIFACTS}/integrity-zh-panel.png` });
  });

  test('English is complete, nothing overflows the side column at 1280 px', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator('.lang-switch button', { hasText: 'EN' }).click();
    await page.waitForSelector('[data-testid="integrity-panel"][data-state="ready"]');
    const en = INTEGRITY_MESSAGES.en;
    await expect(page.getByTestId('integrity-toggle').innerText()).resolves.toContain(en.title);
    expect(await page.getByTestId('integrity-summary').textContent()).toBe(en.summary(6, 6));
    const text = await page.getByTestId('integrity-panel').innerText();
    for (const f of cliFlags) {
      expect(text).toContain(en.flagName[f.flag]);
      expect(text).toContain(en.detail(f, 'en'));
    }
    // no Chinese left but the policy term the intro quotes (village names are the regions' English names)
    for (const zh of [...Object.values(INTEGRITY_MESSAGES.zh.flagName), INTEGRITY_MESSAGES.zh.title, '阈值', '户数']) expect(text).not.toContain(zh);
    expect(text.replace('(数字增收)', '')).not.toMatch(/[\u4e00-\u9fff]/u);
    const overflow = await page.getByTestId('integrity-panel').evaluate((el) => {
      const panel = el.getBoundingClientRect();
      return [...el.querySelectorAll('*')].filter((c) => {
        const r = c.getBoundingClientRect();
        return r.width > 0 && (r.right > panel.right + 1 || r.left < panel.left - 1);
      }).map((c) => c.outerHTML.slice(0, 80));
    });
    expect(overflow).toEqual([]);
    expect(await axePanel(page)).toEqual([]);
    await page.getByTestId('integrity-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/integrity-en.png` });
    await page.getByTestId('integrity-panel').screenshot({ path: `${ARTIFACTS}/integrity-en-panel.png` });
    expect(record.errors).toEqual([]);
    expect(record.foreign(server.origin)).toEqual([]);
  });
});

/**
 * DRAFT browser check of the first screen (the real browser test is written after merge).
 *
 * Needs a built app served locally, e.g. `npx vite build && npx vite preview --port 4173`, then:
 *   npx tsx test/browser/first-screen.draft.ts [http://localhost:4173/]
 * Opens the dashboard in Debian's Chromium (flags from STACK.md), takes screenshots into
 * test-artifacts/, counts choropleth colours in the real pixels, records every request and every
 * console error, and exits non-zero when a check fails.
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';

const BASE = process.argv[2] ?? 'http://localhost:4173/';
const OUT = 'test-artifacts';
const ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const failures: string[] = [];
function check(ok: boolean, what: string): void {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

const requests: string[] = [];
const consoleErrors: string[] = [];

function watch(page: Page, label: string): void {
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`[${label}] ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`[${label}] pageerror ${e.message}`));
}

async function waitForMap(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="map-area"][data-painted="true"]', { timeout: 60_000 });
  await page.evaluate(() => document.fonts.ready);
  // Let the engine status settle and deck.gl draw the label layer once the font is in.
  await page.waitForSelector('[data-testid="engine-status"][data-state="error"], [data-testid="engine-status"][data-state="ready"]', { timeout: 60_000 });
  await page.waitForTimeout(800);
}

/**
 * Counts, in a real screenshot of the map area, the pixels of each legend colour; returns the
 * number of legend classes that cover at least `minPixels` pixels.
 */
async function legendColoursOnMap(page: Page, minPixels = 80): Promise<{ present: number; classes: number; counts: number[] }> {
  const map = page.locator('[data-testid="map-area"]');
  const png = await map.screenshot();
  return page.evaluate(
    async ({ b64, minPixels }) => {
      const swatches = [...document.querySelectorAll<HTMLElement>('[data-testid="legend"] li:not(.no-data) .swatch')];
      const colours = swatches.map((s) => getComputedStyle(s).backgroundColor.match(/\d+/g)!.slice(0, 3).map(Number));
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height).data;
      const counts = colours.map(() => 0);
      for (let i = 0; i < data.length; i += 4) {
        for (let c = 0; c < colours.length; c++) {
          const [r, g, b] = colours[c];
          if (Math.abs(data[i] - r) <= 2 && Math.abs(data[i + 1] - g) <= 2 && Math.abs(data[i + 2] - b) <= 2) {
            counts[c]++;
            break;
          }
        }
      }
      return { present: counts.filter((n) => n >= minPixels).length, classes: colours.length, counts };
    },
    { b64: png.toString('base64'), minPixels },
  );
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  watch(page, 'main');

  const scenes = [
    { name: 'zh-income', query: '' },
    { name: 'zh-growth', query: '?metric=growth' },
    { name: 'en-income', query: '?lang=en' },
    { name: 'en-growth', query: '?lang=en&metric=growth' },
    { name: 'zh-2025-ytd-income', query: '?year=2025' },
    { name: 'zh-income-jenks', query: '?breaks=jenks' },
  ];
  for (const s of scenes) {
    await page.goto(`${BASE}${s.query}`);
    await waitForMap(page);
    await page.screenshot({ path: `${OUT}/${s.name}.png` });
    const colours = await legendColoursOnMap(page);
    check(colours.present >= 5, `${s.name}: ${colours.present} of ${colours.classes} legend colours on the map (pixels ${colours.counts.join(',')})`);
    // The bundled font serves the glyphs on screen (the screenshots show whether they are drawn).
    const fontOk = await page.evaluate(async () => {
      const faces = await document.fonts.load('700 24px "Noto Sans SC"', document.querySelector('h1')!.textContent!);
      const zh = await document.fonts.load('400 16px "Noto Sans SC"', '宁夏回族自治区人均纯收入');
      return faces.length > 0 && zh.length > 0 && [...faces, ...zh].every((f) => f.status === 'loaded');
    });
    check(fontOk, `${s.name}: Noto Sans SC faces loaded from the app for the title and Chinese text`);
    const kpi = await page.locator('[data-testid="kpi-per-capita"] .kpi-value').textContent();
    check(/^\d{1,3}(,\d{3})+$/.test(kpi ?? ''), `${s.name}: per-capita KPI formatted (${kpi})`);
  }

  // 2020 has no previous year: growth is "no data" everywhere, listed in the legend.
  await page.goto(`${BASE}?year=2020&metric=growth`);
  await waitForMap(page);
  await page.screenshot({ path: `${OUT}/zh-2020-growth-no-data.png` });
  const noData = (await page.locator('[data-testid="legend-no-data"]').textContent()) ?? '';
  check(noData.includes('无数据') && noData.includes('22'), `2020 growth: all counties listed as 无数据 (${noData.slice(0, 40)}…)`);

  // Tooltip on hover: the pointer over the middle of the map area lands on a county.
  await page.goto(BASE);
  await waitForMap(page);
  const box = (await page.locator('[data-testid="map-area"]').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.62);
  await page.waitForSelector('[data-testid="map-tooltip"]', { timeout: 5000 }).catch(() => undefined);
  const tooltip = await page.locator('[data-testid="map-tooltip"]').textContent().catch(() => null);
  check(!!tooltip && /人均纯收入/.test(tooltip), `tooltip on hover (${tooltip?.slice(0, 60)})`);
  await page.mouse.down();
  await page.mouse.up();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/zh-hover-selected.png` });
  check(await page.locator('[data-testid="selected-card"]').isVisible(), 'click selects a county');

  // URL state and history: switch metric with the keyboard, then go back.
  await page.goto(BASE);
  await waitForMap(page);
  await page.locator('[data-testid="metric-switch"] input[value="growth"]').check();
  check(page.url().includes('metric=growth'), `metric switch writes the URL (${page.url()})`);
  await page.locator('[data-testid="year-select"]').selectOption('2025');
  check(page.url().includes('year=2025'), 'year select writes the URL');
  check((await page.locator('[data-testid="kpi-strip"]').textContent())!.includes('年初至今'), '2025 is marked 年初至今');
  await page.goBack();
  await page.waitForTimeout(200);
  check(!page.url().includes('year=') && page.url().includes('metric=growth'), `back restores the previous view (${page.url()})`);
  check(await page.locator('[data-testid="metric-switch"] input[value="growth"]').isChecked(), 'growth radio still checked after back');
  await page.goBack();
  await page.waitForTimeout(200);
  check(await page.locator('[data-testid="metric-switch"] input[value="income"]').isChecked(), 'second back restores income');

  // Keyboard: arrow keys move through the metric radio group, with a visible focus ring.
  await page.locator('[data-testid="metric-switch"] input[value="income"]').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(300);
  check(page.url().includes('metric=growth'), 'arrow key switches the metric');
  await page.screenshot({ path: `${OUT}/zh-keyboard-focus.png`, clip: { x: 0, y: 170, width: 420, height: 260 } });
  await page.keyboard.press('ArrowLeft');
  await page.waitForTimeout(200);

  // Synthetic badge and its provenance popover on focus.
  await page.locator('[data-testid="synthetic-badge"]').focus();
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${OUT}/zh-provenance.png` });
  check(await page.locator('.provenance-popover').isVisible(), 'provenance shows on focus');

  // Engine status: the temporary connector rejects; the message is shown and nothing else breaks.
  const engine = await page.locator('[data-testid="engine-status"]').textContent();
  check(!!engine && engine.includes('engine not merged yet'), `engine status shows the rejection (${engine})`);

  // Loading indicator: hold the county boundaries back for a while so the panel can be seen.
  const slow = await context.newPage();
  watch(slow, 'slow');
  await slow.route('**/boundaries/county.geojson', async (route) => {
    await new Promise((r) => setTimeout(r, 4000));
    await route.continue();
  });
  await slow.goto(BASE);
  await slow.waitForFunction(() => (document.querySelector('[data-testid="loading"]')?.textContent ?? '').includes('22 KB'), undefined, { timeout: 30_000 });
  await slow.screenshot({ path: `${OUT}/zh-loading.png` });
  const loadingText = (await slow.locator('[data-testid="loading"]').textContent()) ?? '';
  check(/606 KB/.test(loadingText) && /完成/.test(loadingText), `loading panel shows per-file bytes (${loadingText.slice(0, 100)})`);
  await slow.waitForSelector('[data-testid="map-area"]', { timeout: 60_000 });
  check(true, 'loading panel is replaced by the map');
  await slow.close();

  // Error panel for a dataset that does not exist.
  const bad = await context.newPage();
  const badConsole = consoleErrors.length;
  watch(bad, 'bad');
  await bad.goto(`${BASE}?data=data/missing/`);
  await bad.waitForSelector('[data-testid="load-error"]', { timeout: 30_000 });
  await bad.screenshot({ path: `${OUT}/zh-load-error.png` });
  const err = await bad.locator('[data-testid="load-error"]').textContent();
  // A plain static server answers 404; `vite preview` answers its index.html (200), so "not valid JSON".
  check(!!err && err.includes('data/missing/manifest.json') && /404|not valid JSON/.test(err), `error panel names the URL and the failure (${err?.slice(0, 160)})`);
  // The 404 of the missing manifest is the one console error this page is expected to have.
  for (const e of consoleErrors.splice(badConsole)) if (!/404/.test(e)) consoleErrors.push(e);
  await bad.close();

  // Large screen, as shown in a briefing room.
  const big = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const bigPage = await big.newPage();
  watch(bigPage, 'big');
  await bigPage.goto(`${BASE}?metric=growth&breaks=jenks`);
  await waitForMap(bigPage);
  await bigPage.screenshot({ path: `${OUT}/zh-growth-jenks-1080p.png` });

  const foreign = requests.filter((u) => {
    if (u.startsWith('data:') || u.startsWith('blob:')) return false;
    const host = new URL(u).hostname;
    return host !== 'localhost' && host !== '127.0.0.1';
  });
  check(foreign.length === 0, `all ${requests.length} requests go to localhost${foreign.length ? `; foreign: ${foreign.join(' ')}` : ''}`);
  check(consoleErrors.length === 0, `no console errors${consoleErrors.length ? `: ${consoleErrors.join(' | ')}` : ''}`);
  const hosts = [...new Set(requests.map((u) => (u.startsWith('data:') || u.startsWith('blob:') ? u.slice(0, 5) : new URL(u).host)))];
  console.log(`request hosts: ${hosts.join(', ')}`);

  await browser.close();
  if (failures.length) {
    console.log(`\n${failures.length} check(s) failed`);
    process.exit(1);
  }
  console.log('\nall checks passed');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

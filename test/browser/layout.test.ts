/**
 * The screen stays put (issue 15): at 1280×800, 1600×900, 1920×1080 and 3840×2160, in Chinese and
 * English, at the root, a county, a township and a village, for every indicator, the document
 * never scrolls either way and nothing in the header, KPI strip, map controls, legend or side
 * column is wider than its box, cut off or printed over another label; axe-core finds no serious
 * or critical violation; keyboard users land in the new view after a drill and move through the
 * ranking with the arrow keys. One browser and one page: views are reached by the URL (history
 * push + popstate, as back/forward does), so the engine starts once.
 * Screenshots: test-artifacts/layout-*.png.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { messages } from '../../src/i18n';
import { chromiumForTests, launchChromium, recordPage, startStaticServer, type LaunchedBrowser, type PageRecord, type StaticServer } from './harness';
import { errorsBesidesAbsentRegions } from './region-probe';

const DIST = resolve('dist');
const ARTIFACTS = resolve('test-artifacts');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const chrome = chromiumForTests();

/** Real units of the Ningxia demo (data/geo/ningxia/divisions.csv): 西吉县, 吉强镇, 中街社区. */
const VIEWS = { root: '640000000000', county: '640422000000', township: '640422100000', village: '640422100002' } as const;
type ViewName = keyof typeof VIEWS;
const METRICS = ['income', 'growth', 'gap', 'status'] as const;
const LANGS = ['zh', 'en'] as const;
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1600, height: 900 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
];
/** Views whose screenshots are taken (and looked at), per size. */
const SHOT_SIZES = new Set([1600, 1920]);
const SHOT_VIEWS = new Set<ViewName>(['root', 'county', 'village']);
const PANELS = ['composition-panel', 'trend-panel', 'histogram-panel', 'ledgers-panel', 'scorecard'];

describe.skipIf(!chrome)('layout, labels, keyboard and accessibility (Ningxia demo)', () => {
  let server: StaticServer;
  let browser: LaunchedBrowser;
  let page: Page;
  let record: PageRecord;

  /** Shows `view` by the URL, as back/forward would, and waits for its map and panels. */
  async function show(view: ViewName, lang: 'zh' | 'en', metric: (typeof METRICS)[number]): Promise<void> {
    const q = new URLSearchParams();
    if (view !== 'root') q.set('region', VIEWS[view]);
    if (lang === 'en') q.set('lang', 'en');
    if (metric !== 'income') q.set('metric', metric);
    await page.evaluate((search) => {
      history.pushState(null, '', `/${search ? `?${search}` : ''}`);
      dispatchEvent(new PopStateEvent('popstate', { state: null }));
    }, q.toString());
    await page.waitForFunction((code) => {
      const map = document.querySelector<HTMLElement>('[data-testid="map-area"]');
      return map?.dataset.painted === 'true' && map.dataset.paintedView === code;
    }, VIEWS[view], { timeout: 60_000 });
    await page.waitForFunction((ids) => ids.every((id) => {
      const s = document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-state');
      return s === 'ready' || s === 'error';
    }), PANELS, { timeout: 120_000 });
    if (metric === 'gap' || metric === 'status') {
      // The target maps are evaluated after the map's own figures: wait until that is done.
      const evaluating = messages(lang).mapTargetsEvaluating;
      await page.waitForFunction((text) => ![...document.querySelectorAll('.control-note')].some((n) => n.textContent === text), evaluating, { timeout: 60_000 });
    }
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }

  /**
   * Everything that does not fit, in words (empty when the screen is right). Checked: the
   * document's scroll size; every element of the header, KPI strip, map controls, legend and side
   * column that sticks out of its box (elements inside a scroll box of their own are judged by
   * that box; visually hidden ones are skipped); text cut by an ellipsis without its full text as
   * a title; segmented buttons over more lines than allowed; chart labels printed over each other.
   */
  async function problems(lang: 'zh' | 'en'): Promise<string[]> {
    return page.evaluate((lang) => {
      const out: string[] = [];
      const se = document.scrollingElement!;
      if (se.scrollHeight > innerHeight + 1) out.push(`document ${se.scrollHeight} px tall in a ${innerHeight} px window`);
      if (se.scrollWidth > innerWidth + 1) out.push(`document ${se.scrollWidth} px wide in a ${innerWidth} px window`);
      const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
      const hidden = (el: Element) => el.closest('.sr-only') !== null || (el as HTMLElement).offsetParent === null && getComputedStyle(el).position !== 'fixed';
      const scrolls = (el: Element) => /(auto|scroll|hidden|clip)/.test(getComputedStyle(el).overflowX);
      for (const sel of ['.app-header', '[data-testid="kpi-strip"]', '.controls', '[data-testid="legend"]', '[data-testid="side-panels"]', '[data-testid="breadcrumb"]']) {
        const box = document.querySelector(sel);
        if (!box) continue;
        for (const el of box.querySelectorAll('*')) {
          if (hidden(el)) continue;
          // The nearest box that clips or scrolls it sideways: the element must fit inside that one.
          let clip: Element = box;
          for (let p = el.parentElement; p && p !== box; p = p.parentElement) {
            if (scrolls(p)) {
              clip = p;
              break;
            }
          }
          // Inside a scroll box of its own (household, ledger, cause tables) it may scroll; that box is checked.
          if (clip !== box) continue;
          const r = el.getBoundingClientRect();
          const c = clip.getBoundingClientRect();
          if (r.width === 0 || r.height === 0) continue;
          if (r.right > c.right + 1 || r.left < c.left - 1) {
            out.push(`${name(el)} spans ${Math.round(r.left)}–${Math.round(r.right)}, outside ${name(clip).slice(0, 60)} ${Math.round(c.left)}–${Math.round(c.right)}`);
          }
          const st = getComputedStyle(el);
          if (st.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1 && !el.getAttribute('title') && !el.closest('[title]')) out.push(`${name(el)} cut with an ellipsis and no title`);
          if (el instanceof HTMLTableCellElement && el.scrollWidth > el.clientWidth + 1) out.push(`${name(el)} cut: ${el.scrollWidth} px of text in ${el.clientWidth} px`);
        }
      }
      // Segmented buttons: Chinese on one line (no break inside a word), English at most two.
      for (const span of document.querySelectorAll('.segments span')) {
        const range = document.createRange();
        range.selectNodeContents(span);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        if (lines > (lang === 'zh' ? 1 : 2)) out.push(`button "${span.textContent}" on ${lines} lines`);
      }
      // Chart labels must not overlap each other.
      for (const sel of ['[data-testid="histogram-chart"] .mark-label', '[data-testid="trend-chart"] .target-label, [data-testid="trend-chart"] [data-testid="trend-projected-label"]', '[data-testid="composition-chart"] .bar-value']) {
        const boxes = [...document.querySelectorAll(sel)].map((el) => ({ el, r: el.getBoundingClientRect() }));
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i].r;
            const b = boxes[j].r;
            if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) out.push(`labels "${boxes[i].el.textContent}" and "${boxes[j].el.textContent}" overlap`);
          }
        }
      }
      // Chart labels stay inside their chart.
      for (const svg of document.querySelectorAll('svg.chart')) {
        const c = svg.getBoundingClientRect();
        for (const t of svg.querySelectorAll('text')) {
          const r = t.getBoundingClientRect();
          if (r.width > 0 && (r.right > c.right + 1 || r.left < c.left - 1)) out.push(`chart text "${t.textContent}" outside its chart`);
        }
      }
      return out;
    }, lang);
  }

  /** axe-core's serious and critical violations on the page, as "rule: target" lines. */
  async function axeViolations(): Promise<string[]> {
    // Evaluated through the DevTools protocol: the page's CSP (no inline scripts) rightly refuses a script tag.
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
    return page.evaluate(async () => {
      // The map canvas is WebGL pixels (no text or contrast to judge); its names are HTML labels
      // over polygons of every colour with a white halo, which axe cannot measure against the canvas
      // behind them (it reports them "incomplete", never passed or failed). Both are left out; the
      // map's figures are read out by the visually hidden table, which axe does check.
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run({ exclude: [['.maplibregl-canvas'], ['.map-labels']] }, { resultTypes: ['violations'] });
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .flatMap((v) => v.nodes.slice(0, 5).map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
    });
  }

  beforeAll(async () => {
    if (!existsSync(resolve(DIST, 'index.html'))) throw new Error('dist/ is missing: run `vite build` first (npm run test:browser does)');
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startStaticServer(DIST);
    browser = await launchChromium(chrome!, { viewport: SIZES[1] });
    page = await browser.context.newPage();
    record = recordPage(browser.context, page);
    await page.goto(`${server.origin}/`);
    await page.waitForSelector('[data-testid="map-area"][data-painted="true"]', { timeout: 60_000 });
    await page.evaluate(() => document.fonts.ready);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const size of SIZES) {
    // Every indicator at the two common sizes; at the narrowest and the 4K screen the income map and
    // the gap map (whose target choice is the widest control), to keep the suite's time in bounds
    // (3840×2160 on software WebGL is the slowest view to draw).
    const metrics = SHOT_SIZES.has(size.width) ? METRICS : (['income', 'gap'] as const);
    test(`at ${size.width}×${size.height} nothing overflows, is cut or overlaps, in every view, indicator and language`, async () => {
      await page.setViewportSize(size);
      const found: string[] = [];
      for (const lang of LANGS) {
        for (const view of Object.keys(VIEWS) as ViewName[]) {
          for (const metric of metrics) {
            await show(view, lang, metric);
            for (const p of await problems(lang)) found.push(`${lang} ${view} ${metric}: ${p}`);
            if (metric === 'income' && SHOT_SIZES.has(size.width) && SHOT_VIEWS.has(view)) {
              await page.screenshot({ path: `${ARTIFACTS}/layout-${size.width}-${lang}-${view}.png` });
              // The side column's panels below the fold, one image each (scrolls the column).
              for (const id of ['scorecard', 'trend-panel', 'composition-panel', 'histogram-panel', 'ledgers-panel']) {
                await page.locator(`[data-testid="${id}"]`).screenshot({ path: `${ARTIFACTS}/layout-${size.width}-${lang}-${view}-${id}.png` });
              }
              await page.locator('[data-testid="side-panels"]').evaluate((el) => el.scrollTo(0, 0));
            }
          }
        }
      }
      expect(found).toEqual([]);
    }, 900_000);
  }

  test('axe-core finds no serious or critical violation in any view, indicator or language (1600×900)', async () => {
    await page.setViewportSize(SIZES[1]);
    const found: string[] = [];
    for (const lang of LANGS) {
      for (const view of Object.keys(VIEWS) as ViewName[]) {
        for (const metric of METRICS) {
          await show(view, lang, metric);
          for (const v of await axeViolations()) found.push(`${lang} ${view} ${metric}: ${v}`);
        }
      }
    }
    expect(found).toEqual([]);
  }, 900_000);

  test('the tooltip is drawn above the map labels', async () => {
    await page.setViewportSize(SIZES[1]);
    await show('county', 'zh', 'income');
    const map = (await page.locator('[data-testid="map-area"]').boundingBox())!;
    // A label in the map's left half: a pointer 40 px left of it puts the tooltip over it.
    const label = await page.evaluate((left) => {
      const l = [...document.querySelectorAll('.map-label')].map((e) => e.getBoundingClientRect()).find((r) => r.left > left + 60 && r.right < left + 500 && r.top > 150);
      return l ? { x: l.left, y: l.top + l.height / 2 } : null;
    }, map.x);
    expect(label).not.toBeNull();
    await page.mouse.move(label!.x - 40, label!.y - 10);
    await page.locator('[data-testid="map-tooltip"]').waitFor({ timeout: 10_000 });
    // Hit testing follows paint order: with both made hit-testable, every point where a label and
    // the tooltip overlap must hit the tooltip.
    const underneath = await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = '.map-tooltip, .map-label { pointer-events: auto !important; }';
      document.head.appendChild(style);
      const tip = document.querySelector('[data-testid="map-tooltip"]')!;
      const t = tip.getBoundingClientRect();
      const hits: string[] = [];
      let overlaps = 0;
      for (const label of document.querySelectorAll('.map-label')) {
        const r = label.getBoundingClientRect();
        const x = (Math.max(r.left, t.left) + Math.min(r.right, t.right)) / 2;
        const y = (Math.max(r.top, t.top) + Math.min(r.bottom, t.bottom)) / 2;
        if (Math.max(r.left, t.left) >= Math.min(r.right, t.right) || Math.max(r.top, t.top) >= Math.min(r.bottom, t.bottom)) continue;
        overlaps++;
        const hit = document.elementFromPoint(x, y);
        if (!hit || !tip.contains(hit)) hits.push(label.textContent ?? '');
      }
      style.remove();
      return { overlaps, hits };
    });
    expect(underneath.overlaps).toBeGreaterThan(0);
    expect(underneath.hits).toEqual([]);
    await page.mouse.move(map.x + 2, map.y + 2);
  });

  describe('keyboard', () => {
    const active = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const st = el ? getComputedStyle(el) : null;
      return {
        testid: el?.getAttribute('data-testid') ?? null,
        code: el?.getAttribute('data-code') ?? null,
        ring: st ? st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) >= 2 : false,
      };
    });
    const rowCodes = () => page.locator('[data-testid="ranking-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')!));

    test('the ranking is one tab stop; Up/Down, Home/End move between its rows', async () => {
      await page.setViewportSize(SIZES[1]);
      await show('root', 'zh', 'income');
      const codes = await rowCodes();
      expect(codes.length).toBe(22);
      expect(await page.locator('[data-testid="ranking-row"][tabindex="0"]').count()).toBe(1);
      await page.locator('[data-testid="ranking-row"][tabindex="0"]').focus();
      expect((await active()).code).toBe(codes[0]);
      await page.keyboard.press('ArrowDown');
      expect((await active()).code).toBe(codes[1]);
      expect(await page.locator('[data-testid="ranking-row"][tabindex="0"]').getAttribute('data-code')).toBe(codes[1]);
      await page.keyboard.press('End');
      expect((await active()).code).toBe(codes[21]);
      await page.keyboard.press('ArrowDown');
      expect((await active()).code).toBe(codes[21]);
      await page.keyboard.press('Home');
      expect((await active()).code).toBe(codes[0]);
      await page.keyboard.press('ArrowUp');
      expect((await active()).code).toBe(codes[0]);
      // Tab leaves the list rather than walking its 22 rows.
      await page.keyboard.press('Tab');
      expect((await active()).testid).not.toBe('ranking-row');
    });

    test('Enter on a row drills, and focus lands on the new unit’s ranking with a visible ring', async () => {
      await show('root', 'zh', 'income');
      const row = page.locator(`[data-testid="ranking-row"][data-code="${VIEWS.county}"]`);
      await row.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction((c) => document.querySelector<HTMLElement>('[data-testid="map-area"]')?.dataset.paintedView === c, VIEWS.county, { timeout: 60_000 });
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'ranking-row', undefined, { timeout: 10_000 });
      const a = await active();
      expect(a.code?.slice(0, 6)).toBe('640422');
      expect(a.code).not.toBe(VIEWS.county);
      expect(a.ring).toBe(true);
      await page.screenshot({ path: `${ARTIFACTS}/layout-keyboard-after-enter.png` });
      // Arrow keys work at once in the new list.
      const codes = await rowCodes();
      await page.keyboard.press('ArrowDown');
      expect((await active()).code).toBe(codes[1]);
    });

    test('a click on the map and a breadcrumb link also move focus to the new view', async () => {
      await show('county', 'zh', 'income');
      const map = (await page.locator('[data-testid="map-area"]').boundingBox())!;
      // The centre of a county's map is one of its townships (the map fits the townships).
      await page.mouse.click(map.x + map.width * 0.5, map.y + map.height * 0.55);
      await page.waitForFunction(() => new URL(location.href).searchParams.get('region')?.slice(9) === '000' && new URL(location.href).searchParams.get('region') !== '640422000000', undefined, { timeout: 30_000 });
      const township = new URL(page.url()).searchParams.get('region')!;
      await page.waitForFunction((c) => document.querySelector<HTMLElement>('[data-testid="map-area"]')?.dataset.paintedView === c, township, { timeout: 60_000 });
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'ranking-row', undefined, { timeout: 10_000 });
      let a = await active();
      expect(a.code?.slice(0, 9)).toBe(township.slice(0, 9));
      expect(a.ring).toBe(true);
      await page.locator('[data-testid="breadcrumb"] button', { hasText: '宁夏回族自治区' }).click();
      await page.waitForFunction((c) => document.querySelector<HTMLElement>('[data-testid="map-area"]')?.dataset.paintedView === c, VIEWS.root, { timeout: 60_000 });
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'ranking-row', undefined, { timeout: 10_000 });
      a = await active();
      expect(a.code?.slice(6)).toBe('000000');
      expect(a.ring).toBe(true);
    });
  });

  test('makes no request to any host but its own, and logs no console error', () => {
    expect(record.foreign(server.origin)).toEqual([]);
    expect(errorsBesidesAbsentRegions(record.errors, DIST)).toEqual([]);
  });
});

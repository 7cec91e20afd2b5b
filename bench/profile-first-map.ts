/**
 * `npx tsx bench/profile-first-map.ts` — one cold load of the built app (dist/) in headless
 * Chromium with a timeline of resources, long tasks and the first-map moment, to see where the
 * first map's time goes. A diagnostic beside `npm run bench`, not part of its figures.
 */
import { findChromium, launchChromium, startStaticServer } from '../test/browser/harness';

const chrome = findChromium();
if (!chrome) throw new Error('no Chromium');
const server = await startStaticServer('dist');
const browser = await launchChromium(chrome, { viewport: { width: 1600, height: 900 } });
try {
  const page = await browser.context.newPage();
  await page.addInitScript(`(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
    const obs = new MutationObserver(() => {
      if (window.__firstMapAt === undefined && document.querySelector('[data-testid="map-area"][data-painted="true"]')) { window.__firstMapAt = performance.now(); }
      if (window.__kpiAt === undefined) { const k = document.querySelector('[data-testid="kpi-per-capita"] .kpi-value'); if (k && /\\d/.test(k.textContent || '')) window.__kpiAt = performance.now(); }
    });
    obs.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  })()`);
  await page.goto(`${server.origin}/${process.argv[2] ?? ''}`);
  await page.waitForFunction('window.__firstMapAt !== undefined && window.__kpiAt !== undefined', undefined, { timeout: 120_000 });
  const r = await page.evaluate(`({
    firstMap: window.__firstMapAt, kpi: window.__kpiAt, long: window.__long,
    res: performance.getEntriesByType('resource').map((e) => [e.name.replace(location.origin, ''), Math.round(e.startTime), Math.round(e.responseEnd), e.encodedBodySize]),
    nav: performance.getEntriesByType('navigation').map((e) => [Math.round(e.domContentLoadedEventEnd), Math.round(e.loadEventEnd)]),
  })`) as { firstMap: number; kpi: number; long: [number, number][]; res: [string, number, number, number][]; nav: unknown };
  console.log(`first map painted ${r.firstMap.toFixed(0)} ms, KPI ${r.kpi.toFixed(0)} ms, nav (DCL, load) ${JSON.stringify(r.nav)}`);
  for (const [name, s, e, b] of r.res) console.log(`  ${String(s).padStart(6)} → ${String(e).padStart(6)}  ${(b / 1e3).toFixed(0).padStart(6)} kB  ${name.slice(0, 90)}`);
  console.log(`long tasks (start, ms): ${r.long.map(([s, d]) => `${s}+${d}`).join(' ')}`);
} finally {
  await browser.close();
  await server.close();
}

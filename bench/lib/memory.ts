/**
 * Memory across many drill-downs (issue 13 item 8: "memory flat across 1,000 drill-downs"): the
 * built app, Ningxia demo, one page; drill from the root into each county in turn (the URL's
 * `region`, as a shared link or the back button sets it) until its map is painted, and back to
 * the root, `drills` times. The main-thread JS heap is read after a forced GC (CDP) once the
 * caches have filled (after `warmup` drills) and then at every quarter of the run. Figures:
 *  - memory_drill_heap_start_mb / memory_drill_heap_end_mb: heap after the warm-up and at the end;
 *  - memory_drill_growth_ratio: end / start (goal ≤ 1.25: what the caches keep is bounded —
 *    6 cross-filter cubes, 12 unit series, the SQL result cache — so the heap must level off);
 *  - memory_drill_ms: median time of one drill and return.
 */
import type { Page } from 'playwright-core';
import { launchChromium, startStaticServer } from '../../test/browser/harness';
import { jsHeapMb, ROOT } from './browser';
import type { Figure } from './stats';

const TIMEOUT = 180_000;

const one = (value: number, unit: string): Figure => ({ value, unit, n: 1, min: value, median: value, max: value });

async function goTo(page: Page, region: string | null): Promise<void> {
  await page.evaluate((r) => {
    const url = new URL(location.href);
    if (r) url.searchParams.set('region', r);
    else url.searchParams.delete('region');
    history.pushState(null, '', url);
    dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, region);
  await page.waitForSelector(`[data-testid="map-area"][data-painted="true"][data-painted-view="${region ?? ROOT}"]`, { timeout: TIMEOUT });
}

export async function runMemoryBench(chrome: string, dist: string, opts: { drills: number; warmup?: number; log?: (s: string) => void }): Promise<Record<string, Figure>> {
  const log = opts.log ?? (() => {});
  const warmup = Math.min(opts.warmup ?? 40, Math.max(1, Math.floor(opts.drills / 4)));
  const server = await startStaticServer(dist);
  const browser = await launchChromium(chrome, { viewport: { width: 1600, height: 900 } });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/`);
    await page.waitForSelector(`[data-testid="map-area"][data-painted="true"][data-painted-view="${ROOT}"]`, { timeout: TIMEOUT });
    await page.waitForSelector('[data-testid="engine-status"][data-state="ready"]', { timeout: TIMEOUT });
    const counties = ((await page.locator('[data-testid="ranking-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))) as string[]).filter((c) => /^\d{6}000000$/.test(c));
    if (counties.length < 2) throw new Error('memory bench: no county rows in the ranking');
    const heaps: { drills: number; mb: number }[] = [];
    const times: number[] = [];
    const marks = new Set([warmup, ...[1, 2, 3, 4].map((q) => Math.round((opts.drills * q) / 4))]);
    for (let i = 1; i <= opts.drills; i++) {
      const t0 = performance.now();
      await goTo(page, counties[i % counties.length]!);
      await goTo(page, null);
      times.push(performance.now() - t0);
      if (marks.has(i)) {
        const mb = await jsHeapMb(browser, page);
        heaps.push({ drills: i, mb });
        log(`memory: ${i} drill-downs, JS heap ${mb.toFixed(1)} MB`);
      }
    }
    const start = heaps.find((h) => h.drills === warmup)!.mb;
    const end = heaps.at(-1)!.mb;
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    return {
      memory_drill_heap_start_mb: { ...one(start, 'MB'), n: warmup },
      memory_drill_heap_end_mb: { ...one(end, 'MB'), n: opts.drills },
      memory_drill_growth_ratio: one(end / start, 'ratio'),
      memory_drill_ms: { value: median, unit: 'ms', n: times.length, min: times[0]!, median, max: times.at(-1)! },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

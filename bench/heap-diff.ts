/**
 * `npx tsx bench/heap-diff.ts [--from 20] [--to 120] [--top 30]` — what the main thread's heap
 * gains between two points of the memory bench's steps (a drill into a county and back, every
 * fifth step a filter set and cleared; bench/lib/memory.ts): heap snapshots (CDP, after a forced
 * GC) after `from` and after `to` steps, objects grouped by kind and constructor, the largest
 * growths in bytes and counts. A diagnostic beside `npm run bench`; the README's explanation of
 * the memory figure comes from it.
 */
import { chromium } from 'playwright-core';
import { parseArgs } from 'node:util';
import { CHROMIUM_ARGS, findChromium, startStaticServer } from '../test/browser/harness';
import { clearFilter, drillScript, filterScript, FILTERS, ROOT, settled } from './lib/browser';

const { values } = parseArgs({ options: { from: { type: 'string', default: '20' }, to: { type: 'string', default: '120' }, top: { type: 'string', default: '30' } } });
const FROM = Number(values.from);
const TO = Number(values.to);
const chrome = findChromium();
if (!chrome) throw new Error('no Chromium ($CHROME_PATH, /usr/bin/chromium)');
const server = await startStaticServer('dist');
const b = await chromium.launch({ executablePath: chrome, headless: true, args: CHROMIUM_ARGS });
const ctx = await b.newContext({ viewport: { width: 1600, height: 900 } });
const page = await ctx.newPage();
await page.goto(`${server.origin}/`);
const rootPainted = `[data-testid="map-area"][data-painted="true"][data-painted-view="${ROOT}"]`;
await page.waitForSelector(rootPainted);
await page.waitForSelector('[data-testid="engine-status"][data-state="ready"]', { timeout: 120000 });
await settled(page);
const counties = ((await page.locator('[data-testid="ranking-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))) as string[]).filter((c) => /^\d{6}000000$/.test(c));
const cdp = await ctx.newCDPSession(page);
async function snap() {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const on = (e: any) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', on);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', on);
  const s = JSON.parse(chunks.join(''));
  const f = s.snapshot.meta.node_fields; const types = s.snapshot.meta.node_types[0];
  const nf = f.length, it = f.indexOf('type'), iname = f.indexOf('name'), isz = f.indexOf('self_size');
  const agg = new Map<string, [number, number]>();
  let total = 0;
  for (let i = 0; i < s.nodes.length; i += nf) {
    const t = types[s.nodes[i + it]]; let name = t === 'string' || t === 'concatenated string' || t === 'sliced string' ? '(string)' : s.strings[s.nodes[i + iname]];
    if (t === 'code') name = '(code)'; if (t === 'hidden') name = '(hidden) ' + name; if (t === 'array') name = '(array) ' + name; if (t === 'closure') name = '(closure)';
    const k = `${t}:${String(name).slice(0, 60)}`; const a = agg.get(k) ?? [0, 0]; a[0]++; a[1] += s.nodes[i + isz]; agg.set(k, a); total += s.nodes[i + isz];
  }
  return { agg, total };
}
const metrics = async () => { await cdp.send('Performance.enable'); const m = await cdp.send('Performance.getMetrics') as any; return m.metrics.find((x: any) => x.name === 'JSHeapUsedSize').value / 1e6; };
let filters = 0;
async function steps(from: number, to: number) {
  for (let i = from; i <= to; i++) {
    await page.evaluate(drillScript(counties[i % counties.length]!));
    await page.locator(`[data-testid="breadcrumb"] li[data-code="${ROOT}"] button`).click();
    await page.waitForSelector(rootPainted);
    await page.waitForSelector(`[data-testid="ranking-row"][data-code="${counties[(i + 1) % counties.length]}"]`);
    if (i % 5 === 0) {
      await page.evaluate(filterScript(FILTERS[filters++ % FILTERS.length]!));
      await clearFilter(page);
    }
  }
}
await steps(1, FROM);
const A = await snap(); console.log(`after ${FROM} steps: snapshot self sizes`, (A.total / 1e6).toFixed(2), 'MB; JSHeapUsedSize', (await metrics()).toFixed(2));
await steps(FROM + 1, TO);
const B = await snap(); console.log(`after ${TO} steps: snapshot self sizes`, (B.total / 1e6).toFixed(2), 'MB; JSHeapUsedSize', (await metrics()).toFixed(2));
const rows = [...new Set([...A.agg.keys(), ...B.agg.keys()])].map((k) => { const a = A.agg.get(k) ?? [0, 0], bb = B.agg.get(k) ?? [0, 0]; return [k, bb[0] - a[0], bb[1] - a[1]] as const; }).sort((x, y) => y[2] - x[2]);
console.log('   bytes   count  kind:constructor');
for (const [k, dc, ds] of rows.slice(0, Number(values.top))) console.log(String(ds).padStart(9), String(dc).padStart(7), k);
console.log('performance entries', await page.evaluate('performance.getEntries().length'), '(resource timing', await page.evaluate(`performance.getEntriesByType('resource').length`) + ')');
await b.close(); await server.close();

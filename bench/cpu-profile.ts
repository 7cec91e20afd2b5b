/**
 * `npx tsx bench/cpu-profile.ts [<site folder, default dist>] [<path, default />]` — Chromium's
 * sampling CPU profile (CDP Profiler, 200 µs) of three cold loads up to the first map (after one
 * discarded), self and inclusive time per function, means per load. For names, profile an
 * unminified build: `npx vite build --outDir /tmp/dist-nomin --minify false`, and for the floor
 * page `FLOOR_OUT_DIR=/tmp/floor-nomin npx vite build --config bench/floor/vite.config.ts --minify false`
 * then `FLOOR_DIR=/tmp/floor-nomin npx tsx bench/cpu-profile.ts /tmp/dist-nomin '/__floor/?data=data/ningxia'`.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, startStaticServer } from '../test/browser/harness';
import { FIRST_MAP_INIT } from './lib/browser';
import { buildFloor, FLOOR_MOUNT } from './lib/floor';
const dir = process.argv[2] ?? 'dist';
const server = await startStaticServer(dir, { [FLOOR_MOUNT]: process.env.FLOOR_DIR ?? buildFloor(console.error) });
const chrome = findChromium();
if (!chrome) throw new Error('no Chromium ($CHROME_PATH, /usr/bin/chromium)');
const path = process.argv[3] ?? '/';
const b = await chromium.launch({ executablePath: chrome, headless: true, args: CHROMIUM_ARGS });
const agg = new Map<string, number>(); const incl = new Map<string, number>();
const RUNS = 3;
for (let i = 0; i < RUNS + 1; i++) {
  const ctx = await b.newContext({ viewport: { width: 1600, height: 900 } });
  const page = await ctx.newPage();
  await page.addInitScript(FIRST_MAP_INIT);
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 }); await cdp.send('Profiler.start');
  await page.goto(`${server.origin}${path}`);
  for (let k = 0; k < 400 && !(await page.evaluate('window.__firstMapAt !== undefined')); k++) await page.waitForTimeout(20);
  const at = Number(await page.evaluate('window.__firstMapAt'));
  const { profile } = await cdp.send('Profiler.stop') as any;
  await ctx.close();
  if (i === 0) continue;
  console.error('first map', at.toFixed(0));
  const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: any) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/.*\/assets\//, '')}:${n.callFrame.lineNumber}`;
  for (let s = 0; s < profile.samples.length; s++) {
    const dt = (profile.timeDeltas[s + 1] ?? 0) / 1000 / RUNS;
    const n: any = byId.get(profile.samples[s]);
    agg.set(key(n), (agg.get(key(n)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) { const k = key(byId.get(id)); if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + dt); } }
  }
}
console.log('SELF'); for (const [k, v] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 35)) console.log(v.toFixed(1).padStart(7), k);
console.log('INCLUSIVE'); for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log(v.toFixed(1).padStart(7), k);
await b.close(); await server.close();

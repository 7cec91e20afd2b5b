/**
 * `npm run bench -- --json <file> [--runs n] [--drill-runs n] [--skip-browser] [--skip-query] [--skip-province] [--skip-siting] [--only-siting] [--skip-views] [--skip-public] [--skip-memory] [--only-memory] [--memory-drills n] [--province <dataset folder split by county>] [--no-build]`
 *
 * The CONTRACT.md "Benchmark output" figures for the Ningxia demo, as one JSON object of
 * `{value, unit, n, min, median, max}` figures (value = median) plus `machine`, and a readable
 * table on stdout. Warm-up runs are discarded; setup is outside the timed parts.
 *  - query figures: one Node process, DuckDB-WASM (the project's Node connector) vs Arquero vs a
 *    typed-array loop, results checked equal (bench/lib/query.ts);
 *  - browser figures: the built app (`dist/`, rebuilt with `vite build` when older than the
 *    sources) in headless Chromium (bench/lib/browser.ts), each beside a floor page (bare MapLibre,
 *    same boundary files, bench/floor/) so the figures come as ratios too; siting, facility
 *    layers, the briefing step and the public build's first map (bench/lib/siting.ts, views.ts);
 *    memory across 1,000 drills and 200 filters (bench/lib/memory.ts); the Jiangxi full-size
 *    province, generated when missing (bench/lib/province.ts).
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findChromium } from '../test/browser/harness';
import { runBrowserBench } from './lib/browser';
import { PROVINCE_DIR, runProvinceBench } from './lib/province';
import { runQueryBench } from './lib/query';
import { runSitingBench } from './lib/siting';
import { runMemoryBench } from './lib/memory';
import { runViewsBench } from './lib/views';
import { newestMtime } from './lib/files';
import { formatFigure, type Figure } from './lib/stats';

const { values } = parseArgs({
  options: {
    json: { type: 'string' },
    runs: { type: 'string', default: '5' },
    'drill-runs': { type: 'string', default: '20' },
    warmup: { type: 'string', default: '1' },
    'skip-browser': { type: 'boolean', default: false },
    'skip-query': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    data: { type: 'string', default: 'public/data/ningxia' },
    province: { type: 'string', default: PROVINCE_DIR },
    'skip-province': { type: 'boolean', default: false },
    'skip-siting': { type: 'boolean', default: false },
    'only-siting': { type: 'boolean', default: false },
    'skip-views': { type: 'boolean', default: false },
    'skip-public': { type: 'boolean', default: false },
    'skip-memory': { type: 'boolean', default: false },
    'only-memory': { type: 'boolean', default: false },
    'memory-drills': { type: 'string', default: '1000' },
  },
});

const runs = Number(values.runs);
const drillRuns = Math.max(Number(values['drill-runs']), 20);
const warmup = Number(values.warmup);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);
if (!Number.isInteger(warmup) || warmup < 0) throw new Error(`--warmup must be a non-negative integer, got ${values.warmup}`);
const log = (s: string) => console.error(`[bench] ${s}`);

function machine(chromium: string | null): Record<string, unknown> {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    ram_gb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    chromium,
  };
}

const figures: Record<string, Figure> = {};
const notes: string[] = [];
let chromiumVersion: string | null = null;
let largestFirstView: { path: string; bytes: number }[] | undefined;

const onlyMemory = values['only-memory'];
const memoryDrills = Number(values['memory-drills']);
if (!Number.isInteger(memoryDrills) || memoryDrills < 20) throw new Error(`--memory-drills must be an integer ≥ 20 (the baseline is taken after 20), got ${values['memory-drills']}`);

if (!values['skip-query'] && !onlyMemory) {
  log(`query figures over ${values.data} (${runs} runs after ${warmup} warm-up)`);
  const q = await runQueryBench(resolve(values.data!), { runs, warmup, log });
  Object.assign(figures, q.figures);
}

if (!values['skip-browser']) {
  const chrome = findChromium();
  if (!chrome) throw new Error('No Chromium found ($CHROME_PATH, /usr/bin/chromium): use --skip-browser to measure the queries only');
  const dist = resolve('dist');
  const built = existsSync(join(dist, 'index.html')) ? statSync(join(dist, 'index.html')).mtimeMs : 0;
  const sources = Math.max(newestMtime('src'), newestMtime('index.html'), newestMtime('public'), newestMtime('vite.config.ts'));
  if (!built || (!values['no-build'] && sources > built)) {
    log(built ? 'dist/ is older than the sources: vite build' : 'no dist/: vite build');
    execSync('npx vite build', { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  if (!values['only-siting'] && !onlyMemory) {
    log(`browser figures (${runs} cold first-map and filter runs, ${drillRuns} drills, ${warmup} warm-up each)`);
    const b = await runBrowserBench(chrome, dist, { runs: Math.max(runs, 5), drillRuns, warmup, log });
    Object.assign(figures, b.figures);
    chromiumVersion = b.chromiumVersion;
    notes.push(...b.notes);
    largestFirstView = b.largestFirstView;
  }

  if (!values['skip-siting'] && !onlyMemory) {
    log(`siting figures over ${values.data} (${runs} runs after ${warmup} warm-up)`);
    Object.assign(figures, await runSitingBench(chrome, dist, values.data!, { runs, warmup, log }));
  }

  if (!values['skip-views'] && !values['only-siting'] && !onlyMemory) {
    log(`views: facility layers, briefing step${values['skip-public'] ? '' : ', public build first map'} (${runs} runs after ${warmup} warm-up)`);
    Object.assign(figures, await runViewsBench(chrome, dist, { runs, warmup, data: values.data!, log, skipPublic: values['skip-public'] }));
  }

  if (!values['skip-memory'] && !values['only-siting']) {
    log(`memory across ${memoryDrills} drill-downs and ${Math.floor(memoryDrills / 5)} filters`);
    Object.assign(figures, await runMemoryBench(chrome, dist, { drills: memoryDrills, log }));
  }

  if (!values['skip-province'] && !values['only-siting'] && !onlyMemory) {
    log(`province figures over ${values.province}`);
    Object.assign(figures, await runProvinceBench(chrome, dist, values.province!, { runs: Math.min(runs, 3), drills: 6, warmup, log }));
  }
}

const out = { ...figures, machine: machine(chromiumVersion), data: values.data, warmup_runs: warmup, first_view_largest: largestFirstView, notes, measured_at: new Date().toISOString() };
if (values.json) {
  mkdirSync(dirname(resolve(values.json)), { recursive: true });
  writeFileSync(values.json, JSON.stringify(out, null, 2) + '\n');
  log(`wrote ${values.json}`);
}

const width = Math.max(...Object.keys(figures).map((k) => k.length));
console.log(`\n${'figure'.padEnd(width)}  median (min, max, n)`);
for (const [k, f] of Object.entries(figures)) {
  const shown = f.unit === 'bytes' ? formatFigure({ ...f, unit: 'MB', value: f.value / 1e6, min: f.min / 1e6, median: f.median / 1e6, max: f.max / 1e6 }) : formatFigure(f);
  console.log(`${k.padEnd(width)}  ${shown}`);
}
const m = out.machine as Record<string, unknown>;
console.log(`\nmachine: ${m.cpu}, ${m.cores} cores, ${m.ram_gb} GB, Node ${m.node}, Chromium ${m.chromium ?? '–'}`);
if (largestFirstView) console.log(`largest before first map: ${largestFirstView.map((e) => `${e.path} ${(e.bytes / 1e6).toFixed(2)} MB`).join(', ')}`);
for (const n of notes) console.log(`note: ${n}`);

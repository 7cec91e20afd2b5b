import loadHighs from 'highs';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatFailure, protectTable, type ProtectResult } from '../../disclosure/index';
import { buildLinkedTable, nonNegativeFields, PUBLIC_FIELDS, type PublicField } from '../../disclosure/table';
import { readSourceDataset, type SourceDataset } from '../public/read-dataset';
import { writePublicDataset } from '../public/write-public';

const USAGE =
  'Usage: npm run build:public -- [--k 10] [--out dist-public] [--data <dataset dir> ...] [--protection 0.15] [--protect households,net] [--log <file>]';

/**
 * `npm run build:public`: the static site for public displays (CONTRACT.md "Public build"). Per
 * dataset: the pre-aggregates with primary and complementary suppression, proved by the LP audit
 * (src/disclosure); then the app built with `vite build --mode public` (no `public/data` copied) and
 * the controlled files written under `<out>/data/<id>/`. Exits 1, writing nothing, when an audit fails.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      k: { type: 'string', default: '10' },
      out: { type: 'string', default: 'dist-public' },
      data: { type: 'string', multiple: true },
      protection: { type: 'string', default: '0.15' },
      protect: { type: 'string', default: 'households,net' },
      log: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const k = Number(values.k);
  if (!Number.isInteger(k) || k < 2) throw new Error(`--k must be an integer ≥ 2, got ${values.k}`);
  const p = Number(values.protection);
  if (!(p >= 0 && p < 1)) throw new Error(`--protection must be a number in [0, 1), got ${values.protection}`);
  const protectFields = values.protect.split(',').map((f) => f.trim()).filter(Boolean);
  for (const f of protectFields) if (!(PUBLIC_FIELDS as readonly string[]).includes(f)) throw new Error(`--protect: unknown figure ${f} (one of ${PUBLIC_FIELDS.join(', ')})`);
  const protection = Object.fromEntries(protectFields.map((f) => [f, p])) as Partial<Record<PublicField, number>>;
  const out = resolve(values.out);
  const root = process.cwd();
  if (out === root || root.startsWith(out + '/')) throw new Error(`--out ${values.out} would replace the project folder`);
  const dirs = values.data?.length ? values.data.map((d) => resolve(d)) : defaultDatasets(join(root, 'public', 'data'));
  if (!dirs.length) throw new Error('No dataset: pass --data <folder> or generate the demo data (public/data/<id>/)');
  const logPath = resolve(values.log ?? `${out.replace(/\/$/, '')}-disclosure.json`);
  if (logPath.startsWith(out + '/')) throw new Error('--log must be outside the output folder');

  const t0 = performance.now();
  const highs = await loadHighs();
  const done: { source: SourceDataset; result: ProtectResult; seconds: number }[] = [];
  for (const dir of dirs) {
    const step = performance.now();
    console.log(`[${basename(dir)}] reading ${dir}`);
    const source = await readSourceDataset(dir);
    if (done.some((d) => basename(d.source.dir) === basename(dir))) throw new Error(`Two datasets in folders named ${basename(dir)}`);
    const table = buildLinkedTable(source.regions, source.rows);
    const nonNegative = nonNegativeFields(table);
    console.log(
      `[${basename(dir)}] ${table.codes.length} regions × 3 parts, ${table.periods.length} periods; figures bounded at 0: ${nonNegative.join(', ') || 'none'}; suppressing (k = ${k}) and auditing`,
    );
    const result = protectTable(highs, table, {
      k,
      protection,
      nonNegative,
      onRound: (round, a) =>
        console.log(`[${basename(dir)}]   audit round ${round}: ${a.hiddenCells} hidden cells, ${a.components} components (largest ${a.largestComponent}), ${a.lpRuns} LPs, ${a.failures.length} failing checks, ${(a.elapsedMs / 1000).toFixed(1)} s`),
    });
    if (!result.audit.ok) {
      const shown = result.audit.failures.slice(0, 10).map((f) => `  ${formatFailure(f)}`).join('\n');
      throw new Error(`[${basename(dir)}] the disclosure audit failed after ${result.rounds} rounds (${result.audit.failures.length} failing checks):\n${shown}`);
    }
    const seconds = (performance.now() - step) / 1000;
    console.log(`[${basename(dir)}] ${result.hiddenCells} cells hidden; audit passed in ${result.rounds} round(s), ${seconds.toFixed(1)} s`);
    done.push({ source, result, seconds });
  }

  console.log(`[vite] building the app in public mode into ${out}`);
  const staticDir = mkdtempSync(join(tmpdir(), 'public-static-'));
  try {
    // Every file of public/ but data/ (household files) is a static asset of the site.
    const publicDir = join(root, 'public');
    if (existsSync(publicDir)) for (const name of readdirSync(publicDir)) if (name !== 'data') cpSync(join(publicDir, name), join(staticDir, name), { recursive: true });
    process.env.PUBLIC_BUILD_STATIC_DIR = staticDir;
    const { build } = await import('vite');
    await build({ mode: 'public', logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
  } finally {
    rmSync(staticDir, { recursive: true, force: true });
  }

  const dataDir = join(out, 'data');
  mkdirSync(dataDir, { recursive: true });
  const log: Record<string, unknown>[] = [];
  for (const { source, result, seconds } of done) {
    const summary = writePublicDataset(dataDir, basename(source.dir), source, result, { k, protection });
    console.log(`[${summary.id}] wrote ${summary.files.length} files to ${join(dataDir, summary.id)}`);
    log.push({
      id: summary.id,
      hiddenCells: result.hiddenCells,
      primaryCells: result.primaryCells,
      complementaryCells: result.complementaryCells,
      auditRounds: result.rounds,
      auditSeconds: Math.round(seconds * 10) / 10,
      components: result.audit.components,
      largestComponent: result.audit.largestComponent,
      lpRuns: result.audit.lpRuns,
      fieldsAudited: result.audit.fields,
    });
  }
  // Operator's log, outside the site: the primary / complementary breakdown is not published.
  writeFileSync(logPath, JSON.stringify({ k, protection, datasets: log }, null, 2));
  console.log('Hidden cells per dataset (primary + complementary, not published):');
  for (const l of log) console.log(`  ${l.id}: ${l.hiddenCells} (${l.primaryCells} + ${l.complementaryCells}), audit ${l.auditSeconds} s`);
  console.log(`Public site in ${out} (${((performance.now() - t0) / 1000).toFixed(1)} s); breakdown in ${logPath}`);
}

/** The demo datasets the normal build ships: every folder of public/data with a manifest. */
function defaultDatasets(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .map((name) => join(dir, name))
    .filter((d) => existsSync(join(d, 'manifest.json')));
}

main().catch((error: unknown) => {
  console.error(`npm run build:public: ${(error as Error).message}`);
  process.exit(1);
});

/**
 * `npm run build:public` end to end on three demos (Ningxia, province, 200,000 households; Daxiang,
 * county; Jiangxi partitioned by county, whose township and village sums come from parts/). The
 * site is built once; then every file of it is checked for household-level content,
 * and an attacker who reads ONLY the site's files (boundaries' parent_code, the agg files) runs a
 * differencing attack by linear programming. This attacker is written here on purpose and does not
 * import src/disclosure. The true figures it is judged against come from the source agg files.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import loadHighs, { type Highs } from 'highs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const K = 10;
const P = 0.15;
const DATASETS = ['ningxia', 'daxiang', 'jiangxi-parts'];
/** The differencing attack runs on these (Jiangxi's 35,000 hidden cells in groups of up to 1,500 would take many minutes). */
const ATTACKED = ['ningxia', 'daxiang'];
const LEVELS = ['province', 'city', 'county', 'township', 'village'];
const FIELDS = ['households', 'persons', 'net', 'wage', 'operating', 'property', 'transfer'];

let out = '';
let buildLog = '';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

type Row = Record<string, number | string | null>;
function readAgg(path: string): Row[] {
  const data = JSON.parse(readFileSync(path, 'utf8')) as { rows: number; columns: Record<string, (number | string | null)[]> };
  const names = Object.keys(data.columns);
  return Array.from({ length: data.rows }, (_, i) => Object.fromEntries(names.map((n) => [n, data.columns[n]![i]!])));
}

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'public-build-test-'));
  const args = ['tsx', 'src/pipeline/cli/build-public.ts', '--out', join(out, 'site'), '--log', join(out, 'disclosure.json')];
  for (const id of DATASETS) args.push('--data', `public/data/${id}`);
  const run = spawnSync('npx', args, { encoding: 'utf8', timeout: 900_000 });
  buildLog = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0) throw new Error(`build:public failed (${run.status}):\n${buildLog}`);
}, 900_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('npm run build:public', () => {
  it('writes the app and per dataset only a manifest, agg JSON and boundaries', () => {
    const site = join(out, 'site');
    expect(existsSync(join(site, 'index.html'))).toBe(true);
    const files = filesUnder(site).map((f) => relative(site, f));
    expect(files.filter((f) => /\.parquet$/.test(f))).toEqual([]);
    expect(files.filter((f) => /(households|income)/.test(f))).toEqual([]);
    // No national divisions or reference files (the import, absent from public mode, reads them).
    expect(files.filter((f) => f.startsWith('geo/') || f.startsWith('reference/'))).toEqual([]);
    const dataFiles = files.filter((f) => f.startsWith('data/'));
    for (const f of dataFiles) expect(f).toMatch(/^data\/[a-z0-9-]+\/(manifest\.json|agg\/[a-z]+\.json|boundaries\/[a-z]+\.geojson)$/);
    for (const id of DATASETS) {
      const manifest = JSON.parse(readFileSync(join(site, 'data', id, 'manifest.json'), 'utf8'));
      expect(manifest.id).toBe(JSON.parse(readFileSync(join('public', 'data', id, 'manifest.json'), 'utf8')).id);
      expect(manifest.partitions).toBeUndefined();
      expect(manifest.reports).toBeUndefined();
      expect(manifest.public.k).toBe(K);
      expect(manifest.public.hiddenCells).toBeGreaterThan(0);
      expect(Object.keys(manifest.public)).toEqual(['k', 'hiddenCells', 'protection']);
      for (const name of Object.keys(manifest.files)) expect(existsSync(join(site, 'data', id, name))).toBe(true);
      expect(Object.keys(manifest.files).length).toBe(dataFiles.filter((f) => f.startsWith(`data/${id}/`)).length - 1);
    }
    // Progress lines and the hidden count per dataset.
    for (const id of DATASETS) expect(buildLog).toMatch(new RegExp(`\\[${id}\\] \\d+ cells hidden; audit passed`));
    expect(buildLog).toMatch(/\[vite\] building the app in public mode/);
  });

  it('holds no household id in any file, and no hh_id column in any data file', async () => {
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const ids: string[] = [];
    for (const id of DATASETS) {
      const src = existsSync(`public/data/${id}/households.parquet`) ? `public/data/${id}/households.parquet` : `public/data/${id}/parts/*/households.parquet`;
      const r = await db.runAndReadAll(
        `(SELECT hh_id FROM read_parquet('${src}') ORDER BY hh_id LIMIT 5)
         UNION ALL (SELECT hh_id FROM read_parquet('${src}') ORDER BY hh_id DESC LIMIT 5)
         UNION ALL (SELECT hh_id FROM read_parquet('${src}') USING SAMPLE 20 ROWS)`,
      );
      ids.push(...r.getRowObjectsJS().map((x) => String(x.hh_id)));
    }
    db.closeSync();
    expect(ids.length).toBeGreaterThanOrEqual(30 * DATASETS.length);
    for (const file of filesUnder(join(out, 'site'))) {
      const text = readFileSync(file).toString('latin1');
      for (const hh of ids) expect(text.includes(hh), `${hh} in ${file}`).toBe(false);
      if (relative(join(out, 'site'), file).startsWith('data/')) expect(text.includes('hh_id'), file).toBe(false);
    }
  });

  it('boundaries carry code, name, name_en and parent_code only', () => {
    for (const id of DATASETS) {
      const dir = join(out, 'site', 'data', id, 'boundaries');
      for (const f of readdirSync(dir)) {
        const gj = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { features: { properties: Record<string, unknown> }[] };
        for (const feat of gj.features) expect(Object.keys(feat.properties).sort()).toEqual(['code', 'name', 'name_en', 'parent_code']);
      }
    }
  });

  it('publishes no cell with 1…k−1 households, and a hidden part has every figure null', () => {
    for (const id of DATASETS) {
      const dir = join(out, 'site', 'data', id, 'agg');
      for (const f of readdirSync(dir)) {
        for (const row of readAgg(join(dir, f))) {
          expect(Object.keys(row)).not.toContain('relocated_households');
          const all = row.households as number | null;
          const mon = row.monitored_households as number | null;
          const ok = (h: number) => h === 0 || h >= K;
          if (all !== null) expect(ok(all), `${id} ${row.code} all ${all}`).toBe(true);
          if (mon !== null) expect(ok(mon), `${id} ${row.code} monitored ${mon}`).toBe(true);
          if (all !== null && mon !== null) expect(ok(all - mon), `${id} ${row.code} tuopin ${all - mon}`).toBe(true);
          for (const prefix of ['', 'monitored_']) {
            const nulls = FIELDS.map((fld) => row[prefix + fld] === null);
            expect(new Set(nulls).size, `${id} ${row.code} ${prefix}: some figures null, some not`).toBe(1);
          }
        }
      }
    }
  });

  describe('a differencing attack on the published files', () => {
    let highs: Highs;
    beforeAll(async () => {
      highs = await loadHighs();
    });

    for (const id of ATTACKED) {
      it(`${id}: recovers no figure of a cell with fewer than k households (households and net, every period)`, () => {
        const site = join(out, 'site', 'data', id);
        const manifest = JSON.parse(readFileSync(join(site, 'manifest.json'), 'utf8')) as { files: Record<string, unknown> };
        // Parents from the boundaries, checked against the code prefixes.
        const parent = new Map<string, string | null>();
        const sig = (code: string) => code.replace(/0+$/, '');
        for (const name of Object.keys(manifest.files).filter((n) => n.startsWith('boundaries/'))) {
          const gj = JSON.parse(readFileSync(join(site, name), 'utf8')) as { features: { properties: { code: string; parent_code: string | null } }[] };
          for (const f of gj.features) {
            parent.set(f.properties.code, f.properties.parent_code);
            if (f.properties.parent_code) expect(f.properties.code.startsWith(sig(f.properties.parent_code).slice(0, Math.max(2, sig(f.properties.parent_code).length)))).toBe(true);
          }
        }
        const published: Row[] = [];
        const truth = new Map<string, Row>();
        for (const level of LEVELS) {
          const path = join(site, 'agg', `${level}.json`);
          if (!existsSync(path)) continue;
          published.push(...readAgg(path));
          for (const r of readAgg(join('public', 'data', id, 'agg', `${level}.json`))) truth.set(`${r.code}|${r.year}|${r.quarter}`, r);
        }
        const periods = [...new Set(published.map((r) => `${r.year}|${r.quarter}`))].sort();
        const codes = [...parent.keys()];
        const children = new Map<string, string[]>();
        for (const c of codes) {
          const p = parent.get(c);
          if (p) children.set(p, [...(children.get(p) ?? []), c]);
        }
        const pub = new Map(published.map((r) => [`${r.code}|${r.year}|${r.quarter}`, r]));
        const trueOf = (code: string, part: string, fld: string, period: string) => {
          const r = truth.get(`${code}|${period}`);
          if (!r) return 0;
          const a = r[fld] as number;
          const m = r[`monitored_${fld}`] as number;
          return part === 'all' ? a : part === 'monitored' ? m : a - m;
        };
        // Cells (code, part) with 1…k−1 households in some period: what must stay protected.
        const small = new Set<string>();
        for (const c of codes) for (const part of ['all', 'monitored', 'tuopin']) if (periods.some((p) => { const h = trueOf(c, part, 'households', p); return h > 0 && h < K; })) small.add(`${c}|${part}`);

        let checked = 0;
        let smallChecked = 0;
        for (const fld of ['households', 'net']) {
          const cache = new Map<string, Map<string, [number, number]>>();
          for (const period of periods) {
            // Unknowns and equations from the published numbers only.
            const known = (code: string, part: string): number | null => {
              const r = pub.get(`${code}|${period}`);
              if (!r) return null; // absent: suppressed
              const a = r[fld] as number | null;
              const m = r[`monitored_${fld}`] as number | null;
              if (part === 'all') return a;
              if (part === 'monitored') return m;
              return a !== null && m !== null ? a - m : null;
            };
            const eqs: { terms: [string, number][]; rhs: number }[] = [];
            const addEq = (members: [string, string, number][]) => {
              const terms: [string, number][] = [];
              let rhs = 0;
              for (const [code, part, coef] of members) {
                const v = known(code, part);
                if (v === null) terms.push([`${code}|${part}`, coef]);
                else rhs -= coef * v;
              }
              if (terms.length) eqs.push({ terms, rhs });
            };
            for (const c of codes) {
              addEq([[c, 'all', 1], [c, 'tuopin', -1], [c, 'monitored', -1]]);
              const kids = children.get(c);
              if (kids) for (const part of ['all', 'monitored', 'tuopin']) addEq([[c, part, 1], ...kids.map((k) => [k, part, -1] as [string, string, number])]);
            }
            for (const [name, [lo, hi]] of attackIntervals(highs, eqs, cache)) {
              const [code, part] = name.split('|') as [string, string];
              const h = trueOf(code, part, 'households', period);
              if (h === 0) continue;
              const v = trueOf(code, part, fld, period);
              checked++;
              expect(hi - lo, `${id} ${name} ${fld} ${period} pinned at ${v}`).toBeGreaterThan(1e-6 * Math.max(1, Math.abs(v)));
              if (small.has(name)) {
                smallChecked++;
                expect(lo, `${id} ${name} ${fld} ${period}: lower bound ${lo} too close to ${v}`).toBeLessThanOrEqual(v * (1 - P) + 1e-6 * Math.max(1, v));
                expect(hi, `${id} ${name} ${fld} ${period}: upper bound ${hi} too close to ${v}`).toBeGreaterThanOrEqual(v * (1 + P) - 1e-6 * Math.max(1, v));
              }
            }
          }
        }
        expect(smallChecked).toBeGreaterThan(0);
        expect(checked).toBeGreaterThanOrEqual(smallChecked);
      }, 900_000);
    }
  });
});

/**
 * min and max of every unknown subject to the equations and unknowns ≥ 0, per connected group of
 * unknowns (one HiGHS model each, objective changed between solves). `cache` keys a group by its
 * equations (identical groups, e.g. households in every period, are solved once).
 */
function attackIntervals(highs: Highs, eqs: { terms: [string, number][]; rhs: number }[], cache: Map<string, Map<string, [number, number]>>): Map<string, [number, number]> {
  const names = [...new Set(eqs.flatMap((e) => e.terms.map((t) => t[0])))];
  const idx = new Map(names.map((n, i) => [n, i]));
  const up = names.map((_, i) => i);
  const find = (i: number): number => (up[i] === i ? i : (up[i] = find(up[i]!)));
  for (const e of eqs) for (const [n] of e.terms) up[find(idx.get(n)!)] = find(idx.get(e.terms[0]![0])!);
  const groups = new Map<number, { vars: string[]; eqs: typeof eqs }>();
  names.forEach((n, i) => {
    const r = find(i);
    if (!groups.has(r)) groups.set(r, { vars: [], eqs: [] });
    groups.get(r)!.vars.push(n);
  });
  for (const e of eqs) groups.get(find(idx.get(e.terms[0]![0])!))!.eqs.push(e);
  const result = new Map<string, [number, number]>();
  for (const g of groups.values()) {
    const key = g.eqs.map((e) => `${e.terms.map((t) => t.join('*')).join('+')}=${e.rhs}`).join(';');
    let ranges = cache.get(key);
    if (!ranges) {
      ranges = new Map();
      const local = new Map(g.vars.map((n, i) => [n, i]));
      const scale = Math.max(1, ...g.eqs.map((e) => Math.abs(e.rhs)));
      const starts = [0];
      const indices: number[] = [];
      const values: number[] = [];
      for (const e of g.eqs) {
        const merged = new Map<number, number>();
        for (const [n, c] of e.terms) merged.set(local.get(n)!, (merged.get(local.get(n)!) ?? 0) + c);
        for (const [i, c] of [...merged].sort((a, b) => a[0] - b[0])) {
          indices.push(i);
          values.push(c);
        }
        starts.push(indices.length);
      }
      const nv = g.vars.length;
      const nr = g.eqs.length;
      const b = Float64Array.from(g.eqs, (e) => e.rhs / scale);
      const model = highs.createModel({
        numCols: nv,
        numRows: nr,
        colCost: new Float64Array(nv),
        colLower: new Float64Array(nv),
        colUpper: new Float64Array(nv).fill(highs.infinity),
        rowLower: b,
        rowUpper: b,
        matrix: { format: 'csr', numRows: nr, numCols: nv, starts, indices, values },
      } as Parameters<Highs['createModel']>[0]);
      try {
        model.options.set({ output_flag: false });
        for (let i = 0; i < nv; i++) {
          if (i > 0) model.changeColCost(i - 1, 0);
          model.changeColCost(i, 1);
          const ends = [highs.constants.objectiveSense.minimize, highs.constants.objectiveSense.maximize].map((sense) => {
            model.changeObjectiveSense(sense);
            model.run();
            const st = model.getModelStatus();
            if (st === highs.constants.modelStatus.unbounded) return sense === highs.constants.objectiveSense.maximize ? Infinity : -Infinity;
            expect(st).toBe(highs.constants.modelStatus.optimal);
            return model.getObjectiveValue() * scale;
          });
          ranges.set(g.vars[i]!, [ends[0]!, ends[1]!]);
        }
      } finally {
        model.dispose();
      }
      cache.set(key, ranges);
    }
    for (const [n, r] of ranges) result.set(n, r);
  }
  return result;
}

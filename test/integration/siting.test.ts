/**
 * `npm run site` on the Ningxia demo against an independent computation in native DuckDB: the
 * population's households, the demand within the radius of existing facilities (haversine in SQL),
 * and what the suggested sites newly cover, recomputed from the sites the command returned.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSite } from '../../src/pipeline/cli/site';
import type { SitingResult } from '../../src/siting/suggest';
import { openDataset, type DatasetDb } from './dataset-db';

const DATA = 'public/data/ningxia';
const R = 6371.0088;

/** SQL haversine distance in km between (lon1, lat1) and (lon2, lat2) columns, written out here. */
function distSql(lon1: string, lat1: string, lon2: string, lat2: string): string {
  return `2 * ${R} * asin(sqrt(pow(sin(radians(${lat2} - ${lat1}) / 2), 2) + cos(radians(${lat1})) * cos(radians(${lat2})) * pow(sin(radians(${lon2} - ${lon1}) / 2), 2)))`;
}

const POPULATION_SQL: Record<string, string> = {
  labour: `h.labour > 0`,
  monitoring_labour: `h.labour > 0 AND h.category <> 'tuopin'`,
  low_income_labour: `h.labour > 0 AND EXISTS (SELECT 1 FROM income a JOIN income b ON a.hh_id = b.hh_id
      WHERE a.hh_id = h.hh_id AND a.year = Y AND a.quarter = 4 AND b.year = Y - 1 AND b.quarter = 4
        AND (a.wage + a.operating + a.property + a.transfer) / h.persons < 12000
        AND (a.wage + a.operating + a.property + a.transfer) / h.persons <= (b.wage + b.operating + b.property + b.transfer) / h.persons)`,
  zero_employment: `h.labour > 0 AND EXISTS (SELECT 1 FROM income a WHERE a.hh_id = h.hh_id AND a.year = Y AND a.quarter = 4
        AND a.employed_out_province + a.employed_in_province + a.employed_in_county = 0)`,
};

describe('npm run site on the Ningxia demo', () => {
  let ds: DatasetDb;
  beforeAll(async () => {
    ds = await openDataset(DATA);
  }, 120_000);
  afterAll(async () => ds?.close());

  async function independent(population: string, year: number, kind: string, radius: number, scopePrefix: string, sites: { lon: number; lat: number }[]) {
    await ds.db.run(`CREATE OR REPLACE TEMP TABLE dem AS SELECT h.village_code, count(*) AS n FROM households h
      WHERE ${POPULATION_SQL[population].replace(/\bY\b/g, String(year))} AND h.village_code LIKE '${scopePrefix}%' GROUP BY 1`);
    await ds.db.run(`CREATE OR REPLACE TEMP TABLE demv AS SELECT d.village_code, d.n, r.lon, r.lat FROM dem d JOIN regions r ON r.code = d.village_code AND r.level = 5`);
    const total = await ds.one<{ n: number }>(`SELECT sum(n)::DOUBLE AS n FROM demv`);
    await ds.db.run(`CREATE OR REPLACE TEMP TABLE ex AS SELECT DISTINCT v.village_code FROM demv v, facilities f
      WHERE f.kind = '${kind}' AND ${distSql('v.lon', 'v.lat', 'f.lon', 'f.lat')} <= ${radius}`);
    const existing = await ds.one<{ n: number }>(`SELECT coalesce(sum(n), 0)::DOUBLE AS n FROM demv WHERE village_code IN (SELECT village_code FROM ex)`);
    const values = sites.length ? sites.map((s) => `(${s.lon}, ${s.lat})`).join(', ') : '(NULL, NULL)';
    const covered = await ds.one<{ n: number }>(`SELECT coalesce(sum(n), 0)::DOUBLE AS n FROM demv v
      WHERE v.village_code NOT IN (SELECT village_code FROM ex)
        AND EXISTS (SELECT 1 FROM (VALUES ${values}) s(lon, lat) WHERE ${distSql('v.lon', 'v.lat', 's.lon', 's.lat')} <= ${radius})`);
    return { total: Number(total.n), existing: Number(existing.n), covered: Number(covered.n) };
  }

  let greedy: SitingResult;
  let exact: SitingResult;

  it('greedy: demand, existing coverage and the sites’ coverage equal an independent DuckDB computation', async () => {
    greedy = await runSite({ data: DATA, kind: 'industry_base', radiusKm: 5, k: 10, population: 'low_income_labour', method: 'greedy' });
    expect(greedy.year).toBe(2024);
    expect(greedy.scope).toBe('640000000000');
    const ind = await independent('low_income_labour', 2024, 'industry_base', 5, '64', greedy.sites);
    expect(greedy.demandTotal).toBe(ind.total);
    expect(greedy.coveredByExisting).toBe(ind.existing);
    expect(greedy.covered).toBe(ind.covered);
    expect(greedy.sites).toHaveLength(10);
    expect(greedy.curve.map((c) => c.k)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(greedy.curve.at(-1)!.covered).toBe(greedy.covered);
    // Gains fall (greedy) and add up to the coverage.
    for (let i = 1; i < greedy.sites.length; i++) expect(greedy.sites[i].gain).toBeLessThanOrEqual(greedy.sites[i - 1].gain);
    expect(greedy.bound).toBeGreaterThanOrEqual(greedy.covered);
  }, 300_000);

  it('exact: optimal, at least the greedy coverage, and its sites cover what it says', async () => {
    exact = await runSite({ data: DATA, kind: 'industry_base', radiusKm: 5, k: 10, population: 'low_income_labour', method: 'exact' });
    expect(exact.optimal).toBe(true);
    expect(exact.bound).toBe(exact.covered);
    expect(exact.covered).toBeGreaterThanOrEqual(greedy.covered);
    const ind = await independent('low_income_labour', 2024, 'industry_base', 5, '64', exact.sites);
    expect(exact.covered).toBe(ind.covered);
    expect(exact.curve).toEqual(greedy.curve);
  }, 300_000);

  it('other populations, a county scope and a year: demand and existing coverage match', async () => {
    for (const [population, kind, radius] of [['zero_employment', 'workshop', 8], ['monitoring_labour', 'coop', 3], ['labour', 'relocation_site', 10]] as const) {
      const r = await runSite({ data: DATA, kind, radiusKm: radius, k: 3, population, method: 'greedy', scope: '640324000000', year: 2023 });
      const ind = await independent(population, 2023, kind, radius, '640324', r.sites);
      expect([population, r.demandTotal, r.coveredByExisting, r.covered]).toEqual([population, ind.total, ind.existing, ind.covered]);
      expect(r.demandTotal).toBeGreaterThan(0);
    }
  }, 600_000);

  it('the command prints the same JSON, and refuses a bad question with the reason', () => {
    const out = execFileSync('npx', ['tsx', 'src/pipeline/cli/site.ts', '--data', DATA, '--kind', 'industry_base', '--radius', '5', '--k', '10', '--format', 'json'], { encoding: 'utf8' });
    const r = JSON.parse(out) as SitingResult;
    expect({ ...r, elapsedMs: 0 }).toEqual({ ...greedy, elapsedMs: 0 });
    const fail = (args: string[]) => {
      try {
        execFileSync('npx', ['tsx', 'src/pipeline/cli/site.ts', '--data', DATA, ...args], { encoding: 'utf8', stdio: 'pipe' });
        return '';
      } catch (e) {
        return String((e as { stderr: string }).stderr);
      }
    };
    expect(fail(['--kind', 'castle', '--radius', '5', '--k', '3'])).toMatch(/No facility kind castle/);
    expect(fail(['--kind', 'coop', '--radius', '5', '--k', '3', '--year', '2025'])).toMatch(/2025 has no full-year/);
    expect(fail(['--kind', 'coop', '--radius', '-1', '--k', '3'])).toMatch(/--radius/);
  }, 300_000);
});

/**
 * The Beizhang demo data (seed 002, plan beizhang-2022): a township root with a synthetic polygon,
 * ≈22% growth in 2022 with villages on both sides, and falling households with the eight causes.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataset, TUOPIN, type DatasetDb } from './dataset-db';

const DIR = 'public/data/beizhang';
let d: DatasetDb;
beforeAll(async () => {
  d = await openDataset(DIR);
});
afterAll(async () => d?.close());

describe('Beizhang demo geography', () => {
  it('is rooted at 北张乡 (level 4) with its ten villages, boundaries and aggregates for both levels', async () => {
    expect(d.manifest.root).toEqual({ code: '141121202000', level: 4 });
    expect(d.manifest.asOf).toEqual({ year: 2022, quarter: 4 });
    expect(d.manifest.years).toEqual([2021, 2022]);
    const rows = await d.db.query<{ code: string; level: number; parent_code: string | null; area_km2: number; lon: number; lat: number }>(
      'SELECT code, level, parent_code, area_km2, lon, lat FROM regions ORDER BY code');
    expect(rows).toHaveLength(11);
    expect(rows[0]).toMatchObject({ code: '141121202000', level: 4, parent_code: null });
    expect(rows.slice(1).every((r) => r.level === 5 && r.parent_code === '141121202000')).toBe(true);
    // The root's synthetic cell lies in 文水县 (about 111.9–112.5 E, 37.2–37.7 N) and is township-sized.
    expect(rows[0].lon).toBeGreaterThan(111.8);
    expect(rows[0].lon).toBeLessThan(112.6);
    expect(rows[0].lat).toBeGreaterThan(37.1);
    expect(rows[0].lat).toBeLessThan(37.8);
    expect(rows[0].area_km2).toBeGreaterThan(10);
    expect(rows[0].area_km2).toBeLessThan(300);
    expect(Object.keys(d.manifest.files).filter((f) => !f.endsWith('.parquet') && f !== 'manifest.json').sort()).toEqual([
      'agg/township.json', 'agg/village.json', 'boundaries/township.geojson', 'boundaries/village.geojson', 'report/beizhang-2022.json',
    ]);
    const township = JSON.parse(readFileSync(`${DIR}/boundaries/township.geojson`, 'utf8'));
    expect(township.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual(['141121202000']);
  });
});

describe('Beizhang demo against plan beizhang-2022', () => {
  it('gives every household its 2021 and 2022 figures (2022 also quarter by quarter)', async () => {
    const r = await d.one<{ n: number; complete: number }>(`SELECT count(*)::INT AS n,
      count(*) FILTER (WHERE (SELECT list(year || 'Q' || quarter ORDER BY year, quarter) FROM income i WHERE i.hh_id = h.hh_id)
        = ['2021Q4', '2022Q1', '2022Q2', '2022Q3', '2022Q4'])::INT AS complete FROM households h`);
    expect(r.n).toBe(520);
    expect(r.complete).toBe(520);
  });

  // Seed 002 §三 speaks of 脱贫户 (category tuopin), not the 三类户 monitoring objects also surveyed.
  it('grows 脱贫户 per-capita income 22.5% in 2022 (±0.1 point), above the seed\'s 22%, with villages on both sides of 22%', async () => {
    const g = (await d.perCapita(2022, 4, TUOPIN)) / (await d.perCapita(2021, 4, TUOPIN)) - 1;
    expect(Math.abs(g - 0.225)).toBeLessThanOrEqual(0.001);
    expect(g).toBeGreaterThanOrEqual(0.22);
    const rows = await d.db.query<{ g: number }>(`SELECT (sum(net) FILTER (WHERE year = 2022) / sum(persons) FILTER (WHERE year = 2022)) /
      (sum(net) FILTER (WHERE year = 2021) / sum(persons) FILTER (WHERE year = 2021)) - 1 AS g FROM pc WHERE quarter = 4 AND ${TUOPIN} GROUP BY village_code`);
    expect(rows).toHaveLength(10);
    expect(rows.filter((r) => r.g < 0.22).length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((r) => r.g >= 0.22).length).toBeGreaterThanOrEqual(2);
  });

  it('records one of the eight decline causes for every falling household, all eight present, across villages', async () => {
    const r = await d.one<{ falling: number; without: number; spurious: number; causes: number; villages: number }>(`SELECT
      count(*) FILTER (WHERE a.net < b.net)::INT AS falling,
      count(*) FILTER (WHERE a.net < b.net AND a.decline_cause IS NULL)::INT AS without,
      count(*) FILTER (WHERE a.net >= b.net AND a.decline_cause IS NOT NULL)::INT AS spurious,
      count(DISTINCT a.decline_cause)::INT AS causes,
      count(DISTINCT a.village_code) FILTER (WHERE a.net < b.net)::INT AS villages
      FROM pc a JOIN pc b ON a.hh_id = b.hh_id AND b.year = 2021 AND b.quarter = 4
      WHERE a.year = 2022 AND a.quarter = 4`);
    expect(r.falling).toBeGreaterThanOrEqual(30);
    expect(r.without).toBe(0);
    expect(r.spurious).toBe(0);
    expect(r.causes).toBe(8);
    expect(r.villages).toBeGreaterThanOrEqual(8);
  });
});

/**
 * The Daxiang demo data (seed 000, plan daxiang-2023) comes out mixed against its targets:
 * ≈20% yearly growth with townships on both sides, most but not all villages with collective
 * income ≥ 100,000, a few zero-employment households with labour.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataset, type DatasetDb } from './dataset-db';

let d: DatasetDb;
beforeAll(async () => {
  d = await openDataset('public/data/daxiang');
});
afterAll(async () => d?.close());

describe('Daxiang demo geography and population', () => {
  it('is rooted at 大祥区 (level 3) with boundaries and aggregates from the county down', async () => {
    expect(d.manifest.root).toEqual({ code: '430503000000', level: 3 });
    expect(d.manifest.plans).toEqual(['daxiang-2023']);
    const levels = await d.db.query<{ level: number; n: number }>('SELECT level, count(*)::INT AS n FROM regions GROUP BY 1 ORDER BY 1');
    expect(levels.map((l) => l.level)).toEqual([3, 4, 5]);
    const root = await d.one<{ parent_code: string | null; name: string }>("SELECT parent_code, name FROM regions WHERE code = '430503000000'");
    expect(root).toEqual({ parent_code: null, name: '大祥区' });
    for (const f of ['boundaries/county.geojson', 'boundaries/township.geojson', 'boundaries/village.geojson', 'agg/county.json', 'agg/township.json', 'agg/village.json']) {
      expect(d.manifest.files[f], f).toBeDefined();
    }
    expect(d.manifest.files['boundaries/province.geojson']).toBeUndefined();
  });

  it('has ≈4,200 households, every one with a management class (all four present) and every collected quarter', async () => {
    const r = await d.one<{ n: number; classes: number; nullClass: number }>(`SELECT count(*)::INT AS n,
      count(DISTINCT mgmt_class)::INT AS classes, count(*) FILTER (WHERE mgmt_class IS NULL)::INT AS nullClass FROM households`);
    expect(r.n).toBe(4200);
    expect(r.classes).toBe(4);
    expect(r.nullClass).toBe(0);
    const periods = await d.db.query<{ p: string; n: number }>(`SELECT year || 'Q' || quarter AS p, count(*)::INT AS n FROM income GROUP BY 1 ORDER BY 1`);
    expect(periods.map((x) => x.p)).toEqual(['2022Q4', '2023Q4', '2024Q1', '2024Q2', '2024Q3', '2024Q4', '2025Q1', '2025Q2', '2025Q3']);
    expect(periods.every((x) => x.n === 4200)).toBe(true);
  });
});

describe('Daxiang demo against plan daxiang-2023', () => {
  it('grows per-capita income ≈20% a year on average over 2023–2025 (2025 from Q1–Q3 year to date)', async () => {
    const v22 = await d.perCapita(2022);
    const v23 = await d.perCapita(2023);
    const v24 = await d.perCapita(2024);
    const ytd = (await d.perCapita(2025, 3)) / (await d.perCapita(2024, 3)) - 1;
    const g = [v23 / v22 - 1, v24 / v23 - 1, ytd];
    expect(g[0]).toBeCloseTo(0.215, 2);
    expect(g[1]).toBeCloseTo(0.2, 2);
    expect(Math.abs(g[2] - 0.18)).toBeLessThan(0.01);
    const avg = Math.cbrt((1 + g[0]) * (1 + g[1]) * (1 + g[2])) - 1;
    expect(avg).toBeGreaterThan(0.19);
    expect(avg).toBeLessThan(0.21);
  });

  it('spreads 2022–2024 growth across townships, some below 20% a year and some above', async () => {
    const rows = await d.db.query<{ township: string; n: number; g: number }>(`SELECT township, count(*) FILTER (WHERE year = 2024)::INT AS n,
      sqrt((sum(net) FILTER (WHERE year = 2024) / sum(persons) FILTER (WHERE year = 2024)) /
           (sum(net) FILTER (WHERE year = 2022) / sum(persons) FILTER (WHERE year = 2022))) - 1 AS g
      FROM pc WHERE quarter = 4 GROUP BY 1`);
    const big = rows.filter((r) => r.n >= 100);
    expect(big.length).toBeGreaterThanOrEqual(5);
    expect(big.filter((r) => r.g < 0.2).length).toBeGreaterThanOrEqual(1);
    expect(big.filter((r) => r.g >= 0.2).length).toBeGreaterThanOrEqual(1);
  });

  it('has most but not all villages with collective income ≥ 100,000 yuan', async () => {
    const rows = await d.db.query<{ year: number; share: number; below: number }>(`SELECT year,
      avg(CASE WHEN collective_income >= 100000 THEN 1 ELSE 0 END) AS share,
      count(*) FILTER (WHERE collective_income < 100000)::INT AS below FROM villages GROUP BY 1 ORDER BY 1`);
    expect(rows.map((r) => r.year)).toEqual([2022, 2023, 2024]);
    for (const r of rows) {
      expect(r.share).toBeGreaterThan(0.7);
      expect(r.below).toBeGreaterThanOrEqual(1);
    }
  });

  it('leaves a few households with labour and nobody employed (零就业家庭 not yet cleared)', async () => {
    const rows = await d.db.query<{ year: number; zero: number }>(`SELECT year,
      count(*) FILTER (WHERE labour > 0 AND employed = 0)::INT AS zero FROM pc WHERE quarter = 4 GROUP BY 1 ORDER BY 1`);
    for (const r of rows) {
      expect(r.zero).toBeGreaterThanOrEqual(1);
      expect(r.zero).toBeLessThanOrEqual(60);
    }
  });
});

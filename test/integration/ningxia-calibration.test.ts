/**
 * The Ningxia demo data reproduces the figures it is calibrated to (issue #2, seed 004).
 * Reads the generated parquet files in public/data/ningxia with DuckDB.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/domain/dataset';
import { NativeDuckDB } from '../../src/pipeline/native-duckdb';

const DIR = 'public/data/ningxia';
let db: NativeDuckDB;
const manifest = JSON.parse(readFileSync(`${DIR}/manifest.json`, 'utf8')) as Manifest;

// seed 004 §一: counties whose level must stay above the national 脱贫人口 average …
const LEVEL_COUNTIES = ['西夏区', '贺兰县', '大武口区', '惠农区', '平罗县', '利通区', '盐池县', '隆德县', '沙坡头区', '海原县'];
// … and counties whose growth must stay above the regional average.
const GROWTH_COUNTIES = ['兴庆区', '金凤区', '永宁县', '灵武市', '红寺堡区', '同心县', '青铜峡市', '原州区', '西吉县', '泾源县', '彭阳县', '中宁县'];
const SOUTH_MOUNTAIN = ['西吉县', '海原县', '原州区', '同心县', '彭阳县', '泾源县', '隆德县', '盐池县', '红寺堡区'];

async function one<T>(sql: string): Promise<T> {
  return (await db.query<T>(sql))[0];
}

beforeAll(async () => {
  db = await NativeDuckDB.open();
  for (const t of ['households', 'income', 'regions', 'facilities', 'villages', 'reference']) {
    await db.registerParquet(t, `${DIR}/${t}.parquet`);
  }
  await db.run(`CREATE TABLE pc AS SELECT i.hh_id, i.year, i.quarter, h.persons, h.village_code, h.category,
      substr(h.village_code, 1, 6) || '000000' AS county,
      i.wage + i.operating + i.property + i.transfer AS net
    FROM income i JOIN households h USING (hh_id)`);
});
afterAll(async () => db?.close());

describe('Ningxia demo population', () => {
  it('has about 200,000 households of 3.5–4.2 persons', async () => {
    const r = await one<{ n: number; p: number }>('SELECT count(*) AS n, avg(persons) AS p FROM households');
    expect(r.n).toBeGreaterThanOrEqual(180_000);
    expect(r.n).toBeLessThanOrEqual(220_000);
    expect(r.p).toBeGreaterThanOrEqual(3.5);
    expect(r.p).toBeLessThanOrEqual(4.2);
  });

  it('concentrates households in the southern mountain counties, few in Yinchuan’s urban districts', async () => {
    const rows = await db.query<{ name: string; n: number }>(`SELECT r.name, count(*) AS n FROM households h
      JOIN regions r ON r.code = substr(h.village_code, 1, 6) || '000000' GROUP BY 1`);
    const total = rows.reduce((a, r) => a + r.n, 0);
    const share = (names: string[]) => rows.filter((r) => names.includes(r.name)).reduce((a, r) => a + r.n, 0) / total;
    expect(share(SOUTH_MOUNTAIN)).toBeGreaterThan(0.6);
    expect(share(['兴庆区', '金凤区', '西夏区'])).toBeLessThan(0.03);
  });

  it('places households in rural villages far more than in urban communities', async () => {
    const r = await one<{ rural: number; urban: number }>(`SELECT
      count(*) FILTER (WHERE substr(village_code, 10, 1) = '2') / count(DISTINCT village_code) FILTER (WHERE substr(village_code, 10, 1) = '2') AS rural,
      count(*) FILTER (WHERE substr(village_code, 10, 1) IN ('0', '1')) / greatest(1, count(DISTINCT village_code) FILTER (WHERE substr(village_code, 10, 1) IN ('0', '1'))) AS urban
      FROM households`);
    expect(r.rural).toBeGreaterThan(8 * r.urban);
  });

  it('has 8–12% monitoring objects in the three kinds, all four management classes and ~5% without labour', async () => {
    const r = await one<{ mon: number; kinds: number; classes: number; nolab: number }>(`SELECT
      avg(CASE WHEN category <> 'tuopin' THEN 1 ELSE 0 END) AS mon,
      count(DISTINCT category) FILTER (WHERE category <> 'tuopin') AS kinds,
      count(DISTINCT mgmt_class) AS classes,
      avg(CASE WHEN no_labour THEN 1 ELSE 0 END) AS nolab FROM households`);
    expect(r.mon).toBeGreaterThanOrEqual(0.08);
    expect(r.mon).toBeLessThanOrEqual(0.12);
    expect(r.kinds).toBe(3);
    expect(r.classes).toBe(4);
    expect(r.nolab).toBeGreaterThanOrEqual(0.04);
    expect(r.nolab).toBeLessThanOrEqual(0.07);
  });

  it('relocates 15–20% of households to ~150 sites, 闽宁镇 and 红寺堡区 among the largest', async () => {
    const r = await one<{ share: number; orphans: number }>(`SELECT avg(CASE WHEN relocated THEN 1 ELSE 0 END) AS share,
      count(*) FILTER (WHERE relocated AND relocation_site NOT IN (SELECT id FROM facilities WHERE kind = 'relocation_site')) AS orphans
      FROM households`);
    expect(r.share).toBeGreaterThanOrEqual(0.15);
    expect(r.share).toBeLessThanOrEqual(0.2);
    expect(r.orphans).toBe(0);
    const sites = await db.query<{ village_code: string; relocated_households: number }>(
      "SELECT village_code, relocated_households FROM facilities WHERE kind = 'relocation_site' ORDER BY relocated_households DESC");
    expect(sites.length).toBeGreaterThanOrEqual(140);
    expect(sites.length).toBeLessThanOrEqual(160);
    const top5 = sites.slice(0, 5).map((s) => s.village_code);
    expect(top5.some((c) => c.startsWith('640121104'))).toBe(true);
    expect(top5.some((c) => c.startsWith('640303'))).toBe(true);
    const agree = await one<{ bad: number }>(`SELECT count(*) AS bad FROM facilities f
      WHERE kind = 'relocation_site' AND relocated_households <> (SELECT count(*) FROM households h WHERE h.relocation_site = f.id)`);
    expect(agree.bad).toBe(0);
  });
});

// Seed 004 §一 speaks of 脱贫人口: households lifted out of poverty that are not monitoring objects
// (category tuopin; the targets engine's population `tuopin`).
const TUOPIN = "category = 'tuopin'";

describe('Ningxia demo income (population-weighted)', () => {
  async function regional(year: number, quarter = 4, where = 'TRUE'): Promise<number> {
    return (await one<{ v: number }>(`SELECT sum(net) / sum(persons) AS v FROM pc WHERE year = ${year} AND quarter = ${quarter} AND ${where}`)).v;
  }

  it('grows 脱贫人口 income 16.3%, 16.3%, 16.2% in 2021–2023 (±0.1 point each) to 19,000 in 2024 (±1%), seed 004 §一', async () => {
    const [y20, y21, y22, y23, y24] = await Promise.all([2020, 2021, 2022, 2023, 2024].map((y) => regional(y, 4, TUOPIN)));
    expect(Math.abs(y20 / 10380 - 1)).toBeLessThan(0.005);
    expect(Math.abs(y21 / y20 - 1 - 0.163)).toBeLessThanOrEqual(0.001);
    expect(Math.abs(y22 / y21 - 1 - 0.163)).toBeLessThanOrEqual(0.001);
    expect(Math.abs(y23 / y22 - 1 - 0.162)).toBeLessThanOrEqual(0.001);
    expect(Math.abs(y24 / 19000 - 1)).toBeLessThanOrEqual(0.01);
  });

  it('keeps monitoring objects out of that figure: every household together is lower (their income is lower)', async () => {
    const [tuopin, all] = await Promise.all([regional(2024, 4, TUOPIN), regional(2024)]);
    expect(all).toBeLessThan(tuopin * 0.99);
  });

  it('holds full years 2020–2024, quarters 1–3 of 2024, and only quarters 1–3 of 2025', async () => {
    const periods = await db.query<{ year: number; quarter: number }>('SELECT DISTINCT year, quarter FROM income ORDER BY 1, 2');
    expect(periods.map((p) => `${p.year}Q${p.quarter}`)).toEqual([
      '2020Q4', '2021Q4', '2022Q4', '2023Q4', '2024Q1', '2024Q2', '2024Q3', '2024Q4', '2025Q1', '2025Q2', '2025Q3',
    ]);
    expect(manifest.asOf).toEqual({ year: 2025, quarter: 3 });
  });

  it('has 31,400 ± 5% low-income-group households in 2023 (below 12,000 and not rising)', async () => {
    const r = await one<{ n: number }>(`SELECT count(*) AS n FROM pc a JOIN pc b ON a.hh_id = b.hh_id
      WHERE a.year = 2023 AND a.quarter = 4 AND b.year = 2022 AND b.quarter = 4
        AND a.net / a.persons < 12000 AND a.net <= b.net`);
    expect(Math.abs(r.n / 31400 - 1)).toBeLessThanOrEqual(0.05);
  });

  it('mixes income as wage 60–70%, operating 15–22%, transfer 10–18%, property 1–4%', async () => {
    for (const year of [2020, 2024]) {
      const r = await one<{ w: number; o: number; p: number; t: number }>(`SELECT sum(wage) / sum(wage + operating + property + transfer) AS w,
        sum(operating) / sum(wage + operating + property + transfer) AS o, sum(property) / sum(wage + operating + property + transfer) AS p,
        sum(transfer) / sum(wage + operating + property + transfer) AS t FROM income WHERE year = ${year} AND quarter = 4`);
      expect(r.w).toBeGreaterThanOrEqual(0.6);
      expect(r.w).toBeLessThanOrEqual(0.7);
      expect(r.o).toBeGreaterThanOrEqual(0.15);
      expect(r.o).toBeLessThanOrEqual(0.22);
      expect(r.t).toBeGreaterThanOrEqual(0.1);
      expect(r.t).toBeLessThanOrEqual(0.18);
      expect(r.p).toBeGreaterThanOrEqual(0.01);
      expect(r.p).toBeLessThanOrEqual(0.04);
    }
  });

  it('gives every household whose full-year income fell one of the eight decline causes, and no other a cause', async () => {
    const r = await one<{ falling: number; without: number; spurious: number; causes: number }>(`SELECT
      count(*) FILTER (WHERE a.net < b.net) AS falling,
      count(*) FILTER (WHERE a.net < b.net AND i.decline_cause IS NULL) AS without,
      count(*) FILTER (WHERE a.net >= b.net AND i.decline_cause IS NOT NULL) AS spurious,
      count(DISTINCT i.decline_cause) AS causes
      FROM pc a JOIN pc b ON a.hh_id = b.hh_id AND b.year = a.year - 1 AND b.quarter = 4
      JOIN income i ON i.hh_id = a.hh_id AND i.year = a.year AND i.quarter = 4
      WHERE a.quarter = 4`);
    expect(r.falling).toBeGreaterThan(10_000);
    expect(r.without).toBe(0);
    expect(r.spurious).toBe(0);
    expect(r.causes).toBe(8);
  });

  it('in 2022 (the latest published national 脱贫人口 average) leaves a "level" county below it; in 2023 three "growth" counties below regional growth (脱贫人口)', async () => {
    const national = (await one<{ v: number }>("SELECT value AS v FROM reference WHERE series = 'tuopin_income_national' AND year = 2022")).v;
    expect(national).toBe(14342);
    const rows = await db.query<{ name: string; v23: number; v22: number }>(`SELECT r.name,
      sum(net) FILTER (WHERE year = 2023) / sum(persons) FILTER (WHERE year = 2023) AS v23,
      sum(net) FILTER (WHERE year = 2022) / sum(persons) FILTER (WHERE year = 2022) AS v22
      FROM pc JOIN regions r ON r.code = pc.county WHERE quarter = 4 AND ${TUOPIN} GROUP BY 1`);
    const regionalGrowth = (await regional(2023, 4, TUOPIN)) / (await regional(2022, 4, TUOPIN)) - 1;
    const level = rows.filter((r) => LEVEL_COUNTIES.includes(r.name));
    const growth = rows.filter((r) => GROWTH_COUNTIES.includes(r.name));
    expect(level).toHaveLength(10);
    expect(growth).toHaveLength(12);
    const levelBelow = level.filter((r) => r.v22 < national).length;
    const growthBelow = growth.filter((r) => r.v23 / r.v22 - 1 < regionalGrowth).length;
    expect(levelBelow).toBeGreaterThanOrEqual(1);
    expect(levelBelow).toBeLessThan(10);
    expect(growthBelow).toBeGreaterThanOrEqual(3);
    expect(growthBelow).toBeLessThan(12);
  });
});

describe('Ningxia demo facilities, villages and reference series', () => {
  it('places goji mostly around 中宁/同心, wine on the eastern foot of Helan Mountain, beef in Guyuan, Tan sheep in 盐池/同心/红寺堡', async () => {
    const rows = await db.query<{ industry: string; name: string; n: number }>(`SELECT f.industry, r.name, count(*) AS n
      FROM facilities f JOIN regions r ON r.code = f.county_code WHERE kind = 'industry_base' GROUP BY 1, 2`);
    const share = (industry: string, names: string[]) => {
      const of = rows.filter((r) => r.industry === industry);
      return of.filter((r) => names.includes(r.name)).reduce((a, r) => a + r.n, 0) / of.reduce((a, r) => a + r.n, 0);
    };
    expect(share('goji', ['中宁县', '同心县'])).toBeGreaterThan(0.6);
    expect(share('wine', ['西夏区', '永宁县', '贺兰县', '青铜峡市', '红寺堡区', '大武口区'])).toBe(1);
    expect(share('beef', ['原州区', '西吉县', '隆德县', '泾源县', '彭阳县'])).toBe(1);
    expect(share('tan_sheep', ['盐池县', '同心县', '红寺堡区'])).toBeGreaterThan(0.7);
    expect(share('dairy', ['灵武市', '利通区'])).toBeGreaterThan(0.5);
    expect(share('vegetables', ['西吉县', '原州区', '彭阳县'])).toBeGreaterThan(0.6);
  });

  it('has five industrial parks, workshops employing about 12,000, and PV stations', async () => {
    const r = await db.query<{ kind: string; n: number; jobs: number }>('SELECT kind, count(*) AS n, sum(jobs) AS jobs FROM facilities GROUP BY 1');
    const by = Object.fromEntries(r.map((x) => [x.kind, x]));
    expect(by.industrial_park.n).toBe(5);
    expect(by.workshop.jobs).toBeGreaterThan(10_000);
    expect(by.workshop.jobs).toBeLessThan(14_000);
    expect(by.pv_station.n).toBeGreaterThan(50);
  });

  it('places every facility inside Ningxia', async () => {
    const r = await one<{ out: number }>('SELECT count(*) AS out FROM facilities WHERE lon NOT BETWEEN 104.2 AND 107.7 OR lat NOT BETWEEN 35.2 AND 39.4');
    expect(r.out).toBe(0);
  });

  it('records collective income for every rural village in every full year', async () => {
    const r = await one<{ villages: number; missing: number }>(`SELECT count(*) AS villages,
      count(*) FILTER (WHERE (SELECT count(*) FROM villages v WHERE v.village_code = r.code) <> 5) AS missing
      FROM regions r WHERE level = 5 AND substr(code, 10, 1) = '2'`);
    expect(r.villages).toBeGreaterThan(2000);
    expect(r.missing).toBe(0);
  });

  it('carries the reference series of DOMAIN.md, each value marked published or estimate', async () => {
    const rows = await db.query<{ series: string; n: number }>('SELECT series, count(*)::INT AS n FROM reference GROUP BY 1 ORDER BY 1');
    expect(rows.map((r) => r.series)).toEqual(['monitoring_line', 'rural_disposable_income', 'tuopin_county_rural_income_national', 'tuopin_income_national']);
    const statuses = await db.query<{ status: string }>('SELECT DISTINCT status FROM reference ORDER BY 1');
    expect(statuses.map((r) => r.status)).toEqual(['estimate', 'published']);
    // The illustrative monitoring line is an estimate.
    const line = await one<{ n: number }>("SELECT count(*) FILTER (WHERE status <> 'estimate')::INT AS n FROM reference WHERE series = 'monitoring_line'");
    expect(line.n).toBe(0);
  });

  it('keeps the national 脱贫人口 average (2021, 2022 only) apart from the 脱贫县 rural income (16,396 in 2023, 17,522 in 2024)', async () => {
    const of = async (series: string) => (await db.query<{ year: number; value: number; status: string }>(
      `SELECT year, value, status FROM reference WHERE series = '${series}' AND region_code = '000000000000' ORDER BY year`)).map((r) => ({ ...r }));
    expect(await of('tuopin_income_national')).toEqual([
      { year: 2021, value: 12550, status: 'published' },
      { year: 2022, value: 14342, status: 'published' },
    ]);
    const county = await of('tuopin_county_rural_income_national');
    expect(county.map((r) => [r.year, r.value])).toEqual([[2020, 12588], [2021, 14051], [2022, 15111], [2023, 16396], [2024, 17522]]);
  });

  it('says it is synthetic in the manifest, with every file listed with its size and hash', () => {
    expect(manifest.synthetic).toBe(true);
    expect(manifest.provenance).toMatch(/SYNTHETIC/);
    expect(manifest.syntheticGeometry).toEqual(['township', 'village']);
    for (const f of ['households.parquet', 'income.parquet', 'regions.parquet', 'boundaries/county.geojson', 'agg/county.json']) {
      expect(manifest.files[f]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});

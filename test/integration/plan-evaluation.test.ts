/**
 * Every target kind through the named target queries and the pure engine, on the real DuckDB-WASM
 * (Node build) over the hand-made fixture of test/fixtures/targets-dataset.ts. Expected values are
 * worked out by hand in the comments.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Connector } from '../../src/data/engine/connector';
import { createNodeConnector } from '../../src/data/engine/node';
import { evaluatePlan } from '../../src/data/plan-evaluation';
import type { Manifest } from '../../src/domain/dataset';
import type { Plan, Target, TargetEvaluation } from '../../src/targets/types';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadReference } from '../../src/pipeline/generate/dataset';
import { createTargetsDataset, TARGETS_MANIFEST } from '../fixtures/targets-dataset';

let db: Connector;
beforeAll(async () => {
  db = createNodeConnector();
  await createTargetsDataset(db);
});
afterAll(async () => db.close());

const ROOT = '640000000000';
const XIJI = '640422000000';

function plan(...targets: Partial<Target>[]): Plan {
  return {
    id: 'fixture', title: { zh: '测试', en: 'Test' }, issuer: { zh: '', en: '' }, docNo: '', region: ROOT, period: [2023, 2025],
    source: 'test', targets: targets.map((t, i) => ({
      id: `t${i}`, label: { zh: 't', en: 't' }, kind: 'level', metric: 'per_capita_income', population: 'all', years: [2024],
      source: 'test §1', quote: 'q', ...t,
    }) as Target),
  };
}

async function one(t: Partial<Target>, options: { codes?: string[]; year?: number; manifest?: Manifest } = {}): Promise<TargetEvaluation> {
  const rows = await evaluatePlan(db, { plan: plan(t), manifest: options.manifest ?? TARGETS_MANIFEST, codes: options.codes ?? [ROOT], year: options.year });
  expect(rows).toHaveLength(1);
  return rows[0];
}

describe('level, growth, ratio and relative targets (population-weighted per-capita income)', () => {
  test('level: 脱贫人口 (category tuopin = H1, H3; the unstable H2 is a monitoring object) in 2024 is 21,000 / 3 persons', async () => {
    const r = await one({ kind: 'level', population: 'tuopin', value: 6500 });
    expect(r.actual).toBeCloseTo(21000 / 3, 9);
    expect(r).toMatchObject({ target: 6500, status: 'met', projected: false, unit: 'yuan', population: 'tuopin', basis: 'data' });
    expect(r.gap).toBeCloseTo(21000 / 3 - 6500, 9);
  });

  test('monitoring objects (H2 unstable, H4 marginal) are 66,050 / 7 persons: disjoint from 脱贫人口, together all households', async () => {
    const r = await one({ kind: 'level', population: 'monitored', value: 9000 });
    expect(r.actual).toBeCloseTo(66050 / 7, 9);
    expect(r).toMatchObject({ status: 'met', population: 'monitored' });
    expect((await one({ kind: 'level', value: 9000 })).actual).toBeCloseTo((21000 + 66050) / 10, 9);
  });

  test('growth: all households 87,050 / 10 after 90,000 / 10 is −3.28%, missing 5%', async () => {
    const r = await one({ kind: 'growth', value: 0.05 });
    expect(r.actual).toBeCloseTo(87050 / 90000 - 1, 12);
    expect(r.status).toBe('missed');
  });

  test('growth against a reference series: rural income 9,500 → 10,000 is +5.26%', async () => {
    const r = await one({ kind: 'growth', reference: { series: 'rural_disposable_income', region: 'root' }, comparator: 'gt' });
    expect(r.target).toBeCloseTo(10000 / 9500 - 1, 12);
    expect(r.status).toBe('missed');
  });

  test('average annual growth since a base year (年均)', async () => {
    // 2023 → 2025 projected: (9,350 / 9,000)^(1/2) − 1 = 1.93%.
    const r = await one({ kind: 'growth', value: 0.015, cumulativeFrom: 2023, years: [2025] });
    expect(r.actual).toBeCloseTo(Math.sqrt(9350 / 9000) - 1, 12);
    expect(r).toMatchObject({ projected: true, status: 'on_track' });
    // 0.07 points short of 2%: within the 1-point at-risk band of an incomplete year.
    expect((await one({ kind: 'growth', value: 0.02, cumulativeFrom: 2023, years: [2025] })).status).toBe('at_risk');
  });

  test('ratio: 8,705 / 10,000 = 0.8705 ≥ 0.85', async () => {
    const r = await one({ kind: 'ratio', reference: { series: 'rural_disposable_income', region: 'root' }, ratio: { '2024': 0.85 } });
    expect(r.actual).toBeCloseTo(0.8705, 12);
    // The fixture's reference table has no status column: its values count as published.
    expect(r).toMatchObject({ target: 0.85, status: 'met', unit: 'ratio', basis: 'published', detail: { referenceSeries: 'rural_disposable_income' } });
  });

  test('ratio in the incomplete year uses the reference extrapolated by its last growth (10,000² / 9,500)', async () => {
    const r = await one({ kind: 'ratio', years: [2025], reference: { series: 'rural_disposable_income', region: 'root' }, ratio: 0.9 });
    expect(r.detail?.reference).toBeCloseTo(10000 ** 2 / 9500, 9);
    expect(r.detail?.referenceProjected).toBe(true);
    expect(r.actual).toBeCloseTo(9350 / (10000 ** 2 / 9500), 12);
    expect(r.projected).toBe(true);
    expect(r.basis).toBe('projected_reference');
  });

  test('relative growth of a county against the plan region: 西吉 −5% vs Ningxia −3.28%', async () => {
    const r = await one({ kind: 'relative', measure: 'growth', reference: { unit: 'root' }, comparator: 'gt', appliesTo: { codes: [XIJI] } }, { codes: [XIJI] });
    expect(r.actual).toBeCloseTo(57000 / 60000 - 1, 12);
    expect(r.target).toBeCloseTo(87050 / 90000 - 1, 12);
    expect(r.gap).toBeCloseTo(57000 / 60000 - 87050 / 90000, 12);
    expect(r).toMatchObject({ regionName: '西吉县', status: 'missed', unit: 'rate' });
  });

  test('a complete year without its reference value is no_data', async () => {
    const r = await one({ kind: 'ratio', years: [2023], reference: { series: 'tuopin_income_national', region: 'national' }, ratio: 0.9 });
    expect(r).toMatchObject({ status: 'no_data', actual: null, target: null, gap: null, basis: 'missing_reference' });
    expect(r.detail?.referenceSeries).toBe('tuopin_income_national');
  });
});

describe('in-year projection (as of 2025 quarter 2, factor 2.5)', () => {
  test('projected per-capita income of all households is 37,400 × 2.5 / 10 = 9,350', async () => {
    const r = await one({ kind: 'level', value: 9000, years: [2025] });
    expect(r.actual).toBeCloseTo(9350, 9);
    expect(r).toMatchObject({ projected: true, status: 'on_track' });
  });

  test('within 3% below the target is at risk, beyond it missed', async () => {
    expect((await one({ kind: 'level', value: 9600, years: [2025] })).status).toBe('at_risk');
    expect((await one({ kind: 'level', value: 10000, years: [2025] })).status).toBe('missed');
  });
});

describe('floor targets and their exclusions', () => {
  test('line 7,000 in 2024 with no exclusion: H3 (6,000) is below — one of four', async () => {
    const r = await one({ kind: 'floor', metric: 'households_below', line: 7000, value: 0, comparator: 'lte' });
    expect(r).toMatchObject({ actual: 1, target: 0, gap: -1, status: 'missed', unit: 'count' });
    expect(r.detail).toMatchObject({ count: 1, share: 0.25, denominator: 4 });
  });

  test('excluding no-labour and safety-net households leaves none below 7,000', async () => {
    const r = await one({ kind: 'floor', metric: 'households_below', line: 7000, value: 0, comparator: 'lte', exclude: ['no_labour', 'safety_net'] });
    expect(r).toMatchObject({ actual: 0, status: 'met' });
    expect(r.detail?.denominator).toBe(3);
  });

  test('only whole-household-no-labour safety-net households excluded: line 9,500 catches H1 and H2', async () => {
    const r = await one({ kind: 'floor', metric: 'households_below', line: 9500, value: 0, comparator: 'lte', exclude: ['no_labour_safety_net'] });
    expect(r.actual).toBe(2);
    expect(r.detail?.denominator).toBe(3);
  });

  test('a line from a reference series (the monitoring line of 2024, 7,000)', async () => {
    const r = await one({ kind: 'floor', metric: 'households_below', line: { series: 'monitoring_line', region: 'national' }, value: 0, comparator: 'lte' });
    expect(r.actual).toBe(1);
    expect(r).toMatchObject({ basis: 'published', detail: { referenceSeries: 'monitoring_line' } });
  });

  test('a line series without the year\'s value is no_data, missing reference (2023 has no monitoring line)', async () => {
    const r = await one({ kind: 'floor', metric: 'households_below', line: { series: 'monitoring_line', region: 'national' }, value: 0, comparator: 'lte', years: [2023] });
    expect(r).toMatchObject({ status: 'no_data', basis: 'missing_reference', actual: null });
  });

  test('projected households below 9,000 in 2025: H1 8,750 and H3 6,000', async () => {
    const r = await one({ kind: 'floor', metric: 'households_below', line: 9000, value: 0, comparator: 'lte', years: [2025] });
    expect(r).toMatchObject({ actual: 2, projected: true, status: 'missed' });
  });
});

describe('count and share targets', () => {
  test('persons in work among 脱贫人口 in 2024: H1 1 + H3 0 (not the unstable H2)', async () => {
    const r = await one({ kind: 'count', metric: 'employed_persons', population: 'tuopin', value: 1 });
    expect(r).toMatchObject({ actual: 1, target: 1, status: 'met', unit: 'persons', basis: 'data' });
  });

  test('by destination: in the county, all households 2024 = H4 2', async () => {
    const r = await one({ kind: 'count', metric: 'employed_persons', destination: 'in_county', value: 3 });
    expect(r).toMatchObject({ actual: 2, status: 'missed' });
  });

  test('a count target scales with a synthetic demo generated at --scale', async () => {
    const manifest = { ...TARGETS_MANIFEST, generator: { seed: 1, scale: 0.5, version: 't' } };
    const r = await one({ kind: 'count', metric: 'employed_persons', population: 'tuopin', value: 2, scaleWithDemo: true }, { manifest });
    expect(r).toMatchObject({ actual: 1, target: 1, status: 'met' });
    expect(r.detail).toMatchObject({ scale: 0.5, planValue: 2 });
  });

  test('zero-employment households: none in 2024, H4 in 2025 (stock, not projected)', async () => {
    const t: Partial<Target> = { kind: 'count', metric: 'zero_employment_households', population: 'with_labour', value: 0, comparator: 'lte', years: [2024, 2025] };
    expect(await one(t, { year: 2024 })).toMatchObject({ actual: 0, status: 'met' });
    // One of three households with labour: beyond the 1% at-risk band.
    expect(await one(t, { year: 2025 })).toMatchObject({ actual: 1, status: 'missed', projected: false });
  });

  test('development measures among households with labour: H1 and H2 of H1, H2, H4', async () => {
    const r = await one({ kind: 'share', metric: 'measure_share', population: 'with_labour', value: 1 });
    expect(r.actual).toBeCloseTo(2 / 3, 12);
    expect(r).toMatchObject({ status: 'missed', unit: 'share' });
  });

  test('relocated households with labour with someone in work: H2', async () => {
    expect(await one({ kind: 'share', metric: 'employed_household_share', population: 'relocated_with_labour', value: 1 })).toMatchObject({ actual: 1, status: 'met' });
  });

  test('the low-income group (below 9,500 and not rising: H2, H3) with a measure: H2 only', async () => {
    const r = await one({ kind: 'share', metric: 'measure_share', population: 'low_income_group', line: 9500, value: 1 });
    expect(r).toMatchObject({ actual: 0.5, status: 'missed' });
    expect(r.detail?.denominator).toBe(2);
  });

  test('surveyed: every household has 2024 and 2023; only H1 has every quarter of 2025', async () => {
    expect(await one({ kind: 'share', metric: 'surveyed_share', value: 1 })).toMatchObject({ actual: 1, status: 'met' });
    const q = await one({ kind: 'share', metric: 'surveyed_share', value: 1, years: [2025], everyQuarter: true });
    expect(q).toMatchObject({ actual: 0.25, status: 'missed' });
  });

  test('management classes assigned: all four', async () => {
    expect(await one({ kind: 'share', metric: 'class_assigned_share', value: 1 })).toMatchObject({ actual: 1, status: 'met' });
  });

  test('villages with collective income ≥ 100,000: 2 of 4 in Ningxia, 1 of 3 in 西吉', async () => {
    const t = { kind: 'share', metric: 'collective_income_share', population: 'villages', line: 100000, value: 1 } as const;
    expect(await one(t)).toMatchObject({ actual: 0.5, status: 'missed' });
    const x = await one(t, { codes: [XIJI] });
    expect(x.actual).toBeCloseTo(1 / 3, 12);
  });

  test('villages below 50,000 flagged: one', async () => {
    const r = await one({ kind: 'count', metric: 'collective_income_below', population: 'villages', line: 50000, value: 0, comparator: 'lte' });
    expect(r).toMatchObject({ actual: 1, status: 'missed' });
  });

  test('collective income has no 2025 figure: without a year asked, 2024 answers', async () => {
    const rows = await evaluatePlan(db, {
      plan: plan({ kind: 'share', metric: 'collective_income_share', population: 'villages', line: 100000, value: 1, years: [2024, 2025] }),
      manifest: TARGETS_MANIFEST,
      codes: [ROOT],
    });
    expect(rows[0]).toMatchObject({ year: 2024, actual: 0.5 });
  });

  test('key villages with an industry base (the idle one does not count): 1 of 2', async () => {
    const r = await one({ kind: 'share', metric: 'villages_with_facility_share', population: 'key_villages', facilityKinds: ['industry_base'], value: 1 });
    expect(r).toMatchObject({ actual: 0.5, status: 'missed' });
  });

  test('facilities counted and their jobs summed', async () => {
    expect(await one({ kind: 'count', metric: 'facility_count', facilityKinds: ['industry_base'], value: 1 })).toMatchObject({ actual: 1, status: 'met' });
    expect(await one({ kind: 'count', metric: 'facility_jobs', facilityKinds: ['workshop'], value: 40 })).toMatchObject({ actual: 30, status: 'missed' });
    // The workshop opened in 2024: none in 2023.
    expect(await one({ kind: 'count', metric: 'facility_jobs', facilityKinds: ['workshop'], value: 40, years: [2023] })).toMatchObject({ actual: 0 });
  });
});

describe('where targets apply', () => {
  const targets: Partial<Target>[] = [
    { id: 'everywhere', kind: 'level', value: 1 },
    { id: 'root-only', kind: 'level', value: 1, appliesTo: { root: true } },
    { id: 'xiji-only', kind: 'level', value: 1, appliesTo: { codes: [XIJI] } },
    { id: 'key-counties', kind: 'level', value: 1, appliesTo: { tag: 'key_county' } },
    { id: 'no-data', kind: 'level', value: 1, noData: { zh: '无', en: 'none' } },
  ];
  const ids = (rows: TargetEvaluation[]) => rows.map((r) => `${r.regionCode.slice(0, 6)}:${r.targetId}`);

  test('by default: the plan region answers its targets, named units only the targets naming them', async () => {
    const rows = await evaluatePlan(db, { plan: plan(...targets), manifest: TARGETS_MANIFEST });
    expect(ids(rows)).toEqual(['640000:everywhere', '640000:root-only', '640000:no-data', '640422:xiji-only', '640422:key-counties']);
    expect(rows.find((r) => r.targetId === 'no-data')).toMatchObject({ status: 'no_data', basis: 'not_evaluable', detail: { reason: { en: 'none' } } });
  });

  test('every county: targets without a restriction plus those naming the county', async () => {
    const rows = await evaluatePlan(db, { plan: plan(...targets), manifest: TARGETS_MANIFEST, level: 3 });
    expect(ids(rows)).toEqual(['640422:everywhere', '640422:xiji-only', '640422:key-counties', '640422:no-data', '640522:everywhere', '640522:no-data']);
  });

  test('a year the target does not cover leaves it out', async () => {
    expect(await evaluatePlan(db, { plan: plan({ years: [2024], value: 1 }), manifest: TARGETS_MANIFEST, year: 2023, codes: [ROOT] })).toEqual([]);
  });
});

describe('reference values marked published or estimate (reference.parquet status)', () => {
  let marked: Connector;
  beforeAll(async () => {
    marked = createNodeConnector();
    await createTargetsDataset(marked);
    // The same fixture with a status column: Ningxia's 2024 rural income and the monitoring line are
    // estimates; the national 脱贫人口 average has 2023 only, the 脱贫县 series has 2023 and 2024.
    await marked.query(`CREATE OR REPLACE TABLE reference AS SELECT *, CASE WHEN (series = 'rural_disposable_income' AND year = 2024)
      OR series = 'monitoring_line' THEN 'estimate' ELSE 'published' END AS status FROM reference`);
    await marked.query(`INSERT INTO reference VALUES
      ('tuopin_income_national', '000000000000', 2023, 8000, 'test', 'published'),
      ('tuopin_county_rural_income_national', '000000000000', 2023, 8500, 'test', 'published'),
      ('tuopin_county_rural_income_national', '000000000000', 2024, 9000, 'test', 'published')`);
  });
  afterAll(async () => marked?.close());

  test('the generator reads data/reference/reference.csv with its status and refuses a row without one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ref-'));
    try {
      mkdirSync(join(dir, 'reference'));
      const head = 'series,region_code,year,value,source,status\n';
      writeFileSync(join(dir, 'reference', 'reference.csv'), `${head}rural_disposable_income,640000000000,2023,9500,test,estimate\n`);
      expect(loadReference(dir)).toEqual([{ series: 'rural_disposable_income', region_code: '640000000000', year: 2023, value: 9500, source: 'test', status: 'estimate' }]);
      writeFileSync(join(dir, 'reference', 'reference.csv'), `${head}rural_disposable_income,640000000000,2023,9500,test,\n`);
      expect(() => loadReference(dir)).toThrow(/row 1: status must be published or estimate/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  async function on(t: Partial<Target>, year?: number): Promise<TargetEvaluation> {
    const rows = await evaluatePlan(marked, { plan: plan(t), manifest: TARGETS_MANIFEST, codes: [ROOT], year });
    expect(rows).toHaveLength(1);
    return rows[0];
  }

  test('a ratio against an estimate says so: 8,705 / 10,000 rests on the 2024 estimate', async () => {
    const r = await on({ kind: 'ratio', reference: { series: 'rural_disposable_income', region: 'root' }, ratio: 0.85 });
    expect(r).toMatchObject({ status: 'met', basis: 'estimate' });
    expect(r.actual).toBeCloseTo(0.8705, 12);
  });

  test('growth against a series whose previous year is published and current year an estimate is an estimate', async () => {
    const r = await on({ kind: 'growth', reference: { series: 'rural_disposable_income', region: 'root' }, comparator: 'gt' });
    expect(r.target).toBeCloseTo(10000 / 9500 - 1, 12);
    expect(r.basis).toBe('estimate');
  });

  test('a published reference value is published: 2023 rural income 9,500', async () => {
    const r = await on({ kind: 'ratio', years: [2023], reference: { series: 'rural_disposable_income', region: 'root' }, ratio: 0.85 });
    expect(r.basis).toBe('published');
    expect(r.actual).toBeCloseTo(9000 / 9500, 12);
  });

  test('an extrapolated reference resting on an estimate is an estimate (2025 from 2023 and the 2024 estimate)', async () => {
    const r = await on({ kind: 'ratio', years: [2025], reference: { series: 'rural_disposable_income', region: 'root' }, ratio: 0.9 });
    expect(r).toMatchObject({ basis: 'estimate', projected: true, detail: { referenceProjected: true } });
  });

  test('a floor whose line is an estimate (the illustrative monitoring line) says so', async () => {
    const r = await on({ kind: 'floor', metric: 'households_below', line: { series: 'monitoring_line', region: 'national' }, value: 0, comparator: 'lte' });
    expect(r).toMatchObject({ actual: 1, basis: 'estimate' });
  });

  test('no series stands in for another: the national 脱贫人口 average has no 2024 value, the 脱贫县 series does', async () => {
    const level: Partial<Target> = { kind: 'relative', measure: 'level', years: [2023, 2024], reference: { series: 'tuopin_income_national', region: 'national' }, comparator: 'gt' };
    const r = await on(level, 2024);
    expect(r).toMatchObject({ status: 'no_data', basis: 'missing_reference', actual: null, target: null, detail: { referenceSeries: 'tuopin_income_national' } });
    // 2023 has its value: 9,000 against 8,000.
    expect(await on(level, 2023)).toMatchObject({ status: 'met', target: 8000, actual: 9000, basis: 'published' });
    // The 脱贫县 series answers for itself only.
    expect(await on({ ...level, reference: { series: 'tuopin_county_rural_income_national', region: 'national' } }, 2024))
      .toMatchObject({ status: 'missed', target: 9000, basis: 'published' });
  });
});

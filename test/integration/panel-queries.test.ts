/**
 * The panels' named queries on the real DuckDB-WASM (Node build) over the four-household fixture
 * of test/fixtures/tiny-dataset.ts, with hand-checked expected values.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Connector } from '../../src/data/engine/connector';
import { createNodeConnector } from '../../src/data/engine/node';
import { queryHouseholdPage, queryLedger, queryLedgerView } from '../../src/data/queries/households';
import { summarizeLedger, summarizeLedgerUnits } from '../../src/ui/panels/ledger-summary';
import { queryComponentChange, queryDeclineCauses, queryIncomeHistogram, type PanelScope } from '../../src/data/queries/panels';
import { queryRegionPeriodSums } from '../../src/data/queries/region-sums';
import { NO_FILTER, type HouseholdFilter } from '../../src/domain/filter';
import { createTinyDataset } from '../fixtures/tiny-dataset';

let db: Connector;
const NINGXIA = { code: '640000000000', level: 1 as const };
const XIJI = { code: '640422000000', level: 3 as const };
const Y2024 = { year: 2024, quarter: 4 };
const scope = (filter: Partial<HouseholdFilter> = {}, within = NINGXIA): PanelScope => ({
  within, filter: { ...NO_FILTER, ...filter }, period: Y2024,
});
const ids = (rows: { hh_id: string }[]) => rows.map((r) => r.hh_id);

beforeAll(async () => {
  db = createNodeConnector();
  await createTinyDataset(db);
});
afterAll(async () => db.close());

describe('region sums with the cross-filter', () => {
  test('sums Xiji’s three households: 57,000 yuan over 7 persons', async () => {
    const rows = await queryRegionPeriodSums(db, { level: 3, within: XIJI });
    const r2024 = rows.find((r) => r.year === 2024)!;
    expect(r2024).toMatchObject({ code: '640422000000', households: 3, persons: 7, net: 57000, monitored_households: 1, relocated_households: 1 });
  });

  test('keeps only the chosen categories, for every year (same population)', async () => {
    const rows = await queryRegionPeriodSums(db, { level: 1, filter: { ...NO_FILTER, categories: ['unstable', 'marginal'] }, period: Y2024 });
    expect(rows.map((r) => [r.year, r.households, r.net])).toEqual([[2023, 2, 70000], [2024, 2, 66050]]);
  });

  test('keeps households by per-capita income of the selected period', async () => {
    const rows = await queryRegionPeriodSums(db, { level: 1, filter: { ...NO_FILTER, incomeRange: [8000, 10000] }, period: Y2024 });
    expect(rows.map((r) => [r.year, r.households, r.persons])).toEqual([[2023, 1, 4], [2024, 1, 4]]);
  });

  test('keeps households by decline cause and by relocation', async () => {
    const byCause = await queryRegionPeriodSums(db, { level: 1, filter: { ...NO_FILTER, causes: [4] }, period: Y2024 });
    expect(byCause.find((r) => r.year === 2024)!.net).toBe(6000);
    const notRelocated = await queryRegionPeriodSums(db, { level: 3, within: XIJI, filter: { ...NO_FILTER, relocated: false } });
    expect(notRelocated.find((r) => r.year === 2024)!.households).toBe(2);
  });
});

describe('panels', () => {
  test('bins per-capita income: three households below 10,000, one above', async () => {
    const bins = await queryIncomeHistogram(db, scope(), 5000, 20000);
    expect(bins.map((b) => [b.lo, b.households, b.persons])).toEqual([[0, 0, 0], [5000, 3, 7], [10000, 1, 3], [15000, 0, 0], [20000, 0, 0]]);
    expect(bins[4].hi).toBe(Infinity);
  });

  test('classes each component as rising, flat (within ±1%) or falling', async () => {
    const change = await queryComponentChange(db, scope());
    const by = Object.fromEntries(change.map((c) => [c.component, [c.rising, c.flat, c.falling, c.noComparison]]));
    expect(by).toEqual({
      net: [1, 1, 2, 0],
      wage: [1, 2, 1, 0],
      operating: [0, 4, 0, 0],
      property: [0, 4, 0, 0],
      transfer: [0, 3, 1, 0],
    });
  });

  test('tallies decline causes per county', async () => {
    const tally = await queryDeclineCauses(db, scope(), 3);
    expect(tally).toEqual([
      { code: '640422000000', households: 3, falling: 2, byCause: [0, 0, 1, 1, 0, 0, 0, 0] },
      { code: '640522000000', households: 1, falling: 0, byCause: [0, 0, 0, 0, 0, 0, 0, 0] },
    ]);
  });
});

describe('households and ledgers', () => {
  test('pages households sorted by per-capita income, highest first, with the total', async () => {
    const page = await queryHouseholdPage(db, scope(), { sort: 'per_capita', descending: true, offset: 0, limit: 2 });
    expect(page.total).toBe(4);
    expect(ids(page.rows)).toEqual(['H4', 'H2']);
    expect(page.rows[1]).toMatchObject({ per_capita: 9000, prev_per_capita: 10000, decline_cause: 3, risk_tags: ['illness'], employed: 1 });
    expect(page.rows[1].growth).toBeCloseTo(-0.1, 12);
  });

  test('refuses an unknown sort column', async () => {
    await expect(queryHouseholdPage(db, scope(), { sort: 'x; DROP' as never, descending: false, offset: 0, limit: 1 })).rejects.toThrow(/Cannot sort/);
  });

  test('lists the monitoring-range ledger: below the line, strictly', async () => {
    expect(ids(await queryLedger(db, scope(), { kind: 'monitoring_range', line: 7500 }))).toEqual(['H3']);
    expect(ids(await queryLedger(db, scope(), { kind: 'monitoring_range', line: 7501 }))).toEqual(['H3', 'H1']);
  });

  test('lists falling and relocated households', async () => {
    expect(ids(await queryLedger(db, scope(), { kind: 'falling' }))).toEqual(['H3', 'H2']);
    expect(ids(await queryLedger(db, scope(), { kind: 'relocated' }))).toEqual(['H2']);
  });

  test('the panel\'s view of a ledger: sums per region equal to the whole ledger\'s, and its first rows', async () => {
    for (const kind of ['falling', 'monitoring_range'] as const) {
      const options = { kind, line: 7501 };
      const whole = await queryLedger(db, scope(), options);
      const view = await queryLedgerView(db, scope(), options, 3, 1);
      expect(view.first).toEqual(whole.slice(0, 1));
      expect(summarizeLedgerUnits(view.units)).toEqual(summarizeLedger(whole, 3));
      expect(view.units.reduce((n, u) => n + u.households, 0)).toBe(2);
    }
  });
});

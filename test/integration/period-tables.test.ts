/**
 * Period tables (`src/data/queries/household-income.ts`): the panels' household queries read one
 * period's households from a table made once, not the income join. Their answers must equal the
 * join's; tables beyond the last few periods are dropped; a query whose table vanished makes it
 * again; adding households (a county partition) drops them so none is stale.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Connector } from '../../src/data/engine/connector';
import { createNodeConnector } from '../../src/data/engine/node';
import { dropPeriodTables, ensurePeriodTable, PERIOD_TABLES_KEPT, withHouseholdIncome } from '../../src/data/queries/household-income';
import { filteredHouseholdsSql } from '../../src/data/queries/filter';
import { queryLedgerView } from '../../src/data/queries/households';
import { queryComponentChange, queryDeclineCauses, queryIncomeHistogram, type PanelScope } from '../../src/data/queries/panels';
import { FLAT_BAND } from '../../src/domain/change';
import { NO_FILTER, type Period } from '../../src/domain/filter';
import { parseFilter } from '../../src/state/filter-param';
import type { NativeDuckDB } from '../../src/pipeline/native-duckdb';
import { openNingxiaEngine } from '../fixtures/ningxia-engine';
import { createTinyDataset } from '../fixtures/tiny-dataset';

const Y2024: Period = { year: 2024, quarter: 4 };
const NINGXIA = { code: '640000000000', level: 1 as const };

const periodTables = async (db: Connector) =>
  (await db.query<{ name: string }>(`SELECT table_name AS name FROM duckdb_tables() WHERE starts_with(table_name, 'household_period_') ORDER BY 1`)).map((r) => r.name);

describe('on the four-household fixture (DuckDB-WASM)', () => {
  let db: Connector;
  beforeAll(async () => {
    db = createNodeConnector();
    await createTinyDataset(db);
  });
  afterAll(async () => db.close());

  test(`keeps the tables of the last ${PERIOD_TABLES_KEPT} periods asked for`, async () => {
    for (const year of [2021, 2022, 2023, 2024, 2022]) await ensurePeriodTable(db, { year, quarter: 4 });
    expect(await periodTables(db)).toEqual(['household_period_2022_4', 'household_period_2023_4', 'household_period_2024_4']);
  });

  test('a table this connector made is not asked for again; a recheck asks', async () => {
    const sent: string[] = [];
    const counting: Connector = { ...db, query: (sql) => (sent.push(sql), db.query(sql)) } as Connector;
    await ensurePeriodTable(counting, Y2024);
    await ensurePeriodTable(counting, Y2024);
    expect(sent.filter((q) => q.includes('CREATE TABLE')).length).toBe(1);
    await ensurePeriodTable(counting, Y2024, true);
    expect(sent.filter((q) => q.includes('CREATE TABLE')).length).toBe(2);
  });

  test('a query whose table was dropped behind its back makes it again and answers', async () => {
    await ensurePeriodTable(db, Y2024);
    await db.query('DROP TABLE household_period_2024_4');
    let calls = 0;
    const n = await withHouseholdIncome(db, { filter: NO_FILTER, period: Y2024 }, async (sql) => {
      calls++;
      if (calls === 1) await db.query('DROP TABLE IF EXISTS household_period_2024_4');
      return (await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (${sql}) x`))[0]!.n;
    });
    expect(n).toBe(4);
    expect(calls).toBe(2);
  });

  test('after households are added and the tables dropped, queries count the new ones', async () => {
    const scope: PanelScope = { within: NINGXIA, filter: NO_FILTER, period: Y2024 };
    const before = await queryIncomeHistogram(db, scope);
    expect(before.reduce((s, b) => s + b.households, 0)).toBe(4);
    await db.query(`INSERT INTO households SELECT 5 AS hh_key, * EXCLUDE (hh_key) FROM households WHERE hh_key = 1`);
    await db.query(`INSERT INTO income SELECT 5 AS hh_key, * EXCLUDE (hh_key) FROM income WHERE hh_key = 1`);
    await dropPeriodTables(db);
    expect(await periodTables(db)).toEqual([]);
    const after = await queryIncomeHistogram(db, scope);
    expect(after.reduce((s, b) => s + b.households, 0)).toBe(5);
    expect(after[7]!.households).toBe(before[7]!.households + 1); // H1's copy: 7,500 yuan per person
  });
});

describe('over the Ningxia demo (native DuckDB), equal to the income join', () => {
  let db: NativeDuckDB;
  beforeAll(async () => {
    db = await openNingxiaEngine();
  }, 120_000);
  afterAll(async () => db.close());

  /** The households of a view with their income, as the panels read them before period tables. */
  const joined = (scope: PanelScope) => `SELECT h.*, c.wage + c.operating + c.property + c.transfer AS net,
      (c.wage + c.operating + c.property + c.transfer) / h.persons AS per_capita, c.decline_cause,
      p.wage + p.operating + p.property + p.transfer AS prev_net, c.wage, p.wage AS prev_wage
    FROM (${filteredHouseholdsSql(scope.filter, scope.period, scope.within)}) h
    JOIN income c ON c.hh_key = h.hh_key AND c.year = ${scope.period.year} AND c.quarter = ${scope.period.quarter}
    LEFT JOIN income p ON p.hh_key = h.hh_key AND p.year = ${scope.period.year - 1} AND p.quarter = ${scope.period.quarter}`;

  const FILTERS = ['', 'cat:tuopin', 'mgmt:key_monitoring', 'reloc:1', 'cause:2,5', 'inc:8000,12000', 'cat:tuopin;reloc:0;inc:6000,20000'];
  const PERIODS: Period[] = [Y2024, { year: 2025, quarter: 3 }, { year: 2021, quarter: 4 }, { year: 2023, quarter: 4 }];

  test('histogram, change, causes and ledgers per filter, period and scope', async () => {
    const county = (await db.query<{ c: string }>('SELECT county_code AS c FROM households GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1'))[0]!.c;
    let compared = 0;
    for (const period of PERIODS) {
      for (const within of [NINGXIA, { code: county, level: 3 as const }]) {
        for (const text of FILTERS) {
          const scope: PanelScope = { within, filter: text ? parseFilter(text) : NO_FILTER, period };
          const ref = joined(scope);
          const hist = await queryIncomeHistogram(db, scope);
          const refBins = await db.query<{ bin: number; n: number }>(`SELECT least(greatest(floor(per_capita / 1000), 0), 40)::INTEGER AS bin, count(*)::INTEGER AS n FROM (${ref}) x GROUP BY 1`);
          const expected = new Array(41).fill(0);
          for (const r of refBins) expected[r.bin] = r.n;
          expect(hist.map((b) => b.households), `${text} ${period.year}`).toEqual(expected);

          const [change] = await queryComponentChange(db, scope);
          const [refNet] = await db.query<{ none: number; falling: number }>(`SELECT count_if(prev_net IS NULL)::INTEGER AS none, count_if(prev_net IS NOT NULL AND net < prev_net AND abs(net - prev_net) > ${FLAT_BAND} * abs(prev_net))::INTEGER AS falling FROM (${ref}) x`);
          expect(change!.noComparison).toBe(refNet!.none);
          expect(change!.falling).toBe(refNet!.falling);

          const causes = await queryDeclineCauses(db, scope, 3);
          const [refCauses] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (${ref}) x WHERE decline_cause BETWEEN 1 AND 8`);
          expect(causes.reduce((s, t) => s + t.falling, 0)).toBe(refCauses!.n);

          const view = await queryLedgerView(db, scope, { kind: 'falling' }, 3, 20);
          const [refLedger] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (${ref}) x WHERE prev_net IS NOT NULL AND net < prev_net`);
          expect(view.units.reduce((s, u) => s + Number(u.households), 0)).toBe(refLedger!.n);
          if (refBins.length) compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(40);
    // Only the last few periods' tables remain.
    expect((await periodTables(db)).length).toBe(PERIOD_TABLES_KEPT);
  }, 300_000);
});

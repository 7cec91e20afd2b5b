import type { IntegrityHousehold, IntegrityIncome } from '../../integrity/types';
import type { Connector } from '../engine/connector';
import type { Within } from './filter';
import { intLiteral, withinExpr } from './sql';

/**
 * The engine's side of the integrity checks (src/integrity/): the plain rows they read, the same
 * for the app's data-quality panel and `npm run integrity`, so both give the same flags.
 * Needs the prepared household tables (src/data/engine/household-tables.ts: income keyed by `hh_key`).
 */

/** Which optional income columns (README "Users' own files") the dataset carries. */
export interface IncomeOptionalColumns {
  netIncomeStated: boolean;
  persons: boolean;
}

/** Looks the optional columns up in the engine's catalogue: the demos and older imports lack them. */
export async function queryIncomeOptionalColumns(db: Connector): Promise<IncomeOptionalColumns> {
  const rows = await db.query<{ name: string }>("SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'income'");
  const names = new Set(rows.map((r) => r.name));
  return { netIncomeStated: names.has('net_income_stated'), persons: names.has('persons') };
}

export interface IntegrityRows {
  households: IntegrityHousehold[];
  income: IntegrityIncome[];
  columns: IncomeOptionalColumns;
  /** Years with income rows in the scope, ascending. */
  years: number[];
}

/**
 * The rows the checks of `years` read inside `within` (default: everything): the households
 * (`hh_id, village_code, persons`) and their income rows — every full-year (quarter 4) row of
 * each year checked and the year before, and, where the dataset states totals, every row of a
 * year checked that states one (components may fail to add up in any quarter). Without `years`,
 * every year.
 */
export async function queryIntegrityRows(db: Connector, args: { within?: Within; years?: readonly number[] } = {}): Promise<IntegrityRows> {
  const columns = await queryIncomeOptionalColumns(db);
  const where = args.within ? `WHERE ${withinExpr('h.village_code', args.within.code, args.within.level)}` : '';
  const households = await db.query<IntegrityHousehold>(
    `SELECT h.hh_id AS hh_id, h.village_code AS village_code, h.persons::INTEGER AS persons FROM households h ${where} ORDER BY h.hh_key`,
  );
  const yearRows = await db.query<{ year: number }>(
    `SELECT DISTINCT i.year AS year FROM income i JOIN households h ON h.hh_key = i.hh_key ${where} ORDER BY 1`,
  );
  const years = yearRows.map((r) => Number(r.year));
  const checked = args.years ? [...args.years] : years;
  const fullYears = [...new Set(checked.flatMap((y) => [y - 1, y]))].sort((a, b) => a - b);
  const inList = (ys: number[]) => (ys.length ? ys.map(intLiteral).join(', ') : 'NULL');
  const stated = columns.netIncomeStated ? 'i.net_income_stated' : 'NULL';
  const persons = columns.persons ? 'i.persons' : 'NULL';
  const rowCondition = [`(i.quarter = 4 AND i.year IN (${inList(fullYears)}))`];
  if (columns.netIncomeStated) rowCondition.push(`(i.net_income_stated IS NOT NULL AND i.year IN (${inList(checked)}))`);
  const income = await db.query<IntegrityIncome>(
    `SELECT h.hh_id AS hh_id, i.year AS year, i.quarter AS quarter, i.wage AS wage, i.operating AS operating,
       i.property AS property, i.transfer AS transfer, ${stated}::DOUBLE AS net_income_stated, ${persons}::INTEGER AS persons
     FROM income i JOIN households h ON h.hh_key = i.hh_key
     WHERE (${rowCondition.join(' OR ')})${args.within ? ` AND ${withinExpr('h.village_code', args.within.code, args.within.level)}` : ''}
     ORDER BY h.hh_key, i.year, i.quarter`,
  );
  for (const r of income) {
    r.year = Number(r.year);
    r.quarter = Number(r.quarter);
    r.persons = r.persons === null ? null : Number(r.persons);
  }
  for (const h of households) h.persons = Number(h.persons);
  return { households, income, columns, years };
}

import type { HouseholdFilter, Period } from '../../domain/filter';
import type { Connector } from '../engine/connector';
import { householdPredicates, type Within } from './filter';
import { intLiteral } from './sql';

/**
 * One period's households with their income then and in the same period of the previous year:
 * every column of the prepared `households` table plus `wage, operating, property, transfer, net,
 * per_capita, prev_wage … prev_net (NULL when missing), decline_cause, employed`.
 *
 * The histogram, change classes, causes, household table and ledgers all read this join. Made once
 * per period as a table (`ensurePeriodTable`), their queries become scans of ~one row per
 * household with no join: 5–20 ms instead of 90–600 ms each on the Ningxia demo in DuckDB-WASM
 * (docs/BENCHMARKS.md, "History"). Tables of the last `PERIOD_TABLES_KEPT` periods are kept.
 */
export function periodTableName(period: Period): string {
  return `household_period_${intLiteral(period.year)}_${intLiteral(period.quarter)}`;
}

/** Period tables kept per connector (each ~one row per household of the engine). */
export const PERIOD_TABLES_KEPT = 3;

function periodTableSql(period: Period): string {
  const y = intLiteral(period.year);
  const q = intLiteral(period.quarter);
  return `CREATE TABLE IF NOT EXISTS ${periodTableName(period)} AS SELECT h.*,
    c.wage, c.operating, c.property, c.transfer,
    c.wage + c.operating + c.property + c.transfer AS net,
    (c.wage + c.operating + c.property + c.transfer) / h.persons AS per_capita,
    p.wage AS prev_wage, p.operating AS prev_operating, p.property AS prev_property, p.transfer AS prev_transfer,
    p.wage + p.operating + p.property + p.transfer AS prev_net,
    c.decline_cause,
    c.employed_out_province + c.employed_in_province + c.employed_in_county AS employed
  FROM households h
  JOIN income c ON c.hh_key = h.hh_key AND c.year = ${y} AND c.quarter = ${q}
  LEFT JOIN income p ON p.hh_key = h.hh_key AND p.year = ${y} - 1 AND p.quarter = ${q}`;
}

/** Periods whose table each connector made last, oldest first. */
const recent = new WeakMap<Connector, string[]>();

/**
 * Makes `period`'s table if it does not exist, and drops the least recently asked-for one beyond
 * `PERIOD_TABLES_KEPT`. Returns the table's name. A table this connector made and has not dropped
 * is taken to exist without asking the engine (a `CREATE TABLE IF NOT EXISTS … AS SELECT` of an
 * existing table still cost 8–190 ms in the page, four times per filter change); `recheck` asks
 * anyway, for a caller whose query found the table gone (dropped by another connector or after a
 * county was loaded).
 */
export async function ensurePeriodTable(db: Connector, period: Period, recheck = false): Promise<string> {
  const name = periodTableName(period);
  const list = recent.get(db) ?? [];
  recent.set(db, list);
  const at = list.indexOf(name);
  if (at >= 0) list.splice(at, 1);
  list.push(name);
  if (at >= 0 && !recheck) return name;
  await db.query(periodTableSql(period));
  while (list.length > PERIOD_TABLES_KEPT) await db.query(`DROP TABLE IF EXISTS ${list.shift()!}`);
  return name;
}

/**
 * Drops every period table: their rows are stale once households are added to the engine (a
 * county partition loaded). The next query makes them again.
 */
export async function dropPeriodTables(db: Connector): Promise<void> {
  const rows = await db.query<{ name: string }>(`SELECT table_name AS name FROM duckdb_tables() WHERE starts_with(table_name, 'household_period_')`);
  for (const { name } of rows) {
    if (!/^household_period_\d+_\d+$/.test(name)) continue;
    await db.query(`DROP TABLE IF EXISTS ${name}`);
  }
}

/**
 * SQL giving one row per household of the view for `period`, with its income then and in the
 * same period of the previous year: `hh_id, village_code, persons, labour, category, mgmt_class,
 * no_labour, safety_net, relocated, relocation_site, risk_tags, measures, risk_cleared, wage,
 * operating, property, transfer, net, per_capita, prev_wage … prev_net (NULL when missing),
 * decline_cause, employed`. It reads the period's table, so the caller must have made it
 * (`withHouseholdIncome` does both).
 */
export function householdIncomeSql(filter: HouseholdFilter, period: Period, within?: Within): string {
  const where = householdPredicates(filter, within, { cause: 'h.decline_cause', perCapita: 'h.per_capita' });
  return `SELECT h.hh_id, h.village_code, h.persons, h.labour, h.category, h.mgmt_class, h.no_labour, h.safety_net,
    h.relocated, h.relocation_site, h.risk_tags, h.measures, h.risk_cleared,
    h.wage, h.operating, h.property, h.transfer, h.net, h.per_capita,
    h.prev_wage, h.prev_operating, h.prev_property, h.prev_transfer, h.prev_net,
    h.decline_cause, h.employed
  FROM ${periodTableName(period)} h${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
}

/**
 * Runs `query` with `householdIncomeSql` of the view after making its period's table. If the
 * table was dropped in between (another period's query evicted it, or a county was added), it is
 * made again and the query run once more.
 */
export async function withHouseholdIncome<T>(
  db: Connector,
  scope: { filter: HouseholdFilter; period: Period; within?: Within },
  query: (householdIncome: string) => Promise<T>,
): Promise<T> {
  const sql = householdIncomeSql(scope.filter, scope.period, scope.within);
  await ensurePeriodTable(db, scope.period);
  try {
    return await query(sql);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!message.includes(periodTableName(scope.period)) || !/does not exist/i.test(message)) throw error;
    await ensurePeriodTable(db, scope.period, true);
    return query(sql);
  }
}

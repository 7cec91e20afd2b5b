import { checkIntegrity } from '../../integrity/check';
import { integrityLines } from '../../integrity/lines';
import type { IncomeLineInput, IntegrityFlag, IntegrityHousehold, IntegrityIncome } from '../../integrity/types';
import type { Plan } from '../../targets/types';
import type { Connector } from '../engine/connector';
import type { Within } from './filter';
import { queryReference } from './reference';
import { codeLiteral, intLiteral, withinExpr } from './sql';

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
  /** The years asked for, or every year of the income table, ascending. */
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
  const inScope = args.within ? withinExpr('h.village_code', args.within.code, args.within.level) : 'TRUE';
  const keyed = await db.query<IntegrityHousehold & { hh_key: number }>(
    `SELECT h.hh_key AS hh_key, h.hh_id AS hh_id, h.village_code AS village_code, h.persons::INTEGER AS persons FROM households h WHERE ${inScope} ORDER BY h.hh_key`,
  );
  // Income rows carry the integer key, not the id string: 400,000 rows at the Ningxia root, whose
  // strings cost a third of the query in the page; the ids are put back from the households.
  const idOf = new Map<number, string>();
  const households: IntegrityHousehold[] = keyed.map((h) => {
    idOf.set(Number(h.hh_key), h.hh_id);
    return { hh_id: h.hh_id, village_code: h.village_code, persons: Number(h.persons) };
  });
  const years = args.years
    ? [...args.years].sort((a, b) => a - b)
    : (await db.query<{ year: number }>('SELECT DISTINCT year FROM income ORDER BY 1')).map((r) => Number(r.year));
  const fullYears = [...new Set(years.flatMap((y) => [y - 1, y]))].sort((a, b) => a - b);
  const inList = (ys: number[]) => (ys.length ? ys.map(intLiteral).join(', ') : 'NULL');
  const stated = columns.netIncomeStated ? 'i.net_income_stated' : 'NULL';
  const persons = columns.persons ? 'i.persons' : 'NULL';
  const rowCondition = [`(i.quarter = 4 AND i.year IN (${inList(fullYears)}))`];
  if (columns.netIncomeStated) rowCondition.push(`(i.net_income_stated IS NOT NULL AND i.year IN (${inList(years)}))`);
  const rows = await db.query<Omit<IntegrityIncome, 'hh_id'> & { hh_key: number }>(
    `SELECT i.hh_key AS hh_key, i.year AS year, i.quarter AS quarter, i.wage AS wage, i.operating AS operating,
       i.property AS property, i.transfer AS transfer, ${stated}::DOUBLE AS net_income_stated, ${persons}::INTEGER AS persons
     FROM income i${args.within ? ' JOIN households h ON h.hh_key = i.hh_key' : ''}
     WHERE (${rowCondition.join(' OR ')})${args.within ? ` AND ${inScope}` : ''}
     ORDER BY i.hh_key, i.year, i.quarter`,
  );
  const income: IntegrityIncome[] = rows.map((r) => ({
    hh_id: idOf.get(Number(r.hh_key))!, year: Number(r.year), quarter: Number(r.quarter),
    wage: r.wage, operating: r.operating, property: r.property, transfer: r.transfer,
    net_income_stated: r.net_income_stated, persons: r.persons === null ? null : Number(r.persons),
  }));
  return { households, income, columns, years };
}

export interface IntegrityRun {
  flags: IntegrityFlag[];
  columns: IncomeOptionalColumns;
  lines: IncomeLineInput[];
  /** The years checked. */
  years: number[];
}

/**
 * The integrity flags of `within` (default: the whole dataset) for `years` (default: every year
 * with income rows): rows from the engine, lines from the reference series and the plans' floors
 * (and `extraLines`), then the pure checks. What `npm run integrity` and the data-quality panel
 * both call. For the same flags as the whole run, `within` must hold whole counties (the
 * implausible-jump test may take a small village's peers from its county).
 */
export async function queryIntegrityFlags(
  db: Connector,
  args: { rootCode: string; plans: readonly Plan[]; within?: Within; years?: readonly number[]; extraLines?: readonly number[] },
): Promise<IntegrityRun> {
  const rows = await queryIntegrityRows(db, { within: args.within, years: args.years });
  const years = args.years ? [...args.years] : rows.years;
  const reference = await queryReference(db);
  const lines = integrityLines({ reference, plans: args.plans, rootCode: args.rootCode, years, extra: args.extraLines });
  const flags = checkIntegrity({ households: rows.households, income: rows.income, lines }, { years });
  return { flags, columns: rows.columns, lines, years };
}

/** A village's name and centre (regions.parquet), for the panel and the map layer. */
export interface VillagePlace {
  code: string;
  name: string;
  name_en: string | null;
  lon: number | null;
  lat: number | null;
}

/** The villages of `codes` (12-digit codes; checked), by code. */
export async function queryVillagePlaces(db: Connector, codes: readonly string[]): Promise<Map<string, VillagePlace>> {
  if (!codes.length) return new Map();
  const list = [...new Set(codes)].sort().map(codeLiteral).join(', ');
  const rows = await db.query<VillagePlace>(`SELECT code, name, name_en, lon, lat FROM regions WHERE level = 5 AND code IN (${list}) ORDER BY code`);
  return new Map(rows.map((r) => [r.code, { ...r, lon: r.lon === null ? null : Number(r.lon), lat: r.lat === null ? null : Number(r.lat) }]));
}

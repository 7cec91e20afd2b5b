import type { Level } from '../../domain/dataset';
import { LOW_INCOME_LINE, SITING_POPULATIONS, type DemandCell, type SitingPopulation, type Village } from '../../siting/demand';
import type { LonLat } from '../../siting/geo';
import type { Connector } from '../engine/connector';
import { FACILITY_KINDS } from './facilities';
import { codeLiteral, intLiteral, withinExpr, wordLiteral } from './sql';

/**
 * The engine's side of site selection (CONTRACT.md "Site selection"): the scope's demand cells,
 * village centres and the existing facilities of a kind. Everything after these three queries is
 * pure code (src/siting/), shared by `npm run site` and the app.
 */

export interface Scope {
  code: string;
  level: Level;
}

/**
 * SQL conditions (on households `h`, Y's full-year row `c`, Y−1's `p`) of each demand population.
 * Per-capita net income is net / persons, as DOMAIN.md defines it.
 */
export function populationConditions(): Record<SitingPopulation, string> {
  return {
    low_income_labour: `h.labour > 0 AND c.net IS NOT NULL AND p.net IS NOT NULL AND c.net / h.persons < ${LOW_INCOME_LINE} AND c.net / h.persons <= p.net / h.persons`,
    monitoring_labour: `h.category <> 'tuopin' AND h.labour > 0`,
    zero_employment: `h.labour > 0 AND c.emp IS NOT NULL AND c.emp = 0`,
    labour: `h.labour > 0`,
  };
}

/** SQL of the demand cells of a scope for year Y (prepared household tables, src/data/engine/household-tables.ts). */
export function demandCellsSql(scope: Scope, year: number): string {
  const y = intLiteral(year);
  const conditions = populationConditions();
  const counts = SITING_POPULATIONS.map((p) => `count(*) FILTER (WHERE ${conditions[p]})::DOUBLE AS ${p}`).join(',\n      ');
  return `WITH c AS (
      SELECT hh_key, wage + operating + property + transfer AS net,
        employed_out_province + employed_in_province + employed_in_county AS emp
      FROM income WHERE year = ${y} AND quarter = 4),
    p AS (SELECT hh_key, wage + operating + property + transfer AS net FROM income WHERE year = ${intLiteral(year - 1)} AND quarter = 4)
    SELECT h.village_code AS village_code, (h.category <> 'tuopin') AS monitored, coalesce(h.relocated, FALSE) AS relocated,
      count(*)::DOUBLE AS households, sum(h.persons)::DOUBLE AS persons, sum(h.labour)::DOUBLE AS labour,
      ${counts}
    FROM households h LEFT JOIN c ON c.hh_key = h.hh_key LEFT JOIN p ON p.hh_key = h.hh_key
    WHERE ${withinExpr('h.village_code', scope.code, scope.level)}
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
}

interface CellRow {
  village_code: string;
  monitored: boolean;
  relocated: boolean;
  households: number;
  persons: number;
  labour: number;
  low_income_labour: number;
  monitoring_labour: number;
  zero_employment: number;
}

export async function queryDemandCells(db: Connector, scope: Scope, year: number): Promise<DemandCell[]> {
  const rows = await db.query<CellRow & Record<SitingPopulation, number>>(demandCellsSql(scope, year));
  return rows.map((r) => ({
    villageCode: r.village_code,
    monitored: !!r.monitored,
    relocated: !!r.relocated,
    households: Number(r.households),
    persons: Number(r.persons),
    labour: Number(r.labour),
    populations: Object.fromEntries(SITING_POPULATIONS.map((p) => [p, Number(r[p])])) as Record<SitingPopulation, number>,
  }));
}

/** The scope's village centres (level 5 of `regions`), in code order. */
export async function queryVillageCentres(db: Connector, scope: Scope): Promise<Village[]> {
  const rows = await db.query<{ code: string; name: string; lon: number | null; lat: number | null }>(
    `SELECT code, name, lon, lat FROM regions WHERE level = 5 AND ${withinExpr('code', scope.code, scope.level)} ORDER BY code`,
  );
  return rows.filter((r) => r.lon !== null && r.lat !== null).map((r) => ({ code: r.code, name: r.name, lon: Number(r.lon), lat: Number(r.lat) }));
}

/** Every facility of `kind` in the dataset (all of them count as already sited, wherever they are). */
export async function queryExistingFacilities(db: Connector, kind: string): Promise<(LonLat & { id: string })[]> {
  const rows = await db.query<{ id: string; lon: number; lat: number }>(
    `SELECT id, lon, lat FROM facilities WHERE kind = ${wordLiteral(kind)} AND lon IS NOT NULL AND lat IS NOT NULL ORDER BY id`,
  );
  return rows.map((r) => ({ id: String(r.id), lon: Number(r.lon), lat: Number(r.lat) }));
}

/** Facility kinds present in the dataset, with counts. */
export async function queryFacilityKinds(db: Connector): Promise<{ kind: string; n: number }[]> {
  const rows = await db.query<{ kind: string; n: number }>(`SELECT kind, count(*)::DOUBLE AS n FROM facilities GROUP BY 1 ORDER BY 1`);
  return rows.map((r) => ({ kind: String(r.kind), n: Number(r.n) }));
}

/** Full years (with quarter-4 rows) in the income table, ascending. */
export async function queryFullYears(db: Connector): Promise<number[]> {
  const rows = await db.query<{ year: number }>(`SELECT DISTINCT year FROM income WHERE quarter = 4 ORDER BY year`);
  return rows.map((r) => Number(r.year));
}

/** The scope's level from the regions table, or null when the code is not a region of the dataset. */
export async function queryScope(db: Connector, code: string): Promise<Scope | null> {
  const rows = await db.query<{ level: number }>(`SELECT level FROM regions WHERE code = ${codeLiteral(code)}`);
  return rows[0] ? { code, level: Number(rows[0].level) as Level } : null;
}

/**
 * Everything a siting question needs from the engine, as `npm run site` and the app both read it:
 * the scope (checked against `regions`), the year (default the latest full year; a year without
 * full-year rows is refused), the kind (must exist in the dataset's facilities, or be one of the
 * contract's kinds with none yet), the scope's demand cells and villages and the kind's facilities.
 */
export async function loadSitingData(
  db: Connector,
  args: { scope: string; year?: number; kind: string },
): Promise<{ scope: Scope; year: number; cells: DemandCell[]; villages: Village[]; existing: (LonLat & { id: string })[] }> {
  const scope = await queryScope(db, args.scope);
  if (!scope) throw new Error(`--scope ${args.scope} is not a region of this dataset`);
  const years = await queryFullYears(db);
  if (!years.length) throw new Error('The dataset has no full-year (quarter 4) income rows');
  const year = args.year ?? years[years.length - 1];
  if (!years.includes(year)) throw new Error(`${year} has no full-year (quarter 4) income rows; full years: ${years.join(', ')}`);
  if (!/^[a-z_]+$/.test(args.kind)) throw new Error(`--kind must be a facility kind such as industry_base, not ${JSON.stringify(args.kind)}`);
  const kinds = await queryFacilityKinds(db);
  if (!kinds.some((k) => k.kind === args.kind) && !FACILITY_KINDS.includes(args.kind as never)) {
    throw new Error(`No facility kind ${args.kind}; kinds in this dataset: ${kinds.map((k) => `${k.kind} (${k.n})`).join(', ') || 'none'}`);
  }
  const [cells, villages, existing] = [await queryDemandCells(db, scope, year), await queryVillageCentres(db, scope), await queryExistingFacilities(db, args.kind)];
  return { scope, year, cells, villages, existing };
}

export { FACILITY_KINDS };

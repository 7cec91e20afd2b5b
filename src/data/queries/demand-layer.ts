import type { HouseholdFilter, Period } from '../../domain/filter';
import type { SitingPopulation } from '../../siting/demand';
import type { Connector } from '../engine/connector';
import { householdPredicates, type Within } from './filter';
import { populationConditions } from './siting';
import { intLiteral } from './sql';

/** One village of the demand layer: its centre and the households of the chosen population. */
export interface VillageDemand {
  villageCode: string;
  name: string;
  nameEn: string | null;
  lon: number;
  lat: number;
  households: number;
}

/**
 * SQL: per village of `within`, the households of siting population `population` for full year
 * `year` (CONTRACT.md "Site selection"; the conditions are the siting query's own,
 * `populationConditions`), among the households the view counts (`filter`: the dashboard's
 * population and cross-filter; a condition on income or decline cause reads `period`'s row).
 * Villages are placed at their centre (regions level 5 `lon`, `lat`); villages without a centre
 * or without such households are left out.
 */
export function villageDemandLayerSql(args: { population: SitingPopulation; year: number; within: Within; filter: HouseholdFilter; period: Period }): string {
  const { population, year, within, filter, period } = args;
  const usesPeriod = filter.causes.length > 0 || filter.incomeRange !== null;
  const where = [
    populationConditions()[population],
    ...householdPredicates(filter, within, { cause: 's.decline_cause', perCapita: '(s.wage + s.operating + s.property + s.transfer) / h.persons' }),
  ];
  return `WITH c AS (
      SELECT hh_key, wage + operating + property + transfer AS net,
        employed_out_province + employed_in_province + employed_in_county AS emp
      FROM income WHERE year = ${intLiteral(year)} AND quarter = 4),
    p AS (SELECT hh_key, wage + operating + property + transfer AS net FROM income WHERE year = ${intLiteral(year - 1)} AND quarter = 4),
    d AS (
      SELECT h.village_code, count(*)::DOUBLE AS households
      FROM households h LEFT JOIN c ON c.hh_key = h.hh_key LEFT JOIN p ON p.hh_key = h.hh_key
      ${usesPeriod ? `JOIN income s ON s.hh_key = h.hh_key AND s.year = ${intLiteral(period.year)} AND s.quarter = ${intLiteral(period.quarter)}` : ''}
      WHERE ${where.join(' AND ')}
      GROUP BY 1)
    SELECT d.village_code, r.name, r.name_en, r.lon, r.lat, d.households
    FROM d JOIN regions r ON r.code = d.village_code AND r.level = 5
    WHERE r.lon IS NOT NULL AND r.lat IS NOT NULL
    ORDER BY d.village_code`;
}

export async function queryVillageDemandLayer(db: Connector, args: Parameters<typeof villageDemandLayerSql>[0]): Promise<VillageDemand[]> {
  const rows = await db.query<{ village_code: string; name: string; name_en: string | null; lon: number; lat: number; households: number }>(villageDemandLayerSql(args));
  return rows.map((r) => ({
    villageCode: String(r.village_code),
    name: String(r.name),
    nameEn: r.name_en === null ? null : String(r.name_en),
    lon: Number(r.lon),
    lat: Number(r.lat),
    households: Number(r.households),
  }));
}

/** The full year a demand layer shows for a period on screen: the period's year, or the one before when it is year-to-date. */
export function demandYear(period: Period): number {
  return period.quarter === 4 ? period.year : period.year - 1;
}

import type { Connector } from '../engine/connector';
import { intLiteral } from './sql';

/** The facility kinds of CONTRACT.md "A dataset folder", in the order the layer controls list them. */
export const FACILITY_KINDS = ['relocation_site', 'industry_base', 'workshop', 'pv_station', 'industrial_park', 'coop'] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];

/** 四个一批: the four statuses of an industry project (CONTRACT.md `status`). */
export const FACILITY_STATUSES = ['normal', 'upgrade', 'idle', 'adjust'] as const;
export type FacilityStatus = (typeof FACILITY_STATUSES)[number];

/** One row of `facilities.parquet`, typed (CONTRACT.md). */
export interface Facility {
  id: string;
  kind: FacilityKind;
  name: string;
  industry: string | null;
  lon: number;
  lat: number;
  countyCode: string;
  villageCode: string;
  openedYear: number;
  status: FacilityStatus;
  householdsLinked: number;
  jobs: number;
  relocatedHouseholds: number;
  relocatedPersons: number;
}

/** SQL of every facility with a position, in id order. */
export function facilitiesSql(): string {
  return `SELECT id, kind, name, industry, lon, lat, county_code, village_code, opened_year, status,
      coalesce(households_linked, 0) AS households_linked, coalesce(jobs, 0) AS jobs,
      coalesce(relocated_households, 0) AS relocated_households, coalesce(relocated_persons, 0) AS relocated_persons
    FROM facilities WHERE lon IS NOT NULL AND lat IS NOT NULL ORDER BY id`;
}

interface FacilityRow {
  id: string; kind: string; name: string; industry: string | null; lon: number; lat: number; county_code: string; village_code: string;
  opened_year: number; status: string; households_linked: number; jobs: number; relocated_households: number; relocated_persons: number;
}

/** Every facility of the dataset (a few thousand rows; the layers filter by scope and year in JS). */
export async function queryFacilities(db: Connector): Promise<Facility[]> {
  const rows = await db.query<FacilityRow>(facilitiesSql());
  return rows
    .filter((r) => (FACILITY_KINDS as readonly string[]).includes(r.kind))
    .map((r) => ({
      id: String(r.id),
      kind: r.kind as FacilityKind,
      name: String(r.name ?? r.id),
      industry: r.industry === null ? null : String(r.industry),
      lon: Number(r.lon),
      lat: Number(r.lat),
      countyCode: String(r.county_code),
      villageCode: String(r.village_code),
      openedYear: Number(r.opened_year),
      status: ((FACILITY_STATUSES as readonly string[]).includes(r.status) ? r.status : 'normal') as FacilityStatus,
      householdsLinked: Number(r.households_linked),
      jobs: Number(r.jobs),
      relocatedHouseholds: Number(r.relocated_households),
      relocatedPersons: Number(r.relocated_persons),
    }));
}

/** Employment of one relocation site's relocated households in a period. */
export interface RelocationEmployment {
  siteId: string;
  /** Relocated households of the site with labour (labour > 0) and an income row in the period. */
  withLabour: number;
  /** Of those, households where someone is employed (the three employed columns sum to > 0). */
  employed: number;
}

/**
 * SQL: per relocation site (`households.relocation_site` = facility `id`), its relocated households
 * with labour and those with someone employed in the period's income row — the share the
 * relocation layer colours by (seed 001 §二: 有劳动力的搬迁户每户至少一人就业; seed 003 §一(三)).
 * Needs the prepared household tables (`hh_key`).
 */
export function relocationEmploymentSql(period: { year: number; quarter: number }): string {
  return `SELECT h.relocation_site AS site_id,
      count(*)::DOUBLE AS with_labour,
      count(*) FILTER (WHERE i.employed_out_province + i.employed_in_province + i.employed_in_county > 0)::DOUBLE AS employed
    FROM households h JOIN income i ON i.hh_key = h.hh_key AND i.year = ${intLiteral(period.year)} AND i.quarter = ${intLiteral(period.quarter)}
    WHERE h.relocated AND h.relocation_site IS NOT NULL AND h.labour > 0
    GROUP BY 1 ORDER BY 1`;
}

export async function queryRelocationEmployment(db: Connector, period: { year: number; quarter: number }): Promise<RelocationEmployment[]> {
  const rows = await db.query<{ site_id: string; with_labour: number; employed: number }>(relocationEmploymentSql(period));
  return rows.map((r) => ({ siteId: String(r.site_id), withLabour: Number(r.with_labour), employed: Number(r.employed) }));
}

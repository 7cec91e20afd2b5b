import type { IntegrityHousehold, IntegrityIncome } from './types';

/**
 * A household's full-year (quarter 4) figures, the basis of every year-on-year check: seasonal
 * year-to-date quarters are not comparable with each other, and a year's figure is its Q4
 * (DOMAIN.md "The income measure").
 */
export interface FullYear {
  hhId: string;
  villageCode: string;
  year: number;
  wage: number;
  operating: number;
  property: number;
  transfer: number;
  /** wage + operating + property + transfer. */
  net: number;
  /** The period's persons where the income row carries them, else the household's. */
  persons: number;
  /** Whether `persons` came from the income row (only then can persons be compared across years). */
  periodPersons: boolean;
  perCapita: number;
}

/** A household's full years by year. */
export type HouseholdYears = Map<number, FullYear>;

export interface FullYearIndex {
  /** Households by id, in the order given. */
  byHousehold: Map<string, HouseholdYears>;
  /** Household ids by village code. */
  byVillage: Map<string, string[]>;
  /** Every year with at least one full-year row, ascending. */
  years: number[];
}

/** Indexes the quarter-4 rows of households that exist, with a positive persons count. */
export function indexFullYears(households: readonly IntegrityHousehold[], income: readonly IntegrityIncome[]): FullYearIndex {
  const hh = new Map<string, IntegrityHousehold>();
  const byVillage = new Map<string, string[]>();
  const byHousehold = new Map<string, HouseholdYears>();
  for (const h of households) {
    hh.set(h.hh_id, h);
    const list = byVillage.get(h.village_code);
    if (list) list.push(h.hh_id);
    else byVillage.set(h.village_code, [h.hh_id]);
  }
  const years = new Set<number>();
  for (const r of income) {
    if (r.quarter !== 4) continue;
    const h = hh.get(r.hh_id);
    if (!h) continue;
    const periodPersons = r.persons !== null && r.persons !== undefined && r.persons > 0;
    const persons = periodPersons ? r.persons! : h.persons;
    if (!(persons > 0)) continue;
    const net = r.wage + r.operating + r.property + r.transfer;
    let m = byHousehold.get(r.hh_id);
    if (!m) byHousehold.set(r.hh_id, (m = new Map()));
    m.set(r.year, {
      hhId: r.hh_id, villageCode: h.village_code, year: r.year,
      wage: r.wage, operating: r.operating, property: r.property, transfer: r.transfer,
      net, persons, periodPersons, perCapita: net / persons,
    });
    years.add(r.year);
  }
  return { byHousehold, byVillage, years: [...years].sort((a, b) => a - b) };
}

/** The village's households' full years of `year`, in household order. */
export function villageYears(index: FullYearIndex, villageCode: string, year: number): FullYear[] {
  const out: FullYear[] = [];
  for (const id of index.byVillage.get(villageCode) ?? []) {
    const y = index.byHousehold.get(id)?.get(year);
    if (y) out.push(y);
  }
  return out;
}

/** Pairs (year − 1, year) of the village's households that have both full years. */
export function villagePairs(index: FullYearIndex, villageCode: string, year: number): { prev: FullYear; cur: FullYear }[] {
  const out: { prev: FullYear; cur: FullYear }[] = [];
  for (const id of index.byVillage.get(villageCode) ?? []) {
    const m = index.byHousehold.get(id);
    const prev = m?.get(year - 1);
    const cur = m?.get(year);
    if (prev && cur) out.push({ prev, cur });
  }
  return out;
}

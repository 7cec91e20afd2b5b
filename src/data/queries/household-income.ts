import type { HouseholdFilter, Period } from '../../domain/filter';
import { filteredHouseholdsSql, type Within } from './filter';
import { intLiteral } from './sql';

/**
 * SQL giving one row per household of the view for `period`, with its income then and in the
 * same period of the previous year: `hh_id, village_code, persons, labour, category, mgmt_class,
 * no_labour, safety_net, relocated, relocation_site, risk_tags, measures, risk_cleared, wage,
 * operating, property, transfer, net, per_capita, prev_wage … prev_net (NULL when missing),
 * decline_cause, employed`. The building block of the histogram, change classes, causes, the
 * household table and the ledgers.
 */
export function householdIncomeSql(filter: HouseholdFilter, period: Period, within?: Within): string {
  const y = intLiteral(period.year);
  const q = intLiteral(period.quarter);
  return `SELECT h.hh_id, h.village_code, h.persons, h.labour, h.category, h.mgmt_class, h.no_labour, h.safety_net,
    h.relocated, h.relocation_site, h.risk_tags, h.measures, h.risk_cleared,
    c.wage, c.operating, c.property, c.transfer,
    c.wage + c.operating + c.property + c.transfer AS net,
    (c.wage + c.operating + c.property + c.transfer) / h.persons AS per_capita,
    p.wage AS prev_wage, p.operating AS prev_operating, p.property AS prev_property, p.transfer AS prev_transfer,
    p.wage + p.operating + p.property + p.transfer AS prev_net,
    c.decline_cause,
    c.employed_out_province + c.employed_in_province + c.employed_in_county AS employed
  FROM (${filteredHouseholdsSql(filter, period, within)}) h
  JOIN income c ON c.hh_key = h.hh_key AND c.year = ${y} AND c.quarter = ${q}
  LEFT JOIN income p ON p.hh_key = h.hh_key AND p.year = ${y} - 1 AND p.quarter = ${q}`;
}

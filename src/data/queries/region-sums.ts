import type { Level, RegionPeriodSums } from '../../domain/dataset';
import { isEmptyFilter, NO_FILTER, type HouseholdFilter, type Period } from '../../domain/filter';
import type { Connector } from '../engine/connector';
import { filteredHouseholdsSql, type Within } from './filter';
import { householdCode } from '../engine/household-tables';
import { withinExpr } from './sql';

/** Scope of a region-sums query: the level to group by, optionally inside one ancestor region. */
export interface RegionSumsScope {
  level: Level;
  within?: Within;
  /** Cross-filter on households (default: none). */
  filter?: HouseholdFilter;
  /** The selected period, needed when the filter depends on it. */
  period?: Period | null;
}

/**
 * SQL for additive sums per region of `level` and collected period, from the `households` and
 * `income` tables. Every per-capita figure in the product is derived from these sums
 * (sum of net income / sum of persons), never as a mean of household ratios.
 * The generator runs the same SQL in native DuckDB to write the pre-aggregated `agg/<level>.json`.
 */
export function regionPeriodSumsSql(scope: RegionSumsScope): string {
  const code = householdCode('h', scope.level);
  const filter = scope.filter ?? NO_FILTER;
  let from: string;
  let where = '';
  if (isEmptyFilter(filter)) {
    from = 'households h';
    if (scope.within) where = `WHERE ${withinExpr('h.village_code', scope.within.code, scope.within.level)}`;
  } else {
    from = `(${filteredHouseholdsSql(filter, scope.period ?? null, scope.within)}) h`;
  }
  return `SELECT ${code} AS code, i.year AS year, i.quarter AS quarter,
  ${incomeSumsSql('h')},
  sum(CASE WHEN h.category <> 'tuopin' THEN 1 ELSE 0 END) AS monitored_households,
  sum(CASE WHEN h.category <> 'tuopin' THEN h.persons ELSE 0 END) AS monitored_persons,
  sum(CASE WHEN h.relocated THEN 1 ELSE 0 END) AS relocated_households,
  ${populationSumsSql('h')}
FROM income i JOIN ${from} ON i.hh_key = h.hh_key
${where}
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3`;
}

/**
 * SQL select list of the additive household sums of joined rows (`i` income, `alias` households):
 * households, persons, net and its four components.
 */
export function incomeSumsSql(alias: string): string {
  if (!/^[a-z_]+$/.test(alias)) throw new Error(`Bad alias ${alias}`);
  return `count(*) AS households,
  sum(${alias}.persons) AS persons,
  sum(i.wage + i.operating + i.property + i.transfer) AS net,
  sum(i.wage) AS wage,
  sum(i.operating) AS operating,
  sum(i.property) AS property,
  sum(i.transfer) AS transfer`;
}

/**
 * SQL select list of the monitoring objects' income sums (`monitored_net` … and their relocated
 * households; as `h.category <> 'tuopin'`, a NULL category is not monitored), from which every
 * population of src/domain/population.ts is derived.
 */
export function populationSumsSql(alias: string): string {
  if (!/^[a-z_]+$/.test(alias)) throw new Error(`Bad alias ${alias}`);
  const net = 'i.wage + i.operating + i.property + i.transfer';
  const m = `${alias}.category <> 'tuopin'`;
  return [
    `sum(CASE WHEN ${m} THEN ${net} ELSE 0 END) AS monitored_net`,
    ...['wage', 'operating', 'property', 'transfer'].map((c) => `sum(CASE WHEN ${m} THEN i.${c} ELSE 0 END) AS monitored_${c}`),
    `sum(CASE WHEN ${m} AND ${alias}.relocated THEN 1 ELSE 0 END) AS monitored_relocated_households`,
  ].join(',\n  ');
}

/** Runs `regionPeriodSumsSql` and returns typed rows. */
export async function queryRegionPeriodSums(db: Connector, scope: RegionSumsScope): Promise<RegionPeriodSums[]> {
  return db.query<RegionPeriodSums>(regionPeriodSumsSql(scope));
}

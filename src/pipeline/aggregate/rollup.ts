import type { Level } from '../../domain/dataset';
import { ancestorExpr } from '../../data/queries/sql';
import { quoteIdent } from '../native-duckdb';

/** The key columns of `RegionPeriodSums`; every other column is an additive sum. */
export const KEY_COLUMNS = ['code', 'year', 'quarter'] as const;

/** The additive columns of a region-sums table, from its column names (everything but the keys), in order. */
export function additiveColumns(columnNames: string[]): string[] {
  for (const k of KEY_COLUMNS) {
    if (!columnNames.includes(k)) throw new Error(`region sums table lacks key column ${k}`);
  }
  return columnNames.filter((c) => !(KEY_COLUMNS as readonly string[]).includes(c));
}

/**
 * SQL rolling a finer region-sums table (`regionPeriodSumsSql` rows, e.g. per village) up to
 * `level`: the ancestor code of each row's code, the same year and quarter, every additive column
 * summed. Valid because every column of `RegionPeriodSums` besides the keys is a plain sum (count,
 * sum, sum of a 0/1 case), so a sum of sums over the children equals the sum over the households.
 * Columns come out in the order given, which is the order of `regionPeriodSumsSql`.
 */
export function rollupSql(table: string, level: Level, additive: string[]): string {
  const sums = additive.map((c) => `sum(${quoteIdent(c)}) AS ${quoteIdent(c)}`).join(',\n  ');
  return `SELECT ${ancestorExpr('code', level)} AS code, year, quarter,
  ${sums}
FROM ${quoteIdent(table)}
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3`;
}

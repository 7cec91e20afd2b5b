import { CATEGORY_IDS, MGMT_CLASS_IDS, type HouseholdFilter, type Period } from '../../domain/filter';
import type { Level } from '../../domain/dataset';
import { intLiteral, withinExpr, wordLiteral } from './sql';

/** A region to look inside: its code and level. */
export interface Within {
  code: string;
  level: Level;
}

function numberLiteral(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`Not a finite number: ${x}`);
  return String(x);
}

/**
 * SQL for the households a view counts: `SELECT h.* FROM households h …` restricted to `within`
 * and the cross-filter. Conditions on the selected period (income range, decline cause) join that
 * period's income row; the result is the same set of households for every period a view shows,
 * so trends compare one population over the years.
 */
export function filteredHouseholdsSql(filter: HouseholdFilter, period: Period | null, within?: Within): string {
  let join = '';
  if (filter.causes.length || filter.incomeRange) {
    if (!period) throw new Error('A filter on income or decline cause needs a period');
    join = `JOIN income p ON p.hh_key = h.hh_key AND p.year = ${intLiteral(period.year)} AND p.quarter = ${intLiteral(period.quarter)}`;
  }
  const where = householdPredicates(filter, within, { cause: 'p.decline_cause', perCapita: '(p.wage + p.operating + p.property + p.transfer) / h.persons' });
  return `SELECT h.* FROM households h ${join}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
}

/**
 * The conditions of `within` and the cross-filter on a household row `h`. `income` names the
 * expressions for the period's decline cause and per-capita net income (used only when the filter
 * has causes or an income range).
 */
export function householdPredicates(filter: HouseholdFilter, within: Within | undefined, income: { cause: string; perCapita: string }): string[] {
  const where: string[] = [];
  if (within) where.push(withinExpr('h.village_code', within.code, within.level));
  if (filter.categories.length) {
    for (const c of filter.categories) if (!CATEGORY_IDS.includes(c)) throw new Error(`Unknown category ${c}`);
    where.push(`h.category IN (${filter.categories.map(wordLiteral).join(', ')})`);
  }
  if (filter.mgmtClasses.length) {
    for (const c of filter.mgmtClasses) if (!MGMT_CLASS_IDS.includes(c)) throw new Error(`Unknown management class ${c}`);
    where.push(`h.mgmt_class IN (${filter.mgmtClasses.map(wordLiteral).join(', ')})`);
  }
  if (filter.relocated !== null) where.push(filter.relocated ? 'h.relocated' : 'NOT h.relocated');
  if (filter.causes.length) where.push(`${income.cause} IN (${filter.causes.map(intLiteral).join(', ')})`);
  if (filter.incomeRange) {
    const [lo, hi] = filter.incomeRange;
    where.push(`${income.perCapita} >= ${numberLiteral(lo)}`);
    where.push(`${income.perCapita} < ${numberLiteral(hi)}`);
  }
  return where;
}

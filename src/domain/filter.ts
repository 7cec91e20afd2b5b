/**
 * The cross-filter: which households the map and every panel count. One value, serialised to the
 * URL with the rest of the view state; the query layer turns it into SQL (`src/data/queries/filter.ts`).
 */

export const CATEGORY_IDS = ['tuopin', 'unstable', 'marginal', 'sudden'] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export const MGMT_CLASS_IDS = ['high_quality', 'stable', 'key_monitoring', 'safety_net'] as const;
export type MgmtClassId = (typeof MGMT_CLASS_IDS)[number];

/** The eight decline causes of seed 002 §二(二), 1–8. */
export const DECLINE_CAUSES = [1, 2, 3, 4, 5, 6, 7, 8] as const;

export interface HouseholdFilter {
  /** Household categories to keep (empty = all). */
  categories: CategoryId[];
  /** Management classes to keep (empty = all). */
  mgmtClasses: MgmtClassId[];
  /** Keep only relocated (true) or only not relocated (false) households; null = all. */
  relocated: boolean | null;
  /** Keep households whose income fell in the selected period for one of these causes (empty = all). */
  causes: number[];
  /** Keep households whose per-capita net income in the selected period lies in [lo, hi). */
  incomeRange: [number, number] | null;
}

export const NO_FILTER: HouseholdFilter = { categories: [], mgmtClasses: [], relocated: null, causes: [], incomeRange: null };

/** True when the filter keeps every household. */
export function isEmptyFilter(f: HouseholdFilter): boolean {
  return f.categories.length === 0 && f.mgmtClasses.length === 0 && f.relocated === null && f.causes.length === 0 && f.incomeRange === null;
}

/** True when the filter depends on the selected period (income range or decline cause). */
export function filterUsesPeriod(f: HouseholdFilter): boolean {
  return f.causes.length > 0 || f.incomeRange !== null;
}

/** A collected period: year-to-date up to `quarter` (4 = full year). */
export interface Period {
  year: number;
  quarter: number;
}

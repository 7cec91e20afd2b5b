import type { Level } from '../../domain/dataset';
import { FLAT_BAND } from '../../domain/change';
import type { HouseholdFilter, Period } from '../../domain/filter';
import type { Connector } from '../engine/connector';
import type { Within } from './filter';
import { withHouseholdIncome } from './household-income';
import { ancestorExpr, intLiteral } from './sql';

/** The households a panel counts: inside `within`, passing `filter`, in `period`. */
export interface PanelScope {
  within: Within;
  filter: HouseholdFilter;
  period: Period;
}

export interface HistogramBin {
  /** Lower bound (inclusive) of per-capita net income, yuan. */
  lo: number;
  /** Upper bound (exclusive); Infinity for the last, open bin. */
  hi: number;
  households: number;
  persons: number;
}

/**
 * Households by per-capita net income in bins of `width` yuan from 0 up to `max` (values below 0
 * fall in the first bin, values at or above `max` in a last open bin). The histogram shows the
 * whole distribution of the view, so callers pass the filter without its own income range.
 */
export async function queryIncomeHistogram(db: Connector, scope: PanelScope, width = 1000, max = 40000): Promise<HistogramBin[]> {
  const n = Math.ceil(max / width);
  const rows = await withHouseholdIncome(db, scope, (households) => db.query<{ bin: number; households: number; persons: number }>(`SELECT
      least(greatest(floor(per_capita / ${intLiteral(width)}), 0), ${intLiteral(n)}) AS bin,
      count(*) AS households, sum(persons) AS persons
    FROM (${households}) x GROUP BY 1 ORDER BY 1`));
  const bins: HistogramBin[] = [];
  for (let b = 0; b <= n; b++) bins.push({ lo: b * width, hi: b === n ? Infinity : (b + 1) * width, households: 0, persons: 0 });
  for (const r of rows) {
    bins[r.bin].households = r.households;
    bins[r.bin].persons = r.persons;
  }
  return bins;
}

export type ChangeComponent = 'net' | 'wage' | 'operating' | 'property' | 'transfer';
export const CHANGE_COMPONENTS: ChangeComponent[] = ['net', 'wage', 'operating', 'property', 'transfer'];

export interface ComponentChange {
  component: ChangeComponent;
  rising: number;
  flat: number;
  falling: number;
  /** Households without a figure for the same period of last year. */
  noComparison: number;
}

/**
 * Rising / flat / falling households per income component (`src/domain/change.ts` for "flat"), in
 * one pass over the view's households (20 conditional counts, not one scan per component).
 */
export async function queryComponentChange(db: Connector, scope: PanelScope): Promise<ComponentChange[]> {
  const band = String(FLAT_BAND);
  const cls = (c: ChangeComponent) => `CASE WHEN prev_${c} IS NULL THEN 'none'
      WHEN abs(${c} - prev_${c}) <= ${band} * abs(prev_${c}) THEN 'flat'
      WHEN ${c} > prev_${c} THEN 'rising' ELSE 'falling' END`;
  const counts = CHANGE_COMPONENTS.flatMap((c) => CHANGE_CLASSES.map((k) => `count_if(${cls(c)} = '${k}') AS ${c}_${k}`));
  const [row] = await withHouseholdIncome(db, scope, (households) => db.query<Record<string, number>>(`SELECT ${counts.join(',\n  ')} FROM (${households}) x`));
  const get = (c: ChangeComponent, k: (typeof CHANGE_CLASSES)[number]) => Number(row?.[`${c}_${k}`] ?? 0);
  return CHANGE_COMPONENTS.map((component) => ({
    component,
    rising: get(component, 'rising'),
    flat: get(component, 'flat'),
    falling: get(component, 'falling'),
    noComparison: get(component, 'none'),
  }));
}

const CHANGE_CLASSES = ['rising', 'flat', 'falling', 'none'] as const;

export interface CauseTally {
  /** Child unit code (e.g. a village), or the scope's own code for the total. */
  code: string;
  households: number;
  /** Households whose income fell in the period with a recorded cause. */
  falling: number;
  /** Households per cause 1–8 (index 0 = cause 1). */
  byCause: number[];
}

/**
 * The eight decline causes tallied per child unit at `childLevel` (seed 002 §二(三)4: "汇总各项因素关联户数
 * 及所占比例"), with the number of households of each unit so shares can be shown.
 */
export async function queryDeclineCauses(db: Connector, scope: PanelScope, childLevel: Level): Promise<CauseTally[]> {
  const rows = await withHouseholdIncome(db, scope, (households) => db.query<{ code: string; cause: number | null; n: number }>(`SELECT ${ancestorExpr('village_code', childLevel)} AS code,
      decline_cause AS cause, count(*) AS n
    FROM (${households}) x GROUP BY 1, 2 ORDER BY 1, 2`));
  const byCode = new Map<string, CauseTally>();
  for (const r of rows) {
    let t = byCode.get(r.code);
    if (!t) byCode.set(r.code, (t = { code: r.code, households: 0, falling: 0, byCause: [0, 0, 0, 0, 0, 0, 0, 0] }));
    t.households += r.n;
    if (r.cause !== null && r.cause >= 1 && r.cause <= 8) {
      t.falling += r.n;
      t.byCause[r.cause - 1] += r.n;
    }
  }
  return [...byCode.values()];
}

/**
 * Disclosure control for the public build (CONTRACT.md "Public build"): primary and complementary
 * suppression (`suppress.ts`) proved by an LP audit (`audit.ts`), repeated until the audit passes,
 * and the published rows (`publishRows`). Pure TypeScript; HiGHS is passed in.
 */
import type { Highs } from 'highs';
import { audit, DEFAULT_PROTECTION, type AuditFailure, type AuditOptions, type AuditResult } from './audit';
import { addComplementFor, hiddenCellCount, isHidden, suppress, type SuppressionState } from './suppress';
import { ALL, MON, PUBLIC_FIELDS, cellOf, columnOf, value, type LinkedTable } from './table';

export * from './table';
export { audit, DEFAULT_PROTECTION, type AuditFailure, type AuditOptions, type AuditResult } from './audit';
export { isHidden, suppress, type SuppressionState } from './suppress';

export interface ProtectOptions extends AuditOptions {
  /** Minimum households of a published figure (default 10). */
  k?: number;
  /** Audit rounds before giving up (default 50). */
  maxRounds?: number;
  onRound?: (round: number, result: AuditResult) => void;
}

export interface ProtectResult {
  state: SuppressionState;
  audit: AuditResult;
  rounds: number;
  hiddenCells: number;
  /** Breakdown for the operator's log only, never for a published file. */
  primaryCells: number;
  complementaryCells: number;
}

export function protectTable(highs: Highs, table: LinkedTable, options: ProtectOptions = {}): ProtectResult {
  const k = options.k ?? 10;
  const state = suppress(table, k, options.protection ?? DEFAULT_PROTECTION);
  const maxRounds = options.maxRounds ?? 50;
  const cache = options.cache ?? new Map();
  let result = audit(highs, state, { ...options, cache });
  let rounds = 1;
  options.onRound?.(rounds, result);
  while (!result.ok && rounds < maxRounds) {
    const cells = [...new Set(result.failures.map((f) => f.cell))];
    let changed = false;
    for (const cell of cells) if (addComplementFor(state, cell)) changed = true;
    if (!changed) break;
    result = audit(highs, state, { ...options, cache });
    rounds++;
    options.onRound?.(rounds, result);
  }
  let primaryCells = 0;
  let hidden = 0;
  for (let c = 0; c < table.codes.length * 3; c++) {
    if (!isHidden(state, c)) continue;
    hidden++;
    if (state.primary[c]) primaryCells++;
  }
  return { state, audit: result, rounds, hiddenCells: hiddenCellCount(state), primaryCells, complementaryCells: hidden - primaryCells };
}

/** One published row: `code`, `year`, `quarter`, then every figure column, null where hidden. */
export type PublishedRow = { code: string; year: number; quarter: number } & Record<string, number | null | string>;

/**
 * The rows of one level as published: every region of the level and every period, the plain
 * columns null when `all` is hidden and the `monitored_*` columns null when monitored is hidden.
 */
export function publishRows(state: SuppressionState, level: number): PublishedRow[] {
  const t = state.table;
  const out: PublishedRow[] = [];
  for (let r = 0; r < t.codes.length; r++) {
    if (t.levels[r] !== level) continue;
    const hideAll = isHidden(state, cellOf(r, ALL));
    const hideMon = isHidden(state, cellOf(r, MON));
    t.periods.forEach((p, ti) => {
      const row: PublishedRow = { code: t.codes[r]!, year: p.year, quarter: p.quarter };
      PUBLIC_FIELDS.forEach((f, fi) => (row[columnOf('all', f)] = hideAll ? null : value(t, ALL, fi, r, ti)));
      PUBLIC_FIELDS.forEach((f, fi) => (row[columnOf('monitored', f)] = hideMon ? null : value(t, MON, fi, r, ti)));
      out.push(row);
    });
  }
  return out;
}

export function formatFailure(f: AuditFailure): string {
  return `${f.code} ${f.part} ${f.field} ${f.year} Q${f.quarter}: ${f.reason} (range ${f.min}…${f.max})`;
}

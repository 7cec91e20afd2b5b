import type { HouseholdRow } from '../../data/queries/households';
import type { Level } from '../../domain/dataset';
import { ancestorCode } from '../../domain/region-code';
import { COMPONENTS, type Component } from './composition';

/** What a ledger's summary line says: size, where its households are, how their income is made up. */
export interface LedgerSummary {
  households: number;
  persons: number;
  /** Households per child unit, largest first (ties by code). */
  byUnit: { code: string; households: number }[];
  /** Share of each component in the ledger's total net income (NaN when net is not positive). */
  structure: Record<Component, number>;
}

/** Summary of a ledger's rows, grouping villages into their ancestors at `unitLevel`. */
export function summarizeLedger(rows: readonly HouseholdRow[], unitLevel: Level): LedgerSummary {
  const units = new Map<string, number>();
  const sums: Record<Component, number> = { wage: 0, operating: 0, property: 0, transfer: 0 };
  let persons = 0;
  for (const r of rows) {
    persons += r.persons;
    const code = ancestorCode(r.village_code, unitLevel);
    units.set(code, (units.get(code) ?? 0) + 1);
    for (const c of COMPONENTS) sums[c] += r[c];
  }
  const net = COMPONENTS.reduce((s, c) => s + sums[c], 0);
  const structure = Object.fromEntries(COMPONENTS.map((c) => [c, net > 0 ? sums[c] / net : Number.NaN])) as Record<Component, number>;
  const byUnit = [...units].map(([code, households]) => ({ code, households })).sort((a, b) => b.households - a.households || a.code.localeCompare(b.code));
  return { households: rows.length, persons, byUnit, structure };
}

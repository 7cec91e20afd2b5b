import type { HouseholdRow, LedgerUnit } from '../../data/queries/households';
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
  const units = new Map<string, LedgerUnit>();
  for (const r of rows) {
    const code = ancestorCode(r.village_code, unitLevel);
    let u = units.get(code);
    if (!u) units.set(code, (u = { code, households: 0, persons: 0, wage: 0, operating: 0, property: 0, transfer: 0 }));
    u.households += 1;
    u.persons += r.persons;
    for (const c of COMPONENTS) u[c] += r[c];
  }
  return summarizeLedgerUnits([...units.values()]);
}

/** Summary of a ledger from its sums per region (`queryLedgerView`). */
export function summarizeLedgerUnits(units: readonly LedgerUnit[]): LedgerSummary {
  const sums: Record<Component, number> = { wage: 0, operating: 0, property: 0, transfer: 0 };
  let households = 0;
  let persons = 0;
  for (const u of units) {
    households += u.households;
    persons += u.persons;
    for (const c of COMPONENTS) sums[c] += u[c];
  }
  const net = COMPONENTS.reduce((s, c) => s + sums[c], 0);
  const structure = Object.fromEntries(COMPONENTS.map((c) => [c, net > 0 ? sums[c] / net : Number.NaN])) as Record<Component, number>;
  const byUnit = units.map((u) => ({ code: u.code, households: u.households })).sort((a, b) => b.households - a.households || a.code.localeCompare(b.code));
  return { households, persons, byUnit, structure };
}

import { bunchingFlags } from './bunching';
import { componentsMismatchFlags } from './components-mismatch';
import { indexFullYears } from './full-years';
import { identicalGrowthFlags } from './identical-growth';
import { implausibleJumpFlags } from './implausible-jump';
import { personsChangeFlags } from './persons-change';
import { roundNumberFlags } from './round-numbers';
import { FLAG_CODES, type IntegrityFlag, type IntegrityInput, type IntegrityOptions } from './types';

/**
 * Every integrity flag of the rows (CONTRACT.md "Integrity flags"): for each year checked, the
 * village checks (identical growth, bunching, round numbers) of every village with households,
 * and the household checks (implausible jumps, persons changes, components that do not add up).
 * Year-on-year checks compare a year's full-year figures with the year before's and say nothing
 * of a year without them. Sorted by `compareFlags`, so the same rows always give the same list.
 */
export function checkIntegrity(input: IntegrityInput, options: IntegrityOptions = {}): IntegrityFlag[] {
  const index = indexFullYears(input.households, input.income);
  const years = options.years ? [...options.years] : [...new Set(input.income.map((r) => r.year))].sort((a, b) => a - b);
  const households = new Map(input.households.map((h) => [h.hh_id, h]));
  const flags: IntegrityFlag[] = [];
  for (const year of years) {
    for (const village of index.byVillage.keys()) {
      flags.push(...identicalGrowthFlags(index, village, year));
      flags.push(...bunchingFlags(index, village, year, input.lines));
      flags.push(...roundNumberFlags(index, village, year));
      flags.push(...personsChangeFlags(index, village, year));
    }
    flags.push(...implausibleJumpFlags(index, year));
    flags.push(...componentsMismatchFlags(households, input.income, year));
  }
  return flags.sort(compareFlags);
}

const FLAG_ORDER = new Map(FLAG_CODES.map((f, i) => [f, i]));

/** Latest year first, then by village, village flags before household flags, flag kind, code. */
export function compareFlags(a: IntegrityFlag, b: IntegrityFlag): number {
  return (
    b.year - a.year ||
    (a.villageCode < b.villageCode ? -1 : a.villageCode > b.villageCode ? 1 : 0) ||
    (a.level === b.level ? 0 : a.level === 'village' ? -1 : 1) ||
    FLAG_ORDER.get(a.flag)! - FLAG_ORDER.get(b.flag)! ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

/** Flags per village: how many, and of which kinds (for the map layer). */
export function flagsByVillage(flags: readonly IntegrityFlag[]): Map<string, IntegrityFlag[]> {
  const out = new Map<string, IntegrityFlag[]>();
  for (const f of flags) {
    const list = out.get(f.villageCode);
    if (list) list.push(f);
    else out.set(f.villageCode, [f]);
  }
  return out;
}

/** Flags of villages inside the region whose code starts with `prefix` (the unit's significant digits). */
export function flagsWithin(flags: readonly IntegrityFlag[], prefix: string): IntegrityFlag[] {
  return flags.filter((f) => f.villageCode.startsWith(prefix));
}

/** Count per flag kind, every kind present (zeros included). */
export function countByFlag(flags: readonly IntegrityFlag[]): Record<(typeof FLAG_CODES)[number], number> {
  const out = Object.fromEntries(FLAG_CODES.map((f) => [f, 0])) as Record<(typeof FLAG_CODES)[number], number>;
  for (const f of flags) out[f.flag]++;
  return out;
}

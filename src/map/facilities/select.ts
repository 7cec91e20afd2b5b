import type { Facility, FacilityKind } from '../../data/queries/facilities';
import { prefixDigits } from '../../domain/region-code';
import type { Level } from '../../domain/dataset';

/**
 * Which facilities a view shows: those inside the map's scope (village code prefix) opened by the
 * year on screen (`opened_year ≤ year`). Pure.
 */
export function facilitiesInView(all: readonly Facility[], scope: { code: string; level: Level }, year: number): Facility[] {
  const keep = prefixDigits(scope.level);
  const prefix = scope.code.slice(0, keep);
  return all.filter((f) => f.openedYear <= year && f.villageCode.slice(0, keep) === prefix);
}

/**
 * Facilities per unit and kind: for each code of `units` (all at `level`), how many of `facilities`
 * of each kind lie inside it (village code prefix).
 */
export function countByUnit(facilities: readonly Facility[], units: readonly string[], level: Level): Map<string, Partial<Record<FacilityKind, number>>> {
  const keep = prefixDigits(level);
  const out = new Map<string, Partial<Record<FacilityKind, number>>>(units.map((u) => [u, {}]));
  const byPrefix = new Map(units.map((u) => [u.slice(0, keep), u]));
  for (const f of facilities) {
    const unit = byPrefix.get(f.villageCode.slice(0, keep));
    if (!unit) continue;
    const row = out.get(unit)!;
    row[f.kind] = (row[f.kind] ?? 0) + 1;
  }
  return out;
}

/** Sum of a unit's counts over `kinds`. */
export function totalOf(counts: Partial<Record<FacilityKind, number>> | undefined, kinds: readonly FacilityKind[]): number {
  return kinds.reduce((s, k) => s + (counts?.[k] ?? 0), 0);
}

import type { Level } from './dataset';
import { ancestorCode, prefixDigits } from './region-code';

/**
 * Drill-down rules: which unit a view stands on, which regions the map shows for it, and the
 * breadcrumb above it. Pure functions of 12-digit statistical codes (DOMAIN.md "Places on the
 * map": province 2 digits, city 4, county 6, township 9, village 12).
 */

const LEVELS: readonly Level[] = [1, 2, 3, 4, 5];

/** Level of a 12-digit code, read from which digit groups are non-zero. */
export function levelOfCode(code: string): Level {
  for (const level of [1, 2, 3, 4] as const) {
    if (/^0*$/.test(code.slice(prefixDigits(level)))) return level;
  }
  return 5;
}

/** True when `code` is `region` itself or lies inside it. */
export function isWithin(code: string, region: string, regionLevel: Level = levelOfCode(region)): boolean {
  const n = prefixDigits(regionLevel);
  return code.slice(0, n) === region.slice(0, n);
}

/**
 * The unit a view stands on: the requested code when it is a valid 12-digit code inside the
 * dataset's root and not above it, else the root.
 */
export function resolveUnit(requested: string | null, root: { code: string; level: Level }): string {
  if (requested === null || !/^\d{12}$/.test(requested)) return root.code;
  if (levelOfCode(requested) < root.level || !isWithin(requested, root.code, root.level)) return root.code;
  return requested;
}

/** What the map draws for a unit: polygons of `level`, those inside `scope` (code at `scopeLevel`). */
export interface MapScope {
  level: Level;
  scope: string;
  scopeLevel: Level;
}

/**
 * The map always shows the children of the unit, except: at a province or city it shows
 * counties (the city level is skipped on the map, not in the breadcrumb), and at a village it
 * shows the village among its siblings, the villages of its township.
 */
export function mapScopeOf(unit: string): MapScope {
  const level = levelOfCode(unit);
  if (level <= 2) return { level: 3, scope: unit, scopeLevel: level };
  if (level === 5) return { level: 5, scope: ancestorCode(unit, 4), scopeLevel: 4 };
  return { level: (level + 1) as Level, scope: unit, scopeLevel: level };
}

/** Features of a collection that lie inside the scope (by code prefix). */
export function featuresWithin<F extends { properties: { code: string } }>(features: readonly F[], scope: string, scopeLevel: Level): F[] {
  return features.filter((f) => isWithin(f.properties.code, scope, scopeLevel));
}

/** The breadcrumb's codes, from the dataset's root down to the unit itself. */
export function ancestry(unit: string, rootLevel: Level): { code: string; level: Level }[] {
  const unitLevel = levelOfCode(unit);
  return LEVELS.filter((l) => l >= rootLevel && l <= unitLevel).map((level) => ({ code: ancestorCode(unit, level), level }));
}

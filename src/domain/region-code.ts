import type { Level } from './dataset';

/** Digits of a 12-digit statistical code that identify a region at each level. */
const PREFIX_DIGITS: Record<Level, number> = { 1: 2, 2: 4, 3: 6, 4: 9, 5: 12 };

/** Number of leading digits that identify a region of `level` (province 2 … village 12). */
export function prefixDigits(level: Level): number {
  return PREFIX_DIGITS[level];
}

/** The 12-digit code of the ancestor of `code` at `level`, by the statistical code's prefix. */
export function ancestorCode(code: string, level: Level): string {
  return code.slice(0, PREFIX_DIGITS[level]).padEnd(12, '0');
}

/**
 * True for an urban community (居委会): the first digit of the 3-digit village part of a
 * 12-digit code is 0 or 1; 村委会 (rural villages) have 2 (DOMAIN.md, "Places on the map").
 */
export function isUrbanCommunity(villageCode: string): boolean {
  const d = villageCode.charAt(9);
  return d === '0' || d === '1';
}

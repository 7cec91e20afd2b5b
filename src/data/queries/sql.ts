import type { Level } from '../../domain/dataset';
import { prefixDigits } from '../../domain/region-code';

/**
 * Small, checked building blocks for the named queries. Values that reach SQL are validated
 * here (codes are digits, years integers), so no caller ever splices free text into a query.
 */

/** A 12-digit region code, checked. */
export function codeLiteral(code: string): string {
  if (!/^\d{12}$/.test(code)) throw new Error(`Not a 12-digit region code: ${JSON.stringify(code)}`);
  return `'${code}'`;
}

/** An integer literal, checked. */
export function intLiteral(value: number): string {
  if (!Number.isInteger(value)) throw new Error(`Not an integer: ${value}`);
  return String(value);
}

/** A string literal from a fixed vocabulary (category names and the like), checked. */
export function wordLiteral(value: string): string {
  if (!/^[a-z_]+$/.test(value)) throw new Error(`Not a vocabulary word: ${JSON.stringify(value)}`);
  return `'${value}'`;
}

/** SQL expression giving the 12-digit code of the `level` ancestor of a 12-digit code column. */
export function ancestorExpr(column: string, level: Level): string {
  const keep = prefixDigits(level);
  return keep === 12 ? column : `rpad(substr(${column}, 1, ${keep}), 12, '0')`;
}

/** SQL condition: the code column lies inside region `code` (which is at `level`). */
export function withinExpr(column: string, code: string, level: Level): string {
  const keep = prefixDigits(level);
  codeLiteral(code);
  return `substr(${column}, 1, ${keep}) = '${code.slice(0, keep)}'`;
}

import type { Cell } from './types';

/**
 * A value as a database gives it (Parquet read by DuckDB, native or WASM) as the cell the import
 * reads: integers too large for a double stay text, lists are joined with 、 as a spreadsheet
 * shows them, dates as ISO text.
 */
export function cellOfValue(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map((x) => String(x)).join('、');
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

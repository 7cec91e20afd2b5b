/**
 * Parquet input of `npm run import`, read with native DuckDB into the `RawTable` the pure import
 * takes (kept out of src/import, which has no DuckDB). Integers too large for a double stay text.
 */
import type { Cell, RawTable } from '../../import';
import { NativeDuckDB, quoteString } from '../native-duckdb';

function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map((x) => String(x)).join('、');
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

export async function readParquetTable(path: string): Promise<RawTable> {
  const db = await NativeDuckDB.open({ threads: 1 });
  try {
    const reader = await db.connection.runAndReadAll(`SELECT * FROM read_parquet(${quoteString(path)})`);
    const headers = reader.columnNames();
    const rows = reader.getRowsJS().map((r) => r.map(toCell));
    return { file: path, headers, rows, headerIndex: 0, source: 'Parquet' };
  } finally {
    await db.close();
  }
}

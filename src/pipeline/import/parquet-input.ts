/**
 * Parquet input of `npm run import`, read with native DuckDB into the `RawTable` the pure import
 * takes (kept out of src/import, which has no DuckDB). Integers too large for a double stay text.
 */
import type { RawTable } from '../../import';
import { NativeDuckDB, quoteString } from '../native-duckdb';
import { cellOfValue } from '../../import/cells';


export async function readParquetTable(path: string): Promise<RawTable> {
  const db = await NativeDuckDB.open({ threads: 1 });
  try {
    const reader = await db.connection.runAndReadAll(`SELECT * FROM read_parquet(${quoteString(path)})`);
    const headers = reader.columnNames();
    const rows = reader.getRowsJS().map((r) => r.map(cellOfValue));
    return { file: path, headers, rows, headerIndex: 0, source: 'Parquet' };
  } finally {
    await db.close();
  }
}

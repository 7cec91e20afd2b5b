/**
 * Parquet input of the browser's import: the file is read by the engine (DuckDB-WASM) into the
 * `RawTable` the pure import takes, as `npm run import` reads it with native DuckDB
 * (src/pipeline/import/parquet-input.ts): integers too large for a double stay text, lists are
 * joined with 、 as a spreadsheet would show them.
 */
import type { RawTable } from '../../import';
import type { FileConnector } from '../engine/connector';
import { cellOfValue } from '../../import/cells';


let seq = 0;

export async function readParquetTable(db: FileConnector, name: string, bytes: Uint8Array): Promise<RawTable> {
  const file = `import-input-${++seq}.parquet`;
  await db.writeFile(file, bytes);
  try {
    const columns = await db.query<{ column_name: string }>(`DESCRIBE SELECT * FROM read_parquet('${db.filePath(file)}')`);
    const headers = columns.map((c) => String(c.column_name));
    const rows = await db.query<Record<string, unknown>>(`SELECT * FROM read_parquet('${db.filePath(file)}')`);
    return { file: name, headers, rows: rows.map((r) => headers.map((h) => cellOfValue(r[h]))), headerIndex: 0, source: 'Parquet' };
  } finally {
    await db.dropFile(file);
  }
}

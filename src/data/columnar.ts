/** Column-oriented JSON as written by the generator: `{rows, columns: {name: values[]}}`. */
export interface ColumnarJson {
  rows?: number;
  columns: Record<string, unknown[]>;
  [extra: string]: unknown;
}

/** Turns columnar JSON into row objects, checking every column has `rows` values. */
export function fromColumnar<T>(data: ColumnarJson): T[] {
  const names = Object.keys(data.columns);
  // `rows` may be left out (CONTRACT.md names only the columns): then the first column's length.
  const count = typeof data.rows === 'number' ? data.rows : (data.columns[names[0] ?? '']?.length ?? 0);
  for (const n of names) {
    if (data.columns[n].length !== count) throw new Error(`Column ${n} has ${data.columns[n].length} values, expected ${count}`);
  }
  const out: T[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const row: Record<string, unknown> = {};
    for (const n of names) row[n] = data.columns[n][i];
    out[i] = row as T;
  }
  return out;
}

/**
 * Column-oriented JSON for pre-aggregated tables: `{"rows": n, "columns": {"code": [...], ...}}`.
 * Smaller and faster to parse than an array of objects. Written by the generator, the aggregate
 * step and the browser's import alike.
 */
export function toColumnarJson<T extends object>(rows: T[], extra: Record<string, unknown> = {}): string {
  const columns: Record<string, unknown[]> = {};
  const keys = rows.length ? Object.keys(rows[0]!) : [];
  for (const k of keys) columns[k] = rows.map((r) => (r as Record<string, unknown>)[k]);
  return JSON.stringify({ ...extra, rows: rows.length, columns });
}

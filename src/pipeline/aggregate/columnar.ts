import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Streams the same text as `toColumnarJson(rows, extra)` (src/pipeline/write/files.ts) from
 * columns, without building one string of the whole table: a national village table is larger
 * than the longest string V8 allows. `columns` must be in the order of the row objects' keys.
 */
export function writeColumnarJson(
  path: string,
  columns: { name: string; values: ArrayLike<unknown> }[],
  extra: Record<string, unknown> = {},
): void {
  const rows = columns.length ? columns[0].values.length : 0;
  for (const c of columns) {
    if (c.values.length !== rows) throw new Error(`column ${c.name} has ${c.values.length} values, expected ${rows}`);
  }
  mkdirSync(dirname(path), { recursive: true });
  const head = JSON.stringify({ ...extra, rows, columns: {} });
  // `{...,"columns":{}}` → write everything but the closing `}}`, then the columns, then `}}`.
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, head.slice(0, -2));
    const chunk = 65_536;
    columns.forEach((c, ci) => {
      writeSync(fd, `${ci ? ',' : ''}${JSON.stringify(c.name)}:[`);
      for (let from = 0; from < rows; from += chunk) {
        const to = Math.min(rows, from + chunk);
        const parts: string[] = [];
        for (let i = from; i < to; i++) parts.push(jsonValue(c.values[i]));
        writeSync(fd, (from ? ',' : '') + parts.join(','));
      }
      writeSync(fd, ']');
    });
    writeSync(fd, '}}');
  } finally {
    closeSync(fd);
  }
}

/** One array element as `JSON.stringify([v])` writes it (undefined and non-finite numbers as null). */
function jsonValue(v: unknown): string {
  if (v === undefined) return 'null';
  return JSON.stringify(v) ?? 'null';
}

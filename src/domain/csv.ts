/**
 * CSV for spreadsheet users (Excel in a Chinese locale included): UTF-8 with a byte-order mark so
 * Chinese headers open correctly, CRLF line ends (RFC 4180), and every field that holds a comma,
 * quote or line break quoted with inner quotes doubled. Pure: no DOM, no download.
 */

export const BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

/** One field: numbers as plain decimals, null/undefined/NaN as empty, text quoted when needed. */
export function csvField(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = String(v);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The whole file: BOM, header line, one line per row, each ending in CRLF. */
export function toCsv<T>(columns: CsvColumn<T>[], rows: readonly T[]): string {
  const line = (fields: CsvValue[]) => `${fields.map(csvField).join(',')}\r\n`;
  let out = BOM + line(columns.map((c) => c.header));
  for (const r of rows) out += line(columns.map((c) => c.value(r)));
  return out;
}

/** Rounds to cents for amounts in a file (per-capita figures are fractions of a yuan). */
export function cents(x: number | null): number | null {
  return x === null || !Number.isFinite(x) ? null : Math.round(x * 100) / 100;
}

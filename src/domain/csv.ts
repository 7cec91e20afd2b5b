/**
 * CSV for spreadsheet users (Excel in a Chinese locale included): UTF-8 with a byte-order mark so
 * Chinese headers open correctly, CRLF line ends (RFC 4180), and every field that holds a comma,
 * quote or line break quoted with inner quotes doubled. Pure: no DOM, no download.
 *
 * Numbers (README "Exports"): by default rounded as the screen shows them — yuan amounts
 * (components, net, per capita) to whole yuan, rates and shares as percent with one decimal
 * (growth −0.2057 → −20.6, the header says "%"), counts as they are; with `precision: 'full'`
 * the same columns in the same units unrounded. Negative numbers use the ASCII hyphen-minus
 * ("-20.6"), which spreadsheets and parsers read as a number; the typographic minus U+2212 is
 * for the screen only (src/i18n/format.ts).
 */

export const BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

/** How an export writes numbers: rounded as on screen (the default) or at full precision. */
export type CsvPrecision = 'shown' | 'full';

/**
 * What a numeric column holds, which fixes its unit and how it is rounded as shown:
 * `yuan` → whole yuan; `percent` → the fraction ×100, one decimal; `count` → as is.
 */
export type CsvNumber = 'yuan' | 'percent' | 'count';

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
  /** Set for numeric columns; a number in a column without it is written as it is. */
  number?: CsvNumber;
}

// Same rounding as the screen's Intl formats (half away from zero, on the exact binary value),
// without grouping and with an ASCII minus.
const percentShown = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1, useGrouping: false, signDisplay: 'negative' });

/**
 * A number of a column of kind `kind` as the file holds it: null for missing (null, NaN, ±∞);
 * `shown` rounds like the screen (`toFixed` rounds half away from zero on the exact value, as
 * Intl.NumberFormat does); a result of −0 is 0.
 */
export function csvNumber(x: number | null | undefined, kind: CsvNumber, precision: CsvPrecision): number | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  let out: number;
  if (kind === 'percent') out = precision === 'full' ? x * 100 : Number(percentShown.format(x).replace('%', ''));
  else if (kind === 'yuan' && precision === 'shown') out = Number(x.toFixed(0));
  else out = x;
  return out === 0 ? 0 : out;
}

/**
 * Text a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return,
 * OWASP "CSV injection") gets a leading apostrophe, so Excel and WPS show it as text; a plain
 * number written as text ("-20.6") is left as it is.
 */
export function neutraliseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) && !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s) ? `'${s}` : s;
}

/** One field: numbers as plain decimals, null/undefined/NaN as empty, text quoted when needed and never a formula. */
export function csvField(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v === 0 ? 0 : v) : '';
  const s = neutraliseFormula(String(v));
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The whole file: BOM, header line, one line per row, each ending in CRLF. Numeric columns
 * (`number` set) are rounded by `precision` (default: as the screen shows them).
 */
export function toCsv<T>(columns: CsvColumn<T>[], rows: readonly T[], precision: CsvPrecision = 'shown'): string {
  const line = (fields: CsvValue[]) => `${fields.map(csvField).join(',')}\r\n`;
  const cell = (c: CsvColumn<T>, r: T): CsvValue => {
    const v = c.value(r);
    return c.number && (typeof v === 'number' || v === null) ? csvNumber(v, c.number, precision) : v;
  };
  let out = BOM + line(columns.map((c) => c.header));
  for (const r of rows) out += line(columns.map((c) => cell(c, r)));
  return out;
}

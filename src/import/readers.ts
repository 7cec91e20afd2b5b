/**
 * Readers of users' files into a `RawTable`: CSV (any of the encodings of `decodeText`, parsed by
 * papaparse) and XLSX (@e965/xlsx, SheetJS). Parquet is read by the CLI (native DuckDB) and handed
 * over as rows. Both locate the table (`locateTable`: title rows above, notes below). Pure.
 */
import Papa from 'papaparse';
import * as XLSX from '@e965/xlsx';
import { decodeText } from './encoding';
import { zipProblem } from './zip-check';
import { expect, say } from './messages';
import { cellText, findHeaderRow, locateTable } from './table';
import type { Cell, ImportWarning, Problem, RawTable } from './types';

export interface ReadResult {
  table: RawTable | null;
  problems: Problem[];
  warnings: ImportWarning[];
}

/** Turns a grid of cells into the located table, with the warnings and problems of locating it. */
export function tableFromGrid(file: string, grid: Cell[][], source: string): ReadResult {
  const problems: Problem[] = [];
  const warnings: ImportWarning[] = [];
  const located = locateTable(grid);
  if (!located) {
    problems.push({ kind: 'no_header', file, row: null, column: null, value: null, ...expect((m) => m.noHeader()) });
    return { table: null, problems, warnings };
  }
  if (located.headerIndex > 0) {
    warnings.push({ kind: 'title_rows', file, column: null, count: located.headerIndex, ...say((m) => m.titleRows(located.headerIndex)) });
  }
  if (located.footerRows > 0) {
    warnings.push({ kind: 'footer_rows', file, column: null, count: located.footerRows, ...say((m) => m.footerRows(located.footerRows, located.footerStart ?? '', located.rows.length, located.dataLikeAfterEnd)) });
  }
  return { table: { file, headers: located.headers, rows: located.rows, headerIndex: located.headerIndex, source }, problems, warnings };
}

export function readCsv(file: string, bytes: Uint8Array): ReadResult {
  const { text, encoding } = decodeText(bytes);
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimitersToGuess: [',', '\t', ';', '|'] });
  const grid = parsed.data as Cell[][];
  const result = tableFromGrid(file, grid, encoding);
  result.warnings.unshift({ kind: 'encoding', file, column: null, ...say((m) => m.encoding(encoding)) });
  const table = result.table;
  if (!table) return result;
  const first = table.headerIndex + 1;
  const last = table.headerIndex + table.rows.length;
  const width = table.headers.length;
  for (const e of parsed.errors) {
    if (e.type !== 'Quotes' || e.row === undefined) continue;
    const index = Number(e.row);
    if (index < first || index > last) continue;
    result.problems.push({ kind: 'csv_quotes', file, row: index - table.headerIndex, column: null, value: null, ...expect((m) => m.csvQuotes(e.message)) });
  }
  table.rows.forEach((row, i) => {
    // Extra empty fields at the end are harmless (spreadsheets write them); anything else is a ragged row.
    let n = row.length;
    while (n > width && cellText(row[n - 1]) === '') n--;
    if (n !== width) {
      result.problems.push({ kind: 'ragged_row', file, row: i + 1, column: null, value: String(n), ...expect((m) => m.ragged(width, n)) });
    }
  });
  return result;
}

export function readXlsx(file: string, bytes: Uint8Array): ReadResult {
  let workbook: XLSX.WorkBook;
  const bad = bytes[0] === 0x50 && bytes[1] === 0x4b ? zipProblem(bytes) : null;
  if (bad) return { table: null, warnings: [], problems: [{ kind: 'unreadable_file', file, row: null, column: null, value: null, ...expect((m) => m.unreadable('XLSX', bad)) }] };
  try {
    workbook = XLSX.read(bytes, { type: 'array', cellDates: false, cellHTML: false, cellFormula: false });
  } catch (e) {
    return { table: null, warnings: [], problems: [{ kind: 'unreadable_file', file, row: null, column: null, value: null, ...expect((m) => m.unreadable('XLSX', (e as Error).message)) }] };
  }
  const names = workbook.SheetNames;
  let best: { name: string; grid: Cell[][]; known: number; required: number } | null = null;
  const withHeader: string[] = [];
  for (const name of names) {
    const sheet = workbook.Sheets[name];
    if (!sheet) continue;
    clampRange(sheet);
    const grid = XLSX.utils.sheet_to_json<Cell[]>(sheet, { header: 1, raw: true, defval: null, blankrows: true });
    const h = findHeaderRow(grid);
    if (h.index < 0) continue;
    withHeader.push(name);
    if (!best || h.required > best.required || (h.required === best.required && h.known > best.known)) best = { name, grid, known: h.known, required: h.required };
  }
  if (!best) {
    return { table: null, warnings: [], problems: [{ kind: 'no_header', file, row: null, column: null, value: null, ...expect((m) => m.noHeaderInSheets(names)) }] };
  }
  const source = `sheet "${best.name}" (${names.indexOf(best.name) + 1} of ${names.length})`;
  const result = tableFromGrid(file, best.grid, source);
  result.warnings.unshift({ kind: 'sheet_read', file, column: null, ...say((m) => m.sheetRead(best.name, names, withHeader.filter((n) => n !== best!.name))) });
  return result;
}

/**
 * Sets a sheet's range to the cells it really has: exports often declare a range to row 1,048,576
 * (and a damaged file anything), which would be read as a million blank rows.
 */
function clampRange(sheet: XLSX.WorkSheet): void {
  let maxR = -1, maxC = -1, minR = Infinity, minC = Infinity;
  for (const key of Object.keys(sheet)) {
    if (key.startsWith('!')) continue;
    const { r, c } = XLSX.utils.decode_cell(key);
    if (!(r >= 0 && c >= 0)) continue;
    if (r > maxR) maxR = r;
    if (c > maxC) maxC = c;
    if (r < minR) minR = r;
    if (c < minC) minC = c;
  }
  if (maxR < 0) {
    delete sheet['!ref'];
    return;
  }
  sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: maxR, c: maxC } });
}

/** Which reader a file name asks for. */
export function formatOfFile(name: string): 'csv' | 'xlsx' | 'parquet' | null {
  const n = name.toLowerCase();
  if (n.endsWith('.csv') || n.endsWith('.txt') || n.endsWith('.tsv')) return 'csv';
  if (n.endsWith('.xlsx') || n.endsWith('.xlsm') || n.endsWith('.xls')) return 'xlsx';
  if (n.endsWith('.parquet')) return 'parquet';
  return null;
}

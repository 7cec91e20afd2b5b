/**
 * Finding the table in a sheet or CSV: the header row (title rows may sit above it) is the first
 * row among the first `HEADER_SEARCH_ROWS` that names at least `MIN_KNOWN_HEADERS` known columns;
 * the data end at the first row that is not data (a notes or footer block: a row starting with
 * 注/备注/说明/填表人/合计…, or a row with fewer than half the header's filled columns non-empty).
 */
import { fieldOfHeader, REQUIRED } from './columns';
import type { Cell } from './types';

export const HEADER_SEARCH_ROWS = 30;
const MIN_KNOWN_HEADERS = 3;

const FOOTER_START = /^\s*(注|备注|说明|填表|填报|制表|审核|负责人|联系人|合计|总计|小计|数据来源|来源|注释|notes?\b|total\b|remarks?\b)/i;

export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isInteger(cell) && Math.abs(cell) < 1e21 ? cell.toFixed(0) : String(cell);
  return String(cell).trim();
}

/** How many cells of a header row name known columns, and how many of them are required. */
function headerScore(row: Cell[]): { known: number; required: number } {
  let known = 0, required = 0;
  const seen = new Set<string>();
  for (const c of row) {
    const f = fieldOfHeader(cellText(c));
    if (f && !seen.has(f)) {
      seen.add(f);
      known++;
      if (REQUIRED.includes(f)) required++;
    }
  }
  return { known, required };
}

/** Index of the header row, or -1; with its score (to choose between sheets). */
export function findHeaderRow(rows: Cell[][]): { index: number; known: number; required: number } {
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const s = headerScore(rows[i] ?? []);
    if (s.known >= MIN_KNOWN_HEADERS) return { index: i, ...s };
  }
  return { index: -1, known: 0, required: 0 };
}

/**
 * True when a row below the header is no longer data: empty, starting with a notes or totals word,
 * or with fewer than half of the required columns (`keyColumns`, their indices) filled.
 */
export function isFooterRow(row: Cell[], keyColumns: number[]): boolean {
  const texts = row.map(cellText);
  const first = texts.find((t) => t !== '') ?? '';
  if (first === '') return true;
  if (FOOTER_START.test(first)) return true;
  const filled = keyColumns.filter((i) => (texts[i] ?? '') !== '').length;
  return filled < Math.ceil(keyColumns.length / 2);
}

export interface Located {
  headerIndex: number;
  headers: string[];
  /** Data rows (between the header and the footer). */
  rows: Cell[][];
  /** Rows ignored after the data ended (footer block, blank lines). */
  footerRows: number;
  /** First ignored row's first text, for the warning. */
  footerStart: string | null;
  /** Ignored rows after the end that look like data (a household id and a village code): a warning says so. */
  dataLikeAfterEnd: number;
}

export function locateTable(all: Cell[][]): Located | null {
  const h = findHeaderRow(all);
  if (h.index < 0) return null;
  const headers = (all[h.index] ?? []).map(cellText);
  // The header's width: up to its last non-empty cell.
  let width = headers.length;
  while (width > 0 && headers[width - 1] === '') width--;
  headers.length = width;
  const keys = headers.flatMap((t, i) => {
    const f = fieldOfHeader(t);
    return f && REQUIRED.includes(f) ? [i] : [];
  });
  const keyColumns = keys.length ? keys : headers.map((_, i) => i);
  const rows: Cell[][] = [];
  let end = all.length;
  for (let i = h.index + 1; i < all.length; i++) {
    if (isFooterRow(all[i]!, keyColumns)) {
      end = i;
      break;
    }
    rows.push(all[i]!);
  }
  let dataLike = 0, footerRows = 0, footerStart: string | null = null;
  for (let i = end; i < all.length; i++) {
    const texts = (all[i] ?? []).map(cellText);
    if (texts.every((t) => t === '')) continue;
    footerRows++;
    footerStart ??= texts.find((t) => t !== '') ?? null;
    if (!isFooterRow(all[i]!, keyColumns)) dataLike++;
  }
  return { headerIndex: h.index, headers, rows, footerRows, footerStart, dataLikeAfterEnd: dataLike };
}

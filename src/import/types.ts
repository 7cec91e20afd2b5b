/**
 * Types of the import of users' own files (CONTRACT.md "Users' own files"). Pure: no I/O, no DOM,
 * no DuckDB, so the browser's worker and the Node CLI share everything in src/import/.
 */

/** A cell as read from a file: CSV gives strings, XLSX and Parquet may give numbers and booleans. */
export type Cell = string | number | boolean | null;

/** What went wrong (errors) or is worth saying (warnings). Message texts: `messages.ts`. */
export type ProblemKind =
  // reading
  | 'unreadable_file'
  | 'file_too_large'
  | 'no_header'
  | 'csv_quotes'
  | 'ragged_row'
  // columns
  | 'missing_column'
  | 'duplicate_column'
  | 'pii_column'
  // values
  | 'missing_value'
  | 'not_a_number'
  | 'not_an_integer'
  | 'bad_code'
  | 'bad_value'
  | 'negative_income'
  | 'negative_count'
  | 'persons_not_positive'
  | 'labour_exceeds_persons'
  | 'quarter_out_of_range'
  | 'year_out_of_range'
  | 'decline_cause_out_of_range'
  // reference series (src/import/reference.ts)
  | 'bad_region_code'
  | 'duplicate_reference'
  // across rows and files
  | 'duplicate_period'
  | 'village_changes'
  | 'unknown_village'
  | 'no_geography'
  | 'several_provinces'
  | 'no_rows';

export type WarningKind =
  | 'encoding'
  | 'sheet_read'
  | 'title_rows'
  | 'footer_rows'
  | 'unknown_column'
  | 'missing_optional_column'
  | 'empty_income_cell'
  | 'pii_dropped'
  | 'hh_id_looks_personal'
  | 'attribute_changes'
  | 'unknown_tag'
  | 'boundaries_used'
  | 'unmatched_polygons';

/** One problem: where (file, row with 1 = first data row, column as headed in the file), the value and what was expected. */
export interface Problem {
  kind: ProblemKind;
  file: string;
  /** 1 = the first data row below the header; null for a problem of the whole file or column. */
  row: number | null;
  /** The column's header as written in the file (Chinese headers quoted in messages). */
  column: string | null;
  value: string | null;
  /** What was expected, in English. */
  expected: string;
  /** The same in Chinese (the page shows it; messages.ts). */
  expectedZh?: string;
}

export interface ImportWarning {
  kind: WarningKind;
  file: string | null;
  column: string | null;
  message: string;
  /** The same in Chinese. */
  messageZh?: string;
  /** How many rows or cells it concerns, where that is a count. */
  count?: number;
}

/** A table as found in one file (or sheet): the header row and the data rows below it. */
export interface RawTable {
  file: string;
  headers: string[];
  rows: Cell[][];
  /** 0-based row index in the file/sheet of the header (title rows above it). */
  headerIndex: number;
  /** e.g. "UTF-8 (BOM)", "GB18030", "sheet 户信息 (2 of 3)". */
  source: string;
}

/**
 * The import of users' own files, shared by `npm run import` and (later) the browser's worker:
 * bytes in, the contract's tables and a report out. Pure: no node:fs, no DOM, no DuckDB.
 */
import { convertTables, type ConvertOptions, type ConvertResult } from './convert';
import { MAX_INPUT_BYTES, sizeProblem } from './limits';
import { expect } from './messages';
import { formatOfFile, readCsv, readXlsx, type ReadResult } from './readers';
import type { ImportWarning, Problem, ProblemKind, RawTable } from './types';

/** A file's bytes, a table read elsewhere (Parquet in the CLI), or a file that could not be read (its error). */
export type ImportInput =
  | { name: string; bytes: Uint8Array }
  | { name: string; table: RawTable }
  | { name: string; error: string }
  /** A file over its format's limit (`limits.ts`), refused unread. */
  | { name: string; tooLarge: { format: keyof typeof MAX_INPUT_BYTES; bytes: number } };

/** The input for a file of `bytes` bytes named `name`, or its refusal when it is over the limit. */
export function oversize(name: string, bytes: number): ImportInput | null {
  const format = formatOfFile(name) ?? (/\.(geo)?json$/i.test(name) ? 'geojson' : null);
  if (!format || !sizeProblem(format, bytes)) return null;
  return { name, tooLarge: { format, bytes } };
}

export type { ConvertOptions, ConvertResult, HouseholdRow, IncomeRow, GeographyLookup } from './convert';
export type { Problem, ImportWarning, RawTable, Cell } from './types';
export { formatProblem, formatWarning, KIND_TITLES } from './messages';
export { tableFromGrid } from './readers';
export { villageCodesOf } from './convert';

function readOne(input: ImportInput): ReadResult {
  if ('table' in input) return { table: input.table, problems: [], warnings: [] };
  if ('tooLarge' in input) {
    const text = sizeProblem(input.tooLarge.format, input.tooLarge.bytes)!;
    return { table: null, warnings: [], problems: [{ kind: 'file_too_large', file: input.name, row: null, column: null, value: `${input.tooLarge.bytes} bytes`, expected: text.en, expectedZh: text.zh }] };
  }
  if ('error' in input) {
    return { table: null, warnings: [], problems: [{ kind: 'unreadable_file', file: input.name, row: null, column: null, value: null, ...expect((m) => m.unreadable(formatOfFile(input.name)?.toUpperCase() ?? 'input', input.error)) }] };
  }
  const format = formatOfFile(input.name);
  try {
    if (format === 'csv') return readCsv(input.name, input.bytes);
    if (format === 'xlsx') return readXlsx(input.name, input.bytes);
    const what = format === 'parquet' ? 'Parquet file read by the caller' : 'CSV, XLSX or Parquet file (by its extension)';
    return { table: null, warnings: [], problems: [{ kind: 'unreadable_file', file: input.name, row: null, column: null, value: null, ...expect((m) => m.unreadable(what, 'not read')) }] };
  } catch (e) {
    return { table: null, warnings: [], problems: [{ kind: 'unreadable_file', file: input.name, row: null, column: null, value: null, ...expect((m) => m.unreadable(format?.toUpperCase() ?? 'input', (e as Error).message)) }] };
  }
}

/** The inputs read into tables, with the problems and warnings of reading them. */
export interface ReadInputs {
  tables: RawTable[];
  problems: Problem[];
  warnings: ImportWarning[];
  count: number;
}

/** Reads every input into its table (first step of `importFiles`; the browser fetches the geography in between). */
export function readInputs(inputs: ImportInput[]): ReadInputs {
  const reads = inputs.map(readOne);
  return {
    tables: reads.flatMap((r) => (r.table ? [r.table] : [])),
    problems: reads.flatMap((r) => r.problems),
    warnings: reads.flatMap((r) => r.warnings),
    count: inputs.length,
  };
}

/** Checks and converts tables read by `readInputs` (second step of `importFiles`). */
export function convertRead(read: ReadInputs, options: ConvertOptions): ConvertResult {
  const result = convertTables(read.tables, options);
  const readProblems = read.problems;
  if (readProblems.length) {
    const max = options.maxProblems ?? 200;
    const totals: Partial<Record<ProblemKind, number>> = { ...result.problemTotals };
    for (const p of readProblems) totals[p.kind] = (totals[p.kind] ?? 0) + 1;
    result.problems = [...readProblems, ...result.problems].slice(0, max);
    result.problemCount += readProblems.length;
    result.problemTotals = totals;
    result.ok = false;
    result.households = [];
    result.income = [];
  }
  result.warnings = [...read.warnings, ...result.warnings];
  if (read.count === 0) {
    result.ok = false;
    result.problems.push({ kind: 'no_rows', file: '', row: null, column: null, value: null, ...expect((m) => m.noRows()) });
    result.problemCount++;
    result.problemTotals.no_rows = (result.problemTotals.no_rows ?? 0) + 1;
  }
  return result;
}

/** Reads, checks and converts the inputs. `ok` false: `problems` say why and nothing should be written. */
export function importFiles(inputs: ImportInput[], options: ConvertOptions): ConvertResult {
  return convertRead(readInputs(inputs), options);
}

/**
 * The import of users' own files, shared by `npm run import` and (later) the browser's worker:
 * bytes in, the contract's tables and a report out. Pure: no node:fs, no DOM, no DuckDB.
 */
import { convertTables, type ConvertOptions, type ConvertResult } from './convert';
import { msg } from './messages';
import { formatOfFile, readCsv, readXlsx, type ReadResult } from './readers';
import type { ProblemKind, RawTable } from './types';

/** A file's bytes, a table read elsewhere (Parquet in the CLI), or a file that could not be read (its error). */
export type ImportInput = { name: string; bytes: Uint8Array } | { name: string; table: RawTable } | { name: string; error: string };

export type { ConvertOptions, ConvertResult, HouseholdRow, IncomeRow, GeographyLookup } from './convert';
export type { Problem, ImportWarning, RawTable, Cell } from './types';
export { formatProblem, formatWarning, KIND_TITLES } from './messages';
export { tableFromGrid } from './readers';

function readOne(input: ImportInput): ReadResult {
  if ('table' in input) return { table: input.table, problems: [], warnings: [] };
  if ('error' in input) {
    return { table: null, warnings: [], problems: [{ kind: 'unreadable_file', file: input.name, row: null, column: null, value: null, expected: msg.en.unreadable(formatOfFile(input.name)?.toUpperCase() ?? 'input', input.error) }] };
  }
  const format = formatOfFile(input.name);
  try {
    if (format === 'csv') return readCsv(input.name, input.bytes);
    if (format === 'xlsx') return readXlsx(input.name, input.bytes);
    const what = format === 'parquet' ? 'Parquet file read by the caller' : 'CSV, XLSX or Parquet file (by its extension)';
    return { table: null, warnings: [], problems: [{ kind: 'unreadable_file', file: input.name, row: null, column: null, value: null, expected: msg.en.unreadable(what, 'not read') }] };
  } catch (e) {
    return { table: null, warnings: [], problems: [{ kind: 'unreadable_file', file: input.name, row: null, column: null, value: null, expected: msg.en.unreadable(format?.toUpperCase() ?? 'input', (e as Error).message) }] };
  }
}

/** Reads, checks and converts the inputs. `ok` false: `problems` say why and nothing should be written. */
export function importFiles(inputs: ImportInput[], options: ConvertOptions): ConvertResult {
  const reads = inputs.map(readOne);
  const tables = reads.flatMap((r) => (r.table ? [r.table] : []));
  const result = convertTables(tables, options);
  const readProblems = reads.flatMap((r) => r.problems);
  const readWarnings = reads.flatMap((r) => r.warnings);
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
  result.warnings = [...readWarnings, ...result.warnings];
  if (inputs.length === 0) {
    result.ok = false;
    result.problems.push({ kind: 'no_rows', file: '', row: null, column: null, value: null, expected: msg.en.noRows() });
    result.problemCount++;
    result.problemTotals.no_rows = (result.problemTotals.no_rows ?? 0) + 1;
  }
  return result;
}

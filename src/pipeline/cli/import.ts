/**
 * `npm run import -- <files…> --out <dir> [--drop-pii] [--plan <id>] [--salt <s>] [--reference <csv>] [--json]`
 * (CONTRACT.md "Users' own files"): checks, anonymises and converts a county office's flat export
 * (CSV in UTF-8/GBK, XLSX, Parquet) into a dataset folder. Exit 1 with every problem listed and
 * nothing written when anything is wrong.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { convertRead, formatProblem, formatWarning, KIND_TITLES, oversize, readInputs, type ConvertResult, type ImportInput } from '../../import';
import { formatOfFile } from '../../import/readers';
import { isBoundaryFile, readBoundaries } from '../../import/boundaries';
import { parseReferenceCsv, type ReferenceParseResult } from '../../import/reference';
import { geographyFor, type ImportGeography } from '../import/geography-for';
import { readParquetTable } from '../import/parquet-input';
import { writeImportedDataset } from '../import/write-dataset';
import { loadPlanFile } from './report';

const USAGE = `Usage: npm run import -- <file.csv|file.xlsx|file.parquet …> --out <dataset folder> [--drop-pii] [--plan <plan id>] [--salt <secret>]
                         [--reference <series.csv>] [--json]

Reads one flat table per file (one row per household and period), checks every row, and writes a
dataset folder the app opens (?data=<path under public/>) and npm run report reads. Nothing is
written when there is any problem. Columns identifying people are refused unless --drop-pii.
Household ids become salted hashes: without --salt the salt is random and not stored anywhere, so
a later import gives other ids; pass the same secret --salt to keep ids stable (keep it private).
--reference adds reference series (CSV: series, region_code, year, value, source; README "Reference
series"), e.g. each county's rural disposable income, to the dataset's reference.parquet; each value
replaces the project's of the same series, region and year.`;

export interface ImportRun {
  result: ConvertResult;
  /** The `--reference` file as read, when one was given; its problems block the import too. */
  reference?: ReferenceParseResult & { file: string };
  written: boolean;
  out: string;
}

/** Reads the files, checks them and (if all is well) writes the dataset; returns the result. */
export async function runImport(options: {
  files: string[]; out: string; dropPii: boolean; plan?: string; salt?: string; log?: (m: string) => void; dataDir?: string; reference?: string;
}): Promise<ImportRun> {
  if (options.plan) loadPlanFile(options.plan); // a wrong plan id fails before any work
  let reference: ImportRun['reference'];
  if (options.reference) {
    const file = options.reference;
    let bytes: Uint8Array | null = null;
    try {
      bytes = new Uint8Array(readFileSync(file));
    } catch (e) {
      const problem = { kind: 'unreadable_file' as const, file, row: null, column: null, value: null, expected: `a readable CSV file (${(e as Error).message})` };
      reference = { file, rows: [], problems: [problem], problemCount: 1, warnings: [], encoding: '' };
    }
    if (bytes) reference = { file, ...parseReferenceCsv(file, bytes) };
  }
  const inputs: ImportInput[] = [];
  for (const file of options.files) {
    const refused = existsSync(file) ? oversize(file, statSync(file).size) : null;
    if (refused) {
      inputs.push(refused);
    } else if (formatOfFile(file) === 'parquet') {
      try {
        inputs.push({ name: file, table: await readParquetTable(file) });
      } catch (e) {
        inputs.push({ name: file, error: (e as Error).message });
      }
    } else {
      try {
        inputs.push({ name: file, bytes: new Uint8Array(readFileSync(file)) });
      } catch (e) {
        inputs.push({ name: file, error: (e as Error).message });
      }
    }
  }
  const salt = options.salt ?? Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  let geo: ImportGeography | null = null;
  // GeoJSON files are the user's own boundaries (src/import/boundaries.ts), as in the page's import.
  const boundaryReads = inputs.flatMap((i) => ('bytes' in i && isBoundaryFile(i.name) ? [readBoundaries(i.name, i.bytes)] : []));
  const read = readInputs(inputs.filter((i) => !('bytes' in i && isBoundaryFile(i.name))));
  for (const b of boundaryReads) {
    read.problems.push(...b.problems);
    read.warnings.push(...b.warnings);
  }
  const result = convertRead(read, {
    dropPii: options.dropPii,
    salt,
    geography: (codes) => (geo = geographyFor(codes, options.dataDir)),
  });
  if (!result.ok || !geo || (reference && reference.problemCount > 0)) return { result, reference, written: false, out: options.out };
  await writeImportedDataset(result, geo, {
    out: options.out, plan: options.plan, inputs: options.files, dataDir: options.dataDir, log: options.log,
    boundaries: boundaryReads.flatMap((b) => (b.boundaries ? [b.boundaries] : [])),
    reference: reference ? { file: reference.file, rows: reference.rows } : undefined,
  });
  return { result, reference, written: true, out: options.out };
}

/** The human report: files read, warnings, problems (capped) with totals per kind. */
export function reportText(run: ImportRun, saltGiven: boolean): string {
  const { result } = run;
  const lines: string[] = [];
  for (const f of result.files) lines.push(`read ${f.file}: ${f.source}, ${f.rows.toLocaleString('en')} data rows`);
  if (result.warnings.length) {
    lines.push('', `warnings (${result.warnings.length}, they do not block):`);
    for (const w of result.warnings) lines.push(`  ${formatWarning(w)}`);
  }
  const ref = run.reference;
  if (ref) {
    lines.push('', `reference series ${ref.file}: ${ref.encoding ? `${ref.encoding}, ` : ''}${ref.rows.length.toLocaleString('en')} values`);
    for (const w of ref.warnings) if (w.kind !== 'encoding') lines.push(`  ${formatWarning(w)}`);
    if (ref.problemCount > 0) {
      lines.push(`  ${ref.problemCount.toLocaleString('en')} problem${ref.problemCount === 1 ? '' : 's'} in the reference series; nothing was written.`);
      for (const p of ref.problems) lines.push(`  ${formatProblem(p)}`);
      if (ref.problemCount > ref.problems.length) lines.push(`  … and ${(ref.problemCount - ref.problems.length).toLocaleString('en')} more`);
    }
  }
  if (!result.ok) {
    lines.push('', `${result.problemCount.toLocaleString('en')} problem${result.problemCount === 1 ? '' : 's'}; nothing was written.`);
    for (const p of result.problems) lines.push(`  ${formatProblem(p)}`);
    if (result.problemCount > result.problems.length) lines.push(`  … and ${(result.problemCount - result.problems.length).toLocaleString('en')} more`);
    lines.push('', 'problems by kind:');
    for (const [kind, n] of Object.entries(result.problemTotals)) lines.push(`  ${String(n).padStart(8)}  ${kind} (${KIND_TITLES[kind as keyof typeof KIND_TITLES].en})`);
  } else if (run.written) {
    lines.push('', `wrote ${run.out}: ${result.households.length.toLocaleString('en')} households, ${result.income.length.toLocaleString('en')} income rows, ${result.villageCodes.length} villages`);
    lines.push(saltGiven
      ? 'household ids: salted hashes with the --salt given (not stored)'
      : 'household ids: salted hashes with a random salt that is not stored anywhere (a later import gives other ids unless you pass --salt)');
  }
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      'drop-pii': { type: 'boolean', default: false },
      plan: { type: 'string' },
      salt: { type: 'string' },
      reference: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.out || positionals.length === 0) throw new Error(`input files and --out are required\n${USAGE}`);
  if (values.reference && values.reference.length !== 1) throw new Error(`--reference takes one CSV file (put every series in it), got ${values.reference.length}`);
  const run = await runImport({
    files: positionals, out: values.out, dropPii: values['drop-pii']!, plan: values.plan, salt: values.salt, reference: values.reference?.[0],
    log: (m) => console.error(`  … ${m}`),
  });
  if (values.json) {
    const { households: _h, income: _i, ...report } = run.result;
    const reference = run.reference && { file: run.reference.file, values: run.reference.rows.length, problems: run.reference.problems, problemCount: run.reference.problemCount, warnings: run.reference.warnings };
    process.stdout.write(JSON.stringify({ ...report, reference, written: run.written, out: run.out }, null, 2) + '\n');
  } else (run.written ? process.stdout : process.stderr).write(reportText(run, values.salt !== undefined));
  if (!run.written) process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('import.ts')) {
  main().catch((error: unknown) => {
    console.error(`npm run import: ${(error as Error).message}`);
    process.exit(1);
  });
}

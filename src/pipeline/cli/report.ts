import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { csvField } from '../../domain/csv';
import { openDatasetEngine } from './open-dataset';
import { replaceReferenceRows, type ReferenceValue } from '../../data/queries/reference';
import { formatProblem, formatWarning } from '../../import/messages';
import { parseReferenceCsv, type ReferenceRow } from '../../import/reference';
import { evaluatePlan } from '../../data/plan-evaluation';
import type { Level } from '../../domain/dataset';
import { rowDisplay } from '../../targets/display-precision';
import { checkPlan } from '../../targets/plan';
import type { Basis, Plan, Population, TargetEvaluation } from '../../targets/types';

const USAGE = `Usage: npm run report -- --data <dataset folder> --plan <plan id | plan.json> [--year <Y>] [--format table|csv|json]
                         [--region <12-digit code>[,<code>…]] [--level <1-5>] [--reference <series.csv>]

Evaluates every target of the plan on the dataset with the same engine and queries as the app.
Without --year, each target is evaluated in the latest of its years the data can answer (the
as-of year is projected from its year-to-date quarters). Without --region or --level, the plan's
region and every unit a target names are evaluated. --reference adds reference series from a CSV
(series, region_code, year, value, source; README "Reference series") for this evaluation only,
each value replacing the dataset's of the same series, region and year; nothing is written.`;

/**
 * The report row of CONTRACT.md, plus the target's unit, population (who the actual counts), basis
 * (what the comparison rests on: `data`, `published`, `estimate`, `projected_reference`,
 * `missing_reference`, `missing_data`, `not_evaluable`; src/targets/types.ts `Basis`), the
 * reference series compared with, label and the reason for no_data.
 */
export type ReportRow = Pick<
  TargetEvaluation,
  'planId' | 'targetId' | 'regionCode' | 'regionName' | 'year' | 'actual' | 'target' | 'gap' | 'status' | 'projected' | 'unit'
> & { population: Population; basis: Basis; referenceSeries: string | null; label: string; note: string | null };

export function loadPlanFile(idOrPath: string, plansDir = join('data', 'plans')): Plan {
  const path = idOrPath.endsWith('.json') ? idOrPath : join(plansDir, `${idOrPath}.json`);
  if (!existsSync(path)) throw new Error(`No plan file ${path} (plan ids: daxiang-2023, jiyuan-2024, beizhang-2022, jiangxi-2023, ningxia-2024)`);
  return checkPlan(JSON.parse(readFileSync(path, 'utf8')), path);
}

export function toReportRows(plan: Plan, rows: TargetEvaluation[]): ReportRow[] {
  const labels = new Map(plan.targets.map((t) => [t.id, t.label.zh]));
  const populations = new Map(plan.targets.map((t) => [t.id, t.population]));
  return rows.map((r) => ({
    planId: r.planId,
    targetId: r.targetId,
    regionCode: r.regionCode,
    regionName: r.regionName,
    year: r.year,
    actual: r.actual,
    target: r.target,
    gap: r.gap,
    status: r.status,
    projected: r.projected,
    unit: r.unit,
    population: r.population ?? populations.get(r.targetId)!,
    basis: r.basis ?? 'data',
    referenceSeries: r.detail?.referenceSeries ?? null,
    label: labels.get(r.targetId) ?? r.targetId,
    note: r.detail?.reason?.en ?? (r.detail?.scale ? `demo at scale ${r.detail.scale}: plan value ${r.detail.planValue} scaled` : null),
  }));
}

/**
 * Opens a dataset folder in the Node engine and evaluates a plan on it; `reference` values are
 * added to the engine's reference table first (replacing the same series, region and year), the
 * folder is left as it is.
 */
export async function runReport(options: { data: string; plan: Plan; year?: number; codes?: string[]; level?: Level; reference?: ReferenceValue[] }): Promise<ReportRow[]> {
  const { db, manifest } = await openDatasetEngine(options.data);
  try {
    if (options.reference?.length) await replaceReferenceRows(db, options.reference);
    const rows = await evaluatePlan(db, { plan: options.plan, manifest, year: options.year, codes: options.codes, level: options.level });
    return toReportRows(options.plan, rows);
  } finally {
    await db.close();
  }
}

const CSV_COLUMNS: (keyof ReportRow)[] = [
  'planId', 'targetId', 'regionCode', 'regionName', 'year', 'actual', 'target', 'gap', 'status', 'projected', 'unit',
  'population', 'basis', 'referenceSeries', 'label', 'note',
];

/** The report as CSV lines for a terminal or a pipe (the fields quoted as the app's CSV exports quote them). */
export function toCsv(rows: ReportRow[]): string {
  return [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => csvField(r[c])).join(','))].join('\n') + '\n';
}

/** A value with `d` decimals in the unit shown (rates and shares in percent). */
function fmt(v: number | null, unit: ReportRow['unit'], d: number): string {
  if (v === null) return '—';
  const options = { minimumFractionDigits: d, maximumFractionDigits: d };
  if (unit === 'rate' || unit === 'share') return `${(v * 100).toLocaleString('en', options)}%`;
  return v.toLocaleString('en', options);
}

/** A gap, signed; rates and shares in percentage points. */
function fmtGap(v: number | null, unit: ReportRow['unit'], d: number): string {
  if (v === null) return '—';
  const shown = fmt(Math.abs(v), unit, d).replace('%', '');
  const sign = Number(shown.replace(/,/g, '')) === 0 ? '' : v > 0 ? '+' : '-';
  return `${sign}${shown}${unit === 'rate' || unit === 'share' ? ' pts' : ''}`;
}

/**
 * The report as a table for a terminal: actual, target and gap of a row with one precision
 * (`rowDisplay`, as the scorecard), so the printed gap is the printed actual minus target.
 */
export function toTable(rows: ReportRow[], plan?: Plan): string {
  const comparators = new Map(plan?.targets.map((t) => [t.id, t.comparator]) ?? []);
  const lines = rows.map((r) => {
    const { decimals: d, gap } = rowDisplay(r.actual, r.target, r.gap, r.unit, comparators.get(r.targetId));
    return [r.status.padEnd(8), String(r.year) + (r.projected ? '*' : ' '), r.regionName.padEnd(8), r.targetId.padEnd(34),
      fmt(r.actual, r.unit, d).padStart(12), fmt(r.target, r.unit, d).padStart(12), fmtGap(gap, r.unit, d).padStart(12),
      r.population.padEnd(16), r.basis.padEnd(19), r.note ?? ''].join('  ');
  });
  const foot = rows.some((r) => r.projected) ? ['* projected from year-to-date quarters'] : [];
  const head = `status    year   region    target${' '.repeat(30)}actual        target           gap  population        basis`;
  return [head, ...lines, ...foot].join('\n') + '\n';
}

/**
 * The rows of a `--reference` CSV (one file), or an error listing every problem (file, row,
 * column, value, expected) so nothing is evaluated on a half-read file.
 */
export function readReferenceFile(files: string[], warn: (message: string) => void = () => {}): ReferenceRow[] {
  if (files.length !== 1) throw new Error(`--reference takes one CSV file (put every series in it), got ${files.length}`);
  const file = files[0]!;
  if (!existsSync(file)) throw new Error(`--reference: ${file} not found`);
  const r = parseReferenceCsv(file, new Uint8Array(readFileSync(file)));
  if (r.problemCount > 0) {
    const more = r.problemCount > r.problems.length ? `\n  … and ${r.problemCount - r.problems.length} more` : '';
    throw new Error(`--reference ${file}: ${r.problemCount} problem${r.problemCount === 1 ? '' : 's'}, nothing evaluated:\n${r.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}${more}`);
  }
  for (const w of r.warnings) if (w.kind !== 'encoding') warn(`--reference ${formatWarning(w)}`);
  return r.rows;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      plan: { type: 'string' },
      year: { type: 'string' },
      format: { type: 'string', default: 'table' },
      region: { type: 'string' },
      level: { type: 'string' },
      reference: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.data || !values.plan) throw new Error(`--data and --plan are required\n${USAGE}`);
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !Number.isInteger(year)) throw new Error(`--year must be a year, got ${values.year}`);
  const level = values.level === undefined ? undefined : Number(values.level);
  if (level !== undefined && ![1, 2, 3, 4, 5].includes(level)) throw new Error(`--level must be 1–5, got ${values.level}`);
  const codes = values.region?.split(',').map((c) => c.trim());
  for (const c of codes ?? []) if (!/^\d{12}$/.test(c)) throw new Error(`--region must be 12-digit codes, got ${c}`);
  if (!['table', 'csv', 'json'].includes(values.format!)) throw new Error(`--format must be table, csv or json, got ${values.format}`);
  const plan = loadPlanFile(values.plan);
  const reference = values.reference ? readReferenceFile(values.reference, (m) => console.error(m)) : undefined;
  const rows = await runReport({ data: values.data, plan, year, codes, level: level as Level | undefined, reference });
  if (rows.length === 0) console.error(`No target of ${plan.id} applies${year ? ` in ${year}` : ''} to the units asked for.`);
  if (values.format === 'json') process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  else if (values.format === 'csv') process.stdout.write(toCsv(rows));
  else process.stdout.write(toTable(rows, plan));
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('report.ts')) {
  main().catch((error: unknown) => {
    console.error(`npm run report: ${(error as Error).message}`);
    process.exit(1);
  });
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { queryIntegrityFlags, queryVillagePlaces, type IncomeOptionalColumns, type VillagePlace } from '../../data/queries/integrity';
import type { Manifest } from '../../domain/dataset';
import { INTEGRITY_MESSAGES } from '../../i18n/integrity';
import { countByFlag, FLAG_CODES, type IncomeLineInput, type IntegrityFlag } from '../../integrity';
import type { Plan } from '../../targets/types';
import { openDatasetEngine } from './open-dataset';
import { loadPlanFile } from './report';

const USAGE = `Usage: npm run integrity -- --data <dataset folder> [--lines <yuan>[,<yuan>…]] [--year <Y>[,<Y>…]] [--format json|table]

Flags figures that look too good (数字增收, CONTRACT.md "Integrity flags"): identical growth across
most of a village, bunching just above an income line (the monitoring line of each year, the
floors of the dataset's plans, and --lines), implausible jumps in a household's per-capita
income (Hidiroglou–Berthelot), components that do not add up to a stated total, round-number
heaping, persons falling while income does not. Full years (quarter 4) are compared with the year
before; without --year every year of the data is checked. Flags are warnings: the exit code is 0
whatever is found, and 1 only when the folder cannot be read. Default format: table.`;

export interface IntegrityReport {
  manifest: Manifest;
  flags: IntegrityFlag[];
  /** The flagged villages' names and centres by code, from regions.parquet. */
  villages: Map<string, VillagePlace>;
  columns: IncomeOptionalColumns;
  lines: IncomeLineInput[];
  years: number[];
  /** Plans named by the manifest that could not be read (their floors are then not tested). */
  missingPlans: string[];
}

/** Opens the dataset folder in the Node engine and runs the checks on it, as the app's data-quality panel does. */
export async function runIntegrity(options: { data: string; lines?: number[]; years?: number[]; plansDir?: string }): Promise<IntegrityReport> {
  const { db, manifest } = await openDatasetEngine(options.data);
  try {
    const plans: Plan[] = [];
    const missingPlans: string[] = [];
    for (const id of manifest.plans ?? []) {
      const dir = options.plansDir ?? join('data', 'plans');
      if (existsSync(join(dir, `${id}.json`))) plans.push(loadPlanFile(id, dir));
      else missingPlans.push(id);
    }
    const run = await queryIntegrityFlags(db, { rootCode: manifest.root.code, plans, years: options.years, extraLines: options.lines });
    const villages = await queryVillagePlaces(db, run.flags.map((f) => f.villageCode));
    return { manifest, ...run, villages, missingPlans };
  } finally {
    await db.close();
  }
}

/** Columns in a terminal: CJK characters take two cells. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
const padStart = (s: string, n: number) => ' '.repeat(Math.max(0, n - width(s))) + s;

/** The flags as a table for a terminal, flag names in Chinese and English, then counts per flag and what was not checked. */
export function integrityTable(report: IntegrityReport): string {
  const zh = INTEGRITY_MESSAGES.zh;
  const en = INTEGRITY_MESSAGES.en;
  const head = ['year', 'flag', '', 'village', 'household', 'statistic', 'threshold', 'households', 'detail'];
  const rows = report.flags.map((f) => {
    const v = report.villages.get(f.villageCode);
    return [
      String(f.year), zh.flagName[f.flag], en.flagName[f.flag], `${f.villageCode} ${v?.name ?? ''}`.trim(),
      f.level === 'household' ? f.code : '', en.value(f.flag, f.statistic, 'en'), en.value(f.flag, f.threshold, 'en'),
      String(f.households), en.detail(f, 'en'),
    ];
  });
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const right = new Set([5, 6, 7]);
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : right.has(i) ? padStart(c, widths[i]!) : pad(c, widths[i]!))).join('  ').trimEnd();
  const counts = countByFlag(report.flags);
  const out: string[] = [];
  out.push(`${report.manifest.name.zh} / ${report.manifest.name.en}: ${en.summary(report.flags.length, new Set(report.flags.map((f) => f.villageCode)).size)}; years checked ${report.years.join(', ') || '—'}`);
  out.push(`lines: ${[...new Set(report.lines.map((l) => `${l.value}${l.year === null ? '' : ` (${l.year})`} ${l.source}`))].join('; ') || 'none'}`);
  out.push('');
  if (rows.length) out.push(line(head), ...rows.map(line), '');
  else out.push(`${zh.none} / ${en.none}`, '');
  for (const f of FLAG_CODES) out.push(`${pad(f, 20)} ${pad(zh.flagName[f], 16)} ${pad(en.flagName[f], 26)} ${padStart(String(counts[f]), 6)}`);
  if (!report.columns.netIncomeStated) out.push('', `components_mismatch: ${en.notChecked.components}`);
  if (!report.columns.persons) out.push(`persons_change: ${en.notChecked.persons}`);
  for (const id of report.missingPlans) out.push(`plan ${id} (named by the manifest) not found in data/plans: its floors were not tested`);
  return out.join('\n') + '\n';
}

function numberList(name: string, text: string | undefined, integer: boolean): number[] | undefined {
  if (text === undefined) return undefined;
  const list = text.split(',').map((s) => s.trim());
  const values = list.map(Number);
  values.forEach((v, i) => {
    if (list[i] === '' || !Number.isFinite(v) || v <= 0 || (integer && !Number.isInteger(v))) {
      throw new Error(`--${name} must be a comma-separated list of ${integer ? 'years' : 'positive numbers (yuan per person per year)'}, got ${JSON.stringify(list[i])}`);
    }
  });
  return values;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      lines: { type: 'string' },
      year: { type: 'string' },
      format: { type: 'string', default: 'table' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.data) throw new Error(`--data is required\n${USAGE}`);
  if (values.format !== 'json' && values.format !== 'table') throw new Error(`--format must be json or table, got ${values.format}`);
  const report = await runIntegrity({
    data: values.data,
    lines: numberList('lines', values.lines, false),
    years: numberList('year', values.year, true),
  });
  if (values.format === 'json') process.stdout.write(JSON.stringify(report.flags, null, 2) + '\n');
  else process.stdout.write(integrityTable(report));
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('integrity.ts')) {
  main().catch((error: unknown) => {
    console.error(`npm run integrity: ${(error as Error).message}`);
    process.exit(1);
  });
}

import type { Plan } from '../targets/types';
import type { IncomeLineInput } from './types';

const NATIONAL = '000000000000';

/** A reference value as the lines need it (reference.parquet). */
export interface ReferencePoint {
  series: string;
  region_code: string;
  year: number;
  value: number;
}

/** A series' value of `year` for the region `root` lies in: the province's own, else the nation's (as the histogram's line marks). */
function seriesValue(reference: readonly ReferencePoint[], series: string, rootCode: string, year: number, region: string = 'root'): number | undefined {
  const pick = (code: string) => reference.find((r) => r.series === series && r.region_code === code && r.year === year)?.value;
  if (region === 'national') return pick(NATIONAL);
  if (/^\d{12}$/.test(region)) return pick(region);
  return pick(`${rootCode.slice(0, 2)}0000000000`) ?? pick(NATIONAL);
}

/**
 * The income lines bunching is tested against: the monitoring line of each year (reference
 * series `monitoring_line`, 防止返贫监测收入线 raised every year, seed 000 §四(四)), the floor
 * targets of the dataset's plans in their years (a number, or a series resolved as above), and
 * `extra` lines (`--lines`) in every year. Same inputs, same lines, in the app and `npm run integrity`.
 */
export function integrityLines(args: { reference: readonly ReferencePoint[]; plans: readonly Plan[]; rootCode: string; years: readonly number[]; extra?: readonly number[] }): IncomeLineInput[] {
  const { reference, plans, rootCode, years } = args;
  const out: IncomeLineInput[] = [];
  for (const year of years) {
    const v = seriesValue(reference, 'monitoring_line', rootCode, year);
    if (v !== undefined) out.push({ value: v, year, source: 'monitoring_line' });
  }
  for (const plan of plans) {
    for (const t of plan.targets) {
      if (t.kind !== 'floor' || t.line === undefined) continue;
      for (const year of t.years) {
        const value = typeof t.line === 'number' ? t.line : seriesValue(reference, t.line.series, rootCode, year, t.line.region);
        if (value !== undefined) out.push({ value, year, source: `plan:${plan.id}/${t.id}` });
      }
    }
  }
  for (const value of args.extra ?? []) out.push({ value, year: null, source: '--lines' });
  return out;
}

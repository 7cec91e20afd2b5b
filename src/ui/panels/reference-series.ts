import type { ReferenceValue } from '../../data/queries/reference';
import type { Messages } from '../../i18n';

/** Code of the nation in the `reference` table. */
export const NATIONAL_CODE = '000000000000';

/** A reference line for the trend panel. */
export interface ReferenceSeries {
  label: string;
  points: { year: number; value: number; estimate?: true }[];
  /** True when some point is an estimate (reference.parquet `status`); the label then says so. */
  estimate?: true;
}

type Point = ReferenceSeries['points'][number];

function series(ref: ReferenceValue[], name: string, code: string): Point[] {
  return ref
    .filter((r) => r.series === name && r.region_code === code)
    .map((r): Point => (r.status === 'estimate' ? { year: r.year, value: r.value, estimate: true } : { year: r.year, value: r.value }))
    .sort((a, b) => a.year - b.year);
}

function line(label: string, points: Point[], t: Messages): ReferenceSeries {
  return points.some((p) => p.estimate) ? { label: label + t.panels.refEstimateMark, points, estimate: true } : { label, points };
}

/**
 * The reference series the plans compare a region's income with (DOMAIN.md "The income measure"):
 * rural disposable income of the region's province (the nation's when the province has none),
 * the national average of 脱贫人口 per-capita net income (only the years it is published for), and
 * the national 脱贫县 rural residents' disposable income under its own label — a different series,
 * never joined to the 脱贫人口 line. A series with estimates says so in its label. Empty series are left out.
 */
export function referencesFor(ref: ReferenceValue[], regionCode: string, t: Messages): ReferenceSeries[] {
  const province = `${regionCode.slice(0, 2)}0000000000`;
  const out: ReferenceSeries[] = [];
  const rural = series(ref, 'rural_disposable_income', province);
  if (rural.length) out.push(line(t.panels.refProvinceRural, rural, t));
  else {
    const national = series(ref, 'rural_disposable_income', NATIONAL_CODE);
    if (national.length) out.push(line(t.panels.refNationalRural, national, t));
  }
  const tuopin = series(ref, 'tuopin_income_national', NATIONAL_CODE);
  if (tuopin.length) out.push(line(t.panels.refNationalTuopin, tuopin, t));
  const county = series(ref, 'tuopin_county_rural_income_national', NATIONAL_CODE);
  if (county.length) out.push(line(t.panels.refNationalTuopinCounty, county, t));
  return out;
}

/**
 * The monitoring income line (防止返贫监测收入线, seed 000 §四(四)) of `year` for a region: the
 * province's own value when the data has one, else the national one; undefined when neither.
 */
export function monitoringLineFor(ref: ReferenceValue[], regionCode: string, year: number): number | undefined {
  const province = `${regionCode.slice(0, 2)}0000000000`;
  const pick = (code: string) => ref.find((r) => r.series === 'monitoring_line' && r.region_code === code && r.year === year)?.value;
  return pick(province) ?? pick(NATIONAL_CODE);
}

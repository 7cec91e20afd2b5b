import { Rng } from '../random';
import type { Households } from './households';
import { COMPONENTS, type IncomePaths } from './income';
import type { RegionProfile } from './profile';

/** The `income` table as columns, one row per household per collected period (CONTRACT.md). */
export interface IncomeTable {
  rows: number;
  hhIndex: Int32Array;
  year: Int16Array;
  quarter: Uint8Array;
  wage: Float64Array;
  operating: Float64Array;
  property: Float64Array;
  transfer: Float64Array;
  employedOutProvince: Uint8Array;
  employedInProvince: Uint8Array;
  employedInCounty: Uint8Array;
  /** 0 means NULL. */
  declineCause: Uint8Array;
}

/** The periods written for a profile: quarter 4 of each full year, quarters 1–3 of quarterly years. */
export function periodsOf(profile: RegionProfile): [number, number][] {
  const out: [number, number][] = [];
  for (let y = profile.years[0]; y <= profile.asOf.year; y++) {
    const lastQuarter = y === profile.asOf.year ? profile.asOf.quarter : 4;
    const quarterly = profile.quarterlyYears.includes(y) || y === profile.asOf.year;
    for (let q = 1; q <= lastQuarter; q++) {
      if (q === 4 || quarterly) out.push([y, q]);
    }
  }
  return out;
}

/**
 * Turns latent full-year incomes into the collected rows. Year-to-date figures of quarters 1–3
 * are the full year times the component's seasonal share (operating income comes late, with the
 * harvest), jittered per household. All amounts are whole yuan. A row carries the year's decline
 * cause when the household's income fell that year.
 */
export function buildIncomeTable(profile: RegionProfile, hh: Households, paths: IncomePaths, seed: number): IncomeTable {
  const periods = periodsOf(profile);
  const n = hh.count;
  const rows = n * periods.length;
  const t: IncomeTable = {
    rows,
    hhIndex: new Int32Array(rows),
    year: new Int16Array(rows),
    quarter: new Uint8Array(rows),
    wage: new Float64Array(rows),
    operating: new Float64Array(rows),
    property: new Float64Array(rows),
    transfer: new Float64Array(rows),
    employedOutProvince: new Uint8Array(rows),
    employedInProvince: new Uint8Array(rows),
    employedInCounty: new Uint8Array(rows),
    declineCause: new Uint8Array(rows),
  };
  const columns = [t.wage, t.operating, t.property, t.transfer];
  const rng = new Rng(seed, 'quarters');
  const jitter = new Float64Array(COMPONENTS.length);
  let r = 0;
  for (let i = 0; i < n; i++) {
    let jitterYear = -1;
    for (const [year, quarter] of periods) {
      const yi = paths.years.indexOf(year);
      if (quarter < 4 && jitterYear !== year) {
        for (let c = 0; c < COMPONENTS.length; c++) jitter[c] = Math.exp(0.04 * rng.normal());
        jitterYear = year;
      }
      t.hhIndex[r] = i;
      t.year[r] = year;
      t.quarter[r] = quarter;
      for (let c = 0; c < COMPONENTS.length; c++) {
        const full = paths.annual[yi][c][i];
        const share = quarter === 4 ? 1 : profile.income.quarterShares[COMPONENTS[c]][quarter - 1] * jitter[c];
        columns[c][r] = Math.round(full * share);
      }
      t.employedOutProvince[r] = paths.employed[yi][0][i];
      t.employedInProvince[r] = paths.employed[yi][1][i];
      t.employedInCounty[r] = paths.employed[yi][2][i];
      t.declineCause[r] = paths.cause[yi][i];
      r++;
    }
  }
  return t;
}

/**
 * Management classes of "一户一画像" (seed 000 §四(二)), from the latest full year:
 * safety-net households are 兜底保障户; monitoring objects whose risk is not cleared are 重点监测户;
 * households well above the regional per-capita income whose income did not fall are 高质量脱贫户;
 * the rest 稳定脱贫户.
 */
export function assignManagementClasses(profile: RegionProfile, hh: Households, paths: IncomePaths): void {
  const lastFull = profile.years[profile.years.length - 1];
  const yi = paths.years.indexOf(lastFull);
  const regional = paths.targets[yi];
  for (let i = 0; i < hh.count; i++) {
    let net = 0;
    for (let c = 0; c < COMPONENTS.length; c++) net += paths.annual[yi][c][i];
    const pc = net / hh.persons[i];
    if (hh.safetyNet[i]) hh.mgmtClass[i] = 3;
    else if (hh.category[i] > 0 && !hh.riskCleared[i]) hh.mgmtClass[i] = 2;
    else if (pc >= 1.3 * regional && paths.cause[yi][i] === 0) hh.mgmtClass[i] = 0;
    else hh.mgmtClass[i] = 1;
  }
}

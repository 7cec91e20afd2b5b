/**
 * The benchmark's aggregation, per county and collected period: population-weighted per-capita
 * net income (sum of net / sum of persons) and growth over the same quarter of the previous year
 * (DOMAIN.md "The income measure"). The hand-written typed-array loop lives here, pure, so a unit
 * test can check it on a tiny table; so does the comparison used to check the three engines agree.
 */
import { growthRate } from '../../src/domain/income';

export interface CountyPeriod {
  /** 12-digit county code (first 6 digits of the village code, padded with zeros). */
  code: string;
  year: number;
  quarter: number;
  persons: number;
  net: number;
  perCapita: number;
  /** NaN when the same quarter of the previous year is missing. */
  growth: number;
}

/** Columns of the households table, one entry per household row. */
export interface HouseholdColumns {
  /** The 6-digit county code as a number. */
  county: Float64Array;
  persons: Int32Array;
}

/** Columns of the income table, one entry per income row; `hhRow` = row of its household. */
export interface IncomeColumns {
  hhRow: Int32Array;
  year: Int32Array;
  quarter: Int32Array;
  wage: Float64Array;
  operating: Float64Array;
  property: Float64Array;
  transfer: Float64Array;
}

/**
 * The hand-written aggregation: one pass over the income rows, county from the household row, sums per (county, year, quarter) in growable typed arrays,
 * then per-capita and growth. Income rows whose `hhRow` is negative (no household) are skipped,
 * like the inner join of the other engines.
 */
export function loopAggregate(hh: HouseholdColumns, inc: IncomeColumns): CountyPeriod[] {
  const slot = new Map<number, number>();
  let cap = 256;
  let persons = new Float64Array(cap);
  let net = new Float64Array(cap);
  let keys = new Float64Array(cap);
  let n = 0;
  const rows = inc.hhRow.length;
  for (let i = 0; i < rows; i++) {
    const h = inc.hhRow[i]!;
    if (h < 0) continue;
    const county = hh.county[h]!;
    const key = county * 1e5 + inc.year[i]! * 10 + inc.quarter[i]!;
    let s = slot.get(key);
    if (s === undefined) {
      if (n === cap) {
        cap *= 2;
        const grow = (a: Float64Array) => {
          const b = new Float64Array(cap);
          b.set(a);
          return b;
        };
        persons = grow(persons);
        net = grow(net);
        keys = grow(keys);
      }
      s = n++;
      slot.set(key, s);
      keys[s] = key;
    }
    persons[s]! += hh.persons[h]!;
    net[s]! += inc.wage[i]! + inc.operating[i]! + inc.property[i]! + inc.transfer[i]!;
  }
  const out: CountyPeriod[] = [];
  for (let s = 0; s < n; s++) {
    const key = keys[s]!;
    const county = Math.floor(key / 1e5);
    const yq = key - county * 1e5;
    const year = Math.floor(yq / 10);
    const quarter = yq - year * 10;
    const prev = slot.get(county * 1e5 + (year - 1) * 10 + quarter);
    const pc = persons[s]! > 0 ? net[s]! / persons[s]! : Number.NaN;
    const prevPc = prev === undefined || persons[prev]! <= 0 ? Number.NaN : net[prev]! / persons[prev]!;
    out.push({ code: `${county}000000`, year, quarter, persons: persons[s]!, net: net[s]!, perCapita: pc, growth: growthRate(pc, prevPc) });
  }
  return sortResults(out);
}

/** Sorted by code, year, quarter (in place; also returned). */
export function sortResults(rows: CountyPeriod[]): CountyPeriod[] {
  return rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.year - b.year || a.quarter - b.quarter));
}

function close(a: number, b: number, rel: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), 1e-12);
}

/**
 * Differences between two result sets (same keys; persons, net, per-capita and growth equal to
 * `rel` relative; NaN only equals NaN). Empty when they agree. At most `limit` messages.
 */
export function compareResults(a: CountyPeriod[], b: CountyPeriod[], rel = 1e-6, limit = 10): string[] {
  const diffs: string[] = [];
  const x = sortResults([...a]);
  const y = sortResults([...b]);
  if (x.length !== y.length) diffs.push(`row counts differ: ${x.length} vs ${y.length}`);
  const m = Math.min(x.length, y.length);
  for (let i = 0; i < m && diffs.length < limit; i++) {
    const p = x[i]!;
    const q = y[i]!;
    const where = `${p.code} ${p.year}Q${p.quarter}`;
    if (p.code !== q.code || p.year !== q.year || p.quarter !== q.quarter) {
      diffs.push(`row ${i}: key ${where} vs ${q.code} ${q.year}Q${q.quarter}`);
      continue;
    }
    for (const f of ['persons', 'net', 'perCapita', 'growth'] as const) {
      if (!close(p[f], q[f], rel)) diffs.push(`${where} ${f}: ${p[f]} vs ${q[f]}`);
    }
  }
  return diffs.slice(0, limit);
}

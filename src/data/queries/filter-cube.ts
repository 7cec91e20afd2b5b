import type { Level, RegionPeriodSums } from '../../domain/dataset';
import { isWithin, type MapScope } from '../../domain/drill';
import { CATEGORY_IDS, MGMT_CLASS_IDS, isEmptyFilter, type HouseholdFilter, type Period } from '../../domain/filter';
import type { Connector } from '../engine/connector';
import { householdCode } from '../engine/household-tables';
import { incomeSumsSql } from './region-sums';
import { codeLiteral, intLiteral } from './sql';

/**
 * A data cube for the cross-filter on the map (in the manner of mosaic's pre-aggregated indexes):
 * for one map scope and one selected period, the household sums of the selected period and of the
 * same quarter a year earlier — the two periods the map and the KPI strip show — grouped by the
 * map's region and by every dimension the cross-filter can test:
 *  - category, management class, relocated;
 *  - the household's decline cause in the selected period, and whether it has a row in that period;
 *  - the 1,000-yuan bin of its per-capita net income in the selected period.
 * One engine query builds it (the same scan a single filtered query would need); after that any
 * filter on those dimensions — every filter the panels can set, the histogram brush snapping to
 * whole bins — is answered in JavaScript from a few tens of thousands of cells, without the engine.
 * A filter it cannot answer exactly (an income range typed into the URL that is not on the bin
 * grid) goes to `regionPeriodSumsSql` as before.
 *
 * The sums equal `regionPeriodSumsSql` under the same filter (test/integration/filter-cube.test.ts),
 * up to the order of floating-point additions.
 */

/** Width of the cube's income bins (yuan); the histogram's brush snaps to the same grid. */
export const CUBE_BIN_WIDTH = 1000;

/** SQL of the cube's cells for the regions of `scope` and the periods `period` and a year before it. */
export function filterCubeSql(scope: MapScope, period: Period): string {
  const y = intLiteral(period.year);
  const q = intLiteral(period.quarter);
  const w = intLiteral(CUBE_BIN_WIDTH);
  codeLiteral(scope.scope);
  // The per-capita expression is the filter's own (src/data/queries/filter.ts), so a bin boundary
  // falls exactly where the filter's `>= lo` / `< hi` would; the CASE corrects the division's rounding.
  return `WITH sel AS (
  SELECT hh_key, decline_cause, wage + operating + property + transfer AS net
  FROM income WHERE year = ${y} AND quarter = ${q}
), hh AS (
  SELECT h.hh_key, ${householdCode('h', scope.level)} AS code, h.category, h.mgmt_class, h.relocated, h.persons,
    s.hh_key IS NOT NULL AS has_sel, s.decline_cause AS cause, s.net / h.persons AS pc
  FROM households h LEFT JOIN sel s ON s.hh_key = h.hh_key
  WHERE ${householdCode('h', scope.scopeLevel)} = '${scope.scope}'
), binned AS (
  SELECT *, CASE WHEN isfinite(pc) THEN floor(pc / ${w})::BIGINT END AS b0 FROM hh
)
SELECT b.code, i.year, i.quarter, b.category, b.mgmt_class, b.relocated, b.has_sel, b.cause,
  CASE WHEN b.pc < b.b0 * ${w} THEN b.b0 - 1 WHEN b.pc >= (b.b0 + 1) * ${w} THEN b.b0 + 1 ELSE b.b0 END AS bin,
  b.has_sel AND b.pc IS NOT NULL AND NOT isfinite(b.pc) AS odd_income,
  ${incomeSumsSql('b')}
FROM income i JOIN binned b ON i.hh_key = b.hh_key
WHERE i.quarter = ${q} AND (i.year = ${y} OR i.year = ${intLiteral(period.year - 1)})
GROUP BY ALL`;
}

const MEASURES = ['households', 'persons', 'net', 'wage', 'operating', 'property', 'transfer'] as const;
type Measure = (typeof MEASURES)[number];

interface CubeRow extends Pick<RegionPeriodSums, 'code' | 'year' | 'quarter' | Measure> {
  category: string | null;
  mgmt_class: string | null;
  relocated: boolean | null;
  has_sel: boolean;
  cause: number | null;
  bin: number | null;
  odd_income: boolean;
}
const NO_BIN = -2147483648;

export class FilterCube {
  readonly cells: number;
  private readonly codes: string[];
  private readonly code: Int32Array;
  /** 0: the selected period, 1: a year before. */
  private readonly prior: Uint8Array;
  /** Index in CATEGORY_IDS, -1 for any other value or none. */
  private readonly category: Int8Array;
  private readonly monitored: Uint8Array;
  private readonly mgmt: Int8Array;
  /** 1 relocated, 0 not, -1 unknown (NULL: neither filter value keeps it, as in SQL). */
  private readonly relocated: Int8Array;
  private readonly hasSel: Uint8Array;
  /** Decline cause in the selected period, 0 for none. */
  private readonly cause: Uint8Array;
  private readonly bin: Int32Array;
  private readonly measures: Float64Array[];
  // The last filter's accumulated sums (the regions and the unit total ask for the same filter).
  private last: { key: string; acc: { values: Float64Array; seen: Uint8Array } } | null = null;
  /** Some household's per-capita income in the period is not a finite number: income ranges go to SQL. */
  private readonly oddIncome: boolean;

  private constructor(
    readonly scope: MapScope,
    readonly period: Period,
    rows: CubeRow[],
  ) {
    const n = rows.length;
    this.cells = n;
    const codeIndex = new Map<string, number>();
    this.codes = [];
    this.code = new Int32Array(n);
    this.prior = new Uint8Array(n);
    this.category = new Int8Array(n);
    this.monitored = new Uint8Array(n);
    this.mgmt = new Int8Array(n);
    this.relocated = new Int8Array(n);
    this.hasSel = new Uint8Array(n);
    this.cause = new Uint8Array(n);
    this.bin = new Int32Array(n);
    this.measures = MEASURES.map(() => new Float64Array(n));
    let odd = false;
    const tuopin = CATEGORY_IDS.indexOf('tuopin');
    rows.forEach((r, i) => {
      let c = codeIndex.get(r.code);
      if (c === undefined) {
        c = this.codes.length;
        codeIndex.set(r.code, c);
        this.codes.push(r.code);
      }
      this.code[i] = c;
      this.prior[i] = r.year === period.year ? 0 : 1;
      const cat = r.category === null ? -1 : CATEGORY_IDS.indexOf(r.category as (typeof CATEGORY_IDS)[number]);
      this.category[i] = cat;
      // As `h.category <> 'tuopin'` in SQL: NULL is not monitored, any other value is.
      this.monitored[i] = r.category !== null && cat !== tuopin ? 1 : 0;
      this.mgmt[i] = r.mgmt_class === null ? -1 : MGMT_CLASS_IDS.indexOf(r.mgmt_class as (typeof MGMT_CLASS_IDS)[number]);
      this.relocated[i] = r.relocated === null ? -1 : r.relocated ? 1 : 0;
      this.hasSel[i] = r.has_sel ? 1 : 0;
      // Causes outside 1–255 can never be asked for (the filter's causes are 1–8).
      this.cause[i] = r.cause !== null && r.cause >= 1 && r.cause <= 255 ? r.cause : 0;
      const b = r.bin;
      if (b !== null && (b < -2147483647 || b > 2147483647)) odd = true;
      this.bin[i] = b === null ? NO_BIN : b;
      if (r.odd_income) odd = true;
      MEASURES.forEach((m, k) => (this.measures[k]![i] = r[m]));
    });
    this.oddIncome = odd;
  }

  /** Builds the cube of `scope` and `period` with one engine query. */
  static async build(db: Connector, scope: MapScope, period: Period): Promise<FilterCube> {
    return new FilterCube(scope, period, await db.query<CubeRow>(filterCubeSql(scope, period)));
  }

  /** True when `filter` is answered exactly by the cube (its income range, if any, on the bin grid). */
  answers(filter: HouseholdFilter): boolean {
    if (isEmptyFilter(filter) || !filter.incomeRange) return true;
    if (this.oddIncome) return false;
    const [lo, hi] = filter.incomeRange;
    return binEdge(lo) !== null && (binEdge(hi) !== null || hi === Infinity);
  }

  /**
   * Sums per period (the selected one and a year before) under `filter`: per map region, or, with
   * `total`, of the unit `total` (which holds the regions it contains; its code on every row).
   * Rows come ordered by code, year, quarter, as from `regionPeriodSumsSql`.
   */
  sums(filter: HouseholdFilter, total?: { code: string; level: Level }): RegionPeriodSums[] {
    if (!this.answers(filter)) throw new Error('The filter cube cannot answer this filter exactly');
    const key = JSON.stringify(filter);
    if (this.last?.key !== key) this.last = { key, acc: this.accumulate(filter) };
    const acc = this.last.acc;
    // Slots: 2 per region (the selected period, a year before); a total adds up its regions' slots.
    const slotCodes = total ? [total.code] : this.codes;
    const slotOf = (region: number) => (total ? (isWithin(this.codes[region]!, total.code, total.level) ? 0 : -1) : region);
    const width = SLOT_FIELDS;
    const out = new Float64Array(slotCodes.length * 2 * width);
    const seen = new Uint8Array(slotCodes.length * 2);
    for (let region = 0; region < this.codes.length; region++) {
      const slot = slotOf(region);
      if (slot < 0) continue;
      for (let prior = 0; prior < 2; prior++) {
        const from = region * 2 + prior;
        if (!acc.seen[from]) continue;
        const to = slot * 2 + prior;
        seen[to] = 1;
        for (let k = 0; k < width; k++) out[to * width + k]! += acc.values[from * width + k]!;
      }
    }
    const rows: RegionPeriodSums[] = [];
    slotCodes.forEach((code, slot) => {
      for (const prior of [1, 0]) {
        const s = slot * 2 + prior;
        if (!seen[s]) continue;
        const v = (k: number) => out[s * width + k]!;
        rows.push({
          code,
          year: this.period.year - prior,
          quarter: this.period.quarter,
          households: v(0),
          persons: v(1),
          net: v(2),
          wage: v(3),
          operating: v(4),
          property: v(5),
          transfer: v(6),
          monitored_households: v(7),
          monitored_persons: v(8),
          relocated_households: v(9),
          monitored_net: v(10),
          monitored_wage: v(11),
          monitored_operating: v(12),
          monitored_property: v(13),
          monitored_transfer: v(14),
          monitored_relocated_households: v(15),
        });
      }
    });
    return rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.year - b.year));
  }

  /** One pass over the cells: the sums of every region and period slot under `filter`. */
  private accumulate(filter: HouseholdFilter): { values: Float64Array; seen: Uint8Array } {
    // Lookup tables instead of sets in the loop (index + 1, so -1 "other" has a slot).
    const table = (size: number, wanted: number[] | null) => {
      const t = new Uint8Array(size + 1);
      if (!wanted) t.fill(1);
      else for (const w of wanted) if (w >= 0) t[w + 1] = 1;
      return t;
    };
    const catOk = table(CATEGORY_IDS.length, filter.categories.length ? filter.categories.map((c) => CATEGORY_IDS.indexOf(c)) : null);
    const mgmtOk = table(MGMT_CLASS_IDS.length, filter.mgmtClasses.length ? filter.mgmtClasses.map((c) => MGMT_CLASS_IDS.indexOf(c)) : null);
    const causeOk = new Uint8Array(256);
    for (const c of filter.causes) if (c >= 1 && c <= 255) causeOk[c] = 1;
    const anyCause = filter.causes.length === 0;
    const reloc = filter.relocated === null ? -2 : filter.relocated ? 1 : 0;
    const range = filter.incomeRange;
    const binLo = range ? binEdge(range[0])! : 0;
    const binHi = range ? (range[1] === Infinity ? Infinity : binEdge(range[1])!) : 0;
    const byPeriod = !anyCause || !!range;

    const width = SLOT_FIELDS;
    const values = new Float64Array(this.codes.length * 2 * width);
    const seen = new Uint8Array(this.codes.length * 2);
    const [households, persons, net, wage, operating, property, transfer] = this.measures as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    const { code, prior, category, mgmt, relocated, hasSel, cause, bin, monitored } = this;
    for (let i = 0; i < this.cells; i++) {
      if (!catOk[category[i]! + 1] || !mgmtOk[mgmt[i]! + 1]) continue;
      if (reloc !== -2 && relocated[i] !== reloc) continue;
      if (byPeriod) {
        if (!hasSel[i]) continue;
        if (!anyCause && !causeOk[cause[i]!]) continue;
        if (range) {
          const b = bin[i]!;
          if (b === NO_BIN || b < binLo || b >= binHi) continue;
        }
      }
      const s = code[i]! * 2 + prior[i]!;
      seen[s] = 1;
      const o = s * width;
      const h = households[i]!;
      values[o]! += h;
      values[o + 1]! += persons[i]!;
      values[o + 2]! += net[i]!;
      values[o + 3]! += wage[i]!;
      values[o + 4]! += operating[i]!;
      values[o + 5]! += property[i]!;
      values[o + 6]! += transfer[i]!;
      if (relocated[i] === 1) values[o + 9]! += h;
      if (monitored[i]) {
        values[o + 7]! += h;
        values[o + 8]! += persons[i]!;
        values[o + 10]! += net[i]!;
        values[o + 11]! += wage[i]!;
        values[o + 12]! += operating[i]!;
        values[o + 13]! += property[i]!;
        values[o + 14]! += transfer[i]!;
        if (relocated[i] === 1) values[o + 15]! += h;
      }
    }
    return { values, seen };
  }
}

/**
 * Sums kept per region and period: the seven measures, monitored households and persons,
 * relocated households, then the monitoring objects' net, four components and relocated households.
 */
const SLOT_FIELDS = 16;

/** The bin index whose lower edge is `x` yuan, or null when `x` is not on the grid. */
function binEdge(x: number): number | null {
  const b = x / CUBE_BIN_WIDTH;
  return Number.isSafeInteger(b) ? b : null;
}

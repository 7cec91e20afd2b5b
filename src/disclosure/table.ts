/**
 * The linked table a public build publishes and an attacker reasons about: one cell per region and
 * population part, with one value per published figure and period.
 *
 * Parts: `all` (the plain columns of `agg/<level>.json`), `monitored` (the `monitored_*` columns)
 * and `tuopin` = all − monitored (what `restrictSums` derives; the page derives it the same way, so
 * it is never stored). Pure: no DOM, DuckDB or Node import.
 */

/** The figures a public build publishes per part (`relocated_households` is not published). */
export const PUBLIC_FIELDS = ['households', 'persons', 'net', 'wage', 'operating', 'property', 'transfer'] as const;
export type PublicField = (typeof PUBLIC_FIELDS)[number];

export const PARTS = ['all', 'monitored', 'tuopin'] as const;
export type Part = (typeof PARTS)[number];
export const ALL = 0;
export const MON = 1;
export const TUP = 2;

/** Column name of a field of a stored part (`all` → plain name, `monitored` → `monitored_<f>`). */
export function columnOf(part: 'all' | 'monitored', field: PublicField): string {
  return part === 'all' ? field : `monitored_${field}`;
}

/** Every published figure column, in file order. */
export const PUBLIC_COLUMNS: readonly string[] = [
  ...PUBLIC_FIELDS.map((f) => columnOf('all', f)),
  ...PUBLIC_FIELDS.map((f) => columnOf('monitored', f)),
];

export interface RegionInput {
  code: string;
  /** 1 province … 5 village. */
  level: number;
  /** Code of the region it belongs to in this table, null for the root. */
  parent: string | null;
}

/** One row of sums: `code`, `year`, `quarter` and the figure columns (`PUBLIC_COLUMNS`; more are ignored). */
export type SumsRow = { code: string; year: number; quarter: number } & Record<string, unknown>;

export interface Period {
  year: number;
  quarter: number;
}

export interface LinkedTable {
  codes: string[];
  levels: number[];
  /** Index of the parent region, −1 for the root. */
  parent: Int32Array;
  children: number[][];
  periods: Period[];
  /**
   * `value(part, field)[r * periods + t]`: the figure of region r, period t (0 where the region has
   * no row for the period: nobody).
   */
  values: Float64Array[][];
}

export function value(table: LinkedTable, part: number, field: number, region: number, period: number): number {
  return table.values[part]![field]![region * table.periods.length + period]!;
}

/**
 * Builds the table from the regions and their sums rows. Checks what the attacker model rests on:
 * one root, every parent in the table and one level above, and every region's sums equal to the
 * sum of its children's (when it has children) in every period and figure.
 */
export function buildLinkedTable(regions: readonly RegionInput[], rows: readonly SumsRow[]): LinkedTable {
  const sorted = [...regions].sort((a, b) => a.level - b.level || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const index = new Map<string, number>();
  sorted.forEach((r, i) => {
    if (index.has(r.code)) throw new Error(`Region ${r.code} is listed twice`);
    index.set(r.code, i);
  });
  const n = sorted.length;
  const parent = new Int32Array(n).fill(-1);
  const children: number[][] = sorted.map(() => []);
  let roots = 0;
  sorted.forEach((r, i) => {
    if (r.parent === null) {
      roots++;
      return;
    }
    const p = index.get(r.parent);
    if (p === undefined) throw new Error(`Region ${r.code}: parent ${r.parent} is not in the table`);
    if (sorted[p]!.level >= r.level) throw new Error(`Region ${r.code} (level ${r.level}): parent ${r.parent} is not at a coarser level`);
    parent[i] = p;
    children[p]!.push(i);
  });
  if (roots !== 1) throw new Error(`The table needs exactly one root region, found ${roots}`);

  const periodKeys = new Map<number, number>();
  const periods: Period[] = [];
  for (const row of rows) {
    const key = row.year * 10 + row.quarter;
    if (!periodKeys.has(key)) periodKeys.set(key, 0);
  }
  [...periodKeys.keys()].sort((a, b) => a - b).forEach((key, t) => {
    periodKeys.set(key, t);
    periods.push({ year: Math.floor(key / 10), quarter: key % 10 });
  });
  const P = periods.length;
  const values: Float64Array[][] = PARTS.map(() => PUBLIC_FIELDS.map(() => new Float64Array(n * P)));
  const seen = new Set<string>();
  for (const row of rows) {
    const r = index.get(row.code);
    if (r === undefined) throw new Error(`Sums row for ${row.code}, which is not in the region list`);
    const t = periodKeys.get(row.year * 10 + row.quarter)!;
    const key = `${r}:${t}`;
    if (seen.has(key)) throw new Error(`Two sums rows for ${row.code}, ${row.year} Q${row.quarter}`);
    seen.add(key);
    PUBLIC_FIELDS.forEach((f, fi) => {
      const all = num(row, columnOf('all', f));
      const mon = num(row, columnOf('monitored', f));
      values[ALL]![fi]![r * P + t] = all;
      values[MON]![fi]![r * P + t] = mon;
      values[TUP]![fi]![r * P + t] = all - mon;
    });
  }
  const table: LinkedTable = { codes: sorted.map((r) => r.code), levels: sorted.map((r) => r.level), parent, children, periods, values };
  checkAdditivity(table);
  return table;
}

function num(row: SumsRow, column: string): number {
  const v = row[column];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`Sums row ${row.code} ${row.year} Q${row.quarter}: ${column} is not a number (${String(v)})`);
  return v;
}

function checkAdditivity(table: LinkedTable): void {
  const P = table.periods.length;
  for (let r = 0; r < table.codes.length; r++) {
    const kids = table.children[r]!;
    if (!kids.length) continue;
    for (const part of [ALL, MON]) {
      for (let f = 0; f < PUBLIC_FIELDS.length; f++) {
        const col = table.values[part]![f]!;
        for (let t = 0; t < P; t++) {
          let s = 0;
          for (const c of kids) s += col[c * P + t]!;
          const v = col[r * P + t]!;
          if (Math.abs(s - v) > 1e-6 * Math.max(1, Math.abs(v)) + 0.01) {
            throw new Error(
              `${table.codes[r]} ${table.periods[t]!.year} Q${table.periods[t]!.quarter}: ${PARTS[part]} ${PUBLIC_FIELDS[f]} is ${v}, its children sum to ${s}`,
            );
          }
        }
      }
    }
  }
}

/** Households of a cell in period t. */
export function households(table: LinkedTable, part: number, region: number, period: number): number {
  return value(table, part, 0, region, period);
}

/**
 * The additive relations of the table (per field and period): for every region with children and
 * every part, region − Σ children = 0; for every region, all − tuopin − monitored = 0.
 * A member is `cell = region * 3 + part` with its coefficient.
 */
export interface Equation {
  cells: Int32Array;
  coefs: Float64Array;
}

export function cellOf(region: number, part: number): number {
  return region * 3 + part;
}

export function equationsOf(table: LinkedTable): Equation[] {
  const out: Equation[] = [];
  for (let r = 0; r < table.codes.length; r++) {
    const kids = table.children[r]!;
    if (kids.length) {
      for (let p = 0; p < 3; p++) {
        const cells = new Int32Array(kids.length + 1);
        const coefs = new Float64Array(kids.length + 1).fill(-1);
        cells[0] = cellOf(r, p);
        coefs[0] = 1;
        kids.forEach((c, i) => (cells[i + 1] = cellOf(c, p)));
        out.push({ cells, coefs });
      }
    }
    out.push({ cells: Int32Array.of(cellOf(r, ALL), cellOf(r, TUP), cellOf(r, MON)), coefs: Float64Array.of(1, -1, -1) });
  }
  return out;
}

/**
 * The figures an attacker may take as ≥ 0 in every cell: those with no negative value anywhere in
 * the table (counts, and incomes, which the import refuses when negative and the generator never
 * makes negative). A figure with a negative value somewhere gets no bound.
 */
export function nonNegativeFields(table: LinkedTable): PublicField[] {
  return PUBLIC_FIELDS.filter((_, f) => PARTS.every((_, p) => table.values[p]![f]!.every((v) => v >= 0)));
}

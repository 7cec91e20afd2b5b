/**
 * The audit of a suppression pattern: for every hidden cell, figure and period, the interval
 * [min, max] an attacker derives from everything published, by linear programming (HiGHS, passed
 * in by the caller as `solveExact` in `src/siting/` takes it).
 *
 * Attacker's knowledge, per figure and period: every equation of the table (region = Σ children for
 * each part; all = tuopin + monitored) with the published cells as constants, the hidden cells as
 * variables, and (for the figures that cannot be negative) every variable ≥ 0. Hidden cells are
 * split into connected components (cells sharing an equation); the pattern is the same in every
 * period, so the components are too, and each component's LP is solved for every period with the
 * right-hand side changed (identical right-hand sides are solved once).
 *
 * A cell fails when, in a period in which it has households, its range is a point
 * (max − min ≤ 1e-6·max(1, |v|)), or, for a primary cell and a protected figure, when the range does
 * not reach v·(1 − p) below and v·(1 + p) above. Pure (no DOM, DuckDB or Node import).
 */
import type { Highs } from 'highs';
import { PUBLIC_FIELDS, PARTS, households, value, type PublicField } from './table';
import { isHidden, type SuppressionState } from './suppress';

export interface AuditOptions {
  /** Figures to audit (default all published). */
  fields?: readonly PublicField[];
  /** Protection level per figure for primary cells (default households and net at 0.15). */
  protection?: Partial<Record<PublicField, number>>;
  /** Figures for which the attacker may assume every cell ≥ 0 (default all). */
  nonNegative?: readonly PublicField[];
  /**
   * Solve both LPs of every cell, figure and period. Default false: a range is first proved wide
   * enough by a feasible move along the directions the households LPs found (below); only cells it
   * does not prove get their own LPs.
   */
  exact?: boolean;
  /** Called now and then with the components done so far. */
  onProgress?: (done: number, total: number) => void;
}

export const DEFAULT_PROTECTION: Partial<Record<PublicField, number>> = { households: 0.15, net: 0.15 };

export interface AuditFailure {
  cell: number;
  code: string;
  part: string;
  field: PublicField;
  year: number;
  quarter: number;
  value: number;
  min: number;
  max: number;
  reason: 'pinned' | 'unprotected';
}

export interface AuditResult {
  ok: boolean;
  failures: AuditFailure[];
  hiddenCells: number;
  components: number;
  largestComponent: number;
  lpRuns: number;
  elapsedMs: number;
  fields: PublicField[];
}

interface Component {
  vars: number[];
  /** Equations (indices into `s.equations`) with at least one member in the component. */
  rows: number[];
}

function components(s: SuppressionState, cells: number[]): Component[] {
  const varOf = new Map<number, number>();
  cells.forEach((c, i) => varOf.set(c, i));
  const parent = cells.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const rowsWithHidden: number[] = [];
  s.equations.forEach((eq, e) => {
    let first = -1;
    for (const c of eq.cells) {
      const v = varOf.get(c);
      if (v === undefined) continue;
      if (first < 0) first = v;
      else parent[find(v)] = find(first);
    }
    if (first >= 0) rowsWithHidden.push(e);
  });
  const byRoot = new Map<number, Component>();
  cells.forEach((_, i) => {
    const root = find(i);
    if (!byRoot.has(root)) byRoot.set(root, { vars: [], rows: [] });
    byRoot.get(root)!.vars.push(cells[i]!);
  });
  for (const e of rowsWithHidden) {
    const c = s.equations[e]!.cells.find((c) => varOf.has(c))!;
    byRoot.get(find(varOf.get(c)!))!.rows.push(e);
  }
  return [...byRoot.values()];
}

export function hiddenCells(s: SuppressionState): number[] {
  const out: number[] = [];
  for (let c = 0; c < s.table.codes.length * 3; c++) if (isHidden(s, c)) out.push(c);
  return out;
}

export function audit(highs: Highs, s: SuppressionState, options: AuditOptions = {}): AuditResult {
  const t0 = Date.now();
  const fields = [...(options.fields ?? PUBLIC_FIELDS)];
  const protection = options.protection ?? DEFAULT_PROTECTION;
  const nonNeg = new Set(options.nonNegative ?? PUBLIC_FIELDS);
  const cells = hiddenCells(s);
  const comps = components(s, cells);
  const failures: AuditFailure[] = [];
  let lpRuns = 0;

  comps.forEach((comp, ci) => {
    options.onProgress?.(ci, comps.length);
    const r = auditComponent(highs, s, comp, fields, protection, nonNeg, options.exact === true);
    lpRuns += r.lpRuns;
    failures.push(...r.failures);
  });
  return {
    ok: failures.length === 0,
    failures,
    hiddenCells: cells.length,
    components: comps.length,
    largestComponent: comps.reduce((m, c) => Math.max(m, c.vars.length), 0),
    lpRuns,
    elapsedMs: Date.now() - t0,
    fields,
  };
}



/**
 * One component. The households LPs of the first period are solved for every cell; each optimum x
 * gives a direction d = (x − t)/(x_i − t_i) with A·d = 0 (t: the true values), so for any figure
 * and period with true values t′, t′ + λ·d is feasible for every λ up to min over d_j < 0 of
 * t′_j / −d_j: a proof that the cell's range reaches at least λ above its value (and likewise
 * below). A cell whose proof falls short of what it needs gets its own two LPs for that figure and
 * period, whose optimum decides.
 */
function auditComponent(
  highs: Highs,
  s: SuppressionState,
  comp: Component,
  fields: PublicField[],
  protection: Partial<Record<PublicField, number>>,
  nonNeg: Set<PublicField>,
  exact: boolean,
): { failures: AuditFailure[]; lpRuns: number } {
  const table = s.table;
  const P = table.periods.length;
  const failures: AuditFailure[] = [];
  let lpRuns = 0;
  const cellValue = (cell: number, f: number, t: number) => value(table, cell % 3, f, Math.floor(cell / 3), t);
  const nv = comp.vars.length;
  const local = new Map<number, number>();
  comp.vars.forEach((c, i) => local.set(c, i));
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const e of comp.rows) {
    const eq = s.equations[e]!;
    const entries: [number, number][] = [];
    eq.cells.forEach((c, j) => {
      const v = local.get(c);
      if (v !== undefined) entries.push([v, eq.coefs[j]!]);
    });
    entries.sort((a, b) => a[0] - b[0]);
    for (const [v, coef] of entries) {
      indices.push(v);
      values.push(coef);
    }
    starts.push(indices.length);
  }
  const nr = comp.rows.length;
  const model = highs.createModel({
    numCols: nv,
    numRows: nr,
    colCost: new Float64Array(nv),
    colLower: new Float64Array(nv),
    colUpper: new Float64Array(nv).fill(highs.infinity),
    rowLower: new Float64Array(nr),
    rowUpper: new Float64Array(nr),
    matrix: { format: 'csr', numRows: nr, numCols: nv, starts, indices, values },
  } as Parameters<Highs['createModel']>[0]);
  const { minimize, maximize } = highs.constants.objectiveSense;
  const status = highs.constants.modelStatus;
  const allCols = { kind: 'range', from: 0, to: nv - 1 } as const;
  const allRows = { kind: 'range', from: 0, to: nr - 1 } as const;
  let boundedNow = true;
  let costOn = -1;
  let current = '';
  let scale = 1;

  const rhsOf = (f: number, t: number) => {
    const rhs = new Float64Array(nr);
    comp.rows.forEach((e, i) => {
      const eq = s.equations[e]!;
      let b = 0;
      eq.cells.forEach((c, j) => {
        if (!local.has(c)) b -= eq.coefs[j]! * cellValue(c, f, t);
      });
      rhs[i] = b;
    });
    return rhs;
  };
  const setProblem = (key: string, rhs: Float64Array, bounded: boolean, sc: number) => {
    if (current === key) return;
    const b = rhs.map((x) => x / sc);
    model.changeRowsBounds(allRows, b, b);
    if (bounded !== boundedNow) {
      model.changeColsBounds(allCols, new Float64Array(nv).fill(bounded ? 0 : -highs.infinity), new Float64Array(nv).fill(highs.infinity));
      boundedNow = bounded;
    }
    scale = sc;
    current = key;
  };
  /** Optimum of x_v (min or max) for the problem set, and the optimal point (unscaled). */
  const solve = (v: number, isMin: boolean): { obj: number; x: Float64Array | null } => {
    if (costOn !== v) {
      if (costOn >= 0) model.changeColCost(costOn, 0);
      model.changeColCost(v, 1);
      costOn = v;
    }
    model.changeObjectiveSense(isMin ? minimize : maximize);
    model.run();
    lpRuns++;
    const st = model.getModelStatus();
    if (st === status.optimal) {
      const col = model.getSolution().colValue;
      const x = col ? Float64Array.from(col, (y) => y * scale) : null;
      return { obj: model.getObjectiveValue() * scale, x };
    }
    if (st === status.unbounded || st === status.unboundedOrInfeasible) return { obj: isMin ? -Infinity : Infinity, x: null };
    throw new Error(`Audit LP ended with status ${st} (component of ${nv} cells)`);
  };

  try {
    model.options.set({ output_flag: false });
    const exactCache = new Map<string, Map<number, [number, number]>>();
    const exactRange = (key: string, v: number): [number, number] => {
      let m = exactCache.get(key);
      if (!m) exactCache.set(key, (m = new Map()));
      let r = m.get(v);
      if (!r) {
        r = [solve(v, true).obj, solve(v, false).obj];
        m.set(v, r);
      }
      return r;
    };
    // Directions from the households LPs of period 0.
    const up: (Float64Array | null)[] = new Array(nv).fill(null);
    const down: (Float64Array | null)[] = new Array(nv).fill(null);
    const hf = PUBLIC_FIELDS.indexOf('households');
    const scaleOf = (rhs: Float64Array, f: number, t: number) => {
      let sc = 1;
      for (const b of rhs) sc = Math.max(sc, Math.abs(b));
      for (const c of comp.vars) sc = Math.max(sc, Math.abs(cellValue(c, f, t)));
      return sc;
    };
    if (!exact && P > 0) {
      const rhs = rhsOf(hf, 0);
      const key = `h|${Array.from(rhs).join(',')}`;
      setProblem(key, rhs, true, scaleOf(rhs, hf, 0));
      const t0 = comp.vars.map((c) => cellValue(c, hf, 0));
      const cache = new Map<number, [number, number]>();
      exactCache.set(key, cache);
      for (let v = 0; v < nv; v++) {
        const lo = solve(v, true);
        const hi = solve(v, false);
        cache.set(v, [lo.obj, hi.obj]);
        up[v] = direction(hi.x, t0, v, 1);
        down[v] = direction(lo.x, t0, v, -1);
      }
    }

    for (const field of fields) {
      const f = PUBLIC_FIELDS.indexOf(field);
      const bounded = nonNeg.has(field);
      const p = protection[field];
      for (let t = 0; t < P; t++) {
        const rhs = rhsOf(f, t);
        const key = `${bounded ? 'h' : 'f'}|${Array.from(rhs).join(',')}`;
        const truth = comp.vars.map((c) => cellValue(c, f, t));
        for (let v = 0; v < nv; v++) {
          const cell = comp.vars[v]!;
          const r = Math.floor(cell / 3);
          const part = cell % 3;
          if (households(table, part, r, t) <= 0) continue;
          const x = truth[v]!;
          const tol = 1e-6 * Math.max(1, Math.abs(x));
          const need = p !== undefined && s.primary[cell] ? p * Math.abs(x) + 1e-9 * Math.max(1, Math.abs(x)) : 0;
          if (!exact) {
            const reachUp = bounded ? reach(up[v]!, truth, 1) : up[v] ? Infinity : 0;
            const reachDown = bounded ? reach(down[v]!, truth, -1) : down[v] ? Infinity : 0;
            if (need > 0 ? reachUp >= need && reachDown >= need : reachUp + reachDown > tol) continue;
          }
          let lohi = exactCache.get(key)?.get(v);
          if (!lohi) {
            setProblem(key, rhs, bounded, scaleOf(rhs, f, t));
            lohi = exactRange(key, v);
          }
          const [lo, hi] = lohi;
          const fail = (reason: AuditFailure['reason']) =>
            failures.push({ cell, code: table.codes[r]!, part: PARTS[part]!, field, year: table.periods[t]!.year, quarter: table.periods[t]!.quarter, value: x, min: lo, max: hi, reason });
          if (hi - lo <= tol) fail('pinned');
          else if (need > 0 && (lo > x - need + 2e-9 * Math.max(1, Math.abs(x)) || hi < x + need - 2e-9 * Math.max(1, Math.abs(x)))) fail('unprotected');
        }
      }
    }
  } finally {
    model.dispose();
  }
  return { failures, lpRuns };
}

/**
 * A direction of movement of cell v from an LP optimum: (x − t) / (x_v − t_v) for the upward one
 * (sign 1), (t − x) / (t_v − x_v) for the downward one, so its v entry is 1; entries that are
 * rounding noise are dropped. Null when the optimum does not move the cell.
 */
function direction(x: Float64Array | null, t: number[], v: number, sign: 1 | -1): Float64Array | null {
  if (!x) return null;
  const step = sign * (x[v]! - t[v]!);
  if (!(step > 1e-9 * Math.max(1, Math.abs(t[v]!)))) return null;
  const d = new Float64Array(t.length);
  for (let j = 0; j < t.length; j++) {
    const dj = (sign * (x[j]! - t[j]!)) / step;
    d[j] = Math.abs(dj) < 1e-9 ? 0 : dj;
  }
  d[v] = 1;
  return d;
}

/**
 * How far cell v can provably move (sign 1: up, −1: down) along direction d from the true values t
 * while every cell stays ≥ 0: the largest λ with t + sign·λ·d ≥ 0. Zero without a direction.
 */
function reach(d: Float64Array | null, t: number[], sign: 1 | -1): number {
  if (!d) return 0;
  let lambda = Infinity;
  for (let j = 0; j < d.length; j++) {
    const dj = sign * d[j]!;
    if (dj < 0) lambda = Math.min(lambda, Math.max(0, t[j]!) / -dj);
  }
  return lambda;
}

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
   * enough by feasible points (moves along directions earlier LPs found, optima of LPs over many
   * cells; `auditComponent`); only cells not proved so get their own LPs, which alone can fail a cell.
   */
  exact?: boolean;
  /**
   * Results of components already audited, by their cells (a component with the same cells has the
   * same LPs), valid for the same table and options: `protectTable` passes one across its rounds so
   * that only changed components are solved again.
   */
  cache?: Map<string, { failures: AuditFailure[]; lpRuns: number }>;
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
    const key = comp.vars.join(',');
    let r = options.cache?.get(key);
    if (!r) {
      r = auditComponent(highs, s, comp, fields, protection, nonNeg, options.exact === true);
      lpRuns += r.lpRuns;
      options.cache?.set(key, r);
    }
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



/** Components up to this many cells go straight to two LPs per cell. */
const SMALL_COMPONENT = 40;
/** Random-objective LPs that seed a larger component's directions. */
const RANDOM_OBJECTIVES = 6;
/** Rounds of LPs over the cells not yet proved, before each gets its own two. */
const GROUP_ROUNDS = 20;

/**
 * One component, every figure and period. A cell's range is first proved wide enough by feasible
 * points: the true values t moved along directions d with A·d = 0 found earlier (t′ + λ·d is
 * feasible for λ up to min over d_j < 0 of t′_j / −d_j), and in a large component the optima of
 * LPs over many cells at once (each a feasible point). Only the cells that are not proved so get
 * their own two LPs (min and max), and only those exact optima can fail a cell.
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
  /** Column whose cost is 1 (the others 0); −1 none; −2 a dense objective is set. */
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
  const setProblem = (key: string, rhs: Float64Array, bounded: boolean, truth: number[]) => {
    if (current === key) return;
    let sc = 1;
    for (const b of rhs) sc = Math.max(sc, Math.abs(b));
    for (const x of truth) sc = Math.max(sc, Math.abs(x));
    const b = rhs.map((x) => x / sc);
    model.changeRowsBounds(allRows, b, b);
    if (bounded !== boundedNow) {
      model.changeColsBounds(allCols, new Float64Array(nv).fill(bounded ? 0 : -highs.infinity), new Float64Array(nv).fill(highs.infinity));
      boundedNow = bounded;
    }
    scale = sc;
    current = key;
  };
  /** Runs the LP as set (objective, bounds); the optimum and optimal point, unscaled. */
  const solveCurrent = (isMin: boolean): { obj: number; x: Float64Array | null } => {
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
  const solve = (v: number, isMin: boolean) => {
    if (costOn === -2) model.changeColsCost(allCols, new Float64Array(nv));
    else if (costOn >= 0 && costOn !== v) model.changeColCost(costOn, 0);
    if (costOn !== v) model.changeColCost(v, 1);
    costOn = v;
    return solveCurrent(isMin);
  };
  const solveDense = (cost: Float64Array, isMin: boolean) => {
    model.changeColsCost(allCols, cost);
    costOn = -2;
    return solveCurrent(isMin);
  };

  const up: (Direction | null)[] = new Array(nv).fill(null);
  const down: (Direction | null)[] = new Array(nv).fill(null);
  const exactCache = new Map<string, [number, number]>();
  /** Identical right-hand sides (e.g. households in every period) are one problem. */
  const problemIds = new Map<string, string>();
  let seeded = false;
  let seed = 0x9e3779b9 ^ nv;
  const random = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };

  try {
    model.options.set({ output_flag: false });
    for (const field of fields) {
      const f = PUBLIC_FIELDS.indexOf(field);
      const bounded = nonNeg.has(field);
      const p = protection[field];
      for (let t = 0; t < P; t++) {
        const rhs = rhsOf(f, t);
        const rhsKey = `${bounded ? 'h' : 'f'}|${Array.from(rhs).join(',')}`;
        if (!problemIds.has(rhsKey)) problemIds.set(rhsKey, String(problemIds.size));
        const key = problemIds.get(rhsKey)!;
        const truth = comp.vars.map((c) => cellValue(c, f, t));
        const active: number[] = [];
        for (let v = 0; v < nv; v++) {
          const cell = comp.vars[v]!;
          if (households(table, cell % 3, Math.floor(cell / 3), t) > 0) active.push(v);
        }
        const need = new Float64Array(nv);
        const tol = new Float64Array(nv);
        for (let v = 0; v < nv; v++) {
          tol[v] = 1e-6 * Math.max(1, Math.abs(truth[v]!));
          if (p !== undefined && s.primary[comp.vars[v]!]) need[v] = p * Math.abs(truth[v]!) + 1e-9 * Math.max(1, Math.abs(truth[v]!));
        }
        // Proved reach: the highest and lowest value of each cell at a feasible point found.
        const hi = Float64Array.from(truth);
        const lo = Float64Array.from(truth);
        const okUp = (v: number) => (need[v]! > 0 ? hi[v]! - truth[v]! >= need[v]! : hi[v]! - lo[v]! > tol[v]!);
        const okDown = (v: number) => (need[v]! > 0 ? truth[v]! - lo[v]! >= need[v]! : hi[v]! - lo[v]! > tol[v]!);
        const record = (x: Float64Array | null) => {
          if (!x) return;
          for (let v = 0; v < nv; v++) {
            if (x[v]! > hi[v]!) {
              hi[v] = x[v]!;
              if (!up[v]) up[v] = direction(x, truth, v, 1);
            }
            if (x[v]! < lo[v]!) {
              lo[v] = x[v]!;
              if (!down[v]) down[v] = direction(x, truth, v, -1);
            }
          }
        };
        if (!exact) {
          for (const v of active) {
            hi[v] = truth[v]! + (bounded ? reach(up[v]!, truth, 1) : up[v] ? Infinity : 0);
            lo[v] = truth[v]! - (bounded ? reach(down[v]!, truth, -1) : down[v] ? Infinity : 0);
          }
        }
        let pending = active.filter((v) => !okUp(v) || !okDown(v));
        if (!pending.length) continue;
        setProblem(key, rhs, bounded, truth);
        if (!exact && nv > SMALL_COMPONENT && pending.length > 4) {
          if (!seeded) {
            seeded = true;
            for (let k = 0; k < RANDOM_OBJECTIVES; k++) {
              const cost = new Float64Array(nv);
              for (let v = 0; v < nv; v++) cost[v] = (random() < 0.5 ? -1 : 1) / Math.max(1, Math.abs(truth[v]!));
              record(solveDense(cost, k % 2 === 0).x);
            }
          }
          for (let round = 0; round < GROUP_ROUNDS && pending.length; round++) {
            const costUp = new Float64Array(nv);
            const costDown = new Float64Array(nv);
            let anyUp = false;
            let anyDown = false;
            for (const v of pending) {
              if (!okUp(v)) (costUp[v] = 1 / Math.max(1, Math.abs(truth[v]!))), (anyUp = true);
              if (!okDown(v)) (costDown[v] = 1 / Math.max(1, Math.abs(truth[v]!))), (anyDown = true);
            }
            if (anyUp) record(solveDense(costUp, false).x);
            if (anyDown) record(solveDense(costDown, true).x);
            const left = pending.filter((v) => !okUp(v) || !okDown(v));
            if (left.length === pending.length) break;
            pending = left;
          }
          pending = pending.filter((v) => !okUp(v) || !okDown(v));
        }
        for (const v of pending) {
          const cacheKey = `${v}|${key}`;
          let range = exactCache.get(cacheKey);
          if (!range) {
            const a = solve(v, true);
            const b = solve(v, false);
            record(a.x);
            record(b.x);
            range = [a.obj, b.obj];
            exactCache.set(cacheKey, range);
          }
          const [min, max] = range;
          const cell = comp.vars[v]!;
          const r = Math.floor(cell / 3);
          const x = truth[v]!;
          const fail = (reason: AuditFailure['reason']) =>
            failures.push({ cell, code: table.codes[r]!, part: PARTS[cell % 3]!, field, year: table.periods[t]!.year, quarter: table.periods[t]!.quarter, value: x, min, max, reason });
          const slack = 2e-9 * Math.max(1, Math.abs(x));
          if (max - min <= tol[v]!) fail('pinned');
          else if (need[v]! > 0 && (min > x - need[v]! + slack || max < x + need[v]! - slack)) fail('unprotected');
        }
      }
    }
  } finally {
    model.dispose();
  }
  return { failures, lpRuns };
}

/** A direction of movement, sparse: the cells it moves and by how much per unit of cell v. */
interface Direction {
  index: Int32Array;
  delta: Float64Array;
}

/**
 * A direction of movement of cell v from an LP optimum: (x − t) / (x_v − t_v) for the upward one
 * (sign 1), (t − x) / (t_v − x_v) for the downward one, so its v entry is 1; entries that are
 * rounding noise are dropped. Null when the optimum does not move the cell.
 */
function direction(x: Float64Array | null, t: number[], v: number, sign: 1 | -1): Direction | null {
  if (!x) return null;
  const step = sign * (x[v]! - t[v]!);
  if (!(step > 1e-9 * Math.max(1, Math.abs(t[v]!)))) return null;
  const index: number[] = [];
  const delta: number[] = [];
  for (let j = 0; j < t.length; j++) {
    const dj = j === v ? 1 : (sign * (x[j]! - t[j]!)) / step;
    if (Math.abs(dj) < 1e-9) continue;
    index.push(j);
    delta.push(dj);
  }
  return { index: Int32Array.from(index), delta: Float64Array.from(delta) };
}

/**
 * How far cell v can provably move (sign 1: up, −1: down) along direction d from the true values t
 * while every cell stays ≥ 0: the largest λ with t + sign·λ·d ≥ 0. Zero without a direction.
 */
function reach(d: Direction | null, t: number[], sign: 1 | -1): number {
  if (!d) return 0;
  let lambda = Infinity;
  for (let i = 0; i < d.index.length; i++) {
    const dj = sign * d.delta[i]!;
    if (dj < 0) lambda = Math.min(lambda, Math.max(0, t[d.index[i]!]!) / -dj);
  }
  return lambda;
}

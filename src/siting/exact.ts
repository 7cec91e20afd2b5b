import type { Highs } from 'highs';
import { orderByGain, type CoverageModel } from './coverage';
import type { GreedyStep } from './greedy';

/**
 * The maximal covering location problem as an integer programme (Church & ReVelle 1974):
 *   maximise Σ v_i y_i  subject to  y_i ≤ Σ_{j covers i} x_j,  Σ x_j ≤ k,  x_j ∈ {0, 1},  0 ≤ y_i ≤ 1,
 * over the demand not already covered by existing facilities. Before it goes to the solver the
 * model is reduced without changing its optimum: demand no candidate reaches and candidates that
 * reach nothing are dropped, candidates with the same cover are one column, and demand points
 * reached by the same candidates are one row (values added). `y` needs no integrality: with `x`
 * integral, each y_i is 1 exactly when some chosen site covers i.
 *
 * HiGHS (npm `highs`, wasm) solves it with both gap tolerances at zero, so "Optimal" is a proof;
 * at the time limit the best solution found is returned with the solver's upper bound. The greedy
 * solution is given to the solver as its first incumbent.
 */
export interface ExactOptions {
  /** Seconds before the solver stops with its best solution and bound. */
  timeLimitS: number;
  /** Called from inside the solve (synchronously) with the incumbent and bound, at most every `progressEveryMs`. */
  onProgress?: (p: { incumbent: number; bound: number; elapsedMs: number; nodes: number }) => void;
  progressEveryMs?: number;
  /** A starting solution (candidate indices), e.g. the greedy one. */
  start?: readonly number[];
  /** Further HiGHS options (names as HiGHS spells them). */
  solverOptions?: Record<string, number | string | boolean>;
}

export interface ExactOutcome {
  /** Candidate indices of the solution in greedy order with their marginal gains (zero-gain sites dropped). */
  sites: { candidate: number; gain: number; weightedGain: number }[];
  /** Objective value of the solution (weighted count when weighted, else households). */
  objective: number;
  /** Upper bound on the objective; equals `objective` when optimal. */
  bound: number;
  optimal: boolean;
  status: string;
  /** Size of the programme after reduction. */
  columns: number;
  rows: number;
  nonzeros: number;
  elapsedMs: number;
}

interface Reduced {
  /** Original candidate index of each column. */
  columns: number[];
  /** Per row: its value and the columns (ascending) that cover it. */
  rowValue: number[];
  rowColumns: number[][];
}

/**
 * Leaves out candidates whose cover (of demand with value) lies inside another candidate's
 * cover: some optimum never needs them (swap each for its dominator). Covers are distinct here.
 * The dominators of a candidate must cover its first demand point, so only those are compared.
 */
function dropDominated(model: CoverageModel, columns: number[]): number[] {
  const cover = new Map(columns.map((j) => [j, Int32Array.from([...model.covers[j]].filter((i) => model.value[i] > 0))]));
  const reach: number[][] = model.demand.map(() => []);
  for (const j of columns) for (const i of cover.get(j)!) reach[i].push(j);
  const mark = new Int32Array(model.demand.length).fill(-1);
  const kept: number[] = [];
  for (const j of columns) {
    const cj = cover.get(j)!;
    for (const i of cj) mark[i] = j;
    let dominated = false;
    for (const other of reach[cj[0]]) {
      if (other === j) continue;
      const co = cover.get(other)!;
      if (co.length < cj.length) continue;
      // Is cj ⊆ co? Count co's elements marked with j.
      let inside = 0;
      for (const i of co) if (mark[i] === j) inside++;
      if (inside === cj.length && (co.length > cj.length || model.candidates[other].code < model.candidates[j].code)) {
        dominated = true;
        break;
      }
    }
    if (!dominated) kept.push(j);
  }
  return kept;
}

function reduce(model: CoverageModel): Reduced {
  // Columns: candidates with a non-empty cover, one per distinct cover (the smallest code kept).
  const byCover = new Map<string, number>();
  for (let j = 0; j < model.candidates.length; j++) {
    const cover = model.covers[j];
    let any = false;
    for (const i of cover) if (model.value[i] > 0) any = true;
    if (!any) continue;
    const key = cover.join(',');
    const kept = byCover.get(key);
    if (kept === undefined || model.candidates[j].code < model.candidates[kept].code) byCover.set(key, j);
  }
  const columns = dropDominated(model, [...byCover.values()].sort((a, b) => a - b));
  // Rows: demand points by the set of columns that reach them.
  const reach: number[][] = model.demand.map(() => []);
  columns.forEach((j, c) => {
    for (const i of model.covers[j]) reach[i].push(c);
  });
  const rows = new Map<string, { value: number; cols: number[] }>();
  for (let i = 0; i < reach.length; i++) {
    if (!reach[i].length || !(model.value[i] > 0)) continue;
    const key = reach[i].join(',');
    const r = rows.get(key);
    if (r) r.value += model.value[i];
    else rows.set(key, { value: model.value[i], cols: reach[i] });
  }
  const list = [...rows.values()];
  return { columns, rowValue: list.map((r) => r.value), rowColumns: list.map((r) => r.cols) };
}

function objectiveOf(model: CoverageModel, chosen: readonly number[]): number {
  const mask = new Uint8Array(model.demand.length);
  let v = 0;
  for (const j of chosen)
    for (const i of model.covers[j]) {
      if (mask[i]) continue;
      mask[i] = 1;
      v += model.value[i];
    }
  return v;
}

export function solveExact(highs: Highs, model: CoverageModel, k: number, options: ExactOptions): ExactOutcome {
  const t0 = Date.now();
  const red = reduce(model);
  const nx = red.columns.length;
  const ny = red.rowValue.length;
  const finish = (chosen: number[], bound: number, optimal: boolean, status: string): ExactOutcome => {
    const sites = orderByGain(model, chosen);
    const objective = objectiveOf(model, sites.map((s) => s.candidate));
    return { sites, objective, bound: optimal ? objective : Math.max(bound, objective), optimal, status, columns: nx, rows: ny, nonzeros: red.rowColumns.reduce((a, r) => a + r.length, 0), elapsedMs: Date.now() - t0 };
  };
  // Every column fits: taking them all covers everything coverable.
  if (nx <= k) return finish(red.columns, 0, true, 'all candidates fit');
  const total = red.rowValue.reduce((a, b) => a + b, 0);
  const start = options.start ?? [];
  if (start.length && objectiveOf(model, start) >= total) return finish([...start], total, true, 'start covers all coverable demand');

  // Columns 0…nx−1 are x (binary), nx…nx+ny−1 are y. Rows 0…ny−1: y_i − Σ x_j ≤ 0; row ny: Σ x ≤ k.
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (let r = 0; r < ny; r++) {
    for (const c of red.rowColumns[r]) {
      indices.push(c);
      values.push(-1);
    }
    indices.push(nx + r);
    values.push(1);
    starts.push(indices.length);
  }
  for (let c = 0; c < nx; c++) {
    indices.push(c);
    values.push(1);
  }
  starts.push(indices.length);
  const numCols = nx + ny;
  const colCost = new Float64Array(numCols);
  for (let r = 0; r < ny; r++) colCost[nx + r] = red.rowValue[r];
  const integrality = new Int32Array(numCols);
  integrality.fill(highs.constants.variableType.integer, 0, nx);
  const rowLower = new Float64Array(ny + 1).fill(-highs.infinity);
  const rowUpper = new Float64Array(ny + 1);
  rowUpper[ny] = k;

  const model_ = highs.createModel({
    numCols,
    numRows: ny + 1,
    sense: highs.constants.objectiveSense.maximize,
    colCost,
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(1),
    rowLower,
    rowUpper,
    matrix: { format: 'csr', numRows: ny + 1, numCols, starts, indices, values },
    integrality,
  } as Parameters<Highs['createModel']>[0]);
  try {
    model_.options.set({ output_flag: false, time_limit: options.timeLimitS, mip_rel_gap: 0, mip_abs_gap: 1e-7, ...options.solverOptions });
    if (start.length) {
      const colOf = new Map(red.columns.map((j, c) => [j, c]));
      const colValue = new Float64Array(numCols);
      const coverKey = (j: number) => model.covers[j].join(',');
      const keyToCol = new Map(red.columns.map((j, c) => [coverKey(j), c]));
      for (const j of start) {
        const c = colOf.get(j) ?? keyToCol.get(coverKey(j));
        if (c !== undefined) colValue[c] = 1;
      }
      for (let r = 0; r < ny; r++) colValue[nx + r] = red.rowColumns[r].some((c) => colValue[c] === 1) ? 1 : 0;
      model_.setSolution({ colValue });
    }
    let last = 0;
    const every = options.progressEveryMs ?? 250;
    const callbacks = options.onProgress
      ? {
          [highs.constants.callbackType.mipInterrupt]: (event: { data: { mip_primal_bound?: number; mip_dual_bound?: number; mip_node_count?: bigint } }) => {
            const now = Date.now();
            if (now - last < every) return;
            last = now;
            const d = event.data;
            options.onProgress!({
              incumbent: Number.isFinite(d.mip_primal_bound) ? d.mip_primal_bound! : 0,
              bound: Number.isFinite(d.mip_dual_bound) ? d.mip_dual_bound! : total,
              elapsedMs: now - t0,
              nodes: Number(d.mip_node_count ?? 0n),
            });
          },
        }
      : undefined;
    model_.run(callbacks as Parameters<typeof model_.run>[0]);
    const status = model_.getModelStatus();
    const names = highs.constants.modelStatus;
    const solution = model_.getSolution();
    const chosen: number[] = [];
    const colValue = solution.colValue;
    if (colValue) for (let c = 0; c < nx; c++) if (colValue[c] > 0.5) chosen.push(red.columns[c]);
    let bound = total;
    try {
      const b = Number(model_.info.get('mip_dual_bound'));
      if (Number.isFinite(b)) bound = Math.min(total, b);
    } catch {
      // No bound reported: the coverable total bounds the objective.
    }
    const optimal = status === names.optimal;
    const label = Object.entries(names).find(([, v]) => v === status)?.[0] ?? String(status);
    // A starting solution better than what the solver returns (it should not happen) is kept.
    if (start.length && objectiveOf(model, start) > objectiveOf(model, chosen)) return finish([...start], bound, false, label);
    return finish(chosen, bound, optimal, label);
  } finally {
    model_.dispose();
  }
}

/** The greedy steps as the site list of a result (for callers holding both). */
export function greedySites(steps: readonly GreedyStep[]): { candidate: number; gain: number; weightedGain: number }[] {
  return steps.map((s) => ({ candidate: s.candidate, gain: s.gain, weightedGain: s.weightedGain }));
}

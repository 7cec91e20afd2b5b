/**
 * Primary and complementary cell suppression over the linked table (`table.ts`). Pure.
 *
 * A row's pattern is decided by two flags: `hideAll` (the plain columns null) and `hideMon` (the
 * `monitored_*` columns null). 脱贫 (tuopin) is derived by the page as all − monitored, so it is
 * hidden exactly when either flag is set: the allowed patterns are nothing, {tuopin, monitored},
 * {tuopin, all} and all three. The pattern is the same in every period and every figure.
 *
 * Primary: a cell with 1…k−1 households in any period. Cells with 0 households in every period are
 * published as zeros (nobody to protect) and never serve as complements. Complementary: every
 * equation (region = Σ children per part; all = tuopin + monitored per region) must hold 0 or at
 * least 2 hidden non-zero cells, and leave every hidden primary cell room to move by its protection
 * level within the equation (`shortOfRoom`). A single hidden cell is matched by hiding the member
 * whose hiding breaks the fewest other equations (hiding the equation's total counts as three),
 * avoiding cells with an empty period (no protection there), then the smallest by households; too
 * little room, by the largest. The audit (`audit.ts`) is the proof; `addComplementFor` answers its
 * failures.
 */
import { ALL, MON, PUBLIC_FIELDS, TUP, cellOf, equationsOf, households, value, type Equation, type LinkedTable, type PublicField } from './table';

export interface SuppressionState {
  table: LinkedTable;
  k: number;
  hideAll: Uint8Array;
  hideMon: Uint8Array;
  /** Per cell (`region * 3 + part`): 1 when primary. */
  primary: Uint8Array;
  /** Per cell: 1 when it has 0 households in every period. */
  zero: Uint8Array;
  /** Per cell: the fewest households it has in any period. */
  minHouseholds: Float64Array;
  /** Per cell: households summed over the periods (the cost of hiding it). */
  cost: Float64Array;
  equations: Equation[];
  /** Per region: the equations touching any of its cells. */
  touching: number[][];
  /** Protection levels of primary cells (field index, p), checked per equation by `shortOfRoom`. */
  protect: { field: number; p: number }[];
}

export function isHidden(s: SuppressionState, cell: number): boolean {
  const r = Math.floor(cell / 3);
  const p = cell % 3;
  if (p === ALL) return s.hideAll[r] === 1;
  if (p === MON) return s.hideMon[r] === 1;
  return s.hideAll[r] === 1 || s.hideMon[r] === 1;
}

export function hiddenCellCount(s: SuppressionState): number {
  let n = 0;
  for (let c = 0; c < s.table.codes.length * 3; c++) if (isHidden(s, c)) n++;
  return n;
}

/** Primary suppression only (the start of `suppress`). */
export function initialState(table: LinkedTable, k: number, protection: Partial<Record<PublicField, number>> = {}): SuppressionState {
  const n = table.codes.length;
  const P = table.periods.length;
  const cells = n * 3;
  const primary = new Uint8Array(cells);
  const zero = new Uint8Array(cells);
  const minHouseholds = new Float64Array(cells);
  const cost = new Float64Array(cells);
  for (let r = 0; r < n; r++) {
    for (let p = 0; p < 3; p++) {
      const c = cellOf(r, p);
      let min = Infinity;
      let sum = 0;
      let prim = false;
      for (let t = 0; t < P; t++) {
        const h = households(table, p, r, t);
        if (h > 0 && h < k) prim = true;
        min = Math.min(min, h);
        sum += h;
      }
      primary[c] = prim ? 1 : 0;
      zero[c] = sum === 0 ? 1 : 0;
      minHouseholds[c] = P ? min : 0;
      cost[c] = sum;
    }
  }
  const equations = equationsOf(table);
  const touching: number[][] = table.codes.map(() => []);
  equations.forEach((eq, e) => {
    const regions = new Set<number>();
    for (const c of eq.cells) regions.add(Math.floor(c / 3));
    for (const r of regions) touching[r]!.push(e);
  });
  const protect = Object.entries(protection)
    .filter(([, p]) => p !== undefined && p > 0)
    .map(([f, p]) => ({ field: PUBLIC_FIELDS.indexOf(f as PublicField), p: p! }));
  const s: SuppressionState = { table, k, hideAll: new Uint8Array(n), hideMon: new Uint8Array(n), primary, zero, minHouseholds, cost, equations, touching, protect };
  for (let r = 0; r < n; r++) {
    if (primary[cellOf(r, ALL)]) s.hideAll[r] = 1;
    if (primary[cellOf(r, MON)]) s.hideMon[r] = 1;
  }
  // A primary tuopin cell needs all or monitored hidden: the cheaper of the two.
  for (let r = 0; r < n; r++) {
    if (!primary[cellOf(r, TUP)] || s.hideAll[r] || s.hideMon[r]) continue;
    const best = bestAction(s, [cellOf(r, TUP)]);
    apply(s, best!);
  }
  return s;
}

function hiddenNonZero(s: SuppressionState, eq: Equation): number {
  let n = 0;
  for (const c of eq.cells) if (!s.zero[c] && isHidden(s, c)) n++;
  return n;
}

export function violated(s: SuppressionState, e: number): boolean {
  const eq = s.equations[e]!;
  const n = hiddenNonZero(s, eq);
  return n === 1 || (n > 1 && shortOfRoom(s, eq));
}

/**
 * Within one equation Σ c_j·x_j = const, a hidden primary cell i can rise only as far as the hidden
 * cells on its side (same sign) can fall to 0, unless one on the other side is hidden; and fall
 * only as far as those on the other side can, unless another on its side is hidden. True when, for
 * a protected figure in some period, that room is below p·|x_i|: the equation alone already
 * narrows the cell too much (necessary for the audit to pass, not sufficient).
 */
function shortOfRoom(s: SuppressionState, eq: Equation): boolean {
  if (!s.protect.length) return false;
  const t = s.table;
  const P = t.periods.length;
  const hidden: number[] = [];
  for (let j = 0; j < eq.cells.length; j++) if (isHidden(s, eq.cells[j]!)) hidden.push(j);
  for (const i of hidden) {
    const ci = eq.cells[i]!;
    if (!s.primary[ci]) continue;
    let same = false;
    let other = false;
    for (const j of hidden) {
      if (j === i) continue;
      if (eq.coefs[j]! * eq.coefs[i]! > 0) same = true;
      else other = true;
    }
    for (const { field, p } of s.protect) {
      for (let tt = 0; tt < P; tt++) {
        const xi = Math.abs(value(t, ci % 3, field, Math.floor(ci / 3), tt));
        if (xi === 0 || households(t, ci % 3, Math.floor(ci / 3), tt) === 0) continue;
        let upRoom = 0;
        let downRoom = 0;
        for (const j of hidden) {
          if (j === i) continue;
          const cj = eq.cells[j]!;
          const xj = Math.max(0, value(t, cj % 3, field, Math.floor(cj / 3), tt));
          if (eq.coefs[j]! * eq.coefs[i]! > 0) upRoom += xj;
          else downRoom += xj;
        }
        if (!other && upRoom < p * xi) return true;
        if (!same && downRoom < p * xi) return true;
      }
    }
  }
  return false;
}

/** An action: set `hideAll` (flag 0) or `hideMon` (flag 1) of a region. */
interface Action {
  region: number;
  flag: 0 | 1;
}

function apply(s: SuppressionState, a: Action): void {
  (a.flag === 0 ? s.hideAll : s.hideMon)[a.region] = 1;
}

function undo(s: SuppressionState, a: Action): void {
  (a.flag === 0 ? s.hideAll : s.hideMon)[a.region] = 0;
}

function actionsFor(s: SuppressionState, cell: number): Action[] {
  if (s.zero[cell] || isHidden(s, cell)) return [];
  const r = Math.floor(cell / 3);
  const p = cell % 3;
  if (p === ALL) return [{ region: r, flag: 0 }];
  if (p === MON) return [{ region: r, flag: 1 }];
  const out: Action[] = [];
  if (!s.zero[cellOf(r, ALL)]) out.push({ region: r, flag: 0 });
  if (!s.zero[cellOf(r, MON)]) out.push({ region: r, flag: 1 });
  return out;
}

/**
 * Score of an action, lower is better: equations left with a single hidden cell around the region,
 * then 1 if the directly hidden cell has a period without households (it protects nothing there),
 * then its households over all periods.
 */
function score(s: SuppressionState, a: Action, preferLarge: boolean, total = false): [number, number, number] {
  apply(s, a);
  // Hiding an equation's total (its parent) counts as three more equations to mend (a row hidden
  // breaks up to two at the level above, all and tuopin): it moves the problem a level up, and a
  // region's total is the figure most wanted on screen.
  let broken = total ? 3 : 0;
  for (const e of s.touching[a.region]!) if (violated(s, e)) broken++;
  undo(s, a);
  const cell = cellOf(a.region, a.flag === 0 ? ALL : MON);
  const weak = s.minHouseholds[cell]! < s.k ? 1 : 0;
  return [broken, weak, preferLarge ? -s.cost[cell]! : s.cost[cell]!];
}

function better(a: [number, number, number], b: [number, number, number]): boolean {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

function bestAction(s: SuppressionState, cells: ArrayLike<number>, preferLarge = false, totalFirst = false): Action | null {
  let best: Action | null = null;
  let bestScore: [number, number, number] | null = null;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    for (const a of actionsFor(s, c)) {
      const sc = score(s, a, preferLarge, totalFirst && i === 0);
      if (!bestScore || better(sc, bestScore)) {
        best = a;
        bestScore = sc;
      }
    }
  }
  return best;
}

/** Complementary suppression until no equation has exactly one hidden non-zero cell. */
export function closeEquations(s: SuppressionState): void {
  const inQueue = new Uint8Array(s.equations.length).fill(1);
  const queue: number[] = s.equations.map((_, e) => e);
  while (queue.length) {
    const e = queue.pop()!;
    inQueue[e] = 0;
    if (!violated(s, e)) continue;
    const single = hiddenNonZero(s, s.equations[e]!) === 1;
    // One hidden cell: the cheapest partner; too little room: the member with most households.
    const a = bestAction(s, s.equations[e]!.cells, !single, true);
    if (!a) {
      if (single) throw new Error('Suppression: an equation with one hidden cell has no other cell to hide');
      continue; // Nothing left to hide in it; the audit decides.
    }
    apply(s, a);
    for (const e2 of s.touching[a.region]!) {
      if (!inQueue[e2]) {
        inQueue[e2] = 1;
        queue.push(e2);
      }
    }
  }
}

/** Primary then complementary suppression. */
export function suppress(table: LinkedTable, k: number, protection: Partial<Record<PublicField, number>> = {}): SuppressionState {
  const s = initialState(table, k, protection);
  closeEquations(s);
  return s;
}

/**
 * After a failed audit of `cell`: hides one more published non-zero cell of an equation the cell is
 * in (the one with most households, so that it widens the cell's range most), then closes the
 * equations again. Returns false when no equation of the cell has a cell left to hide.
 */
export function addComplementFor(s: SuppressionState, cell: number): boolean {
  const r = Math.floor(cell / 3);
  const candidates: number[] = [];
  for (const e of s.touching[r]!) {
    const eq = s.equations[e]!;
    if (!eq.cells.includes(cell)) continue;
    for (const c of eq.cells) if (c !== cell) candidates.push(c);
  }
  // Also the row's other cells (a hidden tuopin cell is widened by hiding its row's other part).
  for (let p = 0; p < 3; p++) if (cellOf(r, p) !== cell) candidates.push(cellOf(r, p));
  const a = bestAction(s, candidates, true);
  if (!a) return false;
  apply(s, a);
  closeEquations(s);
  return true;
}

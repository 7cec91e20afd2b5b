import type { CoverageModel } from './coverage';

export interface GreedyStep {
  candidate: number;
  /** Households newly covered by this site. */
  gain: number;
  weightedGain: number;
  /** Objective value newly covered (weighted count when weighted, else households). */
  value: number;
}

/**
 * The greedy algorithm for maximal coverage, lazily evaluated (Minoux): a site's gain can only
 * fall as others are taken, so a stale gain is an upper bound; the best candidate is re-evaluated
 * and taken once its gain is current. Ties go to the smaller village code, so the result is the
 * plain greedy algorithm's under that rule. Stops before `k` when no candidate adds anything.
 */
export function greedy(model: CoverageModel, k: number): GreedyStep[] {
  const n = model.candidates.length;
  const codes = model.candidates.map((c) => c.code);
  const bound = new Float64Array(n);
  const stamp = new Int32Array(n);
  const covered = new Uint8Array(model.demand.length);
  const heap: number[] = [];
  // Max-heap on (bound desc, code asc).
  const above = (a: number, b: number) => bound[a] > bound[b] || (bound[a] === bound[b] && codes[a] < codes[b]);
  const push = (j: number) => {
    heap.push(j);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!above(heap[i], heap[p])) break;
      [heap[i], heap[p]] = [heap[p], heap[i]];
      i = p;
    }
  };
  const pop = (): number => {
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && above(heap[l], heap[m])) m = l;
        if (r < heap.length && above(heap[r], heap[m])) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
    return top;
  };
  const gainOf = (j: number) => {
    let v = 0;
    for (const i of model.covers[j]) if (!covered[i]) v += model.value[i];
    return v;
  };
  for (let j = 0; j < n; j++) {
    bound[j] = gainOf(j);
    if (bound[j] > 0) push(j);
  }
  const steps: GreedyStep[] = [];
  let round = 0;
  while (steps.length < k && heap.length) {
    const j = pop();
    if (stamp[j] !== round) {
      bound[j] = gainOf(j);
      stamp[j] = round;
      if (bound[j] > 0) push(j);
      continue;
    }
    if (bound[j] <= 0) break;
    let gain = 0;
    let weightedGain = 0;
    for (const i of model.covers[j]) {
      if (covered[i]) continue;
      covered[i] = 1;
      gain += model.demand[i].households;
      weightedGain += model.demand[i].weighted;
    }
    steps.push({ candidate: j, gain, weightedGain, value: bound[j] });
    round++;
  }
  return steps;
}

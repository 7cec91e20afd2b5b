import type { Highs } from 'highs';
import { buildCoverage, sumMarked, type CoverageModel } from './coverage';
import { demandPoints, formatWeights, hasWeights, type DemandCell, type SitingPopulation, type Village, type Weights } from './demand';
import { solveExact, type ExactOptions } from './exact';
import type { LonLat } from './geo';
import { greedy } from './greedy';

export type SitingMethod = 'greedy' | 'exact';
export const SITING_METHODS: readonly SitingMethod[] = ['greedy', 'exact'];
/** Seconds the exact method may run before it returns its best solution and bound. */
export const DEFAULT_TIME_LIMIT_S = 60;

/** One question: CONTRACT.md "Site selection". */
export interface SitingQuestion {
  population: SitingPopulation;
  year: number;
  kind: string;
  radiusKm: number;
  k: number;
  /** 12-digit code of the scope. */
  scope: string;
  method: SitingMethod;
  weights?: Weights;
  timeLimitS?: number;
}

/** What the question is asked of: the scope's demand cells and villages, and the existing facilities of the kind. */
export interface SitingData {
  cells: readonly DemandCell[];
  /** The scope's village centres: the candidates, and where demand is placed. */
  villages: readonly Village[];
  existing: readonly LonLat[];
}

export interface SiteRow {
  villageCode: string;
  name: string;
  lon: number;
  lat: number;
  /** Households newly covered by this site, after the sites before it. */
  gain: number;
  weightedGain?: number;
}

export interface CurvePoint {
  k: number;
  covered: number;
  weightedCovered?: number;
}

/**
 * The answer, CONTRACT.md's JSON: counts are households; with weights the `weighted*` fields give
 * the weighted counts, the sites are chosen for the weighted count, and `bound` bounds it.
 * `bound` is an upper bound on what any k new sites could newly cover (equal to `covered`, or
 * `weightedCovered`, when `optimal`). Beyond the contract: `weights`, `unplaced` (households whose
 * village has no centre), `status`, `gap`, `elapsedMs`, `candidates`, `demandVillages`.
 */
export interface SitingResult {
  population: SitingPopulation;
  year: number;
  kind: string;
  radiusKm: number;
  k: number;
  scope: string;
  method: SitingMethod;
  weights?: string;
  demandTotal: number;
  coveredByExisting: number;
  covered: number;
  weightedDemandTotal?: number;
  weightedCoveredByExisting?: number;
  weightedCovered?: number;
  optimal: boolean;
  bound: number;
  /** (bound − objective) / bound, 0 when optimal. */
  gap: number;
  status: string;
  sites: SiteRow[];
  curve: CurvePoint[];
  unplaced: number;
  candidates: number;
  demandVillages: number;
  elapsedMs: number;
}

export function checkQuestion(q: SitingQuestion): void {
  if (!Number.isFinite(q.radiusKm) || q.radiusKm < 0) throw new Error(`--radius must be a non-negative number of km, not ${q.radiusKm}`);
  if (q.radiusKm > 1000) throw new Error(`--radius ${q.radiusKm} km is more than 1,000 km`);
  if (!Number.isInteger(q.k) || q.k < 1) throw new Error(`--k must be a whole number ≥ 1, not ${q.k}`);
  if (q.k > 10000) throw new Error(`--k ${q.k} is more than 10,000`);
  if (!/^\d{12}$/.test(q.scope)) throw new Error(`--scope must be a 12-digit region code, not ${q.scope}`);
  if (!SITING_METHODS.includes(q.method)) throw new Error(`--method must be greedy or exact, not ${q.method}`);
}

/** The coverage model of a question (demand placed at village centres, existing facilities applied). */
export function coverageFor(q: SitingQuestion, data: SitingData): { model: CoverageModel; unplaced: number } {
  const demand = demandPoints(data.cells, data.villages, q.population, q.weights);
  const model = buildCoverage({ demand: demand.points, candidates: data.villages, existing: data.existing, radiusKm: q.radiusKm, weighted: hasWeights(q.weights) });
  return { model, unplaced: demand.unplaced };
}

/**
 * An upper bound on the greedy question's optimum from what greedy saw: the k largest single-site
 * gains add up to at least the optimum, greedy reaches at least 1 − (1 − 1/k)^k of it, and no
 * solution covers more than the coverable demand.
 */
function greedyBound(model: CoverageModel, k: number, greedyValue: number): number {
  const singles = model.covers.map((c) => c.reduce((s, i) => s + model.value[i], 0)).sort((a, b) => b - a);
  const topK = singles.slice(0, k).reduce((a, b) => a + b, 0);
  const reach = new Uint8Array(model.demand.length);
  for (const c of model.covers) for (const i of c) reach[i] = 1;
  let coverable = 0;
  for (let i = 0; i < reach.length; i++) if (reach[i]) coverable += model.value[i];
  const ratio = 1 - (1 - 1 / k) ** k;
  return Math.min(topK, coverable, greedyValue / ratio);
}

/**
 * Answers a question. `highs` (a loaded HiGHS module) is needed for `exact`; the greedy method
 * needs nothing. The same function serves `npm run site` and the app's siting view.
 */
export function suggestSites(q: SitingQuestion, data: SitingData, highs?: Highs, exactOptions?: Partial<ExactOptions>): SitingResult {
  checkQuestion(q);
  const t0 = Date.now();
  const { model, unplaced } = coverageFor(q, data);
  const weighted = model.weighted;
  const all = new Uint8Array(model.demand.length).fill(1);
  const total = sumMarked(model, all);
  const existing = sumMarked(model, model.coveredByExisting);
  const steps = greedy(model, q.k);
  const curve: CurvePoint[] = [];
  let households = 0;
  let weightedSum = 0;
  for (let k = 1; k <= q.k; k++) {
    const s = steps[k - 1];
    if (s) {
      households += s.gain;
      weightedSum += s.weightedGain;
    }
    curve.push(weighted ? { k, covered: households, weightedCovered: weightedSum } : { k, covered: households });
  }
  const greedyValue = weighted ? weightedSum : households;
  let sites: { candidate: number; gain: number; weightedGain: number }[];
  let optimal: boolean;
  let bound: number;
  let status: string;
  if (q.method === 'greedy') {
    sites = steps.map((s) => ({ candidate: s.candidate, gain: s.gain, weightedGain: s.weightedGain }));
    bound = Math.max(greedyValue, greedyBound(model, q.k, greedyValue));
    optimal = greedyValue >= bound - 1e-9;
    if (optimal) bound = greedyValue;
    status = optimal ? 'greedy solution proved optimal by its bound' : 'greedy';
  } else {
    if (!highs) throw new Error('The exact method needs the HiGHS solver');
    const out = solveExact(highs, model, q.k, { timeLimitS: q.timeLimitS ?? DEFAULT_TIME_LIMIT_S, ...exactOptions, start: steps.map((s) => s.candidate) });
    sites = out.sites;
    optimal = out.optimal;
    bound = out.bound;
    status = out.status;
  }
  const covered = sites.reduce((a, s) => a + s.gain, 0);
  const weightedCovered = sites.reduce((a, s) => a + s.weightedGain, 0);
  const objective = weighted ? weightedCovered : covered;
  const result: SitingResult = {
    population: q.population,
    year: q.year,
    kind: q.kind,
    radiusKm: q.radiusKm,
    k: q.k,
    scope: q.scope,
    method: q.method,
    ...(weighted ? { weights: formatWeights(q.weights) } : {}),
    demandTotal: total.households,
    coveredByExisting: existing.households,
    covered,
    ...(weighted ? { weightedDemandTotal: total.weighted, weightedCoveredByExisting: existing.weighted, weightedCovered } : {}),
    optimal,
    bound,
    gap: optimal || bound <= 0 ? 0 : (bound - objective) / bound,
    status,
    sites: sites.map((s) => {
      const v = model.candidates[s.candidate];
      const row: SiteRow = { villageCode: v.code, name: v.name, lon: v.lon, lat: v.lat, gain: s.gain };
      if (weighted) row.weightedGain = s.weightedGain;
      return row;
    }),
    curve,
    unplaced,
    candidates: model.candidates.length,
    demandVillages: model.demand.length,
    elapsedMs: Date.now() - t0,
  };
  return result;
}

import { LatitudeIndex, type LonLat } from './geo';
import type { DemandPoint, Village } from './demand';

/**
 * The maximal covering location problem of one question: demand points (village centres with a
 * household count and a weighted count), candidate sites (village centres), existing facilities
 * and a radius. Demand within the radius of an existing facility is already covered and is left
 * out of every candidate's cover; the objective counts the rest, weighted or not.
 */
export interface CoverageModel {
  radiusKm: number;
  demand: readonly DemandPoint[];
  candidates: readonly Village[];
  /** 1 where the demand point is within the radius of an existing facility. */
  coveredByExisting: Uint8Array;
  /** Per candidate, the demand indices (ascending) it covers that no existing facility covers. */
  covers: Int32Array[];
  /** Objective value of each demand point: its weighted count when weighted, else its households. */
  value: Float64Array;
  weighted: boolean;
}

export function buildCoverage(args: {
  demand: readonly DemandPoint[];
  candidates: readonly Village[];
  existing: readonly LonLat[];
  radiusKm: number;
  weighted: boolean;
}): CoverageModel {
  const { demand, candidates, existing, radiusKm, weighted } = args;
  if (!(radiusKm >= 0) || !Number.isFinite(radiusKm)) throw new Error(`The radius must be a non-negative number of km, not ${radiusKm}`);
  const existingIndex = new LatitudeIndex(existing.filter((e) => Number.isFinite(e.lon) && Number.isFinite(e.lat)));
  const coveredByExisting = Uint8Array.from(demand, (d) => (existingIndex.any(d.lon, d.lat, radiusKm) ? 1 : 0));
  const demandIndex = new LatitudeIndex(demand);
  const covers = candidates.map((c) => Int32Array.from(demandIndex.within(c.lon, c.lat, radiusKm).filter((i) => !coveredByExisting[i])));
  const value = Float64Array.from(demand, (d) => (weighted ? d.weighted : d.households));
  return { radiusKm, demand, candidates, coveredByExisting, covers, value, weighted };
}

/** Households and weighted count of the demand points marked in `mask`. */
export function sumMarked(model: CoverageModel, mask: Uint8Array): { households: number; weighted: number } {
  let households = 0;
  let weighted = 0;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    households += model.demand[i].households;
    weighted += model.demand[i].weighted;
  }
  return { households, weighted };
}

/** What a set of chosen candidates newly covers, over the demand not covered by existing facilities. */
export function coverOf(model: CoverageModel, chosen: readonly number[]): Uint8Array {
  const mask = new Uint8Array(model.demand.length);
  for (const j of chosen) for (const i of model.covers[j]) mask[i] = 1;
  return mask;
}

/**
 * The chosen candidates ordered as the greedy algorithm would take them among themselves, each with
 * its marginal gain in that order; candidates that add nothing are dropped.
 */
export function orderByGain(model: CoverageModel, chosen: readonly number[]): { candidate: number; gain: number; weightedGain: number }[] {
  const covered = new Uint8Array(model.demand.length);
  const left = new Set(chosen);
  const out: { candidate: number; gain: number; weightedGain: number }[] = [];
  while (left.size) {
    let best = -1;
    let bestValue = 0;
    for (const j of left) {
      let v = 0;
      for (const i of model.covers[j]) if (!covered[i]) v += model.value[i];
      if (v > bestValue || (v === bestValue && best >= 0 && v > 0 && model.candidates[j].code < model.candidates[best].code)) {
        best = j;
        bestValue = v;
      }
    }
    if (best < 0) break;
    left.delete(best);
    let gain = 0;
    let weightedGain = 0;
    for (const i of model.covers[best]) {
      if (covered[i]) continue;
      covered[i] = 1;
      gain += model.demand[i].households;
      weightedGain += model.demand[i].weighted;
    }
    out.push({ candidate: best, gain, weightedGain });
  }
  return out;
}

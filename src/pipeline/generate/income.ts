import { Rng } from '../random';
import type { Households } from './households';
import type { ComponentShares, RegionProfile } from './profile';

export const COMPONENTS = ['wage', 'operating', 'property', 'transfer'] as const;
export type Component = (typeof COMPONENTS)[number];

/**
 * Decline causes of seed 002 §二(二) (1–8) by the income component whose fall they explain,
 * with relative frequency: 1 operating loss, 2 micro-loan ended, 3 job lost or wage cut,
 * 4 低保 removed, 5 subsidy reduced, 6 natural disaster, 7 assistance not delivered, 8 other.
 */
const CAUSES_BY_COMPONENT: Record<Component, [number, number][]> = {
  wage: [[3, 9], [8, 1]],
  operating: [[1, 11], [6, 5], [2, 3], [8, 1]],
  property: [[8, 6], [7, 4]],
  transfer: [[4, 8], [5, 8], [7, 3], [8, 1]],
};

/** Full-year (latent) incomes by year, component and household, plus who fell and why. */
export interface IncomePaths {
  years: number[];
  /** annual[yearIndex][componentIndex][household], yuan per household per year. */
  annual: Float64Array[][];
  /** cause[yearIndex][household]: 0 when income did not fall that year, else 1–8. */
  cause: Uint8Array[];
  /** employed[yearIndex][destination][household]: persons in work out of province / in province / in county. */
  employed: Uint8Array[][];
  /** Regional per-capita targets the paths were calibrated to, by year. */
  targets: number[];
}

function sharesFor(profile: RegionProfile, hasLabour: boolean): number[] {
  const mix: ComponentShares = hasLabour ? profile.income.mixWithLabour : profile.income.mixWithoutLabour;
  return COMPONENTS.map((c) => mix[c]);
}

/** Percentile rank (0 = lowest) of each value within its group (county). */
function percentileRanks(values: Float64Array, groups: string[]): Float64Array {
  const members = new Map<string, number[]>();
  for (let i = 0; i < values.length; i++) {
    const list = members.get(groups[i]);
    if (list) list.push(i);
    else members.set(groups[i], [i]);
  }
  const ranks = new Float64Array(values.length);
  for (const list of members.values()) {
    list.sort((a, b) => values[a] - values[b] || a - b);
    list.forEach((idx, r) => (ranks[idx] = list.length > 1 ? r / (list.length - 1) : 0));
  }
  return ranks;
}

/**
 * Draws every household's income path and calibrates it: the regional population-weighted
 * per-capita income hits the profile's base and growth exactly, households that fall keep
 * falling (only rising households absorb the calibration), and in the profile's low-income
 * year the number of households below the line whose income did not rise is hit by bisection.
 */
export function generateIncome(profile: RegionProfile, hh: Households, scale: number, seed: number): IncomePaths {
  const n = hh.count;
  const inc = profile.income;
  const years: number[] = [];
  for (let y = profile.years[0]; y <= profile.asOf.year; y++) years.push(y);
  // The population the base and growth describe: everyone (脱贫人口 + 监测对象), or 脱贫人口 that are not
  // monitoring objects (category tuopin, index 0; the targets engine's population `tuopin`).
  const mask = inc.calibrate === 'tuopin' ? Uint8Array.from(hh.category, (c) => (c === 0 ? 1 : 0)) : null;
  let totalPersons = 0;
  for (let i = 0; i < n; i++) if (!mask || mask[i]) totalPersons += hh.persons[i];

  const rng = new Rng(seed, 'income-base');
  const pc = new Float64Array(n);
  const shares: number[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const county = profile.counties[hh.county[i]];
    let f = county.level * rng.logNormalWithMean(1, inc.dispersion);
    if (hh.category[i] > 0) f *= inc.monitoredFactor;
    if (hh.safetyNet[i]) f *= inc.safetyNetFactor;
    pc[i] = inc.base.perCapita * f;
    const base = sharesFor(profile, hh.labour[i] > 0);
    const s = base.map((x) => x * Math.exp(0.3 * rng.normal()));
    const sum = s.reduce((a, b) => a + b, 0);
    shares[i] = s.map((x) => x / sum);
  }
  const targets: number[] = [inc.base.perCapita];
  scaleTo(pc, hh.persons, totalPersons, inc.base.perCapita, mask);

  const annual: Float64Array[][] = [COMPONENTS.map((_, c) => {
    const a = new Float64Array(n);
    for (let i = 0; i < n; i++) a[i] = pc[i] * hh.persons[i] * shares[i][c];
    return a;
  })];
  const cause: Uint8Array[] = [new Uint8Array(n)];

  let prevPc = pc;
  for (let yi = 1; yi < years.length; yi++) {
    const year = years[yi];
    const g = inc.growth[String(year)];
    const target = targets[yi - 1] * (1 + g);
    targets.push(target);
    const yr = new Rng(seed, `income-${year}`);
    const ranks = percentileRanks(prevPc, hh.county);
    const u = new Float64Array(n);
    const drop = new Float64Array(n);
    const riseG = new Float64Array(n);
    const fallW = new Float64Array(n);
    // Lower incomes are more volatile: the chance to fall decays with the income rank in the county
    // (within the county, so poorer counties do not grow slower merely for being poorer).
    const norm = (1 - Math.exp(-2)) / 2;
    const relocatedGrowth = inc.relocatedGrowth ?? 0;
    for (let i = 0; i < n; i++) {
      u[i] = yr.uniform();
      drop[i] = yr.between(0.02, 0.3);
      const county = profile.counties[hh.county[i]];
      riseG[i] = Math.max(0.01, g + 0.035 + county.growth + inc.growthNoise * yr.normal() + (hh.relocated[i] ? relocatedGrowth : 0));
      fallW[i] = ((inc.fallingShare * Math.exp(-2 * ranks[i])) / norm) * (hh.category[i] > 0 ? 1.4 : 1);
    }
    const next = new Float64Array(n);
    const evaluate = (m: number): void => {
      let fallIncome = 0;
      let riseBase = 0;
      let riseGrowth = 0;
      for (let i = 0; i < n; i++) {
        if (mask && !mask[i]) continue;
        const prevNet = prevPc[i] * hh.persons[i];
        if (u[i] < Math.min(0.95, m * fallW[i])) fallIncome += prevNet * (1 - drop[i]);
        else {
          riseBase += prevNet;
          riseGrowth += prevNet * riseG[i];
        }
      }
      const k = (target * totalPersons - fallIncome - riseBase) / riseGrowth;
      if (!(k > 0)) throw new Error(`Income calibration for ${year} impossible (k=${k}); lower fallingShare`);
      for (let i = 0; i < n; i++) {
        next[i] = u[i] < Math.min(0.95, m * fallW[i]) ? prevPc[i] * (1 - drop[i]) : prevPc[i] * (1 + k * riseG[i]);
      }
    };
    const low = profile.lowIncomeGroup;
    if (low && low.year === year) {
      const want = low.households * scale;
      const count = (): number => {
        let c = 0;
        for (let i = 0; i < n; i++) if (next[i] < low.line && next[i] <= prevPc[i]) c++;
        return c;
      };
      let lo = 0;
      let hi = 8;
      for (let step = 0; step < 40; step++) {
        const mid = (lo + hi) / 2;
        evaluate(mid);
        if (count() < want) lo = mid;
        else hi = mid;
      }
      evaluate((lo + hi) / 2);
    } else {
      evaluate(1);
    }

    const comps = COMPONENTS.map(() => new Float64Array(n));
    const yearCause = new Uint8Array(n);
    const prev = annual[yi - 1];
    for (let i = 0; i < n; i++) {
      const prevParts = COMPONENTS.map((_, c) => prev[c][i]);
      const prevNet = prevParts.reduce((a, b) => a + b, 0);
      const newNet = next[i] * hh.persons[i];
      if (newNet < prevNet) {
        const c = yr.weighted(prevParts);
        const table = CAUSES_BY_COMPONENT[COMPONENTS[c]];
        yearCause[i] = table[yr.weighted(table.map((t) => t[1]))][0];
        const d = prevNet - newNet;
        const take = Math.min(d, 0.85 * prevParts[c]);
        const rest = d - take;
        const others = prevNet - prevParts[c];
        for (let k = 0; k < COMPONENTS.length; k++) {
          comps[k][i] = k === c ? prevParts[k] - take : prevParts[k] - (others > 0 ? (rest * prevParts[k]) / others : 0);
        }
      } else {
        const drift = prevParts.map((x) => x * Math.exp(0.06 * yr.normal()));
        const sum = drift.reduce((a, b) => a + b, 0);
        for (let k = 0; k < COMPONENTS.length; k++) comps[k][i] = (drift[k] / sum) * newNet;
      }
    }
    annual.push(comps);
    cause.push(yearCause);
    prevPc = next;
  }

  const employed = years.map((year) =>
    profile.employment.target || profile.employment.atLeastOne ? drawEmploymentCalibrated(profile, hh, year, scale, seed) : drawEmployment(profile, hh, year, seed),
  );

  return { years, annual, cause, employed, targets };
}

/** Persons in work by destination, each labourer in work with the profile's rate (halved on 低保 / 特困). */
function drawEmployment(profile: RegionProfile, hh: Households, year: number, seed: number): Uint8Array[] {
  const n = hh.count;
  const er = new Rng(seed, `employment-${year}`);
  const e = profile.employment;
  const dest = [new Uint8Array(n), new Uint8Array(n), new Uint8Array(n)];
  const rate = e.perLabourRate * (1 + 0.015 * (year - profile.years[profile.years.length - 1]));
  for (let i = 0; i < n; i++) {
    const r = Math.min(0.95, rate * (hh.safetyNet[i] ? 0.5 : 1));
    for (let k = 0; k < hh.labour[i]; k++) {
      if (!er.chance(r)) continue;
      dest[er.weighted([e.outProvince, e.inProvince, e.inCounty])][i]++;
    }
  }
  return dest;
}

/**
 * Persons in work when the profile fixes a total (e.g. ≥2,500 脱贫人口 in work, seed 001 §二1.3)
 * and/or guarantees work to most households with labour: every labourer draws one uniform, the
 * rate that makes the population's employed persons hit the target is found by bisection, then
 * households left without work get one person in work with the `atLeastOne` share.
 */
function drawEmploymentCalibrated(profile: RegionProfile, hh: Households, year: number, scale: number, seed: number): Uint8Array[] {
  const n = hh.count;
  const e = profile.employment;
  const er = new Rng(seed, `employment-${year}`);
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i] + hh.labour[i];
  const draw = new Float64Array(start[n]);
  const where = new Uint8Array(start[n]);
  const guarantee = new Float64Array(n);
  const weights = [e.outProvince, e.inProvince, e.inCounty];
  for (let i = 0; i < n; i++) {
    for (let k = start[i]; k < start[i + 1]; k++) {
      draw[k] = er.uniform();
      where[k] = er.weighted(weights);
    }
    guarantee[i] = er.uniform();
  }
  const least = e.atLeastOne;
  const guaranteed = (i: number): boolean =>
    least !== undefined && guarantee[i] < (hh.relocated[i] ? least.relocatedWithLabour : least.withLabour);
  const inPopulation = (i: number): boolean => e.target?.population !== 'tuopin' || hh.category[i] === 0;
  const inWork = (i: number, k: number, rate: number): boolean => draw[k] < Math.min(0.95, rate * (hh.safetyNet[i] ? 0.5 : 1));
  let rate = e.perLabourRate;
  if (e.target) {
    // A labourer is in work iff draw < 0.95 and draw / factor < rate (factor 1, or 0.5 on 低保 / 特困:
    // a power of two, so the division is exact). So the population's persons in work at a rate are
    // the labourers whose threshold is below it, plus the guaranteed households whose every
    // threshold is at or above it: two sorted arrays and binary searches instead of a pass per step.
    const thresholds: number[] = [];
    const householdMin: number[] = [];
    for (let i = 0; i < n; i++) {
      if (!inPopulation(i) || hh.labour[i] === 0) continue;
      const factor = hh.safetyNet[i] ? 0.5 : 1;
      let min = Infinity;
      for (let k = start[i]; k < start[i + 1]; k++) {
        const t = draw[k] < 0.95 ? draw[k] / factor : Infinity;
        thresholds.push(t);
        if (t < min) min = t;
      }
      if (guaranteed(i)) householdMin.push(min);
    }
    const t = Float64Array.from(thresholds).sort();
    const m = Float64Array.from(householdMin).sort();
    const below = (xs: Float64Array, x: number): number => {
      let lo = 0;
      let hi = xs.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (xs[mid] < x) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const count = (r: number): number => below(t, r) + (m.length - below(m, r));
    const want = e.target.persons * scale * (e.target.byYear?.[String(year)] ?? 1);
    let lo = 0;
    let hi = 2;
    for (let step = 0; step < 40; step++) {
      const mid = (lo + hi) / 2;
      if (count(mid) < want) lo = mid;
      else hi = mid;
    }
    rate = (lo + hi) / 2;
  }
  const dest = [new Uint8Array(n), new Uint8Array(n), new Uint8Array(n)];
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let k = start[i]; k < start[i + 1]; k++) {
      if (!inWork(i, k, rate)) continue;
      dest[where[k]][i]++;
      m++;
    }
    if (m === 0 && hh.labour[i] > 0 && guaranteed(i)) dest[where[start[i]]][i]++;
  }
  return dest;
}

/** Multiplies per-capita values so the population-weighted mean over `mask` (default all) is `target`. */
function scaleTo(pc: Float64Array, persons: Uint8Array, totalPersons: number, target: number, mask: Uint8Array | null): void {
  let net = 0;
  for (let i = 0; i < pc.length; i++) if (!mask || mask[i]) net += pc[i] * persons[i];
  const f = (target * totalPersons) / net;
  for (let i = 0; i < pc.length; i++) pc[i] *= f;
}

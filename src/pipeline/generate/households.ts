import { isUrbanCommunity } from '../../domain/region-code';
import { Rng } from '../random';
import type { RegionNode, RegionTree } from '../geography/region-tree';
import type { RegionProfile } from './profile';

/** Household categories in file order: 脱贫户 and the three kinds of 监测对象 (seed 001 preamble). */
export const CATEGORIES = ['tuopin', 'unstable', 'marginal', 'sudden'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Management classes of "一户一画像" (seed 000 §四(二)). */
export const MGMT_CLASSES = ['high_quality', 'stable', 'key_monitoring', 'safety_net'] as const;

/** Development-type measures (CONTRACT.md households.measures) with relative frequency. */
const MEASURES: [string, number][] = [
  ['employment', 5],
  ['industry', 4],
  ['microcredit', 2],
  ['courtyard', 2],
  ['public_job', 1.5],
  ['workshop', 1.2],
  ['yulu', 1],
  ['dividend', 1.5],
];

/** Risk tags of monitoring objects (返贫致贫风险), with relative frequency. */
const RISKS: [string, number][] = [
  ['illness', 5],
  ['disability', 2.5],
  ['education', 1.5],
  ['unstable_employment', 2.5],
  ['industry_failure', 1.2],
  ['disaster', 1],
  ['accident', 0.8],
  ['labour_shortage', 1.5],
];

/** A relocation site (易地扶贫搬迁安置点) and the households moved there. */
export interface RelocationSite {
  id: string;
  county: string;
  village: RegionNode;
  households: number;
}

/** The household population, column by column (index = household). */
export interface Households {
  count: number;
  hhId: string[];
  village: RegionNode[];
  county: string[];
  persons: Uint8Array;
  labour: Uint8Array;
  category: Uint8Array;
  noLabour: Uint8Array;
  safetyNet: Uint8Array;
  relocated: Uint8Array;
  site: Int32Array;
  riskTags: string[][];
  measures: string[][];
  riskCleared: Uint8Array;
  /** Filled once incomes exist (see assignManagementClasses). */
  mgmtClass: Uint8Array;
  sites: RelocationSite[];
}

/** Splits `total` into integer parts proportional to `weights` (largest remainder). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k][1]]++;
  return parts;
}

/**
 * An opaque household id: the index scrambled by an invertible 32-bit mix, so ids are unique,
 * stable for a seed, and reveal neither the village nor the order of the files.
 */
export function householdId(index: number, seed: number): string {
  let x = (index ^ seed) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b) >>> 0;
  x = (x ^ (x >>> 16)) >>> 0;
  return 'H' + x.toString(16).padStart(8, '0');
}

function pickSome(rng: Rng, table: [string, number][], n: number): string[] {
  const names = table.map((t) => t[0]);
  const weights = table.map((t) => t[1]);
  const out: string[] = [];
  while (out.length < n) {
    const i = rng.weighted(weights);
    if (!out.includes(names[i])) out.push(names[i]);
    weights[i] = 0;
  }
  return out;
}

/** Chooses the villages hosting relocation sites and how many households each receives. */
function placeSites(
  profile: RegionProfile,
  tree: RegionTree,
  relocatedByCounty: Map<string, number>,
  rng: Rng,
): RelocationSite[] {
  const counties = [...relocatedByCounty.keys()].filter((c) => (relocatedByCounty.get(c) ?? 0) > 0);
  const siteCounts = apportion(profile.relocation.sites, counties.map((c) => relocatedByCounty.get(c) ?? 0));
  const sites: RelocationSite[] = [];
  counties.forEach((county, ci) => {
    const nSites = Math.max(1, siteCounts[ci]);
    const relocated = relocatedByCounty.get(county) ?? 0;
    const rural = tree.descendantsAt(county, 5).filter((v) => !isUrbanCommunity(v.code));
    const hubs = Object.entries(profile.relocation.hubs).filter(([t]) => t.startsWith(county.slice(0, 6)));
    const hubShare = hubs.reduce((a, [, s]) => a + s, 0);
    // Each group of villages (hub townships, then the rest of the county) gets sites and households.
    const groups: { villages: RegionNode[]; share: number }[] = hubs.map(([t, s]) => ({
      villages: rural.filter((v) => v.code.startsWith(t.slice(0, 9))),
      share: s,
    }));
    groups.push({ villages: rural.filter((v) => !hubs.some(([t]) => v.code.startsWith(t.slice(0, 9)))), share: 1 - hubShare });
    const usable = groups.filter((g) => g.villages.length > 0 && g.share > 0);
    const groupSites = apportion(nSites, usable.map((g) => g.share)).map((n) => Math.max(1, n));
    const groupHouseholds = apportion(relocated, usable.map((g) => g.share));
    usable.forEach((group, gi) => {
      const count = Math.min(groupSites[gi], group.villages.length);
      const chosen: RegionNode[] = [];
      const pool = [...group.villages];
      for (let k = 0; k < count; k++) chosen.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]);
      // Site sizes fall off with rank, so a few large sites (e.g. 闽宁镇) dominate.
      const sizes = apportion(groupHouseholds[gi], chosen.map((_, k) => 1 / Math.pow(k + 1, 0.7)));
      chosen.forEach((village, k) => {
        sites.push({ id: '', county, village, households: sizes[k] });
      });
    });
  });
  sites.sort((a, b) => a.village.code.localeCompare(b.village.code));
  sites.forEach((s, i) => (s.id = `RS${String(i + 1).padStart(4, '0')}`));
  return sites.filter((s) => s.households > 0);
}

/**
 * Draws the household population: how many live in each county and village, their size,
 * labour, category, safety-net and relocation status, risks and measures. Incomes come later.
 */
export function generateHouseholds(profile: RegionProfile, tree: RegionTree, scale: number, seed: number): Households {
  const total = Math.round(profile.households * scale);
  const countyCodes = Object.keys(profile.counties).sort();
  for (const c of countyCodes) tree.get(c);
  const perCounty = apportion(total, countyCodes.map((c) => profile.counties[c].weight));
  const relocatedByCounty = new Map<string, number>();
  countyCodes.forEach((c, i) => relocatedByCounty.set(c, Math.round(perCounty[i] * profile.counties[c].relocation)));
  const sites = placeSites(profile, tree, relocatedByCounty, new Rng(seed, 'sites'));

  const village: RegionNode[] = [];
  const county: string[] = [];
  const site: number[] = [];
  const placeRng = new Rng(seed, 'place');
  countyCodes.forEach((c, ci) => {
    const villages = tree.descendantsAt(c, 5);
    if (villages.length === 0) throw new Error(`County ${c} has no villages`);
    const weights = villages.map((v) => (isUrbanCommunity(v.code) ? profile.communityWeight : 1) * placeRng.between(0.5, 1.5));
    const countySites = sites.map((s, i) => [s, i] as const).filter(([s]) => s.county === c);
    const relocated = countySites.reduce((a, [s]) => a + s.households, 0);
    const counts = apportion(perCounty[ci] - relocated, weights);
    villages.forEach((v, vi) => {
      for (let k = 0; k < counts[vi]; k++) {
        village.push(v);
        county.push(c);
        site.push(-1);
      }
    });
    for (const [s, si] of countySites) {
      for (let k = 0; k < s.households; k++) {
        village.push(s.village);
        county.push(c);
        site.push(si);
      }
    }
  });

  const n = village.length;
  const hh: Households = {
    count: n,
    hhId: new Array<string>(n),
    village,
    county,
    persons: new Uint8Array(n),
    labour: new Uint8Array(n),
    category: new Uint8Array(n),
    noLabour: new Uint8Array(n),
    safetyNet: new Uint8Array(n),
    relocated: new Uint8Array(n),
    site: Int32Array.from(site),
    riskTags: new Array<string[]>(n),
    measures: new Array<string[]>(n),
    riskCleared: new Uint8Array(n),
    mgmtClass: new Uint8Array(n),
    sites,
  };
  const pop = profile.population;
  const monitoredShare = pop.unstable + pop.marginal + pop.sudden;
  const rng = new Rng(seed, 'households');
  for (let i = 0; i < n; i++) {
    hh.hhId[i] = householdId(i, seed);
    hh.relocated[i] = site[i] >= 0 ? 1 : 0;
    const persons = 1 + rng.weighted(profile.personsDistribution);
    hh.persons[i] = persons;
    const u = rng.uniform();
    const category = u < pop.unstable ? 1 : u < pop.unstable + pop.marginal ? 2 : u < monitoredShare ? 3 : 0;
    hh.category[i] = category;
    // Monitoring objects are twice as likely to have lost their labour (illness, disability, age).
    const noLabourP = pop.noLabour * (category > 0 ? 2 : 1) * (persons <= 2 ? 2.2 : 0.75);
    const noLabour = rng.chance(Math.min(0.9, noLabourP));
    hh.noLabour[i] = noLabour ? 1 : 0;
    hh.labour[i] = noLabour ? 0 : Math.max(1, Math.min(persons, Math.round(persons * rng.between(0.4, 0.8))));
    hh.safetyNet[i] = noLabour ? (rng.chance(0.92) ? 1 : 0) : rng.chance(pop.safetyNetWithLabour) ? 1 : 0;
    hh.riskCleared[i] = category > 0 && rng.chance(pop.riskCleared) ? 1 : 0;
    hh.riskTags[i] = category > 0 ? pickSome(rng, RISKS, rng.chance(0.3) ? 2 : 1) : [];
    if (!noLabour && rng.chance(pop.measuresWithLabour)) {
      hh.measures[i] = pickSome(rng, MEASURES, 1 + rng.weighted([5, 3, 1])).sort();
    } else {
      hh.measures[i] = rng.chance(0.25) ? ['dividend'] : [];
    }
  }
  return hh;
}

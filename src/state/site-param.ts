import { DEFAULT_SITING_POPULATION, formatWeights, isSitingPopulation, parseWeights, type SitingPopulation, type Weights } from '../siting/demand';
import type { SitingMethod } from '../siting/suggest';

/**
 * The siting view's state, kept in the URL as `site=kind:industry_base;r:5;k:10;pop:low_income_labour;m:exact;w:monitored=2;c:640522212213,106.12_38.45`
 * (candidates: village codes or `lon_lat` places; up to five). Everything is checked: unknown
 * words and out-of-range numbers fall back to the defaults, so a crafted link cannot break the view.
 */
export interface SiteParam {
  kind: string;
  radiusKm: number;
  k: number;
  population: SitingPopulation;
  method: SitingMethod;
  weights: Weights;
  candidates: Candidate[];
}

export type Candidate = { village: string } | { lon: number; lat: number };

export const MAX_CANDIDATES = 5;
export const DEFAULT_SITE: SiteParam = { kind: 'industry_base', radiusKm: 5, k: 10, population: DEFAULT_SITING_POPULATION, method: 'greedy', weights: {}, candidates: [] };

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

export function parseSiteParam(value: string | null): SiteParam | null {
  if (value === null) return null;
  const out: SiteParam = { ...DEFAULT_SITE, weights: {}, candidates: [] };
  for (const part of value.split(';')) {
    const i = part.indexOf(':');
    if (i < 0) continue;
    const key = part.slice(0, i);
    const v = part.slice(i + 1);
    if (key === 'kind' && /^[a-z_]{1,40}$/.test(v)) out.kind = v;
    else if (key === 'r' && /^\d+(\.\d+)?$/.test(v) && Number(v) > 0 && Number(v) <= 200) out.radiusKm = Number(v);
    else if (key === 'k' && /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 100) out.k = Number(v);
    else if (key === 'pop' && isSitingPopulation(v)) out.population = v;
    else if (key === 'm' && (v === 'greedy' || v === 'exact')) out.method = v;
    else if (key === 'w') {
      try {
        out.weights = parseWeights(v);
      } catch {
        out.weights = {};
      }
    } else if (key === 'c') {
      for (const c of v.split(',')) {
        if (out.candidates.length >= MAX_CANDIDATES) break;
        if (/^\d{12}$/.test(c)) out.candidates.push({ village: c });
        else {
          const m = /^(-?\d{1,3}(?:\.\d+)?)_(-?\d{1,2}(?:\.\d+)?)$/.exec(c);
          if (m && Math.abs(Number(m[1])) <= 180 && Math.abs(Number(m[2])) <= 90) out.candidates.push({ lon: Number(m[1]), lat: Number(m[2]) });
        }
      }
    }
  }
  return out;
}

export function serializeSiteParam(s: SiteParam): string {
  const parts = [`kind:${s.kind}`, `r:${round(s.radiusKm, 2)}`, `k:${s.k}`, `pop:${s.population}`, `m:${s.method}`];
  const w = formatWeights(s.weights);
  if (w) parts.push(`w:${w}`);
  if (s.candidates.length) parts.push(`c:${s.candidates.map((c) => ('village' in c ? c.village : `${round(c.lon, 5)}_${round(c.lat, 5)}`)).join(',')}`);
  return parts.join(';');
}

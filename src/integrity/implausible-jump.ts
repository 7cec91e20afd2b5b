import { villagePairs, type FullYear, type FullYearIndex } from './full-years';
import { quantileSorted, round4 } from './stats';
import { IMPLAUSIBLE_JUMP as T } from './thresholds';
import type { IntegrityFlag } from './types';

type PeerLevel = 'village' | 'township' | 'county';

/** Digits of the code prefix shared by a peer group at each level (12-digit statistical codes). */
const PREFIX: Record<PeerLevel, number> = { village: 12, township: 9, county: 6 };

interface Pair {
  prev: FullYear;
  cur: FullYear;
  ratio: number;
}

/** The Hidiroglou–Berthelot bounds of a peer group: its median ratio and the upper limit of E. */
export interface HbBounds {
  medianRatio: number;
  /** E_M + C · max(E_Q3 − E_M, |A · E_M|). */
  upper: number;
  peers: number;
}

/**
 * E, the centred ratio scaled by size: s = r/r_M − 1 above the median, 1 − r_M/r below (so a
 * halving and a doubling are equally far), times max(x, y)^U.
 */
export function hbEffect(x: number, y: number, medianRatio: number): number {
  const r = y / x;
  const s = r >= medianRatio ? r / medianRatio - 1 : 1 - medianRatio / r;
  return s * Math.max(x, y) ** T.U;
}

/** The bounds of a peer group from its (previous, current) per-capita incomes, both positive. */
export function hbBounds(pairs: readonly { x: number; y: number }[]): HbBounds {
  const ratios = pairs.map((p) => p.y / p.x).sort((a, b) => a - b);
  const medianRatio = quantileSorted(ratios, 0.5);
  const e = pairs.map((p) => hbEffect(p.x, p.y, medianRatio)).sort((a, b) => a - b);
  const eM = quantileSorted(e, 0.5);
  const dQ3 = Math.max(quantileSorted(e, 0.75) - eM, Math.abs(T.A * eM));
  return { medianRatio, upper: eM + T.C * dQ3, peers: pairs.length };
}

/**
 * implausible_jump: each household's per-capita income `year` against `year − 1` in the
 * Hidiroglou–Berthelot test within its village, or its township, or its county, whichever is the
 * first with `T.minPeers` compared households. Flagged when E lies above the group's upper bound,
 * the ratio is at least `T.minRatioOverMedian` times the group's median ratio and the rise at
 * least `T.minIncrease` yuan per person. Statistic: E; threshold: the upper bound. detail:
 * `ratio`, `medianRatio`, `prev`, `cur` (per-capita yuan), `peers`, `peerGroup`.
 */
export function implausibleJumpFlags(index: FullYearIndex, year: number): IntegrityFlag[] {
  const byVillage = new Map<string, Pair[]>();
  for (const village of index.byVillage.keys()) {
    const pairs = villagePairs(index, village, year)
      .filter((p) => p.prev.perCapita > 0 && p.cur.perCapita > 0)
      .map((p) => ({ ...p, ratio: p.cur.perCapita / p.prev.perCapita }));
    if (pairs.length) byVillage.set(village, pairs);
  }
  const groups = new Map<string, Pair[]>();
  for (const level of ['township', 'county'] as const) {
    for (const [village, pairs] of byVillage) {
      const key = `${level}:${village.slice(0, PREFIX[level])}`;
      const list = groups.get(key);
      if (list) list.push(...pairs);
      else groups.set(key, [...pairs]);
    }
  }
  const bounds = new Map<string, HbBounds>();
  const boundsOf = (key: string, pairs: Pair[]): HbBounds => {
    let b = bounds.get(key);
    if (!b) bounds.set(key, (b = hbBounds(pairs.map((p) => ({ x: p.prev.perCapita, y: p.cur.perCapita })))));
    return b;
  };
  const flags: IntegrityFlag[] = [];
  for (const [village, pairs] of byVillage) {
    let level: PeerLevel | null = null;
    let peers: Pair[] = [];
    for (const l of ['village', 'township', 'county'] as const) {
      peers = l === 'village' ? pairs : groups.get(`${l}:${village.slice(0, PREFIX[l])}`)!;
      if (peers.length >= T.minPeers) {
        level = l;
        break;
      }
    }
    if (!level) continue;
    const b = boundsOf(`${level}:${village.slice(0, PREFIX[level])}`, peers);
    for (const p of pairs) {
      const x = p.prev.perCapita;
      const y = p.cur.perCapita;
      const e = hbEffect(x, y, b.medianRatio);
      if (e <= b.upper || p.ratio < T.minRatioOverMedian * b.medianRatio || y - x < T.minIncrease) continue;
      flags.push({
        level: 'household', code: p.cur.hhId, villageCode: village, flag: 'implausible_jump',
        statistic: round4(e), threshold: round4(b.upper), households: 1, year,
        detail: { ratio: round4(p.ratio), medianRatio: round4(b.medianRatio), prev: round4(x), cur: round4(y), peers: b.peers, peerGroup: level },
      });
    }
  }
  return flags;
}

import { LatitudeIndex, nearestDistances, withinKm, type LonLat } from './geo';
import { SITING_POPULATIONS, type DemandCell, type SitingPopulation, type Village } from './demand';

/** What a catchment counts: households, persons, labour, relocated and monitored households, and each demand population. */
export interface CatchmentCounts {
  villages: number;
  households: number;
  persons: number;
  labour: number;
  relocated: number;
  monitored: number;
  populations: Record<SitingPopulation, number>;
}

export interface Catchment {
  /** Everything within the radius of the candidate. */
  within: CatchmentCounts;
  /** The part of `within` already within the same radius of an existing facility of the kind. */
  alreadyCovered: CatchmentCounts;
  /** within − alreadyCovered: what the candidate adds. */
  marginal: CatchmentCounts;
  /** Codes of the villages within the radius (ascending). */
  villageCodes: string[];
}

function zero(): CatchmentCounts {
  return { villages: 0, households: 0, persons: 0, labour: 0, relocated: 0, monitored: 0, populations: Object.fromEntries(SITING_POPULATIONS.map((p) => [p, 0])) as Record<SitingPopulation, number> };
}

function add(into: CatchmentCounts, v: CatchmentCounts): void {
  into.villages += v.villages;
  into.households += v.households;
  into.persons += v.persons;
  into.labour += v.labour;
  into.relocated += v.relocated;
  into.monitored += v.monitored;
  for (const p of SITING_POPULATIONS) into.populations[p] += v.populations[p];
}

function minus(a: CatchmentCounts, b: CatchmentCounts): CatchmentCounts {
  const out = zero();
  add(out, a);
  out.villages -= b.villages;
  out.households -= b.households;
  out.persons -= b.persons;
  out.labour -= b.labour;
  out.relocated -= b.relocated;
  out.monitored -= b.monitored;
  for (const p of SITING_POPULATIONS) out.populations[p] -= b.populations[p];
  return out;
}

interface VillageCounts extends Village {
  counts: CatchmentCounts;
}

/**
 * The catchments of candidate sites over one scope's villages, for one kind of existing facility.
 * Built once per scope, period and kind (village counts, each village's distance to the nearest
 * existing facility); a catchment for any place and radius is then a latitude-band lookup over the
 * village centres, so dragging the radius redraws at once.
 */
export class CatchmentIndex {
  private readonly villages: VillageCounts[];
  private readonly index: LatitudeIndex<VillageCounts>;
  private readonly nearestExisting: Float64Array;

  constructor(cells: readonly DemandCell[], villages: readonly Village[], existing: readonly LonLat[]) {
    const byCode = new Map<string, VillageCounts>();
    for (const v of villages) if (Number.isFinite(v.lon) && Number.isFinite(v.lat)) byCode.set(v.code, { ...v, counts: { ...zero(), villages: 1 } });
    for (const c of cells) {
      const v = byCode.get(c.villageCode);
      if (!v) continue;
      const n = v.counts;
      n.households += c.households;
      n.persons += c.persons;
      n.labour += c.labour;
      if (c.relocated) n.relocated += c.households;
      if (c.monitored) n.monitored += c.households;
      for (const p of SITING_POPULATIONS) n.populations[p] += c.populations[p];
    }
    this.villages = [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    this.index = new LatitudeIndex(this.villages);
    this.nearestExisting = nearestDistances(this.villages, existing);
  }

  /** Village centres of the scope (code order), for drawing and search. */
  get centres(): readonly Village[] {
    return this.villages;
  }

  /** The catchment of a site at (lon, lat) with `radiusKm`. */
  catchment(lon: number, lat: number, radiusKm: number): Catchment {
    return this.union([{ lon, lat }], radiusKm);
  }

  /** The catchment of several sites together (each village counted once). */
  union(sites: readonly LonLat[], radiusKm: number): Catchment {
    const hit = new Set<number>();
    for (const s of sites) for (const i of this.index.within(s.lon, s.lat, radiusKm)) hit.add(i);
    const within = zero();
    const already = zero();
    const codes: string[] = [];
    for (const i of [...hit].sort((a, b) => a - b)) {
      const v = this.villages[i];
      codes.push(v.code);
      add(within, v.counts);
      if (withinKm(this.nearestExisting[i], radiusKm)) add(already, v.counts);
    }
    return { within, alreadyCovered: already, marginal: minus(within, already), villageCodes: codes };
  }
}

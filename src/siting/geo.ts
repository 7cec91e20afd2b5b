/**
 * Great-circle distance as CONTRACT.md "Site selection" fixes it: haversine on a sphere of the
 * mean Earth radius 6371.0088 km (IUGG R1). A point is within a radius when its distance is at most
 * the radius; `WITHIN_SLACK_KM` (one micrometre) absorbs the rounding of the formula so a point
 * placed exactly on the circle by another implementation is not lost.
 */
export const EARTH_RADIUS_KM = 6371.0088;
export const WITHIN_SLACK_KM = 1e-9;

const RAD = Math.PI / 180;

export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

export function withinKm(distanceKm: number, radiusKm: number): boolean {
  return distanceKm <= radiusKm + WITHIN_SLACK_KM;
}

/** Degrees of latitude a great circle of `km` can span at most (for a latitude-band prefilter). */
export function latitudeSpanDeg(km: number): number {
  return (km + WITHIN_SLACK_KM) / (EARTH_RADIUS_KM * RAD) + 1e-9;
}

export interface LonLat {
  lon: number;
  lat: number;
}

/**
 * Points sorted by latitude, asked for every point within a radius of a place. The latitude band
 * is exact (a great circle of d km never moves more than d / R radians in latitude), so the answer
 * is the same as testing every point; only the work is less.
 */
export class LatitudeIndex<T extends LonLat> {
  private readonly order: number[];
  private readonly lats: Float64Array;

  constructor(readonly points: readonly T[]) {
    this.order = points.map((_, i) => i).sort((a, b) => points[a].lat - points[b].lat || a - b);
    this.lats = Float64Array.from(this.order, (i) => points[i].lat);
  }

  private lowerBound(lat: number): number {
    let lo = 0;
    let hi = this.lats.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.lats[mid] < lat) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Indices (into `points`, ascending) of the points within `radiusKm` of (lon, lat), inclusive. */
  within(lon: number, lat: number, radiusKm: number): number[] {
    const span = latitudeSpanDeg(radiusKm);
    const out: number[] = [];
    for (let k = this.lowerBound(lat - span); k < this.lats.length && this.lats[k] <= lat + span; k++) {
      const i = this.order[k];
      const p = this.points[i];
      if (withinKm(haversineKm(lon, lat, p.lon, p.lat), radiusKm)) out.push(i);
    }
    return out.sort((a, b) => a - b);
  }

  /** True when some point lies within `radiusKm` of (lon, lat). */
  any(lon: number, lat: number, radiusKm: number): boolean {
    const span = latitudeSpanDeg(radiusKm);
    for (let k = this.lowerBound(lat - span); k < this.lats.length && this.lats[k] <= lat + span; k++) {
      const p = this.points[this.order[k]];
      if (withinKm(haversineKm(lon, lat, p.lon, p.lat), radiusKm)) return true;
    }
    return false;
  }
}

/**
 * For each point, the great-circle distance to the nearest of `sites` (Infinity when there are
 * none): sites sorted by latitude and scanned outwards from the point's latitude until the
 * latitude gap alone exceeds the best distance found.
 */
export function nearestDistances(points: readonly LonLat[], sites: readonly LonLat[]): Float64Array {
  const s = sites.filter((p) => Number.isFinite(p.lon) && Number.isFinite(p.lat)).sort((a, b) => a.lat - b.lat);
  const lats = Float64Array.from(s, (p) => p.lat);
  const out = new Float64Array(points.length).fill(Infinity);
  const kmPerDeg = EARTH_RADIUS_KM * RAD;
  points.forEach((p, n) => {
    let lo = 0;
    let hi = lats.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (lats[mid] < p.lat) lo = mid + 1;
      else hi = mid;
    }
    let best = Infinity;
    for (let up = lo, down = lo - 1; up < s.length || down >= 0; ) {
      const gapUp = up < s.length ? (lats[up] - p.lat) * kmPerDeg : Infinity;
      const gapDown = down >= 0 ? (p.lat - lats[down]) * kmPerDeg : Infinity;
      if (Math.min(gapUp, gapDown) > best) break;
      const q = gapUp <= gapDown ? s[up++] : s[down--];
      const d = haversineKm(p.lon, p.lat, q.lon, q.lat);
      if (d < best) best = d;
    }
    out[n] = best;
  });
  return out;
}

/** A circle of `km` around (lon, lat) on the sphere, as a closed GeoJSON ring of `steps` + 1 points. */
export function circleRing(lon: number, lat: number, km: number, steps = 64): [number, number][] {
  const d = km / EARTH_RADIUS_KM;
  const φ1 = lat * RAD;
  const λ1 = lon * RAD;
  const ring: [number, number][] = [];
  for (let s = 0; s <= steps; s++) {
    const θ = ((s % steps) / steps) * 2 * Math.PI;
    const φ2 = Math.asin(Math.sin(φ1) * Math.cos(d) + Math.cos(φ1) * Math.sin(d) * Math.cos(θ));
    const λ2 = λ1 + Math.atan2(Math.sin(θ) * Math.sin(d) * Math.cos(φ1), Math.cos(d) - Math.sin(φ1) * Math.sin(φ2));
    ring.push([λ2 / RAD, φ2 / RAD]);
  }
  return ring;
}

/**
 * Synthetic township and village polygons. Their real boundaries are not public, so the data
 * generator splits each real county (and then each synthetic township) into one cell per child.
 *
 * Method, per parent:
 * 1. One site per child, drawn inside the parent by rejection sampling with a PRNG keyed on the
 *    seed and the child's code (so a child keeps its site when siblings are added or reordered).
 * 2. Relaxation on a fixed cloud of sample points inside the parent: each sample goes to the site
 *    with the smallest power distance |x − p|² − w; each site moves to the mean of its samples
 *    (Lloyd; to the nearest owned sample if the mean falls outside the parent), and its power
 *    weight w grows or shrinks until its share of samples matches its share of the children's
 *    weights. Equal weights give similar areas; a child with weight 0.3 gets roughly 0.3 of the
 *    area of a weight-1 sibling (about ±20% over random seeds: 40 samples per child, 12 rounds).
 * 3. Cells of the power diagram (the Voronoi diagram when all w are equal), built by clipping
 *    the parent's bounding box with one half-plane per sibling, then clipped to the parent
 *    (`convex-clip.ts`: exact, with turf `intersect` where a cell needs it). Cells tile the box, so they neither overlap nor leave gaps in the parent.
 * d3-delaunay's Voronoi cannot weight cells, hence the half-plane construction; with the few
 * dozen children of a township it costs less than the final clipping.
 *
 * Pure (no I/O) and deterministic: identical inputs give identical output.
 */
import { area, bbox as turfBbox } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { hashString as hashCode, mulberry32 } from '../random';
import { clipHalfPlane, clipToConvex } from './convex-clip';

export type Areal = Polygon | MultiPolygon;

export interface ChildSpec {
  code: string;
  /** Relative target area; default 1 (e.g. 0.3 for an urban community). Must be > 0. */
  weight?: number;
}

/** Geodesic area in km². */
export function areaKm2(feature: Feature<Areal> | Areal): number {
  return area(feature) / 1e6;
}

function polygonsOf(geometry: Areal): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function geometryOf(feature: Feature<Areal> | Areal): Areal {
  return feature.type === 'Feature' ? feature.geometry : feature;
}

/** Even-odd point-in-polygon over all rings (outer rings, holes, islands) of a geometry. */
function contains(rings: readonly Position[][], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const xi = ring[i]![0]!, yi = ring[i]![1]!, xj = ring[j]![0]!, yj = ring[j]![1]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/**
 * A point strictly inside the feature, for labels and village coordinates: the centroid of the
 * largest part when it falls inside, else the middle of the widest horizontal chord of that part.
 */
export function labelPoint(feature: Feature<Areal> | Areal): [number, number] {
  const parts = polygonsOf(geometryOf(feature));
  let largest = parts[0]!;
  let largestArea = -1;
  for (const part of parts) {
    const a = area({ type: 'Polygon', coordinates: part });
    if (a > largestArea) (largest = part), (largestArea = a);
  }
  const [cx, cy] = ringCentroid(largest[0]!);
  if (contains(largest, cx, cy) && !Number.isNaN(cx)) return [cx, cy];
  const ys = largest[0]!.map((p) => p[1]!);
  const minY = Math.min(...ys), maxY = Math.max(...ys);
  let best: [number, number] = [largest[0]![0]![0]!, largest[0]![0]![1]!];
  let bestWidth = -1;
  for (let k = 1; k <= 9; k++) {
    // Offset scanlines so they never pass exactly through a grid-aligned vertex.
    const y = minY + ((maxY - minY) * (k - 0.5 + 1e-7)) / 9;
    const xs: number[] = [];
    for (const ring of largest) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const xi = ring[i]![0]!, yi = ring[i]![1]!, xj = ring[j]![0]!, yj = ring[j]![1]!;
        if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
      }
    }
    xs.sort((a, b) => a - b);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      if (xs[i + 1]! - xs[i]! > bestWidth) (bestWidth = xs[i + 1]! - xs[i]!), (best = [(xs[i]! + xs[i + 1]!) / 2, y]);
    }
  }
  return best;
}

/** Area centroid of a ring in lon/lat (planar; fine for label placement). */
function ringCentroid(ring: Position[]): [number, number] {
  let a = 0, cx = 0, cy = 0;
  const x0 = ring[0]![0]!, y0 = ring[0]![1]!;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0]! - x0, yi = ring[i]![1]! - y0, xj = ring[j]![0]! - x0, yj = ring[j]![1]! - y0;
    const f = xj * yi - xi * yj;
    a += f;
    cx += (xi + xj) * f;
    cy += (yi + yj) * f;
  }
  return a === 0 ? [x0, y0] : [cx / (3 * a) + x0, cy / (3 * a) + y0];
}

/** Planar frame: x scaled by cos(latitude) so distances are roughly isotropic. */
interface Frame {
  kx: number;
}

interface Site {
  code: string;
  x: number;
  y: number;
  /** Power weight (planar units²). */
  w: number;
  /** Target share of the parent's area. */
  share: number;
}

const MAX_TRIES = 10_000;
const SAMPLES_PER_CHILD = 40;
const ITERATIONS = 12;
/** Power-weight step, in mean cell areas per unit of relative share error (larger steps oscillate). */
const WEIGHT_STEP = 0.25;

/** Uniform points inside the parent by rejection sampling in its bounding box (planar frame). */
function samplePoint(rings: Position[][], box: number[], random: () => number, what: string): [number, number] {
  const [w, s, e, n] = box as [number, number, number, number];
  for (let i = 0; i < MAX_TRIES; i++) {
    const x = w + (e - w) * random(), y = s + (n - s) * random();
    if (contains(rings, x, y)) return [x, y];
  }
  throw new Error(`could not place ${what} inside the parent after ${MAX_TRIES} tries`);
}

/** Power-diagram cell of site i within the (planar) box, as an open ring. */
function powerCell(sites: readonly Site[], i: number, box: number[]): [number, number][] {
  const [w, s, e, n] = box as [number, number, number, number];
  let ring: [number, number][] = [[w, s], [e, s], [e, n], [w, n]];
  const p = sites[i]!;
  for (let j = 0; j < sites.length && ring.length > 0; j++) {
    if (j === i) continue;
    const q = sites[j]!;
    // |x−p|² − w_p ≤ |x−q|² − w_q  ⇔  2(q−p)·x ≤ |q|² − |p|² − w_q + w_p
    ring = clipHalfPlane(ring, 2 * (q.x - p.x), 2 * (q.y - p.y), q.x * q.x + q.y * q.y - p.x * p.x - p.y * p.y - q.w + p.w);
  }
  return ring;
}

/** Moves sites (Lloyd) and adjusts power weights so sample shares match target shares. */
function relax(sites: Site[], samples: readonly [number, number][], rings: Position[][], meanCellArea: number): void {
  const n = sites.length;
  const owner = new Int32Array(samples.length);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const count = new Float64Array(n), sumX = new Float64Array(n), sumY = new Float64Array(n);
    samples.forEach(([x, y], k) => {
      let best = 0, bestD = Infinity;
      for (let i = 0; i < n; i++) {
        const s = sites[i]!;
        const d = (x - s.x) ** 2 + (y - s.y) ** 2 - s.w;
        if (d < bestD) (bestD = d), (best = i);
      }
      owner[k] = best;
      count[best] += 1;
      sumX[best] += x;
      sumY[best] += y;
    });
    const owned: number[][] = Array.from({ length: n }, () => []);
    owner.forEach((i, k) => owned[i]!.push(k));
    const taken = new Set(sites.map((s) => `${s.x},${s.y}`));
    for (let i = 0; i < n; i++) {
      const site = sites[i]!;
      const target = site.share * samples.length;
      site.w += WEIGHT_STEP * meanCellArea * ((target - count[i]!) / Math.max(target, 1));
      if (count[i] === 0) continue;
      // Move to the mean of its samples (Lloyd) when that is inside the parent, else to the owned
      // sample nearest the mean; never onto another site.
      const mx = sumX[i]! / count[i]!, my = sumY[i]! / count[i]!;
      let next: [number, number] | null = contains(rings, mx, my) && !taken.has(`${mx},${my}`) ? [mx, my] : null;
      if (next === null) {
        let nearestD = Infinity;
        for (const k of owned[i]!) {
          const [x, y] = samples[k]!;
          const d = (x - mx) ** 2 + (y - my) ** 2;
          if (d < nearestD && !taken.has(`${x},${y}`)) (nearestD = d), (next = samples[k]!);
        }
      }
      if (next !== null) {
        taken.delete(`${site.x},${site.y}`);
        [site.x, site.y] = next;
        taken.add(`${site.x},${site.y}`);
      }
    }
    const meanW = sites.reduce((sum, s) => sum + s.w, 0) / n;
    for (const s of sites) s.w -= meanW;
  }
}

function toPlanar(geometry: Areal, frame: Frame): Position[][] {
  return polygonsOf(geometry).flatMap((polygon) => polygon.map((ring) => ring.map((p) => [p[0]! * frame.kx, p[1]!])));
}

/** Clips every site's cell to the parent; null when a cell comes out empty. */
function clipCells(parent: Feature<Areal>, sites: readonly Site[], box: number[], frame: Frame): Map<string, Feature<Areal>> | null {
  const cells = new Map<string, Feature<Areal>>();
  for (let i = 0; i < sites.length; i++) {
    const ring = powerCell(sites, i, box);
    if (ring.length < 3) return null;
    const lonLat = ring.map(([x, y]) => [x / frame.kx, y]);
    const clipped = clipToConvex(parent.geometry, [...lonLat, lonLat[0]!]);
    if (clipped === null) return null;
    cells.set(sites[i]!.code, { type: 'Feature', properties: { code: sites[i]!.code }, geometry: clipped });
  }
  return cells;
}

/**
 * Splits `parent` into one polygon per child, deterministic from `seed` and the child codes.
 * Cells do not overlap and together cover the parent; each child gets a non-empty cell. A parent
 * with one child is returned whole. Output features carry `properties.code`, in input order.
 * @throws on duplicate child codes or a non-positive weight
 */
export function partition(parent: Feature<Areal>, children: readonly ChildSpec[], seed: number): Map<string, Feature<Areal>> {
  const codes = new Set<string>();
  for (const child of children) {
    if (codes.has(child.code)) throw new Error(`duplicate child code ${child.code}`);
    codes.add(child.code);
    if (child.weight !== undefined && !(child.weight > 0 && Number.isFinite(child.weight))) {
      throw new Error(`child ${child.code}: weight must be a positive number, got ${child.weight}`);
    }
  }
  const result = new Map<string, Feature<Areal>>();
  if (children.length === 0) return result;
  if (children.length === 1) {
    const code = children[0]!.code;
    return result.set(code, { type: 'Feature', properties: { code }, geometry: structuredClone(parent.geometry) });
  }
  const [w, s, e, n] = turfBbox(parent);
  const frame: Frame = { kx: Math.cos((((s + n) / 2) * Math.PI) / 180) };
  const rings = toPlanar(parent.geometry, frame);
  const planarBox = [w * frame.kx, s, e * frame.kx, n];
  const totalWeight = children.reduce((sum, c) => sum + (c.weight ?? 1), 0);
  // Sites in code order, so the result does not depend on the order children are listed in.
  const sorted = [...children].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const sites: Site[] = [];
  const taken = new Set<string>();
  for (const child of sorted) {
    const random = mulberry32(hashCode(`${seed}:${child.code}`));
    let point: [number, number];
    do point = samplePoint(rings, planarBox, random, `child ${child.code}`);
    while (taken.has(`${point[0]},${point[1]}`));
    taken.add(`${point[0]},${point[1]}`);
    sites.push({ code: child.code, x: point[0], y: point[1], w: 0, share: (child.weight ?? 1) / totalWeight });
  }
  const random = mulberry32(hashCode(`${seed}:samples:${sorted.map((c) => c.code).join(',')}`));
  const samples = Array.from({ length: SAMPLES_PER_CHILD * sites.length }, (_, k) => samplePoint(rings, planarBox, random, `sample ${k}`));
  const planarArea = (planarBox[2]! - planarBox[0]!) * (planarBox[3]! - planarBox[1]!);
  const initial = sites.map((site) => ({ ...site }));
  relax(sites, samples, rings, planarArea / sites.length);
  // Pad the box so cells cover the parent's edge despite rounding.
  const pad = 1e-9 + 1e-6 * Math.max(planarBox[2]! - planarBox[0]!, planarBox[3]! - planarBox[1]!);
  const box = [planarBox[0]! - pad, planarBox[1]! - pad, planarBox[2]! + pad, planarBox[3]! + pad];
  // Weighted cells can (rarely) miss the parent; plain Voronoi cells of sites inside the parent cannot.
  const cells =
    clipCells(parent, sites, box, frame) ??
    clipCells(parent, sites.map((site) => ({ ...site, w: 0 })), box, frame) ??
    clipCells(parent, initial, box, frame);
  if (cells === null) throw new Error('partition produced an empty cell');
  for (const child of children) result.set(child.code, cells.get(child.code)!);
  return result;
}

/**
 * Intersection of a polygon with a convex polygon, fast for the common cases of synthetic cells.
 * The exact clipper (turf `intersect`, polyclip-ts) costs about a millisecond per call whatever the
 * input, which dominates partitioning a province into 20,000 villages; most cells do not need it:
 * - a cell whose surroundings the parent covers entirely is inside the parent: returned as is;
 * - a cell whose boundary the parent's boundary crosses exactly twice (a border running through it)
 *   intersects the parent in one simple piece, which Sutherland–Hodgman computes exactly;
 * - everything else (several pieces, holes, touching vertices) goes to the exact clipper.
 * Pure.
 */
import { area, featureCollection, intersect } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

export type Areal = Polygon | MultiPolygon;

type Point = [number, number];

/**
 * Clips a ring (open, any shape) to the half-plane a·x + b·y ≤ c (one Sutherland–Hodgman step).
 * Exact when the result is one piece; several pieces come out joined by zero-width edges.
 */
export function clipHalfPlane(ring: readonly Point[], a: number, b: number, c: number): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i]!, q = ring[(i + 1) % ring.length]!;
    const fp = a * p[0] + b * p[1] - c, fq = a * q[0] + b * q[1] - c;
    if (fp <= 0) out.push(p);
    if ((fp < 0 && fq > 0) || (fp > 0 && fq < 0)) {
      const t = fp / (fp - fq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

/** Signed planar area of a ring (open or closed); positive when counter-clockwise. */
export function shoelace(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
  return sum / 2;
}

const open = (ring: readonly Position[]): Point[] => ring.slice(0, -1).map((p): Point => [p[0]!, p[1]!]);
const close = (ring: Point[]): Position[] => [...ring, ring[0]!];

/** Half-planes (a·x + b·y ≤ c) whose intersection is a convex counter-clockwise ring. */
function halfPlanes(convex: readonly Point[]): [number, number, number][] {
  return convex.map((p, i) => {
    const q = convex[(i + 1) % convex.length]!;
    const a = q[1] - p[1], b = p[0] - q[0];
    return [a, b, a * p[0] + b * p[1]];
  });
}

function clipToHalfPlanes(ring: readonly Point[], planes: readonly [number, number, number][]): Point[] | null {
  let points: Point[] = [...ring];
  for (const [a, b, c] of planes) {
    points = clipHalfPlane(points, a, b, c);
    if (points.length < 3) return null;
  }
  return points;
}

const orient = (a: Point, b: Point, c: Point): number => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);

/** Proper crossings between two closed rings' edges; Infinity on any touching or collinear contact. */
function crossings(ring: readonly Point[], convex: readonly Point[], limit: number): number {
  let count = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!, b = ring[(i + 1) % ring.length]!;
    for (let j = 0; j < convex.length; j++) {
      const c = convex[j]!, d = convex[(j + 1) % convex.length]!;
      if (Math.max(a[0], b[0]) < Math.min(c[0], d[0]) || Math.max(c[0], d[0]) < Math.min(a[0], b[0])) continue;
      if (Math.max(a[1], b[1]) < Math.min(c[1], d[1]) || Math.max(c[1], d[1]) < Math.min(a[1], b[1])) continue;
      const o1 = orient(c, d, a), o2 = orient(c, d, b), o3 = orient(a, b, c), o4 = orient(a, b, d);
      if (o1 === 0 || o2 === 0 || o3 === 0 || o4 === 0) return Infinity;
      if (o1 > 0 !== o2 > 0 && o3 > 0 !== o4 > 0 && ++count > limit) return count;
    }
  }
  return count;
}

/**
 * `parent` ∩ `convex`, where `convex` is a closed counter-clockwise convex ring. Null when empty.
 */
export function clipToConvex(parent: Areal, convex: readonly Position[]): Areal | null {
  const cell = shoelace(convex) < 0 ? open(convex).reverse() : open(convex);
  const xs = cell.map((p) => p[0]), ys = cell.map((p) => p[1]);
  // The parent cut to the cell's padded box: the box's edges stay clear of the cell.
  const padX = 1e-9 + (Math.max(...xs) - Math.min(...xs)) * 0.01, padY = 1e-9 + (Math.max(...ys) - Math.min(...ys)) * 0.01;
  const [w, s, e, n] = [Math.min(...xs) - padX, Math.min(...ys) - padY, Math.max(...xs) + padX, Math.max(...ys) + padY];
  const boxPlanes: [number, number, number][] = [[-1, 0, -w], [1, 0, e], [0, -1, -s], [0, 1, n]];
  const near: Point[][][] = [];
  for (const polygon of parent.type === 'Polygon' ? [parent.coordinates] : parent.coordinates) {
    const [outer, ...holes] = polygon.map((ring) => clipToHalfPlanes(open(ring), boxPlanes));
    if (outer !== null && outer !== undefined) near.push([outer, ...holes.filter((r): r is Point[] => r !== null)]);
  }
  if (near.length === 0) return null;
  if (near.length === 1 && near[0]!.length === 1) {
    const ring = near[0]![0]!;
    // Covers the whole box: nothing of the parent's boundary is near the cell.
    if (Math.abs(shoelace(ring)) >= (e - w) * (n - s) * (1 - 1e-9)) return { type: 'Polygon', coordinates: [[...convex]] };
    if (crossings(ring, cell, 2) === 2) {
      const piece = clipToHalfPlanes(ring, halfPlanes(cell));
      if (piece !== null && shoelace(piece) !== 0) return { type: 'Polygon', coordinates: [close(piece)] };
    }
  }
  const nearParent: Feature<MultiPolygon> = { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: near.map((p) => p.map(close)) } };
  const clipper: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...convex]] } };
  const clipped = intersect(featureCollection<Areal>([clipper, nearParent]));
  return clipped === null || area(clipped) === 0 ? null : clipped.geometry;
}

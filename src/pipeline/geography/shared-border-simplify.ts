/**
 * Simplification that keeps shared borders shared. Neighbouring polygons repeat their common border;
 * simplifying each polygon on its own would move the two copies differently and open gaps and
 * overlaps. Here every ring is cut into arcs at junctions (points where more than two polygons meet,
 * or where a shared border ends), each distinct arc is simplified once (Douglas–Peucker), and every
 * ring is rebuilt from the simplified arcs, so both neighbours get the same vertices.
 *
 * Pure; coordinates must already be rounded, since points are matched by exact value.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

export type Areal = Polygon | MultiPolygon;

type Ring = Position[];

const key = (p: Position): string => `${p[0]},${p[1]}`;

/**
 * Removes consecutive duplicates and zero-width spikes (A, B, A) and closes the ring; null when
 * fewer than 3 distinct points remain.
 */
export function cleanRing(ring: Ring): Ring | null {
  const out: Ring = [];
  for (const p of ring) {
    const point: Position = [p[0]!, p[1]!];
    if (out.length > 0 && key(out[out.length - 1]!) === key(point)) continue;
    // A → B → A: drop B and do not repeat A.
    if (out.length > 1 && key(out[out.length - 2]!) === key(point)) {
      out.pop();
      continue;
    }
    out.push(point);
  }
  // The same across the closing point, until the ends are clean.
  for (;;) {
    const n = out.length;
    if (n > 1 && key(out[0]!) === key(out[n - 1]!)) out.pop();
    else if (n > 2 && key(out[n - 2]!) === key(out[0]!)) out.pop();
    else if (n > 2 && key(out[1]!) === key(out[n - 1]!)) out.shift();
    else break;
  }
  if (out.length < 3) return null;
  out.push(out[0]!);
  return out;
}

function polygonsOf(geometry: Areal): Ring[][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function fromPolygons(polygons: Ring[][]): Areal | null {
  if (polygons.length === 0) return null;
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
}

/** Cleans every ring (see cleanRing); drops collapsed holes, and polygons whose outer ring collapsed. */
export function cleanGeometry(geometry: Areal): Areal | null {
  const polygons: Ring[][] = [];
  for (const polygon of polygonsOf(geometry)) {
    const [outer, ...holes] = polygon.map(cleanRing);
    if (outer === null || outer === undefined) continue;
    polygons.push([outer, ...holes.filter((r): r is Ring => r !== null)]);
  }
  return fromPolygons(polygons);
}

/** Points where arcs must end: more than two distinct neighbours over all rings. */
function findJunctions(rings: Ring[]): Set<string> {
  const neighbours = new Map<string, Set<string>>();
  for (const ring of rings) {
    const n = ring.length - 1; // closed ring: last point repeats the first
    for (let i = 0; i < n; i++) {
      const k = key(ring[i]!);
      let set = neighbours.get(k);
      if (set === undefined) neighbours.set(k, (set = new Set()));
      set.add(key(ring[(i + n - 1) % n]!));
      set.add(key(ring[(i + 1) % n]!));
    }
  }
  const junctions = new Set<string>();
  for (const [k, set] of neighbours) if (set.size > 2) junctions.add(k);
  return junctions;
}

/** Squared distance from p to segment ab, with longitude scaled by cos(latitude). */
function segmentDistance2(p: Position, a: Position, b: Position, kx: number): number {
  const ax = a[0]! * kx, ay = a[1]!, bx = b[0]! * kx, by = b[1]!, px = p[0]! * kx, py = p[1]!;
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  const ex = ax + t * dx - px, ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

/** Douglas–Peucker on an open polyline; keeps both ends. Closed arcs are split at their farthest point. */
export function douglasPeucker(points: Ring, tolerance: number): Ring {
  if (points.length <= 2) return points;
  const kx = Math.cos((points[0]![1]! * Math.PI) / 180);
  const first = points[0]!, last = points[points.length - 1]!;
  if (first[0] === last[0] && first[1] === last[1]) {
    let far = 1, best = -1;
    for (let i = 1; i < points.length - 1; i++) {
      const d = segmentDistance2(points[i]!, first, first, kx);
      if (d > best) (best = d), (far = i);
    }
    const head = douglasPeucker(points.slice(0, far + 1), tolerance);
    const tail = douglasPeucker(points.slice(far), tolerance);
    return [...head, ...tail.slice(1)];
  }
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const tol2 = tolerance * tolerance;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [from, to] = stack.pop()!;
    let far = -1, best = tol2;
    for (let i = from + 1; i < to; i++) {
      const d = segmentDistance2(points[i]!, points[from]!, points[to]!, kx);
      if (d > best) (best = d), (far = i);
    }
    if (far >= 0) {
      keep[far] = 1;
      stack.push([from, far], [far, to]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** Cuts a closed ring into arcs that start and end at junctions (one closed arc when it has none). */
function cutRing(ring: Ring, junctions: ReadonlySet<string>): Ring[] {
  const n = ring.length - 1;
  let start = -1;
  for (let i = 0; i < n; i++) if (junctions.has(key(ring[i]!))) { start = i; break; }
  if (start < 0) {
    // No junction: start at the smallest point so a ring shared whole (an enclave and its hole) is cut the same way.
    start = 0;
    for (let i = 1; i < n; i++) {
      const p = ring[i]!, s = ring[start]!;
      if (p[0]! < s[0]! || (p[0] === s[0] && p[1]! < s[1]!)) start = i;
    }
    return [[...ring.slice(start, n), ...ring.slice(0, start + 1)]];
  }
  const rotated = [...ring.slice(start, n), ...ring.slice(0, start + 1)];
  const arcs: Ring[] = [];
  let current: Ring = [rotated[0]!];
  for (let i = 1; i < rotated.length; i++) {
    current.push(rotated[i]!);
    if (junctions.has(key(rotated[i]!))) {
      arcs.push(current);
      current = [rotated[i]!];
    }
  }
  return arcs;
}

/** Simplifies an arc through a cache keyed by its canonical direction, so both neighbours agree. */
function simplifyArc(arc: Ring, tolerance: number, cache: Map<string, Ring>): Ring {
  const forward = arc.map(key).join(';');
  const reversed = [...arc].reverse();
  const backward = reversed.map(key).join(';');
  const canonicalIsForward = forward <= backward;
  const id = canonicalIsForward ? forward : backward;
  let simplified = cache.get(id);
  if (simplified === undefined) {
    simplified = douglasPeucker(canonicalIsForward ? arc : reversed, tolerance);
    cache.set(id, simplified);
  }
  return canonicalIsForward ? simplified : [...simplified].reverse();
}

/**
 * Simplifies a set of polygons together, keeping their shared borders identical.
 * Rings that collapse (thinner than the tolerance) are dropped; a polygon whose outer ring
 * collapses is dropped with its holes. Returns null for a geometry that collapses entirely.
 */
export function simplifySharedBorders(geometries: readonly Areal[], tolerance: number): (Areal | null)[] {
  const cleaned = geometries.map((g) => {
    const clean = cleanGeometry(g);
    return clean === null ? [] : polygonsOf(clean);
  });
  const junctions = findJunctions(cleaned.flat(2));
  const cache = new Map<string, Ring>();
  const rebuild = (ring: Ring): Ring | null => {
    const points: Ring = [];
    for (const arc of cutRing(ring, junctions)) {
      const simplified = simplifyArc(arc, tolerance, cache);
      points.push(...(points.length === 0 ? simplified : simplified.slice(1)));
    }
    return cleanRing(points);
  };
  return cleaned.map((polygons) => {
    const out: Ring[][] = [];
    for (const polygon of polygons) {
      const outer = rebuild(polygon[0]!);
      if (outer === null) continue;
      const holes = polygon.slice(1).map(rebuild).filter((r): r is Ring => r !== null);
      out.push([outer, ...holes]);
    }
    return fromPolygons(out);
  });
}

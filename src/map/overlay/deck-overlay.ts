import type { Map as MapLibreMap } from 'maplibre-gl';
import { isLayerSpec, type OverlayLayerSpec, type OverlayPick } from './spec';

/**
 * The deck.gl overlay of the map, loaded on demand: this module's own imports are types only, and
 * deck.gl (`@deck.gl/maplibre`, `@deck.gl/layers`) is fetched by `import()` the first time a layer
 * is asked for, so the first map pays nothing for it (README "Facility layers").
 *
 * `MapLibreOverlay({interleaved: true})` draws deck's layers inside MapLibre's own WebGL context
 * (one context: on software WebGL a second one cost seconds; STACK.md). The overlay is made once
 * per map and updated with `setProps({layers})`.
 */
export interface DeckOverlay {
  /** Replaces the layers: descriptions (spec.ts) are turned into deck.gl layers, deck.gl layers pass through. */
  setLayers(layers: readonly unknown[]): void;
  /** The topmost pickable object at a pixel of the map container, or null. */
  pick(x: number, y: number): OverlayPick | null;
  /** Ids of the layers given last, for tests and the `data-overlay-layers` attribute. */
  layerIds(): string[];
  remove(): void;
}

let modules: Promise<[typeof import('@deck.gl/maplibre'), typeof import('@deck.gl/layers')]> | null = null;

/** deck.gl's modules, imported once (a separate chunk). */
function loadDeck() {
  modules ??= Promise.all([import('@deck.gl/maplibre'), import('@deck.gl/layers')]);
  modules.catch(() => (modules = null));
  return modules;
}

/** Pixel radius around the pointer within which a point counts as hit. */
const PICK_RADIUS = 4;

export async function createDeckOverlay(map: MapLibreMap, onHover: (pick: OverlayPick | null) => void): Promise<DeckOverlay> {
  const [{ MapLibreOverlay }, { ScatterplotLayer }] = await loadDeck();
  const overlay = new MapLibreOverlay({
    interleaved: true,
    layers: [],
    pickingRadius: PICK_RADIUS,
    onHover: (info) => onHover(info.object && info.layer ? { layerId: info.layer.id, object: info.object, x: info.x, y: info.y } : null),
  });
  map.addControl(overlay);
  let ids: string[] = [];

  const toLayer = (s: OverlayLayerSpec) =>
    new ScatterplotLayer({
      id: s.id,
      data: s.data as unknown[],
      getPosition: s.position,
      getRadius: s.radius,
      getFillColor: s.fill,
      getLineColor: s.line ?? [255, 255, 255, 255],
      radiusUnits: 'pixels',
      lineWidthUnits: 'pixels',
      getLineWidth: s.lineWidth ?? 1,
      stroked: true,
      filled: true,
      opacity: s.opacity ?? 0.85,
      pickable: s.pickable ?? true,
      visible: s.visible ?? true,
      updateTriggers: { getRadius: s.updateKey, getFillColor: s.updateKey },
    });

  return {
    setLayers(layers) {
      ids = layers.map((l) => (isLayerSpec(l) ? l.id : String((l as { id?: unknown }).id)));
      // deck.gl layers made by the caller (extraLayers) are passed as they are.
      overlay.setProps({ layers: layers.map((l) => (isLayerSpec(l) ? toLayer(l) : l)) as never });
    },
    pick(x, y) {
      const info = overlay.pickObject({ x, y, radius: PICK_RADIUS });
      return info?.object && info.layer ? { layerId: info.layer.id, object: info.object, x, y } : null;
    },
    layerIds: () => ids,
    remove() {
      map.removeControl(overlay);
      overlay.finalize();
    },
  };
}

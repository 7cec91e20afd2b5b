import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { BoundaryCollection } from '../data/dataset-client';
import type { Lang } from '../i18n';
import { baseStyle, CONTEXT_LAYERS, CONTEXT_SOURCE, coversContext, REGION_FILL_LAYER, REGION_SOURCE } from './base-style';
import { boundsOf } from './bounds';
import { fillOf, type Classification } from './choropleth/classes';
import { HtmlLabels, visibleLabels } from './labels/html-labels';
import { labelPoints } from './labels/label-points';
import type { DeckOverlay } from './overlay/deck-overlay';
import type { OverlayPick } from './overlay/spec';
import { normaliseCamera, type Camera } from '../state/layers-param';

maplibregl.setWorkerUrl(workerUrl);
// Start MapLibre's worker when the app starts, not when the first map is made: fetching and
// starting the worker (0.52 MB) then overlaps the dataset's first files (docs/BENCHMARKS.md, "History").
maplibregl.prewarm();

export interface HoverInfo {
  code: string;
  /** Pointer position in pixels, relative to the map's container. */
  x: number;
  y: number;
}

export interface MapViewProps {
  /** Outlines drawn by the base map as context (the dataset's counties); fixed for a dataset. */
  context: BoundaryCollection;
  /** The regions the choropleth colours: the children of the unit on screen. */
  features: BoundaryCollection;
  /** Names the feature set; when it changes the map fits to the new features' bounds. */
  viewKey: string;
  classification: Classification;
  /** Changes when the fill colours change (metric, period, break method, filter). */
  colorKey: string;
  lang: Lang;
  selected: string | null;
  /** Accessible name of the map. */
  label: string;
  onHover: (hover: HoverInfo | null) => void;
  onSelect: (code: string | null) => void;
  /** Called after the first frame that shows the features of `viewKey`, fitted, has been drawn. */
  onPainted: (viewKey: string) => void;
  /**
   * The siting view's drawing (src/ui/siting/SitingPanel.tsx): features with a `role` of
   * `candidate-ring`, `candidate`, `reached`, `site-ring` or `site`; null draws nothing.
   */
  sitingOverlay?: FeatureCollection | null;
  /** Placement mode: a crosshair cursor over the map. */
  placing?: boolean;
  /**
   * deck.gl layers of the dashboard (facility and demand layers): descriptions
   * (`PointLayerSpec`, map/overlay/spec.ts) or deck.gl `Layer` instances. deck.gl is loaded and
   * the overlay made the first time this or `extraLayers` is non-empty (never before: the first map
   * does not pay for it); after that the overlay stays and an empty array draws nothing.
   */
  overlayLayers?: readonly unknown[];
  /**
   * More deck.gl layers (descriptions or `Layer` instances), drawn above `overlayLayers`: the
   * siting view's candidate rings and suggested sites. Same loading rule. Give each a stable `id`.
   */
  extraLayers?: readonly unknown[];
  /** The pickable overlay object under the pointer (or null when it leaves it). */
  onOverlayHover?: (pick: OverlayPick | null) => void;
  /** A click on a pickable overlay object; return true when it is consumed (no region selection). */
  onOverlayClick?: (pick: OverlayPick) => boolean;
  /**
   * A click anywhere on the map, called first (before the overlay's objects and the regions), with
   * the clicked [lng, lat]. Return true to consume it: the region selection does not change.
   */
  onMapClick?: (lngLat: [number, number]) => boolean;
  /** The map's zoom after every move (for layers that cluster by zoom). */
  onZoom?: (zoom: number) => void;
  /**
   * Where the map looks (the view's `cam`); null or absent = fitted to `features`. A new camera
   * moves the map there; a new `viewKey` without one fits.
   */
  camera?: Camera | null;
  /** Fit padding in pixels on every side, instead of the default that keeps clear of the dashboard's controls. */
  padding?: number;
  /** The camera after a move the user made (drag, wheel, keys, zoom buttons), rounded as the URL keeps it. */
  onCamera?: (camera: Camera) => void;
}

const SITING_SOURCE = 'siting';
const FIT_PADDING = { top: 36, bottom: 36, left: 36, right: 36 };
/** Width kept free on the left for the controls panel (290 px + margins) when the map is wide. */
const CONTROLS_WIDTH = 320;
/** Width kept free on the right for the legend (≈ 230 px + margins) when the map is very wide. */
const LEGEND_WIDTH = 250;

/** Fit padding for a map of `width` pixels: clear of the controls panel and legend when there is room. */
function fitPadding(width: number, fixed?: number): typeof FIT_PADDING {
  if (fixed !== undefined) return { top: fixed, bottom: fixed, left: fixed, right: fixed };
  if (width > 1000) return { ...FIT_PADDING, left: CONTROLS_WIDTH, right: LEGEND_WIDTH };
  return width > 2.5 * CONTROLS_WIDTH ? { ...FIT_PADDING, left: CONTROLS_WIDTH } : FIT_PADDING;
}

/** The regions with their class colour baked into a `fill` property, as the fill layer reads it. */
export function coloured(features: BoundaryCollection, classification: Classification): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: features.features.map((f) => ({ ...f, properties: { ...f.properties, fill: fillOf(classification, f.properties.code) } })),
  };
}

/**
 * The map: one MapLibre GL map with an inline offline style (base-style.ts). The choropleth is a
 * MapLibre fill layer over a GeoJSON source of the regions on screen, each carrying its class
 * colour (a later colour change of the same regions is feature state); hover and selection
 * outlines are feature state, so moving the pointer never re-tiles.
 * Names are HTML labels over the canvas (labels/html-labels.ts).
 *
 * One WebGL context and no glyph atlas: on the benchmark machine (software WebGL) a second
 * context for a deck.gl overlay and its text atlas cost about 5 s before the first map
 * (docs/BENCHMARKS.md, "History"). The map is created once per dataset (`context`); a new `viewKey` fits the
 * map to the new features. The container carries the current centre and zoom as `data-center`
 * / `data-zoom` so tests can find a region on screen.
 */
export function MapView(props: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const [mapReady, setMapReady] = useState<maplibregl.Map | null>(null);
  // Bumped when the overlay has been made, so the layers asked for meanwhile are applied.
  const [overlayTick, setOverlayTick] = useState(0);
  const labels = useRef<HtmlLabels | null>(null);
  // Bounds the map was last fitted to, kept in view when the container changes size.
  const fitted = useRef<[number, number, number, number] | null>(null);
  // The last camera the user moved to (so the same camera coming back as a prop does not jump).
  const userCamera = useRef<Camera | null>(null);
  // Codes carrying the hover / selected feature state.
  const hovered = useRef<string | null>(null);
  const selectedState = useRef<string | null>(null);
  // Callbacks change identity on every parent render; map handlers read them through a ref.
  const callbacks = useRef(props);
  callbacks.current = props;

  const { features, viewKey, classification, colorKey, selected, lang } = props;
  const points = useMemo(() => labelPoints(features), [features]);
  // What the regions source holds: set with the style when the map is made, replaced after.
  const shownData = useRef<{ features: BoundaryCollection; colorKey: string } | null>(null);
  // Fills the context source with the counties, once: it starts empty when the first regions are
  // the counties themselves (base-style.ts), and is filled after the first paint or when a view
  // needs the context, whichever comes first.
  const loadContext = useRef<(() => void) | null>(null);
  // The deck.gl overlay: made on the first non-empty layer list (deck-overlay.ts, a lazy chunk).
  const overlay = useRef<DeckOverlay | null>(null);
  const overlayState = useRef<'none' | 'loading' | 'ready'>('none');
  const overlayHit = useRef(false);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const now = callbacks.current;
    shownData.current = { features: now.features, colorKey: now.colorKey };
    let contextLoaded = !coversContext(now.features, props.context);
    const fillContext = () => {
      const source = map.getSource(CONTEXT_SOURCE) as maplibregl.GeoJSONSource | undefined;
      if (contextLoaded || !source) return;
      contextLoaded = true;
      source.setData(props.context);
    };
    const start = now.camera;
    const map = new maplibregl.Map({
      container: el,
      style: baseStyle(props.context, coloured(now.features, now.classification)),
      ...(start
        ? { center: [start.lon, start.lat] as [number, number], zoom: start.zoom, bearing: start.bearing, pitch: start.pitch }
        : { bounds: boundsOf(now.features.features.length ? now.features : props.context), fitBoundsOptions: { padding: fitPadding(el.clientWidth, now.padding) } }),
      attributionControl: false,
      // No symbol layers (names are HTML labels), so nothing fades in; with the default 300 ms the
      // map kept drawing frames for that long after every change before it was idle (README
      // "Benchmarks": each frame costs 0.1–0.2 s on software WebGL).
      fadeDuration: 0,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    map.touchZoomRotate.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    labels.current = new HtmlLabels(el);
    const publishView = () => {
      const c = map.getCenter();
      el.setAttribute('data-center', `${c.lng},${c.lat}`);
      el.setAttribute('data-zoom', String(map.getZoom()));
    };
    map.on('moveend', publishView);
    // Only the user's own moves become the view's camera (a fit after a drill is not one).
    map.on('moveend', (e: { originalEvent?: Event }) => {
      if (!e.originalEvent) return;
      const c = map.getCenter();
      const cam = normaliseCamera({ lon: c.lng, lat: c.lat, zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() });
      userCamera.current = cam;
      fitted.current = null;
      callbacks.current.onCamera?.(cam);
    });
    map.on('moveend', () => callbacks.current.onZoom?.(map.getZoom()));
    map.once('load', () => callbacks.current.onZoom?.(map.getZoom()));
    map.once('load', publishView);
    map.on('move', () => labels.current?.place((p) => map.project(p)));
    // The counties go to MapLibre's worker once the first map is drawn, ready for a drill.
    map.once('idle', fillContext);
    loadContext.current = fillContext;

    const setHover = (code: string | null) => {
      if (hovered.current === code) return;
      if (hovered.current) map.setFeatureState({ source: REGION_SOURCE, id: hovered.current }, { hover: false });
      hovered.current = code;
      if (code) map.setFeatureState({ source: REGION_SOURCE, id: code }, { hover: true });
      map.getCanvas().style.cursor = callbacks.current.placing ? 'crosshair' : code ? 'pointer' : '';
    };
    map.on('mousemove', REGION_FILL_LAYER, (e) => {
      // Over an overlay object the object's tooltip shows, not the region's.
      if (overlayHit.current) {
        setHover(null);
        callbacks.current.onHover(null);
        return;
      }
      const code = (e.features?.[0]?.properties?.code as string | undefined) ?? null;
      setHover(code);
      callbacks.current.onHover(code ? { code, x: e.point.x, y: e.point.y } : null);
    });
    map.on('mouseleave', REGION_FILL_LAYER, () => {
      setHover(null);
      callbacks.current.onHover(null);
    });
    map.on('click', (e) => {
      // Order: the caller's map click (placing a candidate), then overlay objects, then regions.
      if (callbacks.current.onMapClick?.([e.lngLat.lng, e.lngLat.lat])) return;
      const picked = overlay.current?.pick(e.point.x, e.point.y);
      if (picked && callbacks.current.onOverlayClick?.(picked)) return;
      const hit = map.queryRenderedFeatures(e.point, { layers: [REGION_FILL_LAYER] })[0];
      callbacks.current.onSelect((hit?.properties?.code as string | undefined) ?? null);
    });

    setMapReady(map);
    // Keep the whole region in view when the container changes size (window, full screen).
    const observer = new ResizeObserver(() => {
      map.resize();
      if (fitted.current) map.fitBounds(fitted.current, { padding: fitPadding(map.getContainer().clientWidth, callbacks.current.padding), animate: false });
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      labels.current?.remove();
      labels.current = null;
      hovered.current = null;
      selectedState.current = null;
      setMapReady(null);
      loadContext.current = null;
      overlay.current?.remove();
      overlay.current = null;
      overlayState.current = 'none';
      el.dataset.overlay = 'none';
      map.remove();
    };
  }, [props.context]);

  // New regions: replace the source's data with the colours baked in. New colours for the same
  // regions (metric, period, filter): feature state, which repaints without sending the polygons
  // to the worker and tiling them again (a cross-filter change, docs/BENCHMARKS.md, "History").
  const replaceRegions = (map: maplibregl.Map, regions: BoundaryCollection, colours: Classification) => {
    hovered.current = null;
    // Colour, hover and selection states belonged to the old data (the selection is set again below).
    try {
      map.removeFeatureState({ source: REGION_SOURCE });
    } catch {
      // Nothing to clear while the style loads.
    }
    selectedState.current = null;
    const covered = coversContext(regions, props.context);
    if (!covered) loadContext.current?.();
    for (const id of CONTEXT_LAYERS) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', covered ? 'none' : 'visible');
    (map.getSource(REGION_SOURCE) as maplibregl.GeoJSONSource | undefined)?.setData(coloured(regions, colours));
  };
  useEffect(() => {
    const map = mapReady;
    if (!map) return;
    const last = shownData.current;
    if (last && last.features === features && last.colorKey === colorKey) return;
    // New regions or colours before the style has loaded (the map was just made, e.g. on entering
    // the briefing while the unit's data arrived): the source does not exist yet, so apply them
    // once it does, with whatever is current then.
    if (!map.getSource(REGION_SOURCE)) {
      const later = () => {
        const now = callbacks.current;
        shownData.current = { features: now.features, colorKey: now.colorKey };
        replaceRegions(map, now.features, now.classification);
      };
      map.once('load', later);
      return () => {
        map.off('load', later);
      };
    }
    shownData.current = { features, colorKey };
    if (last?.features === features) {
      try {
        for (const f of features.features) map.setFeatureState({ source: REGION_SOURCE, id: f.properties.code }, { fill: fillOf(classification, f.properties.code) });
        return;
      } catch {
        // The style is still loading: bake the colours into the data instead.
      }
    }
    replaceRegions(map, features, classification);
    // `classification` is read with `colorKey`, which names it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mapReady, features, colorKey]);

  // The selected region's outline.
  useEffect(() => {
    const map = mapReady;
    if (!map) return;
    const apply = () => {
      if (selectedState.current && selectedState.current !== selected) map.setFeatureState({ source: REGION_SOURCE, id: selectedState.current }, { selected: false });
      selectedState.current = selected;
      if (selected) map.setFeatureState({ source: REGION_SOURCE, id: selected }, { selected: true });
    };
    // Feature state needs a loaded style: a village opened from a link selects before it is.
    if (map.isStyleLoaded()) {
      apply();
      return;
    }
    const retry = () => {
      try {
        apply();
      } catch {
        map.once('idle', retry);
      }
    };
    map.once('idle', retry);
    return () => {
      map.off('idle', retry);
    };
  }, [mapReady, selected, features]);

  // A new feature set: fit to it, then report it painted once the map has drawn it and is idle.
  useEffect(() => {
    const map = mapReady;
    if (!map) return;
    let done = false;
    const cam = callbacks.current.camera;
    if (cam) {
      fitted.current = null;
      map.jumpTo({ center: [cam.lon, cam.lat], zoom: cam.zoom, bearing: cam.bearing, pitch: cam.pitch });
    } else if (features.features.length) {
      fitted.current = boundsOf(features);
      map.fitBounds(fitted.current, { padding: fitPadding(map.getContainer().clientWidth, callbacks.current.padding), animate: false });
    }
    const onIdle = () => {
      if (done) return;
      done = true;
      callbacks.current.onPainted(viewKey);
    };
    map.once('idle', onIdle);
    map.triggerRepaint();
    return () => {
      done = true;
      map.off('idle', onIdle);
    };
    // Fit only when the feature set changes, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mapReady, viewKey]);

  // A camera from the view (a saved view, back/forward) for the regions already on screen; a
  // camera cleared on the same regions fits them again.
  const cameraKey = props.camera ? `${props.camera.lon},${props.camera.lat},${props.camera.zoom},${props.camera.bearing},${props.camera.pitch}` : '';
  const firstCamera = useRef(true);
  useEffect(() => {
    const map = mapReady;
    if (!map) return;
    if (firstCamera.current) {
      firstCamera.current = false;
      return;
    }
    const cam = callbacks.current.camera;
    const mine = userCamera.current;
    if (cam && mine && cam.lon === mine.lon && cam.lat === mine.lat && cam.zoom === mine.zoom && cam.bearing === mine.bearing && cam.pitch === mine.pitch) return;
    userCamera.current = null;
    if (cam) {
      fitted.current = null;
      map.jumpTo({ center: [cam.lon, cam.lat], zoom: cam.zoom, bearing: cam.bearing, pitch: cam.pitch });
    } else if (callbacks.current.features.features.length) {
      fitted.current = boundsOf(callbacks.current.features);
      map.fitBounds(fitted.current, { padding: fitPadding(map.getContainer().clientWidth, callbacks.current.padding), animate: false });
    }
    // Only a new camera moves the map.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mapReady, cameraKey]);

  // The siting view's rings, reached villages and sites: one GeoJSON source and four layers,
  // added the first time there is something to draw.
  const { sitingOverlay, placing } = props;
  useEffect(() => {
    const map = mapReady;
    if (!map) return;
    const apply = () => {
      const data = sitingOverlay ?? { type: 'FeatureCollection' as const, features: [] };
      const source = map.getSource(SITING_SOURCE) as maplibregl.GeoJSONSource | undefined;
      if (source) {
        source.setData(data);
        return;
      }
      if (!sitingOverlay) return;
      map.addSource(SITING_SOURCE, { type: 'geojson', data });
      const role = (r: string[]) => ['in', ['get', 'role'], ['literal', r]] as maplibregl.FilterSpecification;
      map.addLayer({ id: 'siting-ring-fill', type: 'fill', source: SITING_SOURCE, filter: role(['candidate-ring', 'site-ring']),
        paint: { 'fill-color': ['match', ['get', 'role'], 'candidate-ring', '#f0a500', '#7b2cbf'], 'fill-opacity': ['match', ['get', 'role'], 'candidate-ring', 0.12, 0.06] } });
      map.addLayer({ id: 'siting-ring-line', type: 'line', source: SITING_SOURCE, filter: role(['candidate-ring', 'site-ring']),
        paint: { 'line-color': ['match', ['get', 'role'], 'candidate-ring', '#b07800', '#7b2cbf'], 'line-width': ['match', ['get', 'role'], 'candidate-ring', 2, 1.2], 'line-dasharray': [3, 2] } });
      map.addLayer({ id: 'siting-reached', type: 'circle', source: SITING_SOURCE, filter: role(['reached']),
        paint: { 'circle-radius': 2.5, 'circle-color': '#b07800', 'circle-stroke-color': '#fff', 'circle-stroke-width': 0.5 } });
      map.addLayer({ id: 'siting-points', type: 'circle', source: SITING_SOURCE, filter: role(['candidate', 'site']),
        paint: { 'circle-radius': ['match', ['get', 'role'], 'candidate', 7, 6], 'circle-color': ['match', ['get', 'role'], 'candidate', '#f0a500', '#7b2cbf'], 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 } });
    };
    let retry: (() => void) | null = null;
    try {
      apply();
    } catch {
      // The style itself is still loading: draw once the map is idle.
      retry = () => apply();
      map.once('idle', retry);
    }
    map.triggerRepaint();
    return () => {
      if (retry) map.off('idle', retry);
    };
  }, [mapReady, sitingOverlay]);
  useEffect(() => {
    if (mapReady) mapReady.getCanvas().style.cursor = placing ? 'crosshair' : '';
  }, [mapReady, placing]);

  // Which labels fit: recomputed when the view settles and when the language changes.
  useEffect(() => {
    const map = mapReady;
    if (!map) return;
    const project = (p: [number, number]) => map.project(p);
    const place = () => labels.current?.update(points, lang, visibleLabels(points, lang, project), project);
    place();
    map.on('moveend', place);
    map.on('resize', place);
    return () => {
      map.off('moveend', place);
      map.off('resize', place);
    };
  }, [points, lang, mapReady]);

  // deck.gl layers: load deck.gl and make the overlay on first need, then `setProps({layers})`.
  const { overlayLayers, extraLayers } = props;
  useEffect(() => {
    const map = mapReady;
    const el = container.current;
    if (!map || !el) return;
    const layers = [...(overlayLayers ?? []), ...(extraLayers ?? [])];
    const apply = (o: DeckOverlay) => {
      const asked = performance.now();
      o.setLayers(layers);
      el.dataset.overlayLayers = o.layerIds().join(',');
      el.dataset.overlayDrawn = 'false';
      // The next idle frame after new layers: they are drawn (tests and the README's timings read it).
      map.once('idle', () => {
        if (el.dataset.overlayLayers !== o.layerIds().join(',')) return;
        el.dataset.overlayDrawn = 'true';
        el.dataset.overlayIdleMs = String(Math.round(performance.now() - asked));
      });
      map.triggerRepaint();
    };
    if (overlay.current) {
      apply(overlay.current);
      return;
    }
    if (!layers.length || overlayState.current === 'loading') return;
    overlayState.current = 'loading';
    el.dataset.overlay = 'loading';
    const started = performance.now();
    // The map's own cleanup sets the state back to 'none': a map removed meanwhile gets no overlay.
    const gone = () => overlayState.current !== 'loading';
    void import('./overlay/deck-overlay')
      .then(({ createDeckOverlay }) =>
        gone() ? null : createDeckOverlay(map, (pick) => {
          overlayHit.current = pick !== null;
          map.getCanvas().style.cursor = pick ? 'pointer' : '';
          callbacks.current.onOverlayHover?.(pick);
        }),
      )
      .then((o) => {
        if (!o) return;
        if (gone()) {
          o.remove();
          return;
        }
        overlay.current = o;
        overlayState.current = 'ready';
        el.dataset.overlay = 'ready';
        el.dataset.overlayLoadMs = String(Math.round(performance.now() - started));
        setOverlayTick((n) => n + 1);
      })
      .catch((err: unknown) => {
        overlayState.current = 'none';
        el.dataset.overlay = 'failed';
        console.warn('deck.gl overlay failed to load', err);
      });
  }, [mapReady, overlayLayers, extraLayers, overlayTick]);

  return <div ref={container} className="map-canvas" role="region" aria-label={props.label} data-overlay="none" />;
}

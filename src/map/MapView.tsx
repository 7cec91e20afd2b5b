import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Layer, PickingInfo } from '@deck.gl/core';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { BoundaryCollection } from '../data/dataset-client';
import type { Lang } from '../i18n';
import { baseStyle } from './base-style';
import { boundsOf } from './bounds';
import type { Classification } from './choropleth/classes';
import { choroplethLayer, focusOutlineLayer } from './choropleth/choropleth-layer';
import { LABEL_FONT_FAMILY, labelCharacters, labelLayer, visibleLabels } from './labels/label-layer';
import { labelPoints } from './labels/label-points';

maplibregl.setWorkerUrl(workerUrl);

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
  /** Changes when the fill colours change (see `choroplethLayer`). */
  colorKey: string;
  lang: Lang;
  selected: string | null;
  /** Accessible name of the map. */
  label: string;
  onHover: (hover: HoverInfo | null) => void;
  onSelect: (code: string | null) => void;
  /** Called after the first frame that shows the features of `viewKey`, fitted, has been drawn. */
  onPainted: (viewKey: string) => void;
}

const FIT_PADDING = { top: 36, bottom: 36, left: 36, right: 36 };
/** Width kept free on the left for the controls panel (290 px + margins) when the map is wide. */
const CONTROLS_WIDTH = 320;
/** Width kept free on the right for the legend (≈ 230 px + margins) when the map is very wide. */
const LEGEND_WIDTH = 250;

/** Fit padding for a map of `width` pixels: clear of the controls panel and legend when there is room. */
function fitPadding(width: number): typeof FIT_PADDING {
  if (width > 1000) return { ...FIT_PADDING, left: CONTROLS_WIDTH, right: LEGEND_WIDTH };
  return width > 2.5 * CONTROLS_WIDTH ? { ...FIT_PADDING, left: CONTROLS_WIDTH } : FIT_PADDING;
}

/**
 * MapLibre base map (inline offline style) with the deck.gl choropleth over it
 * (`MapboxOverlay`, `interleaved: false`, the mode that works with maplibre-gl 6 — STACK.md).
 * The map is created once per dataset (`context`); a new `viewKey` fits the map to the new
 * features, and later props only replace deck.gl layers. The container carries the current
 * centre and zoom as `data-center` / `data-zoom` so tests can find a region on screen.
 */
export function MapView(props: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const overlay = useRef<MapboxOverlay | null>(null);
  const hasLayers = useRef(false);
  // The view being painted: fitted and drawn once the map is idle and deck.gl has drawn its layers.
  const pending = useRef<{ key: string; mapIdle: boolean; deckDrawn: boolean; done: boolean } | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  // Bounds the map was last fitted to, kept in view when the container changes size.
  const fitted = useRef<[number, number, number, number] | null>(null);
  const [mapReady, setMapReady] = useState<maplibregl.Map | null>(null);
  const [fontReady, setFontReady] = useState(false);
  const [labelsShown, setLabelsShown] = useState<ReadonlySet<string>>(new Set());
  const mapRef = useRef<maplibregl.Map | null>(null);
  // Callbacks change identity on every parent render; deck.gl reads them through a ref.
  const callbacks = useRef(props);
  callbacks.current = props;

  const points = useMemo(() => labelPoints(props.features), [props.features]);

  useEffect(() => {
    let cancelled = false;
    setFontReady(false);
    document.fonts
      .load(`700 16px ${LABEL_FONT_FAMILY}`, labelCharacters(points))
      .catch(() => [])
      .then(() => {
        if (!cancelled) setFontReady(true);
      });
    return () => {
      cancelled = true;
    };
  }, [points]);

  useEffect(() => {
    if (!container.current) return;
    const map = new maplibregl.Map({
      container: container.current,
      style: baseStyle(props.context),
      bounds: boundsOf(props.features.features.length ? props.features : props.context),
      fitBoundsOptions: { padding: fitPadding(container.current.clientWidth) },
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    map.touchZoomRotate.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    const publishView = () => {
      const c = map.getCenter();
      container.current?.setAttribute('data-center', `${c.lng},${c.lat}`);
      container.current?.setAttribute('data-zoom', String(map.getZoom()));
    };
    map.on('moveend', publishView);
    map.once('load', publishView);
    const deck = new MapboxOverlay({
      interleaved: false,
      layers: [],
      onHover: (info: PickingInfo) => {
        const code = (info.object as { properties?: { code?: string } } | undefined)?.properties?.code ?? null;
        setHovered(code);
        map.getCanvas().style.cursor = code ? 'pointer' : '';
        callbacks.current.onHover(code ? { code, x: info.x, y: info.y } : null);
      },
      onClick: (info: PickingInfo) => {
        const code = (info.object as { properties?: { code?: string } } | undefined)?.properties?.code ?? null;
        callbacks.current.onSelect(code);
      },
      onAfterRender: () => {
        const p = pending.current;
        if (!hasLayers.current || !p) return;
        p.deckDrawn = true;
        checkPainted();
      },
    });
    map.addControl(deck);
    overlay.current = deck;
    mapRef.current = map;
    setMapReady(map);
    // Keep the whole region in view when the container changes size (window, full screen).
    const observer = new ResizeObserver(() => {
      map.resize();
      if (fitted.current) map.fitBounds(fitted.current, { padding: fitPadding(map.getContainer().clientWidth), animate: false });
    });
    observer.observe(container.current);
    return () => {
      observer.disconnect();
      overlay.current = null;
      mapRef.current = null;
      hasLayers.current = false;
      pending.current = null;
      setMapReady(null);
      map.remove();
    };
  }, [props.context]);

  const { features, viewKey, classification, colorKey, selected, lang } = props;

  function checkPainted() {
    const p = pending.current;
    if (!p || p.done || !p.mapIdle || !p.deckDrawn) return;
    p.done = true;
    callbacks.current.onPainted(p.key);
  }

  // A new feature set: fit to it, then report it painted once the map is idle and deck.gl drew.
  useEffect(() => {
    const map = mapReady;
    if (!map) return;
    const p = { key: viewKey, mapIdle: false, deckDrawn: false, done: false };
    pending.current = p;
    if (features.features.length) {
      fitted.current = boundsOf(features);
      map.fitBounds(fitted.current, { padding: fitPadding(map.getContainer().clientWidth), animate: false });
    }
    const onIdle = () => {
      p.mapIdle = true;
      checkPainted();
    };
    map.once('idle', onIdle);
    map.triggerRepaint();
    return () => {
      map.off('idle', onIdle);
    };
    // Fit only when the feature set changes, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mapReady, viewKey]);

  // Which labels fit: recomputed when the view settles and when the language changes.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const place = () => setLabelsShown(visibleLabels(points, lang, (p) => map.project(p)));
    place();
    map.on('moveend', place);
    map.on('resize', place);
    return () => {
      map.off('moveend', place);
      map.off('resize', place);
    };
  }, [points, lang, mapReady]);
  useEffect(() => {
    const layerProps = { features, classification, colorKey, hovered, selected };
    const layers: Layer[] = [choroplethLayer(layerProps), focusOutlineLayer(layerProps)];
    if (fontReady) layers.push(labelLayer(points, lang, labelsShown));
    if (!overlay.current) return;
    overlay.current.setProps({ layers });
    hasLayers.current = true;
  }, [features, classification, colorKey, hovered, selected, lang, fontReady, points, labelsShown, mapReady]);

  return <div ref={container} className="map-canvas" role="region" aria-label={props.label} />;
}

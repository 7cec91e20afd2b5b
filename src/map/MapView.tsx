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
  counties: BoundaryCollection;
  classification: Classification;
  /** Changes when the fill colours change (see `choroplethLayer`). */
  colorKey: string;
  lang: Lang;
  selected: string | null;
  /** Accessible name of the map. */
  label: string;
  onHover: (hover: HoverInfo | null) => void;
  onSelect: (code: string | null) => void;
  /** Called once, after the first frame with the choropleth has been drawn. */
  onPainted: () => void;
}

const FIT_PADDING = { top: 36, bottom: 36, left: 36, right: 36 };

/**
 * MapLibre base map (inline offline style) with the deck.gl choropleth over it
 * (`MapboxOverlay`, `interleaved: false`, the mode that works with maplibre-gl 6 — STACK.md).
 * The map is created once per boundary collection; later props only replace deck.gl layers.
 */
export function MapView(props: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const overlay = useRef<MapboxOverlay | null>(null);
  const hasLayers = useRef(false);
  const [hovered, setHovered] = useState<string | null>(null);
  const [fontReady, setFontReady] = useState(false);
  const [labelsShown, setLabelsShown] = useState<ReadonlySet<string>>(new Set());
  const mapRef = useRef<maplibregl.Map | null>(null);
  // Callbacks change identity on every parent render; deck.gl reads them through a ref.
  const callbacks = useRef(props);
  callbacks.current = props;

  const points = useMemo(() => labelPoints(props.counties), [props.counties]);

  useEffect(() => {
    let cancelled = false;
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
      style: baseStyle(props.counties),
      bounds: boundsOf(props.counties),
      fitBoundsOptions: { padding: FIT_PADDING },
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    map.touchZoomRotate.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    // "Painted" = the base map is idle and deck.gl has drawn a frame that had the choropleth.
    let painted = false;
    let mapIdle = false;
    let deckDrawn = false;
    const checkPainted = () => {
      if (painted || !mapIdle || !deckDrawn) return;
      painted = true;
      callbacks.current.onPainted();
    };
    map.once('idle', () => {
      mapIdle = true;
      checkPainted();
    });
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
        if (!hasLayers.current) return;
        deckDrawn = true;
        checkPainted();
      },
    });
    map.addControl(deck);
    overlay.current = deck;
    mapRef.current = map;
    // Keep the whole region in view when the container changes size (window, full screen).
    const observer = new ResizeObserver(() => {
      map.resize();
    });
    observer.observe(container.current);
    return () => {
      observer.disconnect();
      overlay.current = null;
      mapRef.current = null;
      hasLayers.current = false;
      map.remove();
    };
  }, [props.counties]);

  const { counties, classification, colorKey, selected, lang } = props;

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
  }, [points, lang]);
  useEffect(() => {
    const layerProps = { counties, classification, colorKey, hovered, selected };
    const layers: Layer[] = [choroplethLayer(layerProps), focusOutlineLayer(layerProps)];
    if (fontReady) layers.push(labelLayer(points, lang, labelsShown));
    if (!overlay.current) return;
    overlay.current.setProps({ layers });
    hasLayers.current = true;
  }, [counties, classification, colorKey, hovered, selected, lang, fontReady, points, labelsShown]);

  return <div ref={container} className="map-canvas" role="region" aria-label={props.label} />;
}

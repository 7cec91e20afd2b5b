import * as maplibregl from 'maplibre-gl';
import type { BoundaryCollection } from '../../data/dataset-client';
import { placeName, type Lang } from '../../i18n';
import { baseStyle } from '../../map/base-style';
import { boundsOf } from '../../map/bounds';
import type { Classification } from '../../map/choropleth/classes';
import { LABEL_SIZE, visibleLabels } from '../../map/labels/html-labels';
import { labelPoints } from '../../map/labels/label-points';
import { coloured } from '../../map/MapView';

export interface MapImageRequest {
  /** The dataset's counties, drawn grey around the regions (as on screen). */
  context: BoundaryCollection;
  /** The regions the choropleth colours. */
  features: BoundaryCollection;
  classification: Classification;
  lang: Lang;
  /** Size of the picture in device pixels. */
  width: number;
  height: number;
  /**
   * Device pixels per CSS pixel: line widths and names scale with it. 1 draws as the screen does
   * at 1920 × 1080; 2 for 3840 × 2160 (the same map, twice as sharp, not an upscaled copy).
   */
  pixelRatio: number;
  /** Give up after this long (software WebGL draws a large map in seconds). */
  timeoutMs?: number;
}

/** A name over the map: white halo, dark text, centred on its label point. */
function drawLabel(g: CanvasRenderingContext2D, text: string, x: number, y: number, size: number): void {
  g.font = `${size}px 'Noto Sans SC', sans-serif`;
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.lineJoin = 'round';
  g.lineWidth = size * 0.25;
  g.strokeStyle = 'rgba(255, 255, 255, 0.9)';
  g.strokeText(text, x, y);
  g.fillStyle = '#1f2328';
  g.fillText(text, x, y);
}

/**
 * The choropleth drawn by a MapLibre map of its own, off screen, at exactly the size asked, fitted
 * to the regions, with their names drawn on top (the screen's HTML labels, decluttered the same
 * way). A map of its own, rather than a read-back of the one on screen, so the picture has the
 * requested size and shape at full sharpness (MapLibre draws it at `pixelRatio`), the map on
 * screen neither moves nor flickers, and views that are not on screen (briefing pages) can be
 * drawn too. The map is removed once read. Facility and siting overlays are not drawn.
 */
export async function renderMapImage(req: MapImageRequest): Promise<HTMLCanvasElement> {
  const { width, height, pixelRatio: pr } = req;
  const host = document.createElement('div');
  // Off screen but laid out (MapLibre reads the container's size), never hit by the pointer.
  host.style.cssText = `position:fixed;left:-${Math.ceil(width / pr) + 100}px;top:0;width:${width / pr}px;height:${height / pr}px;pointer-events:none;`;
  host.setAttribute('aria-hidden', 'true');
  host.dataset.testid = 'export-map';
  document.body.appendChild(host);
  const text = new Set<string>();
  const points = labelPoints(req.features);
  for (const p of points) text.add(placeName(p, req.lang));
  // The page's Noto Sans SC is loaded by unicode-range: ask for the files the names need.
  const fontReady = document.fonts.load(`${LABEL_SIZE * pr}px 'Noto Sans SC'`, [...text].join('')).catch(() => []);
  let map: maplibregl.Map | null = null;
  try {
    map = new maplibregl.Map({
      container: host,
      style: baseStyle(req.context, coloured(req.features, req.classification)),
      bounds: boundsOf(req.features.features.length ? req.features : req.context),
      fitBoundsOptions: { padding: Math.round(Math.min(width, height) / pr * 0.04) },
      interactive: false,
      attributionControl: false,
      fadeDuration: 0,
      pixelRatio: pr,
      maxCanvasSize: [8192, 8192],
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    const m = map;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('map did not finish drawing')), req.timeoutMs ?? 60_000);
      m.once('idle', () => {
        clearTimeout(timer);
        resolve();
      });
      m.on('error', (e) => {
        clearTimeout(timer);
        reject(e.error ?? new Error('map error'));
      });
    });
    await fontReady;
    const out = document.createElement('canvas');
    out.width = width;
    out.height = height;
    const g = out.getContext('2d');
    if (!g) throw new Error('no 2D canvas');
    g.drawImage(m.getCanvas(), 0, 0, width, height);
    const project = (p: [number, number]) => m.project(p);
    const shown = visibleLabels(points, req.lang, project);
    for (const p of points) {
      if (!shown.has(p.code)) continue;
      const { x, y } = project(p.position);
      drawLabel(g, placeName(p, req.lang), x * pr, y * pr, LABEL_SIZE * pr);
    }
    return out;
  } finally {
    map?.remove();
    host.remove();
  }
}

/** `renderMapImage` as PNG bytes, e.g. for a page of the PDF briefing pack (`BriefingPage.map`). */
export async function mapImagePng(req: MapImageRequest): Promise<Uint8Array> {
  return canvasPng(await renderMapImage(req));
}

/** A canvas encoded as PNG. */
export async function canvasPng(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the picture could not be encoded');
  return new Uint8Array(await blob.arrayBuffer());
}

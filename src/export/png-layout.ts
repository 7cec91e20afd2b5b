/**
 * Where each part of the PNG export goes for a picture of width × height pixels. Designed at
 * 1920 × 1080 and scaled by `scale = min(width / 1920, height / 1080)`, so text and tiles keep
 * their proportion at 3840 × 2160 (scale 2) and 1280 × 720 (scale 0.667), and the map takes the
 * rest of the picture. Pure; src/ui/export/paint-png.ts draws into these boxes.
 */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PngLayout {
  width: number;
  height: number;
  scale: number;
  /** Font sizes in pixels. */
  font: { title: number; subtitle: number; asOf: number; kpiLabel: number; kpiValue: number; kpiNote: number; legendTitle: number; legend: number; footer: number };
  title: Rect;
  subtitle: Rect;
  asOf: Rect;
  kpis: Rect[];
  map: Rect;
  legend: Rect;
  /** Height of one legend entry (swatch and label). */
  legendRow: number;
  /** Provenance, then the notice line under it. */
  provenance: Rect;
  notice: Rect | null;
}

/** Smallest and largest picture the export offers (pixels per side). */
export const PNG_MIN = { width: 640, height: 360 } as const;
export const PNG_MAX = { width: 7680, height: 4320 } as const;

/** Width × height clamped to the offered range and rounded to whole pixels; null for non-numbers. */
export function clampPngSize(width: number, height: number): { width: number; height: number } | null {
  if (!Number.isFinite(width) || !Number.isFinite(height)) return null;
  return {
    width: Math.round(Math.min(PNG_MAX.width, Math.max(PNG_MIN.width, width))),
    height: Math.round(Math.min(PNG_MAX.height, Math.max(PNG_MIN.height, height))),
  };
}

/**
 * The layout for `kpiCount` tiles, with or without a notice line. Top to bottom: title and
 * subtitle (as-of quarter at the right), the KPI tiles in one row, the map with the legend in a
 * column at its right, provenance and notice along the bottom.
 */
export function pngLayout(width: number, height: number, kpiCount: number, withNotice: boolean): PngLayout {
  const s = Math.min(width / 1920, height / 1080);
  const u = (x: number) => Math.round(x * s);
  const m = u(40);
  const font = { title: u(44), subtitle: u(24), asOf: u(24), kpiLabel: u(20), kpiValue: u(44), kpiNote: u(17), legendTitle: u(22), legend: u(19), footer: u(16) };
  const inner = width - 2 * m;
  const title: Rect = { x: m, y: m, w: Math.round(inner * 0.7), h: u(54) };
  const subtitle: Rect = { x: m, y: title.y + title.h + u(4), w: inner, h: u(32) };
  const asOf: Rect = { x: m + Math.round(inner * 0.7), y: m, w: inner - Math.round(inner * 0.7), h: u(54) };
  const kpiTop = subtitle.y + subtitle.h + u(20);
  const kpiH = u(132);
  const n = Math.max(1, kpiCount);
  const gap = u(16);
  const tileW = (inner - gap * (n - 1)) / n;
  const kpis = Array.from({ length: kpiCount }, (_, i) => ({ x: Math.round(m + i * (tileW + gap)), y: kpiTop, w: Math.round(tileW), h: kpiH }));
  const footerLine = Math.round(font.footer * 1.5);
  const notice: Rect | null = withNotice ? { x: m, y: height - m - footerLine, w: inner, h: footerLine } : null;
  const provenance: Rect = { x: m, y: (notice ? notice.y : height - m) - 2 * footerLine, w: inner, h: 2 * footerLine };
  const bodyTop = kpiTop + kpiH + u(24);
  const bodyBottom = provenance.y - u(16);
  const legendW = u(400);
  const map: Rect = { x: m, y: bodyTop, w: inner - legendW - u(24), h: Math.max(u(100), bodyBottom - bodyTop) };
  const legend: Rect = { x: m + map.w + u(24), y: bodyTop, w: legendW, h: map.h };
  return { width, height, scale: s, font, title, subtitle, asOf, kpis, map, legend, legendRow: u(34), provenance, notice };
}

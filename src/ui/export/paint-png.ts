import { pngLayout, type Rect } from '../../export/png-layout';
import { TILE_STATUS_COLORS, type ExportSheet } from '../../export/sheet';
import { canvasPng, renderMapImage, type MapImageRequest } from './map-image';

const FONT = `'Noto Sans SC', sans-serif`;
const INK = '#1f2328';
const MUTED = '#57606a';
const RULE = '#d0d7de';
const TILE = '#f6f8fa';
const NOTICE = '#9a6700';

/** Every string the picture draws, so the font files they need are loaded first. */
function sheetText(s: ExportSheet): string {
  return [s.title, s.subtitle, s.asOf, s.legendTitle, s.provenance, s.notice ?? '',
    ...s.kpis.flatMap((k) => [k.label, k.value, k.unit, k.note, k.target, k.statusLabel]),
    ...s.legend.flatMap((l) => [l.label, l.count]), '0123456789…'].join('');
}

/** `text` cut to `max` pixels wide at the context's font, with "…" when cut. */
function fit(g: CanvasRenderingContext2D, text: string, max: number): string {
  if (g.measureText(text).width <= max) return text;
  const chars = [...text];
  while (chars.length && g.measureText(`${chars.join('')}…`).width > max) chars.pop();
  return `${chars.join('')}…`;
}

function text(g: CanvasRenderingContext2D, s: string, x: number, y: number, size: number, color: string, max: number, align: CanvasTextAlign = 'left'): number {
  g.font = `${size}px ${FONT}`;
  g.fillStyle = color;
  g.textAlign = align;
  g.textBaseline = 'alphabetic';
  const shown = fit(g, s, max);
  g.fillText(shown, x, y);
  return g.measureText(shown).width;
}

/** Lines of at most `max` pixels (breaks after spaces or between CJK characters), at most `lines`. */
function wrap(g: CanvasRenderingContext2D, s: string, max: number, lines: number): string[] {
  const tokens = s.match(/[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+/g) ?? [];
  const out: string[] = [];
  let line = '';
  for (const [i, tok] of tokens.entries()) {
    if (line && g.measureText(line + tok).width > max) {
      if (out.length === lines - 1) return [...out, fit(g, line + tokens.slice(i).join(''), max)];
      out.push(line.trimEnd());
      line = tok.trimStart();
    } else line += tok;
  }
  if (line.trim()) out.push(line.trimEnd());
  return out;
}

/**
 * The picture of the current view: title, as-of quarter, KPI tiles, the map (drawn afresh at the
 * picture's resolution, map-image.ts), legend, provenance and the synthetic-data notice, placed
 * by `pngLayout`. Returns the canvas, `width` × `height` device pixels.
 */
export async function paintViewPng(sheet: ExportSheet, map: Omit<MapImageRequest, 'width' | 'height' | 'pixelRatio'>, width: number, height: number): Promise<HTMLCanvasElement> {
  const L = pngLayout(width, height, sheet.kpis.length, sheet.notice !== null);
  // The page's Noto Sans SC is loaded by unicode-range: ask for the files this text needs.
  const fontsReady = document.fonts.load(`${L.font.title}px 'Noto Sans SC'`, sheetText(sheet)).catch(() => []);
  const mapCanvas = await renderMapImage({ ...map, width: L.map.w, height: L.map.h, pixelRatio: L.scale });
  await fontsReady;
  const out = document.createElement('canvas');
  out.width = width;
  out.height = height;
  const g = out.getContext('2d');
  if (!g) throw new Error('no 2D canvas');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, width, height);

  // Title, subtitle, as-of quarter.
  text(g, sheet.title, L.title.x, L.title.y + L.font.title, L.font.title, INK, L.title.w);
  text(g, sheet.asOf, L.asOf.x + L.asOf.w, L.asOf.y + L.font.title, L.font.asOf, MUTED, L.asOf.w, 'right');
  text(g, sheet.subtitle, L.subtitle.x, L.subtitle.y + L.font.subtitle, L.font.subtitle, MUTED, L.subtitle.w);

  // KPI tiles.
  sheet.kpis.forEach((k, i) => {
    const r = L.kpis[i]!;
    const pad = Math.round(18 * L.scale);
    g.fillStyle = TILE;
    g.fillRect(r.x, r.y, r.w, r.h);
    g.fillStyle = TILE_STATUS_COLORS[k.status ?? 'none'];
    g.fillRect(r.x, r.y, Math.max(2, Math.round(8 * L.scale)), r.h);
    const x = r.x + pad + Math.round(6 * L.scale);
    const w = r.w - 2 * pad;
    text(g, k.label, x, r.y + pad + L.font.kpiLabel, L.font.kpiLabel, MUTED, w);
    const vy = r.y + pad + L.font.kpiLabel + Math.round(10 * L.scale) + L.font.kpiValue;
    const vw = text(g, k.value, x, vy, L.font.kpiValue, INK, w);
    if (k.unit) text(g, k.unit, x + vw + Math.round(6 * L.scale), vy, L.font.kpiLabel, MUTED, w - vw);
    const note = [k.target, k.statusLabel, k.note].filter(Boolean).join(' · ');
    if (note) text(g, note, x, r.y + r.h - pad + Math.round(2 * L.scale), L.font.kpiNote, k.statusLabel ? TILE_STATUS_COLORS[k.status ?? 'none'] : MUTED, w);
  });

  // Map and its frame.
  g.drawImage(mapCanvas, L.map.x, L.map.y, L.map.w, L.map.h);
  frame(g, L.map, Math.max(1, Math.round(L.scale)));

  // Legend.
  let y = L.legend.y + L.font.legendTitle;
  for (const line of wrap((g.font = `${L.font.legendTitle}px ${FONT}`, g), sheet.legendTitle, L.legend.w, 2)) {
    text(g, line, L.legend.x, y, L.font.legendTitle, INK, L.legend.w);
    y += Math.round(L.font.legendTitle * 1.35);
  }
  y += Math.round(8 * L.scale);
  const sw = Math.round(L.font.legend * 1.3);
  for (const l of sheet.legend) {
    if (y + L.legendRow > L.legend.y + L.legend.h) break;
    g.fillStyle = l.color;
    g.fillRect(L.legend.x, y, sw, Math.round(sw * 0.75));
    frame(g, { x: L.legend.x, y, w: sw, h: Math.round(sw * 0.75) }, 1);
    const countW = l.count ? text(g, l.count, L.legend.x + L.legend.w, y + L.font.legend, L.font.legend, MUTED, L.legend.w / 3, 'right') : 0;
    text(g, l.label, L.legend.x + sw + Math.round(12 * L.scale), y + L.font.legend, L.font.legend, INK, L.legend.w - sw - countW - Math.round(20 * L.scale));
    y += L.legendRow;
  }

  // Provenance and notice.
  g.font = `${L.font.footer}px ${FONT}`;
  const lines = wrap(g, sheet.provenance, L.provenance.w, 2);
  const lh = L.provenance.h / 2;
  lines.forEach((line, i) => text(g, line, L.provenance.x, L.provenance.y + lh * (i + 1) - lh * 0.3, L.font.footer, MUTED, L.provenance.w));
  if (sheet.notice && L.notice) text(g, sheet.notice, L.notice.x, L.notice.y + L.notice.h * 0.75, L.font.footer, NOTICE, L.notice.w);
  return out;
}

function frame(g: CanvasRenderingContext2D, r: Rect, width: number): void {
  g.strokeStyle = RULE;
  g.lineWidth = width;
  g.strokeRect(r.x + width / 2, r.y + width / 2, r.w - width, r.h - width);
}

/** `paintViewPng` encoded as PNG. */
export async function viewPng(sheet: ExportSheet, map: Omit<MapImageRequest, 'width' | 'height' | 'pixelRatio'>, width: number, height: number): Promise<Uint8Array> {
  return canvasPng(await paintViewPng(sheet, map, width, height));
}

/**
 * Page geometry of the PDF briefing pack (points, origin bottom left), apart from pdf.ts so that
 * callers can size the map picture to its box without loading pdf-lib.
 */

/** A4 landscape. */
export const PAGE_SIZE: [number, number] = [841.89, 595.28];
export const PDF_MARGIN = 32;
/** Baseline of the title; the subtitle 18 pt and the rule 28 pt below it. */
export const PDF_TITLE_BASELINE = PAGE_SIZE[1] - PDF_MARGIN - 20;
export const PDF_RULE_Y = PDF_TITLE_BASELINE - 28;
export const PDF_TILE_TOP = PDF_RULE_Y - 10;
export const PDF_TILE_HEIGHT = 74;
/** Width of the legend and weakest-units column at the right of the map. */
export const PDF_SIDE_WIDTH = 236;
/** Top of the footer (provenance, notice, page number). */
export const PDF_FOOTER_TOP = PDF_MARGIN + 40;
export const PDF_BODY_TOP = PDF_TILE_TOP - PDF_TILE_HEIGHT - 12;

/** The map's box: a picture of this aspect fills it (others are fitted inside, centred). */
export const PDF_MAP_BOX = {
  x: PDF_MARGIN,
  y: PDF_FOOTER_TOP,
  w: PAGE_SIZE[0] - 2 * PDF_MARGIN - PDF_SIDE_WIDTH - 16,
  h: PDF_BODY_TOP - PDF_FOOTER_TOP,
} as const;

/** Pixel size of a map picture for the box at `dpi` (default 200: sharp in print, ~1.5 MP). */
export function pdfMapPixels(dpi = 200): { width: number; height: number } {
  return { width: Math.round((PDF_MAP_BOX.w / 72) * dpi), height: Math.round((PDF_MAP_BOX.h / 72) * dpi) };
}

/**
 * The exports' entry points for other parts of the UI (the briefing mode):
 * - `renderBriefingPage(view)` → one page of the PDF pack for a view (map drawn off screen);
 * - `exportBriefingPdf(pages, {lang, title, filename})` → builds the pack and downloads it;
 * - `briefingPdfBytes(pages, opts)` → the same bytes without the download;
 * - `ExportMenu` → the 导出 / Export menu over the map.
 * The PDF code (pdf-lib, fontkit, the font loader) and the map picture are loaded on first use.
 */
export { briefingPdfBytes, exportBriefingPdf, renderBriefingPage, type BriefingPdfDownload } from './briefing-pdf';
export { ExportMenu, PNG_PRESETS } from './ExportMenu';
export { briefingPage, viewGeoJson, viewSheet, weakestUnits, type ExportViewInput } from './view-sheet';

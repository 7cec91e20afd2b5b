/**
 * The PDF briefing pack's download. pdf-lib, fontkit and the font loader are one lazily loaded
 * chunk (`import()` on first use), so the main chunk does not carry them.
 */
import type { BriefingPage } from '../../export/pdf';
import type { Lang } from '../../i18n';
import { EXPORT_MESSAGES } from '../../i18n/export';
import { downloadBlob } from '../panels/download';
import { briefingPage, type ExportViewInput } from './view-sheet';

export interface BriefingPdfDownload {
  /** Language of the page labels and the document title (default Chinese). */
  lang?: Lang;
  /** Document title, e.g. the story's name (default: "<first page's title> 简报"). */
  title?: string;
  /** File name (default `briefing.pdf`). */
  filename?: string;
}

/** The pack's bytes: one A4 landscape page per saved view (src/export/pdf.ts). */
export async function briefingPdfBytes(pages: BriefingPage[], opts: BriefingPdfDownload = {}): Promise<Uint8Array> {
  const e = EXPORT_MESSAGES[opts.lang ?? 'zh'];
  const [{ buildBriefingPdf, pageTexts }, { fontFilesFor }] = await Promise.all([import('../../export/pdf'), import('./pdf-fonts')]);
  const title = opts.title ?? e.briefingTitle(pages[0]?.title ?? '');
  const labels = pages.map((_, i) => e.pageLabel(i + 1, pages.length));
  const fonts = await fontFilesFor([...pages.flatMap(pageTexts), ...labels, title, e.noMap]);
  return buildBriefingPdf(pages, fonts, { title, pageLabel: e.pageLabel, noMap: e.noMap });
}

/**
 * Builds the briefing pack and downloads it. Pages come from the briefing mode's saved views
 * (`await renderBriefingPage(view)` per view, or `briefingPage(view, png)` with a picture of one's own).
 * Resolves with the file's name and size once the download has been handed to the browser.
 */
export async function exportBriefingPdf(pages: BriefingPage[], opts: BriefingPdfDownload = {}): Promise<{ filename: string; bytes: number }> {
  const bytes = await briefingPdfBytes(pages, opts);
  const filename = opts.filename ?? 'briefing.pdf';
  downloadBlob(new Blob([bytes as BlobPart], { type: 'application/pdf' }), filename);
  return { filename, bytes: bytes.length };
}

/**
 * One page of the pack for a view: its sheet and weakest units (view-sheet.ts) with its map drawn
 * off screen at the page's map box (200 dpi). The map code is loaded on first use.
 */
export async function renderBriefingPage(view: ExportViewInput): Promise<BriefingPage> {
  const [{ mapImagePng }, { pdfMapPixels }] = await Promise.all([import('./map-image'), import('../../export/pdf-layout')]);
  const map = await mapImagePng({ context: view.context, features: view.features, classification: view.classification, lang: view.lang, ...pdfMapPixels(), pixelRatio: 1.5 });
  return briefingPage(view, map);
}

/**
 * The PDF briefing pack: one A4 landscape page per saved view — title, subtitle, as-of quarter,
 * KPI tiles against target with a traffic-light colour, the map, its legend, the weakest units,
 * provenance, the synthetic-data notice where it applies, and the page number.
 *
 * Text is real text in the bundled font (Noto Sans SC), so it can be searched, copied and read
 * aloud: pdf-lib embeds a subset of each font file it uses (with a ToUnicode map) through
 * @pdf-lib/fontkit. The font arrives as several files split by unicode-range (font-subsets.ts);
 * every character is drawn with the first file that holds its glyph.
 * Pure: no DOM, no React; the caller passes the font files and the map pictures.
 */
import * as fontkitModule from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { PAGE_SIZE, PDF_BODY_TOP, PDF_FOOTER_TOP, PDF_MAP_BOX, PDF_MARGIN as MARGIN, PDF_RULE_Y, PDF_SIDE_WIDTH, PDF_TILE_HEIGHT, PDF_TILE_TOP, PDF_TITLE_BASELINE } from './pdf-layout';
import { TILE_STATUS_COLORS, type ExportSheet, type KpiTile } from './sheet';

export { PAGE_SIZE, PDF_MAP_BOX, pdfMapPixels } from './pdf-layout';

export interface BriefingPage extends ExportSheet {
  /** The map as PNG bytes (src/ui/export/map-image.ts `mapImagePng`); null draws a placeholder box. */
  map: Uint8Array | null;
  /** The weakest units of the view, weakest first, figures as shown (at most ten are printed). */
  weakest: { title: string; rows: { name: string; value: string }[] };
}

export interface BriefingPdfOptions {
  /** Document title (PDF metadata). */
  title: string;
  /** "第 1 页 / 共 3 页" for page `page` (1-based) of `of`. */
  pageLabel: (page: number, of: number) => string;
  /** Shown in the map box when a page has no map picture. */
  noMap?: string;
  /** Metadata date; defaults to now (pass one for reproducible files). */
  date?: Date;
}

// The package's ES build has a default export that its types do not declare.
const fontkit = (fontkitModule as unknown as { default?: typeof fontkitModule }).default ?? fontkitModule;
const MAX_WEAKEST = 10;
/** Characters no file of the font holds, written as a near equivalent instead of dropped. */
const FALLBACK: Record<string, string> = { '\u2212': '-', '\u2013': '-', '\u2014': '-', '\u00a0': ' ', '\u2009': ' ', '\u202f': ' ' };

const hex = (h: string): RGB => rgb(parseInt(h.slice(1, 3), 16) / 255, parseInt(h.slice(3, 5), 16) / 255, parseInt(h.slice(5, 7), 16) / 255);
const INK = hex('#1f2328');
const MUTED = hex('#57606a');
const RULE = hex('#d0d7de');
const TILE = hex('#f6f8fa');
const NOTICE = hex('#9a6700');

/** Text drawn and measured across several font files: each character in the first file that has it. */
class FontSet {
  private constructor(private readonly fonts: PDFFont[], private readonly fontOf: Map<number, number>) {}

  /**
   * Embeds, of `files`, only those the `texts` need (an unused file is not written at all), as
   * subsets holding the glyphs used.
   */
  static async embed(doc: PDFDocument, files: Uint8Array[], texts: string[]): Promise<FontSet> {
    const sets = files.map((f) => new Set(fontkit.create(f).characterSet));
    const fontOf = new Map<number, number>();
    for (const text of texts) {
      for (const ch of text) {
        const cp = ch.codePointAt(0)!;
        if (fontOf.has(cp)) continue;
        const i = sets.findIndex((s) => s.has(cp));
        if (i >= 0) fontOf.set(cp, i);
      }
    }
    const used = [...new Set(fontOf.values())].sort((a, b) => a - b);
    if (!used.length) throw new Error('None of the font files holds a character of the briefing text');
    const embedded = await Promise.all(used.map((i) => doc.embedFont(files[i]!, { subset: true })));
    const index = new Map(used.map((i, k) => [i, k]));
    return new FontSet(embedded, new Map([...fontOf].map(([cp, i]) => [cp, index.get(i)!])));
  }

  /** `text` split into runs of one font; characters no font holds become their fallback or are dropped. */
  runs(text: string): { font: PDFFont; text: string }[] {
    const out: { font: PDFFont; text: string }[] = [];
    for (const raw of text) {
      let ch = raw;
      let i = this.fontOf.get(ch.codePointAt(0)!);
      if (i === undefined && FALLBACK[ch] !== undefined) {
        ch = FALLBACK[ch]!;
        i = this.fontOf.get(ch.codePointAt(0)!);
      }
      if (i === undefined) continue;
      const font = this.fonts[i]!;
      const last = out[out.length - 1];
      if (last && last.font === font) last.text += ch;
      else out.push({ font, text: ch });
    }
    return out;
  }

  width(text: string, size: number): number {
    return this.runs(text).reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, size), 0);
  }

  draw(page: PDFPage, text: string, x: number, y: number, size: number, color: RGB = INK): number {
    let at = x;
    for (const r of this.runs(text)) {
      page.drawText(r.text, { x: at, y, size, font: r.font, color });
      at += r.font.widthOfTextAtSize(r.text, size);
    }
    return at - x;
  }

  /** Right-aligned at `right`. */
  drawRight(page: PDFPage, text: string, right: number, y: number, size: number, color: RGB = INK): void {
    this.draw(page, text, right - this.width(text, size), y, size, color);
  }

  /** `text` cut to `max` points wide, with "…" when cut. */
  fit(text: string, size: number, max: number): string {
    if (this.width(text, size) <= max) return text;
    const chars = [...text];
    while (chars.length && this.width(`${chars.join('')}…`, size) > max) chars.pop();
    return `${chars.join('')}…`;
  }

  /** Lines of at most `max` points: breaks after spaces, or between any two CJK characters; at most `lines` lines. */
  wrap(text: string, size: number, max: number, lines: number): string[] {
    const tokens = text.match(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+\s*|\s+/g) ?? [];
    const out: string[] = [];
    let line = '';
    for (const [i, tok] of tokens.entries()) {
      if (line && this.width(line + tok, size) > max) {
        // The last line allowed takes the rest of the text, cut with an ellipsis.
        if (out.length === lines - 1) return [...out, this.fit(line + tokens.slice(i).join(''), size, max)];
        out.push(line.trimEnd());
        line = tok.trimStart();
      } else line += tok;
    }
    if (line.trim()) out.push(line.trimEnd());
    return out;
  }
}

/** Every string a page draws, for choosing the font files it needs. */
export function pageTexts(p: BriefingPage): string[] {
  return [
    p.title, p.subtitle, p.asOf, p.legendTitle, p.provenance, p.notice ?? '', p.weakest.title,
    ...p.kpis.flatMap((k) => [k.label, k.value, k.unit ?? '', k.note ?? '', k.target ?? '', k.statusLabel ?? '']),
    ...p.legend.flatMap((l) => [l.label, l.count ?? '']),
    ...p.weakest.rows.flatMap((r) => [r.name, r.value]),
    '0123456789…-',
  ];
}

/**
 * The briefing pack as PDF bytes: page i is `pages[i]`. `font` is one font file or several
 * (TrueType / OpenType / WOFF; e.g. the bundled font's unicode-range subsets the text needs,
 * `subsetsFor(pages.flatMap(pageTexts))`), tried in order for every character.
 */
export async function buildBriefingPdf(pages: BriefingPage[], font: Uint8Array | Uint8Array[], opts: BriefingPdfOptions): Promise<Uint8Array> {
  if (!pages.length) throw new Error('A briefing pack needs at least one saved view');
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const labels = pages.map((_, i) => opts.pageLabel(i + 1, pages.length));
  const fonts = await FontSet.embed(doc, Array.isArray(font) ? font : [font], [...pages.flatMap(pageTexts), ...labels, opts.title, opts.noMap ?? '']);
  const date = opts.date ?? new Date();
  doc.setTitle(fonts.runs(opts.title).map((r) => r.text).join(''));
  doc.setCreator('tuopin-income-dashboard');
  doc.setProducer('pdf-lib');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  for (const [i, p] of pages.entries()) await drawPage(doc, fonts, p, labels[i]!, opts.noMap ?? '');
  return doc.save();
}

async function drawPage(doc: PDFDocument, f: FontSet, p: BriefingPage, pageLabel: string, noMap: string): Promise<void> {
  const W = PAGE_SIZE[0];
  const page = doc.addPage(PAGE_SIZE);
  const right = W - MARGIN;
  // Header: title, subtitle, as-of at the right.
  let y = PDF_TITLE_BASELINE;
  const asOfW = f.width(p.asOf, 10);
  f.draw(page, f.fit(p.title, 20, right - MARGIN - asOfW - 16), MARGIN, y, 20);
  f.drawRight(page, p.asOf, right, y + 4, 10, MUTED);
  f.draw(page, f.fit(p.subtitle, 11, right - MARGIN), MARGIN, y - 18, 11, MUTED);
  y = PDF_RULE_Y;
  page.drawLine({ start: { x: MARGIN, y }, end: { x: right, y }, thickness: 0.75, color: RULE });

  // KPI tiles.
  const tileTop = PDF_TILE_TOP;
  const tileH = PDF_TILE_HEIGHT;
  const n = Math.max(1, p.kpis.length);
  const gap = 8;
  const tileW = (right - MARGIN - gap * (n - 1)) / n;
  p.kpis.forEach((k, i) => drawTile(page, f, k, MARGIN + i * (tileW + gap), tileTop - tileH, tileW, tileH));

  // Map (left) and the legend and weakest units (right).
  const footerTop = PDF_FOOTER_TOP;
  const bodyTop = PDF_BODY_TOP;
  const sideW = PDF_SIDE_WIDTH;
  const mapBox = PDF_MAP_BOX;
  page.drawRectangle({ x: mapBox.x, y: mapBox.y, width: mapBox.w, height: mapBox.h, borderColor: RULE, borderWidth: 0.75 });
  if (p.map) {
    const img = await doc.embedPng(p.map);
    const s = Math.min(mapBox.w / img.width, mapBox.h / img.height);
    const w = img.width * s;
    const h = img.height * s;
    page.drawImage(img, { x: mapBox.x + (mapBox.w - w) / 2, y: mapBox.y + (mapBox.h - h) / 2, width: w, height: h });
  } else if (noMap) {
    f.draw(page, noMap, mapBox.x + (mapBox.w - f.width(noMap, 11)) / 2, mapBox.y + mapBox.h / 2, 11, MUTED);
  }
  const sx = right - sideW;
  let sy = bodyTop - 12;
  f.draw(page, f.fit(p.legendTitle, 10, sideW), sx, sy, 10);
  sy -= 16;
  for (const l of p.legend) {
    page.drawRectangle({ x: sx, y: sy - 1, width: 12, height: 9, color: hex(l.color), borderColor: RULE, borderWidth: 0.4 });
    const countW = l.count ? f.width(l.count, 8.5) : 0;
    f.draw(page, f.fit(l.label, 8.5, sideW - 20 - countW - 6), sx + 18, sy, 8.5);
    if (l.count) f.drawRight(page, l.count, right, sy, 8.5, MUTED);
    sy -= 13;
  }
  sy -= 10;
  if (p.weakest.rows.length) {
    f.draw(page, f.fit(p.weakest.title, 10, sideW), sx, sy, 10);
    sy -= 15;
    for (const [i, r] of p.weakest.rows.slice(0, MAX_WEAKEST).entries()) {
      if (sy < footerTop) break;
      const valueW = f.width(r.value, 8.5);
      f.draw(page, String(i + 1), sx, sy, 8.5, MUTED);
      f.draw(page, f.fit(r.name, 8.5, sideW - 18 - valueW - 6), sx + 16, sy, 8.5);
      f.drawRight(page, r.value, right, sy, 8.5);
      sy -= 12.5;
    }
  }

  // Footer: provenance, the synthetic-data notice, page number.
  const labelW = f.width(pageLabel, 8);
  let fy = MARGIN + 26;
  for (const line of f.wrap(p.provenance, 7.5, right - MARGIN - labelW - 24, 2)) {
    f.draw(page, line, MARGIN, fy, 7.5, MUTED);
    fy -= 10;
  }
  if (p.notice) f.draw(page, f.fit(p.notice, 8, right - MARGIN - labelW - 24), MARGIN, MARGIN, 8, NOTICE);
  f.drawRight(page, pageLabel, right, MARGIN, 8, MUTED);
}

function drawTile(page: PDFPage, f: FontSet, k: KpiTile, x: number, y: number, w: number, h: number): void {
  const status = k.status ?? 'none';
  page.drawRectangle({ x, y, width: w, height: h, color: TILE });
  page.drawRectangle({ x, y, width: 5, height: h, color: hex(TILE_STATUS_COLORS[status]) });
  const ix = x + 12;
  const iw = w - 18;
  f.draw(page, f.fit(k.label, 9, iw), ix, y + h - 15, 9, MUTED);
  const vw = f.draw(page, f.fit(k.value, 20, iw), ix, y + h - 40, 20);
  if (k.unit) f.draw(page, k.unit, ix + vw + 3, y + h - 40, 9, MUTED);
  const lines = [k.target, k.note].filter((s): s is string => !!s);
  let ly = y + 17;
  for (const line of lines.slice(0, 1)) {
    f.draw(page, f.fit(line, 7.5, iw), ix, ly, 7.5, MUTED);
    ly -= 10;
  }
  if (k.statusLabel) {
    const c = hex(TILE_STATUS_COLORS[status]);
    page.drawCircle({ x: ix + 3, y: y + 9.5, size: 3, color: c });
    f.draw(page, f.fit(k.statusLabel, 7.5, iw - 10), ix + 10, y + 7, 7.5, c);
  } else if (lines[1]) {
    f.draw(page, f.fit(lines[1], 7.5, iw), ix, y + 7, 7.5, MUTED);
  }
}

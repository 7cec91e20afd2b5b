/**
 * The PDF briefing pack: one page per saved view, Chinese text embedded from the bundled font
 * (extractable, checked with pdf.js), the map picture drawn. Page 1 is rendered to
 * test-artifacts/export-pdf-page1.png for a look.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { subsetFileName, subsetOf, subsetsFor } from '../../src/export/font-subsets';
import { buildBriefingPdf, pageTexts, type BriefingPage } from '../../src/export/pdf';

const FONT_DIR = resolve('node_modules/@fontsource/noto-sans-sc/files');
const font = (key: string) => new Uint8Array(readFileSync(resolve(FONT_DIR, subsetFileName(key))));

/** A 40 × 20 PNG: left half red, right half blue (drawn with the test's canvas). */
function mapPng(): Uint8Array {
  const c = createCanvas(40, 20);
  const g = c.getContext('2d');
  g.fillStyle = '#ff0000';
  g.fillRect(0, 0, 20, 20);
  g.fillStyle = '#0000ff';
  g.fillRect(20, 0, 20, 20);
  return new Uint8Array(c.toBuffer('image/png'));
}

function page(unit: string, map: Uint8Array | null): BriefingPage {
  return {
    title: `${unit} · 脱贫人口收入监测`,
    subtitle: `各县 · 脱贫人口 · 人均纯收入 · 2024年`,
    asOf: '数据截至 2025年第3季度',
    kpis: [
      { label: '脱贫人口人均纯收入', value: '12,345', unit: '元', target: '目标 13,000元', status: 'amber', statusLabel: '有风险' },
      { label: '增速', value: '+8.1%', note: '同比', target: '目标 +10.0%', status: 'red', statusLabel: '未完成' },
      { label: '户数', value: '4,321', unit: '户', status: 'green', statusLabel: '已完成' },
    ],
    legendTitle: '人均纯收入 · 2024年',
    legend: [
      { color: '#fde725', label: '15,000—18,000', count: '3个' },
      { color: '#21918c', label: '12,000—15,000', count: '5个' },
      { color: '#c4c4c4', label: '无数据', count: '1个' },
    ],
    weakest: { title: '最弱的单位', rows: [{ name: '西吉县', value: '9,876元' }, { name: '海原县', value: '10,112元' }] },
    provenance: '数据来源：合成演示数据，由生成器按种子 20240601 生成，不代表任何真实的家庭或村庄。',
    notice: '合成演示数据 / Synthetic demo data',
    map,
  };
}

async function extract(bytes: Uint8Array) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs.getDocument({ data: bytes.slice(), useSystemFonts: false, disableFontFace: true }).promise;
}

describe('PDF briefing pack', () => {
  const units = ['宁夏回族自治区', '固原市西吉县', '吉强镇'];
  const pages = units.map((u, i) => page(u, i === 1 ? null : mapPng()));
  const keys = subsetsFor(pages.flatMap(pageTexts));

  it('needs only the font subsets that hold its characters', () => {
    expect(keys.length).toBeGreaterThan(1);
    expect(keys.length).toBeLessThan(20);
    for (const ch of '人均纯收入西吉县') expect(keys).toContain(subsetOf(ch.codePointAt(0)!));
  });

  it('has one page per saved view, A4 landscape, and the Chinese text of every page extracts', async () => {
    const bytes = await buildBriefingPdf(pages, keys.map(font), { title: '简报', pageLabel: (n, of) => `第 ${n} 页 / 共 ${of} 页`, noMap: '无地图', date: new Date('2025-01-01T00:00:00Z') });
    const doc = await extract(bytes);
    expect(doc.numPages).toBe(3);
    for (let n = 1; n <= 3; n++) {
      const p = await doc.getPage(n);
      const [, , w, h] = p.view;
      expect(Math.round(w!)).toBe(842);
      expect(Math.round(h!)).toBe(595);
      const text = (await p.getTextContent()).items.map((it) => ('str' in it ? it.str : '')).join('');
      expect(text).toContain('人均纯收入');
      expect(text).toContain(units[n - 1]);
      expect(text).toContain('数据截至 2025年第3季度');
      expect(text).toContain('有风险');
      expect(text).toContain('西吉县');
      expect(text).toContain('合成演示数据');
      expect(text).toContain(`第 ${n} 页 / 共 3 页`);
    }
    expect(bytes.length).toBeLessThan(400_000);
  });

  it('draws the map picture and real glyphs (page rendered by pdf.js)', async () => {
    const bytes = await buildBriefingPdf(pages.slice(0, 1), keys.map(font), { title: '简报', pageLabel: (n, of) => `${n}/${of}` });
    const doc = await extract(bytes);
    const p = await doc.getPage(1);
    const viewport = p.getViewport({ scale: 2 });
    const canvas = createCanvas(Math.round(viewport.width), Math.round(viewport.height));
    const ctx = canvas.getContext('2d');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await p.render({ canvasContext: ctx as any, viewport, canvas: canvas as any }).promise;
    mkdirSync(resolve('test-artifacts'), { recursive: true });
    writeFileSync(resolve('test-artifacts/export-pdf-page1.png'), canvas.toBuffer('image/png'));
    const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let red = 0;
    let blue = 0;
    let dark = 0;
    for (let i = 0; i < px.length; i += 4) {
      if (px[i]! > 230 && px[i + 1]! < 30 && px[i + 2]! < 30) red++;
      if (px[i]! < 30 && px[i + 1]! < 30 && px[i + 2]! > 230) blue++;
      if (px[i]! < 80 && px[i + 1]! < 80 && px[i + 2]! < 80) dark++;
    }
    // The map box is ~538 × 330 pt at scale 2 and the picture 2:1: about 1076 × 538 px, half red, half blue.
    expect(red).toBeGreaterThan(200_000);
    expect(blue).toBeGreaterThan(200_000);
    // Text in ink: thousands of dark pixels (9,172 when written; a page without its text has none).
    expect(dark).toBeGreaterThan(5_000);
  });

  it('refuses an empty pack', async () => {
    await expect(buildBriefingPdf([], [font('latin')], { title: 'x', pageLabel: () => '' })).rejects.toThrow(/at least one/);
  });
});

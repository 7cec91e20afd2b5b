import { describe, expect, it } from 'vitest';
import { clampPngSize, pngLayout, type Rect } from '../../src/export/png-layout';

const inside = (r: Rect, w: number, h: number) => r.x >= 0 && r.y >= 0 && r.x + r.w <= w && r.y + r.h <= h && r.w > 0 && r.h > 0;
const apart = (a: Rect, b: Rect) => a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;

describe('PNG layout', () => {
  for (const [w, h] of [[1920, 1080], [3840, 2160], [1280, 720], [640, 360], [1000, 800], [7680, 1200], [800, 4320]]) {
    it(`places every part inside ${w}×${h} without overlap`, () => {
      const L = pngLayout(w, h, 5, true);
      const parts = [L.title, L.subtitle, ...L.kpis, L.map, L.legend, L.provenance, L.notice!];
      for (const r of parts) expect(inside(r, w, h)).toBe(true);
      for (let i = 0; i < parts.length; i++) for (let j = i + 1; j < parts.length; j++) {
        if (parts[i] === L.title || parts[j] === L.title) continue; // the title and as-of share a row by design, not a box
        expect(apart(parts[i]!, parts[j]!)).toBe(true);
      }
      expect(apart(L.title, L.asOf)).toBe(true);
    });
  }

  it('scales the 1920×1080 design exactly twice for 3840×2160', () => {
    const a = pngLayout(1920, 1080, 5, true);
    const b = pngLayout(3840, 2160, 5, true);
    expect(b.scale).toBe(2);
    expect(b.font.title).toBe(2 * a.font.title);
    expect(b.map.w).toBeCloseTo(2 * a.map.w, -1);
    expect(b.map.h).toBeCloseTo(2 * a.map.h, -1);
  });

  it('gives the map the room of a missing notice line', () => {
    expect(pngLayout(1920, 1080, 5, false).map.h).toBeGreaterThan(pngLayout(1920, 1080, 5, true).map.h);
    expect(pngLayout(1920, 1080, 5, false).notice).toBeNull();
  });

  it('clamps custom sizes to the offered range', () => {
    expect(clampPngSize(100, 100000)).toEqual({ width: 640, height: 4320 });
    expect(clampPngSize(2560.4, 1440.6)).toEqual({ width: 2560, height: 1441 });
    expect(clampPngSize(Number.NaN, 10)).toBeNull();
  });
});

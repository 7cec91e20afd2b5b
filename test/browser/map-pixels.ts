/**
 * Reading the map's real pixels in a browser test: which colours actually cover the map.
 */
import type { Page } from 'playwright-core';

type Rgb = [number, number, number];

/**
 * How many pixels of the map area's screenshot have each of `colours` (±2 per channel). The
 * overlays (legend, controls, tooltip) are hidden while the screenshot is taken, so the legend's
 * own swatches are not counted as map.
 */
export async function colourPixelsOnMap(page: Page, colours: Rgb[] | 'legend'): Promise<number[]> {
  const hide = await page.addStyleTag({
    content: '[data-testid="map-area"] .overlay, [data-testid="map-area"] .map-tooltip { visibility: hidden !important; }',
  });
  let png: Buffer;
  try {
    png = await page.locator('[data-testid="map-area"]').screenshot();
  } finally {
    await hide.evaluate((el) => (el as Element).remove());
  }
  return page.evaluate(
    async ({ b64, wanted }) => {
      const swatches = [...document.querySelectorAll<HTMLElement>('[data-testid="legend"] li:not(.no-data) .swatch')];
      const colours = wanted === 'legend' ? swatches.map((s) => getComputedStyle(s).backgroundColor.match(/\d+/g)!.slice(0, 3).map(Number)) : wanted;
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height).data;
      const counts = colours.map(() => 0);
      for (let i = 0; i < data.length; i += 4) {
        for (let c = 0; c < colours.length; c++) {
          const [r, g, b] = colours[c];
          if (Math.abs(data[i] - r) <= 2 && Math.abs(data[i + 1] - g) <= 2 && Math.abs(data[i + 2] - b) <= 2) {
            counts[c]++;
            break;
          }
        }
      }
      return counts;
    },
    { b64: png.toString('base64'), wanted: colours },
  );
}

/** Pixel counts of the legend colours that cover at least `minPixels` pixels of the map area. */
export async function legendColoursOnMap(page: Page, minPixels = 80): Promise<number[]> {
  return (await colourPixelsOnMap(page, 'legend')).filter((n) => n >= minPixels);
}

/** `#rrggbb` → [r, g, b]. */
export function hexRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

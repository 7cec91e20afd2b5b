/**
 * Which files of the bundled font (`@fontsource/noto-sans-sc`, weight 400) hold the glyphs of a
 * text. The package splits Noto Sans SC into ~100 files by unicode-range, the same ranges its CSS
 * gives the browser; a PDF embeds only the files its text needs (each 15–100 kB as WOFF).
 * Pure: the range table is the package's own `unicode.json`.
 */
import unicodeRanges from '@fontsource/noto-sans-sc/unicode.json';

/** A subset of the font: its key in the file name (`noto-sans-sc-<key>-400-normal.woff`) and its code point ranges. */
export interface FontSubset {
  key: string;
  ranges: [number, number][];
}

function parseRanges(spec: string): [number, number][] {
  return spec.split(',').map((part) => {
    const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
    const lo = parseInt(a!, 16);
    return [lo, b === undefined ? lo : parseInt(b, 16)];
  });
}

/** Every subset of the package, in the order of its `unicode.json` (the order the browser tries them too). */
export const FONT_SUBSETS: readonly FontSubset[] = Object.entries(unicodeRanges as Record<string, string>).map(([k, spec]) => ({
  key: k.replace(/^\[|\]$/g, ''),
  ranges: parseRanges(spec),
}));

/** The file name of a subset at weight 400, as the package ships it (`files/`). */
export function subsetFileName(key: string, format: 'woff' | 'woff2' = 'woff'): string {
  return `noto-sans-sc-${key}-400-normal.${format}`;
}

/** The first subset whose ranges hold code point `cp`, or null (no file of the font draws it). */
export function subsetOf(cp: number): string | null {
  for (const s of FONT_SUBSETS) for (const [lo, hi] of s.ranges) if (cp >= lo && cp <= hi) return s.key;
  return null;
}

/**
 * The subsets needed to draw every character of `texts`, each once, in the order first needed.
 * White space and control characters need none.
 */
export function subsetsFor(texts: Iterable<string>): string[] {
  const keys = new Set<string>();
  const seen = new Set<number>();
  for (const text of texts) {
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (seen.has(cp) || cp <= 0x20) continue;
      seen.add(cp);
      const key = subsetOf(cp);
      if (key !== null) keys.add(key);
    }
  }
  return [...keys];
}

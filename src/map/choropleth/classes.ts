import { interpolateBrBG, rgb, schemeYlGnBu } from 'd3';
import { breaksFor, classOf, type BreakMethod } from '../../domain/classify';

/**
 * Colour classes of a choropleth: breaks by quantile or natural breaks (domain/classify), a
 * colour per class, and the legend's ranges. Pure: the map layer and the legend both read it.
 *
 * Ramps are ColorBrewer schemes that stay distinguishable for the common colour-vision
 * deficiencies: YlGnBu (sequential) for income levels; BrBG (diverging) for growth, centred on
 * the region's own growth so "above / below the regional rate" reads at a glance.
 */

export type Rgba = [number, number, number, number];

/** Fill of regions without a value (legend "无数据"). */
export const NO_DATA_HEX = '#c4c4c4';

export interface LegendClass {
  /** Inclusive lower bound (the smallest value for the first class). */
  lower: number;
  /** Exclusive upper bound (inclusive largest value for the last class). */
  upper: number;
  /** `#rrggbb`. */
  color: string;
  /** Regions in the class. */
  count: number;
}

export interface Classification {
  breaks: number[];
  classes: LegendClass[];
  /** Codes without a finite value, in input order. */
  noData: string[];
  /** Centre of a diverging ramp; null for sequential. */
  center: number | null;
  /** Class index per code with a value. */
  classByCode: Map<string, number>;
}

/**
 * `breakValues`: the values the breaks are found from, when they are not the values classified
 * (e.g. every year's, so that classes stay put across years); the legend's ranges then span both.
 */
export type ClassifyOptions =
  | { method: BreakMethod; k: number; ramp: 'sequential'; breakValues?: readonly number[] }
  | { method: BreakMethod; k: number; ramp: 'diverging'; center: number; breakValues?: readonly number[] };

/** Classifies `values` (code → value; NaN = no data). */
export function classify(values: ReadonlyMap<string, number>, options: ClassifyOptions): Classification {
  const finite: number[] = [];
  const noData: string[] = [];
  for (const [code, v] of values) {
    if (Number.isFinite(v)) finite.push(v);
    else noData.push(code);
  }
  const pool = options.breakValues?.length ? options.breakValues.filter(Number.isFinite) : finite;
  const breaks = breaksFor(options.method, pool, options.k);
  const classByCode = new Map<string, number>();
  for (const [code, v] of values) if (Number.isFinite(v)) classByCode.set(code, classOf(v, breaks));

  const n = finite.length === 0 ? 0 : breaks.length + 1;
  let min = Infinity;
  let max = -Infinity;
  for (const v of finite) [min, max] = [Math.min(min, v), Math.max(max, v)];
  if (pool !== finite) for (const v of pool) [min, max] = [Math.min(min, v), Math.max(max, v)];
  const bounds = Array.from({ length: n }, (_, i) => ({ lower: i === 0 ? min : breaks[i - 1], upper: i === n - 1 ? max : breaks[i] }));
  const center = options.ramp === 'diverging' && Number.isFinite(options.center) ? options.center : null;
  const colors =
    center === null
      ? sequentialColors(n)
      : bounds.map((b) => divergingColor((b.lower + b.upper) / 2, center, Math.max(Math.abs(min - center), Math.abs(max - center))));
  const counts = new Array<number>(n).fill(0);
  for (const c of classByCode.values()) counts[c]++;
  return {
    breaks,
    classes: bounds.map((b, i) => ({ ...b, color: colors[i], count: counts[i] })),
    noData,
    center,
    classByCode,
  };
}

/** `n` colours of YlGnBu, light to dark (n ≥ 3 uses the scheme's own n-class list). */
export function sequentialColors(n: number): string[] {
  if (n <= 0) return [];
  if (n >= 3) return [...schemeYlGnBu[Math.min(n, 9)]];
  const three = schemeYlGnBu[3];
  return n === 1 ? [three[1]] : [three[0], three[2]];
}

/**
 * BrBG colour of `value` on a ramp centred on `center` and symmetric over `spread` either side;
 * the ends are pulled in slightly (0.08–0.92) so the darkest classes stay readable.
 */
export function divergingColor(value: number, center: number, spread: number): string {
  const t = spread > 0 ? 0.5 + 0.42 * Math.max(-1, Math.min(1, (value - center) / spread)) : 0.5;
  return rgb(interpolateBrBG(t)).formatHex();
}

/** `#rrggbb` → RGBA bytes (0–255). */
export function hexToRgba(hex: string, alpha = 255): Rgba {
  const c = rgb(hex);
  return [Math.round(c.r), Math.round(c.g), Math.round(c.b), alpha];
}

/** Fill colour of a region by code. */
export function fillOf(classification: Classification, code: string): string {
  const c = classification.classByCode.get(code);
  return c === undefined ? NO_DATA_HEX : classification.classes[c].color;
}

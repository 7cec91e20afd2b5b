/**
 * Pure colour and size scales of the facility and demand layers. Colours are [r, g, b] (deck.gl's
 * format; the legend turns them into CSS). No deck.gl import: the legend and tests use them too.
 */
import { FACILITY_STATUSES, type FacilityKind, type FacilityStatus } from '../../data/queries/facilities';

export type Rgb = [number, number, number];

/** The colour of each kind drawn in one colour (and of its clusters). */
export const KIND_COLORS: Record<FacilityKind, Rgb> = {
  relocation_site: [217, 95, 2],
  industry_base: [27, 158, 119],
  workshop: [117, 112, 179],
  pv_station: [230, 171, 2],
  industrial_park: [102, 102, 102],
  coop: [166, 118, 29],
};

/** 四个一批 status colours: normal, upgrade (提档升级), idle (盘活), adjust (调整). */
export const STATUS_COLORS: Record<FacilityStatus, Rgb> = {
  normal: [26, 152, 80],
  upgrade: [44, 123, 182],
  idle: [150, 150, 150],
  adjust: [215, 48, 39],
};
export { FACILITY_STATUSES };

/** Categorical palette for industries (ColorBrewer Set1 / Dark2 mix, distinct on a grey base). */
const INDUSTRY_PALETTE: Rgb[] = [
  [228, 26, 28], [55, 126, 184], [77, 175, 74], [152, 78, 163], [255, 127, 0],
  [166, 86, 40], [247, 129, 191], [0, 139, 139], [188, 189, 34], [23, 190, 207],
];
/** Colour of industries past the palette's ten. */
export const OTHER_COLOR: Rgb = [120, 120, 120];

/**
 * Industries to colours: the ten most frequent (ties by name) get the palette in that order, the
 * rest `OTHER_COLOR`. Same input, same colours, so the legend and the map agree.
 */
export function industryColors(industries: readonly (string | null)[]): { order: string[]; color: (industry: string | null) => Rgb; other: boolean } {
  const counts = new Map<string, number>();
  for (const i of industries) if (i) counts.set(i, (counts.get(i) ?? 0) + 1);
  const order = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([i]) => i);
  const palette = new Map(order.slice(0, INDUSTRY_PALETTE.length).map((i, k) => [i, INDUSTRY_PALETTE[k]!]));
  return { order: order.slice(0, INDUSTRY_PALETTE.length), color: (i) => (i && palette.get(i)) || OTHER_COLOR, other: order.length > INDUSTRY_PALETTE.length };
}

/**
 * Classes of the share of relocated households with labour that have someone employed (seed 001
 * §二: every relocated household with labour has at least one person employed, so 100% is the
 * target): upper bounds of five classes, low (red) to full (green).
 */
export const EMPLOYMENT_BREAKS = [0.8, 0.9, 0.95, 0.99, 1] as const;
export const EMPLOYMENT_COLORS: Rgb[] = [[215, 48, 39], [252, 141, 89], [254, 224, 139], [145, 207, 96], [26, 152, 80]];
/** Colour of a site without relocated households with labour (no share to show). */
export const NO_SHARE_COLOR: Rgb = [170, 170, 170];

/** Class index (0–4) of an employment share, or −1 when there is none. */
export function employmentClass(share: number | null): number {
  if (share === null || !Number.isFinite(share)) return -1;
  const i = EMPLOYMENT_BREAKS.findIndex((b) => share < b);
  return i === -1 ? EMPLOYMENT_BREAKS.length - 1 : i;
}

export function employmentColor(share: number | null): Rgb {
  const k = employmentClass(share);
  return k < 0 ? NO_SHARE_COLOR : EMPLOYMENT_COLORS[k]!;
}

/**
 * Radius in pixels for a value on an area-true scale: area ∝ value, `max` (the largest value
 * shown) drawn at `maxRadius`, never below `minRadius` so a small value stays visible.
 */
export function areaRadius(value: number, max: number, minRadius: number, maxRadius: number): number {
  if (!(max > 0) || !(value > 0)) return minRadius;
  return Math.max(minRadius, maxRadius * Math.sqrt(Math.min(value, max) / max));
}

/** "rgb(r, g, b)" of a colour, for legends. */
export function cssColor([r, g, b]: Rgb): string {
  return `rgb(${r}, ${g}, ${b})`;
}

/** Three values a size legend shows for `max`: max, about half and a tenth, rounded to 1–2 significant digits. */
export function sizeLegendValues(max: number): number[] {
  if (!(max > 0)) return [];
  const round = (x: number) => {
    if (x < 1) return 1;
    const p = 10 ** Math.floor(Math.log10(x));
    return Math.max(1, Math.round(x / p) * p);
  };
  return [...new Set([round(max), round(max / 2), round(max / 10)])].filter((v) => v <= max || v === round(max));
}

/**
 * Where chart labels go so that they do not cover one another: each label offers positions in
 * order of preference, and takes the first one that stays inside the chart and clear of every
 * label placed before it (greedy, in the order given). Pure: no DOM, sizes are estimated by the
 * caller (e.g. `textWidth` in src/map/labels/declutter.ts).
 */

import { textWidth } from '../../map/labels/declutter';

/**
 * Estimated width of a bold chart label at `size` units. `textWidth`'s em counts err wide for
 * Latin text in the bundled font (measured in Chromium at 11 units: "Monitoring line 7,500" 108
 * wide, estimated 139), and are exact for CJK, so a label is never placed tighter than it is.
 */
export function boldLabelWidth(text: string, size: number): number {
  return textWidth(text, size);
}

/**
 * Height of a chart label's box at `size` units and where its baseline sits from the box's top:
 * the font's line box (Noto Sans SC: 1.49 em, ascent 1.16 em; measured 16.4 and 13 at 11 units).
 */
export function labelBox(size: number): { height: number; baseline: number } {
  return { height: Math.ceil(size * 1.5), baseline: Math.round(size * 1.17) };
}

/** A box in chart units, (x, y) its top-left corner. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelRequest {
  id: string;
  width: number;
  height: number;
  /** Top-left corners to try, best first. */
  candidates: { x: number; y: number }[];
}

export interface PlacedLabel extends Box {
  id: string;
  /** Index of the candidate taken; -1 when none was free (the first is used, overlapping least). */
  candidate: number;
}

/** Whether two boxes, each grown by `padding`, overlap (touching edges do not). */
export function boxesOverlap(a: Box, b: Box, padding = 0): boolean {
  return a.x - padding < b.x + b.width + padding && b.x - padding < a.x + a.width + padding
    && a.y - padding < b.y + b.height + padding && b.y - padding < a.y + a.height + padding;
}

function inside(b: Box, bounds: Box): boolean {
  return b.x >= bounds.x && b.y >= bounds.y && b.x + b.width <= bounds.x + bounds.width && b.y + b.height <= bounds.y + bounds.height;
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Places `requests` in order. A candidate is free when it lies inside `bounds` (if given) and
 * keeps `padding` clear of every label already placed and of every `obstacle`. When no candidate
 * is free, the one inside the bounds overlapping the placed labels least is taken (ties: the
 * earlier; outside only if none is inside) and marked `candidate: -1`, so a label is never dropped. A request without candidates is skipped.
 */
export function placeLabels(requests: readonly LabelRequest[], options: { bounds?: Box; obstacles?: readonly Box[]; padding?: number } = {}): PlacedLabel[] {
  const { bounds, obstacles = [], padding = 2 } = options;
  const placed: PlacedLabel[] = [];
  for (const r of requests) {
    if (r.candidates.length === 0) continue;
    const boxes = r.candidates.map((c) => ({ x: c.x, y: c.y, width: r.width, height: r.height }));
    const free = boxes.findIndex((b) => (!bounds || inside(b, bounds)) && ![...placed, ...obstacles].some((p) => boxesOverlap(p, b, padding)));
    if (free >= 0) {
      placed.push({ id: r.id, ...boxes[free], candidate: free });
      continue;
    }
    // Inside the bounds beats any overlap: a label cut off at the chart's edge is worse than one touching another.
    const cost = boxes.map((b) => placed.reduce((n, p) => n + overlapArea(p, b), 0) + (bounds && !inside(b, bounds) ? 1e9 : 0));
    const best = cost.reduce((bi, c, i) => (c < cost[bi] ? i : bi), 0);
    placed.push({ id: r.id, ...boxes[best], candidate: -1 });
  }
  return placed;
}

/**
 * Candidates for a label beside a vertical line at `x`: right of it, then left of it, on row 0,
 * then row 1, … (`rows` rows of `rowHeight` from `top`). Close lines' labels then step down.
 */
export function besideLineCandidates(x: number, width: number, top: number, rowHeight: number, rows: number, gap = 3): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (let r = 0; r < rows; r++) {
    out.push({ x: x + gap, y: top + r * rowHeight });
    out.push({ x: x - gap - width, y: top + r * rowHeight });
  }
  return out;
}

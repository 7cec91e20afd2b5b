/** A label's box on screen, in pixels, centred on (x, y). */
export interface LabelBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Higher goes first (e.g. region area), so big regions keep their names. */
  priority: number;
}

/**
 * Greedy label placement: takes labels by descending priority and keeps each one whose box
 * stays at least `padding` pixels clear of every label already kept. Ties keep input order.
 * Returns the ids kept.
 */
export function declutter(boxes: LabelBox[], padding = 2): Set<string> {
  const order = boxes.map((b, i) => ({ b, i })).sort((p, q) => q.b.priority - p.b.priority || p.i - q.i);
  const kept: LabelBox[] = [];
  for (const { b } of order) {
    if (!kept.some((k) => overlaps(k, b, padding))) kept.push(b);
  }
  return new Set(kept.map((k) => k.id));
}

function overlaps(a: LabelBox, b: LabelBox, padding: number): boolean {
  return Math.abs(a.x - b.x) * 2 < a.width + b.width + 2 * padding && Math.abs(a.y - b.y) * 2 < a.height + b.height + 2 * padding;
}

/**
 * Approximate rendered width of `text` at `size` pixels: CJK and other wide characters one em,
 * everything else about 0.6 em (enough for collision tests; no font metrics needed).
 */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(ch) ? 1 : 0.6;
  return em * size;
}

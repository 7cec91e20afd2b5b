import { describe, expect, test } from 'vitest';
import { besideLineCandidates, boxesOverlap, placeLabels } from '../../src/ui/panels/label-placement';

describe('placeLabels', () => {
  test('a label whose first place is free takes it', () => {
    const placed = placeLabels([{ id: 'a', width: 10, height: 5, candidates: [{ x: 0, y: 0 }, { x: 50, y: 0 }] }]);
    expect(placed).toEqual([{ id: 'a', x: 0, y: 0, width: 10, height: 5, candidate: 0 }]);
  });

  test('the second of two labels at one spot takes its next candidate', () => {
    const same = [{ x: 0, y: 0 }, { x: 0, y: 10 }];
    const placed = placeLabels([
      { id: 'a', width: 10, height: 5, candidates: same },
      { id: 'b', width: 10, height: 5, candidates: same },
    ], { padding: 2 });
    expect(placed.map((p) => [p.id, p.x, p.y, p.candidate])).toEqual([['a', 0, 0, 0], ['b', 0, 10, 1]]);
  });

  test('padding counts: a box 3 apart is free with padding 1 (1 + 1 < 3) and taken with padding 2 (2 + 2 > 3)', () => {
    const req = (id: string, x: number) => ({ id, width: 10, height: 5, candidates: [{ x, y: 0 }, { x, y: 20 }] });
    expect(placeLabels([req('a', 0), req('b', 13)], { padding: 1 })[1].candidate).toBe(0);
    expect(placeLabels([req('a', 0), req('b', 13)], { padding: 2 })[1].candidate).toBe(1);
  });

  test('candidates outside the bounds and on obstacles are skipped', () => {
    const placed = placeLabels(
      [{ id: 'a', width: 10, height: 5, candidates: [{ x: -5, y: 0 }, { x: 20, y: 0 }, { x: 40, y: 0 }] }],
      { bounds: { x: 0, y: 0, width: 100, height: 50 }, obstacles: [{ x: 22, y: 1, width: 4, height: 4 }], padding: 0 },
    );
    expect(placed[0]).toMatchObject({ x: 40, y: 0, candidate: 2 });
  });

  test('with no free candidate the least-overlapping one is used, marked -1, never dropped', () => {
    const placed = placeLabels([
      { id: 'a', width: 10, height: 10, candidates: [{ x: 0, y: 0 }] },
      // (5, 0) overlaps a by 5 × 10 = 50; (8, 0) by 2 × 10 = 20.
      { id: 'b', width: 10, height: 10, candidates: [{ x: 5, y: 0 }, { x: 8, y: 0 }] },
    ], { padding: 0 });
    expect(placed[1]).toMatchObject({ id: 'b', x: 8, y: 0, candidate: -1 });
  });

  test('with no free candidate, one inside the bounds is preferred to one outside that overlaps nothing', () => {
    const placed = placeLabels([
      { id: 'a', width: 10, height: 10, candidates: [{ x: 0, y: 0 }] },
      { id: 'b', width: 10, height: 10, candidates: [{ x: 95, y: 0 }, { x: 5, y: 0 }] },
    ], { bounds: { x: 0, y: 0, width: 100, height: 100 }, padding: 0 });
    expect(placed[1]).toMatchObject({ x: 5, y: 0, candidate: -1 });
  });

  test('three close lines (7,500, 10,000, 12,000 on the histogram) get labels that do not overlap', () => {
    // Lines at x = 145, 175, 199; label widths 80, 33, 45 (chart units); rows 15 apart from 16.
    const lines: [string, number, number][] = [['monitoring', 145, 80], ['floor', 175, 33], ['low', 199, 45]];
    const placed = placeLabels(
      lines.map(([id, x, w]) => ({ id, width: w, height: 12, candidates: besideLineCandidates(x, w, 16, 15, 4) })),
      { bounds: { x: 56, y: 0, width: 504, height: 206 }, padding: 1 },
    );
    expect(placed.map((p) => [p.id, p.x, p.y])).toEqual([
      ['monitoring', 148, 16], // right of its line, row 0
      ['floor', 178, 31], // row 0 is taken on both sides (148–228): right, row 1
      ['low', 202, 46], // row 0 both sides overlap "monitoring", row 1 both sides "floor" (178–211): right, row 2
    ]);
    for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(boxesOverlap(placed[i], placed[j], 1)).toBe(false);
  });
});

describe('besideLineCandidates', () => {
  test('right then left of the line, row by row', () => {
    expect(besideLineCandidates(100, 20, 10, 12, 2, 3)).toEqual([
      { x: 103, y: 10 }, { x: 77, y: 10 }, { x: 103, y: 22 }, { x: 77, y: 22 },
    ]);
  });
});

import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { clipHalfPlane, clipToConvex, shoelace } from '../../src/pipeline/geometry/convex-clip';

const rect = (x0: number, y0: number, x1: number, y1: number): Position[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
const BIG: Polygon = { type: 'Polygon', coordinates: [rect(0, 0, 10, 10)] };

describe('clipHalfPlane', () => {
  it('cuts a square along x ≤ 0.5', () => {
    expect(clipHalfPlane([[0, 0], [1, 0], [1, 1], [0, 1]], 1, 0, 0.5)).toEqual([[0, 0], [0.5, 0], [0.5, 1], [0, 1]]);
  });
});

describe('clipToConvex', () => {
  it('returns a cell far from the parent boundary unchanged', () => {
    expect(clipToConvex(BIG, rect(4, 4, 5, 5))).toEqual({ type: 'Polygon', coordinates: [rect(4, 4, 5, 5)] });
  });

  it('cuts a cell that the parent boundary crosses once into one piece', () => {
    const piece = clipToConvex(BIG, rect(9, 4, 11, 5)) as Polygon;
    expect(piece.type).toBe('Polygon');
    expect(Math.abs(shoelace(piece.coordinates[0]!))).toBeCloseTo(1, 12);
  });

  it('returns two pieces where a U-shaped parent enters the cell twice', () => {
    const u: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]] };
    const pieces = clipToConvex(u, rect(-1, 2, 4, 4)) as MultiPolygon;
    expect(pieces.type).toBe('MultiPolygon');
    const areas = pieces.coordinates.map((p) => Math.abs(shoelace(p[0]!))).sort();
    expect(areas[0]).toBeCloseTo(1, 12);
    expect(areas[1]).toBeCloseTo(1, 12);
  });

  it('keeps a hole of the parent out of the cell', () => {
    const holed: Polygon = { type: 'Polygon', coordinates: [rect(0, 0, 10, 10), [[4, 4], [4, 5], [5, 5], [5, 4], [4, 4]]] };
    const piece = clipToConvex(holed, rect(3, 3, 6, 6)) as Polygon;
    const area = piece.coordinates.reduce((sum, ring, i) => sum + (i === 0 ? 1 : -1) * Math.abs(shoelace(ring)), 0);
    expect(area).toBeCloseTo(8, 12);
  });

  it('returns null for a cell outside the parent', () => {
    expect(clipToConvex(BIG, rect(20, 20, 21, 21))).toBeNull();
  });

  it('accepts a clockwise cell', () => {
    expect(clipToConvex(BIG, [...rect(9, 4, 11, 5)].reverse())).not.toBeNull();
  });
});

import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { cleanRing, douglasPeucker, simplifySharedBorders } from '../../src/pipeline/geography/shared-border-simplify';

describe('cleanRing', () => {
  it('removes consecutive duplicates and closes the ring', () => {
    expect(cleanRing([[0, 0], [1, 0], [1, 0], [1, 1], [0, 0]])).toEqual([[0, 0], [1, 0], [1, 1], [0, 0]]);
  });

  it('removes a zero-width spike', () => {
    expect(cleanRing([[0, 0], [1, 0], [2, 0], [1, 0], [1, 1], [0, 0]])).toEqual([[0, 0], [1, 0], [1, 1], [0, 0]]);
  });

  it('returns null for a ring of fewer than three distinct points', () => {
    expect(cleanRing([[0, 0], [1, 0], [0, 0]])).toBeNull();
  });
});

describe('douglasPeucker', () => {
  it('drops a point closer to the chord than the tolerance and keeps a farther one', () => {
    const line: Position[] = [[0, 0], [1, 0.0001], [2, 0], [3, 1], [4, 0]];
    expect(douglasPeucker(line, 0.01)).toEqual([[0, 0], [2, 0], [3, 1], [4, 0]]);
  });
});

describe('simplifySharedBorders', () => {
  // Two unit squares side by side; their shared border x = 1 has a slight wiggle at (1.0001, 0.5).
  const left: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1.0001, 0.5], [1, 1], [0, 1], [0, 0]]] };
  const right: Polygon = { type: 'Polygon', coordinates: [[[1, 0], [2, 0], [2, 1], [1, 1], [1.0001, 0.5], [1, 0]]] };

  it('simplifies the shared border identically in both neighbours', () => {
    const [a, b] = simplifySharedBorders([left, right], 0.01) as Polygon[];
    // Rings start at a junction (a corner where the shared border ends).
    expect(a!.coordinates[0]).toEqual([[1, 0], [1, 1], [0, 1], [0, 0], [1, 0]]);
    expect(b!.coordinates[0]).toEqual([[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]);
  });

  it('keeps the shared border in both neighbours when it is farther out than the tolerance', () => {
    const [a, b] = simplifySharedBorders([left, right], 0.00001) as Polygon[];
    expect(a!.coordinates[0]).toContainEqual([1.0001, 0.5]);
    expect(b!.coordinates[0]).toContainEqual([1.0001, 0.5]);
  });

  it('returns null for a polygon thinner than the tolerance', () => {
    const sliver: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 0.0001], [0, 0.0001], [0, 0]]] };
    expect(simplifySharedBorders([sliver], 0.01)).toEqual([null]);
  });
});

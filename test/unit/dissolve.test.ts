import { area } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { dissolve } from '../../src/pipeline/geometry/dissolve';

const square = (x: number, y: number, size = 1): Feature<Polygon> => ({
  type: 'Feature',
  properties: {},
  geometry: { type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] },
});

describe('dissolve', () => {
  it('merges polygons along shared borders into one ring', () => {
    const d = dissolve([square(0, 0), square(1, 0), square(0, 1), square(1, 1)]);
    expect(d?.geometry.type).toBe('Polygon');
    expect((d?.geometry as Polygon).coordinates).toHaveLength(1);
    expect(area(d!)).toBeCloseTo(area(square(0, 0, 2)), -2);
  });

  it('keeps a hole left by a ring of polygons around a missing one', () => {
    const ring = [];
    for (let x = 0; x < 3; x++) for (let y = 0; y < 3; y++) if (x !== 1 || y !== 1) ring.push(square(x, y));
    const d = dissolve(ring);
    expect(d?.geometry.type).toBe('Polygon');
    expect((d?.geometry as Polygon).coordinates).toHaveLength(2);
    expect(area(d!)).toBeCloseTo(area(square(0, 0, 3)) - area(square(1, 1)), -2);
  });

  it('returns separate polygons for parts that do not touch', () => {
    const d = dissolve([square(0, 0), square(5, 5)]);
    expect(d?.geometry.type).toBe('MultiPolygon');
  });

  it('gives up (null) when borders are not shared vertex for vertex', () => {
    // The same edge in three members, or members wound both ways, cannot be dissolved by edge counting.
    expect(dissolve([square(0, 0), square(0, 0), square(0, 0)])).toBeNull();
    const reversed = square(1, 0);
    reversed.geometry.coordinates[0]!.reverse();
    expect(dissolve([square(0, 0), reversed])).toBeNull();
  });
});

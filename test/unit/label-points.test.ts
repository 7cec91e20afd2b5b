import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { boundsOf } from '../../src/map/bounds';
import { labelPoints } from '../../src/map/labels/label-points';

type Props = { code: string; name: string; name_en: string };
const fc = (geometries: (Polygon | MultiPolygon)[]): FeatureCollection<Polygon | MultiPolygon, Props> => ({
  type: 'FeatureCollection',
  features: geometries.map((geometry, i) => ({ type: 'Feature', geometry, properties: { code: String(i), name: `县${i}`, name_en: `C${i}` } })),
});

describe('label points', () => {
  it('puts a square’s label at its centre', () => {
    const [p] = labelPoints(fc([{ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] }]));
    expect(p.position[0]).toBeCloseTo(1, 9);
    expect(p.position[1]).toBeCloseTo(1, 9);
    expect(p.name).toBe('县0');
  });

  it('labels the largest part of a multipolygon', () => {
    const [p] = labelPoints(
      fc([
        {
          type: 'MultiPolygon',
          coordinates: [
            [[[10, 10], [10.1, 10], [10.1, 10.1], [10, 10.1], [10, 10]]],
            [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]],
          ],
        },
      ]),
    );
    expect(p.position[0]).toBeCloseTo(2, 6);
    expect(p.position[1]).toBeCloseTo(2, 6);
  });

  it('keeps the label inside a C-shaped outline whose centre of mass is outside', () => {
    // A "C": thick left bar with arms; the centre of mass falls in the open gap.
    const c: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 1], [1, 1], [1, 9], [10, 9], [10, 10], [0, 10], [0, 0]]] };
    const [p] = labelPoints(fc([c]));
    const [x, y] = p.position;
    const inLeftBar = x >= 0 && x <= 1;
    const inArms = (y >= 0 && y <= 1) || (y >= 9 && y <= 10);
    expect(inLeftBar || inArms).toBe(true);
  });
});

describe('bounds', () => {
  it('is the west, south, east, north extent', () => {
    expect(boundsOf(fc([{ type: 'Polygon', coordinates: [[[104, 35], [107, 35], [107, 39], [104, 39], [104, 35]]] }]))).toEqual([104, 35, 107, 39]);
  });
});

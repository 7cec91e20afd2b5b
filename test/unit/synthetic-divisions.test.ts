import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { area, booleanPointInPolygon, featureCollection, intersect } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../src/pipeline/geography/csv';
import { shoelace } from '../../src/pipeline/geometry/convex-clip';
import { labelPoint, partition, type Areal } from '../../src/pipeline/geometry/synthetic-divisions';
import { hashString as hashCode, mulberry32 } from '../../src/pipeline/random';

const feature = (geometry: Areal): Feature<Areal> => ({ type: 'Feature', properties: {}, geometry });
const square = (x: number, y: number, size: number): Position[] => [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]];
const UNIT = feature({ type: 'Polygon', coordinates: [square(0, 0, 1)] });

/** Planar area (degrees²): exactly additive, unlike the geodesic approximation. */
function planarArea(geometry: Areal): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.reduce((sum, [outer, ...holes]) => sum + Math.abs(shoelace(outer!)) - holes.reduce((h, r) => h + Math.abs(shoelace(r)), 0), 0);
}

function overlap(a: Feature<Areal>, b: Feature<Areal>): number {
  const common = intersect(featureCollection<Areal>([a, b]));
  return common === null ? 0 : planarArea(common.geometry);
}

const children = (...codes: string[]) => codes.map((code) => ({ code }));

describe('partition', () => {
  it('splits the unit square into 3 cells whose areas sum to 1', () => {
    const cells = partition(UNIT, children('a', 'b', 'c'), 7);
    expect([...cells.keys()]).toEqual(['a', 'b', 'c']);
    const total = [...cells.values()].reduce((sum, f) => sum + planarArea(f.geometry), 0);
    expect(Math.abs(total - 1)).toBeLessThan(1e-9);
  });

  it('gives cells that do not overlap', () => {
    const cells = [...partition(UNIT, children('a', 'b', 'c'), 7).values()];
    for (let i = 0; i < cells.length; i++) for (let j = i + 1; j < cells.length; j++) expect(overlap(cells[i]!, cells[j]!)).toBeLessThan(1e-12);
  });

  it('gives identical output for identical input', () => {
    expect(partition(UNIT, children('a', 'b', 'c'), 7)).toEqual(partition(UNIT, children('a', 'b', 'c'), 7));
  });

  it('does not depend on the order the children are listed in', () => {
    const forward = partition(UNIT, children('a', 'b', 'c'), 7);
    const backward = partition(UNIT, children('c', 'b', 'a'), 7);
    for (const code of ['a', 'b', 'c']) expect(backward.get(code)).toEqual(forward.get(code));
  });

  it('gives other cells for another seed', () => {
    expect(partition(UNIT, children('a', 'b', 'c'), 8).get('a')).not.toEqual(partition(UNIT, children('a', 'b', 'c'), 7).get('a'));
  });

  it('returns the parent whole for a single child', () => {
    const cells = partition(UNIT, children('only'), 7);
    expect(cells.get('only')).toEqual({ type: 'Feature', properties: { code: 'only' }, geometry: UNIT.geometry });
  });

  it('returns an empty map for no children', () => {
    expect(partition(UNIT, [], 7).size).toBe(0);
  });

  it('throws on duplicate child codes', () => {
    expect(() => partition(UNIT, children('a', 'b', 'a'), 7)).toThrow(/duplicate child code a/);
  });

  it('throws on a non-positive weight', () => {
    expect(() => partition(UNIT, [{ code: 'a', weight: 0 }, { code: 'b' }], 7)).toThrow(/weight must be a positive number/);
  });

  it('covers both islands of a MultiPolygon parent with non-empty cells', () => {
    const islands = feature({ type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(3, 0, 0.5)]] } as MultiPolygon);
    const cells = partition(islands, children('a', 'b', 'c', 'd', 'e'), 3);
    const areas = [...cells.values()].map((f) => planarArea(f.geometry));
    for (const a of areas) expect(a).toBeGreaterThan(0);
    expect(Math.abs(areas.reduce((s, a) => s + a, 0) - 1.25)).toBeLessThan(1e-9);
  });

  it('leaves the hole of a parent uncovered', () => {
    const holed = feature({ type: 'Polygon', coordinates: [square(0, 0, 3), [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]]] } as Polygon);
    const hole = feature({ type: 'Polygon', coordinates: [square(1, 1, 1)] });
    const cells = [...partition(holed, children('a', 'b', 'c', 'd'), 5).values()];
    for (const cell of cells) expect(overlap(cell, hole)).toBeLessThan(1e-12);
    expect(Math.abs(cells.reduce((s, f) => s + planarArea(f.geometry), 0) - 8)).toBeLessThan(1e-9);
  });

  it('gives a child with a small weight a smaller cell than its equal siblings', () => {
    const cells = partition(UNIT, [{ code: 'small', weight: 0.2 }, ...children('a', 'b', 'c', 'd')], 11);
    const small = planarArea(cells.get('small')!.geometry);
    const others = ['a', 'b', 'c', 'd'].map((c) => planarArea(cells.get(c)!.geometry));
    expect(small).toBeLessThan(Math.min(...others));
  });

  it('places every Ningxia township inside its county', () => {
    const dir = join(__dirname, '../../data/geo/ningxia');
    const counties = JSON.parse(readFileSync(join(dir, 'counties.geojson'), 'utf8')) as FeatureCollection<Areal, { code: string }>;
    const rows = parseCsvRecords(readFileSync(join(dir, 'divisions.csv'), 'utf8'));
    const townships = rows.filter((r) => r.level === '4');
    const problems: string[] = [];
    let placed = 0;
    for (const county of counties.features) {
      const cells = partition(county, townships.filter((t) => t.parent_code === county.properties.code).map((t) => ({ code: t.code! })), 1);
      for (const [code, cell] of cells) {
        placed++;
        const inside = intersect(featureCollection<Areal>([cell, county]));
        if (inside === null || area(inside) < area(cell) * 0.999) problems.push(`${code} leaves ${county.properties.code}`);
        if (!booleanPointInPolygon(labelPoint(cell), county)) problems.push(`${code} label outside ${county.properties.code}`);
      }
    }
    expect(problems).toEqual([]);
    expect(placed).toBe(townships.length);
  }, 60_000); // ~4 s alone: 259 exact intersections with real county outlines
});

describe('labelPoint', () => {
  it('returns the centroid when it lies inside', () => {
    expect(labelPoint(feature({ type: 'Polygon', coordinates: [square(0, 0, 2)] }))).toEqual([1, 1]);
  });

  it('returns the middle of the widest chord when the centroid falls outside (U shape)', () => {
    // Area 7, centroid (1.5, 19/14) lies in the notch; the lowest scanline crosses the full width 3.
    const u = feature({ type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]] });
    const [x, y] = labelPoint(u);
    expect(x).toBe(1.5);
    expect(y).toBeCloseTo(1 / 6, 6);
  });

  it('uses the largest part of a MultiPolygon', () => {
    const parts = feature({ type: 'MultiPolygon', coordinates: [[square(10, 10, 1)], [square(0, 0, 4)]] } as MultiPolygon);
    expect(labelPoint(parts)).toEqual([2, 2]);
  });
});

describe('hashCode and mulberry32', () => {
  it('hashCode is 32-bit FNV-1a', () => {
    expect(hashCode('')).toBe(0x811c9dc5);
    expect(hashCode('a')).toBe(0xe40c292c);
  });

  it('mulberry32 repeats its sequence for a seed, in [0, 1)', () => {
    const a = mulberry32(42), b = mulberry32(42), c = mulberry32(43);
    const seqA = Array.from({ length: 100 }, a), seqB = Array.from({ length: 100 }, b), seqC = Array.from({ length: 100 }, c);
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
    for (const v of seqA) expect(v >= 0 && v < 1).toBe(true);
  });
});

/**
 * Users' own boundaries (src/import/boundaries.ts): a GeoJSON of polygons naming regions by code
 * replaces the dataset's polygons of those codes; every bad feature is pointed to.
 */
import { describe, expect, test } from 'vitest';
import { applyUserBoundaries, readBoundaries } from '../../src/import/boundaries';
import type { RegionRow } from '../../src/domain/dataset';

const square = (x: number, y: number, d = 0.01) => ({ type: 'Polygon' as const, coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] });
const bytes = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));

describe('user boundaries', () => {
  test('codes of 6, 9 or 12 digits in code, 村代码, adcode or the feature id', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: '640324100001' }, geometry: square(106, 37) },
        { type: 'Feature', properties: { 村代码: 640324100002 }, geometry: square(106.1, 37) },
        { type: 'Feature', id: '640324100', properties: {}, geometry: square(106.2, 37) },
      ],
    };
    const r = readBoundaries('v.geojson', bytes(fc));
    expect(r.problems).toEqual([]);
    expect([...r.boundaries!.byCode.keys()]).toEqual(['640324100001', '640324100002', '640324100000']);
  });

  test('every bad feature is named: no code, a point, a duplicate; not GeoJSON at all', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: '某村' }, geometry: square(0, 0) },
        { type: 'Feature', properties: { code: '640324100001' }, geometry: { type: 'Point', coordinates: [1, 1] } },
        { type: 'Feature', properties: { code: '640324100002' }, geometry: square(0, 0) },
        { type: 'Feature', properties: { code: '640324100002' }, geometry: square(1, 1) },
      ],
    };
    const r = readBoundaries('v.geojson', bytes(fc));
    expect(r.boundaries).toBeNull();
    expect(r.problems.map((p) => [p.kind, p.row])).toEqual([['bad_code', 1], ['bad_value', 2], ['duplicate_period', 4]]);
    for (const p of r.problems) expect(p.expectedZh).toMatch(/[\u4e00-\u9fff]/);
    expect(readBoundaries('x.geojson', new TextEncoder().encode('{"type":')).problems[0]!.kind).toBe('unreadable_file');
    expect(readBoundaries('x.geojson', bytes({ type: 'Feature' })).problems[0]!.kind).toBe('unreadable_file');
  });

  test('applied: matching polygons replace the synthetic ones, regions get their centroid and area, a wholly replaced level is said', () => {
    const regions: RegionRow[] = [
      { code: '640324100001', name: 'a', name_en: 'a', level: 5, parent_code: '640324100000', lon: 0, lat: 0, area_km2: 1, tags: [] },
      { code: '640324100002', name: 'b', name_en: 'b', level: 5, parent_code: '640324100000', lon: 0, lat: 0, area_km2: 1, tags: [] },
    ];
    const boundaries = {
      village: { type: 'FeatureCollection' as const, features: regions.map((r) => ({ type: 'Feature' as const, properties: { code: r.code, name: r.name }, geometry: square(50, 50) })) },
    };
    const own = readBoundaries('v.geojson', bytes({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { code: '640324100001' }, geometry: square(106, 37) },
      { type: 'Feature', properties: { code: '999999999999' }, geometry: square(1, 1) },
    ] })).boundaries!;
    const applied = applyUserBoundaries({ regions, boundaries }, [own]);
    expect(applied).toMatchObject({ replaced: 1, unmatched: 1, wholeLevels: [] });
    expect(boundaries.village.features[0]!.geometry).toEqual(square(106, 37));
    expect(boundaries.village.features[0]!.properties).toMatchObject({ code: '640324100001', name: 'a', synthetic: false });
    expect(boundaries.village.features[1]!.geometry).toEqual(square(50, 50));
    expect(regions[0]!.lon).toBeCloseTo(106.005, 6);
    expect(regions[0]!.area_km2).toBeGreaterThan(0.9);
    expect(regions[0]!.area_km2).toBeLessThan(1.0); // 0.01° × 0.01° at 37° N ≈ 0.99 km²
    expect(regions[1]!.lon).toBe(0);
    expect(applied.warnings.map((w) => w.kind)).toEqual(['boundaries_used', 'unmatched_polygons']);
    const all = readBoundaries('v.geojson', bytes({ type: 'FeatureCollection', features: regions.map((r) => ({ type: 'Feature', properties: { code: r.code }, geometry: square(106, 37) })) })).boundaries!;
    expect(applyUserBoundaries({ regions, boundaries }, [all]).wholeLevels).toEqual(['village']);
  });
});

import { area } from '@turf/turf';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { resolveVintage, type SourceCounty, type VintageChange } from '../../src/pipeline/geography/code-vintage';

const square = (x: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] });
const areaOf = (geometry: Polygon | object) => area({ type: 'Feature', properties: {}, geometry: geometry as Polygon });

const source = new Map<string, SourceCounty>([
  ['100001', { name: '甲县', geometry: square(0) }],
  ['100002', { name: '乙县', geometry: square(1) }],
  ['100003', { name: '丙区', geometry: square(2) }],
]);

describe('resolveVintage', () => {
  it('keeps unchanged codes and gives a renamed county the polygon of its old code', () => {
    const changes: VintageChange[] = [{ oldCode: '100002', oldName: '乙县', newCode: '100082', newName: '乙市', change: 'rename', note: '' }];
    const target = new Map([['100001', '甲县'], ['100082', '乙市'], ['100003', '丙区']]);
    const { geometries, applied } = resolveVintage(source, target, changes);
    expect([...geometries.keys()]).toEqual(['100001', '100003', '100082']);
    expect(geometries.get('100082')).toEqual(square(1));
    expect(applied).toEqual(changes);
  });

  it('gives a merged county the union of its parts', () => {
    const changes: VintageChange[] = [{ oldCode: '100003', oldName: '丙区', newCode: '100002', newName: '乙县', change: 'merge', note: '' }];
    const { geometries } = resolveVintage(source, new Map([['100001', '甲县'], ['100002', '乙县']]), changes);
    expect(areaOf(geometries.get('100002')!)).toBeCloseTo(areaOf(square(1)) + areaOf(square(2)), -3);
  });

  it('splits an old county along a box between two new ones', () => {
    const box: [number, number, number, number] = [0.5, -1, 5, 2];
    const changes: VintageChange[] = [
      { oldCode: '100001', oldName: '甲县', newCode: '100001', newName: '甲县', change: 'split', note: '', clip: { box, keep: 'outside' } },
      { oldCode: '100001', oldName: '甲县', newCode: '100009', newName: '丁区', change: 'split', note: '', clip: { box, keep: 'inside' } },
    ];
    const target = new Map([['100001', '甲县'], ['100009', '丁区'], ['100002', '乙县'], ['100003', '丙区']]);
    const { geometries } = resolveVintage(source, target, changes);
    const whole = areaOf(square(0));
    expect(areaOf(geometries.get('100001')!) / whole).toBeCloseTo(0.5, 3);
    expect(areaOf(geometries.get('100009')!) / whole).toBeCloseTo(0.5, 3);
  });

  it('fails on a county without geometry and on a geometry that maps to no county', () => {
    const target = new Map([['100001', '甲县'], ['100002', '乙县'], ['100004', '丁县']]);
    expect(() => resolveVintage(source, target, [])).toThrow(/100003 丙区 maps to no county[\s\S]*100004 丁县 has no geometry/);
  });

  it('fails when a change disagrees with the names in the sources', () => {
    const changes: VintageChange[] = [{ oldCode: '100002', oldName: '乙区', newCode: '100082', newName: '乙市', change: 'rename', note: '' }];
    const target = new Map([['100001', '甲县'], ['100082', '乙县'], ['100003', '丙区']]);
    expect(() => resolveVintage(source, target, changes)).toThrow(/names it 乙县, table says 乙区[\s\S]*names it 乙县, table says 乙市/);
  });
});

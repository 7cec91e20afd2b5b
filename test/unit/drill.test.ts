import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Polygon } from 'geojson';
import { boundsOf } from '../../src/map/bounds';
import { ancestry, featuresWithin, levelOfCode, mapScopeOf, resolveUnit } from '../../src/domain/drill';

const NINGXIA = { code: '640000000000', level: 1 as const };

describe('level of a statistical code', () => {
  it('reads the level from the non-zero digit groups', () => {
    expect(levelOfCode('640000000000')).toBe(1);
    expect(levelOfCode('640400000000')).toBe(2);
    expect(levelOfCode('640422000000')).toBe(3);
    expect(levelOfCode('640422105000')).toBe(4);
    expect(levelOfCode('640422105201')).toBe(5);
  });
});

describe('which regions the map shows', () => {
  it('shows counties at the province and at a city (the city level is skipped)', () => {
    expect(mapScopeOf('640000000000')).toEqual({ level: 3, scope: '640000000000', scopeLevel: 1 });
    expect(mapScopeOf('640400000000')).toEqual({ level: 3, scope: '640400000000', scopeLevel: 2 });
  });
  it('shows townships at a county and villages at a township', () => {
    expect(mapScopeOf('640422000000')).toEqual({ level: 4, scope: '640422000000', scopeLevel: 3 });
    expect(mapScopeOf('640422105000')).toEqual({ level: 5, scope: '640422105000', scopeLevel: 4 });
  });
  it('shows a village among the villages of its township', () => {
    expect(mapScopeOf('640422105201')).toEqual({ level: 5, scope: '640422105000', scopeLevel: 4 });
  });
});

describe('the unit a view stands on', () => {
  it('is the root when nothing or something outside the dataset is asked for', () => {
    expect(resolveUnit(null, NINGXIA)).toBe('640000000000');
    expect(resolveUnit('360000000000', NINGXIA)).toBe('640000000000');
    expect(resolveUnit('6404', NINGXIA)).toBe('640000000000');
  });
  it('never climbs above a county- or township-rooted dataset', () => {
    const beizhang = { code: '141128104000', level: 4 as const };
    expect(resolveUnit('141128000000', beizhang)).toBe('141128104000');
    expect(resolveUnit('141128104201', beizhang)).toBe('141128104201');
    expect(resolveUnit('141128105201', beizhang)).toBe('141128104000');
  });
  it('keeps a code inside the root', () => {
    expect(resolveUnit('640422105201', NINGXIA)).toBe('640422105201');
  });
});

describe('breadcrumb', () => {
  it('lists every level from the root down, the city included', () => {
    expect(ancestry('640422105201', 1).map((a) => a.code)).toEqual(['640000000000', '640400000000', '640422000000', '640422105000', '640422105201']);
    expect(ancestry('640000000000', 1)).toEqual([{ code: '640000000000', level: 1 }]);
  });
  it('starts at the dataset root level', () => {
    expect(ancestry('141128104201', 4)).toEqual([
      { code: '141128104000', level: 4 },
      { code: '141128104201', level: 5 },
    ]);
  });
});

describe('prefix filtering and bounds', () => {
  const square = (code: string, x: number, y: number, size: number) => ({
    type: 'Feature' as const,
    properties: { code },
    geometry: { type: 'Polygon' as const, coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] },
  });
  const townships: FeatureCollection<Polygon, { code: string }> = {
    type: 'FeatureCollection',
    features: [square('640422105000', 105, 35, 1), square('640422106000', 106, 35, 1), square('640423100000', 100, 30, 2), square('640522100000', 110, 40, 1)],
  };

  it('keeps only the features inside the scope', () => {
    expect(featuresWithin(townships.features, '640422000000', 3).map((f) => f.properties.code)).toEqual(['640422105000', '640422106000']);
    expect(featuresWithin(townships.features, '640400000000', 2).map((f) => f.properties.code)).toEqual(['640422105000', '640422106000', '640423100000']);
    expect(featuresWithin(townships.features, '650000000000', 1)).toEqual([]);
  });

  it('fits the bounds of the kept features only', () => {
    const kept = featuresWithin(townships.features, '640422000000', 3);
    expect(boundsOf({ type: 'FeatureCollection', features: kept })).toEqual([105, 35, 107, 36]);
  });
});

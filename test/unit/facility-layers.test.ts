import { describe, expect, test } from 'vitest';
import type { Facility } from '../../src/data/queries/facilities';
import { gridClusters, mercatorPixel, shouldCluster, CLUSTER_MIN_POINTS, CLUSTER_MAX_ZOOM } from '../../src/map/facilities/cluster';
import { facilityMarks, markColor, markRadius, pooledEmploymentShare, FIXED_RADIUS, SIZED_RADIUS } from '../../src/map/facilities/layers';
import { areaRadius, employmentClass, employmentColor, EMPLOYMENT_COLORS, industryColors, NO_SHARE_COLOR, OTHER_COLOR, sizeLegendValues, STATUS_COLORS } from '../../src/map/facilities/scales';
import { countByUnit, facilitiesInView, totalOf } from '../../src/map/facilities/select';

function facility(over: Partial<Facility>): Facility {
  return {
    id: 'F1', kind: 'coop', name: 'x', industry: null, lon: 106, lat: 38, countyCode: '640104000000', villageCode: '640104201200',
    openedYear: 2020, status: 'normal', householdsLinked: 0, jobs: 0, relocatedHouseholds: 0, relocatedPersons: 0, ...over,
  };
}

describe('scales', () => {
  test('area radius: max at maxRadius, a quarter of it at half the radius, never below minRadius', () => {
    expect(areaRadius(100, 100, 2, 16)).toBe(16);
    expect(areaRadius(25, 100, 2, 16)).toBe(8);
    expect(areaRadius(0, 100, 2, 16)).toBe(2);
    expect(areaRadius(0.01, 100, 2, 16)).toBe(2);
    expect(areaRadius(500, 100, 2, 16)).toBe(16);
    expect(areaRadius(5, 0, 3, 16)).toBe(3);
  });

  test('employment classes: bounds belong to the class above; 100% is the top class; none is grey', () => {
    expect([0, 0.79, 0.8, 0.9, 0.95, 0.99, 1].map(employmentClass)).toEqual([0, 0, 1, 2, 3, 4, 4]);
    expect(employmentClass(null)).toBe(-1);
    expect(employmentClass(Number.NaN)).toBe(-1);
    expect(employmentColor(null)).toEqual(NO_SHARE_COLOR);
    expect(employmentColor(0.5)).toEqual(EMPLOYMENT_COLORS[0]);
  });

  test('industry colours follow frequency, ties by name; past ten is other', () => {
    const c = industryColors(['wine', 'goji', 'goji', 'beef', null, 'wine', 'dairy']);
    expect(c.order).toEqual(['goji', 'wine', 'beef', 'dairy']);
    expect(c.other).toBe(false);
    expect(c.color('goji')).not.toEqual(c.color('wine'));
    expect(c.color('unknown')).toEqual(OTHER_COLOR);
    expect(c.color(null)).toEqual(OTHER_COLOR);
    const many = industryColors('abcdefghijkl'.split(''));
    expect(many.order).toHaveLength(10);
    expect(many.other).toBe(true);
    expect(many.color('l')).toEqual(OTHER_COLOR);
  });

  test('size legend values', () => {
    expect(sizeLegendValues(5032)).toEqual([5000, 3000, 500]);
    expect(sizeLegendValues(0)).toEqual([]);
    expect(sizeLegendValues(1)).toEqual([1]);
  });
});

describe('grid clusters', () => {
  test('mercator pixel of (0, 0) is the world centre; lon 180 the right edge', () => {
    expect(mercatorPixel(0, 0, 0)).toEqual([256, 256]);
    expect(mercatorPixel(180, 0, 1)[0]).toBe(1024);
  });

  test('points in one cell merge, with their mean position; others stay apart; empty gives none', () => {
    // At zoom 0 a 64 px cell is 45° of longitude.
    const pts = [{ lon: 1, lat: 1 }, { lon: 3, lat: 3 }, { lon: 100, lat: 1 }];
    const c = gridClusters(pts, 0, 64);
    expect(c.map((x) => x.members)).toEqual([[0, 1], [2]]);
    expect(c[0]!.lon).toBe(2);
    expect(c[0]!.lat).toBe(2);
    expect(gridClusters([], 5, 36)).toEqual([]);
    expect(() => gridClusters(pts, 0, 0)).toThrow();
  });

  test('clustering only with many points and below the zoom limit', () => {
    expect(shouldCluster(CLUSTER_MIN_POINTS, 5)).toBe(false);
    expect(shouldCluster(CLUSTER_MIN_POINTS + 1, 5)).toBe(true);
    expect(shouldCluster(10_000, CLUSTER_MAX_ZOOM)).toBe(false);
  });
});

describe('facility marks', () => {
  const sites = [
    facility({ id: 'RS1', kind: 'relocation_site', relocatedPersons: 400 }),
    facility({ id: 'RS2', kind: 'relocation_site', relocatedPersons: 100, lon: 106.0001 }),
  ];
  const employment = new Map([['RS1', { withLabour: 10, employed: 9 }], ['RS2', { withLabour: 10, employed: 10 }]]);

  test('few points: one mark per facility of the kind', () => {
    const marks = facilityMarks([...sites, facility({ id: 'C1' })], 'relocation_site', 5);
    expect(marks.map((m) => m.members.map((f) => f.id))).toEqual([['RS1'], ['RS2']]);
  });

  test('many points at low zoom: clusters; at high zoom: each by itself', () => {
    const many = Array.from({ length: CLUSTER_MIN_POINTS + 1 }, (_, i) => facility({ id: `C${i}`, lon: 106 + i * 1e-6 }));
    expect(facilityMarks(many, 'coop', 6)).toHaveLength(1);
    expect(facilityMarks(many, 'coop', 6)[0]!.members).toHaveLength(many.length);
    expect(facilityMarks(many, 'coop', CLUSTER_MAX_ZOOM)).toHaveLength(many.length);
  });

  test('pooled employment share and relocation colours', () => {
    expect(pooledEmploymentShare(sites, employment)).toBe(19 / 20);
    expect(pooledEmploymentShare([facility({ id: 'X' })], employment)).toBeNull();
    const input = { industryColoring: 'industry' as const, employment, industryColor: () => OTHER_COLOR };
    expect(markColor({ kind: 'relocation_site', lon: 0, lat: 0, members: [sites[0]!] }, input)).toEqual(EMPLOYMENT_COLORS[2]);
    expect(markColor({ kind: 'relocation_site', lon: 0, lat: 0, members: [sites[1]!] }, input)).toEqual(EMPLOYMENT_COLORS[4]);
  });

  test('industry bases by status take the majority status of a cluster', () => {
    const bases = [facility({ kind: 'industry_base', status: 'idle' }), facility({ kind: 'industry_base', status: 'idle' }), facility({ kind: 'industry_base', status: 'upgrade' })];
    const input = { industryColoring: 'status' as const, employment: new Map(), industryColor: () => OTHER_COLOR };
    expect(markColor({ kind: 'industry_base', lon: 0, lat: 0, members: bases }, input)).toEqual(STATUS_COLORS.idle);
  });

  test('radii: relocation sites by persons relative to the largest, fixed kinds fixed', () => {
    const scale = { maxRelocatedPersons: 400, maxWorkshopJobs: 50 };
    expect(markRadius({ kind: 'relocation_site', lon: 0, lat: 0, members: [sites[0]!] }, scale)).toBe(SIZED_RADIUS[1]);
    expect(markRadius({ kind: 'relocation_site', lon: 0, lat: 0, members: [sites[1]!] }, scale)).toBe(SIZED_RADIUS[1] / 2);
    expect(markRadius({ kind: 'coop', lon: 0, lat: 0, members: [facility({})] }, scale)).toBe(FIXED_RADIUS);
  });
});

describe('facilities in view and per unit', () => {
  const list = [
    facility({ id: 'A', villageCode: '640104201200', openedYear: 2020 }),
    facility({ id: 'B', villageCode: '640104201209', openedYear: 2024, kind: 'workshop' }),
    facility({ id: 'C', villageCode: '640422100200', openedYear: 2019 }),
  ];

  test('scope by code prefix and opened by the year', () => {
    expect(facilitiesInView(list, { code: '640104000000', level: 3 }, 2024).map((f) => f.id)).toEqual(['A', 'B']);
    expect(facilitiesInView(list, { code: '640104000000', level: 3 }, 2023).map((f) => f.id)).toEqual(['A']);
    expect(facilitiesInView(list, { code: '640000000000', level: 1 }, 2024).map((f) => f.id)).toEqual(['A', 'B', 'C']);
  });

  test('counts by unit and kind; units without facilities get zero', () => {
    const counts = countByUnit(list, ['640104000000', '640422000000', '640500000000'], 3);
    expect(counts.get('640104000000')).toEqual({ coop: 1, workshop: 1 });
    expect(counts.get('640422000000')).toEqual({ coop: 1 });
    expect(counts.get('640500000000')).toEqual({});
    expect(totalOf(counts.get('640104000000'), ['coop', 'workshop'])).toBe(2);
    expect(totalOf(counts.get('640104000000'), ['workshop'])).toBe(1);
    expect(totalOf(undefined, ['coop'])).toBe(0);
  });
});

import fc from 'fast-check';
import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CatchmentIndex } from '../../src/siting/catchment';
import { buildCoverage, type CoverageModel } from '../../src/siting/coverage';
import { demandPoints, parseWeights, type DemandCell, type DemandPoint, type Village } from '../../src/siting/demand';
import { solveExact } from '../../src/siting/exact';
import { sitesCsv, sitesGeoJson } from '../../src/siting/format';
import { EARTH_RADIUS_KM, haversineKm, LatitudeIndex, nearestDistances } from '../../src/siting/geo';
import { greedy } from '../../src/siting/greedy';
import { suggestSites, type SitingQuestion } from '../../src/siting/suggest';

/** km east per degree of longitude on the equator (and north per degree of latitude anywhere). */
const KM_PER_DEG = (Math.PI / 180) * EARTH_RADIUS_KM;

function cell(villageCode: string, n: Partial<DemandCell['populations']> & { households?: number; monitored?: boolean; relocated?: boolean }): DemandCell {
  const households = n.households ?? n.labour ?? 0;
  return {
    villageCode,
    monitored: n.monitored ?? false,
    relocated: n.relocated ?? false,
    households,
    persons: households * 3,
    labour: households * 2,
    populations: { low_income_labour: n.low_income_labour ?? 0, monitoring_labour: n.monitoring_labour ?? 0, zero_employment: n.zero_employment ?? 0, labour: n.labour ?? 0 },
  };
}

/** Villages on the equator, `x` km east of 0°E. */
function villageAt(code: string, xKm: number, yKm = 0): Village {
  return { code, name: `村${code.slice(-3)}`, lon: xKm / KM_PER_DEG, lat: yKm / KM_PER_DEG };
}

/** Best objective of any `k` candidates, by trying every subset. */
function bruteForce(model: CoverageModel, k: number): number {
  const n = model.candidates.length;
  let best = 0;
  const pick: number[] = [];
  const rec = (from: number) => {
    const mask = new Uint8Array(model.demand.length);
    for (const j of pick) for (const i of model.covers[j]) mask[i] = 1;
    let v = 0;
    for (let i = 0; i < mask.length; i++) if (mask[i]) v += model.value[i];
    best = Math.max(best, v);
    if (pick.length === k) return;
    for (let j = from; j < n; j++) {
      pick.push(j);
      rec(j + 1);
      pick.pop();
    }
  };
  rec(0);
  return best;
}

/** A random instance: points in a 40 × 40 km square near 38°N, random household counts. */
const instance = fc.record({
  demand: fc.array(fc.record({ x: fc.double({ min: 0, max: 40, noNaN: true }), y: fc.double({ min: 0, max: 40, noNaN: true }), n: fc.integer({ min: 1, max: 50 }) }), { minLength: 1, maxLength: 12 }),
  candidates: fc.array(fc.record({ x: fc.double({ min: 0, max: 40, noNaN: true }), y: fc.double({ min: 0, max: 40, noNaN: true }) }), { minLength: 1, maxLength: 9 }),
  existing: fc.array(fc.record({ x: fc.double({ min: 0, max: 40, noNaN: true }), y: fc.double({ min: 0, max: 40, noNaN: true }) }), { maxLength: 2 }),
  radius: fc.double({ min: 2, max: 15, noNaN: true }),
  k: fc.integer({ min: 1, max: 4 }),
});

function toLonLat(p: { x: number; y: number }) {
  return { lon: 106 + p.x / (KM_PER_DEG * Math.cos((38 * Math.PI) / 180)), lat: 38 + p.y / KM_PER_DEG };
}

type Instance = typeof instance extends fc.Arbitrary<infer T> ? T : never;

function modelOf(inst: Instance): CoverageModel {
  const demand: DemandPoint[] = inst.demand.map((d, i) => ({ code: `64000000${String(i).padStart(4, '0')}`, name: `d${i}`, ...toLonLat(d), households: d.n, weighted: d.n }));
  const candidates: Village[] = inst.candidates.map((c, j) => ({ code: `64000001${String(j).padStart(4, '0')}`, name: `c${j}`, ...toLonLat(c) }));
  return buildCoverage({ demand, candidates, existing: inst.existing.map(toLonLat), radiusKm: inst.radius, weighted: false });
}

describe('great-circle distance', () => {
  it('is the haversine on a sphere of 6371.0088 km', () => {
    expect(haversineKm(0, 0, 1, 0)).toBeCloseTo(111.19508, 4);
    expect(haversineKm(0, 0, 0, 1)).toBeCloseTo(111.19508, 4);
    // Yinchuan to Guyuan, by the formula written out independently.
    const [a, b, c, d] = [106.2309, 38.4872, 106.2424, 36.0156].map((v) => (v * Math.PI) / 180);
    const h = Math.sin((d - b) / 2) ** 2 + Math.cos(b) * Math.cos(d) * Math.sin((c - a) / 2) ** 2;
    expect(haversineKm(106.2309, 38.4872, 106.2424, 36.0156)).toBeCloseTo(2 * 6371.0088 * Math.asin(Math.sqrt(h)), 9);
  });

  it('finds the same points within a radius as testing every point', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ lon: fc.double({ min: 100, max: 110, noNaN: true }), lat: fc.double({ min: 30, max: 40, noNaN: true }) }), { maxLength: 60 }),
        fc.record({ lon: fc.double({ min: 100, max: 110, noNaN: true }), lat: fc.double({ min: 30, max: 40, noNaN: true }) }),
        fc.double({ min: 0, max: 400, noNaN: true }),
        (points, q, r) => {
          const brute = points.map((p, i) => [p, i] as const).filter(([p]) => haversineKm(q.lon, q.lat, p.lon, p.lat) <= r + 1e-9).map(([, i]) => i);
          expect(new LatitudeIndex(points).within(q.lon, q.lat, r)).toEqual(brute);
          const nearest = nearestDistances([q], points)[0];
          expect(nearest).toBe(points.length ? Math.min(...points.map((p) => haversineKm(q.lon, q.lat, p.lon, p.lat))) : Infinity);
        },
      ),
    );
  });

  it('counts a point exactly on the circle as within (inclusive)', () => {
    const idx = new LatitudeIndex([villageAt('640000000001', 10)]);
    const d = haversineKm(0, 0, 10 / KM_PER_DEG, 0);
    expect(idx.within(0, 0, d)).toEqual([0]);
    expect(idx.within(0, 0, d - 1e-6)).toEqual([]);
  });
});

describe('coverage on a hand-checked fixture', () => {
  // Villages on the equator at 0, 4, 9, 20 and 30 km; an existing base at 31 km; radius 5 km.
  const villages = [villageAt('640000000001', 0), villageAt('640000000002', 4), villageAt('640000000003', 9), villageAt('640000000004', 20), villageAt('640000000005', 30)];
  const cells = [
    cell('640000000001', { labour: 10, low_income_labour: 3 }),
    cell('640000000002', { labour: 20, low_income_labour: 5, monitoring_labour: 2 }),
    cell('640000000002', { labour: 4, monitored: true, monitoring_labour: 4, low_income_labour: 1 }),
    cell('640000000003', { labour: 7, low_income_labour: 7 }),
    cell('640000000004', { labour: 1 }),
    cell('640000000005', { labour: 50, low_income_labour: 40 }),
  ];
  const existing = [villageAt('x', 31)];
  const q: SitingQuestion = { population: 'low_income_labour', year: 2024, kind: 'industry_base', radiusKm: 5, k: 2, scope: '640000000000', method: 'greedy' };

  it('places demand at village centres and counts what existing facilities cover', () => {
    const r = suggestSites(q, { cells, villages, existing });
    // Demand: 3 + (5 + 1) + 7 + 40 = 56; the base at 31 km covers village 5 (40).
    expect(r.demandTotal).toBe(56);
    expect(r.coveredByExisting).toBe(40);
    // Site at village 2 (4 km) covers 1, 2 and 3 (0, 4, 9 km: 4 and 5 km away): 3 + 6 + 7 = 16.
    expect(r.sites.map((s) => [s.villageCode, s.gain])).toEqual([['640000000002', 16]]);
    expect(r.covered).toBe(16);
    expect(r.curve).toEqual([{ k: 1, covered: 16 }, { k: 2, covered: 16 }]);
    expect(r.optimal).toBe(true);
  });

  it('weights monitoring objects: the weighted count decides, the household count is reported', () => {
    const r = suggestSites({ ...q, population: 'monitoring_labour', weights: parseWeights('monitored=2') }, { cells, villages, existing });
    expect(r.demandTotal).toBe(6);
    expect(r.weightedDemandTotal).toBe(2 + 4 * 2);
    expect(r.covered).toBe(6);
    expect(r.weightedCovered).toBe(10);
  });

  it('catchment: households, persons, labour, populations and the part already covered', () => {
    const idx = new CatchmentIndex(cells, villages, existing);
    const c = idx.catchment(villages[4].lon, villages[4].lat, 10.5);
    // Villages at 20 and 30 km are within 10.5 km of 30 km; only the one at 30 km is within 10.5 km of the base at 31.
    expect(c.villageCodes).toEqual(['640000000004', '640000000005']);
    expect(c.within.households).toBe(51);
    expect(c.within.persons).toBe(153);
    expect(c.within.populations.low_income_labour).toBe(40);
    expect(c.alreadyCovered.households).toBe(50);
    expect(c.marginal.households).toBe(1);
    expect(c.marginal.villages).toBe(1);
    const c2 = idx.catchment(villages[1].lon, villages[1].lat, 5);
    expect(c2.within.households).toBe(10 + 24 + 7);
    expect(c2.within.monitored).toBe(4);
    expect(c2.within.populations.monitoring_labour).toBe(6);
    expect(c2.alreadyCovered.households).toBe(0);
    const both = idx.union([villages[1], villages[4]], 5);
    expect(both.within.households).toBe(41 + 50);
  });

  it('leaves out households whose village has no centre, and says how many', () => {
    const d = demandPoints([...cells, cell('640000000099', { labour: 3, low_income_labour: 3 })], villages, 'low_income_labour');
    expect(d.unplaced).toBe(3);
    expect(d.unplacedVillages).toEqual(['640000000099']);
  });

  it('refuses bad weights with the reason', () => {
    expect(() => parseWeights('monitored=0')).toThrow(/positive/);
    expect(() => parseWeights('cats=2')).toThrow(/Unknown weight group/);
    expect(() => parseWeights('monitored')).toThrow(/expected/);
  });
});

describe('greedy and exact against brute force', () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await loadHighs();
  });

  it('greedy is optimal on designed instances where it must be, and not on the classic trap', () => {
    // Trap: clusters at 0–3 km and 10–13 km (6 households each); a middle site at 6.5 km reaches the
    // two inner points of each (8 households), the two outer sites reach one cluster each.
    const xs = [0, 1, 2, 3, 10, 11, 12, 13];
    const hh = [1, 1, 2, 2, 2, 2, 1, 1];
    const demand: DemandPoint[] = xs.map((x, i) => ({ ...villageAt(`6400000000${10 + i}`, x), households: hh[i], weighted: hh[i] }));
    const candidates = [villageAt('640000000101', 1.5), villageAt('640000000102', 6.5), villageAt('640000000103', 11.5)];
    const m = buildCoverage({ demand, candidates, existing: [], radiusKm: 5, weighted: false });
    expect(m.covers.map((c) => [...c])).toEqual([[0, 1, 2, 3], [2, 3, 4, 5], [4, 5, 6, 7]]);
    const g = greedy(m, 2);
    expect(g.map((s) => s.candidate)).toEqual([1, 0]);
    expect(g.reduce((a, s) => a + s.gain, 0)).toBe(10);
    expect(bruteForce(m, 2)).toBe(12);
    const e = solveExact(highs, m, 2, { timeLimitS: 10, start: g.map((s) => s.candidate) });
    expect(e.optimal).toBe(true);
    expect(e.objective).toBe(12);
    expect(e.sites.map((s) => s.candidate).sort()).toEqual([0, 2]);
    // With one site greedy is optimal.
    expect(greedy(m, 1)[0].gain).toBe(bruteForce(m, 1));
  });

  it('greedy reaches at least 1 − 1/e of the optimum; exact equals it (random tiny instances)', () => {
    fc.assert(
      fc.property(instance, (inst) => {
        const m = modelOf(inst);
        const best = bruteForce(m, inst.k);
        const g = greedy(m, inst.k).reduce((a, s) => a + s.value, 0);
        expect(g).toBeLessThanOrEqual(best + 1e-9);
        expect(g).toBeGreaterThanOrEqual((1 - 1 / Math.E) * best - 1e-9);
        const e = solveExact(highs, m, inst.k, { timeLimitS: 10, start: greedy(m, inst.k).map((s) => s.candidate) });
        expect(e.optimal).toBe(true);
        expect(e.objective).toBe(best);
        expect(e.sites.length).toBeLessThanOrEqual(inst.k);
        expect(e.sites.reduce((a, s) => a + s.gain, 0)).toBe(best);
      }),
      { numRuns: 150 },
    );
  });

  it('the greedy answer’s bound is never below the optimum', () => {
    fc.assert(
      fc.property(instance, (inst) => {
        const m = modelOf(inst);
        const villages = m.candidates;
        const cells = m.demand.map((d) => cell(d.code, { labour: d.households, low_income_labour: d.households }));
        const q: SitingQuestion = { population: 'low_income_labour', year: 2024, kind: 'coop', radiusKm: inst.radius, k: inst.k, scope: '640000000000', method: 'greedy' };
        const r = suggestSites(q, { cells, villages: [...villages, ...m.demand], existing: inst.existing.map(toLonLat) });
        const all = buildCoverage({ demand: m.demand, candidates: [...villages, ...m.demand], existing: inst.existing.map(toLonLat), radiusKm: inst.radius, weighted: false });
        if (all.candidates.length <= 12) expect(r.bound).toBeGreaterThanOrEqual(bruteForce(all, inst.k) - 1e-9);
        expect(r.bound).toBeGreaterThanOrEqual(r.covered);
        if (r.optimal) expect(r.bound).toBe(r.covered);
      }),
      { numRuns: 60 },
    );
  });

  it('stops at the time limit with a bound above the solution', () => {
    // Many overlapping candidates: give the solver no time at all.
    const demand: DemandPoint[] = Array.from({ length: 300 }, (_, i) => ({ ...villageAt(`64000${String(i).padStart(7, '0')}`, (i * 7.3) % 100, (i * 3.7) % 100), households: 1 + (i % 5), weighted: 1 + (i % 5) }));
    const candidates = demand.map((d) => ({ code: d.code, name: d.name, lon: d.lon, lat: d.lat }));
    const m = buildCoverage({ demand, candidates, existing: [], radiusKm: 12, weighted: false });
    const e = solveExact(highs, m, 5, { timeLimitS: 0.001 });
    expect(e.bound).toBeGreaterThanOrEqual(e.objective);
    if (!e.optimal) expect(e.status).toMatch(/timeLimit|interrupt/i);
  });
});

describe('exports', () => {
  const villages = [villageAt('640000000001', 0), villageAt('640000000002', 4)];
  const cells = [cell('640000000001', { labour: 3, low_income_labour: 3 }), cell('640000000002', { labour: 2, low_income_labour: 2 })];
  const r = suggestSites({ population: 'low_income_labour', year: 2024, kind: 'coop', radiusKm: 1, k: 2, scope: '640000000000', method: 'greedy' }, { cells, villages: [...villages, { ...villages[0], code: '640000000003', name: '=HYPERLINK("x")' }], existing: [] });

  it('CSV parses back to the sites, with names that are never formulas', () => {
    const lines = sitesCsv(r).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0].split(',').slice(0, 6)).toEqual(['rank', 'villageCode', 'name', 'lon', 'lat', 'gain']);
    expect(lines.length).toBe(1 + r.sites.length);
    expect(lines[1].split(',')[1]).toBe('640000000001');
    expect(Number(lines[1].split(',')[5])).toBe(3);
    expect(sitesCsv({ ...r, sites: [{ ...r.sites[0], name: '=1+1' }] })).toContain(",'=1+1,");
  });

  it('GeoJSON is a FeatureCollection of points with the question alongside', () => {
    const g = JSON.parse(JSON.stringify(sitesGeoJson(r)));
    expect(g.type).toBe('FeatureCollection');
    expect(g.features.map((f: { properties: { villageCode: string } }) => f.properties.villageCode)).toEqual(r.sites.map((s) => s.villageCode));
    expect(g.features[0].geometry.coordinates).toEqual([r.sites[0].lon, r.sites[0].lat]);
    expect(g.siting.covered).toBe(r.covered);
  });
});

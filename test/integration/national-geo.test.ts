/**
 * The national geography in data/geo/china (npm run geo:national) against the demo regions, far
 * counties, the size budget and the polygon coverage.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../src/pipeline/geography/csv';
import { REGIONS } from '../../src/pipeline/geography/regions';
import { countyFeatures, divisionsForVillages, loadNationalDivisions, missingCountyPolygons } from '../../src/pipeline/geography/national-geo';

const DATA = join(__dirname, '../../data');
const GEO = join(DATA, 'geo');

function du(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.size;
  return readdirSync(path).reduce((sum, f) => sum + du(join(path, f)), 0);
}

describe('data/geo/china', () => {
  it('holds the demo regions\' divisions with the same codes and names, and their counties', () => {
    for (const region of REGIONS) {
      const demo = parseCsvRecords(readFileSync(join(GEO, region.id, 'divisions.csv'), 'utf8'));
      const demoCodes = new Set(demo.map((r) => r.code!));
      const national = new Map(loadNationalDivisions(region.rootCode.slice(0, 2)).filter((r) => demoCodes.has(r.code)).map((r) => [r.code, r]));
      for (const r of demo) {
        const n = national.get(r.code!);
        expect(n, `${region.id} ${r.code}`).toBeDefined();
        expect([n!.name, String(n!.level), n!.parent_code], `${region.id} ${r.code}`).toEqual([r.name, r.level, r.parent_code]);
      }
      const demoCounties = demo.filter((r) => r.level === '3').map((r) => r.code!);
      const features = countyFeatures(demoCounties);
      expect(features.map((f) => [f.properties.code, f.properties.name])).toEqual(demo.filter((r) => r.level === '3').map((r) => [r.code, r.name]));
    }
  });

  it.each([
    ['530102000000', 'Yunnan'],
    ['230102000000', 'Heilongjiang'],
  ])('a county far from the demos (%s, %s) gets a real outline and its townships and villages', (code) => {
    const [feature] = countyFeatures([code]);
    expect(feature!.properties.code).toBe(code);
    expect(feature!.properties.parent_code).toBe(`${code.slice(0, 4)}00000000`);
    expect(['Polygon', 'MultiPolygon']).toContain(feature!.geometry.type);
    const [lon, lat] = (feature!.geometry.type === 'Polygon' ? feature!.geometry.coordinates[0]![0]! : feature!.geometry.coordinates[0]![0]![0]!) as [number, number];
    expect(lon).toBeGreaterThan(73);
    expect(lat).toBeGreaterThan(18);
    const subtree = loadNationalDivisions(code.slice(0, 6));
    const townships = subtree.filter((r) => r.level === 4);
    const villages = subtree.filter((r) => r.level === 5);
    expect(townships.length).toBeGreaterThan(0);
    expect(villages.length).toBeGreaterThan(0);
    const rows = divisionsForVillages(villages.slice(0, 3).map((v) => v.code));
    expect(rows.map((r) => r.level).sort()).toEqual(expect.arrayContaining([1, 2, 3, 4, 5]));
    for (const r of rows) if (r.level > 1) expect(rows.some((p) => p.code === r.parent_code), r.code).toBe(true);
  });

  it('holds every level for the whole country', () => {
    const all = loadNationalDivisions();
    const count = (l: number) => all.filter((r) => r.level === l).length;
    expect(count(1)).toBe(31);
    expect(count(3)).toBeGreaterThan(2900);
    expect(count(5)).toBeGreaterThan(600_000);
  });

  it('every county has an outline or is listed as missing with a reason', () => {
    const counties = loadNationalDivisions().filter((r) => r.level === 3);
    const missing = new Map(missingCountyPolygons().map((m) => [m.code, m]));
    for (const m of missing.values()) expect(m.reason.length, m.code).toBeGreaterThan(10);
    const present = counties.filter((c) => !missing.has(c.code));
    const features = countyFeatures(present.map((c) => c.code));
    expect(features.map((f) => f.properties.name)).toEqual(present.map((c) => c.name));
    expect(() => countyFeatures([[...missing.keys()][0]!])).toThrow(/has no polygon/);
  });

  it('keeps all committed files under data/ within 25 MB', () => {
    expect(du(DATA)).toBeLessThanOrEqual(25 * 1024 * 1024);
    expect(du(GEO)).toBeLessThanOrEqual(25 * 1024 * 1024);
  });
});

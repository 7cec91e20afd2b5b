/**
 * Checks the committed geography under data/geo/ (written by `npm run geo`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../src/pipeline/geography/csv';
import { REGIONS } from '../../src/pipeline/geography/regions';

const GEO = join(__dirname, '../../data/geo');

interface CountyProps {
  code: string;
  name: string;
  name_en: string;
  parent_code: string;
  context?: boolean;
}

function divisions(id: string): Record<string, string>[] {
  return parseCsvRecords(readFileSync(join(GEO, id, 'divisions.csv'), 'utf8'));
}

function counties(id: string): FeatureCollection<Polygon | MultiPolygon, CountyProps> {
  return JSON.parse(readFileSync(join(GEO, id, 'counties.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, CountyProps>;
}

describe('data/geo', () => {
  it('Ningxia has exactly its 22 counties, in 5 cities', () => {
    const codes = divisions('ningxia').filter((r) => r.level === '3').map((r) => r.code);
    expect(codes).toEqual(
      [
        '640104', '640105', '640106', '640121', '640122', '640181', '640202', '640205', '640221', '640302', '640303',
        '640323', '640324', '640381', '640402', '640422', '640423', '640424', '640425', '640502', '640521', '640522',
      ].map((c) => `${c}000000`),
    );
    expect(divisions('ningxia').filter((r) => r.level === '2')).toHaveLength(5);
    expect(counties('ningxia').features.map((f) => f.properties.code)).toEqual(codes);
  });

  it('Jiangxi has its 100 counties in 11 cities, including the renamed ones under their new codes', () => {
    const rows = divisions('jiangxi');
    const codes = rows.filter((r) => r.level === '3').map((r) => r.code);
    expect(codes).toHaveLength(100);
    expect(rows.filter((r) => r.level === '2')).toHaveLength(11);
    expect(codes).toEqual(expect.arrayContaining(['360404000000', '360113000000', '361104000000', '360783000000']));
    expect(codes).not.toContain('360105000000');
  });

  it('the single-county regions hold their county with province and city as parents', () => {
    const expected: Record<string, [string, string, string]> = {
      daxiang: ['430000000000', '430500000000', '430503000000'],
      jiyuan: ['410000000000', '419000000000', '419001000000'],
      beizhang: ['140000000000', '141100000000', '141121000000'],
    };
    for (const [id, [province, city, county]] of Object.entries(expected)) {
      const rows = divisions(id);
      expect(rows.filter((r) => Number(r.level) <= 3).map((r) => r.code), id).toEqual([province, city, county]);
    }
    expect(divisions('beizhang').find((r) => r.code === '141121202000')).toMatchObject({ name: '北张乡', name_en: 'Beizhang Township', level: '4' });
  });

  for (const region of REGIONS) {
    it(`${region.id}: every county in divisions.csv has a polygon and every non-context polygon a county`, () => {
      const rows = divisions(region.id).filter((r) => r.level === '3');
      const features = counties(region.id).features;
      const own = features.filter((f) => f.properties.context !== true).map((f) => f.properties.code);
      expect(own.sort()).toEqual(rows.map((r) => r.code).sort());
      for (const f of features) expect(f.geometry.coordinates.length, f.properties.code).toBeGreaterThan(0);
    });

    it(`${region.id}: codes are 12 digits and match their level, and every parent_code exists`, () => {
      const rows = divisions(region.id);
      const codes = new Set(rows.map((r) => r.code));
      const pattern: Record<string, RegExp> = {
        '1': /^\d{2}0{10}$/, '2': /^\d{4}0{8}$/, '3': /^\d{6}0{6}$/, '4': /^\d{9}000$/, '5': /^\d{12}$/,
      };
      // Collect problems and assert once: one expect per row makes Jiangxi's 24,000 rows slow.
      const problems: string[] = [];
      for (const row of rows) {
        if (!pattern[row.level]?.test(row.code)) problems.push(`${row.code}: not a level ${row.level} code`);
        if (row.level === '1' ? row.parent_code !== '' : !codes.has(row.parent_code)) problems.push(`${row.code}: parent ${row.parent_code}`);
        if (row.name === '' || row.name_en === '') problems.push(`${row.code}: empty name`);
      }
      expect(problems).toEqual([]);
      expect(rows.filter((r) => r.level === '1')).toHaveLength(1);
      expect(rows.some((r) => r.level === '5')).toBe(true);
    });
  }

  it('county polygons name their city as parent_code, 12 digits', () => {
    for (const region of REGIONS) {
      for (const f of counties(region.id).features) {
        expect(f.properties.parent_code, f.properties.code).toBe(`${f.properties.code.slice(0, 4)}00000000`);
      }
    }
  });

  it('code-vintage.csv lists the applied changes with 12-digit codes', () => {
    const rows = parseCsvRecords(readFileSync(join(GEO, 'code-vintage.csv'), 'utf8'));
    expect(rows.map((r) => `${r.old_code}>${r.new_code}`)).toEqual(
      expect.arrayContaining(['430521000000>430582000000', '360421000000>360404000000', '360105000000>360112000000']),
    );
    for (const r of rows) expect(r.old_code + r.new_code).toMatch(/^\d{24}$/);
  });
});

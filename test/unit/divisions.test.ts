import { describe, expect, it } from 'vitest';
import { buildDivisionRows, type DivisionTables } from '../../src/pipeline/geography/divisions';

const toPinyin = (text: string) => [...text].map((c) => ({ 甲: 'jia', 乙: 'yi', 丙: 'bing', 丁: 'ding' })[c] ?? 'x');

const TABLES: DivisionTables = {
  1: [{ code: '41', name: '甲省', parent: '' }],
  2: [{ code: '4190', name: '省直辖县级行政区划', parent: '41' }, { code: '4101', name: '乙市', parent: '41' }],
  3: [{ code: '419001', name: '丙市', parent: '4190' }, { code: '410101', name: '丁区', parent: '4101' }],
  4: [{ code: '419001001', name: '丙市甲街道', parent: '419001' }],
  5: [{ code: '419001001201', name: '乙村委会', parent: '419001001' }],
};

describe('buildDivisionRows', () => {
  it('returns the root subtree with its ancestors, 12-digit codes, parents first', () => {
    expect(buildDivisionRows(TABLES, '419001', toPinyin).map((r) => [r.code, r.level, r.parent_code])).toEqual([
      ['410000000000', 1, ''],
      ['419000000000', 2, '410000000000'],
      ['419001000000', 3, '419000000000'],
      ['419001001000', 4, '419001000000'],
      ['419001001201', 5, '419001001000'],
    ]);
  });

  it('leaves a repeated parent name out of the English name only', () => {
    const township = buildDivisionRows(TABLES, '419001', toPinyin).find((r) => r.level === 4)!;
    expect(township).toMatchObject({ name: '丙市甲街道', name_en: 'Jia Subdistrict' });
  });

  it('throws for an unknown root', () => {
    expect(() => buildDivisionRows(TABLES, '4102', toPinyin)).toThrow(/division 4102 not found/);
  });
});

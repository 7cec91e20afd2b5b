/**
 * Users' reference series CSV (src/import/reference.ts): Chinese and English headers, GBK, title
 * and notes rows, 6-digit codes, every bad row pointed to by file, row, column and value, and
 * duplicates; telling a reference CSV from a household table; merging into the project's rows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/import/messages';
import { looksLikeReferenceCsv, mergeReference, normaliseRegionCode, parseReferenceCsv, type ReferenceRow } from '../../src/import/reference';
import { encodeGbk } from '../helpers/import-fixture';

const utf8 = (text: string) => new TextEncoder().encode(text);

const ZH = [
  '指标,地区代码,年度,数值,来源',
  '农村居民人均可支配收入,360321,2023,"18,650",莲花县统计公报',
  '农村居民人均可支配收入,360321,2024,19880,莲花县统计公报',
  'rural_disposable_income,360424000000,2024,18012.5元,修水县统计公报',
].join('\n');

const EXPECTED: ReferenceRow[] = [
  { series: 'rural_disposable_income', region_code: '360321000000', year: 2023, value: 18650, source: '莲花县统计公报', status: 'published' },
  { series: 'rural_disposable_income', region_code: '360321000000', year: 2024, value: 19880, source: '莲花县统计公报', status: 'published' },
  { series: 'rural_disposable_income', region_code: '360424000000', year: 2024, value: 18012.5, source: '修水县统计公报', status: 'published' },
];

describe('parseReferenceCsv', () => {
  test('Chinese headers, a Chinese series name, 6-digit codes padded to 12, thousands separators and 元', () => {
    const r = parseReferenceCsv('ref.csv', utf8(ZH));
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual(EXPECTED);
    expect(r.encoding).toBe('UTF-8');
  });

  test('the same table in GBK and with English headers (and a BOM) reads to the same rows', () => {
    const gbk = parseReferenceCsv('gbk.csv', encodeGbk(ZH));
    expect(gbk.encoding).toBe('GB18030');
    expect(gbk.rows).toEqual(EXPECTED);
    const en = ZH.replace('指标,地区代码,年度,数值,来源', 'series,region_code,year,value,source');
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(en)]);
    const r = parseReferenceCsv('en.csv', bom);
    expect(r.encoding).toBe('UTF-8 (BOM)');
    expect(r.rows).toEqual(EXPECTED);
  });

  test('the other Chinese header names: 序列, 行政区划代码, 年份, 值; a status column', () => {
    const text = '序列,行政区划代码,年份,值,来源,状态\nmonitoring_line,000000,2024,7500,示例,估计\n监测收入线,全国,2025,7800,示例,\n';
    const r = parseReferenceCsv('s.csv', utf8(text));
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([
      { series: 'monitoring_line', region_code: '000000000000', year: 2024, value: 7500, source: '示例', status: 'estimate' },
      { series: 'monitoring_line', region_code: '000000000000', year: 2025, value: 7800, source: '示例', status: 'published' },
    ]);
  });

  test('a title row above the header and a notes block below the data are skipped, with warnings', () => {
    const text = `江西省重点帮扶县农村居民人均可支配收入,,,,\n${ZH}\n,,,,\n注：数据来自各县统计公报,,,,\n2025年数据待公布,,,,\n`;
    const r = parseReferenceCsv('t.csv', utf8(text));
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual(EXPECTED);
    expect(r.warnings.map((w) => [w.kind, w.count])).toEqual([['encoding', undefined], ['title_rows', 1], ['footer_rows', 2]]);
  });

  test('every bad row is pointed to by row (1 = first data row), column and value; nothing is returned', () => {
    const text = [
      '指标,地区代码,年度,数值,来源,状态',
      '农村居民人均可支配收入,36032,2023,18650,a,',
      '农村居民人均可支配收入,360321,23,18650,a,',
      '农村居民人均可支配收入,360321,二〇二三,18650,a,',
      '农村居民人均可支配收入,360321,2023,n/a,a,',
      '农村居民人均可支配收入,360321,2023,-5,a,',
      '城镇居民 收入,360321,2023,30000,a,',
      '农村居民人均可支配收入,360321,2023,18650,,',
      '农村居民人均可支配收入,360321,2023,18650,a,maybe',
      '农村居民人均可支配收入,360321,2023,18650,a',
      '农村居民人均可支配收入,360321,2022,18000,a,',
    ].join('\n');
    const r = parseReferenceCsv('bad.csv', utf8(text));
    expect(r.rows).toEqual([]);
    expect(r.problems.map((p) => [p.kind, p.row, p.column, p.value])).toEqual([
      ['bad_region_code', 1, '地区代码', '36032'],
      ['year_out_of_range', 2, '年度', '23'],
      ['not_an_integer', 3, '年度', '二〇二三'],
      ['not_a_number', 4, '数值', 'n/a'],
      ['bad_value', 5, '数值', '-5'],
      ['bad_value', 6, '指标', '城镇居民 收入'],
      ['missing_value', 7, '来源', ''],
      ['bad_value', 8, '状态', 'maybe'],
      ['ragged_row', 9, null, '5'],
    ]);
    expect(r.problemCount).toBe(9);
    expect(formatProblem(r.problems[0]!)).toBe(
      'bad.csv, row 1, column "地区代码": not a 6- or 12-digit region code: value "36032": expected a 6- or 12-digit region code (统计用区划代码), e.g. 360321 or 360321000000; 000000 or 全国 for the nation',
    );
    expect(formatProblem(r.problems[0]!, 'zh')).toBe(
      'bad.csv, 第1行, 列 "地区代码": 不是6位或12位地区代码: 值 "36032": 应为 6 位或 12 位地区代码（统计用区划代码），如 360321 或 360321000000；全国写 000000 或 全国',
    );
    // Every problem and warning says it in Chinese too.
    expect(r.problems.every((p) => p.expectedZh && p.expectedZh !== p.expected)).toBe(true);
    expect(r.warnings.every((w) => w.messageZh)).toBe(true);
  });

  test('a series, region and year given twice (a 6- and a 12-digit code of one county) names both rows', () => {
    const text = '指标,地区代码,年度,数值,来源\nrural_disposable_income,360321,2023,18650,a\nrural_disposable_income,360321000000,2023,18651,b\n';
    const r = parseReferenceCsv('dup.csv', utf8(text));
    expect(r.rows).toEqual([]);
    expect(r.problems).toEqual([{
      kind: 'duplicate_reference', file: 'dup.csv', row: 2, column: '指标', value: 'rural_disposable_income 360321000000 2023',
      expected: 'one value per series, region and year (the same series, region and year is in dup.csv row 1)',
      expectedZh: '每个指标、地区、年度只有一个值（同一指标、地区、年度也在 dup.csv 第 1 行）',
    }]);
  });

  test('missing columns, a column given twice, no header, no rows', () => {
    const noValue = parseReferenceCsv('a.csv', utf8('指标,地区代码,年度,值,数值\nx,360321,2023,1,2\n'));
    expect(noValue.problems.map((p) => [p.kind, p.column])).toEqual([['duplicate_column', '数值'], ['missing_column', '来源']]);
    expect(parseReferenceCsv('b.csv', utf8('户编号,村代码,家庭人口数\nA,640522100201,3\n')).problems.map((p) => p.kind)).toEqual(['no_header']);
    expect(parseReferenceCsv('c.csv', utf8('指标,地区代码,年度,数值,来源\n,,,,\n')).problems.map((p) => p.kind)).toEqual(['no_rows']);
  });

  test('a series id not among the known ones is kept, with a warning naming it', () => {
    const r = parseReferenceCsv('u.csv', utf8('series,region_code,year,value,source\ncounty_gdp_per_capita,360321,2023,40000,x\n'));
    expect(r.rows).toHaveLength(1);
    expect(r.warnings.find((w) => w.kind === 'unknown_tag')?.message).toMatch(/"county_gdp_per_capita"/);
  });

  test("the project's own data/reference/reference.csv reads as a reference CSV, row for row", () => {
    const r = parseReferenceCsv('reference.csv', new Uint8Array(readFileSync('data/reference/reference.csv')));
    expect(r.problems).toEqual([]);
    const lines = readFileSync('data/reference/reference.csv', 'utf8').trim().split('\n').length - 1;
    expect(r.rows).toHaveLength(lines);
    expect(r.rows.find((x) => x.series === 'rural_disposable_income' && x.region_code === '640000000000' && x.year === 2023))
      .toMatchObject({ value: 17772, status: 'published' });
    expect(r.rows.find((x) => x.series === 'monitoring_line' && x.year === 2025)).toMatchObject({ value: 7800, status: 'estimate' });
  });
});

describe('normaliseRegionCode', () => {
  test('6 and 12 digits, spreadsheet numbers, the nation; anything else refused', () => {
    expect(normaliseRegionCode('360321')).toBe('360321000000');
    expect(normaliseRegionCode(360321)).toBe('360321000000');
    expect(normaliseRegionCode(' 360321000000 ')).toBe('360321000000');
    expect(normaliseRegionCode('全国')).toBe('000000000000');
    for (const bad of ['36', '3603210', '36032100000', '3603210000001', '36O321', '']) expect(normaliseRegionCode(bad), bad).toBeNull();
  });
});

describe('looksLikeReferenceCsv', () => {
  test('reference headers in either language are; household tables are not', () => {
    expect(looksLikeReferenceCsv(['指标', '地区代码', '年度', '数值', '来源'])).toBe(true);
    expect(looksLikeReferenceCsv(['series', 'region_code', 'year', 'value', 'source', 'status'])).toBe(true);
    expect(looksLikeReferenceCsv(['序列', '行政区划代码', '年份', '值'])).toBe(true);
    expect(looksLikeReferenceCsv(['户编号', '村代码', '家庭人口数', '年度', '工资性收入', '生产经营性收入', '财产性收入', '转移性收入'])).toBe(false);
    // A household column beside reference-like ones: not a reference table.
    expect(looksLikeReferenceCsv(['指标', '行政区划代码', '年度', '数值', '家庭人口数'])).toBe(false);
    expect(looksLikeReferenceCsv(['指标', '年度', '数值'])).toBe(false);
  });
});

describe('mergeReference', () => {
  test("a user row replaces the project's row of the same series, region and year; others are added", () => {
    const row = (series: string, region: string, year: number, value: number, source = 'project'): ReferenceRow => ({ series, region_code: region, year, value, source, status: 'estimate' });
    const base = [row('rural_disposable_income', '360000000000', 2023, 21358), row('rural_disposable_income', '360000000000', 2024, 22673), row('monitoring_line', '000000000000', 2024, 7500)];
    const user = [row('rural_disposable_income', '360000000000', 2024, 22700, 'user'), row('rural_disposable_income', '360321000000', 2024, 19880, 'user')];
    const m = mergeReference(base, user);
    expect(m.replaced).toBe(1);
    expect(m.rows.map((r) => `${r.series} ${r.region_code} ${r.year} ${r.value} ${r.source}`)).toEqual([
      'monitoring_line 000000000000 2024 7500 project',
      'rural_disposable_income 360000000000 2023 21358 project',
      'rural_disposable_income 360000000000 2024 22700 user',
      'rural_disposable_income 360321000000 2024 19880 user',
    ]);
  });
});

/**
 * The import's optional income columns for the integrity checks (README "Users' own files"):
 * a stated total (家庭纯收入 and synonyms; 人均纯收入 stored × persons) and the persons of every
 * period (households.parquet keeps the latest).
 */
import { describe, expect, test } from 'vitest';
import { importFiles, type ConvertOptions } from '../../src/import';
import { fieldOfHeader } from '../../src/import/columns';
import { toCsvText } from '../helpers/import-fixture';

const options: ConvertOptions = {
  dropPii: false,
  salt: 's',
  maxYear: 2025,
  geography: () => ({ known: new Set(['640522100201']), missingCounties: [] }),
};
const utf8 = (s: string) => new TextEncoder().encode(s);
const BASE = ['户编号', '村代码', '家庭人口数', '年度', '季度', '工资性收入', '生产经营性收入', '财产性收入', '转移性收入'];
const run = (headers: string[], rows: (string | number)[][]) => importFiles([{ name: 'a.csv', bytes: utf8(toCsvText(headers, rows)) }], options);

describe('optional income columns', () => {
  test('headers of the stated total, household and per capita', () => {
    for (const h of ['家庭纯收入', '纯收入', '家庭年纯收入', '全年家庭纯收入', '家庭纯收入（元）', 'net_income', 'Total income']) expect(fieldOfHeader(h), h).toBe('net_income_stated');
    for (const h of ['人均纯收入', '家庭人均纯收入', 'per_capita_net_income']) expect(fieldOfHeader(h), h).toBe('net_income_per_capita_stated');
  });

  test('a stated household total is kept, an empty cell is null, persons per period are kept', () => {
    const r = run([...BASE, '家庭纯收入'], [
      ['A', '640522100201', 4, 2023, 4, 10000, 2000, 0, 1000, 13000],
      ['A', '640522100201', 3, 2024, 4, 11000, 2000, 0, 1000, ''],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.income.map((i) => [i.year, i.net_income_stated, i.persons])).toEqual([[2023, 13000, 4], [2024, null, 3]]);
    expect(r.households[0]!.persons).toBe(3);
    expect(r.warnings.some((w) => w.kind === 'attribute_changes')).toBe(true);
  });

  test('a stated per-capita figure is stored × persons; a household total wins over it', () => {
    const r = run([...BASE, '人均纯收入'], [['A', '640522100201', 4, 2024, 4, 10000, 2000, 0, 1000, '3,250元']]);
    expect(r.income[0]!.net_income_stated).toBe(13000);
    const both = run([...BASE, '家庭纯收入', '人均纯收入'], [['A', '640522100201', 4, 2024, 4, 10000, 2000, 0, 1000, 12990, 3250]]);
    expect(both.income[0]!.net_income_stated).toBe(12990);
  });

  test('a stated total that is not a number or negative is a problem with its row and column', () => {
    const r = run([...BASE, '家庭纯收入'], [['A', '640522100201', 4, 2024, 4, 1, 1, 0, 0, 'abc'], ['B', '640522100201', 2, 2024, 4, 1, 1, 0, 0, -5]]);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => [p.kind, p.row, p.column, p.value])).toEqual([['not_a_number', 1, '家庭纯收入', 'abc'], ['negative_income', 2, '家庭纯收入', '-5']]);
  });

  test('without a stated column every row has null and the persons of its period', () => {
    const r = run(BASE, [['A', '640522100201', 2, 2024, 4, 1, 1, 0, 0]]);
    expect(r.income[0]).toMatchObject({ net_income_stated: null, persons: 2 });
  });
});

/**
 * The pure import (src/import): encodings, CSV and XLSX layouts, personal columns, every
 * validation kind with its row and column, and random corruption that must end in a clean import
 * or a list of problems, never an exception.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { KIND_TITLES } from '../../src/import';
import { describe, expect, test } from 'vitest';
import { importFiles, type ConvertOptions, type ImportInput } from '../../src/import';
import { idCheckCharacter, isChineseIdNumber } from '../../src/import/pii';
import { sha256Hex } from '../../src/import/sha256';
import { encodeGbk, fakeIdNumbers, toCsvText, toXlsx } from '../helpers/import-fixture';

const KNOWN = new Set(['640522100201', '640522100202', '640522100203']);
const options = (extra: Partial<ConvertOptions> = {}): ConvertOptions => ({
  dropPii: false,
  salt: 'test-salt',
  maxYear: 2025,
  geography: (codes) => ({
    known: KNOWN,
    missingCounties: [...new Set(codes.map((c) => c.slice(0, 6).padEnd(12, '0')))].filter((c) => c !== '640522000000'),
  }),
  ...extra,
});

const H = ['户编号', '村代码', '家庭人口数', '劳动力人数', '年度', '季度', '工资性收入', '生产经营性收入', '财产性收入', '转移性收入', '户类型', '是否搬迁户', '返贫致贫风险'];
const ROWS: (string | number)[][] = [
  ['A001', '640522100201', 4, 2, 2023, 4, 12000, 3000.5, 200, 1800, '脱贫户', '否', '因病'],
  ['A001', '640522100201', 4, 2, 2024, 4, 13000, 3100, 0, 1900, '脱贫户', '否', '因病、因学'],
  ['A002', '640522100202', 3, 1, 2024, 2, 5000, 1000, 0, 900, '边缘易致贫户', '是', ''],
  ['B003', '640522100203', 1, 0, 2024, 4, 0, 0, 0, 9000, '突发严重困难户', '1', ''],
];
const csv = (headers = H, rows = ROWS) => toCsvText(headers, rows);
const utf8 = (s: string) => new TextEncoder().encode(s);
const run = (inputs: ImportInput[], extra: Partial<ConvertOptions> = {}) => importFiles(inputs, options(extra));

describe('sha256', () => {
  test('equals node:crypto on lengths around the block boundaries and on Chinese text', () => {
    for (const s of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'b'.repeat(1000), '户编号640522']) {
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
    }
  });
});

describe('encodings', () => {
  test('GBK, UTF-8 with and without BOM and UTF-16LE give identical tables', () => {
    const text = csv();
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer)]);
    const variants: [string, Uint8Array, string][] = [
      ['gbk.csv', encodeGbk(text), 'GB18030'],
      ['utf8.csv', utf8(text), 'UTF-8'],
      ['bom.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), 'UTF-8 (BOM)'],
      ['utf16.csv', utf16, 'UTF-16LE (BOM)'],
    ];
    const results = variants.map(([name, bytes]) => run([{ name, bytes }]));
    for (const [i, r] of results.entries()) {
      expect(r.problems).toEqual([]);
      expect(r.files[0]!.source).toBe(variants[i]![2]);
      expect(r.households).toEqual(results[0]!.households);
      expect(r.income).toEqual(results[0]!.income);
    }
    const r = results[0]!;
    expect(r.households).toHaveLength(3);
    expect(r.income).toHaveLength(4);
    const a1 = r.households.find((h) => h.village_code === '640522100201')!;
    expect(a1).toMatchObject({ persons: 4, labour: 2, category: 'tuopin', relocated: false, risk_tags: ['illness', 'education'] });
    expect(a1.hh_id).toBe(sha256Hex('test-saltA001').slice(0, 16));
    expect(r.households.find((h) => h.village_code === '640522100202')).toMatchObject({ category: 'marginal', relocated: true });
    expect(r.income.find((i) => i.hh_id === a1.hh_id && i.year === 2023)).toMatchObject({ quarter: 4, wage: 12000, operating: 3000.5, property: 200, transfer: 1800 });
    // the latest period's attributes are kept, and the change is said
    expect(r.warnings.some((w) => w.kind === 'attribute_changes' && w.column === '返贫致贫风险')).toBe(true);
  });
});

describe('XLSX', () => {
  const asNumbers = ROWS.map((r) => r.map((v, i) => (i === 1 ? Number(v) : v)));
  test('a title row, a notes footer and codes stored as numbers import as the CSV does', () => {
    const bytes = toXlsx([{ name: '收入', title: [['2024年脱贫户收入监测表'], ['填报单位：海原县']], headers: H, rows: asNumbers, notes: [['注：单位为元'], ['填表人：王五', null, '审核人：赵六']] }]);
    const x = run([{ name: 'export.xlsx', bytes }]);
    const c = run([{ name: 'a.csv', bytes: utf8(csv()) }]);
    expect(x.problems).toEqual([]);
    expect(x.households).toEqual(c.households);
    expect(x.income).toEqual(c.income);
    expect(x.households.map((h) => h.village_code)).toContain('640522100203');
    expect(x.warnings.map((w) => w.kind)).toEqual(expect.arrayContaining(['title_rows', 'footer_rows', 'sheet_read']));
  });
  test('of several sheets the one with the header is read, and the report says which', () => {
    const bytes = toXlsx([{ name: '封面', rows: [['脱贫户收入'], ['2024年']] }, { name: '户信息', headers: H, rows: asNumbers }, { name: '汇总', rows: [['合计', 4]] }]);
    const r = run([{ name: 'book.xlsx', bytes }]);
    expect(r.problems).toEqual([]);
    expect(r.files[0]!.source).toBe('sheet "户信息" (2 of 3)');
    expect(r.warnings.find((w) => w.kind === 'sheet_read')!.message).toContain('"户信息"');
    expect(r.households).toHaveLength(3);
  });
  test('a workbook without any header says so', () => {
    const r = run([{ name: 'empty.xlsx', bytes: toXlsx([{ name: 'S', rows: [['a', 'b'], [1, 2]] }]) }]);
    expect(r.ok).toBe(false);
    expect(r.problems[0]!.kind).toBe('no_header');
  });
});

describe('personal columns', () => {
  const ids = fakeIdNumbers(ROWS.length, idCheckCharacter);
  test('the generated ID numbers pass the check digit and a changed digit fails it', () => {
    for (const id of ids) expect(isChineseIdNumber(id)).toBe(true);
    expect(isChineseIdNumber(ids[0]!.slice(0, 17) + (ids[0]![17] === '1' ? '2' : '1'))).toBe(false);
  });
  const withColumns = (extra: string[], values: (i: number) => (string | number)[]) =>
    csv([...H, ...extra], ROWS.map((r, i) => [...r, ...values(i)]));

  test('a named column (户主姓名, 联系电话) is refused, then dropped with --drop-pii', () => {
    const text = withColumns(['户主姓名', '联系电话'], (i) => [`张${i}`, `1391234567${i}`]);
    const refused = run([{ name: 'p.csv', bytes: utf8(text) }]);
    expect(refused.ok).toBe(false);
    expect(refused.problems.filter((p) => p.kind === 'pii_column').map((p) => p.column)).toEqual(['户主姓名', '联系电话']);
    const dropped = run([{ name: 'p.csv', bytes: utf8(text) }], { dropPii: true });
    expect(dropped.problems).toEqual([]);
    expect(dropped.dropped.map((d) => [d.column, d.kind, d.by])).toEqual([['户主姓名', 'name', 'header'], ['联系电话', 'phone', 'header']]);
    expect(JSON.stringify(dropped.households)).not.toContain('张');
  });
  test('ID numbers under an innocent header are found by their check digit', () => {
    const text = withColumns(['备用字段'], (i) => [ids[i]!]);
    const refused = run([{ name: 'p.csv', bytes: utf8(text) }]);
    expect(refused.problems).toEqual([expect.objectContaining({ kind: 'pii_column', column: '备用字段', row: 1 })]);
    const dropped = run([{ name: 'p.csv', bytes: utf8(text) }], { dropPii: true });
    expect(dropped.ok).toBe(true);
    expect(dropped.dropped).toEqual([{ file: 'p.csv', column: '备用字段', kind: 'id_number', by: 'content' }]);
    expect(JSON.stringify([dropped.households, dropped.income])).not.toContain(ids[0]!.slice(0, 12));
  });
  test('mobile numbers inside a notes column are found whatever the header', () => {
    const text = withColumns(['情况说明'], (i) => (i === 2 ? ['已联系 13812345678'] : ['']));
    const r = run([{ name: 'p.csv', bytes: utf8(text) }]);
    expect(r.problems).toEqual([expect.objectContaining({ kind: 'pii_column', column: '情况说明', row: 3 })]);
  });
  test('household ids that are ID numbers are hashed like any id, with a warning', () => {
    const rows = ROWS.map((r, i) => [i < 2 ? ids[0]! : ids[i]!, ...r.slice(1)]);
    const r = run([{ name: 'p.csv', bytes: utf8(csv(H, rows)) }]);
    expect(r.ok).toBe(true);
    expect(r.warnings.some((w) => w.kind === 'hh_id_looks_personal')).toBe(true);
    expect(JSON.stringify(r.households)).not.toContain(ids[0]);
  });
});

describe('validation', () => {
  test('every kind fires with its row and column', () => {
    const bad: (string | number)[][] = [
      ['A001', '640522100201', 4, 2, 2024, 4, 100, 0, 0, 0, '脱贫户', '否', ''], // 1 ok
      ['A001', '640522100201', 4, 2, 2024, 4, 100, 0, 0, 0, '脱贫户', '否', ''], // 2 duplicate_period
      ['A001', '640522100202', 4, 2, 2023, 4, 100, 0, 0, 0, '脱贫户', '否', ''], // 3 village_changes
      ['A003', '640522100299', 2, 1, 2024, 4, 100, 0, 0, 0, '脱贫户', '否', ''], // 4 unknown_village
      ['A004', '640522100201', 2, 1, 2024, 4, -5, 0, 0, 0, '脱贫户', '否', ''], // 5 negative_income 工资性收入
      ['A005', '640522100201', 2, 1, 2024, 4, 100, 'abc', 0, 0, '脱贫户', '否', ''], // 6 not_a_number 生产经营性收入
      ['A006', '640522100201', 0, 0, 2024, 4, 100, 0, 0, 0, '脱贫户', '否', ''], // 7 persons_not_positive
      ['A007', '640522100201', 2, 3, 2024, 4, 100, 0, 0, 0, '脱贫户', '否', ''], // 8 labour_exceeds_persons
      ['A008', '640522100201', 2, 1, 2024, 5, 100, 0, 0, 0, '脱贫户', '否', ''], // 9 quarter_out_of_range
      ['A009', '640522100201', 2, 1, 1899, 4, 100, 0, 0, 0, '脱贫户', '否', ''], // 10 year_out_of_range
      ['A010', '640522100201', 2.5, 1, 2024, 4, 100, 0, 0, 0, '脱贫户', '否', ''], // 11 not_an_integer 家庭人口数
      ['A011', '6.40522E+11', 2, 1, 2024, 4, 100, 0, 0, 0, '脱贫户', '否', ''], // 12 bad_code (rounded)
      ['', '640522100201', 2, 1, 2024, 4, 100, 0, 0, 0, '脱贫户', '否', ''], // 13 missing_value 户编号
      ['A013', '640522100201', 2, 1, 2024, 4, 100, 0, 0, 0, '贫困户', '也许', ''], // 14 bad_value ×2
      ['A014', '650102100201', 2, 1, 2024, 4, 100, 0, 0, 0, '脱贫户', '否', ''], // 15 several_provinces
    ];
    const r = run([{ name: 'bad.csv', bytes: utf8(csv(H, bad)) }]);
    expect(r.ok).toBe(false);
    const at = (kind: string) => r.problems.filter((p) => p.kind === kind).map((p) => [p.row, p.column]);
    expect(at('duplicate_period')).toEqual([[2, null]]);
    expect(at('village_changes')).toEqual([[3, '户编号'.replace('户编号', '村代码')]]);
    expect(at('negative_income')).toEqual([[5, '工资性收入']]);
    expect(at('not_a_number')).toEqual([[6, '生产经营性收入']]);
    expect(at('persons_not_positive')).toEqual([[7, '家庭人口数']]);
    expect(at('labour_exceeds_persons')).toEqual([[8, '劳动力人数']]);
    expect(at('quarter_out_of_range')).toEqual([[9, '季度']]);
    expect(at('year_out_of_range')).toEqual([[10, '年度']]);
    expect(at('not_an_integer')).toEqual([[11, '家庭人口数']]);
    expect(at('bad_code')).toEqual([[12, '村代码']]);
    expect(r.problems.find((p) => p.kind === 'bad_code')!.expected).toContain('scientific notation');
    expect(at('missing_value')).toEqual([[13, '户编号']]);
    expect(at('bad_value')).toEqual([[14, '户类型'], [14, '是否搬迁户']]);
    expect(at('several_provinces')).toEqual([[null, null]]);
    expect(r.problems.find((p) => p.kind === 'negative_income')).toMatchObject({ file: 'bad.csv', value: '-5', expected: 'an income of 0 or more' });
    // without the other province's row the geography is asked: unknown villages and counties without geography
    const r2 = run([{ name: 'bad.csv', bytes: utf8(csv(H, [...bad.slice(0, 14), ['A015', '640324100001', 2, 1, 2024, 4, 1, 0, 0, 0, '脱贫户', '否', '']])) }]);
    const at2 = (kind: string) => r2.problems.filter((p) => p.kind === kind).map((p) => [p.row, p.value]);
    expect(at2('unknown_village')).toEqual([[4, '640522100299']]);
    expect(at2('no_geography')).toEqual([[15, '640324100001']]);
    expect(r2.problems.find((p) => p.kind === 'no_geography')!.expected).toContain('no geography for county 640324000000');
    expect(r2.problemTotals.duplicate_period).toBe(1);
  });
  test('missing required columns, stray quotes and ragged rows', () => {
    const missing = run([{ name: 'm.csv', bytes: utf8(csv(H.filter((h) => h !== '转移性收入' && h !== '家庭人口数'), ROWS.map((r) => r.filter((_, i) => i !== 9 && i !== 2)))) }]);
    expect(missing.problems.map((p) => [p.kind, p.column])).toEqual([['missing_column', '家庭人口数'], ['missing_column', '转移性收入']]);
    const text = csv().split('\r\n');
    text[2] = text[2]! + ',extra';
    text[3] = text[3]!.replace('A002', 'A0"02');
    const broken = run([{ name: 'q.csv', bytes: utf8(text.join('\r\n')) }]);
    expect(broken.problems.filter((p) => p.kind === 'ragged_row').map((p) => p.row)).toContain(2);
    expect(broken.ok).toBe(false);
  });
  test('the listing is capped with totals per kind', () => {
    const many = Array.from({ length: 500 }, (_, i) => [`X${i}`, '640522100201', 2, 1, 2024, 4, -1, 0, 0, 0, '脱贫户', '否', '']);
    const r = run([{ name: 'many.csv', bytes: utf8(csv(H, many)) }], { maxProblems: 200 });
    expect(r.problems).toHaveLength(200);
    expect(r.problemCount).toBe(500);
    expect(r.problemTotals).toEqual({ negative_income: 500 });
  });
  test('unknown columns are ignored with a warning, defaults fill optional columns', () => {
    const r = run([{ name: 'u.csv', bytes: utf8(csv([...H.slice(0, 10), '乡镇名称'], ROWS.map((row) => [...row.slice(0, 10), '某镇']))) }]);
    expect(r.ok).toBe(true);
    expect(r.warnings.find((w) => w.kind === 'unknown_column')).toMatchObject({ column: '乡镇名称' });
    expect(r.households[0]).toMatchObject({ category: 'tuopin', mgmt_class: 'stable', relocated: false, risk_tags: [], measures: [] });
  });
});

describe('corrupted files', () => {
  const good = utf8(csv());
  const goodXlsx = toXlsx([{ name: 'S', title: [['表']], headers: H, rows: ROWS }]);
  const corruption = fc.oneof(
    fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bits: fc.integer({ min: 1, max: 255 }) }),
    fc.record({ op: fc.constant('quote' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  );
  const corrupt = (bytes: Uint8Array, ops: { op: string; at: number; bits?: number; byte?: number }[]) => {
    let b = Uint8Array.from(bytes);
    for (const o of ops) {
      const at = b.length ? o.at % b.length : 0;
      if (o.op === 'truncate') b = b.slice(0, at);
      else if (o.op === 'flip' && b.length) b[at] = b[at]! ^ o.bits!;
      else if (o.op === 'quote') b = Uint8Array.from([...b.slice(0, at), 0x22, ...b.slice(at)]);
      else if (o.op === 'insert') b = Uint8Array.from([...b.slice(0, at), o.byte!, ...b.slice(at)]);
    }
    return b;
  };
  const check = (name: string, bytes: Uint8Array) => {
    const r = run([{ name, bytes }]);
    if (r.ok) {
      expect(r.households.length).toBeGreaterThan(0);
      expect(r.problems).toEqual([]);
    } else {
      expect(r.problems.length).toBeGreaterThan(0);
      expect(r.households).toEqual([]);
      for (const p of r.problems) {
        expect(typeof p.kind).toBe('string');
        expect(p.expected.length).toBeGreaterThan(0);
        // The page shows the Chinese text: every problem has one, with Chinese in it.
        expect(p.expectedZh, p.expected).toMatch(/[\u4e00-\u9fff]/);
        expect(KIND_TITLES[p.kind].zh.length).toBeGreaterThan(0);
        expect(p.file).toBe(name);
        expect(p.row === null || p.row >= 1).toBe(true);
      }
    }
    for (const w of r.warnings) expect(w.messageZh, w.message).toMatch(/[\u4e00-\u9fff]/);
  };
  test('CSV: a clean import or a list of problems, never an exception', () => {
    fc.assert(fc.property(fc.array(corruption, { minLength: 1, maxLength: 4 }), (ops) => check('c.csv', corrupt(good, ops))), { numRuns: 300 });
  });
  test('GBK CSV and XLSX likewise', () => {
    const gbk = encodeGbk(csv());
    fc.assert(fc.property(fc.array(corruption, { minLength: 1, maxLength: 3 }), (ops) => check('g.csv', corrupt(gbk, ops))), { numRuns: 150 });
    fc.assert(fc.property(fc.array(corruption, { minLength: 1, maxLength: 3 }), (ops) => check('x.xlsx', corrupt(goodXlsx, ops))), { numRuns: 60 });
  });
});

describe('file size limits (the page and the command)', () => {
  test('a 1 GB file is refused unread, naming the limit and its size; smaller files pass', async () => {
    const { oversize, importFiles } = await import('../../src/import');
    const { MAX_INPUT_BYTES } = await import('../../src/import/limits');
    const GB = 1024 ** 3;
    expect(oversize('户收入.csv', MAX_INPUT_BYTES.csv)).toBeNull();
    expect(oversize('export.xlsx', 10 * 1024 * 1024)).toBeNull();
    const refused = oversize('户收入.csv', GB)!;
    expect(refused).toMatchObject({ tooLarge: { format: 'csv', bytes: GB } });
    expect(oversize('shapes.geojson', GB)).toMatchObject({ tooLarge: { format: 'geojson' } });
    const r = importFiles([refused], { dropPii: false, salt: 's', geography: () => ({ known: new Set(), missingCounties: [] }) });
    expect(r.ok).toBe(false);
    const p = r.problems.find((x) => x.kind === 'file_too_large')!;
    expect(p.file).toBe('户收入.csv');
    expect(p.expected).toContain('150 MB');
    expect(p.expected).toContain('1024 MB');
    expect(p.expectedZh).toContain('不超过 150 MB');
  });
});

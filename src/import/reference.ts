/**
 * Users' own reference series (issue 13 item 6): a CSV with one row per series, region and year —
 * e.g. each county's rural disposable income from the statistical yearbook — so that targets
 * comparing with such series evaluate. Columns (Chinese or English headers, UTF-8 or GBK; README
 * "Reference series"): `series` (指标/序列), `region_code` (地区代码/行政区划代码, 6 or 12 digits),
 * `year` (年度/年份), `value` (数值/值), `source` (来源), optional `status` (状态: published/estimate).
 * Pure: no DOM, DuckDB or Node import, so the CLI and the browser share it. All or nothing, like
 * the household import: `rows` is empty whenever `problems` is not.
 */
import Papa from 'papaparse';
import { fieldOfHeader, normaliseHeader, type Field } from './columns';
import { decodeText } from './encoding';
import { HEADER_SEARCH_ROWS, cellText } from './table';
import type { Cell, ImportWarning, Problem } from './types';
import type { ReferenceStatus } from '../targets/types';

/** One value of a reference series, as reference.parquet holds it (CONTRACT.md "A dataset folder"). */
export interface ReferenceRow {
  series: string;
  region_code: string;
  year: number;
  value: number;
  source: string;
  status: ReferenceStatus;
}

export interface ReferenceParseResult {
  rows: ReferenceRow[];
  problems: Problem[];
  /** Problems found, including those left out of `problems` beyond `MAX_PROBLEMS`. */
  problemCount: number;
  warnings: ImportWarning[];
  /** How the bytes were decoded (e.g. "UTF-8", "GB18030"). */
  encoding: string;
}

export type ReferenceField = 'series' | 'region_code' | 'year' | 'value' | 'source' | 'status';

export const REFERENCE_REQUIRED: readonly ReferenceField[] = ['series', 'region_code', 'year', 'value', 'source'];

/** Header synonyms by column, compared after `normaliseHeader`; the first is the name used in messages. */
export const REFERENCE_SYNONYMS: Record<ReferenceField, string[]> = {
  series: ['指标', '序列', '指标名称', '指标代码', '参考序列', 'series', 'indicator'],
  region_code: ['地区代码', '行政区划代码', '区划代码', '统计用区划代码', '地区编码', 'region_code', 'region', 'code'],
  year: ['年度', '年份', '年', 'year'],
  value: ['数值', '值', '指标值', '数据', 'value'],
  source: ['来源', '数据来源', '资料来源', 'source'],
  status: ['状态', '数据状态', 'status'],
};

/**
 * The series the plans compare with (data/plans/*.json), with the Chinese names users may write
 * instead of the id. Another id is kept as written with a warning (a plan may name it).
 */
export const KNOWN_SERIES: Record<string, { zh: string; en: string; aliases: string[] }> = {
  rural_disposable_income: {
    zh: '农村居民人均可支配收入', en: "rural residents' per-capita disposable income (yuan)",
    aliases: ['农村居民人均可支配收入', '农村常住居民人均可支配收入', '农民人均可支配收入'],
  },
  tuopin_income_national: {
    zh: '全国脱贫人口人均纯收入', en: 'national average per-capita net income of people lifted out of poverty (yuan)',
    aliases: ['全国脱贫人口人均纯收入', '脱贫人口人均纯收入'],
  },
  tuopin_county_rural_income_national: {
    zh: '全国脱贫县农村居民人均可支配收入', en: "national rural residents' per-capita disposable income of the counties lifted out of poverty (yuan)",
    aliases: ['全国脱贫县农村居民人均可支配收入', '脱贫县农村居民人均可支配收入'],
  },
  monitoring_line: {
    zh: '防止返贫监测收入线', en: 'monitoring income line (yuan per person per year)',
    aliases: ['防止返贫监测收入线', '防止返贫监测线', '监测收入线', '监测线'],
  },
};

const NATIONAL = '000000000000';
const MIN_YEAR = 1949;
const MAX_YEAR = 2100;
/** Problems kept in the list (the count goes on). */
export const MAX_PROBLEMS = 200;

const STATUS_VALUES: Record<string, ReferenceStatus> = {
  published: 'published', 已发布: 'published', 公布: 'published', 正式: 'published', 统计公报: 'published',
  estimate: 'estimate', 估计: 'estimate', 估算: 'estimate', 预估: 'estimate', 初步: 'estimate', 未核实: 'estimate',
};

const FOOTER_START = /^\s*(注|备注|说明|数据来源|资料来源|notes?\b|remarks?\b)/i;

const LOOKUP = new Map<string, ReferenceField>();
for (const [field, names] of Object.entries(REFERENCE_SYNONYMS) as [ReferenceField, string[]][]) {
  for (const n of names) LOOKUP.set(normaliseHeader(n), field);
}
const SERIES_ALIASES = new Map<string, string>();
for (const [id, s] of Object.entries(KNOWN_SERIES)) {
  SERIES_ALIASES.set(id, id);
  for (const a of s.aliases) SERIES_ALIASES.set(normaliseHeader(a), id);
}

/** The reference column a header stands for, or null. */
export function referenceFieldOfHeader(header: string): ReferenceField | null {
  return LOOKUP.get(normaliseHeader(header)) ?? null;
}

/** Household columns that no reference table has (year and the region code are in both). */
const SHARED_WITH_HOUSEHOLDS: ReadonlySet<Field> = new Set(['year', 'village_code']);

/**
 * Whether a table's headers are those of a reference series CSV rather than a household table:
 * they name the series, region, year and value columns and no household-only column (household
 * id, persons, an income component…). For the app, to route a dropped CSV.
 */
export function looksLikeReferenceCsv(headers: readonly string[]): boolean {
  const fields = new Set(headers.map((h) => referenceFieldOfHeader(h)).filter((f) => f !== null));
  if (!['series', 'region_code', 'year', 'value'].every((f) => fields.has(f as ReferenceField))) return false;
  return !headers.some((h) => {
    const f = fieldOfHeader(h);
    return f !== null && !SHARED_WITH_HOUSEHOLDS.has(f) && referenceFieldOfHeader(h) === null;
  });
}

/** A region code as written → 12 digits: 6-digit county codes (and 000000, the nation) padded with zeros; 全国/national allowed. */
export function normaliseRegionCode(cell: Cell): string | null {
  const text = cellText(cell).replace(/\s+/g, '');
  if (text === '全国' || text.toLowerCase() === 'national') return NATIONAL;
  if (/^\d{6}$/.test(text)) return `${text}000000`;
  if (/^\d{12}$/.test(text)) return text;
  return null;
}

/** Texts of the reference import's problems and warnings, English and Chinese (the page shows Chinese). */
const TEXT = {
  en: {
    noHeader: () => `a header row naming the columns ${REFERENCE_REQUIRED.map((f) => `"${REFERENCE_SYNONYMS[f][0]}" (${f})`).join(', ')} within the first ${HEADER_SEARCH_ROWS} rows`,
    missingColumn: (f: ReferenceField) => `a column headed ${REFERENCE_SYNONYMS[f].map((n) => `"${n}"`).join(', ')}`,
    duplicateColumn: (f: ReferenceField, first: string) => `one column for ${f} (also headed "${first}")`,
    ragged: (width: number, n: number) => `${width} fields like the header (the row has ${n})`,
    quotes: (detail: string) => `balanced double quotes in the row (${detail})`,
    required: () => 'a value (the column is required)',
    series: () => 'a series id of letters, digits and "_" (e.g. rural_disposable_income) or a known Chinese name (e.g. 农村居民人均可支配收入)',
    regionCode: () => 'a 6- or 12-digit region code (统计用区划代码), e.g. 360321 or 360321000000; 000000 or 全国 for the nation',
    year: () => `a year from ${MIN_YEAR} to ${MAX_YEAR}`,
    value: () => 'a positive number (yuan; digits, optional decimals and thousands separators)',
    status: () => 'published or estimate (已发布/公布, 估计/估算), or empty for published',
    duplicate: (file: string, row: number) => `one value per series, region and year (the same series, region and year is in ${file} row ${row})`,
    noRows: () => 'at least one data row',
    encoding: (enc: string) => `read as ${enc}`,
    titleRows: (n: number) => `${n} title row${n > 1 ? 's' : ''} above the header skipped`,
    footerRows: (n: number, start: string) => `${n} row${n > 1 ? 's' : ''} after the data ignored as notes (starting "${start}")`,
    unknownColumn: () => 'column not used: ignored',
    unknownSeries: (list: readonly string[]) =>
      `${list.length} series not among the known ones (${Object.keys(KNOWN_SERIES).join(', ')}) kept as written: ${list.map((x) => `"${x}"`).join(', ')}`,
  },
  zh: {
    noHeader: () => `前 ${HEADER_SEARCH_ROWS} 行内有一行表头，列名为 ${REFERENCE_REQUIRED.map((f) => `“${REFERENCE_SYNONYMS[f][0]}”（${f}）`).join('、')}`,
    missingColumn: (f: ReferenceField) => `一列名为 ${REFERENCE_SYNONYMS[f].map((n) => `“${n}”`).join('、')} 的列`,
    duplicateColumn: (f: ReferenceField, first: string) => `${f} 只有一列（另一列名为“${first}”）`,
    ragged: (width: number, n: number) => `与表头相同的 ${width} 列（该行有 ${n} 列）`,
    quotes: (detail: string) => `该行的双引号成对（${detail}）`,
    required: () => '一个值（该列必填）',
    series: () => '由字母、数字和“_”组成的序列代码（如 rural_disposable_income），或已知的中文指标名（如 农村居民人均可支配收入）',
    regionCode: () => '6 位或 12 位地区代码（统计用区划代码），如 360321 或 360321000000；全国写 000000 或 全国',
    year: () => `${MIN_YEAR} 至 ${MAX_YEAR} 之间的年度`,
    value: () => '正数（元；数字，可带小数和千位分隔符）',
    status: () => 'published 或 estimate（已发布/公布、估计/估算），留空即已发布',
    duplicate: (file: string, row: number) => `每个指标、地区、年度只有一个值（同一指标、地区、年度也在 ${file} 第 ${row} 行）`,
    noRows: () => '至少一行数据',
    encoding: (enc: string) => `按 ${enc} 编码读取`,
    titleRows: (n: number) => `跳过表头上方的 ${n} 行标题`,
    footerRows: (n: number, start: string) => `数据后的 ${n} 行作为备注忽略（从“${start}”开始）`,
    unknownColumn: () => '未使用的列：已忽略',
    unknownSeries: (list: readonly string[]) =>
      `${list.length} 个不在已知序列（${Object.keys(KNOWN_SERIES).join('、')}）中的序列按原样保留：${list.map((x) => `“${x}”`).join('、')}`,
  },
};
// Chinese has every text English has.
const zhComplete: { [K in keyof typeof TEXT.en]: (...args: Parameters<(typeof TEXT.en)[K]>) => string } = TEXT.zh;
void zhComplete;

type Texts = typeof TEXT.en;
/** `expected` of a problem in both languages. */
const expect = (text: (t: Texts) => string) => ({ expected: text(TEXT.en), expectedZh: text(TEXT.zh as unknown as Texts) });
/** `message` of a warning in both languages. */
const say = (text: (t: Texts) => string) => ({ message: text(TEXT.en), messageZh: text(TEXT.zh as unknown as Texts) });

/** Reads a reference series CSV (see the file comment); every problem names file, row (1 = first data row), column, value and what was expected. */
export function parseReferenceCsv(name: string, bytes: Uint8Array): ReferenceParseResult {
  const { text, encoding } = decodeText(bytes);
  const problems: Problem[] = [];
  let problemCount = 0;
  const warnings: ImportWarning[] = [{ kind: 'encoding', file: name, column: null, ...say((t) => t.encoding(encoding)) }];
  const problem = (p: Omit<Problem, 'file'>) => {
    problemCount++;
    if (problems.length < MAX_PROBLEMS) problems.push({ file: name, ...p });
  };
  const done = (rows: ReferenceRow[]): ReferenceParseResult => ({ rows: problemCount ? [] : rows, problems, problemCount, warnings, encoding });

  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimitersToGuess: [',', '\t', ';', '|'] });
  const grid = parsed.data as Cell[][];
  const headerIndex = findReferenceHeader(grid);
  if (headerIndex < 0) {
    problem({ kind: 'no_header', row: null, column: null, value: null, ...expect((t) => t.noHeader()) });
    return done([]);
  }
  if (headerIndex > 0) warnings.push({ kind: 'title_rows', file: name, column: null, count: headerIndex, ...say((t) => t.titleRows(headerIndex)) });

  // Columns: each field once; unknown ones ignored with a warning.
  const headers = (grid[headerIndex] ?? []).map((c) => cellText(c));
  const columns = new Map<ReferenceField, number>();
  headers.forEach((h, i) => {
    if (h === '') return;
    const f = referenceFieldOfHeader(h);
    if (!f) {
      warnings.push({ kind: 'unknown_column', file: name, column: h, ...say((t) => t.unknownColumn()) });
      return;
    }
    const first = columns.get(f);
    if (first !== undefined) problem({ kind: 'duplicate_column', row: null, column: h, value: null, ...expect((t) => t.duplicateColumn(f, headers[first]!)) });
    else columns.set(f, i);
  });
  for (const f of REFERENCE_REQUIRED) {
    if (!columns.has(f)) problem({ kind: 'missing_column', row: null, column: REFERENCE_SYNONYMS[f][0]!, value: null, ...expect((t) => t.missingColumn(f)) });
  }
  if (problemCount) return done([]);

  // Data rows: blank rows skipped, a notes block (one filled cell starting 注/备注/说明…) ends the data.
  let end = grid.length;
  for (let i = headerIndex + 1; i < grid.length; i++) {
    const filled = (grid[i] ?? []).map((c) => cellText(c)).filter((t) => t !== '');
    if (filled.length === 1 && FOOTER_START.test(filled[0]!)) {
      end = i;
      const after = grid.length - i - grid.slice(i).filter((r) => r.every((c) => cellText(c) === '')).length;
      const start = filled[0]!;
      warnings.push({ kind: 'footer_rows', file: name, column: null, count: after, ...say((t) => t.footerRows(after, start)) });
      break;
    }
  }
  for (const e of parsed.errors) {
    if (e.type !== 'Quotes' || e.row === undefined) continue;
    const index = Number(e.row);
    if (index > headerIndex && index < end) problem({ kind: 'csv_quotes', row: index - headerIndex, column: null, value: null, ...expect((t) => t.quotes(e.message)) });
  }

  const col = (f: ReferenceField) => columns.get(f);
  const header = (f: ReferenceField) => headers[col(f)!]!;
  const rows: ReferenceRow[] = [];
  const seen = new Map<string, number>();
  const unknownSeries = new Set<string>();
  for (let i = headerIndex + 1; i < end; i++) {
    const cells = grid[i] ?? [];
    const row = i - headerIndex;
    if (cells.every((c) => cellText(c) === '')) continue;
    let n = cells.length;
    while (n > headers.length && cellText(cells[n - 1]) === '') n--;
    if (n !== headers.length) {
      problem({ kind: 'ragged_row', row, column: null, value: String(n), ...expect((t) => t.ragged(headers.length, n)) });
      continue;
    }
    const at = (f: ReferenceField) => (col(f) === undefined ? '' : cellText(cells[col(f)!]));
    const bad = (kind: Problem['kind'], f: ReferenceField, text: (t: Texts) => string) => problem({ kind, row, column: header(f), value: at(f), ...expect(text) });
    let ok = true;
    for (const f of REFERENCE_REQUIRED) {
      if (at(f) === '') {
        bad('missing_value', f, (t) => t.required());
        ok = false;
      }
    }
    if (!ok) continue;

    const seriesText = at('series');
    let series = SERIES_ALIASES.get(normaliseHeader(seriesText)) ?? null;
    if (!series) {
      if (/^[a-z][a-z0-9_]*$/.test(seriesText)) {
        series = seriesText;
        unknownSeries.add(seriesText);
      } else {
        bad('bad_value', 'series', (t) => t.series());
        ok = false;
      }
    }
    const region = normaliseRegionCode(cells[col('region_code')!] ?? null);
    if (!region) {
      bad('bad_region_code', 'region_code', (t) => t.regionCode());
      ok = false;
    }
    const yearText = at('year').replace(/年$/, '');
    const year = /^\d+$/.test(yearText) ? Number(yearText) : NaN;
    if (!Number.isInteger(year)) {
      bad('not_an_integer', 'year', (t) => t.year());
      ok = false;
    } else if (year < MIN_YEAR || year > MAX_YEAR) {
      bad('year_out_of_range', 'year', (t) => t.year());
      ok = false;
    }
    const value = parseValue(at('value'));
    if (value === null) {
      bad('not_a_number', 'value', (t) => t.value());
      ok = false;
    } else if (!(value > 0)) {
      bad('bad_value', 'value', (t) => t.value());
      ok = false;
    }
    let status: ReferenceStatus = 'published';
    if (col('status') !== undefined && at('status') !== '') {
      const s = STATUS_VALUES[at('status').toLowerCase()];
      if (!s) {
        bad('bad_value', 'status', (t) => t.status());
        ok = false;
      } else status = s;
    }
    if (!ok || !series || !region) continue;
    const key = `${series}|${region}|${year}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problem({ kind: 'duplicate_reference', row, column: header('series'), value: `${series} ${region} ${year}`, ...expect((t) => t.duplicate(name, first)) });
      continue;
    }
    seen.set(key, row);
    rows.push({ series, region_code: region, year, value: value!, source: at('source'), status });
  }
  if (rows.length === 0 && problemCount === 0) problem({ kind: 'no_rows', row: null, column: null, value: null, ...expect((t) => t.noRows()) });
  if (unknownSeries.size) {
    const list = [...unknownSeries].sort();
    warnings.push({
      kind: 'unknown_tag', file: name, column: header('series'), count: list.length, ...say((t) => t.unknownSeries(list)),
    });
  }
  rows.sort((a, b) => (a.series < b.series ? -1 : a.series > b.series ? 1 : a.region_code < b.region_code ? -1 : a.region_code > b.region_code ? 1 : a.year - b.year));
  return done(rows);
}

/** Index of the first row among the first `HEADER_SEARCH_ROWS` naming the series and value columns and at least one more, or −1. */
function findReferenceHeader(grid: Cell[][]): number {
  for (let i = 0; i < Math.min(grid.length, HEADER_SEARCH_ROWS); i++) {
    const fields = new Set((grid[i] ?? []).map((c) => referenceFieldOfHeader(cellText(c))).filter((f) => f !== null));
    if (fields.has('series') && fields.has('value') && fields.size >= 3) return i;
  }
  return -1;
}

/** "21,358", "21358.5", "21 358元" → number; anything else → null. */
function parseValue(text: string): number | null {
  const t = text.replace(/[,，\s]/g, '').replace(/元$/, '');
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
  return Number(t);
}

/**
 * The project's reference rows with the user's merged in: a user row replaces the project's row of
 * the same series, region and year. Returns the rows (sorted as reference.parquet is) and how many
 * project rows were replaced.
 */
export function mergeReference<T extends ReferenceRow>(base: readonly T[], user: readonly T[]): { rows: T[]; replaced: number } {
  const key = (r: ReferenceRow) => `${r.series}|${r.region_code}|${r.year}`;
  const users = new Set(user.map(key));
  const kept = base.filter((r) => !users.has(key(r)));
  const rows = [...kept, ...user].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return { rows, replaced: base.length - kept.length };
}

/**
 * From located tables to the contract's `households` and `income` tables: header mapping, personal
 * columns, every value checked, all or nothing (CONTRACT.md "Users' own files"). Pure.
 */
import {
  CATEGORY_VALUES, DEFAULTS, FALSE_VALUES, fieldOfHeader, INCOME_FIELDS, MEASURE_VALUES, MGMT_VALUES, REQUIRED,
  RISK_VALUES, SYNONYMS, TRUE_VALUES, type Field,
} from './columns';
import { expect, say } from './messages';
import { piiKindOfHeader, sniffColumn, type PiiKind } from './pii';
import { sha256Hex } from './sha256';
import { cellText } from './table';
import type { HouseholdRecord } from '../domain/dataset';
import type { Cell, ImportWarning, Problem, ProblemKind, RawTable } from './types';

/** A household as the import writes it: the households.parquet columns. */
export type HouseholdRow = HouseholdRecord;

export interface IncomeRow {
  hh_id: string;
  year: number;
  quarter: number;
  wage: number;
  operating: number;
  property: number;
  transfer: number;
  employed_out_province: number;
  employed_in_province: number;
  employed_in_county: number;
  decline_cause: number | null;
  /** The total the source stated (its per-capita statement × persons), null when it states none (README "Users' own files"). */
  net_income_stated: number | null;
  /** The persons of this period, as the row gave them (households.parquet keeps the latest period's). */
  persons: number;
}

/** What the geography knows of a set of village codes (src/pipeline/import/geography-for.ts in Node). */
export interface GeographyLookup {
  /** Village codes (12 digits) that exist in the geography. */
  known: Set<string>;
  /** 12-digit county codes the geography has nothing for. */
  missingCounties: string[];
}

export interface ConvertOptions {
  /** Drop columns identifying people instead of refusing the files. */
  dropPii: boolean;
  /** Secret salt of the household-id hashes (never written anywhere). */
  salt: string;
  geography: (villageCodes: string[]) => GeographyLookup;
  minYear?: number;
  maxYear?: number;
  /** Problems listed in full; the rest are counted by kind (default 200). */
  maxProblems?: number;
}

export interface DroppedColumn {
  file: string;
  column: string;
  kind: PiiKind;
  /** Found by its header or by its values. */
  by: 'header' | 'content';
}

export interface ConvertResult {
  ok: boolean;
  households: HouseholdRow[];
  income: IncomeRow[];
  /** The first `maxProblems` problems. */
  problems: Problem[];
  problemCount: number;
  problemTotals: Partial<Record<ProblemKind, number>>;
  warnings: ImportWarning[];
  dropped: DroppedColumn[];
  /** Every file read: where the table was, how many data rows. */
  files: { file: string; source: string; rows: number }[];
  villageCodes: string[];
}

const HOUSEHOLD_ATTRS = ['persons', 'labour', 'category', 'mgmt_class', 'no_labour', 'safety_net', 'relocated', 'relocation_site', 'risk_tags', 'measures', 'risk_cleared'] as const;

/** A household id as stored: the first 16 hex digits of SHA-256(salt + id). */
export function hashHouseholdId(salt: string, id: string): string {
  return sha256Hex(salt + id).slice(0, 16);
}

interface Parsed {
  file: string;
  row: number;
  rawId: string;
  village: string;
  year: number;
  quarter: number;
  hh: Omit<HouseholdRow, 'hh_id' | 'village_code'>;
  inc: Omit<IncomeRow, 'hh_id' | 'year' | 'quarter' | 'persons'>;
}

function norm(s: string): string {
  return s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '_');
}

/** A number from a cell: numbers as they are; text with thousands separators, spaces or a trailing 元 allowed. Empty → null; not a number → NaN. */
export function parseNumber(cell: Cell): number | null {
  if (cell === null) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : NaN;
  if (typeof cell === 'boolean') return NaN;
  const s = cell.normalize('NFKC').trim().replace(/[,\s]/g, '').replace(/元$/, '');
  if (s === '' || s === '-' || s === '—') return s === '' ? null : NaN;
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) ? Number(s) : NaN;
}

const CHINESE_QUARTER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 };

function parseQuarter(cell: Cell): number | null | 'bad' {
  if (cell === null || cellText(cell) === '') return null;
  const s = cellText(cell).normalize('NFKC').replace(/\s/g, '').toLowerCase();
  if (s === '全年' || s === '年度' || s === 'year' || s === 'fy') return 4;
  const m = /^(?:q|第)?([一二三四1-4])(?:季度?|q)?$/.exec(s);
  if (m) return CHINESE_QUARTER[m[1]!]!;
  const n = parseNumber(cell);
  if (n === null || Number.isNaN(n) || !Number.isInteger(n)) return 'bad';
  return n;
}

/** A 12-digit code from a cell (a number as the digits users mean, text trimmed of a leading apostrophe and a trailing .0). */
export function parseCode(cell: Cell): { code: string } | { bad: 'format' | 'rounded' } | null {
  if (cell === null) return null;
  let s: string;
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 0) return { bad: 'format' };
    s = cell.toFixed(0);
  } else {
    s = String(cell).normalize('NFKC').trim().replace(/^'/, '').replace(/\.0+$/, '');
  }
  if (s === '') return null;
  if (/^\d(\.\d+)?e\+?\d+$/i.test(s)) return { bad: 'rounded' };
  return /^\d{12}$/.test(s) ? { code: s } : { bad: 'format' };
}

function splitTerms(cell: Cell, vocab: Record<string, string>, unknown: Set<string>): string[] {
  const s = cellText(cell);
  if (s === '') return [];
  const out: string[] = [];
  for (const term of s.split(/[、,，;；|/\s]+/)) {
    if (!term) continue;
    const v = vocab[term] ?? vocab[norm(term)];
    if (v) out.push(v);
    else {
      unknown.add(term);
      out.push(term);
    }
  }
  return [...new Set(out)];
}

export function convertTables(tables: RawTable[], options: ConvertOptions): ConvertResult {
  const problems: Problem[] = [];
  const warnings: ImportWarning[] = [];
  const dropped: DroppedColumn[] = [];
  const parsed: Parsed[] = [];
  const minYear = options.minYear ?? 2000;
  const maxYear = options.maxYear ?? new Date().getUTCFullYear();
  const emptyIncome = new Map<string, number>();
  const unknownRisk = new Set<string>();
  const unknownMeasure = new Set<string>();
  const missingOptional = new Set<Field>();
  const files: ConvertResult['files'] = [];

  for (const table of tables) {
    const { file } = table;
    files.push({ file, source: table.source, rows: table.rows.length });
    const columnOf = new Map<Field, number>();
    const pii: { index: number; kind: PiiKind; by: 'header' | 'content'; row: number | null }[] = [];
    table.headers.forEach((header, index) => {
      if (header === '') return;
      const field = fieldOfHeader(header);
      const piiKind = field ? null : piiKindOfHeader(header);
      if (piiKind) {
        pii.push({ index, kind: piiKind, by: 'header', row: null });
        return;
      }
      const found = sniffColumn(table.rows, index);
      if (found && field === 'hh_id') {
        warnings.push({ kind: 'hh_id_looks_personal', file, column: header, ...say((m) => m.hhIdPersonal(found.kind)) });
      } else if (found) {
        pii.push({ index, kind: found.kind, by: 'content', row: found.row });
        return;
      }
      if (!field) {
        warnings.push({ kind: 'unknown_column', file, column: header, ...say((m) => m.unknownColumn()) });
        return;
      }
      if (columnOf.has(field)) {
        problems.push({ kind: 'duplicate_column', file, row: null, column: header, value: null, ...expect((m) => m.duplicateColumn(field, table.headers[columnOf.get(field)!]!)) });
        return;
      }
      columnOf.set(field, index);
    });
    for (const p of pii) {
      const column = table.headers[p.index]!;
      if (options.dropPii) {
        dropped.push({ file, column, kind: p.kind, by: p.by });
        warnings.push({ kind: 'pii_dropped', file, column, ...say((m) => m.piiDropped(p.kind, p.by === 'header' ? 'header' : 'values')) });
      } else {
        problems.push({ kind: 'pii_column', file, row: p.row, column, value: null, ...(p.by === 'header' ? expect((m) => m.piiHeader(p.kind)) : expect((m) => m.piiContent(p.kind))) });
      }
    }
    const missing = REQUIRED.filter((f) => !columnOf.has(f));
    for (const f of missing) {
      problems.push({ kind: 'missing_column', file, row: null, column: SYNONYMS[f][0]!, value: null, ...expect((m) => m.missingColumn(SYNONYMS[f].filter((_, i) => i < 3 || SYNONYMS[f][i] === f))) });
    }
    for (const f of Object.keys(SYNONYMS) as Field[]) if (!REQUIRED.includes(f) && !columnOf.has(f)) missingOptional.add(f);
    if (missing.length) continue;
    if (table.rows.length === 0) {
      problems.push({ kind: 'no_rows', file, row: null, column: null, value: null, ...expect((m) => m.noRows()) });
      continue;
    }

    table.rows.forEach((cells, i) => {
      const row = i + 1;
      const header = (f: Field) => table.headers[columnOf.get(f)!]!;
      const cell = (f: Field): Cell => (columnOf.has(f) ? (cells[columnOf.get(f)!] ?? null) : null);
      const problem = (kind: ProblemKind, f: Field, expected: { expected: string; expectedZh: string }) =>
        problems.push({ kind, file, row, column: header(f), value: cellText(cell(f)), ...expected });
      let ok = true;
      const fail = (kind: ProblemKind, f: Field, expected: { expected: string; expectedZh: string }) => {
        problem(kind, f, expected);
        ok = false;
      };

      const rawId = cellText(cell('hh_id'));
      if (rawId === '') fail('missing_value', 'hh_id', expect((m) => m.required()));

      let village = '';
      const code = parseCode(cell('village_code'));
      if (code === null) fail('missing_value', 'village_code', expect((m) => m.required()));
      else if ('bad' in code) fail('bad_code', 'village_code', code.bad === 'rounded' ? expect((m) => m.codeRounded()) : expect((m) => m.code12()));
      else village = code.code;

      const int = (f: Field, required: boolean, fallback: number): number => {
        if (!columnOf.has(f)) return fallback;
        const n = parseNumber(cell(f));
        if (n === null) {
          if (required) fail('missing_value', f, expect((m) => m.required()));
          return fallback;
        }
        if (Number.isNaN(n) || !Number.isInteger(n)) {
          fail('not_an_integer', f, expect((m) => m.integer()));
          return fallback;
        }
        return n;
      };
      const personsCell = parseNumber(cell('persons'));
      const persons = int('persons', true, 1);
      if (personsCell !== null && Number.isInteger(personsCell) && persons <= 0) fail('persons_not_positive', 'persons', expect((m) => m.positivePersons()));
      const labour = int('labour', false, DEFAULTS.labour);
      if (labour < 0) fail('negative_count', 'labour', expect((m) => m.nonNegativeCount()));
      else if (persons > 0 && labour > persons) fail('labour_exceeds_persons', 'labour', expect((m) => m.labourAtMostPersons(persons)));

      const year = int('year', true, 0);
      if (cellText(cell('year')) !== '' && Number.isInteger(year) && year !== 0 && (year < minYear || year > maxYear)) {
        fail('year_out_of_range', 'year', expect((m) => m.yearRange(minYear, maxYear)));
      }
      let quarter: number = DEFAULTS.quarter;
      if (columnOf.has('quarter')) {
        const qv = parseQuarter(cell('quarter'));
        if (qv === 'bad') fail('bad_value', 'quarter', expect((m) => m.quarter()));
        else if (qv !== null && (qv < 1 || qv > 4)) fail('quarter_out_of_range', 'quarter', expect((m) => m.quarter()));
        else if (qv !== null) quarter = qv;
      }

      const incomes: Record<string, number> = {};
      for (const f of INCOME_FIELDS) {
        const n = parseNumber(cell(f));
        if (n === null) {
          emptyIncome.set(header(f), (emptyIncome.get(header(f)) ?? 0) + 1);
          incomes[f] = 0;
        } else if (Number.isNaN(n)) fail('not_a_number', f, expect((m) => m.number()));
        else if (n < 0) fail('negative_income', f, expect((m) => m.nonNegativeIncome()));
        else incomes[f] = n;
      }
      // A stated total (household, else per capita × persons): optional, checked like an income.
      let stated: number | null = null;
      for (const f of ['net_income_stated', 'net_income_per_capita_stated'] as const) {
        if (stated !== null || !columnOf.has(f)) continue;
        const n = parseNumber(cell(f));
        if (n === null) continue;
        if (Number.isNaN(n)) fail('not_a_number', f, expect((m) => m.number()));
        else if (n < 0) fail('negative_income', f, expect((m) => m.nonNegativeIncome()));
        else stated = f === 'net_income_stated' ? n : n * persons;
      }
      const count = (f: Field) => {
        const n = int(f, false, DEFAULTS.employed);
        if (n < 0) fail('negative_count', f, expect((m) => m.nonNegativeCount()));
        return n;
      };
      const employedOut = count('employed_out_province');
      const employedIn = count('employed_in_province');
      const employedCounty = count('employed_in_county');
      let declineCause: number | null = DEFAULTS.decline_cause;
      if (columnOf.has('decline_cause') && cellText(cell('decline_cause')) !== '') {
        const n = parseNumber(cell('decline_cause'));
        if (n === null || Number.isNaN(n) || !Number.isInteger(n)) fail('not_an_integer', 'decline_cause', expect((m) => m.declineCause()));
        else if (n < 1 || n > 8) fail('decline_cause_out_of_range', 'decline_cause', expect((m) => m.declineCause()));
        else declineCause = n;
      }

      const coded = (f: Field, vocab: Record<string, string>, fallback: string): string => {
        const s = cellText(cell(f));
        if (s === '') return fallback;
        const v = vocab[s] ?? vocab[norm(s)];
        if (v === undefined) {
          fail('bad_value', f, expect((m) => m.oneOf([...new Set(Object.keys(vocab).filter((k) => /[^\x00-\x7f]/.test(k)))].slice(0, 8).concat([...new Set(Object.values(vocab))]))));
          return fallback;
        }
        return v;
      };
      const bool = (f: Field, fallback: boolean): boolean => {
        const c = cell(f);
        if (typeof c === 'boolean') return c;
        const s = norm(cellText(c));
        if (s === '') return fallback;
        if (TRUE_VALUES.has(s)) return true;
        if (FALSE_VALUES.has(s)) return false;
        fail('bad_value', f, expect((m) => m.boolean()));
        return fallback;
      };
      const category = coded('category', CATEGORY_VALUES, DEFAULTS.category);
      const mgmt = coded('mgmt_class', MGMT_VALUES, DEFAULTS.mgmt_class);
      const site = cellText(cell('relocation_site'));
      const hh = {
        persons, labour, category, mgmt_class: mgmt,
        no_labour: bool('no_labour', DEFAULTS.no_labour),
        safety_net: bool('safety_net', DEFAULTS.safety_net),
        relocated: bool('relocated', DEFAULTS.relocated),
        relocation_site: site === '' ? DEFAULTS.relocation_site : site,
        risk_tags: splitTerms(cell('risk_tags'), RISK_VALUES, unknownRisk),
        measures: splitTerms(cell('measures'), MEASURE_VALUES, unknownMeasure),
        risk_cleared: bool('risk_cleared', DEFAULTS.risk_cleared),
      };
      if (!ok) return;
      parsed.push({
        file, row, rawId, village, year, quarter, hh,
        inc: {
          wage: incomes.wage!, operating: incomes.operating!, property: incomes.property!, transfer: incomes.transfer!,
          employed_out_province: employedOut, employed_in_province: employedIn, employed_in_county: employedCounty,
          decline_cause: declineCause, net_income_stated: stated,
        },
      });
    });
  }

  for (const [column, n] of emptyIncome) warnings.push({ kind: 'empty_income_cell', file: null, column, count: n, ...say((m) => m.emptyIncome(n)) });
  if (unknownRisk.size) warnings.push({ kind: 'unknown_tag', file: null, column: SYNONYMS.risk_tags[0]!, count: unknownRisk.size, ...say((m) => m.unknownTags([...unknownRisk], unknownRisk.size)) });
  if (unknownMeasure.size) warnings.push({ kind: 'unknown_tag', file: null, column: SYNONYMS.measures[0]!, count: unknownMeasure.size, ...say((m) => m.unknownTags([...unknownMeasure], unknownMeasure.size)) });
  const defaults = [...missingOptional].map((f) => `${SYNONYMS[f][0]} (${f}) = ${JSON.stringify(f.startsWith('employed') ? DEFAULTS.employed : (DEFAULTS as Record<string, unknown>)[f] ?? null)}`);
  if (defaults.length && tables.length) warnings.push({ kind: 'missing_optional_column', file: null, column: null, ...say((m) => m.defaults(defaults)) });

  // Across rows and files: one row per household and period, one village per household.
  const byPeriod = new Map<string, Parsed>();
  const byHousehold = new Map<string, Parsed[]>();
  for (const p of parsed) {
    const key = `${p.rawId}\u0000${p.year}\u0000${p.quarter}`;
    const first = byPeriod.get(key);
    if (first) {
      problems.push({ kind: 'duplicate_period', file: p.file, row: p.row, column: null, value: `${p.rawId} ${p.year} Q${p.quarter}`, ...expect((m) => m.duplicatePeriod(first.file, first.row)) });
      continue;
    }
    byPeriod.set(key, p);
    const list = byHousehold.get(p.rawId);
    if (list) {
      const f = list[0]!;
      if (f.village !== p.village) {
        problems.push({ kind: 'village_changes', file: p.file, row: p.row, column: SYNONYMS.village_code[0]!, value: p.village, ...expect((m) => m.sameVillage(f.village, f.file, f.row)) });
      }
      list.push(p);
    } else byHousehold.set(p.rawId, [p]);
  }

  // Geography: every village must be known; counties without geography named once.
  const villageCodes = [...new Set(parsed.map((p) => p.village))].sort();
  const provinces = [...new Set(villageCodes.map((c) => c.slice(0, 2)))];
  if (provinces.length > 1) {
    problems.push({ kind: 'several_provinces', file: parsed[0]!.file, row: null, column: null, value: provinces.join(', '), ...expect((m) => m.severalProvinces(provinces)) });
  } else if (villageCodes.length) {
    const geo = options.geography(villageCodes);
    const missing = new Set(geo.missingCounties);
    const named = new Set<string>();
    for (const p of parsed) {
      const county = p.village.slice(0, 6).padEnd(12, '0');
      if (missing.has(county)) {
        if (named.has(county)) continue;
        named.add(county);
        problems.push({ kind: 'no_geography', file: p.file, row: p.row, column: null, value: p.village, ...expect((m) => m.noGeography(county)) });
      } else if (!geo.known.has(p.village)) {
        problems.push({ kind: 'unknown_village', file: p.file, row: p.row, column: null, value: p.village, ...expect((m) => m.unknownVillage()) });
      }
    }
  }

  const problemTotals: Partial<Record<ProblemKind, number>> = {};
  for (const p of problems) problemTotals[p.kind] = (problemTotals[p.kind] ?? 0) + 1;
  const maxProblems = options.maxProblems ?? 200;
  const result: ConvertResult = {
    ok: problems.length === 0,
    households: [],
    income: [],
    problems: problems.slice(0, maxProblems),
    problemCount: problems.length,
    problemTotals,
    warnings,
    dropped,
    files,
    villageCodes,
  };
  if (!result.ok) return result;

  // Split: one households row per household (its latest period's attributes), one income row per period.
  const changes = new Map<string, number>();
  const ids = new Map<string, string>();
  for (const [rawId, rows] of byHousehold) {
    rows.sort((a, b) => a.year - b.year || a.quarter - b.quarter);
    const last = rows[rows.length - 1]!;
    for (const attr of HOUSEHOLD_ATTRS) {
      const v = JSON.stringify(last.hh[attr]);
      if (rows.some((r) => JSON.stringify(r.hh[attr]) !== v)) changes.set(attr, (changes.get(attr) ?? 0) + 1);
    }
    const id = hashHouseholdId(options.salt, rawId);
    if (ids.has(id)) throw new Error(`household id hash collision (${id}); run again with another --salt`);
    ids.set(id, rawId);
    result.households.push({ hh_id: id, village_code: last.village, ...last.hh });
    for (const r of rows) result.income.push({ hh_id: id, year: r.year, quarter: r.quarter, ...r.inc, persons: r.hh.persons });
  }
  for (const [attr, n] of changes) {
    warnings.push({ kind: 'attribute_changes', file: null, column: SYNONYMS[attr as Field][0]!, count: n, ...say((m) => m.attributeChanges(attr, n)) });
  }
  result.income.sort((a, b) => (a.hh_id < b.hh_id ? -1 : a.hh_id > b.hh_id ? 1 : a.year - b.year || a.quarter - b.quarter));
  result.households.sort((a, b) => (a.village_code < b.village_code ? -1 : a.village_code > b.village_code ? 1 : a.hh_id < b.hh_id ? -1 : a.hh_id > b.hh_id ? 1 : 0));
  return result;
}

/**
 * The distinct well-formed village codes of the tables (their village column, found by header as
 * `convertTables` finds it), sorted: what the geography must be fetched for before conversion.
 */
export function villageCodesOf(tables: readonly RawTable[]): string[] {
  const codes = new Set<string>();
  for (const table of tables) {
    const index = table.headers.findIndex((h) => h !== '' && fieldOfHeader(h) === 'village_code');
    if (index < 0) continue;
    for (const row of table.rows) {
      const parsed = parseCode(row[index] ?? null);
      if (parsed && 'code' in parsed) codes.add(parsed.code);
    }
  }
  return [...codes].sort();
}

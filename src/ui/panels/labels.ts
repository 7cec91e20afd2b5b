import type { RegionName } from '../../data/queries/regions';
import { placeName, type Lang, type Messages } from '../../i18n';
import type { PanelScope } from './types';

/** Localised label of a vocabulary value, or the value itself when the dictionary lacks it. */
function lookup(table: Record<string, string>, id: string): string {
  return table[id] ?? id;
}

export const categoryLabel = (t: Messages, id: string) => lookup(t.panels.category, id);
export const mgmtClassLabel = (t: Messages, id: string) => lookup(t.panels.mgmtClass, id);
export const riskLabel = (t: Messages, id: string) => lookup(t.panels.risks, id);
export const measureLabel = (t: Messages, id: string) => lookup(t.panels.measures, id);

/** Label of decline cause 1–8 (seed 002 §二(二)); '' for null. */
export function causeLabel(t: Messages, cause: number | null): string {
  if (cause === null) return '';
  return t.panels.causes[cause - 1] ?? String(cause);
}

/** "2024年" for a full year, "2025年1—3季度（年初至今）" for a year-to-date period. */
export function scopePeriodLabel(t: Messages, period: PanelScope['period']): string {
  return period.quarter >= 4 ? t.fullYear(period.year) : t.withYtd(t.yearToDate(period.year, period.quarter));
}

/** The child level of a region level (villages have none: they stay villages). */
export function childLevel(level: 1 | 2 | 3 | 4 | 5): 1 | 2 | 3 | 4 | 5 {
  return Math.min(5, level + 1) as 1 | 2 | 3 | 4 | 5;
}

/**
 * A `childName` for panels from region names (`queryRegionNames`): the English name in English
 * when there is one, else the Chinese name; an unknown code is shown as itself.
 */
export function regionNamer(rows: readonly RegionName[], lang: Lang): (code: string) => string {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return (code) => {
    const r = byCode.get(code);
    return r ? placeName(r, lang) : code;
  };
}

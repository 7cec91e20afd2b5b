import type { ProjectionFactor } from '../../targets/projection';

/** A line marked on a chart of income: id, yuan per person, label. */
export interface IncomeMark {
  id: string;
  value: number;
  label: string;
}

/**
 * Annual lines brought to the basis of year-to-date bars: each at line ÷ factor, the projection
 * the targets use (`src/targets/projection.ts`: projected = year-to-date × factor), labelled with
 * both figures. `basis` undefined: a full year, lines as they are; null: a year-to-date period with
 * no projection, so no annual line can be drawn against its bars. Pure.
 */
export function histogramMarks(
  marks: IncomeMark[],
  basis: ProjectionFactor | null | undefined,
  label: (annual: string, prorated: number) => string,
): IncomeMark[] {
  if (basis === undefined) return marks;
  if (basis === null) return [];
  return marks.map((m) => ({ ...m, value: m.value / basis.factor, label: label(m.label, m.value / basis.factor) }));
}

/** A projection factor as shown (two decimals). */
export function formatFactor(factor: number, lang: 'zh' | 'en'): string {
  return factor.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

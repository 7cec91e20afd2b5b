import type { Messages } from '../i18n';
import type { Period } from '../state/period';

/** "2024年" or "2025年1—3季度" (the year-to-date tag is shown separately). */
export function periodLabel(t: Messages, period: Period): string {
  return period.yearToDate ? t.yearToDate(period.year, period.quarter) : t.fullYear(period.year);
}

/** Period with the year-to-date tag inline, for titles and captions. */
export function periodLabelLong(t: Messages, period: Period): string {
  return period.yearToDate ? t.withYtd(periodLabel(t, period)) : periodLabel(t, period);
}

/**
 * CSV of the app's tables through the one writer, src/domain/csv.ts (UTF-8 with BOM, CRLF,
 * numbers rounded as the screen shows them unless `full`). One function per table, each taking
 * the rows in the order the screen shows them. Pure.
 */
import { csvNumber, toCsv, type CsvColumn, type CsvNumber, type CsvPrecision } from '../domain/csv';
import type { RegionStats } from '../domain/income';
import type { TargetEvaluation, ValueUnit } from '../targets/types';

export interface RankingCsvRow {
  code: string;
  name: string;
  stats: RegionStats | undefined;
  /** Gap to the map's target, when the ranking shows that column. */
  gap?: number | null;
  /** Facilities of the layers shown, when the ranking shows that column. */
  facilities?: number;
}

export interface RankingCsvHeaders {
  rank: string;
  code: string;
  name: string;
  perCapita: string;
  growth: string;
  households: string;
  gap?: string;
  facilities?: string;
}

/** The ranking list as on screen: rank, code, name, then its columns (gap and facilities when shown). */
export function rankingCsv(rows: readonly RankingCsvRow[], h: RankingCsvHeaders, precision: CsvPrecision = 'shown'): string {
  const rank = new Map(rows.map((r, i) => [r.code, i + 1]));
  const columns: CsvColumn<RankingCsvRow>[] = [
    { header: h.rank, value: (r) => rank.get(r.code) ?? null, number: 'count' },
    { header: h.code, value: (r) => r.code },
    { header: h.name, value: (r) => r.name },
    ...(h.gap !== undefined ? [{ header: h.gap, value: (r: RankingCsvRow) => r.gap ?? null }] : []),
    { header: h.perCapita, value: (r) => r.stats?.perCapita ?? null, number: 'yuan' },
    { header: h.growth, value: (r) => r.stats?.growth ?? null, number: 'percent' },
    { header: h.households, value: (r) => r.stats?.sums.households ?? null, number: 'count' },
    ...(h.facilities !== undefined ? [{ header: h.facilities, value: (r: RankingCsvRow) => r.facilities ?? 0, number: 'count' as const }] : []),
  ];
  return toCsv(columns, rows, precision);
}

export interface RegionTableHeaders {
  level: string;
  code: string;
  perCapita: string;
  growth: string;
  households: string;
  persons: string;
}

/** The map's region table (the screen readers' table under the map): one row per region in map order. */
export function regionTableCsv(rows: readonly { code: string; name: string; stats: RegionStats | undefined }[], h: RegionTableHeaders, precision: CsvPrecision = 'shown'): string {
  return toCsv(
    [
      { header: h.level, value: (r) => r.name },
      { header: h.code, value: (r) => r.code },
      { header: h.perCapita, value: (r) => r.stats?.perCapita ?? null, number: 'yuan' },
      { header: h.growth, value: (r) => r.stats?.growth ?? null, number: 'percent' },
      { header: h.households, value: (r) => r.stats?.sums.households ?? null, number: 'count' },
      { header: h.persons, value: (r) => r.stats?.sums.persons ?? null, number: 'count' },
    ],
    rows,
    precision,
  );
}

/** How a target value of `unit` is written: rates and shares as percent, yuan as yuan, the rest as counts. */
export function targetNumber(unit: ValueUnit): CsvNumber | undefined {
  if (unit === 'yuan') return 'yuan';
  if (unit === 'rate' || unit === 'share') return 'percent';
  if (unit === 'count' || unit === 'persons') return 'count';
  return undefined; // ratios as they are
}

export interface ScorecardCsvText {
  headers: { target: string; population: string; actual: string; goal: string; gap: string; unit: string; status: string; projected: string; basis: string };
  label: (targetId: string) => string;
  population: (r: TargetEvaluation) => string;
  unit: (u: ValueUnit) => string;
  status: (r: TargetEvaluation) => string;
  basis: (r: TargetEvaluation) => string;
  yes: string;
}

/**
 * The scorecard: one row per target as on screen. Actual, target and gap are in the unit column's
 * unit (rates and shares in percent; a gap of a rate in percentage points), rounded like the
 * writer's kinds unless `full`.
 */
export function scorecardCsv(rows: readonly TargetEvaluation[], t: ScorecardCsvText, precision: CsvPrecision = 'shown'): string {
  const num = (pick: (r: TargetEvaluation) => number | null) => (r: TargetEvaluation) => {
    const x = pick(r);
    if (x === null || !Number.isFinite(x)) return null;
    const kind = targetNumber(r.unit);
    if (!kind) return x;
    // The writer rounds per column; here the kind varies by row, so round per cell with the same rule.
    return csvNumber(x, kind, precision);
  };
  return toCsv<TargetEvaluation>(
    [
      { header: t.headers.target, value: (r) => t.label(r.targetId) },
      { header: t.headers.population, value: (r) => t.population(r) },
      { header: t.headers.actual, value: num((r) => r.actual) },
      { header: t.headers.goal, value: num((r) => r.target) },
      { header: t.headers.gap, value: num((r) => r.gap) },
      { header: t.headers.unit, value: (r) => t.unit(r.unit) },
      { header: t.headers.status, value: (r) => t.status(r) },
      { header: t.headers.projected, value: (r) => (r.projected ? t.yes : '') },
      { header: t.headers.basis, value: (r) => t.basis(r) },
    ],
    rows,
    precision,
  );
}

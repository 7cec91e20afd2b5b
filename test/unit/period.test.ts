import { describe, expect, it } from 'vitest';
import { defaultQuarter, resolvePeriod, selectableYears, type HasPeriod } from '../../src/state/period';

// Like the Ningxia demo: full years 2020–2024, 2024 Q1–Q3, 2025 Q1–Q3 (as of 2025 Q3).
const manifest = { asOf: { year: 2025, quarter: 3 }, years: [2020, 2021, 2022, 2023, 2024, 2025] };
const periods = new Set(['2020|4', '2021|4', '2022|4', '2023|4', '2024|1', '2024|2', '2024|3', '2024|4', '2025|1', '2025|2', '2025|3']);
const has: HasPeriod = (y, q) => periods.has(`${y}|${q}`);

describe('period of a view', () => {
  it('defaults to the latest full year, not the partial as-of year', () => {
    expect(resolvePeriod({ year: null, quarter: null }, manifest, has)).toEqual({ year: 2024, quarter: 4, yearToDate: false });
  });

  it('shows the as-of year as year to date at the as-of quarter', () => {
    expect(resolvePeriod({ year: 2025, quarter: null }, manifest, has)).toEqual({ year: 2025, quarter: 3, yearToDate: true });
  });

  it('honours a requested quarter that has data and ignores one that has not', () => {
    expect(resolvePeriod({ year: 2024, quarter: 2 }, manifest, has)).toEqual({ year: 2024, quarter: 2, yearToDate: true });
    expect(resolvePeriod({ year: 2023, quarter: 2 }, manifest, has)).toEqual({ year: 2023, quarter: 4, yearToDate: false });
  });

  it('falls back to the default for a year outside the dataset', () => {
    expect(resolvePeriod({ year: 2019, quarter: 4 }, manifest, has)).toEqual({ year: 2024, quarter: 4, yearToDate: false });
  });

  it('falls back to the latest partial year when no year is complete', () => {
    const only = (y: number, q: number) => y === 2025 && q <= 2;
    expect(resolvePeriod({ year: null, quarter: null }, { asOf: { year: 2025, quarter: 2 }, years: [2025] }, only)).toEqual({
      year: 2025,
      quarter: 2,
      yearToDate: true,
    });
  });

  it('is null for a dataset without data', () => {
    expect(resolvePeriod({ year: null, quarter: null }, manifest, () => false)).toBeNull();
  });

  it('lists selectable years with the quarter each stands for', () => {
    expect(selectableYears(manifest, has).map((y) => `${y.year}Q${y.quarter}`)).toEqual(['2020Q4', '2021Q4', '2022Q4', '2023Q4', '2024Q4', '2025Q3']);
    expect(defaultQuarter(2026, manifest, has)).toBeNull();
  });
});

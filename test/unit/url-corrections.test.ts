import { describe, expect, it } from 'vitest';
import { correctPeriodAndPlan } from '../../src/state/url-corrections';

// A dataset with 2022–2024 full years and 2025 up to Q2 (as of 2025 Q2).
const manifest = { years: [2022, 2023, 2024, 2025], asOf: { year: 2025, quarter: 2 } };
const has = (y: number, q: number) => (y >= 2022 && y <= 2024) || (y === 2025 && q <= 2);
const plans = ['ningxia-2024'];

describe('what the URL asks for, corrected against the dataset', () => {
  it('leaves a view the dataset has alone', () => {
    expect(correctPeriodAndPlan({ year: 2023, quarter: null, plan: 'ningxia-2024' }, manifest, has, plans)).toEqual({ patch: {}, notices: [] });
    expect(correctPeriodAndPlan({ year: 2025, quarter: 2, plan: null }, manifest, has, plans)).toEqual({ patch: {}, notices: [] });
  });

  it('drops a year without data, saying which period is shown instead', () => {
    expect(correctPeriodAndPlan({ year: 1999, quarter: null, plan: null }, manifest, has, plans)).toEqual({
      patch: { year: null, quarter: null },
      notices: [{ kind: 'no-period', year: 1999, quarter: null, shown: { year: 2024, quarter: 4, yearToDate: false } }],
    });
  });

  it('drops a quarter the year lacks, keeping the year', () => {
    expect(correctPeriodAndPlan({ year: 2025, quarter: 4, plan: null }, manifest, has, plans)).toEqual({
      patch: { quarter: null },
      notices: [{ kind: 'no-period', year: 2025, quarter: 4, shown: { year: 2025, quarter: 2, yearToDate: true } }],
    });
  });

  it('drops a quarter without a year silently (the screen ignores it)', () => {
    expect(correctPeriodAndPlan({ year: null, quarter: 3, plan: null }, manifest, has, plans)).toEqual({ patch: { quarter: null }, notices: [] });
  });

  it('drops a plan the dataset does not name', () => {
    expect(correctPeriodAndPlan({ year: null, quarter: null, plan: 'jiangxi-2023' }, manifest, has, plans)).toEqual({
      patch: { plan: null },
      notices: [{ kind: 'no-plan', plan: 'jiangxi-2023', shown: 'ningxia-2024' }],
    });
  });
});

/**
 * Fixed per-capita income lines that plans measure households against (the yearly monitoring
 * line is data: reference series `monitoring_line`). Shown as marks on the income distribution.
 */
export interface IncomeLine {
  id: 'floor_10000' | 'low_income_12000';
  /** Yuan per person per year. */
  value: number;
  source: string;
}

export const INCOME_LINES: readonly IncomeLine[] = [
  // seed 003 §一(二): by end of 2025 every 脱贫人口 (except no-labour / safety-net households) above 10,000 yuan.
  { id: 'floor_10000', value: 10000, source: '003_1d14e739c7d202e0.txt §一(二)' },
  // seed 004 §二(一)4 (强化到人到户帮扶措施): the low-income group (低收入组) is per-capita net income below 12,000 yuan with income not rising.
  { id: 'low_income_12000', value: 12000, source: '004_27a939b436fbdcb9.txt §二(一)4' },
];

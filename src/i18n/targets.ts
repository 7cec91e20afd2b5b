import type { Status, ValueUnit } from '../targets/types';
import type { Lang } from './index';
import { formatGrowth, formatInteger, formatPercent } from './format';

/** UI text of the target scorecard and the target-status map, per language. */
export interface TargetMessages {
  scorecard: string;
  plan: string;
  target: string;
  actual: string;
  goal: string;
  gap: string;
  status: string;
  projectedMark: string;
  projectedNote: string;
  statusName: Record<Status, string>;
  engineStarting: string;
  evaluating: string;
  noTargets: string;
  failed: (message: string) => string;
  sourceLine: (source: string) => string;
  scaled: (scale: string, planValue: string) => string;
  referenceExtrapolated: string;
  belowCount: (count: string, share: string) => string;
}

export const TARGET_MESSAGES: Record<Lang, TargetMessages> = {
  zh: {
    scorecard: '目标完成情况',
    plan: '方案',
    target: '目标',
    actual: '实际',
    goal: '目标值',
    gap: '差距',
    status: '状态',
    projectedMark: '（预计）',
    projectedNote: '标“预计”的数值按前几年同期占全年的比例由年初至今数据推算全年。',
    statusName: { met: '已完成', on_track: '进度正常', at_risk: '有风险', missed: '未完成', no_data: '无数据' },
    engineStarting: '数据引擎启动中，目标评估稍后显示……',
    evaluating: '正在评估目标……',
    noTargets: '本年度没有适用于该地区的目标。',
    failed: (m) => `目标评估失败：${m}`,
    sourceLine: (s) => `出处：${s}`,
    scaled: (scale, v) => `演示数据按 ${scale} 比例生成，方案目标 ${v} 已按比例折算`,
    referenceExtrapolated: '参考值尚未公布，按上年增速外推',
    belowCount: (c, s) => `低于标准 ${c} 户（${s}）`,
  },
  en: {
    scorecard: 'Targets',
    plan: 'Plan',
    target: 'Target',
    actual: 'Actual',
    goal: 'Target value',
    gap: 'Gap',
    status: 'Status',
    projectedMark: ' (projected)',
    projectedNote: 'Values marked projected are full-year projections from the year-to-date quarters, using the share of the year those quarters brought in earlier years.',
    statusName: { met: 'Met', on_track: 'On track', at_risk: 'At risk', missed: 'Missed', no_data: 'No data' },
    engineStarting: 'The data engine is starting; targets follow shortly…',
    evaluating: 'Evaluating targets…',
    noTargets: 'No target of the plan applies to this unit in this year.',
    failed: (m) => `Evaluating the targets failed: ${m}`,
    sourceLine: (s) => `Source: ${s}`,
    scaled: (scale, v) => `Demo generated at scale ${scale}: the plan's ${v} is scaled accordingly`,
    referenceExtrapolated: 'Reference not yet published: extrapolated by its last growth',
    belowCount: (c, s) => `${c} households below the line (${s})`,
  },
};

/** A target value in its unit: yuan and counts whole, rates signed, shares as percent, ratios to three places. */
export function formatTargetValue(x: number | null, unit: ValueUnit, lang: Lang): string {
  if (x === null) return '—';
  switch (unit) {
    case 'rate':
      return formatGrowth(x, lang);
    case 'share':
      return formatPercent(x, lang);
    case 'ratio':
      return Number.isFinite(x) ? x.toFixed(3) : '—';
    default:
      return formatInteger(x, lang);
  }
}

/** A gap: rates and shares in percentage points, others in their unit, always signed. */
export function formatGap(x: number | null, unit: ValueUnit, lang: Lang): string {
  if (x === null || !Number.isFinite(x)) return '—';
  const a = Math.abs(x);
  const digits = unit === 'rate' || unit === 'share' ? (a * 100).toFixed(1) : unit === 'ratio' ? a.toFixed(3) : formatInteger(a, lang);
  // U+2212 for a negative gap; none for one that prints as zero (−0.0001 is "0.0", not "−0.0").
  const sign = /^[0.,]*$/.test(digits) ? '' : x > 0 ? '+' : '\u2212';
  if (unit === 'rate' || unit === 'share') return `${sign}${digits}${lang === 'zh' ? '个百分点' : ' pts'}`;
  return `${sign}${digits}`;
}

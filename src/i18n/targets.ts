import { baseDecimals, shownScale } from '../targets/display-precision';
import type { Basis, Population, Status, ValueUnit } from '../targets/types';
import { LOCALES, type Lang } from './index';

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
  /** Column header: who a row is evaluated on. */
  population: string;
  /** Short name of each population id (src/targets/types.ts `Population`). */
  populationName: Record<Population, string>;
  /** Column header: what a row rests on. */
  basis: string;
  /** Short tag of each basis (src/targets/types.ts `Basis`); empty for the plain cases, which need no tag. */
  basisName: Record<Basis, string>;
  /** Longer explanation of each basis, for the hover text and the note under the table. */
  basisNote: Record<Basis, string>;
  /** The reference series a row compares with, for the hover text. */
  referenceSeriesLine: (series: string) => string;
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
    population: '对象',
    populationName: {
      tuopin: '脱贫人口',
      all: '脱贫人口和监测对象',
      monitored: '监测对象',
      relocated: '易地搬迁户',
      with_labour: '有劳动力户',
      relocated_with_labour: '有劳动力的搬迁户',
      low_income_group: '低收入组',
      villages: '行政村',
      key_villages: '重点帮扶村',
    },
    basis: '依据',
    basisName: {
      data: '',
      published: '',
      estimate: '估计值',
      projected_reference: '外推参考值',
      missing_reference: '缺参考值',
      missing_data: '缺数据',
      not_evaluable: '数据集不含',
    },
    basisNote: {
      data: '按数据集本身的数值与方案目标值比较。',
      published: '参考值为公开发布的数值。',
      estimate: '比较所用的参考值含示意性或未经核实的估计值，结论仅供参考。',
      projected_reference: '参考值尚未公布，按上年增速外推。',
      missing_reference: '缺少所需参考序列在该年的数值，无法评估（不以其他序列代替）。',
      missing_data: '数据集中没有该年或该类户的数据，无法评估。',
      not_evaluable: '评估所需的数据不在数据集中。',
    },
    referenceSeriesLine: (s) => `参考序列：${s}`,
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
    population: 'Counted',
    populationName: {
      tuopin: 'Lifted out of poverty',
      all: 'Lifted out of poverty + monitored',
      monitored: 'Monitored',
      relocated: 'Relocated',
      with_labour: 'With labour',
      relocated_with_labour: 'Relocated, with labour',
      low_income_group: 'Low-income group',
      villages: 'Villages',
      key_villages: 'Key villages',
    },
    basis: 'Basis',
    basisName: {
      data: '',
      published: '',
      estimate: 'Estimate',
      projected_reference: 'Extrapolated reference',
      missing_reference: 'Missing reference',
      missing_data: 'Missing data',
      not_evaluable: 'Not in dataset',
    },
    basisNote: {
      data: "Compares the dataset's own figures with the plan's value.",
      published: 'The reference values are published figures.',
      estimate: 'The comparison uses an illustrative or unverified reference value (an estimate): read the status with care.',
      projected_reference: 'Reference not yet published: extrapolated by its last growth.',
      missing_reference: 'The reference series this target compares with has no value for the year, so it cannot be evaluated (no other series stands in).',
      missing_data: 'The dataset holds no figures for this year or these households.',
      not_evaluable: 'The data this target needs is not in the dataset.',
    },
    referenceSeriesLine: (s) => `Reference series: ${s}`,
  },
};

const formats = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, decimals: number, signed: boolean): Intl.NumberFormat {
  const key = `${lang}|${decimals}|${signed}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], {
      minimumFractionDigits: decimals, maximumFractionDigits: decimals, signDisplay: signed ? 'exceptZero' : 'auto',
    });
    formats.set(key, f);
  }
  return f;
}

/**
 * A target value in its unit: yuan and counts whole, rates signed, shares as percent, ratios to
 * three places — or with `decimals` (in the unit shown; `rowDecimals` of src/targets/display-precision.ts)
 * so a row's actual, target and gap agree.
 */
export function formatTargetValue(x: number | null, unit: ValueUnit, lang: Lang, decimals = baseDecimals(unit)): string {
  if (x === null || !Number.isFinite(x)) return '—';
  // Intl writes a hyphen-minus: the screen's one minus sign is U+2212 (src/i18n/format.ts).
  // A value that rounds to zero shows no sign.
  const raw = nf(lang, decimals, unit === 'rate').format(x * shownScale(unit));
  const shown = /^[-+]?[0.,]+$/.test(raw) ? raw.replace(/^[-+]/, '') : raw.replace('-', '\u2212');
  return unit === 'rate' || unit === 'share' ? `${shown}%` : shown;
}

/** A gap: rates and shares in percentage points, others in their unit, always signed; `decimals` as above. */
export function formatGap(x: number | null, unit: ValueUnit, lang: Lang, decimals = baseDecimals(unit)): string {
  if (x === null || !Number.isFinite(x)) return '—';
  const f = nf(lang, decimals, false);
  const a = f.format(Math.abs(x * shownScale(unit)));
  // A gap that rounds to zero at these decimals shows no sign.
  const sign = Number(a.replace(/[^0-9.]/g, '')) === 0 ? '' : x > 0 ? '+' : '−';
  if (unit === 'rate' || unit === 'share') return `${sign}${a}${lang === 'zh' ? '个百分点' : ' pts'}`;
  return `${sign}${a}`;
}

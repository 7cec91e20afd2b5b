import type { FlagCode, IntegrityFlag } from '../integrity/types';
import { formatGrowth, formatInteger, formatPercent } from './format';
import type { Lang } from './index';

/** UI text of the integrity checks (数据质量 panel, map layer, `npm run integrity --format table`), per language. */
export interface IntegrityMessages {
  title: string;
  subtitle: (unit: string, year: number) => string;
  intro: string;
  flagName: Record<FlagCode, string>;
  /** What each flag's statistic is, for the column header's tooltip and the table. */
  statisticName: Record<FlagCode, string>;
  level: { village: string; household: string };
  columns: { village: string; flag: string; statistic: string; threshold: string };
  summary: (flags: number, villages: number) => string;
  thresholdValue: (value: string) => string;
  householdsValue: (count: string, n: number) => string;
  none: string;
  computing: string;
  failed: (message: string) => string;
  layer: string;
  layerLegend: string;
  notChecked: { components: string; persons: string };
  more: (n: number) => string;
  noFullYear: (year: number) => string;
  detail: (f: IntegrityFlag, lang: Lang) => string;
  /** A flag's statistic and threshold as printed (shares as percentages, E as a number). */
  value: (flag: FlagCode, x: number, lang: Lang) => string;
}

const isShare = (flag: FlagCode) => flag !== 'implausible_jump';

function value(flag: FlagCode, x: number, lang: Lang): string {
  if (isShare(flag)) return formatPercent(x, lang);
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(x);
}

const num = (x: number | string | undefined, lang: Lang) => formatInteger(typeof x === 'number' ? x : Number(x), lang);

function lineSourceZh(source: string): string {
  if (source === 'monitoring_line') return '防止返贫监测收入线';
  if (source === '--lines') return '指定收入线';
  return `规划底线 ${source.replace(/^plan:/, '')}`;
}

function lineSourceEn(source: string): string {
  if (source === 'monitoring_line') return 'monitoring income line';
  if (source === '--lines') return 'line given';
  return `plan floor ${source.replace(/^plan:/, '')}`;
}

function detailZh(f: IntegrityFlag, lang: Lang): string {
  const d = f.detail;
  switch (f.flag) {
    case 'identical_growth':
      return d.measure === 'per_capita_rate'
        ? `${f.households} / ${num(d.compared, lang)} 户人均纯收入增长率同为 ${formatGrowth(Number(d.value), lang)}`
        : `${f.households} / ${num(d.compared, lang)} 户${d.measure === 'household_increase' ? '家庭纯收入' : '人均纯收入'}同样增加 ${num(d.value, lang)} 元`;
    case 'bunching':
      return `${lineSourceZh(String(d.source))} ${num(d.line, lang)} 元：线上5%以内 ${d.above} 户，线下5%以内 ${d.below} 户`;
    case 'implausible_jump':
      return `人均纯收入 ${num(d.prev, lang)} → ${num(d.cur, lang)} 元（${Number(d.ratio).toFixed(2)} 倍，同组中位数 ${Number(d.medianRatio).toFixed(2)} 倍，${d.peerGroup === 'village' ? '本村' : d.peerGroup === 'township' ? '本乡镇' : '本县'} ${d.peers} 户）`;
    case 'components_mismatch':
      return `第${d.quarter}季度：填报总额 ${num(d.stated, lang)} 元，四项合计 ${num(d.sum, lang)} 元`;
    case 'round_numbers':
      return `${d.round} / ${d.values} 个工资性、经营性收入为 ${d.unit} 的整倍数`;
    case 'persons_change':
      return `家庭人口 ${d.from} → ${d.to} 人，家庭纯收入 ${num(d.prevNet, lang)} → ${num(d.net, lang)} 元`;
  }
}

function detailEn(f: IntegrityFlag, lang: Lang): string {
  const d = f.detail;
  switch (f.flag) {
    case 'identical_growth':
      return d.measure === 'per_capita_rate'
        ? `${f.households} of ${num(d.compared, lang)} households: per-capita income growth ${formatGrowth(Number(d.value), lang)} each`
        : `${f.households} of ${num(d.compared, lang)} households: ${d.measure === 'household_increase' ? 'household' : 'per-capita'} net income up ${num(d.value, lang)} yuan each`;
    case 'bunching':
      return `${lineSourceEn(String(d.source))} ${num(d.line, lang)} yuan: ${d.above} households within 5% above, ${d.below} within 5% below`;
    case 'implausible_jump':
      return `per-capita income ${num(d.prev, lang)} → ${num(d.cur, lang)} yuan (×${Number(d.ratio).toFixed(2)}; peers' median ×${Number(d.medianRatio).toFixed(2)}, ${d.peers} households of the ${d.peerGroup})`;
    case 'components_mismatch':
      return `Q${d.quarter}: stated total ${num(d.stated, lang)} yuan, four components add up to ${num(d.sum, lang)} yuan`;
    case 'round_numbers':
      return `${d.round} of ${d.values} wage and operating figures are multiples of ${d.unit}`;
    case 'persons_change':
      return `persons ${d.from} → ${d.to}, household net income ${num(d.prevNet, lang)} → ${num(d.net, lang)} yuan`;
  }
}

export const INTEGRITY_MESSAGES: Record<Lang, IntegrityMessages> = {
  zh: {
    title: '数据质量',
    subtitle: (unit, year) => `${unit} · ${year}年全年与上年比较`,
    intro: '可能的“数字增收”：以下情况只是提示，需要核实，不是错误。',
    flagName: {
      identical_growth: '全村增长雷同',
      bunching: '收入扎堆线上',
      implausible_jump: '收入异常跳升',
      components_mismatch: '分项与总额不符',
      round_numbers: '整数堆积',
      persons_change: '人口变动存疑',
    },
    statisticName: {
      identical_growth: '增长相同的户占比',
      bunching: '收入线两侧5%内线上户占比',
      implausible_jump: 'HB检验统计量 E',
      components_mismatch: '四项合计与填报总额的相对差',
      round_numbers: '整百数占比',
      persons_change: '人口减少带来的人均增幅',
    },
    level: { village: '村', household: '户' },
    columns: { village: '村', flag: '提示', statistic: '统计量', threshold: '阈值' },
    summary: (flags, villages) => `${flags} 条提示，涉及 ${villages} 个村`,
    thresholdValue: (v) => `阈值 ${v}`,
    householdsValue: (c) => `涉及 ${c} 户`,
    none: '未发现可疑情况。',
    computing: '正在检查…',
    failed: (m) => `检查失败：${m}`,
    layer: '地图显示提示村',
    layerLegend: '每村提示数',
    notChecked: {
      components: '数据未含填报总额（家庭纯收入），未检查分项与总额是否相符。',
      persons: '数据未含各期家庭人口，未检查人口变动。',
    },
    more: (n) => `另有 ${n} 条未列出`,
    noFullYear: (year) => `数据中没有${year - 1}年全年数据：增长雷同、收入跳升和人口变动未检查。`,
    detail: detailZh,
    value,
  },
  en: {
    title: 'Data quality',
    subtitle: (unit, year) => `${unit} · full year ${year} against the year before`,
    intro: 'Possible paper income growth (数字增收): warnings to look into, not errors.',
    flagName: {
      identical_growth: 'Identical growth',
      bunching: 'Bunching above a line',
      implausible_jump: 'Implausible jump',
      components_mismatch: 'Components do not add up',
      round_numbers: 'Round-number heaping',
      persons_change: 'Persons change',
    },
    statisticName: {
      identical_growth: 'share of households with the same growth',
      bunching: 'share above the line within ±5% of it',
      implausible_jump: 'Hidiroglou–Berthelot statistic E',
      components_mismatch: 'relative gap between components and stated total',
      round_numbers: 'share of round hundreds',
      persons_change: 'per-capita rise from fewer persons',
    },
    level: { village: 'village', household: 'household' },
    columns: { village: 'Village', flag: 'Flag', statistic: 'Statistic', threshold: 'threshold' },
    summary: (flags, villages) => `${flags} ${flags === 1 ? 'flag' : 'flags'} in ${villages} ${villages === 1 ? 'village' : 'villages'}`,
    thresholdValue: (v) => `threshold ${v}`,
    householdsValue: (c, n) => `${c} ${n === 1 ? 'household' : 'households'}`,
    none: 'Nothing suspicious found.',
    computing: 'Checking…',
    failed: (m) => `The check failed: ${m}`,
    layer: 'Show flagged villages on the map',
    layerLegend: 'Flags per village',
    notChecked: {
      components: 'The data carries no stated totals (net income): components against total not checked.',
      persons: 'The data carries no persons per period: persons changes not checked.',
    },
    more: (n) => `${n} more not listed`,
    noFullYear: (year) => `The data has no full year ${year - 1}: identical growth, jumps and persons changes not checked.`,
    detail: detailEn,
    value,
  },
};

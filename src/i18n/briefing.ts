import type { StoryProblem } from '../briefing/stories';
import type { Lang } from './index';

/** UI text of the briefing mode, saved views and the kiosk loop, per language. */
export interface BriefingMessages {
  open: string;
  panelTitle: string;
  intro: string;
  save: string;
  titlePlaceholder: string;
  titleLabel: string;
  none: string;
  start: string;
  startKiosk: string;
  startHere: string;
  exportJson: string;
  importJson: string;
  imported: (n: number) => string;
  problem: (p: StoryProblem) => string;
  rename: string;
  remove: (title: string) => string;
  moveUp: (title: string) => string;
  moveDown: (title: string) => string;
  openStory: (title: string) => string;
  close: string;
  exit: string;
  fullScreen: string;
  step: (n: number, total: number) => string;
  keysHelp: string;
  kioskKeys: string;
  previous: string;
  next: string;
  pause: string;
  resume: string;
  kioskProgress: (seconds: number) => string;
  tour: string;
  weakest: string;
  weakestBy: (metric: string) => string;
  noWeakest: string;
  targetLine: (target: string) => string;
  noTarget: string;
  evaluating: string;
  asOf: (period: string) => string;
  synthetic: string;
  provenance: string;
  blank: string;
  storage: string;
  pdf: string;
  packProgress: (done: number, of: number) => string;
  packTimeout: string;
  pdfName: string;
}

const zh: BriefingMessages = {
  open: '简报',
  panelTitle: '简报：保存的视图',
  intro: '把当前视图（数据集、单位、年份、指标、规划、人群、图层、筛选和地图位置）存为一页简报，按顺序全屏播放。',
  save: '保存当前视图',
  titlePlaceholder: '标题（可不填）',
  titleLabel: '视图标题',
  none: '还没有保存的视图。',
  start: '全屏播放简报',
  startKiosk: '循环播放（展示屏）',
  startHere: '以简报样式显示当前视图',
  exportJson: '导出视图（JSON）',
  importJson: '导入视图（JSON）',
  imported: (n) => `已导入 ${n} 个视图。`,
  problem: (p) =>
    p.kind === 'not-json' ? '文件不是 JSON。'
      : p.kind === 'wrong-format' ? '文件不是本看板导出的视图列表。'
      : p.kind === 'too-many' ? `文件有 ${p.count} 个视图，只导入前 200 个。`
      : `第 ${p.index + 1} 个视图缺少标题或地址，已跳过。`,
  rename: '重命名',
  remove: (title) => `删除“${title}”`,
  moveUp: (title) => `上移“${title}”`,
  moveDown: (title) => `下移“${title}”`,
  openStory: (title) => `打开“${title}”`,
  close: '关闭',
  exit: '退出简报',
  fullScreen: '全屏',
  step: (n, total) => `第 ${n} / ${total} 页`,
  keysHelp: '→ / PageDown 下一页 · ← / PageUp 上一页 · F 全屏 · B 黑屏 · Esc 退出',
  kioskKeys: '空格 暂停 · → 下一页 · Esc 退出',
  previous: '上一页',
  next: '下一页',
  pause: '暂停',
  resume: '继续',
  kioskProgress: (s) => `${s} 秒后切换`,
  tour: '各单位轮播',
  weakest: '薄弱单位',
  weakestBy: (metric) => `按${metric}由低到高`,
  noWeakest: '下级单位无可比数据。',
  targetLine: (target) => `目标 ${target}`,
  noTarget: '无对应目标',
  evaluating: '目标评估中…',
  asOf: (period) => `数据截至 ${period}`,
  synthetic: '演示数据为合成数据，不代表任何真实地区或住户。',
  provenance: '来源',
  blank: '黑屏（按任意键恢复）',
  storage: '视图保存在本浏览器中；换电脑请先导出。',
  pdf: '导出简报 PDF',
  packProgress: (done, of) => `正在生成 PDF：${done} / ${of} 页`,
  packTimeout: '有一页两分钟内未能显示完毕，未生成 PDF。',
  pdfName: '简报.pdf',
};

const en: BriefingMessages = {
  open: 'Briefing',
  panelTitle: 'Briefing: saved views',
  intro: 'Save the current view (dataset, unit, year, metric, plan, population, layers, filters and map position) as a briefing page, and present the pages in order full screen.',
  save: 'Save current view',
  titlePlaceholder: 'Title (optional)',
  titleLabel: 'View title',
  none: 'No saved views yet.',
  start: 'Present full screen',
  startKiosk: 'Loop (public screen)',
  startHere: 'Show the current view as a briefing',
  exportJson: 'Export views (JSON)',
  importJson: 'Import views (JSON)',
  imported: (n) => `Imported ${n} view${n === 1 ? '' : 's'}.`,
  problem: (p) =>
    p.kind === 'not-json' ? 'The file is not JSON.'
      : p.kind === 'wrong-format' ? 'The file is not a list of views exported by this dashboard.'
      : p.kind === 'too-many' ? `The file holds ${p.count} views; only the first 200 were imported.`
      : `View ${p.index + 1} has no title or address and was skipped.`,
  rename: 'Rename',
  remove: (title) => `Delete “${title}”`,
  moveUp: (title) => `Move “${title}” up`,
  moveDown: (title) => `Move “${title}” down`,
  openStory: (title) => `Open “${title}”`,
  close: 'Close',
  exit: 'Leave briefing',
  fullScreen: 'Full screen',
  step: (n, total) => `Page ${n} of ${total}`,
  keysHelp: '→ / PageDown next · ← / PageUp previous · F full screen · B blank · Esc leave',
  kioskKeys: 'Space pause · → next · Esc leave',
  previous: 'Previous',
  next: 'Next',
  pause: 'Pause',
  resume: 'Resume',
  kioskProgress: (s) => `Next in ${s} s`,
  tour: 'Tour of the units',
  weakest: 'Weakest units',
  weakestBy: (metric) => `by ${metric}, lowest first`,
  noWeakest: 'No comparable figures for the units below.',
  targetLine: (target) => `Target ${target}`,
  noTarget: 'No matching target',
  evaluating: 'Evaluating targets…',
  asOf: (period) => `Data as of ${period}`,
  synthetic: 'Demo data are synthetic: no real place or household is shown.',
  provenance: 'Source',
  blank: 'Screen blanked (press any key)',
  storage: 'Views are kept in this browser; export them to use another computer.',
  pdf: 'Briefing PDF',
  packProgress: (done, of) => `Making the PDF: page ${done} of ${of}`,
  packTimeout: 'A page was not drawn within two minutes; no PDF was made.',
  pdfName: 'briefing.pdf',
};

export const BRIEFING_MESSAGES: Record<Lang, BriefingMessages> = { zh, en };

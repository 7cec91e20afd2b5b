import type { Messages } from './messages';
import { facilitiesZh } from './facility-messages';
import { populationZh } from './population-messages';
import { panelsZh } from './panels-zh';

/** Chinese (default). */
export const zh: Messages = {
  appTitle: '脱贫人口收入监测',
  syntheticBadge: '合成演示数据 / Synthetic demo data',
  provenanceHeading: '数据来源',
  languageGroup: '界面语言 Language',

  kpiGroup: '主要指标',
  perCapita: '人均纯收入',
  growth: '增速',
  households: '户数',
  persons: '人数',
  monitored: '监测对象',
  unitYuan: '元',
  unitHouseholds: '户',
  unitPersons: '人',
  growthBasis: '比上年同期',
  monitoredShare: (share) => `占总户数 ${share}`,

  fullYear: (year) => `${year}年`,
  // 统计公报的叫法：一季度、上半年、前三季度。
  yearToDate: (year, quarter) => `${year}年${['一季度', '上半年', '前三季度'][quarter - 1] ?? `1—${quarter}季度`}`,
  ytdTag: '年初至今',
  withYtd: (period) => `${period}（年初至今）`,

  controlsGroup: '地图设置',
  year: '年份',
  metric: '指标',
  metricIncome: '人均纯收入',
  metricGrowth: '增速',
  metricGap: '目标差距',
  metricStatus: '目标状态',
  mapTarget: '目标',
  mapTargetsEvaluating: '正在评估各地区目标…',
  mapTargetsNone: '方案中没有可在本级地区评估的目标',
  legendUnitTarget: '差距（实际 − 目标）',
  legendCentreTarget: '以目标值为中点：蓝绿为超过，棕色为差距',
  breaks: '分级方法',
  quantile: '分位数',
  jenks: '自然断点',

  legendTitle: (metric, period) => `${metric} · ${period}`,
  legendUnitYuan: '单位：元',
  legendUnitPercent: '单位：%',
  legendCentre: (value) => `色带中点：全区增速 ${value}`,
  legendCount: (n) => `${n}个`,
  noData: '无数据',
  backToRoot: (name) => `返回${name}`,
  noDataOrNotApplicable: '无数据或目标不适用',

  mapLabel: (unit, level, metric, period) => `${unit}各${level}${metric}分级设色地图，${period}`,
  tableCaption: (unit, level, period) => `${unit}各${level}指标，${period}`,
  levelNames: { 1: '省（区）', 2: '市', 3: '县（市、区）', 4: '乡镇', 5: '村' },

  breadcrumbLabel: '当前位置',
  rankingTitle: (level) => `各${level}排名`,
  rankingSiblingsTitle: (township) => `${township}各村`,
  rankingHint: '点击一行或按回车进入下一级',
  rankingRank: '序',
  rankingName: '名称',
  sortBy: (column) => `按${column}排序`,
  drillInto: (name) => `进入${name}`,
  current: '当前',
  loadingUnit: '正在加载…',
  panelsLoading: '正在加载分析面板…',
  panelsFailed: (message) => `分析面板未能加载：${message}。地图、指标和排名仍可使用。`,
  reloadPage: '重新加载页面',

  regionSwitcher: '数据区域',
  regionUnavailable: (command) => `（未生成：${command}）`,
  regionCustom: (path) => `其他数据：${path}`,

  filtered: '已筛选',
  filterRunning: '正在按筛选条件计算…',
  filterFailed: (message) => `筛选计算失败：${message}`,
  clearFilter: '清除筛选',

  play: '播放',
  pause: '暂停',

  householdSlotTitle: '本村概况',

  loadingTitle: '正在加载数据',
  stepManifest: '数据清单',
  stepBoundaries: '区划边界',
  stepCountyAgg: '分区汇总',
  stepRootAgg: '全区汇总',
  stepWaiting: '等待中',
  stepDone: '完成',

  errorTitle: '数据加载失败',
  errorStep: '失败环节',
  errorUrl: '地址',
  errorDetail: '详细信息',
  retry: '重试',

  engineStatus: (text) => `分析引擎：${text}`,
  enginePhaseEngine: '启动中',
  enginePhaseHouseholds: '加载户数据',
  enginePhaseIncome: '加载收入数据',
  enginePhaseTables: '加载区划、参考值与设施',
  engineReady: '已就绪',
  engineReadyPartitioned: '已就绪 · 户级数据按县分区，进入县时加载',
  engineFailed: (message) => `暂不可用（${message}），地图与指标不受影响`,
  engineIdle: '待启动',
  engineVerifying: '正在用户数据核对分区汇总…',
  engineVerified: (rows) => `已就绪 · 分区汇总已与 ${rows} 条收入记录核对一致`,
  engineMismatch: (count) => `分区汇总与户数据不一致（${count} 处），请检查数据`,

  population: populationZh,
  facilities: facilitiesZh,
  // -- Layout and keyboard (issue 15) --
  metricShort: { income: '人均纯收入', growth: '增速', gap: '目标差距', status: '目标状态' },
  rankingKeysHint: '上下方向键在各行间移动',

  panels: panelsZh,

  // ---- Bad URLs and datasets that cannot be opened (issue 15 item 5) ----
  loadErrorTitle: (dataset) => `无法打开数据集：${dataset}`,
  loadProblem: {
    'not-found': (path) => `${path} 处没有数据集：服务器上找不到数据清单 manifest.json（可能是数据集编号或路径写错了，或数据尚未生成）。`,
    'bad-manifest': (path) => `${path} 的 manifest.json 不是本系统的数据清单（缺少必需的内容）。`,
    'missing-file': (path, file) => `数据集 ${path} 不完整：缺少文件 ${file}。`,
    'not-json': (_path, file) => `文件 ${file} 已损坏或格式不对，无法读取。`,
    server: (_path, file, status) => `服务器未能提供文件 ${file}（HTTP ${status}），请稍后重试。`,
    network: (_path, file) => `无法连接服务器，未能读取 ${file}。请检查网络后重试。`,
    other: (path) => `打开数据集 ${path} 时出错。`,
  },
  loadErrorDatasets: '可以打开的演示数据集：',
  loadErrorTechnical: '技术细节',
  noticesLabel: '提示',
  dismissNotice: '关闭提示',
  noticeNoUnit: (code) => `本数据集中没有这个地区：${code}`,
  noticeShowingInstead: (name) => `现显示${name}。`,
  noticeNoPeriod: (asked, shown) => `本数据集没有${asked}的数据，现显示${shown}。`,
  noticeNoPlan: (plan, shown) => `本数据集没有方案 ${plan}${shown ? `，现按方案 ${shown} 评估` : ''}。`,
  noticeNoTarget: (target) => `方案中没有目标 ${target}，现显示默认目标。`,
  noticeBadDataset: (value) => `不能打开这个数据集地址：${value}（只接受数据集编号或本站的相对路径），现显示默认数据集。`,
};

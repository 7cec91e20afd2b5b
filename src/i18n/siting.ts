import type { SitingPopulation } from '../siting/demand';
import type { Lang } from './index';

/** UI text of the siting view (选址分析), per language. */
export interface SitingMessages {
  open: string;
  close: string;
  title: string;
  subtitle: (scope: string, year: number) => string;
  yearNote: (shown: number, used: number) => string;
  kind: string;
  kindName: Record<string, string>;
  population: string;
  populationName: Record<SitingPopulation, string>;
  populationHelp: Record<SitingPopulation, string>;
  radius: string;
  km: string;
  weightMonitored: string;
  candidates: string;
  place: string;
  placing: string;
  searchVillage: string;
  searchPlaceholder: string;
  noMatch: string;
  add: string;
  remove: (name: string) => string;
  maxCandidates: (n: number) => string;
  noCandidates: string;
  placeAt: (lon: string, lat: string) => string;
  together: string;
  within: string;
  already: string;
  marginal: string;
  catchmentCaption: (kind: string) => string;
  rows: { villages: string; households: string; persons: string; labour: string; relocated: string; monitored: string };
  suggest: string;
  k: string;
  greedy: string;
  exact: string;
  running: string;
  stop: string;
  solving: (seconds: string, incumbent: string, bound: string) => string;
  stopped: string;
  optimal: string;
  notOptimal: (bound: string, gap: string) => string;
  greedyBound: (bound: string) => string;
  demand: (total: string, existing: string, kind: string) => string;
  coveredNew: (covered: string, n: number) => string;
  weighted: (total: string, covered: string) => string;
  rank: string;
  village: string;
  gain: string;
  cumulative: string;
  curveTitle: string;
  curveAxisK: string;
  curveAxisCovered: string;
  curveExact: string;
  exportCsv: string;
  exportGeoJson: string;
  failed: (message: string) => string;
  loading: string;
  partitioned: string;
  unplaced: (n: string) => string;
}

const KINDS_ZH: Record<string, string> = {
  industry_base: '产业基地',
  workshop: '帮扶车间',
  pv_station: '光伏电站',
  industrial_park: '产业园区',
  coop: '合作社',
  relocation_site: '安置点',
};
const KINDS_EN: Record<string, string> = {
  industry_base: 'industry bases',
  workshop: 'assistance workshops',
  pv_station: 'PV stations',
  industrial_park: 'industrial parks',
  coop: 'co-operatives',
  relocation_site: 'relocation sites',
};

export const SITING_MESSAGES: Record<Lang, SitingMessages> = {
  zh: {
    open: '选址分析',
    close: '关闭选址分析',
    title: '选址分析',
    subtitle: (scope, year) => `${scope} · ${year}年 · 村中心点之间的大圆距离`,
    yearNote: (shown, used) => `${shown}年尚无全年数据，选址按${used}年全年收入计算`,
    kind: '设施类型',
    kindName: KINDS_ZH,
    population: '服务对象',
    populationName: { low_income_labour: '有劳动力的低收入户', monitoring_labour: '有劳动力的监测对象', zero_employment: '有劳动力但无人务工', labour: '有劳动力的户' },
    populationHelp: {
      low_income_labour: '有劳动力，全年人均纯收入低于1.2万元且不高于上年（低收入组）',
      monitoring_labour: '有劳动力的防止返贫监测对象',
      zero_employment: '有劳动力，全年无人务工',
      labour: '有劳动力的全部户',
    },
    radius: '服务半径',
    km: '公里',
    weightMonitored: '监测对象按2倍计',
    candidates: '候选点',
    place: '在地图上点选',
    placing: '点击地图放置候选点（Esc 取消）',
    searchVillage: '按村名查找',
    searchPlaceholder: '输入村名…',
    noMatch: '没有匹配的村',
    add: '加入',
    remove: (name) => `移除 ${name}`,
    maxCandidates: (n) => `最多 ${n} 个候选点`,
    noCandidates: '尚无候选点：在地图上点选，或按村名查找。',
    placeAt: (lon, lat) => `东经${lon}° 北纬${lat}°`,
    together: '合计',
    within: '范围内',
    already: '已被现有设施覆盖',
    marginal: '新增覆盖',
    catchmentCaption: (kind) => `半径内合计；“+”为现有${kind}尚未覆盖、由候选点新增的部分`,
    rows: { villages: '村数', households: '户数', persons: '人口', labour: '劳动力', relocated: '搬迁户', monitored: '监测对象户' },
    suggest: '推荐选址',
    k: '选址数',
    greedy: '贪心（即时）',
    exact: '精确求解',
    running: '求解中…',
    stop: '停止',
    solving: (s, inc, b) => `已用 ${s} 秒 · 当前最好 ${inc} · 上界 ${b}`,
    stopped: '已停止：显示贪心结果',
    optimal: '已证明最优',
    notOptimal: (b, g) => `未证明最优：上界 ${b}，差距 ${g}`,
    greedyBound: (b) => `贪心结果；最优值不超过 ${b}`,
    demand: (total, existing, kind) => `需求 ${total} 户，其中 ${existing} 户已在现有${kind}服务半径内`,
    coveredNew: (c, n) => `${n} 个新选址新增覆盖 ${c} 户`,
    weighted: (t, c) => `加权：需求 ${t}，新增 ${c}`,
    rank: '序',
    village: '村',
    gain: '新增户数',
    cumulative: '累计',
    curveTitle: '覆盖曲线（贪心）',
    curveAxisK: '选址数',
    curveAxisCovered: '新增覆盖户数',
    curveExact: '精确最优',
    exportCsv: '导出 CSV',
    exportGeoJson: '导出 GeoJSON',
    failed: (m) => `选址计算失败：${m}`,
    loading: '正在读取各村需求…',
    partitioned: '此数据集按县分块：请先下钻到一个县再做选址分析。',
    unplaced: (n) => `${n} 户所在村没有中心点坐标，未计入`,
  },
  en: {
    open: 'Site selection',
    close: 'Close site selection',
    title: 'Site selection',
    subtitle: (scope, year) => `${scope} · ${year} · great-circle distance between village centres`,
    yearNote: (shown, used) => `${shown} has no full-year figures yet; sites use ${used}'s full-year income`,
    kind: 'Facility kind',
    kindName: KINDS_EN,
    population: 'Households to reach',
    populationName: { low_income_labour: 'Low-income with labour', monitoring_labour: 'Monitoring objects with labour', zero_employment: 'Labour, no one employed', labour: 'Households with labour' },
    populationHelp: {
      low_income_labour: 'Labour, full-year per-capita net income below 12,000 yuan and not above last year (low-income group)',
      monitoring_labour: 'Monitoring objects (at risk of falling back) with labour',
      zero_employment: 'Labour, no one employed in the year',
      labour: 'Every household with labour',
    },
    radius: 'Radius',
    km: 'km',
    weightMonitored: 'Count monitoring objects twice',
    candidates: 'Candidates',
    place: 'Place on the map',
    placing: 'Click the map to place a candidate (Esc cancels)',
    searchVillage: 'Find a village',
    searchPlaceholder: 'Village name…',
    noMatch: 'No village matches',
    add: 'Add',
    remove: (name) => `Remove ${name}`,
    maxCandidates: (n) => `At most ${n} candidates`,
    noCandidates: 'No candidates yet: place one on the map or find a village by name.',
    placeAt: (lon, lat) => `${lon}°E ${lat}°N`,
    together: 'Together',
    within: 'Within',
    already: 'Already covered',
    marginal: 'New',
    catchmentCaption: (kind) => `Within the radius; “+” is what existing ${kind} do not reach yet`,
    rows: { villages: 'Villages', households: 'Households', persons: 'Persons', labour: 'Labour', relocated: 'Relocated households', monitored: 'Monitoring objects' },
    suggest: 'Suggest sites',
    k: 'Sites',
    greedy: 'Greedy (instant)',
    exact: 'Exact (solver)',
    running: 'Solving…',
    stop: 'Stop',
    solving: (s, inc, b) => `${s} s · best so far ${inc} · bound ${b}`,
    stopped: 'Stopped: the greedy answer is shown',
    optimal: 'Proved optimal',
    notOptimal: (b, g) => `Not proved optimal: bound ${b}, gap ${g}`,
    greedyBound: (b) => `Greedy answer; the optimum is at most ${b}`,
    demand: (total, existing, kind) => `Demand ${total} households, ${existing} of them already within the radius of existing ${kind}`,
    coveredNew: (c, n) => `${n} new sites newly cover ${c} households`,
    weighted: (t, c) => `Weighted: demand ${t}, new ${c}`,
    rank: '#',
    village: 'Village',
    gain: 'New households',
    cumulative: 'Cumulative',
    curveTitle: 'Coverage curve (greedy)',
    curveAxisK: 'Sites',
    curveAxisCovered: 'Households newly covered',
    curveExact: 'Exact optimum',
    exportCsv: 'Export CSV',
    exportGeoJson: 'Export GeoJSON',
    failed: (m) => `Site selection failed: ${m}`,
    loading: 'Reading each village’s demand…',
    partitioned: 'This dataset is split by county: open a county first to select sites.',
    unplaced: (n) => `${n} households are in villages without a centre and are not counted`,
  },
};

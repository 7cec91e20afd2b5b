import type { FacilityKind, FacilityStatus } from '../data/queries/facilities';
import type { SitingPopulation } from '../siting/demand';

/** Strings of the facility and demand layers (map controls, legends, tooltip, details card). */
export interface FacilityMessages {
  panelTitle: string;
  kindNames: Record<FacilityKind, string>;
  statusNames: Record<FacilityStatus, string>;
  /** Industry names by the data's word (`goji`, …); unknown words are shown as they are. */
  industryNames: Record<string, string>;
  otherIndustries: string;
  colorBy: string;
  colorByIndustry: string;
  colorByStatus: string;
  demandLayer: string;
  demandPopulation: string;
  populationNames: Record<SitingPopulation, string>;
  /** Legend line of the demand layer: year and what a dot's area means. */
  demandLegend: (year: number) => string;
  demandFilterNote: string;
  households: (n: string) => string;
  loading: string;
  failed: (why: string) => string;
  partitionNote: string;
  /** Legend lines. */
  sizeBy: Record<'relocation_site' | 'workshop', string>;
  employmentShare: string;
  noShare: string;
  clusterNote: string;
  /** "n facilities" of a cluster. */
  clusterCount: (n: string) => string;
  clusterHint: string;
  shownCount: (shown: string, year: number) => string;
  /** Details card. */
  card: {
    close: string;
    kind: string;
    industry: string;
    place: string;
    householdsLinked: string;
    jobs: string;
    openedYear: string;
    status: string;
    relocatedHouseholds: string;
    relocatedPersons: string;
    employedShare: string;
  };
  /** Facts of a unit: facilities of the layers shown. */
  factsTitle: string;
  rankingColumn: string;
  unitHouseholds: string;
  unitPersons: string;
  unitJobs: string;
}

export const facilitiesZh: FacilityMessages = {
  panelTitle: '设施与需求图层',
  kindNames: { relocation_site: '易地搬迁安置点', industry_base: '产业基地', workshop: '帮扶车间', pv_station: '光伏电站', industrial_park: '产业园区', coop: '合作社' },
  statusNames: { normal: '正常运营', upgrade: '提档升级', idle: '盘活闲置', adjust: '调整转型' },
  industryNames: {
    goji: '枸杞', wine: '酿酒葡萄', dairy: '奶牛', beef: '肉牛', tan_sheep: '滩羊', vegetables: '冷凉蔬菜', garment: '服装', handicraft: '手工艺',
    food: '食品加工', electronics: '电子组装', planting: '种植', breeding: '养殖', navel_orange: '脐橙', tea: '茶叶', camellia: '油茶', rice: '优质稻',
    pig: '生猪', fish: '水产', kiwi: '猕猴桃', herbs: '中药材', seed_vegetables: '蔬菜制种', rabbit: '兔', walnut: '核桃', rabdosia: '冬凌草',
    tobacco: '烟叶', grain: '粮食', fruit: '果蔬', pv: '光伏',
  },
  otherIndustries: '其他产业',
  colorBy: '产业基地着色',
  colorByIndustry: '按产业',
  colorByStatus: '按“四个一批”',
  demandLayer: '需求分布（按村）',
  demandPopulation: '需求人群',
  populationNames: {
    low_income_labour: '有劳动力的低收入户',
    monitoring_labour: '有劳动力的监测对象',
    zero_employment: '有劳动力、零就业',
    labour: '有劳动力的户',
  },
  demandLegend: (year) => `${year}年 · 圆点面积与户数成正比`,
  demandFilterNote: '随统计口径与筛选',
  households: (n) => `${n} 户`,
  loading: '正在读取…',
  failed: (why) => `图层无法显示：${why}`,
  partitionNote: '户级数据按县分区：进入一个县后显示需求分布与就业比例',
  sizeBy: { relocation_site: '圆点面积：搬迁人口', workshop: '圆点面积：就业岗位' },
  employmentShare: '有劳动力搬迁户中有人就业的比例',
  noShare: '无有劳动力搬迁户',
  clusterNote: '缩小时相近设施合并为一个圆，面积与设施数成正比',
  clusterCount: (n) => `${n} 个设施`,
  clusterHint: '放大地图查看各设施',
  shownCount: (shown, year) => `${shown} 个（${year}年及以前建成）`,
  card: {
    close: '关闭',
    kind: '类型',
    industry: '产业',
    place: '所在地区',
    householdsLinked: '联农带农户数',
    jobs: '就业岗位',
    openedYear: '建成年份',
    status: '运营状态',
    relocatedHouseholds: '安置搬迁户',
    relocatedPersons: '安置搬迁人口',
    employedShare: '有劳动力搬迁户有人就业',
  },
  factsTitle: '设施（已显示的图层）',
  rankingColumn: '设施',
  unitHouseholds: '户',
  unitPersons: '人',
  unitJobs: '个',
};

export const facilitiesEn: FacilityMessages = {
  panelTitle: 'Facility and demand layers',
  kindNames: { relocation_site: 'Relocation sites', industry_base: 'Industry bases', workshop: 'Assistance workshops', pv_station: 'PV stations', industrial_park: 'Industrial parks', coop: 'Co-operatives' },
  statusNames: { normal: 'Operating normally', upgrade: 'Upgrading', idle: 'Idle, to revive', adjust: 'Adjusting' },
  industryNames: {
    goji: 'Goji', wine: 'Wine grapes', dairy: 'Dairy', beef: 'Beef cattle', tan_sheep: 'Tan sheep', vegetables: 'Cool-climate vegetables', garment: 'Garments',
    handicraft: 'Handicrafts', food: 'Food processing', electronics: 'Electronics assembly', planting: 'Crops', breeding: 'Livestock', navel_orange: 'Navel oranges',
    tea: 'Tea', camellia: 'Oil camellia', rice: 'Quality rice', pig: 'Pigs', fish: 'Aquaculture', kiwi: 'Kiwifruit', herbs: 'Medicinal herbs',
    seed_vegetables: 'Vegetable seed', rabbit: 'Rabbits', walnut: 'Walnuts', rabdosia: 'Rabdosia', tobacco: 'Tobacco', grain: 'Grain', fruit: 'Fruit and vegetables', pv: 'Photovoltaics',
  },
  otherIndustries: 'Other industries',
  colorBy: 'Colour industry bases',
  colorByIndustry: 'by industry',
  colorByStatus: 'by status (four groups)',
  demandLayer: 'Demand by village',
  demandPopulation: 'Population',
  populationNames: {
    low_income_labour: 'Low-income households with labour',
    monitoring_labour: 'Monitored households with labour',
    zero_employment: 'With labour, no one employed',
    labour: 'Households with labour',
  },
  demandLegend: (year) => `${year} · dot area proportional to households`,
  demandFilterNote: 'follows the population and filter',
  households: (n) => `${n} households`,
  loading: 'Loading…',
  failed: (why) => `The layer cannot be shown: ${why}`,
  partitionNote: 'Household data is split by county: open a county to see demand and employment shares',
  sizeBy: { relocation_site: 'Dot area: persons relocated', workshop: 'Dot area: jobs' },
  employmentShare: 'Share of relocated households with labour that have someone employed',
  noShare: 'No relocated households with labour',
  clusterNote: 'Zoomed out, nearby facilities merge into one circle, area proportional to their number',
  clusterCount: (n) => `${n} facilities`,
  clusterHint: 'Zoom in to see each facility',
  shownCount: (shown, year) => `${shown} (opened by ${year})`,
  card: {
    close: 'Close',
    kind: 'Kind',
    industry: 'Industry',
    place: 'Located in',
    householdsLinked: 'Households linked',
    jobs: 'Jobs',
    openedYear: 'Opened',
    status: 'Status',
    relocatedHouseholds: 'Relocated households',
    relocatedPersons: 'Relocated persons',
    employedShare: 'Relocated households with labour, someone employed',
  },
  factsTitle: 'Facilities (layers shown)',
  rankingColumn: 'Facilities',
  unitHouseholds: 'households',
  unitPersons: 'persons',
  unitJobs: 'jobs',
};

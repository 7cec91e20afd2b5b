import type { PopulationId } from '../domain/population';

/** Strings naming the population a figure speaks of, and the year-to-date basis of comparisons. */
export interface PopulationMessages {
  /** Label of the population selector. */
  label: string;
  /** Short name of each population, as figures are titled with it. */
  names: Record<PopulationId, string>;
  /** Marks the dataset plan's own population in the selector. */
  planMark: (name: string) => string;
  /** The KPI title of per-capita income of each population (short enough for one KPI cell). */
  perCapitaOf: Record<PopulationId, string>;
  /** A panel's population line. */
  panelLine: (population: string) => string;
  relocated: string;
  relocatedShare: (share: string) => string;
  /**
   * A year-to-date period compared with annual lines: lines brought to the year-to-date basis
   * (histogram) or incomes projected to the year (ledger), with the factor and the years it pools.
   */
  linesProrated: (factor: string, years: string) => string;
  incomeProjected: (factor: string, years: string) => string;
  /** A year-to-date period for which no earlier year allows a projection. */
  noProjection: string;
  /** The line is brought to the year-to-date basis: "监测线 7,800（折合 5,640）". */
  proratedLine: (label: string, prorated: string) => string;
  /** Legend note of the class basis. */
  classesAllYears: (from: number, to: number) => string;
  classesPerYear: string;
  /** The switch between the two. */
  classesChoice: string;
  classesOptionAllYears: string;
  classesOptionYear: string;
  /** While the reference series load. */
  lineLoading: string;
}

export const populationZh: PopulationMessages = {
  label: '统计口径',
  names: { tuopin: '脱贫人口', monitored: '监测对象', all: '脱贫人口和监测对象' },
  planMark: (name) => `${name}（方案口径）`,
  perCapitaOf: { tuopin: '脱贫人口人均纯收入', monitored: '监测对象人均纯收入', all: '人均纯收入（全部）' },
  panelLine: (population) => `口径：${population}`,
  relocated: '易地搬迁户',
  relocatedShare: (share) => `占本口径户数 ${share}`,
  linesProrated: (factor, years) => `年初至今：收入线按往年同期占全年比例折算（全年 ÷ ${factor}，依据 ${years} 年）`,
  incomeProjected: (factor, years) => `年初至今：收入按往年同期占全年比例推算全年（× ${factor}，依据 ${years} 年）后与全年收入线比较`,
  noProjection: '年初至今：没有可用于推算全年的往年数据，无法与全年收入线比较',
  proratedLine: (label, prorated) => `${label}（折合 ${prorated}）`,
  classesAllYears: (from, to) => `分级按 ${from}—${to} 年全部数据，各年可比`,
  classesPerYear: '分级按当年数据',
  classesChoice: '分级',
  classesOptionAllYears: '各年统一',
  classesOptionYear: '按当年',
  lineLoading: '正在读取本年度监测收入线…',
};

export const populationEn: PopulationMessages = {
  label: 'Population',
  names: { tuopin: 'Lifted out of poverty', monitored: 'Monitoring objects', all: 'Lifted out + monitored' },
  planMark: (name) => `${name} (plan)`,
  perCapitaOf: { tuopin: 'Per capita · lifted out', monitored: 'Per capita · monitored', all: 'Per capita · both groups' },
  panelLine: (population) => `Population: ${population}`,
  relocated: 'Relocated households',
  relocatedShare: (share) => `${share} of these households`,
  linesProrated: (factor, years) => `Year to date: lines scaled to the share of the year the same quarters brought in earlier years (annual ÷ ${factor}; from ${years})`,
  incomeProjected: (factor, years) => `Year to date: income projected to the full year by the same quarters' share in earlier years (× ${factor}; from ${years}) before comparing with the annual line`,
  noProjection: 'Year to date: no earlier year allows a projection, so no comparison with the annual line',
  proratedLine: (label, prorated) => `${label} (≈ ${prorated} to date)`,
  classesAllYears: (from, to) => `Classes over all years ${from}–${to}, comparable across years`,
  classesPerYear: 'Classes of this year only',
  classesChoice: 'Classes',
  classesOptionAllYears: 'All years',
  classesOptionYear: 'This year',
  lineLoading: 'Reading this year’s monitoring income line…',
};

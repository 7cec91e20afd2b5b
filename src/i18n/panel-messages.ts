/**
 * Strings of the analysis panels (`src/ui/panels/`), kept apart from the first screen's so the two
 * grow independently; reached as `t.panels`. Vocabulary values of the data (categories, management
 * classes, decline causes, risks, measures) each have a label here, keyed by the value in the data.
 */
export interface PanelMessages {
  loadingEngine: string;
  loading: string;
  queryFailed: (message: string) => string;
  empty: string;
  yuanPerPerson: string;
  year: string;

  components: { wage: string; operating: string; property: string; transfer: string; net: string };

  compositionTitle: string;
  compositionCaption: (place: string) => string;
  ytdShort: (quarter: number) => string;
  total: string;

  trendTitle: string;
  trendCaption: (place: string) => string;
  trendActual: string;
  projected: string;
  target: string;
  refProvinceRural: string;
  refNationalRural: string;
  refNationalTuopin: string;
  /** National 脱贫县 rural residents' disposable income: a different series from refNationalTuopin. */
  refNationalTuopinCounty: string;
  /** Added to a reference line's label when some of its values are estimates (illustrative / unverified). */
  refEstimateMark: string;

  histogramTitle: string;
  histogramCaption: (place: string, period: string) => string;
  histogramX: string;
  histogramY: string;
  monitoringLine: (value: string) => string;
  floor10000: string;
  lowIncome12000: string;
  brushLabel: string;
  brushFrom: string;
  brushTo: string;
  brushApply: string;
  brushClear: string;
  brushed: (lo: string, hi: string, households: string) => string;
  binLabel: (lo: string, hi: string) => string;
  binOpen: (lo: string) => string;

  changeTitle: string;
  changeCaption: (period: string) => string;
  rising: string;
  flat: string;
  falling: string;
  noComparison: string;
  causesTitle: string;
  causesCaption: string;
  unit: string;
  fallingHouseholds: string;
  filterByCause: (cause: string) => string;
  allUnits: string;

  ledgersTitle: string;
  ledgerNames: { monitoring_range: string; falling: string; relocated: string };
  ledgerSummary: (households: string, persons: string) => string;
  ledgerByUnit: string;
  ledgerStructure: string;
  ledgerNeedsLine: string;
  ledgerFirstRows: (shown: string, total: string) => string;
  exportCsv: string;

  householdsTitle: string;
  householdsCaption: (place: string, period: string) => string;
  pageInfo: (from: string, to: string, total: string) => string;
  previousPage: string;
  nextPage: string;
  columns: {
    hh_id: string; village_code: string; village_id: string; persons: string; labour: string; category: string; mgmt_class: string;
    wage: string; operating: string; property: string; transfer: string; net: string; per_capita: string; growth: string;
    flags: string; risks: string; decline_cause: string; measures: string; employed: string; relocation_site: string;
    no_labour: string; safety_net: string; relocated: string;
  };
  sortBy: (column: string) => string;
  yes: string;
  no: string;

  chipsTitle: string;
  noFilter: string;
  removeChip: (label: string) => string;
  addFilter: string;
  chipLabel: (kind: string, value: string) => string;
  clearAll: string;
  chooseCategory: string;
  chooseMgmtClass: string;
  chooseRelocated: string;
  chooseCause: string;
  any: string;
  relocatedOnly: string;
  notRelocated: string;
  incomeRangeChip: (lo: string, hi: string) => string;
  causeChip: (cause: string) => string;

  category: Record<string, string>;
  mgmtClass: Record<string, string>;
  /** Decline causes 1–8 (seed 002 §二(二)), index 0 = cause 1. */
  causes: string[];
  risks: Record<string, string>;
  measures: Record<string, string>;

  // ---- CSV export precision (issue 15 item 7) ----
  /** The checkbox beside an export button: write numbers unrounded. */
  exportFullPrecision: string;
  /** Its tooltip: what the two modes write. */
  exportPrecisionHint: string;
  /** CSV header of the growth column, written in percent. */
  csvGrowthPercent: string;
  /** Export button of the household table. */
  exportHouseholds: string;
}

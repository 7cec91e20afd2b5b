import type { PanelMessages } from './panel-messages';
import type { PopulationMessages } from './population-messages';
import type { FacilityMessages } from './facility-messages';

/**
 * Every string the UI shows, per language. `zh` is the reference dictionary; `en` must provide
 * the same keys (the compiler checks it). Strings that embed values are functions that receive
 * already formatted text, so number formatting stays in `format.ts`.
 */
export interface Messages {
  appTitle: string;
  syntheticBadge: string;
  provenanceHeading: string;
  languageGroup: string;

  kpiGroup: string;
  perCapita: string;
  growth: string;
  households: string;
  persons: string;
  monitored: string;
  unitYuan: string;
  unitHouseholds: string;
  unitPersons: string;
  growthBasis: string;
  monitoredShare: (share: string) => string;

  fullYear: (year: number) => string;
  yearToDate: (year: number, quarter: number) => string;
  ytdTag: string;
  /** A period label with the year-to-date tag, for titles and captions. */
  withYtd: (period: string) => string;

  controlsGroup: string;
  year: string;
  metric: string;
  metricIncome: string;
  metricGrowth: string;
  metricGap: string;
  metricStatus: string;
  mapTarget: string;
  mapTargetsEvaluating: string;
  mapTargetsNone: string;
  legendUnitTarget: string;
  legendCentreTarget: string;
  breaks: string;
  quantile: string;
  jenks: string;

  legendTitle: (metric: string, period: string) => string;
  legendUnitYuan: string;
  legendUnitPercent: string;
  legendCentre: (value: string) => string;
  legendCount: (n: number) => string;
  noData: string;
  backToRoot: (name: string) => string;
  /** The grey class of the gap and status maps: units without data or that the target does not bind. */
  noDataOrNotApplicable: string;

  /** Accessible name of the map: `level` is the plural name of the regions it colours. */
  mapLabel: (unit: string, level: string, metric: string, period: string) => string;
  tableCaption: (unit: string, level: string, period: string) => string;
  /** Name of each administrative level, 1 province … 5 village (for headings and columns). */
  levelNames: Record<1 | 2 | 3 | 4 | 5, string>;

  breadcrumbLabel: string;
  rankingTitle: (level: string) => string;
  rankingSiblingsTitle: (township: string) => string;
  rankingHint: string;
  rankingRank: string;
  rankingName: string;
  sortBy: (column: string) => string;
  drillInto: (name: string) => string;
  current: string;
  loadingUnit: string;
  /** Shown where the analysis panels go while their code loads. */
  panelsLoading: string;
  /** The analysis panels failed to load or render. */
  panelsFailed: (message: string) => string;
  reloadPage: string;

  regionSwitcher: string;
  regionUnavailable: (command: string) => string;
  regionCustom: (path: string) => string;

  filtered: string;
  filterRunning: string;
  filterFailed: (message: string) => string;
  clearFilter: string;

  play: string;
  pause: string;

  householdSlotTitle: string;

  loadingTitle: string;
  stepManifest: string;
  stepBoundaries: string;
  stepCountyAgg: string;
  stepRootAgg: string;
  stepWaiting: string;
  stepDone: string;

  errorTitle: string;
  errorStep: string;
  errorUrl: string;
  errorDetail: string;
  retry: string;

  engineStatus: (text: string) => string;
  enginePhaseEngine: string;
  enginePhaseHouseholds: string;
  enginePhaseIncome: string;
  enginePhaseTables: string;
  engineReady: string;
  /** Ready, household rows loaded per county on drill (partitioned dataset). */
  engineReadyPartitioned: string;
  engineFailed: (message: string) => string;
  engineIdle: string;
  engineVerifying: string;
  /** Ready, with the pre-aggregates checked against `rows` income records. */
  engineVerified: (rows: string) => string;
  /** Ready, but `count` pre-aggregated figures differ from the household records. */
  engineMismatch: (count: string) => string;

  /** Population names and the year-to-date basis (`population-messages.ts`). */
  population: PopulationMessages;
  /** Facility and demand layers (`facility-messages.ts`). */
  facilities: FacilityMessages;
  // -- Layout and keyboard (issue 15) --
  /** The indicators' names on the map's switch buttons (the full name is the button's title). */
  metricShort: { income: string; growth: string; gap: string; status: string };
  /** Ranking rows: how to move between them and open one (keyboard). */
  rankingKeysHint: string;

  /** Strings of the analysis panels (`src/ui/panels/`). */
  panels: PanelMessages;

  // ---- Bad URLs and datasets that cannot be opened (issue 15 item 5) ----
  /** Heading of the load error screen; `dataset` is the demo name or the folder path. */
  loadErrorTitle: (dataset: string) => string;
  /** What went wrong, in plain words, per `LoadProblem` (src/data/first-screen.ts). */
  loadProblem: Record<'local-gone' | 'not-found' | 'bad-manifest' | 'missing-file' | 'not-json' | 'server' | 'network' | 'other', (path: string, file: string, status: string) => string>;
  loadErrorDatasets: string;
  loadErrorTechnical: string;
  /** Notices about what the URL asked for and the dataset does not have. */
  noticesLabel: string;
  dismissNotice: string;
  noticeNoUnit: (code: string) => string;
  noticeShowingInstead: (name: string) => string;
  noticeNoPeriod: (asked: string, shown: string) => string;
  /** `shown`: the plan evaluated instead, null when the dataset has none. */
  noticeNoPlan: (plan: string, shown: string | null) => string;
  noticeNoTarget: (target: string) => string;
  noticeBadDataset: (value: string) => string;
}

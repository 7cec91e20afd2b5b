import type { Messages } from './messages';
import { panelsEn } from './panels-en';

/** English. */
export const en: Messages = {
  appTitle: 'Income monitoring: people lifted out of poverty',
  syntheticBadge: 'Synthetic demo data',
  provenanceHeading: 'Provenance',
  languageGroup: 'Language 界面语言',

  kpiGroup: 'Headline figures',
  perCapita: 'Per-capita net income',
  growth: 'Growth',
  households: 'Households',
  persons: 'Persons',
  monitored: 'Monitoring objects',
  unitYuan: 'yuan',
  unitHouseholds: 'households',
  unitPersons: 'persons',
  growthBasis: 'vs same period last year',
  monitoredShare: (share) => `${share} of households`,

  fullYear: (year) => `${year}`,
  yearToDate: (year, quarter) => (quarter === 1 ? `${year} Q1` : `${year} Q1–Q${quarter}`),
  ytdTag: 'year to date',
  withYtd: (period) => `${period} (year to date)`,

  controlsGroup: 'Map settings',
  year: 'Year',
  metric: 'Indicator',
  metricIncome: 'Per-capita net income',
  metricGrowth: 'Growth',
  breaks: 'Classes',
  quantile: 'Quantile',
  jenks: 'Natural breaks',

  legendTitle: (metric, period) => `${metric} · ${period}`,
  legendUnitYuan: 'Unit: yuan',
  legendUnitPercent: 'Unit: %',
  legendCentre: (value) => `Ramp centred on the region's growth, ${value}`,
  legendCount: (n) => `${n}`,
  noData: 'No data',

  mapLabel: (unit, level, metric, period) => `${unit}: choropleth map of ${metric.toLowerCase()} by ${level.toLowerCase()}, ${period}`,
  tableCaption: (unit, level, period) => `${unit}: indicators by ${level.toLowerCase()}, ${period}`,
  levelNames: { 1: 'Province', 2: 'City', 3: 'County', 4: 'Township', 5: 'Village' },

  breadcrumbLabel: 'You are here',
  rankingTitle: (level) => `${level} ranking`,
  rankingSiblingsTitle: (township) => `Villages of ${township}`,
  rankingHint: 'Click a row or press Enter to open it',
  rankingRank: '#',
  rankingName: 'Name',
  sortBy: (column) => `Sort by ${column.toLowerCase()}`,
  drillInto: (name) => `Open ${name}`,
  current: 'current',
  loadingUnit: 'Loading…',

  regionSwitcher: 'Dataset region',
  regionUnavailable: (command) => ` (not generated: ${command})`,
  regionCustom: (path) => `Other dataset: ${path}`,

  filtered: 'Filtered',
  filterRunning: 'computing the filtered figures…',
  filterFailed: (message) => `filter failed: ${message}`,
  clearFilter: 'Clear filter',

  play: 'Play',
  pause: 'Pause',

  householdSlotTitle: 'Village at a glance',

  loadingTitle: 'Loading data',
  stepManifest: 'Manifest',
  stepBoundaries: 'Boundaries',
  stepCountyAgg: 'Totals by area',
  stepRootAgg: 'Region totals',
  stepWaiting: 'waiting',
  stepDone: 'done',

  errorTitle: 'Data could not be loaded',
  errorStep: 'Step',
  errorUrl: 'URL',
  errorDetail: 'Details',
  retry: 'Retry',

  engineStatus: (text) => `Analysis engine: ${text}`,
  enginePhaseEngine: 'starting',
  enginePhaseHouseholds: 'loading households',
  enginePhaseIncome: 'loading income records',
  enginePhaseTables: 'loading regions, reference series and facilities',
  engineReady: 'ready',
  engineFailed: (message) => `unavailable (${message}); map and figures are unaffected`,
  engineIdle: 'not started',
  engineVerifying: 'checking the totals by area against household records…',
  engineVerified: (rows) => `ready · totals by area agree with ${rows} income records`,
  engineMismatch: (count) => `totals by area differ from household records in ${count} places; check the data`,

  panels: panelsEn,
};

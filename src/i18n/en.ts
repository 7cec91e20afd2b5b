import type { Messages } from './messages';
import { panelsEn } from './panels-en';

/** English. */
export const en: Messages = {
  appTitle: 'Income monitoring: people lifted out of poverty',
  syntheticBadge: 'Synthetic demo data',
  provenanceHeading: 'Provenance',
  languageGroup: 'Language 界面语言',

  kpiGroup: 'Region headline figures',
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
  yearOption: (year, q) => (q === null ? `${year}` : `${year} (year to date, Q1–Q${q})`),

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

  mapLabel: (metric, period) => `Choropleth map of ${metric.toLowerCase()} by county, ${period}`,
  tableCaption: (period) => `Indicators by county, ${period}`,
  county: 'County',
  selected: 'Selected',
  clearSelection: 'Clear selection',

  loadingTitle: 'Loading data',
  stepManifest: 'Manifest',
  stepBoundaries: 'County boundaries',
  stepCountyAgg: 'County totals',
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
  engineVerifying: 'checking county totals against household records…',
  engineVerified: (rows) => `ready · county totals agree with ${rows} income records`,
  engineMismatch: (count) => `county totals differ from household records in ${count} places; check the data`,

  panels: panelsEn,
};

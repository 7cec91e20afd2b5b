/**
 * The analysis panels: self-contained views that take the scope and callbacks as props and fetch
 * their own figures through the named queries. Importing this module brings their stylesheet.
 */
import './panels.css';

export { ChangePanel, type ChangePanelProps } from './ChangePanel';
export { ChipBar, filterChips, type ChipBarProps } from './ChipBar';
export { CompositionPanel, type CompositionPanelProps } from './CompositionPanel';
export { HistogramPanel, type HistogramPanelProps } from './HistogramPanel';
export { HouseholdTable, type HouseholdTableProps } from './HouseholdTable';
export { LedgersPanel, type LedgersPanelProps } from './LedgersPanel';
export { TrendPanel, type TrendPanelProps, type TrendTarget } from './TrendPanel';
export { projectedPerCapita } from './composition';
export { monitoringLineFor, referencesFor, type ReferenceSeries } from './reference-series';
export { regionNamer } from './labels';
export type { PanelContext, PanelScope } from './types';
export { useQuery, type QueryState } from './use-query';

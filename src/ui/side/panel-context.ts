import type { DatasetClient } from '../../data/dataset-client';
import type { Level, Manifest } from '../../domain/dataset';
import type { HouseholdFilter } from '../../domain/filter';
import type { RegionStats } from '../../domain/income';
import type { Lang, Messages } from '../../i18n';
import type { Period } from '../../state/period';

/**
 * Everything a side panel may read, handed to each panel as one prop (`<Scorecard ctx={ctx} />`),
 * so mounting a panel in `<aside data-testid="side-panels">` is one line of Dashboard.tsx.
 * Panels that need household rows ask `client.engine()` through a named query
 * (src/data/queries/panels.ts); they never open their own connection.
 */
export interface PanelContext {
  t: Messages;
  lang: Lang;
  client: DatasetClient;
  manifest: Manifest;
  /** The unit on screen: 12-digit code, level, display name. */
  unit: { code: string; level: Level; name: string };
  /** The period on screen; null when the dataset has no data. */
  period: Period | null;
  /** The unit's figures for the period (filtered when a filter is set). */
  stats: RegionStats | undefined;
  /** The cross-filter in force, and how to change it (pushes a history entry). */
  filter: HouseholdFilter;
  setFilter: (next: HouseholdFilter) => void;
  /** Drills to another unit (pushes a history entry). */
  openUnit: (code: string) => void;
}

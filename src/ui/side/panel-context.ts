import type { DatasetClient } from '../../data/dataset-client';
import type { Level, Manifest } from '../../domain/dataset';
import type { HouseholdFilter } from '../../domain/filter';
import type { RegionStats } from '../../domain/income';
import type { Lang, Messages } from '../../i18n';
import type { PopulationId } from '../../domain/population';
import type { ProjectionFactor } from '../../targets/projection';
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
  /**
   * The cross-filter the user set (the chips), and how to change it (pushes a history entry). The
   * panels' queries apply it within `population` (`applyPopulation`).
   */
  filter: HouseholdFilter;
  /** The population every figure speaks of. */
  population: PopulationId;
  /**
   * For a year-to-date period: the factor that projects year-to-date income to a full year, as the
   * targets project it (`projectionFactor` over the dataset root's sums); lines and floors are
   * compared on that basis. Undefined for a full year or when no earlier year allows it.
   */
  annualFactor: ProjectionFactor | undefined;
  setFilter: (next: HouseholdFilter) => void;
  /** Drills to another unit (pushes a history entry). */
  openUnit: (code: string) => void;
}
